// The dashboard's and the member report's choices (reporting.ts): fixed periods, half-years only for the board, one
// read per member and desk for all the periods a page shows, and tables that are decision 34's views, unchanged.
import { describe, expect, it } from "vitest";
import { ValidationError } from "../src";
import {
  annualYearFor,
  boardDashboard,
  boardDashboardPeriods,
  boardHalfYears,
  boardPeriodOptions,
  type CaseFacts,
  crossMemberTallies,
  crossMemberView,
  defaultBoardPeriod,
  defaultReportPeriod,
  desksHolding,
  halfYearOf,
  loadCaseFacts,
  memberReport,
  memberView,
  parseBoardPeriod,
  parsePeriod,
  periodsUpTo,
  REPORT_FIGURES,
  reportPeriodOptions,
  TREND_HALF_YEARS,
} from "../src/staff-side";

const NOW = new Date("2026-11-22T10:00:00Z");

describe("periods", () => {
  it("are half-years for the board, the last one that ended by default, and never a year", () => {
    expect(halfYearOf(NOW)).toBe("2026-H2");
    expect(halfYearOf(new Date("2026-06-30T23:59:59Z"))).toBe("2026-H1");
    expect(defaultBoardPeriod(NOW)).toBe("2026-H1");
    expect(boardPeriodOptions(NOW)).toEqual(["2026-H2", "2026-H1", "2025-H2", "2025-H1", "2024-H2", "2024-H1"]);
    expect(() => parseBoardPeriod("2026")).toThrow(ValidationError);
    expect(() => parseBoardPeriod("2026-06")).toThrow(ValidationError);
    expect(parseBoardPeriod("2026-H1").id).toBe("2026-H1");
  });

  it("show a trend of four half-years and the whole year that ends with or before the chosen one", () => {
    expect(periodsUpTo("2026-H1", TREND_HALF_YEARS)).toEqual(["2024-H2", "2025-H1", "2025-H2", "2026-H1"]);
    expect(annualYearFor(parsePeriod("2026-H1"))).toBe("2025");
    expect(annualYearFor(parsePeriod("2025-H2"))).toBe("2025");
    expect(boardDashboardPeriods("2026-H1").map((p) => p.id)).toEqual(["2024-H2", "2025-H1", "2025-H2", "2026-H1", "2025"]);
  });

  it("are years and half-years for a member's report, last year by default", () => {
    expect(defaultReportPeriod(NOW)).toBe("2025");
    expect(reportPeriodOptions(NOW)).toEqual(["2026", "2025", "2024", "2026-H2", "2026-H1", "2025-H2", "2025-H1", "2024-H2", "2024-H1"]);
  });
});

describe("what is read", () => {
  const desks = [
    { id: "a-bi", type: "integriteit" as const, serves: ["a", "b"] },
    { id: "a-vp", type: "vp" as const, serves: ["a"] },
    { id: "intake", type: "intake" as const, serves: ["regio"] },
  ];

  it("is every desk that serves the member, regional intake included", () => {
    expect(desksHolding("a", desks)).toEqual(["a-bi", "a-vp", "intake"]);
    expect(desksHolding("b", desks)).toEqual(["a-bi", "intake"]);
  });

  it("is one read per member, over the whole span of the periods", async () => {
    const calls: unknown[] = [];
    const cases = {
      listCaseFacts: async (member: string, on: readonly string[], range: { from: Date; to: Date }) => {
        calls.push({ member, on, from: range.from.toISOString(), to: range.to.toISOString() });
        return [];
      },
    };
    await loadCaseFacts(cases, ["a", "b"], desks, boardDashboardPeriods("2026-H1"));
    expect(calls).toEqual([
      { member: "a", on: ["a-bi", "a-vp", "intake"], from: "2024-07-01T00:00:00.000Z", to: "2026-07-01T00:00:00.000Z" },
      { member: "b", on: ["a-bi", "intake"], from: "2024-07-01T00:00:00.000Z", to: "2026-07-01T00:00:00.000Z" },
    ]);
  });
});

