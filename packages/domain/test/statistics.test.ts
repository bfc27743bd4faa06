// The figures of issue 6: a small hand-built set with known answers for every figure, the period rules and edge
// cases, then a generated region (seeded, thousands of cases) where every figure must equal a direct count.
import { describe, expect, it } from "vitest";
import {
  type CaseRecord,
  type CaseState,
  initialDeadlines,
  NotFoundError,
  SUBCATEGORY_CODES,
  ValidationError,
} from "../src";
import {
  type CaseFacts,
  crossMemberTable,
  crossMemberTallies,
  crossMemberView,
  FIGURES,
  handlingRoute,
  leadTimes,
  type MemberFacts,
  memberView,
  mergeCrossMemberTallies,
  nextStates,
  parsePeriod,
  previousPeriod,
  SMALL_COUNT_RULES,
  type StatTable,
  TRIAGE_ROUTES,
} from "../src/staff-side";

const DAY = 86_400_000;
const plus = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();

interface Draft extends Partial<Omit<CaseFacts, "receivedAt">> {
  received: string;
  /** States with the days after receipt each was reached. */
  steps?: [CaseState, number][];
  feedbackAfter?: number;
}

function facts({ received, steps = [["ontvangen", 0]], feedbackAfter, ...rest }: Draft): CaseFacts {
  const receivedAt = new Date(received).toISOString();
  const deadlines = initialDeadlines(new Date(receivedAt));
  return {
    member: "alfa",
    kind: "melding",
    track: "ambtelijk",
    channel: "webformulier",
    categories: ["omgang"],
    subcategories: ["omgang.pesten"],
    relation: "collega",
    reporterType: "medewerker",
    receivedAt,
    ackDueAt: deadlines.ackDueAt.toISOString(),
    feedbackDueAt: deadlines.feedbackDueAt.toISOString(),
    history: steps.map(([state, days]) => ({ at: plus(receivedAt, days), state })),
    ...(feedbackAfter !== undefined ? { feedbackAt: plus(receivedAt, feedbackAfter) } : {}),
    ...rest,
  };
}

const ALFA: MemberFacts = { id: "alfa", name: "Gemeente Alfa", fte: 400 };
const BETA: MemberFacts = { id: "beta", name: "GR Beta", fte: 0 };
const AS_OF = new Date("2026-12-01T00:00:00Z");

const CASES: CaseFacts[] = [
  // A1: the whole way, with a violation and two measures; acknowledged after 2 days, feedback after 60.
  facts({
    received: "2026-01-10",
    relation: "leidinggevende",
    steps: [["ontvangen", 0], ["bevestigd", 2], ["triage", 5], ["vooronderzoek", 10], ["feitenonderzoek", 30], ["rapport", 60], ["besluit", 80], ["maatregel", 90], ["gesloten", 100]],
    feedbackAfter: 60,
    outcome: { investigation: "intern", conclusion: "schending-vastgesteld", measures: ["berisping", "gesprek"] },
  }),
  // A2: by phone, two categories, acknowledged late (9 days), closed after triage, never any feedback.
  facts({
    received: "2026-02-01",
    channel: "telefoon",
    categories: ["omgang", "belangen"],
    subcategories: ["omgang.discriminatie", "belangen.geschenken"],
    reporterType: "inwoner",
    steps: [["ontvangen", 0], ["bevestigd", 9], ["triage", 12], ["gesloten", 14]],
    outcome: { closeReason: "geen-vermoeden" },
  }),
  // A3: about a bestuurder, handled in the line, feedback after 20 days.
  facts({
    received: "2026-03-01",
    track: "bestuurlijk",
    channel: "email",
    categories: ["financieel"],
    subcategories: ["financieel.fraude"],
    relation: "bestuurder",
    steps: [["ontvangen", 0], ["bevestigd", 1], ["triage", 3], ["afdoening-lijn", 7], ["gesloten", 30]],
    feedbackAfter: 20,
  }),
  // A4: Wbk, received on the last day of the half-year, referred to the Huis voor Klokkenluiders, no feedback.
  facts({
    received: "2026-06-30",
    track: "wbk",
    categories: ["misstand"],
    subcategories: ["misstand.unierecht"],
    relation: "hoger-management",
    reporterType: "oud-medewerker",
    steps: [["ontvangen", 0], ["bevestigd", 1], ["triage", 4], ["doorverwezen", 6]],
    outcome: { referral: "huis-voor-klokkenluiders" },
  }),
  // A5: a letter nobody acknowledged.
  facts({ received: "2026-06-25", channel: "brief", categories: ["informatie"], subcategories: ["informatie.lekken"], relation: "onbekend", reporterType: "anders" }),
  // A6 and A7: just across the period boundaries.
  facts({ received: "2026-07-01T00:00:00Z", categories: ["middelen"], subcategories: ["middelen.verspilling"] }),
  facts({ received: "2025-12-31T23:59:59Z", categories: ["middelen"], subcategories: ["middelen.verspilling"] }),
  // Two advice contacts with the VP; they never count as reports.
  facts({
    received: "2026-04-01",
    kind: "advies",
    channel: "gesprek",
    relation: "leidinggevende",
    vp: { sickLeave: true, formalComplaint: false },
    steps: [["ontvangen", 0], ["bevestigd", 1], ["gesloten", 20]],
  }),
  facts({ received: "2026-05-01", kind: "advies", channel: "telefoon", subcategories: ["omgang.intimidatie", "omgang.pesten"], vp: { sickLeave: false } }),
  // One report of a member without a headcount.
  facts({ received: "2026-05-05", member: "beta", categories: ["middelen"], subcategories: ["middelen.interne-regels"] }),
];

