// Benchmark statistics (DESIGN §4, issue 6). Every figure is defined once: its words (nl, en) say exactly what is
// counted and its function counts it. Figures read case metadata only (CaseFacts: nothing sealed, nothing to decrypt)
// and give a plain StatTable. A member sees its own figures exactly (memberView); every view across members goes
// through the small-count protection (crossMemberView, small-counts.ts).
import { NotFoundError, ValidationError } from "./errors";
import { isClosed } from "./lifecycle";
import { type CaseKind, type CaseRecord, type CaseState, type HistoryEntry, type Measure, type Member, MeasureSchema } from "./model";
import { CloseReasons, Conclusions, MEASURE_LABELS } from "./outcomes";
import { protect, SMALL_COUNT_RULES, type SmallCountRules } from "./small-counts";
import type { ProtectedTable, StatColumn, StatRow, StatTable } from "./stat-table";
import { CATEGORY_CODES, Channels, type Label, labelled, Relations, ReporterTypes, SUBCATEGORY_CODES, subcategoryLabel, TAXONOMY, Tracks } from "./taxonomy";

// --- Periods --------------------------------------------------------------------------------------------------------

/** A fixed period (DESIGN §4: no ad-hoc slicing that allows subtraction): a calendar year or one half of it. */
export type PeriodId = `${number}` | `${number}-H1` | `${number}-H2`;

export interface Period {
  id: PeriodId;
  /** Inclusive, midnight UTC, like every deadline of the hub. */
  start: Date;
  /** Exclusive. */
  end: Date;
  annual: boolean;
}

const PERIOD = /^(2\d{3})(?:-H([12]))?$/;

/** "2026" or "2026-H1"/"2026-H2"; anything else is refused, so no view can be cut to other dates. */
export function parsePeriod(id: string): Period {
  const match = PERIOD.exec(id);
  if (!match) {
    throw new ValidationError([
      { field: "periode", message: { nl: "Kies een jaar (zoals 2026) of een halfjaar (zoals 2026-H1).", en: "Choose a year (like 2026) or a half-year (like 2026-H1)." } },
    ]);
  }
  const year = Number(match[1]);
  const half = match[2];
  return {
    id: id as PeriodId,
    start: new Date(Date.UTC(year, half === "2" ? 6 : 0, 1)),
    end: new Date(Date.UTC(year, half === "1" ? 6 : 12, 1)),
    annual: half === undefined,
  };
}

/** The period of the same length just before: what a report shows beside the current one. */
export function previousPeriod(id: string): PeriodId {
  const { start, annual } = parsePeriod(id);
  const year = start.getUTCFullYear();
  if (annual) return `${year - 1}`;
  return start.getUTCMonth() === 0 ? `${year - 1}-H2` : `${year}-H1`;
}

// --- What a figure may read of a case -------------------------------------------------------------------------------

/** Metadata in clear: no content, no sealed part. A CaseRecord is one. */
export type CaseFacts = Pick<
  CaseRecord,
  | "member"
  | "kind"
  | "track"
  | "channel"
  | "categories"
  | "subcategories"
  | "relation"
  | "reporterType"
  | "receivedAt"
  | "ackDueAt"
  | "feedbackDueAt"
  | "feedbackAt"
  | "outcome"
  | "vp"
> & { history: readonly Pick<HistoryEntry, "at" | "state" | "event">[] };

export type MemberFacts = Pick<Member, "id" | "name" | "fte">;

const DAY_MS = 24 * 60 * 60 * 1000;
const time = (iso: string) => Date.parse(iso);

/** Changes of state in order; a transfer or a reporter's own step (an entry with an event) is not one. */
const transitions = (c: CaseFacts) => c.history.filter((h) => !h.event);
const firstInto = (c: CaseFacts, reached: (state: CaseState) => boolean) => transitions(c).find((h) => reached(h.state));

export const HandlingRoutes = labelled({
  lopend: { nl: "Nog geen besluit na triage", en: "No decision after triage yet" },
  "gesloten-na-triage": { nl: "Afgesloten na triage", en: "Closed after triage" },
  doorverwezen: { nl: "Doorverwezen", en: "Referred" },
  "afdoening-lijn": { nl: "Afgedaan in de lijn", en: "Handled by line management" },
  vooronderzoek: { nl: "Vooronderzoek (zonder feitenonderzoek)", en: "Preliminary inquiry (no fact-finding)" },
  feitenonderzoek: { nl: "Feitenonderzoek", en: "Fact-finding investigation" },
});
export type HandlingRoute = (typeof HandlingRoutes.codes)[number];

