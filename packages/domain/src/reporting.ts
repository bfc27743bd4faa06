// The board's dashboard and a member's own report (issue 6 items 3–4; docs/decisions.md 37, 38): which fixed periods
// they offer, which metadata they load, and which figures they show. Every number comes from statistics.ts: the board
// gets crossMemberTable (protected) from the members' tallies, a member its own memberView (exact). Nothing here
// counts anything itself.
import { deskServes } from "./authorization";
import { ValidationError } from "./errors";
import type { Desk, DeskId, MemberId } from "./model";
import type { CaseStore } from "./ports";
import type { HalfYearTallies } from "./statistics-job";
import {
  type CaseFacts,
  type CrossMemberTallies,
  crossMemberTable,
  FIGURES,
  type FigureId,
  type MemberFacts,
  memberView,
  mergeCrossMemberTallies,
  type Period,
  type PeriodId,
  parsePeriod,
  previousPeriod,
} from "./statistics";
import type { ProtectedTable, StatTable } from "./stat-table";
import type { Label } from "./taxonomy";

// --- Periods --------------------------------------------------------------------------------------------------------

/** The half-year (UTC) a moment falls in. */
export function halfYearOf(at: Date): PeriodId {
  return `${at.getUTCFullYear()}-H${at.getUTCMonth() < 6 ? 1 : 2}`;
}

/** A year's two halves; a half-year itself. */
export function halvesOf(period: Period): PeriodId[] {
  const year = period.start.getUTCFullYear();
  return period.annual ? [`${year}-H1`, `${year}-H2`] : [period.id];
}

/** `count` periods of the same length ending with `last`, oldest first. */
export function periodsUpTo(last: string, count: number): PeriodId[] {
  const periods: PeriodId[] = [parsePeriod(last).id];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0] as string));
  return periods;
}

/** How many half-years the board's trend shows, ending with the chosen one. */
export const TREND_HALF_YEARS = 4;

/**
 * The board sees half-years only. A year beside its two halves gives each half away by subtraction (year − H1 = H2,
 * cell by cell), which undoes the protection of every hidden cell of the other half; so the dashboard offers no year
 * views, except the figures that exist only as regional annual totals (measures, tracks), which have no halves.
 */
export function parseBoardPeriod(id: string): Period {
  const period = parsePeriod(id);
  if (period.annual) {
    throw new ValidationError([
      { field: "periode", message: { nl: "Kies een halfjaar, zoals 2026-H1.", en: "Choose a half-year, like 2026-H1." } },
    ]);
  }
  return period;
}

/** The half-years the board can choose: the current one and the five before it, newest first. */
export function boardPeriodOptions(now: Date): PeriodId[] {
  return periodsUpTo(halfYearOf(now), 6).reverse();
}

/** The last half-year that has ended. */
export function defaultBoardPeriod(now: Date): PeriodId {
  return previousPeriod(halfYearOf(now));
}

/**
 * The year whose regional annual totals the dashboard shows beside a half-year: the year that ends with it (H2), or
 * the year before (H1), so it is a whole year whenever the chosen half-year is.
 */
export function annualYearFor(period: Period): PeriodId {
  const year = period.start.getUTCFullYear();
  return `${period.start.getUTCMonth() === 0 ? year - 1 : year}`;
}

/** The periods a member's report offers, newest first: this year and the two before, then the last six half-years. */
export function reportPeriodOptions(now: Date): PeriodId[] {
  const year = now.getUTCFullYear();
  return [...periodsUpTo(`${year}`, 3).reverse(), ...periodsUpTo(halfYearOf(now), 6).reverse()];
}

/** The jaarverslag is written after the year: last year. */
export function defaultReportPeriod(now: Date): PeriodId {
  return `${now.getUTCFullYear() - 1}`;
}

// --- What is read -----------------------------------------------------------------------------------------------------

/** The desks whose queues hold a member's cases: every desk that serves it (regional intake serves everyone). */
export function desksHolding(member: MemberId, desks: readonly Pick<Desk, "id" | "type" | "serves">[]): DeskId[] {
  return desks.filter((d) => deskServes(d, member)).map((d) => d.id);
}

/**
 * The metadata of the members' cases received within the periods (one read per member and desk that serves it,
 * whatever the number of periods). Statistics read CaseFacts only: nothing sealed, nothing to decrypt.
 */
