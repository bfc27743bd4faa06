// Demo cases of DESIGN §6: about 120 cases spread over the two years before the clock, across every member and desk,
// so that every queue, page and chart has something true to show. Every case is a real CaseRecord, routed by the
// domain's routing, sealed with its member's key, with a history in order and the deadlines of deadlines.ts.
//
// Deterministic: the plan (members, subjects, paths, texts) comes from a fixed seed and the case ids from fixed labels,
// so seeding again creates nothing; only the dates follow the clock of the first seeding, so the demo stays recent.
// Receipts: three documented cases have fixed codes (DEMO_RECEIPTS, printed by the runner, listed in README.md); every
// other demo case has a random locator and a hash that is not a hash at all ("demo$unusable"), which verify() always
// rejects: nobody can open those cases with any code, and seeding pays no scrypt for them.
import { createHash, randomBytes } from "node:crypto";
import {
  type CaseRecord,
  CaseRecordSchema,
  type CaseSealer,
  type CaseState,
  type CaseStore,
  type Channel,
  type Clock,
  CloseReasons,
  ConflictError,
  Investigations,
  type Measure,
  addDays,
  addMonths,
  categoryOf,
  encodeContent,
  initialDeadlines,
  type ReceiptCodes,
  type Relation,
  type RegionStore,
  type ReporterType,
  type Role,
  reporterDay,
  routeReport,
  sealConsent,
  type SubcategoryCode,
  UNKNOWN_MEMBER,
  type HistoryEntry,
} from "@meldpunt/domain";
import { historyPart } from "@meldpunt/domain/staff";

export interface DemoCaseDeps {
  cases: CaseStore;
  region: RegionStore;
  sealer: CaseSealer;
  receipts: ReceiptCodes;
  clock: Clock;
}

/** How many demo cases a fresh hub gets: 117 with random receipts, three documented ones. */
export const DEMO_CASE_COUNT = 120;

/** Not a scrypt hash: the receipt check refuses it without hashing, so no code opens these cases. */
export const UNUSABLE_RECEIPT_HASH = "demo$unusable";

/** The documented demo cases: their receipt codes follow from fixed seeds and are the same in every hub. */
export const DEMO_RECEIPTS = [
  { key: "doc-1", code: "E9F9-Y24N-7MQZ-A73D-SVM7-RCMQ", about: "Gemeente Hoorn: pesten door de leidinggevende, in triage" },
  { key: "doc-2", code: "Q6EJ-DFVK-5BRA-1DWH-1Z1M-T57D", about: "Gemeente Medemblik: vermoeden van een misstand (Wbk), in feitenonderzoek" },
  { key: "doc-3", code: "7VC9-YN3X-AJST-9PTX-2DZP-S2VD", about: "Westfries Archief: geschenken van een leverancier, afgesloten na een maatregel" },
] as const;

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const sha256 = (label: string) => createHash("sha256").update(label).digest();

/** A fixed case id per demo case: 26 Crockford characters from a hash of its label (never of any content). */
export function demoCaseId(key: string): string {
  return [...sha256(`meldpunt-demo-case/${key}`).subarray(0, 26)].map((b) => CROCKFORD[b & 31]).join("");
}

export function demoReceiptSeed(key: string): Uint8Array {
  return sha256(`meldpunt-demo-receipt/${key}`);
}

// --- The plan -----------------------------------------------------------------------------------------------------

interface Step {
  state: CaseState;
  /** Days after the previous step. */
  after: number;
}

interface PlannedCase {
  key: string;
  /** Days before the clock's day that the report came in. */
  ageDays: number;
  member: string;
  wants: "melding" | "advies";
  subcategories: SubcategoryCode[];
  relation: Relation;
  role: Role;
  reporterType: ReporterType;
  channel: Channel;
  anonymity: "anoniem" | "vertrouwelijk" | "open";
  steps: Step[];
  /** Forwarded from regional intake to this member after triage there. */
  viaIntake?: boolean;
  description: string;
  when: string;
  where: string;
  documented?: boolean;
}

