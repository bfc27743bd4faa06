// A generated region (seeded: the same on every run): thousands of cases over three members and three years. Every
// count of a member's own view equals a direct count over the generated cases, for every half-year and year.
import { describe, expect, it } from "vitest";
import {
  CATEGORY_CODES,
  Channels,
  initialDeadlines,
  Relations,
  ReporterTypes,
  TAXONOMY,
} from "../src";
import { type CaseFacts, type MemberFacts, memberView } from "../src/staff-side";

/** mulberry32: a small seeded generator. */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T };
}

const MEMBERS: MemberFacts[] = [
  { id: "alfa", name: "Alfa", fte: 900 },
  { id: "beta", name: "Beta", fte: 120 },
  { id: "gamma", name: "Gamma", fte: 0 },
];
const START = Date.parse("2024-01-01T00:00:00Z");
const SPAN = Date.parse("2027-01-01T00:00:00Z") - START;

function generate(count: number): CaseFacts[] {
  const g = generator(20261122);
  return Array.from({ length: count }, () => {
    const receivedAt = new Date(START + Math.floor(g.next() * SPAN)).toISOString();
    const category = g.pick(CATEGORY_CODES);
    const second = g.next() < 0.15 ? g.pick(CATEGORY_CODES) : category;
    const categories = [...new Set([category, second])];
    const subcategories = categories.map((c) => `${c}.${g.pick(Object.keys(TAXONOMY[c].sub))}`) as CaseFacts["subcategories"];
    const deadlines = initialDeadlines(new Date(receivedAt));
    return {
      member: g.pick(MEMBERS).id,
      kind: g.next() < 0.2 ? "advies" : "melding",
      track: "ambtelijk",
      channel: g.pick(Channels.codes),
      categories,
      subcategories,
      relation: g.pick(Relations.codes),
      reporterType: g.pick(ReporterTypes.codes),
      receivedAt,
      ackDueAt: deadlines.ackDueAt.toISOString(),
      feedbackDueAt: deadlines.feedbackDueAt.toISOString(),
      history: [{ at: receivedAt, state: "ontvangen" }],
    };
  });
}

const CASES = generate(4000);
const AS_OF = new Date("2027-03-01T00:00:00Z");
const PERIODS = ["2024", "2024-H1", "2024-H2", "2025", "2025-H1", "2025-H2", "2026", "2026-H1", "2026-H2"];

/** The period's bounds, written here again on purpose: the test must not lean on the code it checks. */
function within(period: string, at: string): boolean {
  const [year, half] = period.split("-");
  const from = new Date(Date.UTC(Number(year), half === "H2" ? 6 : 0, 1));
  const to = new Date(Date.UTC(Number(year) + (half === "H1" ? 0 : 1), half === "H1" ? 6 : 0, 1));
  const t = Date.parse(at);
  return t >= from.getTime() && t < to.getTime();
}

function cell(figure: string, member: MemberFacts, period: string, key: string): number | undefined {
  const table = memberView(figure, { cases: CASES, member, period, asOf: AS_OF });
  return table.cells[0]?.[table.columns.findIndex((c) => c.key === key)];
}

describe("every figure equals a direct count over a generated region of 4,000 cases", () => {
  for (const member of MEMBERS) {
    for (const period of PERIODS) {
      it(`${member.id}, ${period}`, () => {
        const mine = CASES.filter((c) => c.member === member.id && within(period, c.receivedAt));
        const reports = mine.filter((c) => c.kind === "melding");
        expect(reports.length).toBeGreaterThan(20);
        expect(cell("meldingen", member, period, "aantal")).toBe(reports.length);
        expect(cell("adviescontacten", member, period, "aantal")).toBe(mine.length - reports.length);
        for (const code of CATEGORY_CODES) expect(cell("categorie", member, period, code), code).toBe(reports.filter((c) => c.categories.includes(code)).length);
        for (const code of Relations.codes) expect(cell("relatie", member, period, code), code).toBe(reports.filter((c) => c.relation === code).length);
        for (const code of ReporterTypes.codes) expect(cell("melder", member, period, code), code).toBe(reports.filter((c) => c.reporterType === code).length);
        for (const code of Channels.codes) expect(cell("kanaal", member, period, code), code).toBe(reports.filter((c) => c.channel === code).length);
        const rate = cell("meldingen", member, period, "per-1000-fte");
        if (member.fte > 0) expect(rate).toBeCloseTo((1000 * reports.length) / member.fte, 6);
        else expect(rate).toBeUndefined();
      });
    }
  }
});
