// The reporter's mailbox (issue 3): what a reporter sees after signing in with the receipt code, and what they may do
// there — write to the desk with files, give or withdraw consent for a referral of an advice contact, close it, and
// agree with or correct the written record of an oral report. The desk writes to the reporter through the same list.
// Every text is sealed under the case's data key like the report; only states, dates and counts are in clear.
import * as z from "zod/mini";
import { type CheckedFile, checkUploadsOrThrow, discardAttachments, storeAttachments, type UploadedFile } from "./attachments";
import { openConsent, sealConsent } from "./consent";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import type { AttachmentRef, Author, CaseId, CaseKind, CaseRecord, CaseState, HistoryEvent, Member, MemberId, Message, MessageKind } from "./model";
import { reporterDay } from "./deadlines";
import type { AttachmentType, Clock } from "./ports";
import { decodeContent } from "./report";
import type { ReportDeps } from "./submit-report";
import type { CategoryCode, Channel, Label } from "./taxonomy";
import { parseOrThrow } from "./validation";

/** Which case a signed-in reporter may see: what the mailbox session carries, nothing else. */
export interface MailboxRef {
  member: MemberId;
  caseId: CaseId;
}

export type MailboxDeps = Pick<ReportDeps, "cases" | "region" | "sealer" | "clock" | "inspector" | "blobs">;

export const MAX_MESSAGE = 5000;
/**
 * All sealed text of one case stays under this, so the case stays one DynamoDB item (400 KB) with room to spare. At
 * ~5 KB a message that is some 50 full messages; the way past it is messages as items of their own (decisions 27).
 */
export const MAX_SEALED_BYTES = 300_000;

export interface MailboxFile {
  id: string;
  name: string;
  type: AttachmentType;
  bytes: number;
}

export interface MailboxMessage {
  id: string;
  at: Date;
  from: Author;
  kind: MessageKind;
  text: string;
  files: MailboxFile[];
  /** A desk message the reporter had not opened before this visit. */
  isNew: boolean;
}

export interface MailboxView {
  /** The member the case is with now: its pages show its name and colours. */
  member?: Pick<Member, "id" | "name" | "kind" | "theme">;
  kind: CaseKind;
  state: CaseState;
  channel: Channel;
  memberName: string;
  deskName: string;
  categories: CategoryCode[];
  receivedAt: Date;
  ackDueAt: Date;
  feedbackDueAt: Date;
  /** States, dates and the reporter's own steps: who did what on the desk is not the reporter's view. */
  timeline: { at: string; state: CaseState; event?: HistoryEvent }[];
  reasons: Label[];
  description: string;
  files: MailboxFile[];
  messages: MailboxMessage[];
  /** For an advice contact: whether the reporter consents to a referral (eigen regie). */
  consent?: { given: boolean; at?: Date };
  /** For a report staff wrote down: the reporter's review of the written record. */
  recordReview?: "open" | "bevestigd" | "gecorrigeerd";
  closed: boolean;
}

const MessageContentSchema = z.object({
  v: z.literal(1),
  text: z.string(),
  files: z.optional(z.array(z.object({ id: z.string(), name: z.string() }))),
});

export const messagePart = (id: string) => `message:${id}`;

const encodeMessage = (text: string, files: CheckedFile[]) =>
  new TextEncoder().encode(JSON.stringify({ v: 1, text, ...(files.length ? { files: files.map(({ id, name }) => ({ id, name })) } : {}) }));

const CLOSED: Label = {
  nl: "Deze melding is afgesloten. Hebt u iets nieuws te melden? Doe dan een nieuwe melding.",
  en: "This report is closed. Do you have something new to report? Then make a new report.",
};

async function load(deps: Pick<MailboxDeps, "cases">, ref: MailboxRef): Promise<CaseRecord> {
  const record = await deps.cases.getCase(ref.member, ref.caseId);
  // A case transferred to another member since the sign-in is no longer under this reference: sign in again.
  if (!record) throw new NotFoundError();
  return record;
}

