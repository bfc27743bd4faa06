// Use case: staff forward a case to another desk (DESIGN §2, routing issue). Within a member the case keeps its key;
// to another member every envelope is resealed under the receiving member's key. The whole change is one conditional
// write at the end, so a failure at any step before it leaves the case wholly with the sender.
import * as z from "zod/mini";
import { HubError, IntegrityError, NotFoundError, ValidationError } from "./errors";
import { type CaseRecord, CaseIdSchema, DeskIdSchema, type HistoryEntry, MemberIdSchema } from "./model";
import { attachmentPart, discardAttachments } from "./attachments";
import { type AuditLog, audited } from "./audit";
import { notePart } from "./case-file";
import { CONSENT_PART, hasReferralConsent } from "./consent";
import { messagePart } from "./mailbox";
import type { BlobStore, CaseSealer, CaseStore, Clock, RegionStore, SealedPart } from "./ports";
import { HUB_MEMBER_ID } from "./report";
import { parseOrThrow } from "./validation";

export const MAX_TRANSFER_REASON = 2000;

export const TransferRequestSchema = z.object({
  member: MemberIdSchema,
  caseId: CaseIdSchema,
  /** The desk the staff member forwards from: the case must be there, or it is not theirs to forward. */
  fromDesk: DeskIdSchema,
  toDesk: DeskIdSchema,
  /** Needed only when the receiving desk serves several members and not the case's own. */
  toMember: z.optional(MemberIdSchema),
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TRANSFER_REASON)),
  /** The staff member who forwards it. */
  by: z.string().check(z.minLength(1), z.maxLength(80)),
});
export type TransferRequest = z.infer<typeof TransferRequestSchema>;

export interface TransferDeps {
  cases: CaseStore;
  region: RegionStore;
  sealer: CaseSealer;
  clock: Clock;
  blobs: BlobStore;
  audit: AuditLog;
}

/** An advice contact leaves the vertrouwenspersoon only with the reporter's recorded consent (eigen regie). */
export class ConsentRequiredError extends HubError {
  constructor() {
    super("forbidden", {
      nl: "Dit adviescontact kan alleen worden doorverwezen als de melder daar toestemming voor heeft gegeven.",
      en: "This advice contact can only be referred once the reporter has given consent.",
    });
    this.name = "ConsentRequiredError";
  }
}

export const historyPart = (index: number) => `history:${index}`;

export async function transferCase(deps: TransferDeps, raw: unknown): Promise<CaseRecord> {
  const request = parseOrThrow(TransferRequestSchema, raw);
  const record = await deps.cases.getCase(request.member, request.caseId);
  if (!record || record.desk !== request.fromDesk) throw new NotFoundError();
  if (record.kind === "advies" && !(await hasReferralConsent(deps.sealer, record))) throw new ConsentRequiredError();
  const desk = await deps.region.getDesk(request.toDesk);
  if (!desk) throw fieldError("toDesk", { nl: "Deze balie bestaat niet.", en: "This desk does not exist." });
  if (desk.id === record.desk) throw fieldError("toDesk", { nl: "De melding ligt al bij deze balie.", en: "The case is already at this desk." });
  const toMember = receivingMember(record, desk, request.toMember);
  await audited(deps, { member: record.member, caseId: record.id, by: request.by }, "transfer", `${toMember}/${desk.id}`);

  const from = { member: record.member, desk: record.desk };
  const to = { member: toMember, desk: desk.id };
  const index = record.history.length;
  const at = deps.clock.now().toISOString();
  const entry: Omit<HistoryEntry, "note"> = { at, state: record.state, by: request.by, event: "doorgestuurd", from, to };
  const reason = new TextEncoder().encode(request.reason);

  if (toMember === record.member) {
    // Same member, same key: only the desk changes, and the reason is sealed under the case's own key.
    const note = await deps.sealer.seal({ member: record.member, caseId: record.id }, record.dataKey, reason, historyPart(index));
    // The receiving desk has not been told of any deadline yet: the deadline job's notices start over there.
    const { notified: _told, ...kept } = record;
    const moved = { ...kept, desk: desk.id, history: [...record.history, { ...entry, note }], version: record.version + 1 };
    await deps.cases.updateCase(moved);
    return moved;
  }
  // To another member: the attachments are copied under the new key first, the case follows in one write, and only
  // then are the old copies removed. A failure before the write removes the new copies and leaves the case as it was.
  const { moved, blobs } = await resealedFor(deps, record, toMember, desk.id, entry, reason);
  const to_ = { member: toMember, caseId: record.id };
  try {
    for (const blob of blobs) await deps.blobs.put({ ...to_, blobId: blob.id }, blob.envelope);
    await deps.cases.updateCase(moved);
  } catch (error) {
    await discardAttachments(deps.blobs, to_, blobs);
    throw error;
  }
  await discardAttachments(deps.blobs, { member: record.member, caseId: record.id }, blobs);
  return moved;
}