/** mulberry32: a small seeded generator, so the plan is the same on every machine. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const weighted = <T extends string>(weights: Record<T, number>): T => {
    const entries = Object.entries(weights) as [T, number][];
    let r = next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return (entries[entries.length - 1] as [T, number])[0];
  };
  return { next, int, pick, weighted };
}

/** Members and how many demo cases each gets: roughly by headcount, at least three each. */
const MEMBER_SHARES: Record<string, number> = {
  hoorn: 28,
  sed: 19,
  medemblik: 14,
  odnhn: 9,
  enkhuizen: 9,
  koggenland: 8,
  opmeer: 6,
  "stede-broec": 6,
  drechterland: 5,
  "westfries-archief": 4,
  [UNKNOWN_MEMBER]: 9,
};
const MUNICIPALITIES = new Set(["hoorn", "enkhuizen", "medemblik", "koggenland", "drechterland", "stede-broec", "opmeer"]);

const CATEGORY_WEIGHTS = { omgang: 34, belangen: 24, financieel: 10, informatie: 10, middelen: 8, bevoegdheden: 5, misstand: 4, prive: 2, geen: 3 };
const REPORTER_WEIGHTS: Record<ReporterType, number> = { medewerker: 72, inwoner: 10, ingehuurd: 8, "oud-medewerker": 7, anders: 3 };
const CHANNEL_WEIGHTS: Record<Channel, number> = { webformulier: 64, telefoon: 12, gesprek: 12, email: 8, brief: 4 };

