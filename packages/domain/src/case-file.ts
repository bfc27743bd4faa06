// The desk's view of one case (workspace issue): the content decrypted only after the read is in the member's audit
// trail (fail closed), the messages with the reporter, internal notes, files, and what may happen next.
import * as z from "zod/mini";
import { openAttachment } from "./attachments";
import { type AuditAction, audited } from "./audit";
import { type Consent, openConsent } from "./consent";
import { type SignalDeps, signalCounts } from "./signals";
import { NotFoundError, ValidationError } from "./errors";
import { type Need, nextStates } from "./lifecycle";
import { checkUploadsOrThrow, type UploadedFile } from "./attachments";
import { listedFiles, MESSAGE_FIELD, MessageInputSchema, type MailboxFile, type MailboxMessage, markRead, MAX_MESSAGE, MAX_SEALED_BYTES, readMessages, sealedBytes, sendDeskMessage, changeCase } from "./mailbox";
import type { CaseId, CaseRecord, CaseState, DeskId, MemberId, Note } from "./model";
import type { MailMessage, Mailer } from "./ports";
import { decodeContent, type ReportContent } from "./report";
import type { ReportDeps } from "./submit-report";
import { parseOrThrow } from "./validation";

export type CaseFileDeps = Pick<ReportDeps, "cases" | "region" | "sealer" | "clock" | "blobs" | "inspector"> &
  Pick<SignalDeps, "audit" | "tags" | "signals">;

/** Which case, on which desk, opened by whom: the desk must hold the case, and the route has checked the right. */
export interface CaseRef {
  member: MemberId;
  caseId: CaseId;
  desk: DeskId;
  /** The staff id that acts. */
  by: string;
}

export interface CaseFile {
  record: Omit<CaseRecord, "content" | "dataKey" | "receipt" | "messages" | "notes" | "consent">;
  content: ReportContent;
  files: MailboxFile[];
  /** With the staff id of each desk message (the reporter's view never has it). */
  messages: (MailboxMessage & { by?: string })[];
  notes: { id: string; at: Date; by: string; text: string }[];
  next: { to: CaseState; need: Need | null }[];
  /** Per person tagged on the case: how many other cases on this desk concern the same person. */
  signals: number[];
  /** An advice contact's reporter's last decision about a referral, opened with the rest. */
  consent?: Consent;
}

export const notePart = (id: string) => `note:${id}`;

/** The case on this desk, or NotFound: a case on another desk is as absent as one that does not exist. */
async function load(deps: Pick<CaseFileDeps, "cases">, ref: CaseRef): Promise<CaseRecord> {
  const record = await deps.cases.getCase(ref.member, ref.caseId);
  if (!record || record.desk !== ref.desk) throw new NotFoundError();
  return record;
}


/** The whole case for the desk. The read is audited first; the reporter's messages count as read by the desk. */
export async function openCaseFile(deps: CaseFileDeps, ref: CaseRef, action: Extract<AuditAction, "read-case" | "print-case"> = "read-case"): Promise<CaseFile> {
  const record = await load(deps, ref);
  await audited(deps, ref, action);
  const ctx = { member: record.member, caseId: record.id };
  const content = decodeContent(await deps.sealer.open(ctx, record.dataKey, record.content));
  const authors = new Map((record.messages ?? []).map((m) => [m.id, m.by]));
  const messages = (await readMessages(deps, record, "melder")).map((m) => ({ ...m, ...(authors.get(m.id) ? { by: authors.get(m.id) } : {}) }));
  const notes = await Promise.all(
    (record.notes ?? []).map(async (n: Note) => ({ id: n.id, at: new Date(n.at), by: n.by, text: new TextDecoder().decode(await deps.sealer.open(ctx, record.dataKey, n.body, notePart(n.id))) })),
  );
  const consent = await openConsent(deps.sealer, record);
  const { content: _c, dataKey: _k, receipt: _r, messages: _m, notes: _n, consent: _s, ...rest } = record;
  const files = listedFiles(record, content.files);
  await markRead(deps, record, "melder");
  return { record: rest, content, files, messages, notes, next: nextStates(record), signals: await signalCounts(deps, record), ...(consent ? { consent } : {}) };
}

/** Where the contentless "a message is waiting" e-mail goes out from, and the hub address it points to. */
export interface ReporterNotices {
  mailer: Mailer;
  hubUrl: string;
}

/**
 * The notice to a reporter who left an e-mail address for it: no content, no case, no name of the organisation or the
 * hub's purpose in the subject (someone else may read the inbox); only where to go and that the code is needed.
 */
export function reporterNotice(hubUrl: string): Omit<MailMessage, "to"> {
  return {
    subject: "Er staat een bericht voor u klaar / A message is waiting for you",
    text: [
      "Er staat een nieuw bericht voor u klaar.",
      `Open ${hubUrl}/opvolgen en vul uw code in om het te lezen.`,
      "Deze e-mail bevat verder niets; beantwoorden kan niet.",
      "",
      "A new message is waiting for you.",
      `Open ${hubUrl}/opvolgen?lang=en and enter your code to read it.`,
      "This e-mail contains nothing else; replies are not read.",
    ].join("\n"),
  };
}