/** The states a triage can lead to (lifecycle.ts) and the route each one starts. */
export const TRIAGE_ROUTES: Partial<Record<CaseState, HandlingRoute>> = {
  gesloten: "gesloten-na-triage",
  doorverwezen: "doorverwezen",
  "afdoening-lijn": "afdoening-lijn",
  vooronderzoek: "vooronderzoek",
};

/** The triage decision: the first change of state after the case was in triage into a state a triage leads to. */
export function triageDecision(c: CaseFacts): Pick<HistoryEntry, "at" | "state"> | undefined {
  const steps = transitions(c);
  const triage = steps.findIndex((h) => h.state === "triage");
  return triage < 0 ? undefined : steps.slice(triage + 1).find((h) => TRIAGE_ROUTES[h.state] !== undefined);
}

/** The route a report took: its triage decision, where a preliminary inquiry that led to fact-finding counts as that. */
export function handlingRoute(c: CaseFacts): HandlingRoute {
  const decision = triageDecision(c);
  if (!decision) return "lopend";
  if (decision.state === "vooronderzoek" && transitions(c).some((h) => h.state === "feitenonderzoek")) return "feitenonderzoek";
  return TRIAGE_ROUTES[decision.state] as HandlingRoute;
}

export type Timeliness = "op-tijd" | "te-laat";

/**
 * Acknowledged within 7 days: the first change into `bevestigd` at or before `ackDueAt`. Not yet acknowledged counts
 * as late once `ackDueAt` has passed at `asOf`; before that it is not settled (undefined).
 */
export function acknowledgementTiming(c: CaseFacts, asOf: Date): Timeliness | undefined {
  const ack = firstInto(c, (s) => s === "bevestigd");
  if (ack) return time(ack.at) <= time(c.ackDueAt) ? "op-tijd" : "te-laat";
  return asOf.getTime() > time(c.ackDueAt) ? "te-laat" : undefined;
}

/**
 * Feedback within 3 months: `feedbackAt` (the first message of kind terugkoppeling) at or before `feedbackDueAt`.
 * Without feedback a case counts as late once `feedbackDueAt` has passed at `asOf`, closed or not (the Wbk asks for
 * feedback whatever the state); before that it is not settled.
 */
export function feedbackTiming(c: CaseFacts, asOf: Date): Timeliness | undefined {
  if (c.feedbackAt) return time(c.feedbackAt) <= time(c.feedbackDueAt) ? "op-tijd" : "te-laat";
  return asOf.getTime() > time(c.feedbackDueAt) ? "te-laat" : undefined;
}

/** The calendar day (UTC) of a moment, as a number: days between two moments are the difference. */
const dayOf = (iso: string) => Math.floor(time(iso) / DAY_MS);

/**
 * Calendar days (UTC) from the day of receipt to the day of each milestone the case has reached (0: the same day);
 * undefined for one not (yet) reached. Whole days, so that lead times of many cases can be kept as a spread (days →
 * number of cases) whose median is exact after merging (see Tally).
 */
export function leadTimes(c: CaseFacts): { acknowledged?: number; triaged?: number; closed?: number } {
  const since = (step: { at: string } | undefined) => (step ? dayOf(step.at) - dayOf(c.receivedAt) : undefined);
  return { acknowledged: since(firstInto(c, (s) => s === "bevestigd")), triaged: since(triageDecision(c)), closed: since(firstInto(c, isClosed)) };
}

/** A spread: how many cases have each value (whole days). */
export type Spread = Record<string, number>;

function median(spread: Spread): number | undefined {
  const values = Object.entries(spread)
    .map(([value, n]) => [Number(value), n] as const)
    .sort(([a], [b]) => a - b);
  const n = values.reduce((sum, [, k]) => sum + k, 0);
  if (n === 0) return undefined;
  // The value at (0-based) position `at` of the sorted cases.
  const nth = (at: number) => {
    let seen = 0;
    for (const [value, k] of values) {
      seen += k;
      if (at < seen) return value;
    }
    throw new Error("unreachable: position beyond the spread");
  };
  return n % 2 === 1 ? nth((n - 1) / 2) : (nth(n / 2 - 1) + nth(n / 2)) / 2;
}

const spreadOf = (values: readonly number[]): Spread => {
  const spread: Spread = {};
  for (const v of values) spread[v] = (spread[v] ?? 0) + 1;
  return spread;
};

