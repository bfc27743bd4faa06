// Demo cases of DESIGN §6: about 120 cases spread over the two years before the clock, across every member and desk,
// so that every queue, page and chart has something true to show. Every case is a real CaseRecord, routed by the
// domain's routing, sealed with its member's key, with a history in order and the deadlines of deadlines.ts.
//
// Deterministic: the plan (members, subjects, paths, texts) comes from a fixed seed and the case ids from fixed labels,
// so seeding again creates nothing; only the dates follow the clock of the first seeding, so the demo stays recent.
// Receipts: three documented cases have fixed codes (DEMO_RECEIPTS, printed by the runner, listed in README.md); every
// other demo case has a random locator and a hash that is not a hash at all ("demo$unusable"), which verify() always
// rejects: nobody can open those cases with any code, and seeding pays no scrypt for them.
//
// What desk and reporter did on the way (messages both ways with the feedback among them, internal notes, files,
// person tags, the VP's registration, consent, the review of a written record) is made by the domain's own functions,
// replayed in time order between the steps of each history; each member's audit trail records the demo's staff steps
// of the last DEMO_AUDIT_MONTHS (seedDemoCases says how).
import { createHash, randomBytes } from "node:crypto";
import {
  type AuditEvent,
  type AuditLog,
  addDays,
  addMonths,
  type BlobStore,
  type CaseRecord,
  CaseRecordSchema,
  type CaseSealer,
  type CaseState,
  type CaseStore,
  type Channel,
  type CheckedFile,
  type Clock,
  CloseReasons,
  ConflictError,
  categoryOf,
  checkUploadsOrThrow,
  discardAttachments,
  encodeContent,
  type FileInspector,
  GENESIS_HASH,
  type HistoryEntry,
  Investigations,
  initialDeadlines,
  type Measure,
  markRead,
  type PersonTags,
  postReporterMessage,
  type ReceiptCodes,
  type RegionStore,
  type Relation,
  type ReporterType,
  type Role,
  type Route,
  reporterDay,
  reviewRecord,
  routeReport,
  type SignalIndex,
  type SubcategoryCode,
  setReferralConsent,
  storeAttachments,
  UNKNOWN_MEMBER,
  type UploadedFile,
} from "@meldpunt/domain";
import { addInternalNote, historyPart, messageReporter, openCaseFile, recordVpFacts, tagPerson } from "@meldpunt/domain/staff";
import { demoLogo } from "./demo-logos";

export interface DemoCaseDeps {
  cases: CaseStore;
  region: RegionStore;
  sealer: CaseSealer;
  receipts: ReceiptCodes;
  clock: Clock;
  /** The demo's files: checked by the inspector, sealed, in the BlobStore like any upload. */
  blobs: BlobStore;
  inspector: FileInspector;
  /** Person tags (keyed hashes) and their index: the case page's signal counts. */
  tags: PersonTags;
  signals: SignalIndex;
  /** Each member's audit trail: the demo's staff steps, at the times of the histories. */
  audit: AuditLog;
}

/** How many demo cases a fresh hub gets: 117 with random receipts, three documented ones. */
export const DEMO_CASE_COUNT = 120;

/** Not a scrypt hash: the receipt check refuses it without hashing, so no code opens these cases. */
export const UNUSABLE_RECEIPT_HASH = "demo$unusable";