/** A one-row table as `{ column key: cell }`. */
function own(id: string, period = "2026-H1", member = ALFA, asOf = AS_OF, cases = CASES): Record<string, number | undefined> {
  const table = memberView(id, { cases, member, period, asOf });
  expect(table.rows).toHaveLength(1);
  return Object.fromEntries(table.columns.map((c, i) => [c.key, table.cells[0]?.[i]]));
}

describe("every figure, on a small set with known answers (Gemeente Alfa, first half of 2026)", () => {
  it("counts reports and reports per 1,000 fte", () => {
    expect(own("meldingen")).toEqual({ aantal: 5, "per-1000-fte": 12.5 });
  });

  it("counts by category, a report once under each of its categories, and unwanted behaviour by kind", () => {
    expect(own("categorie")).toEqual({ financieel: 1, belangen: 1, informatie: 1, bevoegdheden: 0, omgang: 2, middelen: 0, prive: 0, misstand: 1, geen: 0 });
    expect(own("omgang")).toEqual({
      "omgang.pesten": 1,
      "omgang.seksuele-intimidatie": 0,
      "omgang.discriminatie": 1,
      "omgang.agressie-geweld": 0,
      "omgang.intimidatie": 0,
      "omgang.overig": 0,
    });
  });

  it("counts by handling route, close reason, conclusion and measure", () => {
    expect(own("route")).toEqual({ lopend: 1, "gesloten-na-triage": 1, doorverwezen: 1, "afdoening-lijn": 1, vooronderzoek: 0, feitenonderzoek: 1, totaal: 5 });
    expect(own("afsluitreden")).toEqual({ "geen-vermoeden": 1, "onvoldoende-concreet": 0, "melder-onbereikbaar": 0, totaal: 1 });
    expect(own("conclusie")).toEqual({ "schending-vastgesteld": 1, "niet-vastgesteld": 0, "niet-vast-te-stellen": 0, totaal: 1 });
    expect(own("maatregel")).toEqual({ geen: 0, gesprek: 1, "schriftelijke-waarschuwing": 0, berisping: 1, overplaatsing: 0, ontslag: 0, aangifte: 0, anders: 0 });
  });

  it("counts by relation, reporter type, channel and track", () => {
    expect(own("relatie")).toEqual({ leidinggevende: 1, "hoger-management": 1, collega: 1, bestuurder: 1, extern: 0, meerdere: 0, onbekend: 1, totaal: 5 });
    expect(own("melder")).toEqual({ medewerker: 2, "oud-medewerker": 1, ingehuurd: 0, inwoner: 1, anders: 1, totaal: 5 });
    expect(own("kanaal")).toEqual({ webformulier: 2, telefoon: 1, gesprek: 0, email: 1, brief: 1, totaal: 5 });
    expect(own("spoor")).toEqual({ ambtelijk: 3, bestuurlijk: 1, wbk: 1, totaal: 5 });
  });

  it("measures the Wbk deadlines: an overdue acknowledgement or feedback not yet given counts as late", () => {
    // Acknowledged in time: A1, A3, A4; late: A2 (9 days) and A5 (never, and its 7 days are over).
    expect(own("wbk-bevestiging")).toEqual({ "op-tijd": 3, "te-laat": 2, beoordeeld: 5, percentage: 60 });
    // Feedback in time: A1, A3; late: A2 and A4 (closed or referred without feedback) and A5 (its 3 months are over).
    expect(own("wbk-terugkoppeling")).toEqual({ "op-tijd": 2, "te-laat": 3, beoordeeld: 5, percentage: 40 });
  });

  it("leaves a deadline that has not yet passed out of the Wbk figures", () => {
    const early = new Date("2026-07-01T00:00:00Z");
    // A5 still has a day to be acknowledged; A4 and A5 have months left for feedback.
    expect(own("wbk-bevestiging", "2026-H1", ALFA, early)).toEqual({ "op-tijd": 3, "te-laat": 1, beoordeeld: 4, percentage: 75 });
    expect(own("wbk-terugkoppeling", "2026-H1", ALFA, early)).toEqual({ "op-tijd": 2, "te-laat": 1, beoordeeld: 3, percentage: (100 * 2) / 3 });
  });

  it("gives median lead times over the reports that reached each moment", () => {
    // Acknowledged after 2, 9, 1, 1 days; triage decisions after 10, 14, 7, 6; closed or referred after 100, 14, 30, 6.
    expect(own("doorlooptijden")).toEqual({
      "aantal-bevestiging": 4,
      "mediaan-bevestiging": 1.5,
      "aantal-triagebesluit": 4,
      "mediaan-triagebesluit": 8.5,
      "aantal-afsluiting": 4,
      "mediaan-afsluiting": 22,
    });
  });

  it("counts lead times in calendar days (UTC): late in the evening to early the next morning is one day", () => {
    const evening = facts({ received: "2026-03-02T23:00:00Z", steps: [["ontvangen", 0]] });
    const next = { ...evening, history: [...evening.history, { at: "2026-03-03T01:00:00.000Z", state: "bevestigd" as const }] };
    expect(leadTimes(next).acknowledged).toBe(1);
    const sameDay = { ...evening, history: [...evening.history, { at: "2026-03-02T23:59:00.000Z", state: "bevestigd" as const }] };
    expect(leadTimes(sameDay).acknowledged).toBe(0);
  });

  it("counts the vertrouwenspersoon's advice contacts apart from reports", () => {
    expect(own("adviescontacten")).toEqual({ aantal: 2, "per-1000-fte": 5 });
    const subjects = own("advies-onderwerp");
    expect(Object.keys(subjects)).toEqual(SUBCATEGORY_CODES);
    expect(Object.entries(subjects).filter(([, n]) => n !== 0)).toEqual([
      ["omgang.pesten", 2],
      ["omgang.intimidatie", 1],
    ]);
    expect(own("advies-relatie")).toEqual({ leidinggevende: 1, "hoger-management": 0, collega: 1, bestuurder: 0, extern: 0, meerdere: 0, onbekend: 0, totaal: 2 });
    expect(own("advies-verzuim")).toEqual({ ja: 1, nee: 1, "niet-vastgelegd": 0, totaal: 2 });
    expect(own("advies-klacht")).toEqual({ ja: 0, nee: 1, "niet-vastgelegd": 1, totaal: 2 });
  });
});