describe("the tables", () => {
  const facts = (member: string, received: string, track: CaseFacts["track"] = "ambtelijk"): CaseFacts => ({
    member,
    kind: "melding",
    track,
    channel: "webformulier",
    categories: ["omgang"],
    subcategories: ["omgang.pesten"],
    relation: "collega",
    reporterType: "medewerker",
    receivedAt: received,
    ackDueAt: received,
    feedbackDueAt: received,
    history: [{ at: received, state: "ontvangen" }],
  });
  const members = [
    { id: "a", name: "Alfa", fte: 500 },
    { id: "b", name: "Beta", fte: 100 },
  ];
  const cases = [
    ...Array.from({ length: 12 }, (_, i) => facts("a", `2026-0${1 + (i % 6)}-10T00:00:00.000Z`)),
    ...Array.from({ length: 3 }, () => facts("b", "2026-02-01T00:00:00.000Z")),
    facts("a", "2025-03-01T00:00:00.000Z", "wbk"),
  ];

  // What the statistics job keeps, counted here from the cases: each member's tallies per half-year.
  const tallies = new Map(
    boardHalfYears("2026-H1").map((half) => [half.id, new Map(members.map((m) => [m.id, crossMemberTallies(cases.filter((c) => c.member === m.id), half.id, NOW)]))]),
  );

  it("are the protected cross-member views of the chosen half-year, its trend and its year", () => {
    const dashboard = boardDashboard({ tallies, members, period: "2026-H1", asOf: NOW });
    expect(dashboard.views.meldingen).toEqual(crossMemberView("meldingen", { cases, members, period: "2026-H1", asOf: NOW }));
    expect(dashboard.trend.map((t) => t.period)).toEqual(["2024-H2", "2025-H1", "2025-H2", "2026-H1"]);
    expect(dashboard.trend[3]?.views).toBe(dashboard.views);
    expect(dashboard.trend[1]?.views.meldingen).toEqual(crossMemberView("meldingen", { cases, members, period: "2025-H1", asOf: NOW }));
    expect(dashboard.year).toBe("2025");
    expect(Object.keys(dashboard.annual).sort()).toEqual(["maatregel", "spoor"]);
    // The year from its two halves' tallies is the year counted from the cases.
    expect(dashboard.annual.spoor).toEqual(crossMemberView("spoor", { cases, members, period: "2025", asOf: NOW }));
    expect(dashboard.views.maatregel).toBeUndefined();
    expect(() => boardDashboard({ tallies, members, period: "2026", asOf: NOW })).toThrow(ValidationError);
  });

  it("leave out the year's tracks when a half of it has a hidden region total: the year minus the other half would give it", () => {
    const year = (firstHalf: number) => [
      ...Array.from({ length: firstHalf }, () => facts("a", "2025-03-01T00:00:00.000Z")),
      ...Array.from({ length: 12 }, () => facts("a", "2025-09-01T00:00:00.000Z")),
    ];
    const dashboardOf = (cases: CaseFacts[]) =>
      boardDashboard({
        tallies: new Map(boardHalfYears("2026-H1").map((half) => [half.id, new Map(members.map((m) => [m.id, crossMemberTallies(cases.filter((c) => c.member === m.id), half.id, NOW)]))])),
        members,
        period: "2026-H1",
        asOf: NOW,
      });
    // 3 reports in 2025-H1 show as "<5"; 15 in the year and 12 in 2025-H2 would say 3. With 10 nothing is hidden.
    expect(dashboardOf(year(3)).trend[1]?.views.meldingen?.cells.at(-1)?.[0]).toBe("<5");
    expect(Object.keys(dashboardOf(year(3)).annual)).toEqual(["maatregel"]);
    expect(Object.keys(dashboardOf(year(10)).annual).sort()).toEqual(["maatregel", "spoor"]);
  });

  it("are the member's own exact views, for the period and the one before", () => {
    const report = memberReport({ cases, member: members[1] as (typeof members)[number], period: "2026", asOf: NOW });
    expect(report.previous).toBe("2025");
    expect(report.figures.map((f) => f.id)).toEqual([...REPORT_FIGURES]);
    const reports = report.figures.find((f) => f.id === "meldingen");
    expect(reports?.current).toEqual(memberView("meldingen", { cases, member: members[1] as (typeof members)[number], period: "2026", asOf: NOW }));
    // Beta's 3 reports, exactly: a member sees its own small numbers.
    expect(reports?.current.cells[0]?.[0]).toBe(3);
    expect(reports?.previous.cells[0]?.[0]).toBe(0);
  });
});