/** The files a sealed part names, with what the case lists of each. */
export function listedFiles(record: CaseRecord, names: { id: string; name: string }[] | undefined): MailboxFile[] {
  return (names ?? []).flatMap(({ id, name }) => {
    const ref = record.attachments?.find((a) => a.id === id);
    return ref ? [{ id, name, type: ref.type, bytes: ref.bytes }] : [];
  });
}

/** Every message of the case, opened; `isNew` marks those from `from` the other side had not opened yet. */
export async function readMessages(deps: Pick<MailboxDeps, "sealer">, record: CaseRecord, from: Author): Promise<MailboxMessage[]> {
  const ctx = { member: record.member, caseId: record.id };
  return Promise.all(
    (record.messages ?? []).map(async (m) => {
      const body = z.parse(MessageContentSchema, JSON.parse(new TextDecoder().decode(await deps.sealer.open(ctx, record.dataKey, m.body, messagePart(m.id)))));
      return { id: m.id, at: new Date(m.at), from: m.from, kind: m.kind, text: body.text, files: listedFiles(record, body.files), isNew: m.from === from && !m.readAt };
    }),
  );
}

/** The mailbox, opened: the report and every message decrypted. Marks the desk's messages as read by the reporter. */
export async function openMailbox(deps: MailboxDeps, ref: MailboxRef): Promise<MailboxView> {
  const record = await load(deps, ref);
  const ctx = { member: record.member, caseId: record.id };
  const content = decodeContent(await deps.sealer.open(ctx, record.dataKey, record.content));
  const messages = await readMessages(deps, record, "balie");
  const [member, desk] = await Promise.all([deps.region.getMember(record.member), deps.region.getDesk(record.desk)]);
  const view: MailboxView = {
    ...(member ? { member } : {}),
    kind: record.kind,
    state: record.state,
    channel: record.channel,
    memberName: member?.name ?? record.member,
    deskName: desk?.name ?? record.desk,
    categories: record.categories,
    receivedAt: new Date(record.receivedAt),
    ackDueAt: new Date(record.ackDueAt),
    feedbackDueAt: new Date(record.feedbackDueAt),
    timeline: record.history.map(({ at, state, event }) => ({ at, state, ...(event && REPORTER_EVENTS.has(event) ? { event } : {}) })),
    reasons: record.routeReasons,
    description: content.description,
    files: listedFiles(record, content.files),
    messages,
    closed: record.state === "gesloten",
    ...(record.kind === "advies" ? { consent: (await openConsent(deps.sealer, record)) ?? { given: false } } : {}),
    ...(record.recordReview ? { recordReview: record.recordReview.status } : {}),
  };
  await markRead(deps, record, "balie");
  return view;
}

/** Events the reporter sees in the timeline: their own steps. A transfer shows as the desk's name changing. */
const REPORTER_EVENTS = new Set<HistoryEvent>(["terugkoppeling", "toestemming", "afgesloten-door-melder", "verslag-bevestigd", "verslag-gecorrigeerd"]);

/**
 * When someone acted, as stored: the reporter only to the UTC day (decision 4: no precise timing of a reporter, their
 * messages, reads and steps included), the desk to the moment.
 */
function actedAt(clock: Clock, actor: Author): string {
  return (actor === "melder" ? reporterDay(clock.now()) : clock.now()).toISOString();
}

