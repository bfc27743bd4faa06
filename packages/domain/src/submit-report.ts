// Use case: a reporter submits a report through the web form.
import { checkUploads, discardAttachments, storeAttachments, type UploadedFile } from "./attachments";
import { initialDeadlines, reporterDay } from "./deadlines";
import type { CaseId, CaseKind, CaseRecord, Desk, Member, MemberId } from "./model";
import { ConflictError, type HubError, ValidationError } from "./errors";
import type { BlobStore, CaseSealer, CaseStore, Clock, FileInspector, ReceiptCodes, RegionStore, SubmissionTokens } from "./ports";
import { anonymityIssues, encodeContent, REPORT_FIELD_MESSAGES, type ReportSubmission, ReportSubmissionSchema } from "./report";
import { routeReport } from "./routing";
import { type CategoryCode, categoryOf, type Label } from "./taxonomy";
import { parseOrThrow } from "./validation";
import * as z from "zod/mini";

export interface ReportDeps {
  tokens: SubmissionTokens;
  cases: CaseStore;
  region: RegionStore;
  sealer: CaseSealer;
  receipts: ReceiptCodes;
  clock: Clock;
  throttle: import("./ports").ReceiptThrottle;
  inspector: FileInspector;
  blobs: BlobStore;
}

/**
 * A report staff register after receiving it by phone, in a meeting, by e-mail or by letter (Wbk: oral and written
 * reports must be taken). It goes the same way as a web report; the reporter reviews the written record in the mailbox.
 */
export const IntakeSchema = z.object({
  channel: z.enum(["telefoon", "gesprek", "email", "brief"]),
  /** The day it was received (yyyy-mm-dd); today when absent. */
  receivedOn: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  /** The staff id that registers it. */
  by: z.string().check(z.minLength(1), z.maxLength(80)),
});
export type Intake = z.infer<typeof IntakeSchema>;

const INTAKE_FIELDS = {
  channel: { nl: "Kies hoe de melding binnenkwam.", en: "Choose how the report came in." },
  receivedOn: { nl: "Vul een datum in, zoals 2026-03-14.", en: "Enter a date, like 2026-03-14." },
};

export interface SubmittedReport {
  /** For the staff who registered it (the audit trail names the case); never shown to a reporter. */
  caseId: string;
  /** Shown once; the hub keeps only its slow hash. */
  receiptCode: string;
  /** An advice contact (to the vertrouwenspersoon) or a report: the receipt page speaks of a question or a report. */
  kind: CaseKind;
  member: Member;
  desk: Desk;
  reasons: Label[];
  receivedAt: Date;
  ackDueAt: Date;
  feedbackDueAt: Date;
}

/**
 * Validates, routes, seals and stores a report in one conditional write: either the whole report is stored or nothing.
 * The same form sent twice (a double click, a retry after a lost answer) gives the same case and receipt code.
 * `options.refusal` is why the edge would not take a new report (its proof of work failed, docs/decisions.md 24): it is
 * thrown unless this is a retry of a report already stored, which still gets its receipt. `options.files` are the
 * attachments: checked with the form (one answer names every problem), stored before the case and removed again if
 * the case is not. `options.beforeStore` runs before anything of a new case is written (staff intake's audit entry:
 * if it cannot be recorded, nothing is stored).
 */