/** What each subject's reports say: role words only, never a name. */
const TEXTS: Record<SubcategoryCode, string[]> = {
  "financieel.fraude": [
    "Bij de afrekening van een subsidie zijn volgens mij facturen ingediend voor werk dat nooit is uitgevoerd. Een collega van de afdeling Financiën heeft dat ook opgemerkt.",
    "Een aannemer krijgt betaald voor meer uren dan op de bouwplaats zijn gewerkt. De projectleider tekent de facturen zonder controle af.",
  ],
  "financieel.diefstal": [
    "Uit de kluis van de publieksbalie verdwijnt regelmatig een klein bedrag. Het gebeurt steeds op dagen dat dezelfde dienst staat.",
    "Gereedschap van de buitendienst wordt meegenomen naar huis en komt niet terug. Mijn leidinggevende weet ervan maar doet niets.",
  ],
  "financieel.corruptie": [
    "Een medewerker van de afdeling Vergunningen zou geld hebben aangenomen om een aanvraag sneller te behandelen.",
  ],
  "financieel.declaratiefraude": [
    "Een collega declareert reiskosten voor bezoeken die niet in de agenda staan en schrijft overuren die niemand heeft gezien.",
    "Mijn leidinggevende laat de urenregistratie van het team aanpassen zodat de overwerkvergoeding hoger uitvalt.",
  ],
  "belangen.nevenwerkzaamheden": [
    "Een collega van de afdeling Vergunningen heeft een eigen adviesbureau dat aanvragers helpt bij vergunningen die hij daarna zelf beoordeelt.",
    "Mijn leidinggevende werkt naast zijn baan voor een projectontwikkelaar die in onze gemeente bouwt. Dat is niet gemeld.",
  ],
  "belangen.bevoordeling": [
    "Bij een aanbesteding lijkt de opdracht vooraf al toegezegd aan een bedrijf waar een teamleider contacten mee heeft.",
    "Een familielid van een collega van de afdeling Personeelszaken is aangenomen zonder dat de vacature is opengesteld.",
  ],
  "belangen.geschenken": [
    "Een leverancier heeft het team een duur kerstpakket en kaarten voor een wedstrijd gegeven, vlak voor een nieuwe aanbesteding.",
    "Een collega van de inkoopafdeling is op kosten van een leverancier een weekend weg geweest.",
  ],
  "belangen.financiele-belangen": [
    "Een beleidsmedewerker heeft aandelen in een bedrijf dat meedingt naar een opdracht die hij zelf voorbereidt.",
  ],
  "informatie.lekken": [
    "Vertrouwelijke stukken over een reorganisatie stonden in de krant voordat het personeel ze had gezien.",
    "Iemand heeft gegevens uit een handhavingsdossier doorgegeven aan een buurman van de betrokkene.",
  ],
  "informatie.onbevoegd-raadplegen": [
    "Een collega van de afdeling Burgerzaken zoekt in de basisregistratie gegevens op van bekenden, zonder dat daar een aanvraag voor is.",
    "In het zaaksysteem is een dossier van een medewerker geopend door iemand die daar niets mee te maken heeft.",
  ],
  "informatie.manipulatie": [
    "De cijfers in een rapportage aan het bestuur zijn aangepast om een achterstand te verbergen.",
  ],
  "bevoegdheden.machtsmisbruik": [
    "Mijn leidinggevende dreigt met een slechte beoordeling als ik niet meewerk aan het versneld afgeven van een vergunning.",
    "Een teamleider zet medewerkers onder druk om klachten van inwoners niet te registreren.",
  ],
  "omgang.pesten": [
    "Ik word al maanden buitengesloten door mijn directe collega's. Bij het overleg word ik belachelijk gemaakt en mijn leidinggevende lacht mee.",
    "Een nieuwe collega wordt steeds uitgescholden en krijgt de vervelendste klussen. Ik durf er in het team niets van te zeggen.",
  ],
  "omgang.seksuele-intimidatie": [
    "Een collega van een andere afdeling maakt opmerkingen over mijn uiterlijk en raakt me aan terwijl ik dat niet wil.",
    "Tijdens de personeelsborrel heeft een leidinggevende meerdere jonge medewerkers ongewenst aangeraakt.",
  ],
  "omgang.discriminatie": [
    "Een teamleider maakt grappen over de afkomst van collega's en geeft hen minder kans op een vaste aanstelling.",
  ],
  "omgang.agressie-geweld": [
    "Een collega schreeuwt tegen mij en heeft een keer met een map gegooid. Ik voel me niet meer veilig op de werkplek.",
    "Aan de balie is een medewerker door een collega voor het oog van bezoekers uitgescholden en geduwd.",
  ],
  "omgang.intimidatie": [
    "Sinds ik een fout in een aanbesteding heb gemeld, word ik door het hoger management genegeerd en buiten overleggen gehouden.",
    "Mijn leidinggevende stuurt 's avonds dreigende berichten als werk niet op tijd af is.",
  ],
  "omgang.overig": [
    "In het team wordt stelselmatig geroddeld over een collega die lang ziek is geweest. De sfeer is onveilig.",
  ],
  "middelen.oneigenlijk-gebruik": [
    "Een dienstauto wordt in het weekend gebruikt voor privéritten, ook voor vakanties.",
    "Een collega gebruikt de printer en het materiaal van de afdeling voor een eigen bedrijfje.",
  ],
  "middelen.interne-regels": [
    "Het vier-ogenprincipe bij betalingen wordt op onze afdeling structureel overgeslagen omdat het te veel tijd kost.",
  ],
  "middelen.verspilling": [
    "Er worden steeds nieuwe laptops besteld terwijl er tientallen ongebruikt in de kast liggen.",
  ],
  "prive.misdraging": [
    "Een medewerker van de handhaving gedraagt zich op sociale media zeer beledigend tegenover inwoners van de gemeente.",
  ],
  "misstand.schending-voorschrift": [
    "Vergunningen voor evenementen worden afgegeven zonder het verplichte veiligheidsadvies. Dat gebeurt al meer dan een jaar.",
  ],
  "misstand.gevaar-gezondheid-veiligheid-milieu": [
    "Bij een bedrijf op het industrieterrein wordt afvalwater geloosd; de controles zijn uitgesteld op verzoek van het hoger management.",
    "Een speelplaats is afgekeurd, maar de afsluiting is weer opgeheven zonder dat er iets is hersteld.",
  ],
  "misstand.gevaar-functioneren": [
    "Meldingen van inwoners over een onveilige situatie worden op last van de afdelingsleiding niet meer in behandeling genomen.",
  ],
  "misstand.unierecht": [
    "Een grote opdracht is onderhands gegund terwijl die Europees aanbesteed had moeten worden.",
  ],
  "geen.klacht": [
    "Ik ben als inwoner onheus behandeld aan de telefoon en mijn klacht over de afvalinzameling is nooit beantwoord.",
  ],
  "geen.arbeidsconflict": [
    "Ik ben het niet eens met mijn beoordeling en met het besluit om mijn contract niet te verlengen.",
  ],
  "geen.overig": ["Ik wil graag weten hoe het zit met de regels voor thuiswerken en reiskosten."],
};