describe("periods", () => {
  it("are a calendar year or one of its halves, in UTC", () => {
    expect(parsePeriod("2026-H1")).toEqual({ id: "2026-H1", start: new Date("2026-01-01T00:00:00Z"), end: new Date("2026-07-01T00:00:00Z"), annual: false });
    expect(parsePeriod("2026-H2")).toEqual({ id: "2026-H2", start: new Date("2026-07-01T00:00:00Z"), end: new Date("2027-01-01T00:00:00Z"), annual: false });
    expect(parsePeriod("2026")).toEqual({ id: "2026", start: new Date("2026-01-01T00:00:00Z"), end: new Date("2027-01-01T00:00:00Z"), annual: true });
  });

  it("refuse anything else, so no view can be cut to other dates", () => {
    for (const id of ["2026-Q1", "2026-06", "2026-H3", "26", "2026-H1 ", "1999", ""]) expect(() => parsePeriod(id)).toThrow(ValidationError);
  });

  it("know the period before", () => {
    expect([previousPeriod("2026-H1"), previousPeriod("2026-H2"), previousPeriod("2026")]).toEqual(["2025-H2", "2026-H1", "2025"]);
  });

  it("hold a case in the period in which it was received, whenever it was handled", () => {
    // A4 came in on 30 June and was handled in July: it counts in the first half. A6 came in at midnight on 1 July.
    expect(own("meldingen", "2026-H2")).toEqual({ aantal: 1, "per-1000-fte": 2.5 });
    expect(own("meldingen", "2026")).toEqual({ aantal: 6, "per-1000-fte": 15 });
    expect(own("meldingen", "2025-H2")).toEqual({ aantal: 1, "per-1000-fte": 2.5 });
  });

  it("give zeros and no medians or percentages for a period without cases", () => {
    expect(own("meldingen", "2024-H1")).toEqual({ aantal: 0, "per-1000-fte": 0 });
    expect(own("wbk-bevestiging", "2024-H1")).toEqual({ "op-tijd": 0, "te-laat": 0, beoordeeld: 0, percentage: undefined });
    expect(Object.values(own("doorlooptijden", "2024-H1"))).toEqual([0, undefined, 0, undefined, 0, undefined]);
  });

  it("give no rate for a member without a headcount", () => {
    expect(own("meldingen", "2026-H1", BETA)).toEqual({ aantal: 1, "per-1000-fte": undefined });
  });
});