/**
 * Every envelope of the case (the report, sealed history notes, messages, the consent and attachments) under a fresh data key of the
 * receiving member. Nothing is written: the attachments come back to be stored by the caller.
 */
async function resealedFor(
  deps: TransferDeps,
  record: CaseRecord,
  toMember: string,
  toDesk: string,
  entry: Omit<HistoryEntry, "note">,
  reason: Uint8Array,
): Promise<{ moved: CaseRecord; blobs: { id: string; envelope: Uint8Array }[] }> {
  const from = { member: record.member, caseId: record.id };
  const notes = record.history.flatMap((h, i): SealedPart[] => (h.note ? [{ envelope: h.note, part: historyPart(i) }] : []));
  const messages = (record.messages ?? []).map((m): SealedPart => ({ envelope: m.body, part: messagePart(m.id) }));
  const internal = (record.notes ?? []).map((n): SealedPart => ({ envelope: n.body, part: notePart(n.id) }));
  const consent: SealedPart[] = record.consent ? [{ envelope: record.consent, part: CONSENT_PART }] : [];
  const files = await Promise.all(
    (record.attachments ?? []).map(async (a): Promise<SealedPart> => {
      const envelope = await deps.blobs.get({ ...from, blobId: a.id });
      if (!envelope) throw new IntegrityError("missing-blob");
      return { envelope, part: attachmentPart(a.id) };
    }),
  );
  const ctx = { member: toMember, caseId: record.id };
  const resealed = await deps.sealer.reseal({ ctx: from, dataKey: record.dataKey }, ctx, [{ envelope: record.content }, ...notes, ...messages, ...internal, ...consent, ...files]);
  const [content, ...parts] = resealed.envelopes;
  if (!content) throw new Error("reseal returned no report envelope");
  const byPart = new Map(parts.map((n) => [n.part, n.envelope]));
  const sealedAs = (part: string) => {
    const envelope = byPart.get(part);
    if (!envelope) throw new Error(`reseal returned no envelope for ${part}`);
    return envelope;
  };
  const history = record.history.map((h, i) => (h.note ? { ...h, note: sealedAs(historyPart(i)) } : h));
  const note = await deps.sealer.seal(ctx, resealed.dataKey, reason, historyPart(record.history.length));
  // Person tags are keyed by the sending member's secret: they mean nothing to the receiving member and stay behind.
  // The receiving desk has not been told of any deadline yet: the deadline job's notices start over there.
  const { personTags: _tags, notified: _told, ...rest } = record;
  const moved: CaseRecord = {
    ...rest,
    member: toMember,
    desk: toDesk,
    dataKey: resealed.dataKey,
    content: content.envelope,
    history: [...history, { ...entry, note }],
    ...(record.messages ? { messages: record.messages.map((m) => ({ ...m, body: sealedAs(messagePart(m.id)) })) } : {}),
    ...(record.notes ? { notes: record.notes.map((n) => ({ ...n, body: sealedAs(notePart(n.id)) })) } : {}),
    ...(record.consent ? { consent: sealedAs(CONSENT_PART) } : {}),
    version: record.version + 1,
  };
  return { moved, blobs: (record.attachments ?? []).map((a) => ({ id: a.id, envelope: sealedAs(attachmentPart(a.id)) })) };
}

/** The member a case belongs to after the transfer: its own if the desk serves it, the hub's at intake, or the one named. */
function receivingMember(record: CaseRecord, desk: { type: string; serves: string[] }, named: string | undefined): string {
  if (desk.serves.includes(record.member) && (!named || named === record.member)) return record.member;
  if (desk.type === "intake") return HUB_MEMBER_ID;
  if (named && desk.serves.includes(named)) return named;
  if (!named && desk.serves.length === 1 && desk.serves[0]) return desk.serves[0];
  throw fieldError("toMember", {
    nl: "Kies voor welke organisatie deze balie de melding behandelt.",
    en: "Choose for which organisation this desk handles the case.",
  });
}

function fieldError(field: string, message: { nl: string; en: string }) {
  return new ValidationError([{ field, message }]);
}