/**
 * The desk writes to the reporter (a question, or the feedback): audited, then added to the mailbox; a reporter who
 * asked for it gets a contentless notice. Answers whether a notice went out (`failed`: the message is there, the e-mail
 * is not; the desk is told, and it does not send the message again).
 */
export async function messageReporter(
  deps: CaseFileDeps & { notices?: ReporterNotices },
  ref: CaseRef,
  message: { kind: "bericht" | "terugkoppeling"; text: unknown },
  uploads: UploadedFile[] = [],
): Promise<{ notice: "sent" | "none" | "failed" }> {
  const record = await load(deps, ref);
  // The message and its files are checked before the audit entry: a refused message is not one that was sent.
  checkUploadsOrThrow(deps.inspector, uploads);
  parseOrThrow(MessageInputSchema, { text: message.text }, MESSAGE_FIELD);
  if (record.state === "gesloten") throw new ValidationError([{ field: "text", message: { nl: "Deze melding is afgesloten.", en: "This case is closed." } }]);
  await audited(deps, ref, "message", message.kind);
  await sendDeskMessage(deps, ref, { by: ref.by, ...message }, uploads);
  if (!deps.notices) return { notice: "none" };
  const content = decodeContent(await deps.sealer.open({ member: record.member, caseId: record.id }, record.dataKey, record.content));
  if (!content.notifyEmail) return { notice: "none" };
  try {
    await deps.notices.mailer.send({ to: [content.notifyEmail], ...reporterNotice(deps.notices.hubUrl) });
    return { notice: "sent" };
  } catch {
    return { notice: "failed" };
  }
}

const YesNo = z.optional(z.enum(["ja", "nee"]));
const VpFactsSchema = z.object({ sickLeave: YesNo, formalComplaint: YesNo });

/** The VP's light registration of an advice contact: sick leave, and whether a formal complaint was made. */
export async function recordVpFacts(deps: CaseFileDeps, ref: CaseRef, raw: unknown): Promise<void> {
  const facts = parseOrThrow(VpFactsSchema, raw);
  const record = await load(deps, ref);
  if (record.kind !== "advies") throw new ValidationError([{ field: "sickLeave", message: { nl: "Dit hoort alleen bij een adviescontact.", en: "This belongs to an advice contact only." } }]);
  await audited(deps, ref, "record-facts");
  // The answers given: another write meanwhile (a read marker) does not refuse them, they are put on the fresh case.
  await changeCase(deps, ref, async (fresh) => {
    if (fresh.desk !== ref.desk) throw new NotFoundError();
    const vp = {
      ...fresh.vp,
      ...(facts.sickLeave ? { sickLeave: facts.sickLeave === "ja" } : {}),
      ...(facts.formalComplaint ? { formalComplaint: facts.formalComplaint === "ja" } : {}),
    };
    return { next: { ...fresh, vp } };
  });
}

/** One file of the case, for download: audited before it is opened. */
export async function openCaseAttachment(deps: CaseFileDeps, ref: CaseRef, id: string) {
  const record = await load(deps, ref);
  if (!record.attachments?.some((a) => a.id === id)) throw new NotFoundError();
  await audited(deps, ref, "download-attachment", id);
  const opened = await openAttachment(deps, record, id);
  if (!opened) throw new NotFoundError();
  return { ...opened, number: record.attachments.findIndex((a) => a.id === id) + 1 };
}

const NoteInputSchema = z.object({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_MESSAGE)) });

/** An internal note: sealed like everything else, never shown to the reporter. */
export async function addInternalNote(deps: CaseFileDeps, ref: CaseRef, text: unknown): Promise<void> {
  const input = parseOrThrow(NoteInputSchema, { text }, { text: { nl: "Schrijf de notitie.", en: "Write the note." } });
  await load(deps, ref);
  await audited(deps, ref, "note");
  // A note adds to the case: another write meanwhile does not refuse it, it is added to the fresh case.
  await changeCase(deps, ref, async (record, at) => {
    if (record.desk !== ref.desk) throw new NotFoundError();
    const id = String((record.notes ?? []).length);
    const body = await deps.sealer.seal({ member: record.member, caseId: record.id }, record.dataKey, new TextEncoder().encode(input.text), notePart(id));
    if (sealedBytes(record) + body.length > MAX_SEALED_BYTES) {
      throw new ValidationError([{ field: "text", message: { nl: "Dit dossier is vol; voeg de notitie toe als bestand.", en: "This file is full; add the note as a file." } }]);
    }
    const note: Note = { id, at, by: ref.by, body };
    return { next: { ...record, notes: [...(record.notes ?? []), note] } };
  });
}