describe("the handling route", () => {
  it("starts at the first step after triage, as the lifecycle allows it", () => {
    expect(Object.keys(TRIAGE_ROUTES).sort()).toEqual(nextStates({ kind: "melding", state: "triage" }).map((s) => s.to).sort());
  });

  it("skips transfers: a report triaged at regional intake and forwarded is decided at the member", () => {
    const forwarded = facts({
      received: "2026-03-02",
      history: [
        { at: "2026-03-02T00:00:00.000Z", state: "ontvangen" },
        { at: "2026-03-03T09:00:00.000Z", state: "bevestigd" },
        { at: "2026-03-05T09:00:00.000Z", state: "triage" },
        { at: "2026-03-05T11:00:00.000Z", state: "triage", event: "doorgestuurd" },
        { at: "2026-03-12T09:00:00.000Z", state: "afdoening-lijn" },
      ],
    });
    expect(handlingRoute(forwarded)).toBe("afdoening-lijn");
    expect(handlingRoute(facts({ received: "2026-03-02", steps: [["ontvangen", 0], ["bevestigd", 1], ["triage", 2]] }))).toBe("lopend");
    expect(handlingRoute(facts({ received: "2026-03-02", steps: [["ontvangen", 0], ["bevestigd", 1], ["triage", 2], ["vooronderzoek", 5], ["gesloten", 20]] }))).toBe("vooronderzoek");
  });
});