/** The documented demo cases: their receipt codes follow from fixed seeds and are the same in every hub. */
export const DEMO_RECEIPTS = [
  { key: "doc-1", code: "E9F9-Y24N-7MQZ-A73D-SVM7-RCMQ", about: "Gemeente Hoorn: pesten door de leidinggevende, telefonisch gemeld, in triage; verslag te controleren" },
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
      // Reported by phone: the desk wrote it down, and the reporter can review that record in the mailbox.
      channel: "telefoon",
      steps: [{ state: "ontvangen", after: 0 }, { state: "bevestigd", after: 1 }, { state: "triage", after: 3 }],
      description:
        "Verslag van een telefoongesprek. De melder vertelt dat de leidinggevende haar al maanden belachelijk maakt in het teamoverleg en haar werk aan anderen uitdeelt. Collega's durven er niets van te zeggen. (Demomelding: volg haar op met de democode en controleer het verslag.)",
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
 * How far back the demo's audit trails go: the staff steps of the last twelve months, some 450 entries over all
 * members (every member has some; doc-3's whole handling is in Westfries Archief's). Every entry is one append of the
 * real log (three requests; a member's one after the other), ~4 ms each on the embedded store: the two years' ~870
 * would add another ~1.5 s to the first start. Older steps are in the histories only, as if the trail had been
 * switched on a year before the first start.
 */
export const DEMO_AUDIT_MONTHS = 12;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Where the case is and who acts on it: for a report forwarded by regional intake, where it was first too. */
interface Routed {
  route: Route;
  intake?: Route;
}

/** A demo case, finished in memory, with the audit entries of the demo's staff steps and when each was taken. */
interface Built {
  record: CaseRecord;
  audit: { event: AuditEvent; at: Date }[];
}

/** Whether the plan takes the case as far as `state` before today (the history stops at today). */
function reaches(p: PlannedCase, state: CaseState): boolean {
  let days = 0;
  for (const step of p.steps) {
    days += step.after;
    if (days > p.ageDays) return false;
    if (step.state === state) return true;
  }
  return false;
}

/**
 * The people staff tag (signals.ts): fictitious names, each on several cases of one desk, so that the case page shows
 * "N earlier reports concern the same person". Keyed by plan key. Only a keyed hash of the name is stored.
 */
const PERSONS: { member: string; desk: string; name: string; cases: number }[] = [
  { member: "hoorn", desk: "hoorn-integriteit", name: "A. Voorbeeld", cases: 4 },
  { member: "sed", desk: "sed-integriteit", name: "B. Steekproef", cases: 2 },
];

/** The fictitious names of PERSONS: for tests, which look for them where they must not be. */
export const DEMO_PERSON_NAMES: readonly string[] = PERSONS.map((p) => p.name);

function personTags(planned: PlannedCase[], routes: Map<string, Routed>): Map<string, string> {
  const tags = new Map<string, string>([["doc-1", PERSONS[0]?.name as string]]);
  for (const person of PERSONS) {
    // A tag is keyed per member (signals.ts): only the same member's cases on the desk count.
    const on = planned.filter((p) => {
      const route = routes.get(p.key)?.route;
      return !p.documented && !p.viaIntake && p.wants === "melding" && route?.member.id === person.member && route.desk.id === person.desk && reaches(p, "triage");
    });
    // Spread over the desk's history rather than the first few: every second candidate.
    for (const p of on.filter((_, i) => i % 2 === 0).slice(0, person.cases)) tags.set(p.key, person.name);
  }
  return tags;
}

/** Intake cases whose written record the reporter has not reviewed yet: doc-1, and the youngest other one. */
function openReviews(planned: PlannedCase[]): Set<string> {
  const written = planned.filter((p) => !p.documented && p.channel !== "webformulier").sort((a, b) => a.ageDays - b.ageDays);
  return new Set(["doc-1", ...(written[0] ? [written[0].key] : [])]);
}

// What desk and reporter write to each other: role words only, never a name.
const QUESTIONS = [
  "Dank voor uw melding. Kunt u vertellen wanneer dit voor het eerst gebeurde, en of er collega's bij waren die het ook hebben gezien?",
  "Wij hebben uw melding gelezen. Hebt u hier al eerder over gesproken met uw leidinggevende of met de vertrouwenspersoon?",
  "Om te kunnen beoordelen wat wij met uw melding doen, willen wij graag weten of u stukken hebt die dit laten zien, zoals e-mails of facturen. U kunt ze hier toevoegen.",
  "Dank voor uw melding. Stelt u een gesprek op prijs? Dat kan ook telefonisch, zonder dat u uw naam hoeft te noemen.",
];
const ANSWERS = [
  "Het begon ongeveer een halfjaar geleden. Twee collega's van mijn team waren erbij, maar ik weet niet of zij iets willen zeggen.",
  "Nee, ik heb het nog met niemand besproken. Ik ben bang dat het anders bekend wordt op de afdeling.",
  "Ik heb een overzicht gemaakt van wat er gebeurde, met de data erbij. Zie het bestand.",
  "Een telefonisch gesprek is goed. Op werkdagen ben ik na vier uur het best bereikbaar.",
];
const ADDITION = "Aanvulling op mijn melding: afgelopen week is het opnieuw gebeurd, nu in het bijzijn van een collega van een andere afdeling.";
const INQUIRY_QUESTION = "Het onderzoek naar aanleiding van uw melding is gestart. Mogen de onderzoekers u via deze brievenbus vragen stellen?";
const INQUIRY_ANSWER = "Ja, dat is goed. Ik kijk hier elke week.";
const VP_FIRST = "Dank voor uw vraag. Ik ben de vertrouwenspersoon en neem uw vraag in behandeling. Wat u mij vertelt, blijft vertrouwelijk. Wanneer kunnen wij elkaar spreken?";
const VP_ANSWER = "Dank u wel. Donderdagmiddag komt mij goed uit, het liefst telefonisch.";
const CORRECTION = "In het verslag staat dat het vorige week gebeurde, maar het was twee weken geleden. Verder klopt het.";
const NOTES: Partial<Record<CaseState, string[]>> = {
  bevestigd: [
    "Adviesgesprek gevoerd. De vraagsteller overweegt een melding bij de integriteitsbalie en neemt daar de tijd voor.",
    "Telefonisch gesproken. Vooral behoefte aan een luisterend oor; over twee weken opnieuw contact.",
  ],
  triage: [
    "Triage: valt onder de integriteitsregeling. Eerst nagaan of er eerder iets over deze afdeling is gemeld.",
    "Besproken in het wekelijks overleg van de balie: vooronderzoek voorstellen aan de gemeentesecretaris.",
  ],
  vooronderzoek: ["Vooronderzoek: twee gesprekken gepland met collega's van de afdeling. Gespreksverslagen volgen."],
  feitenonderzoek: ["Opdracht voor het feitenonderzoek verstrekt; het onderzoeksbureau levert over zes weken een conceptrapport."],
};
const TIMELINE_TXT = "Overzicht van de voorvallen (demobestand)\n\n- Eerste keer in het teamoverleg.\n- Daarna opmerkingen per e-mail.\n- Vorige week opnieuw, met twee collega's erbij.\n";

/** The feedback (terugkoppeling) the desk writes, by the state the case is in and the step that follows. */
function feedbackText(state: CaseState, next: CaseState | undefined): string {
  if (next === "gesloten" && (state === "triage" || state === "vooronderzoek"))
    return "Terugkoppeling: wij hebben uw melding zorgvuldig bekeken en sluiten haar af. Verandert er iets, dan kunt u altijd een nieuwe melding doen.";
  if (state === "doorverwezen" || next === "doorverwezen")
    return "Terugkoppeling: uw melding hoort bij een andere regeling. Wij verwijzen u daarheen; daar wordt u verder geholpen.";
  if (state === "besluit" || state === "maatregel" || next === "gesloten")
    return "Terugkoppeling: het onderzoek naar aanleiding van uw melding is afgerond en er is een besluit genomen. Over maatregelen tegen personen kunnen wij niet meer zeggen. Dank voor uw melding.";
  if (state === "feitenonderzoek" || state === "rapport")
    return "Terugkoppeling: naar aanleiding van uw melding loopt een onderzoek. Over de uitkomst informeren wij u in algemene termen.";
  return "Terugkoppeling: uw melding is in behandeling. Wij onderzoeken wat u meldde en laten u weten wanneer daar een uitkomst van is.";
}

/**
 * The case store the domain's functions see while a demo case is written: that one case, in memory. Only the finished
 * case goes to the real store (createCase), so the "last case" marker still means that everything is there.
 */
function staging(start: CaseRecord) {
  let record = start;
  const unused = () => Promise.reject(new Error("not used while a demo case is staged"));
  const store: CaseStore = {
    createCase: unused,
    getCase: async (member, id) => (member === record.member && id === record.id ? record : undefined),
    async updateCase(next) {
      if (next.member !== record.member || next.id !== record.id || next.version !== record.version + 1) throw new ConflictError();
      record = next;
    },
    findByReceiptLocator: unused,
    listDeskQueue: unused,
    listOpenCases: unused,
    listCaseFacts: unused,
    listClosedCases: unused,
    deleteCase: unused,
  };
  const replace = (next: CaseRecord) => {
    record = next;
  };
  return { store, current: () => record, replace };
}

/** An audit log that keeps what the domain's functions record, with the time: appended to the real log in time order. */
function recorder(into: Built["audit"]): AuditLog {
  const unused = () => Promise.reject(new Error("not used while a demo case is staged"));
  return {
    async append(event, at) {
      into.push({ event, at });
      return { ...event, seq: into.length, at: at.toISOString(), prev: GENESIS_HASH, hash: GENESIS_HASH };
    },
    list: unused,
    readAll: unused,
    verify: unused,
  };
}

/**
 * Seeds the demo cases; returns how many it created. Idempotent: the last case of the plan is written last, so when it
 * exists there is nothing to do; after an interrupted seeding the cases already there are skipped (ConflictError).
 *
 * Each case is written whole, once. Its messages, notes, files, person tags, VP registration, consent and record
 * review are made by the domain's own functions (messageReporter, postReporterMessage, addInternalNote, tagPerson,
 * recordVpFacts, setReferralConsent, reviewRecord, openCaseFile), replayed in time order with the clock at each step,
 * on a staging copy of the case: sealed by the real sealer, files in the real BlobStore, tags through the real
 * PersonTags and SignalIndex. Their audit entries, and those of the demo's transitions, intakes and transfers, are
 * appended to each member's real audit log in time order, after every other case and before the last one.
 */
export async function seedDemoCases(deps: DemoCaseDeps): Promise<{ created: number }> {
  const planned = plan();
  const last = planned[planned.length - 1] as PlannedCase;
  if (await deps.cases.getCase(last.member, demoCaseId(last.key))) return { created: 0 };
  const [members, desks] = await Promise.all([deps.region.listMembers(), deps.region.listDesks()]);
  const config = { members, desks };
  const now = deps.clock.now();
  const nowMs = now.getTime();
  const today = reporterDay(now);

  const routes = new Map<string, Routed>();
  for (const p of planned) {
    const question = { wants: p.wants, category: categoryOf(p.subcategories[0] as SubcategoryCode), persons: [{ relation: p.relation, role: p.role }] };
    const route = routeReport({ ...question, member: p.member }, config);
    // A report for regional intake is forwarded at its triage; one that has not come that far is still there.
    const intake = p.viaIntake ? routeReport({ ...question, member: UNKNOWN_MEMBER }, config) : undefined;
    routes.set(p.key, intake && !reaches(p, "triage") ? { route: intake } : { route, ...(intake ? { intake } : {}) });
  }
  const tags = personTags(planned, routes);
  const unreviewed = openReviews(planned);

  const build = async (p: PlannedCase): Promise<Built> => {
    const { route, intake: intakeRoute } = routes.get(p.key) as Routed;
    const receivedAt = addDays(today, -p.ageDays);
    const caseId = demoCaseId(p.key);
    const ctx = { member: route.member.id, caseId };
    const pick = chooser(`demo-story/${p.key}`);
    const audit: Built["audit"] = [];

    // A photo with some web reports: checked by the real inspector, sealed and stored like any upload.
    const photo = p.channel === "webformulier" && (p.documented ? p.key === "doc-2" : pick([true, false], [1, 9]));
    const reportFiles = photo ? checkUploadsOrThrow(deps.inspector, [{ name: "foto.png", bytes: demoLogo("#2f6f4f") }]) : [];
    const { dataKey, envelope } = await deps.sealer.sealNew(ctx, encodeContent(content(p, reportFiles)));
    const attachments = await storeAttachments(deps, ctx, dataKey, reportFiles, { at: receivedAt.toISOString(), from: "melder" });

    // The history: each step some days after the previous one, never after today.
    const history: HistoryEntry[] = [];
    let forwardAt: number | undefined;
    let at = receivedAt;
    let ackAt: Date | undefined;
    for (const [index, step] of p.steps.entries()) {
      const next = addDays(at, step.after);
      if (next > today) break;
      at = next;
      const desk = intakeRoute && index <= 2 ? intakeRoute.desk.id : route.desk.id;
      // Web reports are acknowledged by the hub (the deadline job, `systeem`); an advice contact by the VP's answer.
      const by =
        step.state === "ontvangen" && p.channel === "webformulier"
          ? "melder"
          : step.state === "bevestigd" && p.channel === "webformulier" && route.kind === "melding"
            ? "systeem"
            : staffOf(desk);
      // Steps by staff carry a time of day; the reporter's own entry stays at the day (decisions.md 4).
      // In order, and never after the clock (a step taken today happened before now).
      const officeHours = by === "melder" ? at : new Date(at.getTime() + (8 * 60 + ((index * 97 + p.ageDays * 13) % 540)) * 60_000);
      const previous = history.length > 0 ? Date.parse((history[history.length - 1] as HistoryEntry).at) + 60_000 : 0;
      const time = new Date(Math.max(previous, Math.min(officeHours.getTime(), nowMs - 60_000)));
      history.push({ at: time.toISOString(), state: step.state, by });
      if (step.state === "bevestigd") ackAt = at;
      if (intakeRoute && step.state === "triage") {
        forwardAt = Math.min(time.getTime() + 2 * HOUR, nowMs - 30_000);
        history.push({
          at: new Date(forwardAt).toISOString(),
          state: "triage",
          by: staffOf(intakeRoute.desk.id),
          event: "doorgestuurd",
          from: { member: intakeRoute.member.id, desk: intakeRoute.desk.id },
          to: { member: route.member.id, desk: route.desk.id },
        });
      }
    }
    const outcome = demoOutcome(p.key, history, route.kind, route.member.measures ?? ["gesprek"]);
    const deadlines = initialDeadlines(receivedAt);
    // An oral or written report is acknowledged by the desk: feedback is due three months after that acknowledgement.
    const feedbackDueAt = p.channel !== "webformulier" && ackAt ? addMonths(ackAt, 3) : deadlines.feedbackDueAt;
    const receipt = p.documented ? await documentedReceipt(deps.receipts, p.key) : { locator: randomLocator(), hash: UNUSABLE_RECEIPT_HASH };
    const first = history[0] as HistoryEntry;
    const staged = staging({
      id: caseId,
      member: route.member.id,
      desk: route.desk.id,
      kind: route.kind,
      track: route.track,
      state: first.state,
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
      history: [first],
      ...(attachments.length ? { attachments } : {}),
      // What staff wrote down is the reporter's to review (Wbk), as staff intake records it.
      ...(p.channel !== "webformulier" ? { recordReview: { status: "open" as const } } : {}),
      version: 1,
    });

    // The story: what desk and reporter did between the steps, each at a time that lies between two steps.
    let clockAt = nowMs;
    const caseDeps = {
      cases: staged.store,
      region: deps.region,
      sealer: deps.sealer,
      blobs: deps.blobs,
      inspector: deps.inspector,
      tags: deps.tags,
      signals: deps.signals,
      audit: recorder(audit),
      clock: { now: () => new Date(clockAt) },
    };
    const ref = { member: route.member.id, caseId, desk: route.desk.id, by: staffOf(route.desk.id) };
    const times = history.map((h) => Date.parse(h.at));
    const stateOf = (k: number) => (history[k] as HistoryEntry).state;
    const endOf = (k: number) => Math.min(times[k + 1] ?? Number.POSITIVE_INFINITY, nowMs);
    /** Whether `t` lies after step k and before the next one (and before now), with a minute to spare. */
    const fits = (k: number, t: number) => k >= 0 && t > (times[k] as number) && t < endOf(k) - MINUTE;
    const windowOf = (t: number) => times.findLastIndex((s) => s < t);
    /** The day a reporter did something, some days after `t` (decisions.md 4: the reporter's times are days). */
    const dayAfter = (t: number, days: number) => reporterDay(new Date(t + days * DAY)).getTime();
    const deskFrom = forwardAt === undefined ? 0 : times.indexOf(forwardAt);
    const atDesk = (k: number) => k >= deskFrom && stateOf(k) !== "ontvangen" && stateOf(k) !== "gesloten";
    const open = !["gesloten", "doorverwezen"].includes(stateOf(history.length - 1));

    type Action = { at: number; by: "desk" | "reader" | "reporter"; run: () => Promise<unknown> };
    const actions: Action[] = [];
    const byDesk = (at: number, run: () => Promise<unknown>) => actions.push({ at, by: "desk", run });
    const byReporter = (at: number, run: () => Promise<unknown>) => actions.push({ at, by: "reporter", run });
    const mref = { member: route.member.id, caseId };
    const ask = (at: number, kind: "bericht" | "terugkoppeling", text: string) => byDesk(at, () => messageReporter(caseDeps, ref, { kind, text }));
    /** The desk opens what the reporter wrote on its next visit, if there was one yet. */
    let unreadFrom: number | undefined;
    const readByDesk = (at: number, { fresh = false } = {}) => {
      const k = windowOf(at);
      // A recent answer on an open case after its last step: nobody on the desk has opened it yet.
      if (fresh || (open && k === history.length - 1 && nowMs - at < 30 * DAY)) {
        unreadFrom = Math.min(unreadFrom ?? at, at);
        return;
      }
      const read = Math.min(at + 9 * HOUR + pick([20, 45, 70, 110]) * MINUTE, endOf(k) - 10 * MINUTE);
      if (read > at && fits(k, read)) actions.push({ at: read, by: "reader", run: () => openCaseFile(caseDeps, ref) });
    };
    /** The reporter answers (and so has read what the desk wrote). */
    const answer = (at: number, text: string, files: UploadedFile[] = [], { fresh = false } = {}) => {
      byReporter(at, async () => {
        await markRead(caseDeps, staged.current(), "balie");
        await postReporterMessage(caseDeps, mref, text, files);
      });
      readByDesk(at, { fresh });
    };
    const answerable = (at: number) => fits(windowOf(at), at) && stateOf(windowOf(at)) !== "gesloten";

    // The review of a written record: agreed, now and then corrected, for two not yet.
    if (p.channel !== "webformulier" && !unreviewed.has(p.key)) {
      const t = dayAfter(times[0] as number, pick([1, 2, 3, 4]));
      if (answerable(t)) {
        const corrected = pick([true, false], [1, 4]);
        byReporter(t, () => reviewRecord(caseDeps, mref, corrected ? { correction: CORRECTION } : { agree: true }));
        if (corrected) readByDesk(t);
      }
    }

    if (route.kind === "advies") {
      const kAck = history.findIndex((h) => h.state === "bevestigd");
      if (kAck >= 0) {
        // The VP's first answer, and often the reporter's reply.
        const vpAt = (times[kAck] as number) + 5 * MINUTE;
        if (pick([true, false], [4, 1]) && fits(kAck, vpAt)) {
          ask(vpAt, "bericht", VP_FIRST);
          const reply = dayAfter(vpAt, pick([1, 2, 3]));
          if (pick([true, false], [3, 2]) && answerable(reply)) answer(reply, VP_ANSWER);
        }
        // The light registration: sick leave and a formal complaint, as far as the VP knows.
        const factsAt = (times[kAck] as number) + DAY + 2 * HOUR;
        if (pick([true, false], [3, 2]) && fits(kAck, factsAt)) {
          const facts = { sickLeave: pick(["ja", "nee"], [1, 3]), ...(pick([true, false], [2, 1]) ? { formalComplaint: pick(["ja", "nee"], [1, 5]) } : {}) };
          byDesk(factsAt, () => recordVpFacts(caseDeps, ref, facts));
        }
        const noteAt = (times[kAck] as number) + 2 * DAY + HOUR;
        if (pick([true, false], [1, 2]) && fits(kAck, noteAt)) byDesk(noteAt, () => addInternalNote(caseDeps, ref, pick(NOTES.bevestigd ?? [])));
      }
      // A referral only with the reporter's consent, given in the mailbox on the day of the referral (a referral in the
      // first minute of a UTC day leaves no earlier moment that day: the consent is then missing, never misdated).
      const kRef = history.findIndex((h) => h.state === "doorverwezen");
      if (kRef > 0) {
        const day = reporterDay(new Date(times[kRef] as number)).getTime();
        if (fits(kRef - 1, day)) byReporter(day, () => setReferralConsent(caseDeps, mref, true));
      }
    } else {
      const kTriage = history.findIndex((h, k) => k >= deskFrom && h.state === "triage");
      if (kTriage >= 0) {
        const tag = tags.get(p.key);
        const tagAt = (times[kTriage] as number) + 25 * MINUTE;
        if (tag && fits(kTriage, tagAt)) byDesk(tagAt, () => tagPerson(caseDeps, ref, tag));
        const noteAt = (times[kTriage] as number) + 40 * MINUTE;
        if (pick([true, false], [2, 3]) && fits(kTriage, noteAt)) byDesk(noteAt, () => addInternalNote(caseDeps, ref, pick(NOTES.triage ?? [])));
        // A question from the desk and the reporter's answer, sometimes with a file.
        const q = (times[kTriage] as number) + pick([90, 120, 150, 200]) * MINUTE;
        if ((p.documented || pick([true, false], [3, 2])) && fits(kTriage, q)) {
          const which = p.key === "doc-1" ? 0 : pick([0, 1, 2, 3]);
          ask(q, "bericht", QUESTIONS[which] as string);
          const a = dayAfter(q, p.key === "doc-1" ? 1 : pick([1, 2, 3, 4]));
          if (answerable(a)) {
            const file = which === 2 || p.key === "doc-3" || pick([true, false], [1, 4]);
            const text = file ? (ANSWERS[2] as string) : (ANSWERS[which] as string);
            answer(a, text, file ? [{ name: "tijdlijn.txt", bytes: new TextEncoder().encode(TIMELINE_TXT) }] : [], { fresh: p.key === "doc-1" });
          }
        }
      }
      // A second round once the inquiry starts; doc-2's question is still waiting for the reporter.
      const kInquiry = history.findIndex((h, k) => k >= deskFrom && (p.key === "doc-2" ? h.state === "feitenonderzoek" : h.state === "vooronderzoek"));
      if (kInquiry >= 0 && (p.documented || pick([true, false], [1, 2]))) {
        const q = (times[kInquiry] as number) + 3 * HOUR;
        if (fits(kInquiry, q)) {
          ask(q, "bericht", INQUIRY_QUESTION);
          const a = dayAfter(q, pick([2, 3, 5, 6]));
          if (p.key !== "doc-2" && answerable(a)) answer(a, INQUIRY_ANSWER);
        }
      }
      for (const state of ["vooronderzoek", "feitenonderzoek"] as const) {
        const k = history.findIndex((h, i) => i >= deskFrom && h.state === state);
        const noteAt = (times[k] as number) + HOUR + 10 * MINUTE;
        if (k >= 0 && pick([true, false], [1, 2]) && fits(k, noteAt)) byDesk(noteAt, () => addInternalNote(caseDeps, ref, pick(NOTES[state] ?? [])));
      }
      // The feedback (terugkoppeling), when the plan has it: a message of its own kind, which records feedbackAt. The
      // desk gives it before it closes the case: one planned after the close is given just before it.
      const feedbackAt = feedbackOf(p.key, route.kind, history, receivedAt, today).feedbackAt;
      if (feedbackAt) {
        let t = Date.parse(feedbackAt);
        let k = windowOf(t);
        if (k >= 0 && stateOf(k) === "gesloten") {
          const close = history.findIndex((h) => h.state === "gesloten");
          k = close - 1;
          t = (times[close] as number) - pick([30, 45, 60]) * MINUTE;
          if (!fits(k, t)) t = (times[close] as number) - 2 * MINUTE;
        }
        if (atDesk(k) && fits(k, t)) {
          ask(t, "terugkoppeling", feedbackText(stateOf(k), history[k + 1]?.state));
          // Most reporters read it within days; the documented ones have it waiting as new.
          const read = dayAfter(t, pick([1, 2, 4, 7]));
          if (!p.documented && pick([true, false], [3, 1]) && read < nowMs) byReporter(read, () => markRead(caseDeps, staged.current(), "balie"));
        }
      }
      // Now and then a reporter adds something to an open case of late, which nobody on the desk has opened yet.
      const kLast = history.length - 1;
      const more = dayAfter(times[kLast] as number, pick([3, 6, 10]));
      if (!p.documented && open && atDesk(kLast) && nowMs - more < 60 * DAY && pick([true, false]) && answerable(more)) answer(more, ADDITION, [], { fresh: true });
    }

    // A step of the history: written as it stands, with its audit entry (who, what, at that time) on the log of the
    // member the case was with then: regional intake's until it forwarded the case. The reporter's steps are not audited.
    const step = async (entry: HistoryEntry) => {
      const current = staged.current();
      if (entry !== first) {
        const index = current.history.length;
        let written = entry;
        if (entry.event === "doorgestuurd") {
          const reason = new TextEncoder().encode(`Organisatie achterhaald bij de triage: de melding betreft ${route.member.name}.`);
          written = { ...entry, note: await deps.sealer.seal(ctx, dataKey, reason, historyPart(index)) };
        }
        staged.replace({ ...current, state: entry.state, history: [...current.history, written], version: current.version + 1 });
      }
      if (entry.by === "melder") return;
      const at = new Date(entry.at);
      // The transfer itself is on the sending member's log, as transferCase records it.
      const member = intakeRoute && (forwardAt === undefined || at.getTime() <= forwardAt) ? intakeRoute.member.id : route.member.id;
      const action: Pick<AuditEvent, "action" | "detail"> =
        entry.event === "doorgestuurd"
          ? { action: "transfer", detail: `${entry.to?.member}/${entry.to?.desk}` }
          : entry === first
            ? { action: "register-intake" }
            : { action: "transition", detail: entry.state };
      audit.push({ event: { member, actor: entry.by, caseId, ...action }, at });
    };
    // In time order, steps first. Nobody on the desk acts after an answer it has not read yet.
    const timeline = [
      ...history.map((entry, k) => ({ at: times[k] as number, order: 0, run: () => step(entry) })),
      ...actions.filter((a) => a.by === "reporter" || unreadFrom === undefined || a.at < unreadFrom).map((a) => ({ at: a.at, order: 1, run: a.run })),
    ].sort((x, y) => x.at - y.at || x.order - y.order);
    for (const item of timeline) {
      clockAt = item.at;
      await item.run();
    }

    const done = staged.current();
    const record = CaseRecordSchema.parse({
      ...done,
      ...(Object.keys(outcome).length ? { outcome } : {}),
      version: 1,
    } satisfies CaseRecord) as CaseRecord;
    return { record, audit };
  };

  // A few at a time: the store's round trips dominate. Every case is built before any is written, and the last one
  // only after every audit entry.
  const BATCH = 12;
  const built: Built[] = [];
  for (let i = 0; i < planned.length; i += BATCH) built.push(...(await Promise.all(planned.slice(i, i + BATCH).map(build))));
  const final = built.pop() as Built;
  let created = 0;
  const entries: Built["audit"] = [];
  const create = async ({ record, audit }: Built) => {
    try {
      await deps.cases.createCase(record);
      created++;
      entries.push(...audit);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // There from an interrupted seeding: the stored case keeps its own files; the ones made for this copy go.
      await discardAttachments(deps.blobs, { member: record.member, caseId: record.id }, record.attachments ?? []);
    }
  };
  for (let i = 0; i < built.length; i += BATCH) await Promise.all(built.slice(i, i + BATCH).map(create));
  entries.push(...final.audit);
  const since = addMonths(now, -DEMO_AUDIT_MONTHS).getTime();
  await appendInOrder(deps.audit, entries.filter((e) => e.at.getTime() >= since));
  await create(final);
  return { created };
}

/**
 * Appends the demo's audit entries to each member's log in time order (a member's one after the other, members side
 * by side). A member whose log has entries already got them from an interrupted seeding: appending again would only
 * repeat them, so it is left as it is (the cases that seeding did not finish then lack their entries).
 */
async function appendInOrder(audit: AuditLog, entries: Built["audit"]): Promise<void> {
  const byMember = new Map<string, Built["audit"]>();
  for (const entry of entries) byMember.set(entry.event.member, [...(byMember.get(entry.event.member) ?? []), entry]);
  await Promise.all(
    [...byMember].map(async ([member, list]) => {
      if ((await audit.list(member, { limit: 1 })).items.length > 0) return;
      for (const { event, at } of list.sort((a, b) => a.at.getTime() - b.at.getTime())) await audit.append(event, at);
    }),
  );
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

function content(p: PlannedCase, files: CheckedFile[]) {
  const contact =
    p.anonymity === "anoniem"
      ? undefined
      : { name: "Demomelder (fictief)", email: "demomelder@voorbeeld.invalid" };
  return {
    description: p.description,
    when: p.when,
    where: p.where,
    anonymity: p.anonymity,
    contact,
    ...(files.length ? { files: files.map(({ id, name }) => ({ id, name })) } : {}),
  };
}

/** For tests and the runner: the plan's size per member and the keys, without touching a store. */
export function demoCasePlan(): { key: string; id: string; member: string; documented: boolean; text: string }[] {
  return plan().map((p) => ({ key: p.key, id: demoCaseId(p.key), member: p.member, documented: Boolean(p.documented), text: [p.description, p.when, p.where].join(" ") }));
}
