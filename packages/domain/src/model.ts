// Entities of DESIGN §2 as zod schemas; the types are inferred from them.
// zod/mini (≈13 KiB) instead of full zod (≈440 KiB): the api Lambda bundle has a budget of 800 KiB.
import * as z from "zod/mini";
import { CloseReasons, Conclusions, Investigations, Referrals } from "./outcomes";
import { isReadableOnWhite } from "./theme";
import { CategoryCodeSchema, Channels, Relations, ReporterTypes, SubcategoryCodeSchema, Tracks } from "./taxonomy";

const slug = (max: number) => z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/), z.maxLength(max));

export const MemberIdSchema = slug(40);
export type MemberId = z.infer<typeof MemberIdSchema>;
export const DeskIdSchema = slug(60);
export type DeskId = z.infer<typeof DeskIdSchema>;
/** 26 Crockford base32 characters (130 bits of randomness), never derived from report content. */
export const CaseIdSchema = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/));
export type CaseId = z.infer<typeof CaseIdSchema>;
export const IsoDateTimeSchema = z.iso.datetime();
const BytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array);

/** The hub itself is a tenant too: regional intake holds reports whose organisation is unknown, under the hub's own key. */
export const MemberKindSchema = z.enum(["gemeente", "gr", "regio"]);
export type MemberKind = z.infer<typeof MemberKindSchema>;

export const DeskTypeSchema = z.enum(["vp", "integriteit", "bestuurlijk", "intake"]);
export type DeskType = z.infer<typeof DeskTypeSchema>;

/** Measures of DESIGN §2; a member chooses which of them it uses. */
export const MeasureSchema = z.enum([
  "geen",
  "gesprek",
  "schriftelijke-waarschuwing",
  "berisping",
  "overplaatsing",
  "ontslag",
  "aangifte",
  "anders",
]);
export type Measure = z.infer<typeof MeasureSchema>;

/** What a member's configuration says of its logo: the type and the content's hash, which names the asset. */
export const LogoRefSchema = z.object({ type: z.enum(["png", "jpeg"]), hash: z.string().check(z.regex(/^[0-9a-f]{16}$/)) });
export type LogoRef = z.infer<typeof LogoRefSchema>;

export const MemberSchema = z.object({
  id: MemberIdSchema,
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  kind: MemberKindSchema,
  /** Headcount in fte, for rates per 1,000 fte. */
  fte: z.number().check(z.nonnegative(), z.maximum(100_000)),
  /**
   * Which desk receives each route for this member; a desk of another member when the member shares or delegates.
   * Which routes a member must have is checked by validateRegion, not here: the schema stays the store's shape.
   */
  routes: z.object({
    /** Advice and support: the vertrouwenspersoon. */
    vp: z.optional(DeskIdSchema),
    /** Reports about staff, and whistleblower reports. */
    integriteit: DeskIdSchema,
    /** Reports about a bestuurder (wethouder, raadslid): the burgemeester's desk. */
    bestuurlijk: z.optional(DeskIdSchema),
    /** Reports about the burgemeester: the griffier's route. */
    burgemeester: z.optional(DeskIdSchema),
  }),
  /** Where a report goes instead when it concerns someone on the desk that would receive it. */
  alternates: z.optional(
    z.object({
      /** The person concerned works on the receiving desk (the coordinator, the vertrouwenspersoon). */
      receivingDesk: z.optional(DeskIdSchema),
      /** The person concerned is the gemeentesecretaris (or a GR's director), to whom the integrity desk answers. */
      gemeentesecretaris: z.optional(DeskIdSchema),
    }),
  ),
  measures: z.optional(z.array(MeasureSchema)),
  /** NL Design System tokens of the member's own look; absent: the region's. */
  theme: z.optional(
    z.object({
      primaryColor: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/), z.refine(isReadableOnWhite, { message: "not readable on white" }))),
      /** The member's logo (member-logo.ts): its type and hash; the image is an item of its own. */
      logo: z.optional(LogoRefSchema),
    }),
  ),
  retentionYears: z.number().check(z.int(), z.minimum(1), z.maximum(100)),
  /**
   * Whether the casuïstiek library may name the member in a description (library.ts). Absent or false: the automatic
   * check refuses the member's name in every description written from its cases.
   */
  allowNamingInLibrary: z.optional(z.boolean()),
  version: z.number().check(z.int(), z.minimum(1)),
});
export type Member = z.infer<typeof MemberSchema>;