const WHEN = ["Vorige week", "Sinds een paar maanden", "Afgelopen maandag", "Al ruim een jaar", "Tijdens de laatste personeelsbijeenkomst", "Meerdere keren in de afgelopen weken"];
const WHERE = ["Op het gemeentehuis", "Op de werf van de buitendienst", "Op de afdeling Vergunningen", "Aan de publieksbalie", "In een overleg op afstand", "Op kantoor, tweede verdieping"];

const ROLE_FOR: Record<Relation, Role[]> = {
  leidinggevende: ["leidinggevende"],
  "hoger-management": ["leidinggevende", "gemeentesecretaris"],
  collega: ["medewerker"],
  bestuurder: ["wethouder", "raadslid", "burgemeester"],
  extern: ["extern"],
  meerdere: ["medewerker"],
  onbekend: ["onbekend", "medewerker"],
};

// Paths through the lifecycle of DESIGN §2, each step with the range of days it takes.
type Path = [CaseState, number, number][];
const START: Path = [["ontvangen", 0, 0], ["bevestigd", 0, 5], ["triage", 2, 12]];
const MELDING_PATHS: { weight: number; path: Path }[] = [
  { weight: 24, path: [...START, ["gesloten", 2, 10]] },
  { weight: 12, path: [...START, ["doorverwezen", 2, 10], ["gesloten", 7, 30]] },
  { weight: 18, path: [...START, ["afdoening-lijn", 2, 10], ["gesloten", 15, 45]] },
  { weight: 14, path: [...START, ["vooronderzoek", 3, 14], ["gesloten", 20, 55]] },
  { weight: 22, path: [...START, ["vooronderzoek", 3, 14], ["feitenonderzoek", 20, 55], ["rapport", 30, 80], ["besluit", 10, 30], ["maatregel", 7, 25], ["gesloten", 10, 30]] },
  { weight: 10, path: [...START, ["vooronderzoek", 3, 14], ["feitenonderzoek", 20, 55], ["rapport", 30, 80], ["besluit", 10, 30], ["gesloten", 5, 15]] },
];
const ADVICE_PATHS: { weight: number; path: Path }[] = [
  { weight: 80, path: [["ontvangen", 0, 0], ["bevestigd", 0, 3], ["gesloten", 5, 40]] },
  { weight: 20, path: [["ontvangen", 0, 0], ["bevestigd", 0, 3], ["doorverwezen", 5, 30]] },
];
/** Cases that stop at some state for a long time: they make the overdue feedback of the queues. */
const STALLS: CaseState[] = ["feitenonderzoek", "rapport", "besluit", "maatregel", "vooronderzoek", "afdoening-lijn", "triage", "doorverwezen"];

