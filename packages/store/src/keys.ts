// Key composition for every entity, testable without a database.
import { type CaseId, type CaseRecord, type DeskId, type MemberId, nextDueAt } from "@meldpunt/domain";
import type { StaffId } from "@meldpunt/domain/staff";

export const REGION_PK = "REGION";

export const caseKey = (caseId: CaseId) => ({ pk: `CASE#${caseId}`, sk: "CASE" });
export const memberKey = (member: MemberId) => ({ pk: REGION_PK, sk: `MEMBER#${member}` });
export const deskKey = (desk: DeskId) => ({ pk: REGION_PK, sk: `DESK#${desk}` });
/** Each staff member in a partition of their own: read by the OIDC subject at every staff request. */
export const staffKey = (id: StaffId) => ({ pk: `STAFF#${id}`, sk: "STAFF" });
/** The one partition of the queue index that lists every staff member (the operator's staff page): no Scan needed. */
export const STAFF_LIST_PARTITION = "STAFF";
/** Every key attribute of a staff item: its own partition, and its place in the staff list. */
export const staffItemKeys = (id: StaffId) => ({ ...staffKey(id), gsi1pk: STAFF_LIST_PARTITION, gsi1sk: id });
export const MEMBER_PREFIX = "MEMBER#";
export const DESK_PREFIX = "DESK#";

export const queuePartition = (member: MemberId, desk: DeskId) => `QUEUE#${member}#${desk}`;
export const receiptPartition = (locator: string) => `RECEIPT#${locator}`;

/** Re-exported for the store's callers; the rule itself is the domain's. */
export { nextDueAt };

/** Every key attribute of a case item: table key plus both index keys. */
export function caseItemKeys(record: Pick<CaseRecord, "id" | "member" | "desk" | "kind" | "state" | "ackDueAt" | "feedbackDueAt" | "feedbackAt" | "receipt">) {
  return {
    ...caseKey(record.id),
    gsi1pk: queuePartition(record.member, record.desk),
    gsi1sk: `${nextDueAt(record)}#${record.id}`,
    gsi2pk: receiptPartition(record.receipt.locator),
    gsi2sk: record.id,
  };
}
/** The receipt-login throttle of one locator: an item of its own, beside (never inside) the cases it may find. */
export const throttleKey = (locator: string) => ({ pk: `THROTTLE#${locator}`, sk: "THROTTLE" });
