// Legal deadlines of DESIGN §2 (Wbk): acknowledge within 7 days, feedback within 3 months of the acknowledgement.
const DAY_MS = 24 * 60 * 60 * 1000;

export const ACK_DAYS = 7;
export const FEEDBACK_MONTHS = 3;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Calendar months in UTC; the 31st plus one month ends on the last day of the shorter month, never spills over. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/**
 * Deadlines of a newly received report. A web report is acknowledged automatically on receipt, so feedback is due
 * three months after receipt; the desk workspace moves `feedbackDueAt` when an oral report is acknowledged later.
 */
export function initialDeadlines(receivedAt: Date): { ackDueAt: Date; feedbackDueAt: Date } {
  return { ackDueAt: addDays(receivedAt, ACK_DAYS), feedbackDueAt: addMonths(receivedAt, FEEDBACK_MONTHS) };
}

/**
 * The moment a reporter acted, kept only to the day (DESIGN §3: no precise timing of an anonymous reporter).
 * Deadlines counted from the start of that day fall due a little early, never late.
 */
export function reporterDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Closed cases sort after every open one. */
export const NOTHING_DUE = "9999-12-31T23:59:59.999Z";
/** Open cases whose legal deadlines are met sort after those with a deadline, before closed ones. */
export const NO_DEADLINE = "9000-01-01T00:00:00.000Z";

/**
 * Which deadline a desk must meet next. A report (Wbk): acknowledgement until it is given, then feedback until it is
 * given. An advice contact: the vertrouwenspersoon's first answer, due when a report's acknowledgement would be (the
 * receipt promises that date); after it the Wbk's feedback term does not apply. None once closed or referred.
 */
export function nextDeadline(record: DeadlineFields): { deadline: "ontvangst" | "antwoord" | "terugkoppeling"; at: string } | undefined {
  if (record.state === "gesloten" || record.state === "doorverwezen") return undefined;
  if (record.state === "ontvangen") return { deadline: record.kind === "advies" ? "antwoord" : "ontvangst", at: record.ackDueAt };
  if (record.kind === "advies" || record.feedbackAt) return undefined;
  return { deadline: "terugkoppeling", at: record.feedbackDueAt };
}

export interface DeadlineFields {
  kind: string;
  state: string;
  ackDueAt: string;
  feedbackDueAt: string;
  feedbackAt?: string;
}

/** The queue's sort key: the next deadline; open cases without one after those with one, closed ones last. */
export function nextDueAt(record: DeadlineFields): string {
  if (record.state === "gesloten" || record.state === "doorverwezen") return NOTHING_DUE;
  return nextDeadline(record)?.at ?? NO_DEADLINE;
}
