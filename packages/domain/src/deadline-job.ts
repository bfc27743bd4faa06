// The daily deadline job (DESIGN §2, §5; docs/decisions.md 31): acknowledges web reports automatically, then tells
// each desk by e-mail how many of its cases are overdue or fall due within two days. A plain function over ports: the
// local runner runs it on a timer, the cloud on a schedule. A notice carries counts and a link to the desk's queue,
// never a case id, text, category, name or date of a single case.
import type { AuditLog } from "./audit";
import { deskServes } from "./authorization";
import { ACK_DAYS, addDays, nextDueAt } from "./deadlines";
import { ConflictError, NotFoundError } from "./errors";
import { caseStep, transitionCase } from "./lifecycle";
import type { CaseRecord, CaseSummary, Desk, DeskId, Member, MemberId } from "./model";
import type { CaseStore, Clock, Mailer, RegionStore } from "./ports";
import type { StaffStore } from "./staff";

export interface DeadlineJobDeps {
  cases: CaseStore;
  region: Pick<RegionStore, "getMember" | "listMembers" | "listDesks">;
  /** Who works on each desk, and their e-mail address. */
  staff: Pick<StaffStore, "listStaff">;
  mailer: Mailer;
  clock: Clock;
  /** An acknowledgement is a transition: it is written to the member's audit trail, by `systeem`. */
  audit: AuditLog;
}

export interface DeadlineJobOptions {
  /** Where staff reach the hub; the notice links to `<hubUrl>/balie/<desk>`. */
  hubUrl?: string;
  /** "Due soon" is within this many days; 2 unless a test says otherwise. */
  dueSoonDays?: number;
  /** Queue page size (1..100). */
  pageSize?: number;
}

/** For logs: counts only, never an id. */
export interface DeadlineJobSummary {
  /** Web reports moved from `ontvangen` to `bevestigd`. */
  acknowledged: number;
  /** E-mails sent, one per desk with something new to tell. */
  notices: number;
  /** Cases counted in those e-mails. */
  casesNotified: number;
  /** Desks with something to tell but no desk staff with an e-mail address: nothing sent, told on a later run. */
  desksWithoutStaff: number;
  /** Desks whose notice could not be sent (the mailer was unavailable): nothing recorded, told on the next run. */
  mailFailures: number;
}

/** The four notices a case can give rise to; the case records each one it was counted in (`notified`). */
export type DeadlineNotice = "ackOverdue" | "ackDueSoon" | "feedbackOverdue" | "feedbackDueSoon";
export const DEADLINE_NOTICES: readonly DeadlineNotice[] = ["ackOverdue", "ackDueSoon", "feedbackOverdue", "feedbackDueSoon"];

export const SYSTEM_ACTOR = "systeem";
const DEFAULT_DUE_SOON_DAYS = 2;
const DEFAULT_PAGE_SIZE = 100;

/**
 * Which notice a case needs now, if any: its next deadline (acknowledgement while `ontvangen`, then feedback until it is
 * given) has passed or falls within `soon`, and the case has not been counted for that deadline in that notice before.
 */
export function noticeFor(
  record: Pick<CaseRecord, "kind" | "state" | "ackDueAt" | "feedbackDueAt" | "feedbackAt" | "notified">,
  now: Date,
  soon: Date,
): { notice: DeadlineNotice; dueAt: string } | undefined {
  const dueAt = nextDueAt(record);
  const due = Date.parse(dueAt);
  if (!(due <= soon.getTime())) return undefined;
  const stage = record.state === "ontvangen" ? "ack" : "feedback";
  const notice: DeadlineNotice = `${stage}${due < now.getTime() ? "Overdue" : "DueSoon"}`;
  return record.notified?.[notice] === dueAt ? undefined : { notice, dueAt };
}