export async function loadCaseFacts(
  cases: Pick<CaseStore, "listCaseFacts">,
  members: readonly MemberId[],
  desks: readonly Pick<Desk, "id" | "type" | "serves">[],
  periods: readonly Period[],
): Promise<CaseFacts[]> {
  const from = new Date(Math.min(...periods.map((p) => p.start.getTime())));
  const to = new Date(Math.max(...periods.map((p) => p.end.getTime())));
  const read = await Promise.all(members.map((member) => cases.listCaseFacts(member, desksHolding(member, desks), { from, to })));
  return read.flat();
}

// --- The board's dashboard --------------------------------------------------------------------------------------------

const PER_MEMBER: FigureId[] = FIGURES.filter((f) => f.crossMember === "per-member").map((f) => f.id);
const REGIONAL_ANNUAL: FigureId[] = FIGURES.filter((f) => f.crossMember === "regional-annual").map((f) => f.id);
/** What the trend shows of each half-year (the region's row). */
export const TREND_FIGURES = ["meldingen", "adviescontacten", "wbk-bevestiging", "wbk-terugkoppeling"] as const satisfies readonly FigureId[];

export interface BoardDashboard {
  period: PeriodId;
  /** Every per-member figure of the chosen half-year, protected. */
  views: Partial<Record<FigureId, ProtectedTable>>;
  /** The TREND_HALF_YEARS half-years ending with the chosen one, oldest first, with their TREND_FIGURES. */
  trend: { period: PeriodId; views: Partial<Record<FigureId, ProtectedTable>> }[];
  /** The whole year of `annualYearFor(period)` and its regional annual totals. */
  year: PeriodId;
  annual: Partial<Record<FigureId, ProtectedTable>>;
  asOf: Date;
}

/** The periods a dashboard for `period` reads: its trend and its year. */
export function boardDashboardPeriods(period: string): Period[] {
  const chosen = parseBoardPeriod(period);
  return [...periodsUpTo(chosen.id, TREND_HALF_YEARS).map(parsePeriod), parsePeriod(annualYearFor(chosen))];
}

/**
 * The organisations as the board sees them side by side: by name, the hub's own tenant (reports whose organisation is
 * not known yet) last. The order changes nothing in the protection.
 */
export function boardRowOrder<M extends MemberFacts & { kind?: string }>(members: readonly M[]): M[] {
  return [...members].sort((a, b) => Number(a.kind === "regio") - Number(b.kind === "regio") || a.name.localeCompare(b.name, "nl"));
}

/**
 * The dashboard from the members' tallies of every half-year it shows (`boardHalfYears`); a year's are its halves'
 * merged. `asOf`: when those tallies were counted.
 */
export function boardDashboard(input: { tallies: HalfYearTallies; members: readonly MemberFacts[]; period: string; asOf: Date }): BoardDashboard {
  const chosen = parseBoardPeriod(input.period);
  const merged = new Map<string, Map<MemberId, CrossMemberTallies>>();
  const talliesOf = (period: string) => {
    const found = merged.get(period);
    if (found) return found;
    const halves = halvesOf(parsePeriod(period));
    const each = new Map(input.members.map((m) => [m.id, halves.map((h) => input.tallies.get(h)?.get(m.id) ?? {}).reduce(mergeCrossMemberTallies)]));
    merged.set(period, each);
    return each;
  };
  const view = (id: FigureId, period: string) => crossMemberTable(id, { members: input.members, period, tallies: talliesOf(period) });
  const views = (ids: readonly FigureId[], period: string) => {
    const out: Partial<Record<FigureId, ProtectedTable>> = {};
    for (const id of ids) {
      const table = view(id, period);
      if (table) out[id] = table;
    }
    return out;
  };
  const current = views(PER_MEMBER, chosen.id);
  const year = annualYearFor(chosen);
  return {
    period: chosen.id,
    views: current,
    trend: periodsUpTo(chosen.id, TREND_HALF_YEARS).map((period) => ({
      period,
      views: period === chosen.id ? current : views(TREND_FIGURES, period),
    })),
    year,
    annual: withoutDerivableTracks(views(REGIONAL_ANNUAL, year), halvesOf(parsePeriod(year)).map((half) => view("meldingen", half))),
    asOf: input.asOf,
  };
}

/**
 * The annual tracks table's `ambtelijk` count is the sum of the region's report totals of the year's two halves
 * (both count ambtelijk reports), which the board also sees: with one half's total hidden ("<5"), the year minus the
 * other half would give it away. `protect` looks at one table at a time, so the dashboard leaves that table out then.
 */
