// What a reporter submits, and the part of it that is sealed.
import * as z from "zod/mini";
import { MemberIdSchema } from "./model";
import { CategoryCodeSchema, type Label, Relations, Roles, Wishes } from "./taxonomy";

/** Chosen by a reporter who does not know which organisation it concerns: regional intake takes it. */
export const UNKNOWN_MEMBER = "onbekend";
/** The hub's own tenant: it owns the regional intake desk and the key for reports held there. */
export const HUB_MEMBER_ID = "regio";

/** Bounded so that a case, with later messages, stays far below DynamoDB's 400 KB item limit. */
export const MAX_DESCRIPTION = 20_000;

export const ReportSubmissionSchema = z.object({
  member: z.union([z.literal(UNKNOWN_MEMBER), MemberIdSchema]),
  wants: Wishes.schema,
  category: CategoryCodeSchema,
  /** The person the report is about, if the reporter says: their role steers routing away from conflicted desks. */
  role: z.optional(Roles.schema),
  relation: z.optional(Relations.schema),
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_DESCRIPTION)),
});
export type ReportSubmission = z.infer<typeof ReportSubmissionSchema>;

/** What a reporter reads when a field is missing or not one of the choices. */
export const REPORT_FIELD_MESSAGES: Record<keyof ReportSubmission, Label> = {
  member: { nl: "Kies een organisatie uit de lijst, of 'Ik weet het niet'.", en: "Choose an organisation from the list, or 'I don't know'." },
  wants: { nl: "Kies wat u wilt.", en: "Choose what you want." },
  role: { nl: "Kies een van de mogelijkheden.", en: "Choose one of the options." },
  relation: { nl: "Kies een van de mogelijkheden.", en: "Choose one of the options." },
  category: { nl: "Kies waar uw melding over gaat.", en: "Choose what your report is about." },
  description: { nl: "Beschrijf wat er is gebeurd.", en: "Describe what happened." },
};

/** Sealed under the case's data key; never stored or logged in clear. */
export const ReportContentSchema = z.object({
  v: z.literal(1),
  description: z.string(),
});
export type ReportContent = z.infer<typeof ReportContentSchema>;

export function encodeContent(content: Omit<ReportContent, "v">): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ v: 1, ...content }));
}

export function decodeContent(bytes: Uint8Array): ReportContent {
  return z.parse(ReportContentSchema, JSON.parse(new TextDecoder().decode(bytes)));
}