/** Notes when the messages of `from` were first read by the other side. A lost race only delays the mark. */
export async function markRead(deps: Pick<MailboxDeps, "cases" | "clock">, record: CaseRecord, from: Author): Promise<void> {
  const unread = (record.messages ?? []).some((m) => m.from === from && !m.readAt);
  if (!unread) return;
  // The desk's messages are read by the reporter: when, only to the day.
  const at = actedAt(deps.clock, from === "balie" ? "melder" : "balie");
  const messages = (record.messages ?? []).map((m) => (m.from === from && !m.readAt ? { ...m, readAt: at } : m));
  try {
    await deps.cases.updateCase({ ...record, messages, version: record.version + 1 });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
}

/**
 * Applies `change` to the freshest case and writes it, trying again when someone else wrote in between (the desk, the
 * reporter in another tab). Files are stored for each attempt under that attempt's data key, and removed if it fails.
 */
export async function changeCase(
  deps: MailboxDeps,
  ref: MailboxRef,
  change: (record: CaseRecord, now: string) => Promise<{ next: CaseRecord; stored?: AttachmentRef[] }>,
  actor: Author = "balie",
): Promise<CaseRecord> {
  for (let attempt = 1; ; attempt++) {
    const record = await load(deps, ref);
    const { next, stored = [] } = await change(record, actedAt(deps.clock, actor));
    if (next === record) return record;
    try {
      await deps.cases.updateCase({ ...next, version: record.version + 1 });
      return next;
    } catch (error) {
      await discardAttachments(deps.blobs, { member: record.member, caseId: record.id }, stored);
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
  }
}

export const MessageInputSchema = z.object({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_MESSAGE)) });

export const MESSAGE_FIELD = { text: { nl: "Schrijf uw bericht.", en: "Write your message." } };

/** All sealed text of a case: the report, history notes, messages and internal notes (files are blobs apart). */
export function sealedBytes(record: CaseRecord): number {
  const sum = (list: { length: number }[]) => list.reduce((n, b) => n + b.length, 0);
  return (
    record.content.length +
    sum(record.history.flatMap((h) => (h.note ? [h.note] : []))) +
    sum((record.messages ?? []).map((m) => m.body)) +
    sum((record.notes ?? []).map((n) => n.body)) +
    (record.consent?.length ?? 0)
  );
}

/**
 * Adds a message (and its files) from the reporter or the desk; one piece for both sides. `amend` changes the case in
 * the same write (a correction also records the review).
 */
async function addMessage(
  deps: MailboxDeps,
  ref: MailboxRef,
  message: { from: Author; by?: string; kind: MessageKind; text: unknown },
  uploads: UploadedFile[],
  amend: (record: CaseRecord, at: string) => CaseRecord = (record) => record,
): Promise<void> {
  const files = checkUploadsOrThrow(deps.inspector, uploads);
  const { text } = parseOrThrow(MessageInputSchema, { text: message.text }, MESSAGE_FIELD);
  await changeCase(deps, ref, async (record, at) => {
    if (record.state === "gesloten") throw new ValidationError([{ field: "text", message: CLOSED }]);
    const ctx = { member: record.member, caseId: record.id };
    const id = String((record.messages ?? []).length);
    const body = await deps.sealer.seal(ctx, record.dataKey, encodeMessage(text, files), messagePart(id));
    if (sealedBytes(record) + body.length > MAX_SEALED_BYTES) {
      throw new ValidationError([
        {
          field: "text",
          message: {
            nl: "Dit bericht past niet meer in deze brievenbus. Voeg uw tekst toe als tekstbestand (txt).",
            en: "This message no longer fits in this mailbox. Add your text as a text file (txt).",
          },
        },
      ]);
    }
    const stored = await storeAttachments(deps, ctx, record.dataKey, files, { at, from: message.from, message: id });
    const entry: Message = { id, at, from: message.from, kind: message.kind, body, ...(message.by ? { by: message.by } : {}) };
    const next = { ...record, messages: [...(record.messages ?? []), entry], attachments: [...(record.attachments ?? []), ...stored] };
    return { next: amend(next, at), stored };
  }, message.from);
}

/** The reporter writes to the desk: an answer to a question, more information, more files. */
export function postReporterMessage(deps: MailboxDeps, ref: MailboxRef, text: unknown, uploads: UploadedFile[] = []): Promise<void> {
  return addMessage(deps, ref, { from: "melder", kind: "bericht", text }, uploads);
}

/**
 * The desk writes to the reporter (a question, or the feedback); the desk workspace checks who may. The first feedback
 * is what the Wbk's three months ask for: its time is kept on the case and in its history.
 */
