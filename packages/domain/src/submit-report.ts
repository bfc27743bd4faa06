// Use case: a reporter submits a report through the web form.
import { initialDeadlines, reporterDay } from "./deadlines";
import type { CaseRecord, Desk, Member } from "./model";
import type { CaseSealer, CaseStore, Clock, IdGenerator, ReceiptCodes, RegionStore } from "./ports";
import { encodeContent, REPORT_FIELD_MESSAGES, ReportSubmissionSchema } from "./report";
import { routeReport } from "./routing";
import type { Label } from "./taxonomy";
import { parseOrThrow } from "./validation";

export interface ReportDeps {
  cases: CaseStore;
  region: RegionStore;
  sealer: CaseSealer;
  receipts: ReceiptCodes;
  clock: Clock;
  ids: IdGenerator;
}

export interface SubmittedReport {
  /** Shown once; the hub keeps only its slow hash. */
  receiptCode: string;
  member: Member;
  desk: Desk;
  reasons: Label[];
  receivedAt: Date;
  ackDueAt: Date;
  feedbackDueAt: Date;
}

/** Validates, routes, seals and stores a report in one conditional write: either the whole report is stored or nothing. */
export async function submitReport(deps: ReportDeps, raw: unknown): Promise<SubmittedReport> {
  const input = parseOrThrow(ReportSubmissionSchema, raw, REPORT_FIELD_MESSAGES);
  const [members, desks] = await Promise.all([deps.region.listMembers(), deps.region.listDesks()]);
  const person = input.role || input.relation ? [{ role: input.role ?? "onbekend", relation: input.relation ?? "onbekend" }] : [];
  const route = routeReport({ member: input.member, wants: input.wants, category: input.category, persons: person }, { members, desks });
  const member = route.member;

  const caseId = deps.ids.caseId();
  const receivedAt = reporterDay(deps.clock.now());
  const { ackDueAt, feedbackDueAt } = initialDeadlines(receivedAt);
  const receipt = await deps.receipts.issue();
  const { dataKey, envelope } = await deps.sealer.sealNew(
    { member: member.id, caseId },
    encodeContent({ description: input.description }),
  );
  const record: CaseRecord = {
    id: caseId,
    member: member.id,
    desk: route.desk.id,
    kind: route.kind,
    track: route.track,
    state: "ontvangen",
    channel: "webformulier",
    categories: [input.category],
    subcategories: [],
    relation: input.relation ?? "onbekend",
    reporterType: "anders",
    receivedAt: receivedAt.toISOString(),
    ackDueAt: ackDueAt.toISOString(),
    feedbackDueAt: feedbackDueAt.toISOString(),
    routeReasons: route.reasons,
    receipt: { locator: receipt.locator, hash: receipt.hash },
    dataKey,
    content: envelope,
    history: [{ at: receivedAt.toISOString(), state: "ontvangen", by: "melder" }],
    version: 1,
  };
  await deps.cases.createCase(record);
  return { receiptCode: receipt.code, member, desk: route.desk, reasons: route.reasons, receivedAt, ackDueAt, feedbackDueAt };
}