function plan(): PlannedCase[] {
  const g = generator(20261122);
  const random = DEMO_CASE_COUNT - DEMO_RECEIPTS.length;
  const members = Object.entries(MEMBER_SHARES).flatMap(([id, n]) => Array<string>(n).fill(id));
  // Shuffle the members over the timeline (Fisher–Yates with the seeded generator).
  for (let i = members.length - 1; i > 0; i--) {
    const j = Math.floor(g.next() * (i + 1));
    [members[i], members[j]] = [members[j] as string, members[i] as string];
  }
  if (members.length !== random) throw new Error(`demo member shares add up to ${members.length}, not ${random}`);
  const cases: PlannedCase[] = [];
  let stall = 0;
  for (let i = 0; i < random; i++) {
    const member = members[i] as string;
    const ageDays = Math.floor((i * 726) / random) + g.int(1, 5);
    const wants = member !== UNKNOWN_MEMBER && g.next() < 0.2 ? "advies" : "melding";
    let category = g.weighted(CATEGORY_WEIGHTS);
    if (wants === "advies" && g.next() < 0.6) category = "omgang";
    const subOf = (c: string) => g.pick(Object.keys(TEXTS).filter((s) => s.startsWith(`${c}.`))) as SubcategoryCode;
    const subcategories = [subOf(category)];
    if (g.next() < 0.12) {
      const other = subOf(g.pick(["omgang", "belangen", "middelen", "informatie"]));
      if (!subcategories.includes(other)) subcategories.push(other);
    }
    const reporterType = g.weighted(REPORTER_WEIGHTS);
    let relation: Relation =
      reporterType === "inwoner"
        ? g.pick<Relation>(["onbekend", "extern", "meerdere"])
        : g.weighted<Relation>({ collega: 40, leidinggevende: 30, "hoger-management": 8, meerdere: 8, extern: 4, onbekend: 6, bestuurder: 4 });
    if (category === "misstand" && relation === "bestuurder") relation = "hoger-management";
    let role = g.pick(ROLE_FOR[relation]);
    if (wants === "melding" && relation !== "bestuurder" && g.next() < 0.03) role = "integriteitscoordinator";
    // Oral and written intake is registered by staff; advice contacts come by phone and in person more often.
    const channel = wants === "advies" ? g.weighted<Channel>({ telefoon: 40, gesprek: 35, webformulier: 20, email: 5, brief: 0 }) : g.weighted(CHANNEL_WEIGHTS);
    const anonymity = g.weighted({ anoniem: 35, vertrouwelijk: 50, open: 15 });

    const paths = wants === "advies" ? ADVICE_PATHS : MELDING_PATHS;
    let chosen = paths[Number(g.weighted(Object.fromEntries(paths.map((p, k) => [String(k), p.weight]))))]?.path as Path;
    let stopAt: CaseState | undefined;
    if (i === 2 || i === 5) stopAt = "ontvangen"; // the acknowledgement is overdue
    else if (wants === "melding" && ageDays > 60 && g.next() < 0.16) {
      stopAt = STALLS[stall++ % STALLS.length] as CaseState;
      chosen = MELDING_PATHS.find((p) => p.path.some(([s]) => s === stopAt))?.path as Path;
      if (stopAt === "maatregel") chosen = MELDING_PATHS[4]?.path as Path;
    }
    const steps: Step[] = [];
    for (const [state, min, max] of chosen) {
      steps.push({ state, after: g.int(min, max) });
      if (state === stopAt) break;
    }
    cases.push({
      key: `case-${i}`,
      ageDays,
      member,
      wants,
      subcategories,
      relation,
      role,
      reporterType,
      channel,
      anonymity,
      steps,
      viaIntake: member !== UNKNOWN_MEMBER && wants === "melding" && MUNICIPALITIES.has(member) && g.next() < 0.05,
      description: g.pick(TEXTS[subcategories[0] as SubcategoryCode]),
      when: g.pick(WHEN),
      where: g.pick(WHERE),
    });
  }
  return [...cases, ...documented()];
}

function documented(): PlannedCase[] {
  const base = { wants: "melding" as const, reporterType: "medewerker" as const, channel: "webformulier" as const, anonymity: "anoniem" as const, documented: true };
  return [
    {
      ...base,
      key: "doc-1",
      ageDays: 6,
      member: "hoorn",
      subcategories: ["omgang.pesten"],
      relation: "leidinggevende",
      role: "leidinggevende",
      steps: [{ state: "ontvangen", after: 0 }, { state: "bevestigd", after: 1 }, { state: "triage", after: 3 }],
      description: "Mijn leidinggevende maakt mij al maanden belachelijk in het teamoverleg en deelt mijn werk uit aan anderen. Collega's durven er niets van te zeggen. (Demomelding: volg haar op met de democode.)",
      when: "Sinds het voorjaar, bijna elke week",
      where: "Op de afdeling Publiekszaken",
    },
    {
      ...base,
      key: "doc-2",
      ageDays: 75,
      member: "medemblik",
      subcategories: ["misstand.gevaar-gezondheid-veiligheid-milieu"],
      relation: "hoger-management",
      role: "leidinggevende",
      anonymity: "vertrouwelijk",
      steps: [
        { state: "ontvangen", after: 0 },
        { state: "bevestigd", after: 1 },
        { state: "triage", after: 6 },
        { state: "vooronderzoek", after: 8 },
        { state: "feitenonderzoek", after: 30 },
      ],
      description: "Controles bij een bedrijf dat afvalwater loost zijn op verzoek van de afdelingsleiding uitgesteld. Een collega van de afdeling Milieu heeft daar bezwaar tegen gemaakt. (Demomelding: volg haar op met de democode.)",
      when: "Het afgelopen halfjaar",
      where: "Bedrijventerrein aan de rand van de gemeente",
    },
    {
      ...base,
      key: "doc-3",
      ageDays: 300,
      member: "westfries-archief",
      subcategories: ["belangen.geschenken"],
      relation: "collega",
      role: "medewerker",
      channel: "webformulier",
      steps: [
        { state: "ontvangen", after: 0 },
        { state: "bevestigd", after: 2 },
        { state: "triage", after: 5 },
        { state: "vooronderzoek", after: 7 },
        { state: "feitenonderzoek", after: 25 },
        { state: "rapport", after: 40 },
        { state: "besluit", after: 14 },
        { state: "maatregel", after: 10 },
        { state: "gesloten", after: 20 },
      ],
      description: "Een collega van de studiezaal neemt cadeaubonnen aan van een leverancier van digitaliseringsdiensten. (Demomelding: volg haar op met de democode.)",
      when: "Rond de jaarwisseling",
      where: "In de studiezaal",
    },
  ];
}