describe("the registry", () => {
  it("defines every figure once, in Dutch and English, saying which period a case belongs to", () => {
    const ids = FIGURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const figure of FIGURES) {
      for (const text of [figure.title.nl, figure.title.en, figure.description.nl, figure.description.en]) expect(text.length).toBeGreaterThan(5);
      expect(figure.description.nl).toMatch(/telt in het halfjaar en het jaar \(UTC\) waarin/);
      expect(figure.description.en).toMatch(/counts in the half-year and the year \(UTC\) in which/);
      const keys = figure.columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const index of [figure.totalColumn, figure.sumColumn]) if (index !== undefined) expect(figure.columns[index]?.kind).toBe("count");
    }
  });

  it("refuses a figure it does not know", () => {
    expect(() => memberView("geheim", { cases: CASES, member: ALFA, period: "2026", asOf: AS_OF })).toThrow(NotFoundError);
  });

  it("reads no content: a case whose sealed parts cannot be touched gives every figure", () => {
    const sealed = (name: string) => ({
      get() {
        throw new Error(`statistics read ${name}`);
      },
    });
    // A whole CaseRecord as the store returns it, except that touching a sealed part (or the receipt) throws.
    const record = Object.defineProperties(
      { ...(CASES[0] as CaseFacts), id: "0".repeat(26), desk: "alfa-bi", state: "gesloten", routeReasons: [], version: 1 },
      { content: sealed("content"), dataKey: sealed("dataKey"), receipt: sealed("receipt"), messages: sealed("messages"), notes: sealed("notes"), attachments: sealed("attachments") },
    ) as unknown as CaseRecord;
    for (const { id } of FIGURES) {
      expect(() => memberView(id, { cases: [record], member: ALFA, period: "2026", asOf: AS_OF })).not.toThrow();
      expect(() => crossMemberView(id, { cases: [record], members: [ALFA, BETA], period: "2026", asOf: AS_OF })).not.toThrow();
    }
  });
});

describe("across members", () => {
  const cross = (id: string, period: string, cases = CASES) => crossMemberView(id, { cases, members: [ALFA, BETA], period, asOf: AS_OF });

  it("counts only ambtelijk cases per member, and protects every cell", () => {
    // Alfa has 3 ambtelijk reports in the first half (A1, A2, A5), Beta 1: all of them 1–4.
    expect(cross("meldingen", "2026-H1")?.cells).toEqual([
      ["<5", "—"],
      ["<5", "—"],
      ["<5", "—"],
    ]);
    expect(cross("meldingen", "2026-H1")?.rows.map((r) => r.key)).toEqual(["alfa", "beta", "totaal"]);
  });

  it("gives measures and tracks only as the region's total of a whole year, over every track", () => {
    expect(cross("maatregel", "2026-H1")).toBeUndefined();
    expect(cross("spoor", "2026-H2")).toBeUndefined();
    const tracks = cross("spoor", "2026");
    expect(tracks?.rows.map((r) => r.key)).toEqual(["totaal"]);
    // Five ambtelijk (A1, A2, A5, A6, Beta's), one bestuurlijk, one wbk; the two "<5" do not follow from the total.
    expect(tracks?.cells).toEqual([[5, "<5", "<5", 7]]);
  });

  it("shows a member's exact figures to itself, and the same numbers wherever the region publishes them", () => {
    const many = Array.from({ length: 40 }, (_, i) => facts({ received: plus("2026-01-05T00:00:00Z", i * 4), member: i % 4 === 0 ? "beta" : "alfa", channel: i % 2 === 0 ? "telefoon" : "webformulier" }));
    const alfa = memberView("kanaal", { cases: many, member: ALFA, period: "2026-H1", asOf: AS_OF });
    const beta = memberView("kanaal", { cases: many, member: BETA, period: "2026-H1", asOf: AS_OF });
    expect(alfa.cells[0]).toEqual([20, 10, 0, 0, 0, 30]);
    expect(beta.cells[0]).toEqual([0, 10, 0, 0, 0, 10]);
    // Both have 10 or more and no count from 1 to 4: the region publishes them exactly.
    expect(cross("kanaal", "2026-H1", many)?.cells).toEqual([...alfa.cells, ...beta.cells, [20, 20, 0, 0, 0, 40]]);
    // One report less for Beta (9): its total in a band, no breakdown. With two members, Alfa knows its own row, so
    // any regional cell would give Beta's back by subtraction: only the band remains.
    expect(cross("kanaal", "2026-H1", many.slice(1))?.cells).toEqual([
      ["—", "—", "—", "—", "—", "—"],
      ["—", "—", "—", "—", "—", "5–9"],
      ["—", "—", "—", "—", "—", "—"],
    ]);
  });
});

// --- A generated region -------------------------------------------------------------------------------------------