/** Per 1,000 fte; no headcount, no rate. */
const perThousand = (count: number, fte: number) => (fte > 0 ? (count * 1000) / fte : undefined);

// --- Figures --------------------------------------------------------------------------------------------------------

export interface FigureDefinition<Id extends string = string> {
  id: Id;
  title: Label;
  /** Exactly what is counted, to be shown with the table and its CSV. */
  description: Label;
  /** Reports (`melding`) or the vertrouwenspersonen's advice contacts (`advies`): cases of the other kind never count. */
  counts: CaseKind;
  /**
   * Across members: `per-member` rows with the region below them, counting only ambtelijk cases; `regional-annual`:
   * the region's total of a whole year only, every track (DESIGN §4: measures, bestuurlijk and wbk cases).
   */
  crossMember: "per-member" | "regional-annual";
  columns: StatColumn[];
  totalColumn?: number;
  sumColumn?: number;
  /** What this figure keeps of one row's cases of its kind received in the period, counted at `asOf`. */
  tally(cases: readonly CaseFacts[], asOf: Date): Pick<Tally, "counts" | "spreads">;
  /** One row's cells, from its tally alone. */
  cells(tally: Tally, fte: number): (number | undefined)[];
}

/**
 * What a figure keeps of a set of cases: their number, counts that add up (across members, and two half-years into
 * their year) and spreads of whole days that merge, so that a median over many sets is still exact. A figure's cells
 * follow from a tally and the headcount: the board's dashboard reads tallies frozen by the statistics job
 * (docs/decisions.md 38), never the cases themselves.
 */
export interface Tally {
  cases: number;
  counts: number[];
  spreads: Spread[];
}

/** The tally of two sets of cases together: counts added, spreads merged. */
export function mergeTallies(a: Tally, b: Tally): Tally {
  const spreads = a.spreads.map((spread, i) => {
    const merged = { ...spread };
    for (const [value, n] of Object.entries(b.spreads[i] ?? {})) merged[value] = (merged[value] ?? 0) + n;
    return merged;
  });
  return { cases: a.cases + b.cases, counts: a.counts.map((n, i) => n + (b.counts[i] ?? 0)), spreads };
}

interface Spec<Id extends string> {
  id: Id;
  title: Label;
  description: Label;
  counts: CaseKind;
  crossMember?: "regional-annual";
}
interface Values<T extends string> {
  codes: readonly T[];
  labels: Record<T, Label>;
}

const PERIOD_RULE: Record<CaseKind, Label> = {
  melding: {
    nl: "Alleen meldingen, geen adviescontacten; een melding telt in het halfjaar en het jaar (UTC) waarin zij binnenkwam.",
    en: "Reports only, no advice contacts; a report counts in the half-year and the year (UTC) in which it was received.",
  },
  advies: {
    nl: "Alleen adviescontacten met een vertrouwenspersoon; een contact telt in het halfjaar en het jaar (UTC) waarin het begon.",
    en: "Advice contacts with a confidential advisor only; a contact counts in the half-year and the year (UTC) in which it began.",
  },
};
const TOTAL: Label = { nl: "Totaal", en: "Total" };

function define<const Id extends string>(spec: Spec<Id>, table: Pick<FigureDefinition, "columns" | "totalColumn" | "sumColumn" | "tally" | "cells">): FigureDefinition<Id> {
  const rule = PERIOD_RULE[spec.counts];
  return {
    ...spec,
    description: { nl: `${spec.description.nl} ${rule.nl}`, en: `${spec.description.en} ${rule.en}` },
    crossMember: spec.crossMember ?? "per-member",
    ...table,
  };
}

const count = (key: string, label: Label): StatColumn => ({ key, label, kind: "count" });
const valueColumns = <T extends string>(values: Values<T>) => values.codes.map((code) => count(code, values.labels[code]));

/** The number of cases and that number per 1,000 fte. */
function total<const Id extends string>(spec: Spec<Id>, label: Label) {
  return define(spec, {
    columns: [count("aantal", label), { key: "per-1000-fte", label: { nl: "Per 1.000 fte", en: "Per 1,000 fte" }, kind: "rate", of: 0 }],
    totalColumn: 0,
    tally: () => ({ counts: [], spreads: [] }),
    cells: (t, fte) => [t.cases, perThousand(t.cases, fte)],
  });
}

/**
 * Each case under at most one value, and a total column that sums them. `of` defined for every case: that total is
 * the number of cases; otherwise it counts only the cases that have a value.
 */