// --- Outcomes -----------------------------------------------------------------------------------------------------

/** Choices of a case's outcome, fixed per case key (a hash of it), so they do not move the plan's random sequence. */
function chooser(label: string) {
  const bytes = sha256(label);
  let i = 0;
  return <T>(options: readonly T[], weights?: readonly number[]): T => {
    const byte = bytes[i++ % bytes.length] as number;
    const w = weights ?? options.map(() => 1);
    let pick = (byte / 256) * w.reduce((a, b) => a + b, 0);
    for (const [k, option] of options.entries()) {
      pick -= w[k] as number;
      if (pick < 0) return option;
    }
    return options[options.length - 1] as T;
  };
}

/**
 * What the desk recorded on the way (lifecycle.ts): a close reason after triage, the kind of investigation, the
 * conclusion (a violation when a measure follows), the measures, the referral. Written into the history's `detail` too.
 */
function demoOutcome(key: string, history: HistoryEntry[], kind: "melding" | "advies", measures: readonly Measure[]): NonNullable<CaseRecord["outcome"]> {
  const pick = chooser(`demo-outcome/${key}`);
  const states = history.map((h) => h.state);
  const outcome: NonNullable<CaseRecord["outcome"]> = {};
  for (const [i, entry] of history.entries()) {
    const before = states[i - 1];
    let detail: string | undefined;
    if (entry.event) continue;
    if (entry.state === "gesloten" && (before === "triage" || before === "vooronderzoek")) {
      outcome.closeReason = pick(CloseReasons.codes, [5, 3, 1]);
      detail = outcome.closeReason;
    } else if (entry.state === "doorverwezen") {
      outcome.referral = kind === "advies" ? pick(["integriteitsbalie", "bedrijfsarts", "p-en-o"] as const, [5, 3, 2]) : pick(["klachtenregeling", "politie", "huis-voor-klokkenluiders", "anders"] as const, [5, 2, 1, 2]);
      detail = outcome.referral;
    } else if (entry.state === "feitenonderzoek") {
      outcome.investigation = pick(Investigations.codes, [7, 3]);
      detail = outcome.investigation;
    } else if (entry.state === "besluit") {
      // A measure follows only a violation; a decision that closes the case found none.
      outcome.conclusion = states.includes("maatregel") ? "schending-vastgesteld" : pick(["niet-vastgesteld", "niet-vast-te-stellen"] as const, [2, 1]);
      detail = outcome.conclusion;
    } else if (entry.state === "maatregel") {
      const first = pick(measures.filter((m) => m !== "anders"));
      const chosen = pick([[first], [first, "gesprek" as Measure]], [3, 1]);
      outcome.measures = [...new Set(chosen)];
      detail = outcome.measures.join(",");
    }
    if (detail) history[i] = { ...entry, detail };
  }
  return outcome;
}

/**
 * When the desk gave feedback: most reports within the Wbk's three months, some later, and open ones whose time has
 * not come yet without it. An advice contact gets none (it has no Wbk feedback deadline).
 */