export async function runDeadlineJob(deps: DeadlineJobDeps, options: DeadlineJobOptions = {}): Promise<DeadlineJobSummary> {
  const now = deps.clock.now();
  const soon = addDays(now, options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS);
  // Every case in `ontvangen` was received by now, so its acknowledgement falls due within ACK_DAYS: a queue read up
  // to there finds every web report still to acknowledge. Beyond it lies nothing to do (the queue is sorted by next
  // deadline, closed cases last), so the job's work grows with the open cases near a deadline, not with closed ones.
  const readUntil = new Date(Math.max(soon.getTime(), addDays(now, ACK_DAYS).getTime()));
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const hubUrl = (options.hubUrl ?? "").replace(/\/+$/, "");
  const [members, desks, staff] = await Promise.all([deps.region.listMembers(), deps.region.listDesks(), deps.staff.listStaff()]);
  const summary: DeadlineJobSummary = { acknowledged: 0, notices: 0, casesNotified: 0, desksWithoutStaff: 0, mailFailures: 0 };

  for (const desk of [...desks].sort((a, b) => a.id.localeCompare(b.id))) {
    const due: { record: CaseRecord; notice: DeadlineNotice; dueAt: string }[] = [];
    for (const member of servedBy(desk, members)) {
      for await (const item of queueUntil(deps.cases, member, desk.id, readUntil, pageSize)) {
        let record: CaseRecord | undefined;
        if (item.state === "ontvangen") {
          record = await deps.cases.getCase(member, item.id);
          if (!record || record.desk !== desk.id) continue;
          // A web report is acknowledged by the hub; an advice contact waits for the VP's own first answer.
          if (record.state === "ontvangen" && record.channel === "webformulier" && record.kind === "melding") {
            record = await acknowledge(deps, record);
            if (!record) continue;
            summary.acknowledged++;
          }
        }
        // The summary lacks `feedbackAt`: a case whose feedback was given shows its feedback deadline here, and is
        // read to find that out. Every other case beyond `soon` needs nothing.
        if (Date.parse(nextDueAt(item)) > soon.getTime() && !record) continue;
        record ??= await deps.cases.getCase(member, item.id);
        if (!record || record.desk !== desk.id) continue;
        const found = noticeFor(record, now, soon);
        if (found) due.push({ record, ...found });
      }
    }
    if (due.length === 0) continue;

    const to = recipients(staff, desk.id);
    if (to.length === 0) {
      summary.desksWithoutStaff++;
      continue;
    }
    const counts = Object.fromEntries(DEADLINE_NOTICES.map((n) => [n, due.filter((d) => d.notice === n).length])) as Record<DeadlineNotice, number>;
    try {
      await deps.mailer.send({ to, ...deadlineNotice(desk, counts, { hubUrl, dueSoonDays: options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS }) });
    } catch {
      // Nothing is recorded: the next run tells these cases again. The wiring reports the failure.
      summary.mailFailures++;
      continue;
    }
    summary.notices++;
    summary.casesNotified += due.length;
    // Recorded after sending: a lost write (someone changed the case meanwhile) means the case may be counted once
    // more on the next run, never that it is not told at all.
    for (const { record, notice, dueAt } of due) {
      try {
        await deps.cases.updateCase({ ...record, notified: { ...record.notified, [notice]: dueAt }, version: record.version + 1 });
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
  }
  return summary;
}

/** The members whose cases a desk holds: regional intake holds every member's (docs/decisions.md 11). */
function servedBy(desk: Desk, members: Member[]): MemberId[] {
  return members.filter((m) => deskServes(desk, m.id)).map((m) => m.id);
}

/** One member's queue on a desk, first due first, until the next deadline lies beyond `until`. */
async function* queueUntil(cases: CaseStore, member: MemberId, desk: DeskId, until: Date, limit: number): AsyncGenerator<CaseSummary> {
  let cursor: string | undefined;
  do {
    const page = await cases.listDeskQueue(member, desk, { limit, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) {
      // Without `feedbackAt` this is never later than the deadline the queue is sorted by: stopping here skips nothing.
      if (Date.parse(nextDueAt(item)) > until.getTime()) return;
      yield item;
    }
    cursor = page.cursor;
  } while (cursor);
}

/** `ontvangen` → `bevestigd` by `systeem`; undefined when someone else changed or moved the case meanwhile. */
async function acknowledge(deps: DeadlineJobDeps, record: CaseRecord): Promise<CaseRecord | undefined> {
  try {
    return await transitionCase(deps, { member: record.member, caseId: record.id, desk: record.desk, to: "bevestigd", seen: caseStep(record), by: SYSTEM_ACTOR });
  } catch (error) {
    if (error instanceof ConflictError || error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/** The e-mail addresses of the desk's own staff, each once. */
function recipients(staff: Awaited<ReturnType<StaffStore["listStaff"]>>, desk: DeskId): string[] {
  const onDesk = staff.filter((s) => s.roles.some((r) => r.role === "desk-staff" && r.desk === desk));
  return [...new Set(onDesk.map((s) => s.email))].sort();
}

/**
 * The notice to a desk: Dutch first, then English, in one plain-text message. Counts and the queue's address only; the
 * desk's name is the one thing it names.
 */
export function deadlineNotice(
  desk: Pick<Desk, "id" | "name" | "type">,
  counts: Record<DeadlineNotice, number>,
  options: { hubUrl: string; dueSoonDays: number },
): { subject: string; text: string } {
  const link = `${options.hubUrl}/balie/${desk.id}`;
  const days = options.dueSoonDays;
  // A vertrouwenspersoon's first step is an answer to the person asking, not a Wbk acknowledgement.
  const vp = desk.type === "vp";
  const lines = (labels: Record<DeadlineNotice, string>) =>
    DEADLINE_NOTICES.filter((n) => counts[n] > 0).map((n) => `- ${labels[n]}: ${counts[n]}`);
  const nl = [
    `Bij de balie ${desk.name} is de termijn van deze meldingen verstreken, of verstrijkt die binnen ${days} dagen:`,
    "",
    ...lines({
      ackOverdue: vp ? "eerste antwoord aan de vraagsteller te laat" : "ontvangstbevestiging te laat",
      ackDueSoon: vp ? `eerste antwoord aan de vraagsteller binnen ${days} dagen` : `ontvangstbevestiging binnen ${days} dagen`,
      feedbackOverdue: "terugkoppeling aan de melder te laat",
      feedbackDueSoon: `terugkoppeling aan de melder binnen ${days} dagen`,
    }),
    "",
    "Bekijk ze in de werkvoorraad van de balie (na inloggen):",
    link,
    "",
    "Dit bericht noemt met opzet geen meldingen en geen inhoud. U krijgt één bericht per termijn: wat in een eerder bericht al werd geteld, telt hier niet opnieuw mee.",
  ];
  const en = [
    `At the desk ${desk.name}, the deadline of these cases has passed, or passes within ${days} days:`,
    "",
    ...lines({
      ackOverdue: vp ? "first answer to the person asking overdue" : "acknowledgement overdue",
      ackDueSoon: vp ? `first answer to the person asking due within ${days} days` : `acknowledgement due within ${days} days`,
      feedbackOverdue: "feedback to the reporter overdue",
      feedbackDueSoon: `feedback to the reporter due within ${days} days`,
    }),
    "",
    "See them in the desk's queue (after logging in):",
    link,
    "",
    "This message deliberately names no case and no content. You get one message for each deadline: what an earlier message counted is not counted here again.",
  ];
  return {
    subject: `Termijnen bij ${desk.name} / Deadlines at ${desk.name}`,
    text: [...nl, "", "---", "", ...en, ""].join("\n"),
  };
}