function single<const Id extends string, T extends string>(spec: Spec<Id>, values: Values<T>, of: (c: CaseFacts) => T | undefined, everyCase: boolean) {
  const columns = [...valueColumns(values), count("totaal", TOTAL)];
  const sum = columns.length - 1;
  return define(spec, {
    columns,
    sumColumn: sum,
    ...(everyCase ? { totalColumn: sum } : {}),
    tally: (cases) => {
      const found = cases.map(of);
      return { counts: [...values.codes.map((code) => found.filter((v) => v === code).length), found.filter((v) => v !== undefined).length], spreads: [] };
    },
    cells: (t) => t.counts,
  });
}

/** Each case once under every value it has: the columns add up to more than the number of cases, so no total column. */
function several<const Id extends string, T extends string>(spec: Spec<Id>, values: Values<T>, of: (c: CaseFacts) => readonly T[]) {
  return define(spec, {
    columns: valueColumns(values),
    tally: (cases) => ({ counts: values.codes.map((code) => cases.filter((c) => of(c).includes(code)).length), spreads: [] }),
    cells: (t) => t.counts,
  });
}

/** Settled cases on time and late, and the share on time. */
function deadline<const Id extends string>(spec: Spec<Id>, status: (c: CaseFacts, asOf: Date) => Timeliness | undefined) {
  return define(spec, {
    columns: [
      count("op-tijd", { nl: "Binnen de termijn", en: "Within the time limit" }),
      count("te-laat", { nl: "Te laat of nog niet", en: "Late or not yet" }),
      count("beoordeeld", { nl: "Beoordeeld", en: "Assessed" }),
      { key: "percentage", label: { nl: "% binnen de termijn", en: "% within the time limit" }, kind: "percent", of: 0, per: 2 },
    ],
    sumColumn: 2,
    tally: (cases, asOf) => {
      const found = cases.map((c) => status(c, asOf));
      return { counts: [found.filter((s) => s === "op-tijd").length, found.filter((s) => s !== undefined).length], spreads: [] };
    },
    cells: ({ counts: [onTime = 0, settled = 0] }) => [onTime, settled - onTime, settled, settled > 0 ? (100 * onTime) / settled : undefined],
  });
}

const CATEGORIES: Values<(typeof CATEGORY_CODES)[number]> = {
  codes: CATEGORY_CODES,
  labels: Object.fromEntries(CATEGORY_CODES.map((c) => [c, TAXONOMY[c].label])) as Record<(typeof CATEGORY_CODES)[number], Label>,
};
const subcategories = (codes: readonly (typeof SUBCATEGORY_CODES)[number][]) => ({
  codes,
  labels: Object.fromEntries(codes.map((s) => [s, subcategoryLabel(s)])) as Record<(typeof SUBCATEGORY_CODES)[number], Label>,
});
const OMGANG = subcategories(SUBCATEGORY_CODES.filter((s) => s.startsWith("omgang.")));
const MEASURES: Values<Measure> = {
  codes: MeasureSchema.options,
  labels: MEASURE_LABELS,
};
const RECORDED = labelled({
  ja: { nl: "Ja", en: "Yes" },
  nee: { nl: "Nee", en: "No" },
  "niet-vastgelegd": { nl: "Niet vastgelegd", en: "Not recorded" },
});
const recorded = (flag: boolean | undefined) => (flag === undefined ? "niet-vastgelegd" : flag ? "ja" : "nee");

const LEAD_TIMES = [
  ["bevestiging", { nl: "ontvangstbevestiging", en: "acknowledgement" }, "acknowledged"],
  ["triagebesluit", { nl: "besluit na triage", en: "triage decision" }, "triaged"],
  ["afsluiting", { nl: "afsluiting", en: "closure" }, "closed"],
] as const;

