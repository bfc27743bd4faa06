// The receipt-login throttle in the follow-up use case (docs/decisions.md 20): the policy as a pure function, and the
// order of the steps: parse, ask the throttle, and only then look up and compute the slow hash.
import { describe, expect, it } from "vitest";
import {
  type CaseRecord,
  signInWithReceipt,
  RateLimitedError,
  RECEIPT_THROTTLE,
  type ReceiptThrottle,
  type ReportDeps,
  receiptThrottleVerdict,
  ValidationError,
} from "../src";

describe("receiptThrottleVerdict", () => {
  const now = 1_740_819_600;

  it("lets a locator without a count try, counting the attempt as its first failure", () => {
    expect(receiptThrottleVerdict(undefined, now)).toEqual({ allowed: true, next: { failures: 1, lastFailureAt: now } });
  });

  it("allows five failures, then waits 1, 2, 4 … minutes after the last one, at most an hour", () => {
    expect(receiptThrottleVerdict({ failures: 4, lastFailureAt: now }, now)).toMatchObject({ allowed: true, next: { failures: 5 } });
    expect(receiptThrottleVerdict({ failures: 5, lastFailureAt: now }, now)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(receiptThrottleVerdict({ failures: 5, lastFailureAt: now - 45 }, now)).toEqual({ allowed: false, retryAfterSeconds: 15 });
    expect(receiptThrottleVerdict({ failures: 5, lastFailureAt: now - 60 }, now)).toMatchObject({ allowed: true, next: { failures: 6 } });
    expect(receiptThrottleVerdict({ failures: 6, lastFailureAt: now }, now)).toEqual({ allowed: false, retryAfterSeconds: 120 });
    expect(receiptThrottleVerdict({ failures: 50, lastFailureAt: now }, now)).toEqual({ allowed: false, retryAfterSeconds: 3600 });
  });

  it("never asks for more than the delay, even when the stored time lies ahead of this clock", () => {
    expect(receiptThrottleVerdict({ failures: 5, lastFailureAt: now + 10_000 }, now)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it("forgets a count after a day without failures", () => {
    const day = RECEIPT_THROTTLE.forgetAfterSeconds;
    expect(receiptThrottleVerdict({ failures: 50, lastFailureAt: now - day }, now)).toEqual({ allowed: true, next: { failures: 1, lastFailureAt: now } });
  });
});

describe("RateLimitedError", () => {
  it("says when to try again in whole minutes, in Dutch and English", () => {
    const one = new RateLimitedError(1);
    expect(one.kind).toBe("rate-limited");
    expect(one.retryAfterSeconds).toBe(1);
    expect(one.userMessage.nl).toContain("over 1 minuut");
    expect(one.userMessage.en).toContain("in 1 minute.");
    expect(new RateLimitedError(61).userMessage).toMatchObject({ nl: expect.stringContaining("over 2 minuten"), en: expect.stringContaining("in 2 minutes") });
    expect(new RateLimitedError(3600).userMessage.nl).toContain("60 minuten");
  });
});

describe("signInWithReceipt with a throttle", () => {
  const CODE = "7KQ2-MX9D-0A4F-H3RT-W8BC-P1ZE";
  const LOCATOR = "7KQ2MX9D";

  function fakes(verdict: Awaited<ReturnType<ReceiptThrottle["check"]>>, match: boolean) {
    const calls: string[] = [];
    const deps = {
      clock: { now: () => new Date("2025-03-01T09:00:00.000Z") },
      throttle: {
        check: async (locator: string, now: Date) => {
          calls.push(`check ${locator} ${now.toISOString()}`);
          return verdict;
        },
        recordSuccess: async (locator: string) => void calls.push(`success ${locator}`),
      },
      receipts: {
        issue: async () => {
          throw new Error("not used");
        },
        parse: (input: string) => (input === CODE ? { locator: LOCATOR, secret: "0A4FH3RTW8BCP1ZE" } : undefined),
        verify: async () => {
          calls.push("verify");
          return match;
        },
      },
      cases: {
        findByReceiptLocator: async (locator: string) => {
          calls.push(`find ${locator}`);
          return [{ member: "hoorn", id: "CASE", receipt: { locator, hash: "h" } } as unknown as CaseRecord];
        },
      },
    } as unknown as Pick<ReportDeps, "cases" | "receipts" | "throttle" | "clock">;
    return { deps, calls };
  }

  it("refuses before the lookup and the slow hash when the throttle says wait", async () => {
    const { deps, calls } = fakes({ allowed: false, retryAfterSeconds: 90 }, true);
    const error = await signInWithReceipt(deps, CODE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(90);
    expect(JSON.stringify((error as RateLimitedError).userMessage)).not.toMatch(/7KQ2|MX9D/);
    expect(calls).toEqual([`check ${LOCATOR} 2025-03-01T09:00:00.000Z`]);
  });

  it("leaves a wrong secret counted (the throttle counted it when it allowed it)", async () => {
    const { deps, calls } = fakes({ allowed: true }, false);
    await expect(signInWithReceipt(deps, CODE)).rejects.toBeInstanceOf(ValidationError);
    expect(calls).toEqual([`check ${LOCATOR} 2025-03-01T09:00:00.000Z`, `find ${LOCATOR}`, "verify"]);
  });

  it("forgets the count once the code matches, and names the case it opens", async () => {
    const { deps, calls } = fakes({ allowed: true }, true);
    await expect(signInWithReceipt(deps, CODE)).resolves.toEqual({ member: "hoorn", caseId: "CASE" });
    expect(calls).toEqual([`check ${LOCATOR} 2025-03-01T09:00:00.000Z`, `find ${LOCATOR}`, "verify", `success ${LOCATOR}`]);
  });

  it("does not ask the throttle about something that is not a code: there is no locator to count", async () => {
    const { deps, calls } = fakes({ allowed: true }, true);
    await expect(signInWithReceipt(deps, "ABC")).rejects.toBeInstanceOf(ValidationError);
    expect(calls).toEqual([]);
  });
});