export const DeskSchema = z.object({
  id: DeskIdSchema,
  type: DeskTypeSchema,
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  /** The member the desk belongs to (the hub's `regio` for intake). */
  owner: MemberIdSchema,
  /** Members whose cases this desk handles: a shared external VP or a delegated integrity bureau serves several. */
  serves: z.array(MemberIdSchema).check(z.minLength(1)),
  version: z.number().check(z.int(), z.minimum(1)),
});
export type Desk = z.infer<typeof DeskSchema>;

/** Case states of DESIGN §2; the guarded transitions between them come with the desk workspace. */
export const CaseStateSchema = z.enum([
  "ontvangen",
  "bevestigd",
  "triage",
  "vooronderzoek",
  "feitenonderzoek",
  "rapport",
  "besluit",
  "maatregel",
  "afdoening-lijn",
  "doorverwezen",
  "gesloten",
]);
export type CaseState = z.infer<typeof CaseStateSchema>;

/** An advice contact goes to the VP and is not a case; a melding is. */
export const CaseKindSchema = z.enum(["melding", "advies"]);
export type CaseKind = z.infer<typeof CaseKindSchema>;

/** Events besides a change of state; the reporter's own steps in the mailbox are among them. */
export const HistoryEventSchema = z.enum([
  "doorgestuurd",
  "terugkoppeling",
  /** The reporter gave or withdrew consent for a referral; which of the two is sealed (consent.ts). */
  "toestemming",
  "afgesloten-door-melder",
  "verslag-bevestigd",
  "verslag-gecorrigeerd",
]);
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;