export const FIGURES = [
  total(
    {
      id: "meldingen",
      counts: "melding",
      title: { nl: "Meldingen", en: "Reports" },
      description: {
        nl: "Het aantal meldingen, en dat aantal per 1.000 fte van de organisatie (niet omgerekend naar een jaar; voor de regio per 1.000 fte van alle organisaties samen; zonder opgegeven fte geen cijfer).",
        en: "The number of reports, and that number per 1,000 fte of the organisation (not converted to a year; for the region per 1,000 fte of all organisations together; no figure without a headcount).",
      },
    },
    { nl: "Meldingen", en: "Reports" },
  ),
  several(
    {
      id: "categorie",
      counts: "melding",
      title: { nl: "Meldingen per categorie", en: "Reports by category" },
      description: {
        nl: "Meldingen per categorie van de indeling (eerste niveau). Een melding met meer categorieën telt bij elk daarvan één keer.",
        en: "Reports by category of the taxonomy (first level). A report with several categories counts once under each of them.",
      },
    },
    CATEGORIES,
    (c) => c.categories,
  ),
  several(
    {
      id: "omgang",
      counts: "melding",
      title: { nl: "Ongewenste omgangsvormen per soort", en: "Unwanted behaviour by kind" },
      description: {
        nl: "Meldingen over ongewenste omgangsvormen per soort (tweede niveau). Een melding met meer soorten telt bij elk daarvan één keer.",
        en: "Reports of unwanted behaviour by kind (second level). A report with several kinds counts once under each of them.",
      },
    },
    OMGANG,
    (c) => c.subcategories,
  ),
  single(
    {
      id: "route",
      counts: "melding",
      title: { nl: "Meldingen per afhandelingsroute", en: "Reports by handling route" },
      description: {
        nl: "Meldingen naar het besluit na de triage: de eerste stap na de triage (afsluiten wegens geen vermoeden, onvoldoende concreet of melder onbereikbaar; doorverwijzen; afdoening in de lijn; vooronderzoek). Een vooronderzoek dat tot een feitenonderzoek leidde telt als feitenonderzoek. Meldingen zonder besluit na triage staan onder 'nog geen besluit'.",
        en: "Reports by the decision after triage: the first step after triage (closing for no suspicion, not concrete enough or reporter unreachable; referral; handling by line management; preliminary inquiry). A preliminary inquiry that led to fact-finding counts as fact-finding. Reports without a triage decision are under 'no decision yet'.",
      },
    },
    HandlingRoutes,
    handlingRoute,
    true,
  ),
  single(
    {
      id: "afsluitreden",
      counts: "melding",
      title: { nl: "Afgesloten zonder onderzoek, naar reden", en: "Closed without investigation, by reason" },
      description: {
        nl: "Meldingen die na de triage of na een vooronderzoek zijn afgesloten, naar de vastgelegde reden.",
        en: "Reports closed after triage or after a preliminary inquiry, by the recorded reason.",
      },
    },
    CloseReasons,
    (c) => c.outcome?.closeReason,
    false,
  ),
  single(
    {
      id: "conclusie",
      counts: "melding",
      title: { nl: "Conclusies na onderzoek", en: "Conclusions after investigation" },
      description: {
        nl: "Meldingen waarover na een feitenonderzoek een besluit is genomen, naar de conclusie.",
        en: "Reports decided after a fact-finding investigation, by conclusion.",
      },
    },
    Conclusions,
    (c) => c.outcome?.conclusion,
    false,
  ),
  several(
    {
      id: "maatregel",
      counts: "melding",
      crossMember: "regional-annual",
      title: { nl: "Maatregelen", en: "Measures" },
      description: {
        nl: "Meldingen waarin een maatregel is vastgelegd, per maatregel. Een melding met meer maatregelen telt bij elk daarvan één keer. Buiten de eigen organisatie alleen als regionaal jaartotaal.",
        en: "Reports with a recorded measure, by measure. A report with several measures counts once under each of them. Outside the own organisation only as the region's annual total.",
      },
    },
    MEASURES,
    (c) => c.outcome?.measures ?? [],
  ),
  single(
    {
      id: "relatie",
      counts: "melding",
      title: { nl: "Meldingen naar relatie van de betrokkene", en: "Reports by relation of the person concerned" },
      description: {
        nl: "Meldingen naar de relatie van de persoon om wie het gaat tot de melder, zoals bij de melding opgegeven.",
        en: "Reports by the relation of the person concerned to the reporter, as given with the report.",
      },
    },
    Relations,
    (c) => c.relation,
    true,
  ),
  single(
    {
      id: "melder",
      counts: "melding",
      title: { nl: "Meldingen naar soort melder", en: "Reports by type of reporter" },
      description: { nl: "Meldingen naar de soort melder.", en: "Reports by the type of reporter." },
    },
    ReporterTypes,
    (c) => c.reporterType,
    true,
  ),
  single(
    {
      id: "kanaal",
      counts: "melding",
      title: { nl: "Meldingen naar kanaal", en: "Reports by channel" },
      description: { nl: "Meldingen naar de weg waarlangs ze binnenkwamen.", en: "Reports by the way they came in." },
    },
    Channels,
    (c) => c.channel,
    true,
  ),
  single(
    {
      id: "spoor",
      counts: "melding",
      crossMember: "regional-annual",
      title: { nl: "Meldingen naar spoor", en: "Reports by track" },
      description: {
        nl: "Meldingen naar spoor: ambtelijk, bestuurlijk, Wet bescherming klokkenluiders. Buiten de eigen organisatie alleen als regionaal jaartotaal.",
        en: "Reports by track: staff, administrative, Whistleblower Protection Act. Outside the own organisation only as the region's annual total.",
      },
    },
    Tracks,
    (c) => c.track,
    true,
  ),
  deadline(
    {
      id: "wbk-bevestiging",
      counts: "melding",
      title: { nl: "Ontvangst bevestigd binnen 7 dagen", en: "Receipt acknowledged within 7 days" },
      description: {
        nl: "Meldingen waarvan de ontvangst op tijd is bevestigd: de eerste overgang naar 'bevestigd' valt op of vóór de bevestigingstermijn (7 dagen na ontvangst). Beoordeeld zijn de bevestigde meldingen en de nog niet bevestigde waarvan de termijn bij het tellen verstreken was; die laatste tellen als te laat. Het percentage is binnen de termijn gedeeld door beoordeeld.",
        en: "Reports whose receipt was acknowledged in time: the first change to 'acknowledged' falls on or before the acknowledgement deadline (7 days after receipt). Assessed are the acknowledged reports and those not acknowledged whose deadline had passed when counted; the latter count as late. The percentage is within the time limit divided by assessed.",
      },
    },
    acknowledgementTiming,
  ),
  deadline(
    {
      id: "wbk-terugkoppeling",
      counts: "melding",
      title: { nl: "Terugkoppeling binnen 3 maanden", en: "Feedback within 3 months" },
      description: {
        nl: "Meldingen waarin de melder op tijd terugkoppeling kreeg: de eerste terugkoppeling valt op of vóór de terugkoppelingstermijn (3 maanden na de ontvangstbevestiging). Beoordeeld zijn de meldingen met terugkoppeling en die zonder waarvan de termijn bij het tellen verstreken was, ook als ze al zijn afgesloten; die laatste tellen als te laat. Het percentage is binnen de termijn gedeeld door beoordeeld.",
        en: "Reports whose reporter had feedback in time: the first feedback falls on or before the feedback deadline (3 months after the acknowledgement). Assessed are the reports with feedback and those without whose deadline had passed when counted, closed or not; the latter count as late. The percentage is within the time limit divided by assessed.",
      },
    },
    feedbackTiming,
  ),
  define(
    {
      id: "doorlooptijden",
      counts: "melding",
      title: { nl: "Doorlooptijden", en: "Lead times" },
      description: {
        nl: "De mediaan van het aantal kalenderdagen (UTC; dezelfde dag is 0) van de dag van ontvangst tot de ontvangstbevestiging (eerste overgang naar 'bevestigd'), tot het besluit na triage (de eerste stap na de triage) en tot de afsluiting (eerste overgang naar 'gesloten' of 'doorverwezen'), over de meldingen die dat moment bij het tellen hadden bereikt, met hun aantal. Nog open meldingen tellen niet mee, zodat de mediaan van een recente periode nog kan stijgen.",
        en: "The median number of calendar days (UTC; the same day is 0) from the day of receipt to the acknowledgement (first change to 'acknowledged'), to the triage decision (the first step after triage) and to closure (first change to 'closed' or 'referred'), over the reports that had reached that moment when counted, with their number. Open reports do not count, so the median of a recent period may still rise.",
      },
    },
    {
      columns: LEAD_TIMES.flatMap(([key, label], k): StatColumn[] => [
        count(`aantal-${key}`, { nl: `Aantal tot ${label.nl}`, en: `Number to ${label.en}` }),
        { key: `mediaan-${key}`, label: { nl: `Mediaan dagen tot ${label.nl}`, en: `Median days to ${label.en}` }, kind: "median", n: 2 * k },
      ]),
      tally: (cases) => {
        const times = cases.map(leadTimes);
        return { counts: [], spreads: LEAD_TIMES.map(([, , field]) => spreadOf(times.flatMap((t) => (t[field] === undefined ? [] : [t[field]])))) };
      },
      cells: (t) => t.spreads.flatMap((spread) => [Object.values(spread).reduce((sum, n) => sum + n, 0), median(spread)]),
    },
  ),
  total(
    {
      id: "adviescontacten",
      counts: "advies",
      title: { nl: "Adviescontacten vertrouwenspersoon", en: "Advice contacts with a confidential advisor" },
      description: {
        nl: "Het aantal adviescontacten met een vertrouwenspersoon, en dat aantal per 1.000 fte van de organisatie (niet omgerekend naar een jaar; voor de regio per 1.000 fte van alle organisaties samen).",
        en: "The number of advice contacts with a confidential advisor, and that number per 1,000 fte of the organisation (not converted to a year; for the region per 1,000 fte of all organisations together).",
      },
    },
    { nl: "Adviescontacten", en: "Advice contacts" },
  ),
  several(
    {
      id: "advies-onderwerp",
      counts: "advies",
      title: { nl: "Adviescontacten per onderwerp", en: "Advice contacts by subject" },
      description: {
        nl: "Adviescontacten per onderwerp (tweede niveau van de indeling). Een contact met meer onderwerpen telt bij elk daarvan één keer.",
        en: "Advice contacts by subject (second level of the taxonomy). A contact with several subjects counts once under each of them.",
      },
    },
    subcategories(SUBCATEGORY_CODES),
    (c) => c.subcategories,
  ),
  single(
    {
      id: "advies-relatie",
      counts: "advies",
      title: { nl: "Adviescontacten naar relatie van de betrokkene", en: "Advice contacts by relation of the person concerned" },
      description: {
        nl: "Adviescontacten naar de relatie van de persoon om wie het gaat tot de melder.",
        en: "Advice contacts by the relation of the person concerned to the reporter.",
      },
    },
    Relations,
    (c) => c.relation,
    true,
  ),
  single(
    {
      id: "advies-verzuim",
      counts: "advies",
      title: { nl: "Adviescontacten met ziekteverzuim", en: "Advice contacts with sick leave" },
      description: {
        nl: "Adviescontacten naar wat de vertrouwenspersoon over ziekteverzuim van de melder vastlegde.",
        en: "Advice contacts by what the confidential advisor recorded about the reporter's sick leave.",
      },
    },
    RECORDED,
    (c) => recorded(c.vp?.sickLeave),
    true,
  ),
  single(
    {
      id: "advies-klacht",
      counts: "advies",
      title: { nl: "Adviescontacten met een formele klacht", en: "Advice contacts with a formal complaint" },
      description: {
        nl: "Adviescontacten naar wat de vertrouwenspersoon vastlegde over een formele klacht van de melder.",
        en: "Advice contacts by what the confidential advisor recorded about a formal complaint by the reporter.",
      },
    },
    RECORDED,
    (c) => recorded(c.vp?.formalComplaint),
    true,
  ),
] as const;

