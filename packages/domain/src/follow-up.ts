// Use case: a reporter comes back with the receipt code, which opens their mailbox (mailbox.ts).
import { RateLimitedError, ValidationError } from "./errors";
import type { MailboxRef } from "./mailbox";
import type { CaseRecord } from "./model";
import type { ReportDeps } from "./submit-report";

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

/**
 * The receipt-login throttle (docs/decisions.md 20): per locator, the first `freeFailures` failures cost nothing; after
 * that each attempt waits `firstDelaySeconds` after the last failure, doubling with every further failure up to
 * `maxDelaySeconds`. A locator with no failure for `forgetAfterSeconds` starts over, and so does one whose code matched.
 */
export const RECEIPT_THROTTLE = {
  freeFailures: 5,
  firstDelaySeconds: 60,
  maxDelaySeconds: 60 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
} as const;

/** What the throttle keeps per locator: counters only. Times are epoch seconds. */
export interface ThrottleCount {
  failures: number;
  lastFailureAt: number;
}

/** How long to wait after the last failure, given the number of failures so far: 0, then 1, 2, 4, … 60 minutes. */
export function throttleDelaySeconds(failures: number): number {
  const { freeFailures, firstDelaySeconds, maxDelaySeconds } = RECEIPT_THROTTLE;
  if (failures < freeFailures) return 0;
  return Math.min(firstDelaySeconds * 2 ** (failures - freeFailures), maxDelaySeconds);
}

/**
 * The policy as a pure function: may an attempt at `nowSeconds` go ahead, and what is the count once it is counted as
 * a failure (an adapter writes `next` before the code is checked, and forgets it when the code matches)?
 */
export function receiptThrottleVerdict(
  count: ThrottleCount | undefined,
  nowSeconds: number,
): { allowed: true; next: ThrottleCount } | { allowed: false; retryAfterSeconds: number } {
  const current = count && nowSeconds - count.lastFailureAt < RECEIPT_THROTTLE.forgetAfterSeconds ? count : undefined;
  const failures = current?.failures ?? 0;
  const delay = throttleDelaySeconds(failures);
  if (current && delay > 0) {
    const wait = current.lastFailureAt + delay - nowSeconds;
    // Never more than the delay itself, even if the stored time lies ahead of this clock.
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.min(wait, delay) };
  }
  return { allowed: true, next: { failures: failures + 1, lastFailureAt: nowSeconds } };
}

/**
 * Signs a reporter in with the receipt code: which case it opens, if any. The mailbox session then carries only that
 * reference, so the code is typed once and never kept.
 */
export async function signInWithReceipt(deps: Pick<ReportDeps, "cases" | "receipts" | "throttle" | "clock">, code: unknown): Promise<MailboxRef> {
  const parsed = typeof code === "string" && code.length <= 100 ? deps.receipts.parse(code) : undefined;
  if (!parsed) throw malformedCode();
  // Before the lookup and the slow hash, so a refused attempt costs one read; a locator without a case counts the
  // same as one with a case, so the throttle tells nobody which locators exist.
  const verdict = await deps.throttle.check(parsed.locator, deps.clock.now());
  if (!verdict.allowed) throw new RateLimitedError(verdict.retryAfterSeconds);
  const found = await findByCode(deps, parsed.locator, parsed.secret);
  if (!found) throw unknownCode();
  await deps.throttle.recordSuccess(parsed.locator);
  return { member: found.member, caseId: found.id };
}

async function findByCode(deps: Pick<ReportDeps, "cases" | "receipts">, locator: string, secret: string): Promise<CaseRecord | undefined> {
  const candidates = await deps.cases.findByReceiptLocator(locator);
  // A locator without a case takes as long as one with a case: the time of the answer must not tell which exist.
  if (candidates.length === 0) await deps.receipts.verifyNothing(secret);
  for (const candidate of candidates) {
    if (await deps.receipts.verify(secret, candidate.receipt.hash)) return candidate;
  }
  return undefined;
}
