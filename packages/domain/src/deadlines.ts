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
const NOTHING_DUE = "9999-12-31T23:59:59.999Z";

/** The deadline a desk must meet next: acknowledgement until it is given, then feedback; nothing once closed. */
export function nextDueAt(record: { state: string; ackDueAt: string; feedbackDueAt: string }): string {
  if (record.state === "gesloten") return NOTHING_DUE;
  return record.state === "ontvangen" ? record.ackDueAt : record.feedbackDueAt;
}