export type FigureId = (typeof FIGURES)[number]["id"];

export function figureDefinition(id: string): FigureDefinition {
  const found = FIGURES.find((f) => f.id === id);
  if (!found) throw new NotFoundError();
  return found;
}

// --- Views ----------------------------------------------------------------------------------------------------------

export interface ViewInput {
  /** Case metadata; whatever is not of the figure's kind, period or members is left out here. */
  cases: readonly CaseFacts[];
  period: string;
  /** The moment of counting: it decides which deadlines have passed. */
  asOf: Date;
}

const REGION: StatRow = { key: "totaal", label: { nl: "Regio", en: "Region" }, kind: "region" };
const rowOf = (member: MemberFacts): StatRow => ({ key: member.id, label: { nl: member.name, en: member.name }, kind: "member" });

interface Unit {
  row: StatRow;
  tally: Tally;
  fte: number;
}

function counted(figure: FigureDefinition, period: Period) {
  return (c: CaseFacts) => c.kind === figure.counts && time(c.receivedAt) >= period.start.getTime() && time(c.receivedAt) < period.end.getTime();
}

/** A figure's tally of what it counts among `cases`: its kind, received in the period; deadlines as they stood at `asOf`. */
export function tallyOf(figure: FigureDefinition, cases: readonly CaseFacts[], period: Period, asOf: Date): Tally {
  const mine = cases.filter(counted(figure, period));
  return { cases: mine.length, ...figure.tally(mine, asOf) };
}