export const HistoryEntrySchema = z.object({
  at: IsoDateTimeSchema,
  state: CaseStateSchema,
  /** `melder`, `systeem`, or a staff id: never a name. */
  by: z.string().check(z.maxLength(80)),
  /** What happened besides the state: a transfer records where from and where to. */
  event: z.optional(HistoryEventSchema),
  from: z.optional(z.object({ member: MemberIdSchema, desk: DeskIdSchema })),
  to: z.optional(z.object({ member: MemberIdSchema, desk: DeskIdSchema })),
  /** Free text (the reason of a transfer), sealed under the case key as part `history:<index>`. */
  note: z.optional(BytesSchema),
  /** The code a transition recorded (a close reason, a referral, a conclusion, …): in clear, for statistics. */
  detail: z.optional(z.string().check(z.maxLength(60))),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const WrappedKeySchema = z.object({
  /** The member key that wrapped the data key (a KMS key ARN or the local key's id). */
  keyId: z.string().check(z.minLength(1), z.maxLength(2048)),
  blob: BytesSchema,
});
export type WrappedKey = z.infer<typeof WrappedKeySchema>;

/** Who wrote a message or added a file: the reporter, or the desk (with the staff id in `by`). */
export const AuthorSchema = z.enum(["melder", "balie"]);
export type Author = z.infer<typeof AuthorSchema>;

export const AttachmentTypeSchema = z.enum(["pdf", "jpeg", "png", "heic", "docx", "txt", "eml"]);

/**
 * An attachment as the case lists it: in clear only what a queue or a statistic may know. Its bytes are a sealed
 * blob (part `attachment:<id>`) in the BlobStore; its file name is sealed with the report or message it came with.
 */
export const AttachmentRefSchema = z.object({
  id: CaseIdSchema,
  type: AttachmentTypeSchema,
  bytes: z.number().check(z.int(), z.nonnegative()),
  at: IsoDateTimeSchema,
  from: AuthorSchema,
  /** The message it came with; absent: it came with the report. */
  message: z.optional(z.string().check(z.maxLength(10))),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

export const MessageKindSchema = z.enum(["bericht", "terugkoppeling", "correctie"]);
export type MessageKind = z.infer<typeof MessageKindSchema>;

/** A message in the mailbox, either way. The text (and the names of its files) is sealed as part `message:<id>`. */
export const MessageSchema = z.object({
  /** Its position in the case's list, as text: ids never change, as messages are never removed. */
  id: z.string().check(z.regex(/^[0-9]{1,4}$/)),
  at: IsoDateTimeSchema,
  from: AuthorSchema,
  /** The staff id of a desk message; never a name. */
  by: z.optional(z.string().check(z.maxLength(80))),
  kind: MessageKindSchema,
  body: BytesSchema,
  /** When the other side first opened it. */
  readAt: z.optional(IsoDateTimeSchema),
});
export type Message = z.infer<typeof MessageSchema>;

/** An internal note of the desk: never shown to the reporter. Sealed as part `note:<id>`. */
export const NoteSchema = z.object({
  id: z.string().check(z.regex(/^[0-9]{1,4}$/)),
  at: IsoDateTimeSchema,
  /** The staff id; never a name. */
  by: z.string().check(z.maxLength(80)),
  body: BytesSchema,
});
export type Note = z.infer<typeof NoteSchema>;

export const ReasonSchema = z.object({ nl: z.string(), en: z.string() });

/**
 * A case as stored: metadata in clear for queues and statistics, everything a person wrote sealed in `content`
 * under the case's data key, which is wrapped by the member's key.
 */
export const CaseRecordSchema = z.object({
  id: CaseIdSchema,
  member: MemberIdSchema,
  desk: DeskIdSchema,
  kind: CaseKindSchema,
  track: Tracks.schema,
  state: CaseStateSchema,
  channel: Channels.schema,
  categories: z.array(CategoryCodeSchema),
  subcategories: z.array(SubcategoryCodeSchema),
  relation: Relations.schema,
  reporterType: ReporterTypes.schema,
  receivedAt: IsoDateTimeSchema,
  ackDueAt: IsoDateTimeSchema,
  feedbackDueAt: IsoDateTimeSchema,
  routeReasons: z.array(ReasonSchema),
  receipt: z.object({ locator: z.string(), hash: z.string() }),
  dataKey: WrappedKeySchema,
  content: BytesSchema,
  history: z.array(HistoryEntrySchema),
  /** What the desk recorded on the way (DESIGN §2); codes only, counted by statistics. */
  outcome: z.optional(
    z.object({
      closeReason: z.optional(CloseReasons.schema),
      referral: z.optional(Referrals.schema),
      investigation: z.optional(Investigations.schema),
      conclusion: z.optional(Conclusions.schema),
      measures: z.optional(z.array(MeasureSchema)),
    }),
  ),
  /**
   * The light registration of an advice contact (DESIGN §2): what the VP's annual report counts besides date, subject,
   * relation and reporter type. In clear; no content.
   */
  vp: z.optional(z.object({ sickLeave: z.optional(z.boolean()), formalComplaint: z.optional(z.boolean()) })),
  /** Keyed hashes of the names of the people the case concerns (signals.ts); never a name. */
  personTags: z.optional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(5))),
  /** When the desk first gave the reporter feedback (terugkoppeling): the Wbk's three months are met or not by it. */
  feedbackAt: z.optional(IsoDateTimeSchema),
  /** The reporter's decision about referring an advice contact, sealed (consent.ts); none: no referral. */
  consent: z.optional(BytesSchema),
  attachments: z.optional(z.array(AttachmentRefSchema)),
  messages: z.optional(z.array(MessageSchema)),
  notes: z.optional(z.array(NoteSchema)),
  /**
   * An oral or written report that staff wrote down (Wbk): the reporter reviews the written record in the mailbox and
   * agrees or corrects it.
   */
  recordReview: z.optional(z.object({ status: z.enum(["open", "bevestigd", "gecorrigeerd"]), at: z.optional(IsoDateTimeSchema) })),
  /**
   * What the deadline job told the desk (deadline-job.ts): per notice, the deadline it was about. A notice is sent once
   * for a deadline; a deadline that moves (or passes after its "due soon" notice) is told again, once.
   */
  notified: z.optional(
    z.object({
      ackDueSoon: z.optional(IsoDateTimeSchema),
      ackOverdue: z.optional(IsoDateTimeSchema),
      feedbackDueSoon: z.optional(IsoDateTimeSchema),
      feedbackOverdue: z.optional(IsoDateTimeSchema),
    }),
  ),
  /** Keyed fingerprint of the submitted form (SubmissionTokens): a retry of the same form finds its own case. */
  submission: z.optional(z.string().check(z.maxLength(100))),
  /** Optimistic concurrency: every write expects the version it read. */
  version: z.number().check(z.int(), z.minimum(1)),
});
export type CaseRecord = z.infer<typeof CaseRecordSchema>;

/** What a desk's queue shows: metadata only, nothing that needs decryption. */
export type CaseSummary = Pick<
  CaseRecord,
  "id" | "member" | "desk" | "kind" | "track" | "state" | "categories" | "receivedAt" | "ackDueAt" | "feedbackDueAt" | "feedbackAt" | "version"
> & {
  /** A message of the reporter that no one on the desk has opened yet (the store keeps it in clear beside the case). */
  deskUnread?: boolean;
};

export interface Page<T> {
  items: T[];
  /** Opaque; absent on the last page. */
  cursor?: string;
}
