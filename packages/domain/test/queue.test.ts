// The desk's queue as a pure function: order, deadline badges, filters, counts over all open cases, and pages.
import { describe, expect, it } from "vitest";
import type { CaseSummary } from "../src";
import { buildQueue, urgencyOf } from "../src/staff-side";

const NOW = new Date("2026-03-10T09:00:00.000Z");
const day = (d: number) => new Date(NOW.getTime() + d * 86_400_000).toISOString();

let n = 0;
function summary(over: Partial<CaseSummary>): CaseSummary {
  n++;
  return {
    id: `C${String(n).padStart(25, "0")}`,
    member: "hoorn",
    desk: "hoorn-integriteit",
    kind: "melding",
    track: "ambtelijk",
    state: "bevestigd",
    categories: ["omgang"],
    receivedAt: day(-30),
    ackDueAt: day(-23),
    feedbackDueAt: day(60),
    version: 2,
    ...over,
  };
}

describe("urgencyOf", () => {
  it("marks a past deadline overdue, one within two days due soon, and a met or closed one neither", () => {
    expect(urgencyOf(summary({ state: "ontvangen", ackDueAt: day(-0.1) }), NOW)).toBe("overdue");
    expect(urgencyOf(summary({ state: "ontvangen", ackDueAt: day(1.9) }), NOW)).toBe("due-soon");
    expect(urgencyOf(summary({ state: "ontvangen", ackDueAt: day(2.1) }), NOW)).toBeUndefined();
    expect(urgencyOf(summary({ feedbackDueAt: day(-5) }), NOW)).toBe("overdue");
    expect(urgencyOf(summary({ feedbackDueAt: day(-5), feedbackAt: day(-6) }), NOW)).toBeUndefined();
    expect(urgencyOf(summary({ state: "gesloten", feedbackDueAt: day(-5) }), NOW)).toBeUndefined();
  });
});

describe("buildQueue", () => {
  const cases = [
    summary({ feedbackDueAt: day(40) }),
    summary({ state: "ontvangen", ackDueAt: day(1), categories: ["financieel"], track: "wbk" }),
    summary({ state: "triage", feedbackDueAt: day(-3), deskUnread: true }),
    summary({ state: "triage", feedbackDueAt: day(10), feedbackAt: day(-1) }),
  ];

  it("sorts by the next deadline and counts over every open case", () => {
    const view = buildQueue(cases, {}, NOW);
    expect(view.items.map((c) => c.urgency)).toEqual(["overdue", "due-soon", undefined, undefined]);
    expect(view.items[3]?.feedbackAt).toBeDefined();
    expect(view.counts).toEqual({ open: 4, overdue: 1, dueSoon: 1, unread: 1 });
  });

  it("filters by state, subject, track, deadline and unread messages; the counts stay those of the whole desk", () => {
    expect(buildQueue(cases, { status: "triage" }, NOW).matching).toBe(2);
    expect(buildQueue(cases, { onderwerp: "financieel" }, NOW).items.map((c) => c.track)).toEqual(["wbk"]);
    expect(buildQueue(cases, { spoor: "wbk" }, NOW).matching).toBe(1);
    expect(buildQueue(cases, { termijn: "te-laat" }, NOW).items.map((c) => c.state)).toEqual(["triage"]);
    expect(buildQueue(cases, { termijn: "binnenkort" }, NOW).items.map((c) => c.state)).toEqual(["ontvangen"]);
    const unread = buildQueue(cases, { ongelezen: "1" }, NOW);
    expect(unread.items.map((c) => c.deskUnread)).toEqual([true]);
    expect(unread.counts.open).toBe(4);
  });

  it("pages, and a page past the last shows the last", () => {
    const many = Array.from({ length: 120 }, (_, i) => summary({ feedbackDueAt: day(10 + i) }));
    const first = buildQueue(many, {}, NOW);
    expect([first.items.length, first.page, first.pages]).toEqual([50, 1, 3]);
    const third = buildQueue(many, { pagina: 3 }, NOW);
    expect([third.items.length, third.page]).toEqual([20, 3]);
    expect(buildQueue(many, { pagina: 9 }, NOW).page).toBe(3);
    expect(new Set([...first.items, ...buildQueue(many, { pagina: 2 }, NOW).items, ...third.items].map((c) => c.id)).size).toBe(120);
  });
});