const emptyTally = (figure: FigureDefinition): Tally => ({ cases: 0, ...figure.tally([], new Date(0)) });

function tableOf(figure: FigureDefinition, period: Period, units: Unit[]): StatTable {
  return {
    figure: figure.id,
    period: period.id,
    rows: units.map((u) => u.row),
    columns: figure.columns,
    cells: units.map((u) => figure.cells(u.tally, u.fte)),
    caseTotals: units.map((u) => u.tally.cases),
    ...(figure.totalColumn !== undefined ? { totalColumn: figure.totalColumn } : {}),
    ...(figure.sumColumn !== undefined ? { sumColumn: figure.sumColumn } : {}),
    totalRow: units.length > 1,
  };
}

/** A member's own figure, exact: every track, no protection (DESIGN §4). */
export function memberView(id: string, input: ViewInput & { member: MemberFacts }): StatTable {
  const figure = figureDefinition(id);
  const period = parsePeriod(input.period);
  const tally = tallyOf(figure, input.cases.filter((c) => c.member === input.member.id), period, input.asOf);
  return tableOf(figure, period, [{ row: rowOf(input.member), tally, fte: input.member.fte }]);
}

/** One member's tallies per figure, as the views across members count them (see crossMemberTallies). */
export type CrossMemberTallies = Partial<Record<FigureId, Tally>>;