function feedbackOf(key: string, kind: "melding" | "advies", history: HistoryEntry[], receivedAt: Date, today: Date): { feedbackAt?: string } {
  if (kind === "advies" || history.length < 3) return {};
  const pick = chooser(`demo-feedback/${key}`);
  const days = pick([20, 35, 50, 70, 85, 100, 115], [2, 3, 3, 3, 2, 1, 1]);
  const at = addDays(receivedAt, days);
  if (at > today) return {};
  // A case that stalls open is often the one nobody wrote back to.
  const last = history[history.length - 1] as HistoryEntry;
  if (last.state !== "gesloten" && last.state !== "doorverwezen" && pick([true, false], [1, 1])) return {};
  return { feedbackAt: new Date(at.getTime() + 10 * 60 * 60 * 1000).toISOString() };
}

// --- Seeding ------------------------------------------------------------------------------------------------------

/** Who acts on a desk in the demo histories: the demo account of that desk, or a stand-in id (never a name). */
const DESK_STAFF: Record<string, string> = {
  "hoorn-integriteit": "demo-bi-hoorn",
  "hoorn-vp": "demo-vp-hoorn",
  "regio-vp-extern": "demo-vp-regio",
  "regio-intake": "demo-intake",
  "sed-integriteit": "demo-bi-sed",
};
const staffOf = (desk: string) => DESK_STAFF[desk] ?? `demo-staff-${desk}`.slice(0, 80);

/**
 * Seeds the demo cases; returns how many it created. Idempotent: the last case of the plan is written last, so when it
 * exists there is nothing to do; after an interrupted seeding the cases already there are skipped (ConflictError).
 */