/** mulberry32: the same cases on every machine. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

// Headcounts of the demo region (packages/local/src/demo-region.ts).
const REGION: MemberFacts[] = [
  { id: "hoorn", name: "Gemeente Hoorn", fte: 820 },
  { id: "sed", name: "SED-organisatie", fte: 560 },
  { id: "medemblik", name: "Gemeente Medemblik", fte: 390 },
  { id: "odnhn", name: "Omgevingsdienst Noord-Holland Noord", fte: 240 },
  { id: "enkhuizen", name: "Gemeente Enkhuizen", fte: 210 },
  { id: "drechterland", name: "Gemeente Drechterland", fte: 95 },
  { id: "westfries-archief", name: "Westfries Archief", fte: 35 },
  { id: "regio", name: "Regionale intake", fte: 0 },
];
const PATHS: CaseState[][] = [
  ["ontvangen"],
  ["ontvangen", "bevestigd", "triage"],
  ["ontvangen", "bevestigd", "triage", "gesloten"],
  ["ontvangen", "bevestigd", "triage", "doorverwezen"],
  ["ontvangen", "bevestigd", "triage", "afdoening-lijn", "gesloten"],
  ["ontvangen", "bevestigd", "triage", "vooronderzoek", "gesloten"],
  ["ontvangen", "bevestigd", "triage", "vooronderzoek", "feitenonderzoek", "rapport", "besluit", "gesloten"],
  ["ontvangen", "bevestigd", "triage", "vooronderzoek", "feitenonderzoek", "rapport", "besluit", "maatregel", "gesloten"],
];
const CATEGORY_SUBS = [
  ["omgang", "omgang.pesten"],
  ["omgang", "omgang.agressie-geweld"],
  ["omgang", "omgang.seksuele-intimidatie"],
  ["belangen", "belangen.nevenwerkzaamheden"],
  ["financieel", "financieel.declaratiefraude"],
  ["informatie", "informatie.lekken"],
  ["misstand", "misstand.schending-voorschrift"],
  ["geen", "geen.klacht"],
] as const;

function generatedCases(n: number): CaseFacts[] {
  const g = generator(20260606);
  return Array.from({ length: n }, () => {
    const member = g.pick(REGION.flatMap((m) => Array<string>(Math.max(1, Math.round(m.fte / 40))).fill(m.id)));
    const kind = g.next() < 0.2 ? "advies" : "melding";
    const first = g.pick(CATEGORY_SUBS);
    const subjects = [first, ...(g.next() < 0.15 ? [g.pick(CATEGORY_SUBS)] : [])];
    const path = kind === "advies" ? g.pick<CaseState[]>([["ontvangen"], ["ontvangen", "bevestigd"], ["ontvangen", "bevestigd", "gesloten"]]) : g.pick(PATHS);
    const steps: [CaseState, number][] = [];
    for (const [i, state] of path.entries()) steps.push([state, i === 0 ? 0 : (steps[i - 1]?.[1] ?? 0) + g.int(0, 40)]);
    const misstand = first[0] === "misstand";
    return facts({
      // From the middle of 2024 to the end of 2026, at any moment of the day: some are handled in a later period.
      received: new Date(Date.UTC(2024, 6, 1) + g.int(0, 915 * 24) * 3_600_000).toISOString(),
      member,
      kind,
      track: misstand ? "wbk" : g.next() < 0.06 ? "bestuurlijk" : "ambtelijk",
      channel: g.pick(["webformulier", "webformulier", "telefoon", "gesprek", "email", "brief"] as const),
      categories: [...new Set(subjects.map(([c]) => c))],
      subcategories: [...new Set(subjects.map(([, s]) => s))],
      relation: g.pick(["leidinggevende", "collega", "collega", "hoger-management", "bestuurder", "extern", "meerdere", "onbekend"] as const),
      reporterType: g.pick(["medewerker", "medewerker", "medewerker", "inwoner", "ingehuurd", "oud-medewerker", "anders"] as const),
      steps,
      ...(g.next() < 0.6 ? { feedbackAfter: g.int(10, 120) } : {}),
      outcome: {
        ...(path.at(-1) === "gesloten" && path.at(-2) !== "besluit" && path.at(-2) !== "maatregel" && path.at(-2) !== "afdoening-lijn" ? { closeReason: g.pick(["geen-vermoeden", "onvoldoende-concreet", "melder-onbereikbaar"] as const) } : {}),
        ...(path.includes("besluit") ? { conclusion: path.includes("maatregel") ? "schending-vastgesteld" : g.pick(["niet-vastgesteld", "niet-vast-te-stellen"] as const) } : {}),
        ...(path.includes("maatregel") ? { measures: g.next() < 0.3 ? ["gesprek", "berisping"] : [g.pick(["geen", "schriftelijke-waarschuwing", "overplaatsing", "ontslag"] as const)] } : {}),
      },
      ...(kind === "advies" ? { vp: g.next() < 0.5 ? { sickLeave: g.next() < 0.3, formalComplaint: g.next() < 0.1 } : {} } : {}),
    });
  });
}

/** What each figure counts, written again by hand: the values a case gives a figure's columns. */
const DIRECT: Record<string, (c: CaseFacts) => readonly string[]> = {
  categorie: (c) => c.categories,
  omgang: (c) => c.subcategories,
  route: (c) => {
    const states = c.history.map((h) => h.state);
    const after = states.slice(states.indexOf("triage") + 1);
    if (states.includes("feitenonderzoek")) return ["feitenonderzoek"];
    for (const state of ["vooronderzoek", "afdoening-lijn", "doorverwezen"]) if (after[0] === state) return [state];
    return after[0] === "gesloten" ? ["gesloten-na-triage"] : ["lopend"];
  },
  afsluitreden: (c) => (c.outcome?.closeReason ? [c.outcome.closeReason] : []),
  conclusie: (c) => (c.outcome?.conclusion ? [c.outcome.conclusion] : []),
  maatregel: (c) => c.outcome?.measures ?? [],
  relatie: (c) => [c.relation],
  melder: (c) => [c.reporterType],
  kanaal: (c) => [c.channel],
  spoor: (c) => [c.track],
  "advies-onderwerp": (c) => c.subcategories,
  "advies-relatie": (c) => [c.relation],
  "advies-verzuim": (c) => [c.vp?.sickLeave === undefined ? "niet-vastgelegd" : c.vp.sickLeave ? "ja" : "nee"],
  "advies-klacht": (c) => [c.vp?.formalComplaint === undefined ? "niet-vastgelegd" : c.vp.formalComplaint ? "ja" : "nee"],
};