/**
 * One member's cases as every view across members counts them: per figure, its ambtelijk cases (per-member figures)
 * or every track (regional annual totals). What the statistics job freezes per member and half-year; a year's are
 * its two halves' merged (`mergeCrossMemberTallies`).
 */
export function crossMemberTallies(cases: readonly CaseFacts[], period: string, asOf: Date, figures: readonly FigureDefinition[] = FIGURES): CrossMemberTallies {
  const counting = parsePeriod(period);
  const ambtelijk = cases.filter((c) => c.track === "ambtelijk");
  return Object.fromEntries(figures.map((f) => [f.id, tallyOf(f, f.crossMember === "regional-annual" ? cases : ambtelijk, counting, asOf)]));
}

/**
 * `tallies` as CrossMemberTallies if it has a tally of today's shape for every figure (so it was counted by these
 * figures), else undefined: a stored tally of an older definition is counted again rather than misread.
 */
export function currentTallies(tallies: Readonly<Record<string, Tally>>): CrossMemberTallies | undefined {
  const fits = FIGURES.every((f) => {
    const stored = tallies[f.id];
    const empty = emptyTally(f);
    return stored !== undefined && stored.counts.length === empty.counts.length && stored.spreads.length === empty.spreads.length;
  });
  return fits ? (tallies as CrossMemberTallies) : undefined;
}

export function mergeCrossMemberTallies(a: CrossMemberTallies, b: CrossMemberTallies): CrossMemberTallies {
  return Object.fromEntries(
    FIGURES.filter((f) => a[f.id] || b[f.id]).map((f) => [f.id, mergeTallies(a[f.id] ?? emptyTally(f), b[f.id] ?? emptyTally(f))]),
  );
}

/**
 * A figure across members, for the board and other members: a row per member and the region below them, counting
 * ambtelijk cases only (bestuurlijk and wbk cases only as regional annual totals); a `regional-annual` figure is the
 * region's row alone, over every track, and only for a year (undefined for a half-year). Always protected. From each
 * member's tallies of the period (a member without any counts as no cases).
 */
export function crossMemberTable(
  id: string,
  input: { members: readonly MemberFacts[]; period: string; tallies: ReadonlyMap<string, CrossMemberTallies> },
  rules: SmallCountRules = SMALL_COUNT_RULES,
): ProtectedTable | undefined {
  const figure = figureDefinition(id);
  const period = parsePeriod(input.period);
  const regional = figure.crossMember === "regional-annual";
  if (regional && !period.annual) return undefined;
  const members = input.members.map((m): Unit => ({ row: rowOf(m), tally: input.tallies.get(m.id)?.[figure.id as FigureId] ?? emptyTally(figure), fte: m.fte }));
  const region: Unit = {
    row: REGION,
    tally: members.map((u) => u.tally).reduce(mergeTallies, emptyTally(figure)),
    fte: input.members.reduce((sum, m) => sum + m.fte, 0),
  };
  return protect(tableOf(figure, period, regional ? [region] : [...members, region]), rules);
}

/** crossMemberTable, counted from the cases themselves. */
export function crossMemberView(id: string, input: ViewInput & { members: readonly MemberFacts[] }, rules: SmallCountRules = SMALL_COUNT_RULES): ProtectedTable | undefined {
  const figure = figureDefinition(id);
  const tallies = new Map(
    input.members.map((m) => [m.id, crossMemberTallies(input.cases.filter((c) => c.member === m.id), input.period, input.asOf, [figure])]),
  );
  return crossMemberTable(id, { members: input.members, period: input.period, tallies }, rules);
}
