// Key composition for every entity, testable without a database.
import type { CaseId, CaseRecord, DeskId, MemberId, StaffId } from "@meldpunt/domain";

export const REGION_PK = "REGION";

export const caseKey = (caseId: CaseId) => ({ pk: `CASE#${caseId}`, sk: "CASE" });
export const memberKey = (member: MemberId) => ({ pk: REGION_PK, sk: `MEMBER#${member}` });
export const deskKey = (desk: DeskId) => ({ pk: REGION_PK, sk: `DESK#${desk}` });
/** Each staff member in a partition of their own: read by the OIDC subject at every staff request. */
export const staffKey = (id: StaffId) => ({ pk: `STAFF#${id}`, sk: "STAFF" });
export const MEMBER_PREFIX = "MEMBER#";
export const DESK_PREFIX = "DESK#";

export const queuePartition = (member: MemberId, desk: DeskId) => `QUEUE#${member}#${desk}`;
export const receiptPartition = (locator: string) => `RECEIPT#${locator}`;

/** Closed cases sort after every open one. */
const NOTHING_DUE = "9999-12-31T23:59:59.999Z";

/** The deadline a desk must meet next: acknowledgement until it is given, then feedback; nothing once closed. */
export function nextDueAt(record: Pick<CaseRecord, "state" | "ackDueAt" | "feedbackDueAt">): string {
  if (record.state === "gesloten") return NOTHING_DUE;
  return record.state === "ontvangen" ? record.ackDueAt : record.feedbackDueAt;
}

/** Every key attribute of a case item: table key plus both index keys. */
export function caseItemKeys(record: Pick<CaseRecord, "id" | "member" | "desk" | "state" | "ackDueAt" | "feedbackDueAt" | "receipt">) {
  return {
    ...caseKey(record.id),
    gsi1pk: queuePartition(record.member, record.desk),
    gsi1sk: `${nextDueAt(record)}#${record.id}`,
    gsi2pk: receiptPartition(record.receipt.locator),
    gsi2sk: record.id,
  };
}