describe("a generated region (8 members, 3,000 cases over two and a half years)", () => {
  const cases = generatedCases(3000);
  const periods = ["2025-H1", "2025-H2", "2025", "2026-H1", "2026-H2", "2026"];
  const asOf = new Date("2027-03-01T00:00:00Z");
  const inPeriod = (c: CaseFacts, period: string) => {
    const { start, end } = parsePeriod(period);
    return new Date(c.receivedAt) >= start && new Date(c.receivedAt) < end;
  };
  const exact = (id: string, member: MemberFacts, period: string, from = cases) => memberView(id, { cases: from, member, period, asOf });

  it("equals a direct count over the cases, for every figure that counts values, member and period", () => {
    for (const [id, values] of Object.entries(DIRECT)) {
      const kind = id.startsWith("advies") ? "advies" : "melding";
      for (const period of periods) {
        for (const member of REGION) {
          const mine = cases.filter((c) => c.member === member.id && c.kind === kind && inPeriod(c, period));
          const table = exact(id, member, period);
          const expected = table.columns.map((col) => (col.key === "totaal" ? mine.filter((c) => values(c).length > 0).length : mine.filter((c) => values(c).includes(col.key)).length));
          expect([id, period, member.id, table.cells[0]]).toEqual([id, period, member.id, expected]);
          expect(table.caseTotals).toEqual([mine.length]);
        }
      }
    }
  });

  it("adds the two halves of a year up to the year, in every count of every figure", () => {
    for (const { id } of FIGURES) {
      for (const member of REGION) {
        const [h1, h2, year] = ["2026-H1", "2026-H2", "2026"].map((p) => exact(id, member, p));
        for (const [i, column] of (year as StatTable).columns.entries()) {
          if (column.kind !== "count") continue;
          expect([id, column.key, (h1?.cells[0]?.[i] ?? 0) + (h2?.cells[0]?.[i] ?? 0)]).toEqual([id, column.key, year?.cells[0]?.[i]]);
        }
      }
    }
  });

  it("publishes across members only numbers that equal the exact ambtelijk figures, and never a count from 1 to 4", () => {
    const ambtelijk = cases.filter((c) => c.track === "ambtelijk");
    for (const figure of FIGURES) {
      for (const period of periods) {
        const shown = crossMemberView(figure.id, { cases, members: REGION, period, asOf });
        if (figure.crossMember === "regional-annual" && period.includes("-H")) expect(shown).toBeUndefined();
        if (!shown) continue;
        const units = shown.rows.map((row) =>
          row.kind === "member"
            ? exact(figure.id, REGION.find((m) => m.id === row.key) as MemberFacts, period, ambtelijk)
            : exact(figure.id, { id: "*", name: "Regio", fte: REGION.reduce((s, m) => s + m.fte, 0) }, period, (figure.crossMember === "regional-annual" ? cases : ambtelijk).map((c) => ({ ...c, member: "*" }))),
        );
        for (const [r, row] of shown.cells.entries()) {
          for (const [i, cell] of row.entries()) {
            if (typeof cell !== "number") continue;
            expect(cell).toBe(units[r]?.cells[0]?.[i]);
            if (figure.columns[i]?.kind === "count") expect(cell === 0 || cell >= SMALL_COUNT_RULES.minCount).toBe(true);
          }
        }
      }
    }
  });

  it("gives the median lead time in calendar days over the reports that reached each moment, as a direct count does", () => {
    const day = (iso: string) => Math.floor(Date.parse(iso) / DAY);
    const medianOf = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length === 0 ? undefined : sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    };
    for (const member of REGION) {
      for (const period of periods) {
        const mine = cases.filter((c) => c.member === member.id && c.kind === "melding" && inPeriod(c, period));
        const closed = mine.flatMap((c) => {
          const at = c.history.find((h) => h.state === "gesloten" || h.state === "doorverwezen")?.at;
          return at ? [day(at) - day(c.receivedAt)] : [];
        });
        const acknowledged = mine.flatMap((c) => {
          const at = c.history.find((h) => h.state === "bevestigd")?.at;
          return at ? [day(at) - day(c.receivedAt)] : [];
        });
        const cells = exact("doorlooptijden", member, period).cells[0];
        expect([member.id, period, cells?.[0], cells?.[1], cells?.[4], cells?.[5]]).toEqual([member.id, period, acknowledged.length, medianOf(acknowledged), closed.length, medianOf(closed)]);
      }
    }
  });

  it("gives across members from two half-years' tallies merged exactly what the year counted from the cases gives", () => {
    for (const year of ["2025", "2026"]) {
      const halves = [`${year}-H1`, `${year}-H2`];
      const tallies = new Map(
        REGION.map((m) => [m.id, halves.map((h) => crossMemberTallies(cases.filter((c) => c.member === m.id), h, asOf)).reduce(mergeCrossMemberTallies)]),
      );
      for (const { id } of FIGURES) {
        expect([id, year, crossMemberTable(id, { members: REGION, period: year, tallies })]).toEqual([id, year, crossMemberView(id, { cases, members: REGION, period: year, asOf })]);
      }
    }
  });

  it("shows the larger members side by side and the region's rates and percentages", () => {
    const reports = crossMemberView("meldingen", { cases, members: REGION, period: "2026", asOf });
    const hoorn = exact("meldingen", REGION[0] as MemberFacts, "2026", cases.filter((c) => c.track === "ambtelijk"));
    expect(reports?.cells[0]).toEqual(hoorn.cells[0]);
    expect(typeof reports?.cells.at(-1)?.[1]).toBe("number");
    const ack = crossMemberView("wbk-bevestiging", { cases, members: REGION, period: "2026", asOf });
    expect(typeof ack?.cells.at(-1)?.[3]).toBe("number");
  });
});