export function sendDeskMessage(
  deps: MailboxDeps,
  ref: MailboxRef,
  message: { by: string; kind: Exclude<MessageKind, "correctie">; text: unknown },
  uploads: UploadedFile[] = [],
): Promise<void> {
  const feedback = (record: CaseRecord, at: string): CaseRecord =>
    message.kind !== "terugkoppeling" || record.feedbackAt
      ? record
      : { ...record, feedbackAt: at, history: [...record.history, { at, state: record.state, by: message.by, event: "terugkoppeling" }] };
  return addMessage(deps, ref, { from: "balie", ...message }, uploads, feedback);
}

const NOT_AN_ADVICE_CONTACT: Label = {
  nl: "Dit kan alleen bij een vraag aan de vertrouwenspersoon.",
  en: "This is only possible for a question to the confidential advisor.",
};

function historyEntry(record: CaseRecord, at: string, event: HistoryEvent, state: CaseState = record.state) {
  return [...record.history, { at, state, by: "melder", event }];
}

/**
 * On an advice contact the reporter decides about a referral (eigen regie): consent given, or withdrawn. The decision
 * is sealed (consent.ts); the history shows only that it changed.
 */
export async function setReferralConsent(deps: MailboxDeps, ref: MailboxRef, give: boolean): Promise<void> {
  await changeCase(deps, ref, async (record, at) => {
    if (record.kind !== "advies") throw new ValidationError([{ field: "consent", message: NOT_AN_ADVICE_CONTACT }]);
    if (record.state === "gesloten") throw new ValidationError([{ field: "consent", message: CLOSED }]);
    if (((await openConsent(deps.sealer, record))?.given ?? false) === give) return { next: record };
    const consent = await sealConsent(deps.sealer, record, { given: give, at: new Date(at) });
    return { next: { ...record, consent, history: historyEntry(record, at, "toestemming") } };
  }, "melder");
}

/** The reporter ends their advice contact; it is closed for the desk too. */
export async function closeAdviceContact(deps: MailboxDeps, ref: MailboxRef): Promise<void> {
  await changeCase(deps, ref, async (record, at) => {
    if (record.kind !== "advies") throw new ValidationError([{ field: "close", message: NOT_AN_ADVICE_CONTACT }]);
    if (record.state === "gesloten") return { next: record };
    return { next: { ...record, state: "gesloten", history: historyEntry(record, at, "afgesloten-door-melder", "gesloten") } };
  }, "melder");
}

/**
 * The reporter reviews the written record of a report they gave orally (Wbk): agrees, or sends a correction, which
 * the desk reads as a message of its own kind. The record itself is never changed: the correction sits beside it.
 */
export async function reviewRecord(deps: MailboxDeps, ref: MailboxRef, review: { agree: true } | { correction: unknown }): Promise<void> {
  const current = await load(deps, ref);
  if (!current.recordReview) {
    throw new ValidationError([{ field: "review", message: { nl: "Bij deze melding is geen verslag te controleren.", en: "This report has no record to review." } }]);
  }
  const reviewed =
    (status: "bevestigd" | "gecorrigeerd") =>
    (record: CaseRecord, at: string): CaseRecord => ({
      ...record,
      recordReview: { status, at },
      history: historyEntry(record, at, status === "bevestigd" ? "verslag-bevestigd" : "verslag-gecorrigeerd"),
    });
  if ("correction" in review) {
    // A correction is a message of its own kind, written in the review's own field: its errors belong there.
    await addMessage(deps, ref, { from: "melder", kind: "correctie", text: review.correction }, [], reviewed("gecorrigeerd")).catch((error: unknown) => {
      if (!(error instanceof ValidationError)) throw error;
      throw new ValidationError(error.issues.map((i) => (i.field === "text" ? { ...i, field: "correction" } : i)));
    });
  } else {
    await changeCase(deps, ref, async (record, at) => ({ next: reviewed("bevestigd")(record, at) }), "melder");
  }
}
