// Use case: a reporter comes back with the receipt code to see the status and what they submitted.
import { ValidationError } from "./errors";
import type { CaseRecord, CaseState, HistoryEntry } from "./model";
import { decodeContent } from "./report";
import type { ReportDeps } from "./submit-report";
import type { CategoryCode, Label } from "./taxonomy";

export interface ReportStatus {
  state: CaseState;
  memberName: string;
  deskName: string;
  categories: CategoryCode[];
  receivedAt: Date;
  ackDueAt: Date;
  feedbackDueAt: Date;
  /** States and dates only: who did what on the desk is not the reporter's view. */
  timeline: Pick<HistoryEntry, "at" | "state">[];
  reasons: Label[];
  description: string;
}

const unknownCode = () =>
  new ValidationError([
  {
    field: "code",
    message: {
      nl: "Bij deze code vinden we geen melding. Controleer of u de code goed hebt overgenomen.",
      en: "We find no report with this code. Check that you copied the code correctly.",
    },
  },
]);

const malformedCode = () =>
  new ValidationError([
  {
    field: "code",
    message: {
      nl: "Dit is geen geldige code. Een code heeft 24 tekens in groepjes van vier, zoals ABCD-EFGH-….",
      en: "This is not a valid code. A code has 24 characters in groups of four, like ABCD-EFGH-….",
    },
  },
]);

export async function followUp(deps: Pick<ReportDeps, "cases" | "region" | "sealer" | "receipts">, code: unknown): Promise<ReportStatus> {
  const parsed = typeof code === "string" && code.length <= 100 ? deps.receipts.parse(code) : undefined;
  if (!parsed) throw malformedCode();
  const found = await findByCode(deps, parsed.locator, parsed.secret);
  if (!found) throw unknownCode();
  const content = decodeContent(await deps.sealer.open({ member: found.member, caseId: found.id }, found.dataKey, found.content));
  const [member, desk] = await Promise.all([deps.region.getMember(found.member), deps.region.getDesk(found.desk)]);
  return {
    state: found.state,
    memberName: member?.name ?? found.member,
    deskName: desk?.name ?? found.desk,
    categories: found.categories,
    receivedAt: new Date(found.receivedAt),
    ackDueAt: new Date(found.ackDueAt),
    feedbackDueAt: new Date(found.feedbackDueAt),
    timeline: found.history.map(({ at, state }) => ({ at, state })),
    reasons: found.routeReasons,
    description: content.description,
  };
}

async function findByCode(deps: Pick<ReportDeps, "cases" | "receipts">, locator: string, secret: string): Promise<CaseRecord | undefined> {
  const candidates = await deps.cases.findByReceiptLocator(locator);
  for (const candidate of candidates) {
    if (await deps.receipts.verify(secret, candidate.receipt.hash)) return candidate;
  }
  return undefined;
}