function withoutDerivableTracks(annual: Partial<Record<FigureId, ProtectedTable>>, halves: (ProtectedTable | undefined)[]) {
  const regionTotalShown = (table: ProtectedTable | undefined) => typeof table?.cells.at(-1)?.[0] === "number";
  if (halves.every(regionTotalShown)) return annual;
  const { spoor: _derivable, ...rest } = annual;
  return rest;
}

// --- A member's own report --------------------------------------------------------------------------------------------

/** The figures of a jaarverslag integriteit and a jaarverslag vertrouwenspersoon, in the order reports print them. */
export const REPORT_FIGURES = [
  "meldingen",
  "spoor",
  "categorie",
  "omgang",
  "route",
  "afsluitreden",
  "conclusie",
  "maatregel",
  "relatie",
  "melder",
  "kanaal",
  "wbk-bevestiging",
  "wbk-terugkoppeling",
  "doorlooptijden",
  "adviescontacten",
  "advies-onderwerp",
  "advies-relatie",
  "advies-klacht",
  "advies-verzuim",
] as const satisfies readonly FigureId[];

/**
 * The key figures at the top of a report: each row is one cell of one figure (no sum of its own), named as the
 * integrity bureaus and VPs name it in their reports.
 */
export const KEY_FIGURES: { figure: FigureId; column: string; label: Label }[] = [
  { figure: "meldingen", column: "aantal", label: { nl: "Meldingen ontvangen", en: "Reports received" } },
  { figure: "afsluitreden", column: "geen-vermoeden", label: { nl: "Afgesloten: geen vermoeden van een integriteitsschending", en: "Closed: no suspicion of an integrity violation" } },
  { figure: "afsluitreden", column: "onvoldoende-concreet", label: { nl: "Afgesloten: onvoldoende concreet", en: "Closed: not concrete enough" } },
  { figure: "afsluitreden", column: "melder-onbereikbaar", label: { nl: "Afgesloten: melder onbereikbaar", en: "Closed: reporter unreachable" } },
  { figure: "route", column: "afdoening-lijn", label: { nl: "Afgedaan in de lijn", en: "Handled by line management" } },
  { figure: "route", column: "doorverwezen", label: { nl: "Doorverwezen", en: "Referred" } },
  { figure: "route", column: "vooronderzoek", label: { nl: "Vooronderzoek (zonder feitenonderzoek daarna)", en: "Preliminary inquiry (no fact-finding after it)" } },
  { figure: "route", column: "feitenonderzoek", label: { nl: "Feitenonderzoek (na een vooronderzoek)", en: "Fact-finding investigation (after a preliminary inquiry)" } },
  { figure: "route", column: "lopend", label: { nl: "Nog geen besluit na triage", en: "No decision after triage yet" } },
  { figure: "conclusie", column: "totaal", label: { nl: "Onderzoeken afgerond met een besluit", en: "Investigations concluded with a decision" } },
  { figure: "conclusie", column: "schending-vastgesteld", label: { nl: "Onderzoeken waarin een schending is vastgesteld", en: "Investigations that found a violation" } },
  { figure: "adviescontacten", column: "aantal", label: { nl: "Adviescontacten met een vertrouwenspersoon", en: "Advice contacts with a confidential advisor" } },
  { figure: "advies-klacht", column: "ja", label: { nl: "Adviescontacten met een formele klacht", en: "Advice contacts with a formal complaint" } },
  { figure: "advies-verzuim", column: "ja", label: { nl: "Adviescontacten met ziekteverzuim", en: "Advice contacts with sick leave" } },
];

export interface MemberReport {
  member: MemberFacts;
  period: PeriodId;
  previous: PeriodId;
  /** Each figure's one-row table for the period and for the period before, exact. */
  figures: { id: FigureId; current: StatTable; previous: StatTable }[];
  asOf: Date;
}

/** The periods a report for `period` reads: it and the one before. */
export function memberReportPeriods(period: string): Period[] {
  const chosen = parsePeriod(period);
  return [chosen, parsePeriod(previousPeriod(chosen.id))];
}

export function memberReport(input: { cases: readonly CaseFacts[]; member: MemberFacts; period: string; asOf: Date }): MemberReport {
  const period = parsePeriod(input.period).id;
  const previous = previousPeriod(period);
  const own = (id: FigureId, p: string) => memberView(id, { cases: input.cases, member: input.member, period: p, asOf: input.asOf });
  return {
    member: input.member,
    period,
    previous,
    figures: REPORT_FIGURES.map((id) => ({ id, current: own(id, period), previous: own(id, previous) })),
    asOf: input.asOf,
  };
}