export async function seedDemoCases(deps: DemoCaseDeps): Promise<{ created: number }> {
  const planned = plan();
  const last = planned[planned.length - 1] as PlannedCase;
  if (await deps.cases.getCase(last.member, demoCaseId(last.key))) return { created: 0 };
  const [members, desks] = await Promise.all([deps.region.listMembers(), deps.region.listDesks()]);
  const config = { members, desks };
  const now = deps.clock.now();
  const today = reporterDay(now);
  let created = 0;
  const build = async (p: PlannedCase): Promise<CaseRecord> => {
    const receivedAt = addDays(today, -p.ageDays);
    const question = { wants: p.wants, category: categoryOf(p.subcategories[0] as SubcategoryCode), persons: [{ relation: p.relation, role: p.role }] };
    let route = routeReport({ ...question, member: p.viaIntake ? UNKNOWN_MEMBER : p.member }, config);
    const intakeRoute = p.viaIntake ? route : undefined;
    if (intakeRoute) route = routeReport({ ...question, member: p.member }, config);
    const caseId = demoCaseId(p.key);
    const ctx = { member: route.member.id, caseId };
    const { dataKey, envelope } = await deps.sealer.sealNew(ctx, encodeContent(content(p)));

    // The history: each step some days after the previous one, never after today.
    const history: HistoryEntry[] = [];
    let at = receivedAt;
    let ackAt: Date | undefined;
    let consentAt: Date | undefined;
    for (const [index, step] of p.steps.entries()) {
      const next = addDays(at, step.after);
      if (next > today) break;
      at = next;
      const desk = intakeRoute && index <= 2 ? intakeRoute.desk.id : route.desk.id;
      const by = step.state === "ontvangen" ? (p.channel === "webformulier" ? "melder" : staffOf(desk)) : staffOf(desk);
      // Steps by staff carry a time of day; the reporter's own entry stays at the day (decisions.md 4).
      // In order, and never after the clock (a step taken today happened before now).
      const officeHours = by === "melder" ? at : new Date(at.getTime() + (8 * 60 + ((index * 97 + p.ageDays * 13) % 540)) * 60_000);
      const previous = history.length > 0 ? Date.parse((history[history.length - 1] as HistoryEntry).at) + 60_000 : 0;
      const time = new Date(Math.max(previous, Math.min(officeHours.getTime(), now.getTime() - 60_000)));
      history.push({ at: time.toISOString(), state: step.state, by });
      if (step.state === "bevestigd") ackAt = at;
      if (step.state === "doorverwezen" && route.kind === "advies") consentAt = time;
      if (intakeRoute && step.state === "triage") {
        const forwardAt = new Date(Math.min(time.getTime() + 2 * 60 * 60 * 1000, now.getTime())).toISOString();
        const note = await deps.sealer.seal(
          ctx,
          dataKey,
          new TextEncoder().encode(`Organisatie achterhaald bij de triage: de melding betreft ${route.member.name}.`),
          historyPart(history.length),
        );
        history.push({
          at: forwardAt,
          state: "triage",
          by: staffOf(intakeRoute.desk.id),
          event: "doorgestuurd",
          from: { member: intakeRoute.member.id, desk: intakeRoute.desk.id },
          to: { member: route.member.id, desk: route.desk.id },
          note,
        });
      }
    }
    const outcome = demoOutcome(p.key, history, route.kind, route.member.measures ?? ["gesprek"]);
    const last = history[history.length - 1] as HistoryEntry;
    const deadlines = initialDeadlines(receivedAt);
    // An oral or written report is acknowledged by the desk: feedback is due three months after that acknowledgement.
    const feedbackDueAt = p.channel !== "webformulier" && ackAt ? addMonths(ackAt, 3) : deadlines.feedbackDueAt;
    const receipt = p.documented ? await documentedReceipt(deps.receipts, p.key) : { locator: randomLocator(), hash: UNUSABLE_RECEIPT_HASH };
    return CaseRecordSchema.parse({
      id: caseId,
      member: route.member.id,
      desk: route.desk.id,
      kind: route.kind,
      track: route.track,
      state: last.state,
      channel: p.channel,
      categories: [...new Set(p.subcategories.map(categoryOf))],
      subcategories: p.subcategories,
      relation: p.relation,
      reporterType: p.reporterType,
      receivedAt: receivedAt.toISOString(),
      ackDueAt: deadlines.ackDueAt.toISOString(),
      feedbackDueAt: feedbackDueAt.toISOString(),
      routeReasons: route.reasons,
      receipt,
      dataKey,
      content: envelope,
      history,
      // A referred advice contact had the reporter's consent, sealed like everything the reporter said.
      ...(consentAt ? { consent: await sealConsent(deps.sealer, { member: route.member.id, id: caseId, dataKey }, { given: true, at: consentAt }) } : {}),
      ...(Object.keys(outcome).length ? { outcome } : {}),
      ...feedbackOf(p.key, route.kind, history, receivedAt, today),
      version: 1,
    } satisfies CaseRecord) as CaseRecord;
  };
  // A few at a time: the store's round trips dominate, and the last case is written only after all others.
  const BATCH = 12;
  const head = planned.slice(0, -1);
  const create = async (p: PlannedCase) => {
    try {
      await deps.cases.createCase(await build(p));
      created++;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  };
  for (let i = 0; i < head.length; i += BATCH) await Promise.all(head.slice(i, i + BATCH).map(create));
  await create(last);
  return { created };
}

async function documentedReceipt(receipts: ReceiptCodes, key: string): Promise<{ locator: string; hash: string }> {
  const issued = await receipts.issue(demoReceiptSeed(key));
  const expected = DEMO_RECEIPTS.find((r) => r.key === key)?.code;
  if (issued.code !== expected) throw new Error(`demo receipt ${key} is ${issued.code}, the documentation says ${expected}`);
  return { locator: issued.locator, hash: issued.hash };
}

function randomLocator(): string {
  return [...randomBytes(8)].map((b) => CROCKFORD[b & 31]).join("");
}

function content(p: PlannedCase) {
  const contact =
    p.anonymity === "anoniem"
      ? undefined
      : { name: "Demomelder (fictief)", email: "demomelder@voorbeeld.invalid" };
  return { description: p.description, when: p.when, where: p.where, anonymity: p.anonymity, contact };
}

/** For tests and the runner: the plan's size per member and the keys, without touching a store. */
export function demoCasePlan(): { key: string; id: string; member: string; documented: boolean; text: string }[] {
  return plan().map((p) => ({ key: p.key, id: demoCaseId(p.key), member: p.member, documented: Boolean(p.documented), text: [p.description, p.when, p.where].join(" ") }));
}