export async function submitReport(
  deps: ReportDeps,
  raw: unknown,
  options: { refusal?: HubError; files?: UploadedFile[]; intake?: unknown; beforeStore?: (ref: { member: MemberId; caseId: CaseId }) => Promise<unknown> } = {},
): Promise<SubmittedReport> {
  const uploads = options.files ?? [];
  const checked = checkUploads(deps.inspector, uploads);
  let input: ReportSubmission;
  let intake: Intake | undefined;
  try {
    intake = options.intake === undefined ? undefined : parseOrThrow(IntakeSchema, options.intake, INTAKE_FIELDS);
    input = parseOrThrow(ReportSubmissionSchema, raw, REPORT_FIELD_MESSAGES);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError([...error.issues, ...checked.issues]);
    throw error;
  }
  const receivedAt = receivedDay(deps.clock.now(), intake?.receivedOn);
  const crossField = [...anonymityIssues(input), ...checked.issues, ...(receivedAt ? [] : [{ field: "receivedOn", message: RECEIVED_ON }])];
  if (crossField.length > 0) throw new ValidationError(crossField);
  const [members, desks] = await Promise.all([deps.region.listMembers(), deps.region.listDesks()]);
  const categories = [...new Set(input.subcategories.map(categoryOf))];
  const person = input.role || input.relation ? [{ role: input.role ?? "onbekend", relation: input.relation ?? "onbekend" }] : [];
  // Routing looks at one category: a misstand among them puts the report on the Wbk track.
  const category = categories.includes("misstand") ? "misstand" : (categories[0] as CategoryCode);
  const route = routeReport({ member: input.member, wants: input.wants, category, persons: person }, { members, desks });
  const member = route.member;

  const { formToken, ...submitted } = input;
  const token = formToken ?? deps.tokens.issue();
  const { caseId, receiptSeed } = deps.tokens.derive(token);
  // The files count too (by name and size): the same form sent back with other files is another report.
  const fingerprint = deps.tokens.fingerprint(
    token,
    uploads.length > 0 ? { ...submitted, files: uploads.map((f) => ({ name: f.name, bytes: f.bytes.length })) } : submitted,
  );
  // Refused before the slow hash: a refused attempt costs one read.
  const existing = options.refusal ? await deps.cases.getCase(member.id, caseId) : undefined;
  if (options.refusal && existing?.submission !== fingerprint) throw options.refusal;
  const receipt = await deps.receipts.issue(receiptSeed);
  if (!receivedAt) throw new Error("unreachable: checked above");
  const { ackDueAt, feedbackDueAt } = initialDeadlines(receivedAt);
  const submittedReport = (at: { receivedAt: Date; ackDueAt: Date; feedbackDueAt: Date }): SubmittedReport => ({
    caseId,
    receiptCode: receipt.code,
    kind: route.kind,
    member,
    desk: route.desk,
    reasons: route.reasons,
    ...at,
  });
  const stored = (c: CaseRecord) => submittedReport({ receivedAt: new Date(c.receivedAt), ackDueAt: new Date(c.ackDueAt), feedbackDueAt: new Date(c.feedbackDueAt) });
  if (existing) return stored(existing);

  const ctx = { member: member.id, caseId };
  await options.beforeStore?.(ctx);
  const files = checked.files.map(({ id, name }) => ({ id, name }));
  const { dataKey, envelope } = await deps.sealer.sealNew(ctx, encodeContent({ ...sealedPart(input), ...(files.length ? { files } : {}) }));
  const attachments = await storeAttachments(deps, ctx, dataKey, checked.files, { at: receivedAt.toISOString(), from: "melder" });
  const record: CaseRecord = {
    id: caseId,
    member: member.id,
    desk: route.desk.id,
    kind: route.kind,
    track: route.track,
    state: "ontvangen",
    channel: intake?.channel ?? "webformulier",
    categories,
    subcategories: input.subcategories,
    relation: input.relation ?? "onbekend",
    reporterType: input.reporterType,
    receivedAt: receivedAt.toISOString(),
    ackDueAt: ackDueAt.toISOString(),
    feedbackDueAt: feedbackDueAt.toISOString(),
    routeReasons: route.reasons,
    receipt: { locator: receipt.locator, hash: receipt.hash },
    dataKey,
    content: envelope,
    history: [{ at: receivedAt.toISOString(), state: "ontvangen", by: intake?.by ?? "melder" }],
    // What staff wrote down is the reporter's to review (Wbk).
    ...(intake ? { recordReview: { status: "open" as const } } : {}),
    ...(attachments.length ? { attachments } : {}),
    submission: fingerprint,
    version: 1,
  };
  try {
    await deps.cases.createCase(record);
  } catch (error) {
    // No case points to these files now (a retry's case has its own): nothing of this attempt stays behind.
    await discardAttachments(deps.blobs, ctx, attachments);
    if (!(error instanceof ConflictError)) throw error;
    // The case of this token exists: the same form again gets the same answer; anything else is refused.
    const found = await deps.cases.getCase(member.id, caseId);
    if (!found || found.submission !== fingerprint) throw new ValidationError([{ field: "formToken", message: ALREADY_SENT }]);
    return stored(found);
  }
  return submittedReport({ receivedAt, ackDueAt, feedbackDueAt });
}

const RECEIVED_ON: Label = {
  nl: "De datum van ontvangst ligt in de toekomst of meer dan een jaar terug.",
  en: "The date of receipt lies in the future or more than a year back.",
};

/** The day a report was received: today, or for staff intake the day given, not in the future nor over a year back. */
function receivedDay(now: Date, given: string | undefined): Date | undefined {
  if (!given) return reporterDay(now);
  const day = new Date(`${given}T00:00:00.000Z`);
  if (Number.isNaN(day.getTime()) || day > now || now.getTime() - day.getTime() > 366 * 24 * 60 * 60 * 1000) return undefined;
  return day;
}

const ALREADY_SENT: Label = {
  nl: "Dit formulier is al verstuurd, met andere antwoorden. Open het meldformulier opnieuw voor een nieuwe melding.",
  en: "This form was already sent, with other answers. Open the report form again for a new report.",
};

/** Everything a person wrote or that could identify them: sealed, never in clear. */
function sealedPart(input: ReportSubmission) {
  const contact = input.anonymity === "anoniem" ? undefined : { name: input.contactName, phone: input.contactPhone, email: input.contactEmail };
  return {
    description: input.description,
    when: input.when,
    where: input.where,
    witnesses: input.witnesses,
    personName: input.personName,
    anonymity: input.anonymity,
    contact,
    notifyEmail: input.notifyEmail,
  };
}
