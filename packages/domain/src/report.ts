// What a reporter submits, and the part of it that is sealed.
import * as z from "zod/mini";
import type { FieldIssue } from "./errors";
import { MemberIdSchema } from "./model";
import { type Label, labelled, Relations, ReporterTypes, Roles, SubcategoryCodeSchema, Wishes } from "./taxonomy";

/** Chosen by a reporter who does not know which organisation it concerns: regional intake takes it. */
export const UNKNOWN_MEMBER = "onbekend";
/** The hub's own tenant: it owns the regional intake desk and the key for reports held there. */
export const HUB_MEMBER_ID = "regio";

/** Bounded so that a case, with later messages, stays far below DynamoDB's 400 KB item limit. */
export const MAX_DESCRIPTION = 20_000;

/** How much of themselves a reporter shows (DESIGN §1): nothing, to the desk only, or openly. */
export const Anonymity = labelled({
  anoniem: { nl: "Anoniem", en: "Anonymous" },
  vertrouwelijk: { nl: "Vertrouwelijk", en: "Confidential" },
  open: { nl: "Open", en: "Open" },
});
export type AnonymityLevel = z.infer<typeof Anonymity.schema>;

const text = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));
const email = z.optional(z.string().check(z.trim(), z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/)));

export const MAX_SUBCATEGORIES = 10;
export const MAX_SHORT_TEXT = 500;
export const MAX_WITNESSES = 5000;

export const ReportSubmissionSchema = z.object({
  member: z.union([z.literal(UNKNOWN_MEMBER), MemberIdSchema]),
  wants: Wishes.schema,
  reporterType: ReporterTypes.schema,
  /** What happened, at level 2 of the taxonomy; level 1 follows from it. */
  subcategories: z.array(SubcategoryCodeSchema).check(z.minLength(1), z.maxLength(MAX_SUBCATEGORIES)),
  /** The person the report is about, if the reporter says: their role steers routing away from conflicted desks. */
  role: z.optional(Roles.schema),
  relation: z.optional(Relations.schema),
  /** Sealed; later used only for the keyed-hash signal, never stored in clear. */
  personName: text(200),
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_DESCRIPTION)),
  when: text(MAX_SHORT_TEXT),
  where: text(MAX_SHORT_TEXT),
  witnesses: text(MAX_WITNESSES),
  anonymity: Anonymity.schema,
  contactName: text(200),
  contactPhone: z.optional(z.string().check(z.trim(), z.maxLength(40), z.regex(/^[0-9+()\s-]*$/))),
  contactEmail: email,
  /** For a contentless "there is a new message" notice only. */
  notifyEmail: email,
  /** Issued with the form: a retry or double click of the same form gives the same report and receipt code. */
  formToken: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/))),
});
export type ReportSubmission = z.infer<typeof ReportSubmissionSchema>;

const CHOOSE: Label = { nl: "Kies een van de mogelijkheden.", en: "Choose one of the options." };

/** What a reporter reads when a field is missing or not one of the choices (a too-long text keeps the length message). */
export const REPORT_FIELD_MESSAGES: Partial<Record<keyof ReportSubmission, Label>> = {
  member: { nl: "Kies een organisatie uit de lijst, of 'Ik weet het niet'.", en: "Choose an organisation from the list, or 'I don't know'." },
  wants: { nl: "Kies wat u wilt.", en: "Choose what you want." },
  reporterType: { nl: "Kies wie u bent.", en: "Choose who you are." },
  subcategories: { nl: "Kies ten minste één onderwerp.", en: "Choose at least one subject." },
  role: CHOOSE,
  relation: CHOOSE,
  anonymity: { nl: "Kies hoe u wilt melden.", en: "Choose how you want to report." },
  contactPhone: { nl: "Vul een telefoonnummer in met alleen cijfers, spaties, + of -.", en: "Enter a phone number with digits, spaces, + or - only." },
  contactEmail: { nl: "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.", en: "Enter a valid e-mail address, like name@example.com." },
  notifyEmail: { nl: "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.", en: "Enter a valid e-mail address, like name@example.com." },
  formToken: { nl: "Het formulier is verlopen. Open het opnieuw.", en: "The form has expired. Open it again." },
  description: { nl: "Beschrijf wat er is gebeurd.", en: "Describe what happened." },
};

/** Sealed under the case's data key; never stored or logged in clear. Every field but the description is optional. */
export const ReportContentSchema = z.object({
  v: z.literal(1),
  description: z.string(),
  when: z.optional(z.string()),
  where: z.optional(z.string()),
  witnesses: z.optional(z.string()),
  personName: z.optional(z.string()),
  anonymity: z.optional(Anonymity.schema),
  contact: z.optional(z.object({ name: z.optional(z.string()), phone: z.optional(z.string()), email: z.optional(z.string()) })),
  notifyEmail: z.optional(z.string()),
  /** The names of the files sent with the report, by attachment id: a file name can identify its sender. */
  files: z.optional(z.array(z.object({ id: z.string(), name: z.string() }))),
});
export type ReportContent = z.infer<typeof ReportContentSchema>;

export function encodeContent(content: Omit<ReportContent, "v">): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ v: 1, ...content }));
}

export function decodeContent(bytes: Uint8Array): ReportContent {
  return z.parse(ReportContentSchema, JSON.parse(new TextDecoder().decode(bytes)));
}

/**
 * The checks across fields: contact details only where the anonymity level needs them (an anonymous reporter's
 * details are refused, not quietly stored), and enough of them where it does.
 */
export function anonymityIssues(input: ReportSubmission): FieldIssue[] {
  const hasContact = Boolean(input.contactName || input.contactPhone || input.contactEmail);
  if (input.anonymity === "anoniem") {
    return hasContact
      ? [
          {
            field: input.contactName ? "contactName" : input.contactPhone ? "contactPhone" : "contactEmail",
            message: {
              nl: "U meldt anoniem: laat uw contactgegevens leeg, of kies vertrouwelijk of open melden.",
              en: "You report anonymously: leave your contact details empty, or choose confidential or open reporting.",
            },
          },
        ]
      : [];
  }
  const issues: FieldIssue[] = [];
  if (!input.contactName) issues.push({ field: "contactName", message: { nl: "Vul uw naam in.", en: "Fill in your name." } });
  if (!input.contactPhone && !input.contactEmail) {
    issues.push({
      field: "contactPhone",
      message: { nl: "Vul een telefoonnummer of e-mailadres in, zodat de balie u kan bereiken.", en: "Fill in a phone number or e-mail address, so the desk can reach you." },
    });
  }
  return issues;
}
