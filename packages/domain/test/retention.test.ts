// The retention rule (docs/decisions.md 39) without a database: when a case closed, when its term ends, and that a case
// closed without a closing entry is counted as undated and kept. The job on the real store: test/retention-job.test.ts.
import { describe, expect, it } from "vitest";
import { closedAt, type RetentionFacts, type RetentionJobDeps, retentionEndsAt, runRetentionJob } from "../src/staff-side";

const h = (at: string, state: RetentionFacts["state"]) => ({ at, state });

describe("the retention rule", () => {
  it("starts the term at the first entry in a closed state; an open case has none", () => {
    const referredThenClosed = { state: "gesloten" as const, history: [h("2020-01-01T00:00:00Z", "ontvangen"), h("2020-03-01T00:00:00Z", "doorverwezen"), h("2020-05-01T00:00:00Z", "gesloten")] };
    expect(closedAt(referredThenClosed)).toBe("2020-03-01T00:00:00Z");
    expect(closedAt({ state: "triage", history: [h("2001-01-01T00:00:00Z", "ontvangen")] })).toBeUndefined();
    expect(closedAt({ state: "gesloten", history: [h("2001-01-01T00:00:00Z", "ontvangen")] })).toBeUndefined();
  });

  it("ends the term whole calendar years later; a 29 February closing ends on the 28th", () => {
    expect(retentionEndsAt("2030-06-14T10:00:00.000Z", 10).toISOString()).toBe("2040-06-14T10:00:00.000Z");
    expect(retentionEndsAt("2028-02-29T10:00:00.000Z", 1).toISOString()).toBe("2029-02-28T10:00:00.000Z");
  });

  it("keeps and counts a closed case it cannot date, and touches nothing for it", async () => {
    const untouched = () => Promise.reject(new Error("must not be called"));
    const deps: RetentionJobDeps = {
      cases: {
        listClosedCases: async () => ({ items: [{ id: "01J9Z3V8K6R2M4N5P7Q8XAMBDA", state: "gesloten", history: [h("2001-01-01T00:00:00.000Z", "ontvangen")], version: 1 }] }),
        deleteCase: untouched,
      },
      region: {
        listMembers: async () => [{ id: "hoorn", name: "Hoorn", kind: "gemeente", fte: 1, routes: { integriteit: "d" }, retentionYears: 1, version: 1 }],
        listDesks: async () => [{ id: "d", type: "integriteit", name: "D", owner: "hoorn", serves: ["hoorn"], version: 1 }],
      },
      blobs: { delete: untouched },
      signals: { remove: untouched },
      ledger: { begin: untouched, pending: async () => [], end: untouched },
      audit: { append: untouched },
      clock: { now: () => new Date("2040-01-01T00:00:00.000Z") },
    };
    expect(await runRetentionJob(deps)).toMatchObject({ closedCases: 1, undated: 1, deleted: 0, failures: 0 });
  });
});
