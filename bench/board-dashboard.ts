// `boardDashboardMs` (issue 6): the board's dashboard for 10 members × 6 half-years with 5,000 cases per member-year
// (150,000 cases) on the embedded default, logged in as `bestuur` over real HTTP; the median of pages asked one at a
// time, beside the board's staff page (`/medewerker`, same session) as the baseline. Counted too: the store requests
// of one dashboard, with the statistics job's snapshots (docs/decisions.md 38) and without them (every case read, as
// before the job has run), and the statistics job's own time.
//
// Seeding 150,000 cases takes minutes, so the data folder is kept between runs (`.data/bench-board-<cases>/`,
// git-ignored) and reused when its marker says it was seeded with the same numbers; delete it to seed again. The
// cases are CaseRecords written with the hub's own store and sealed with its own sealer, as queue-p99.ts writes them,
// spread over the members' own desks, kinds, tracks, categories, routes, outcomes and deadlines.
import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type LocalDeps, startLocalHub } from "@meldpunt/local";
import { UNUSABLE_RECEIPT_HASH } from "@meldpunt/local/demo-cases";
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import {
  type CaseRecord,
  type CaseState,
  encodeContent,
  initialDeadlines,
  type Member,
  reporterDay,
  type SubcategoryCode,
} from "../packages/domain/src/index";
import { defaultBoardPeriod, halfYearOf, parsePeriod, periodsUpTo } from "../packages/domain/src/staff-side";
import { CookieJar, logIn } from "../test/support/browserless";
import { removeStatisticsSnapshots } from "../test/support/local";
import { requestsBetween, storeRequestCounter } from "../test/support/store-requests";
import { benchCaseId, writeAll } from "./queue-p99";
import { percentile } from "./stats";

export const BOARD_MEMBERS = 10;
export const BOARD_HALF_YEARS = 6;
export const BOARD_CASES_PER_MEMBER_YEAR = 5_000;
/** Dashboards asked one after the other for the median (after two uncounted). */
const PAGES = 15;
const BOARD_USER = "bestuur";
const DAY = 24 * 60 * 60 * 1000;
const ROOT = join(import.meta.dirname, "..");

export interface BoardDashboardFigures {
  /** Median of PAGES dashboards (the default half-year), with the job's snapshots. */
  dashboardMs: number;
  /** Median of the board's staff page the same way: the floor of a logged-in page. */
  staffPageMs: number;
  /** DynamoDB requests of one dashboard with the snapshots, and without them (before the job has run). */
  requests: { total: number; byOperation: Record<string, number> };
  liveRequests: { total: number; byOperation: Record<string, number> };
  /** One dashboard counted from the cases (no snapshots): what the job saves. */
  liveMs: number;
  /** The statistics job: wall time and its summary. */
  jobMs: number;
  jobCases: number;
  cases: number;
  members: number;
  /** Wall time of seeding, 0 when the kept folder was reused. */
  seedMs: number;
}

export async function measureBoardDashboard(casesPerMemberYear = BOARD_CASES_PER_MEMBER_YEAR): Promise<BoardDashboardFigures> {
  const now = new Date();
  const halfYears = periodsUpTo(halfYearOf(now), BOARD_HALF_YEARS).map(parsePeriod);
  const dataDir = join(ROOT, ".data", `bench-board-${casesPerMemberYear}`);
  const marker = join(dataDir, "seeded.json");
  const wanted = JSON.stringify({ members: BOARD_MEMBERS, halfYears: halfYears.map((h) => h.id), casesPerMemberYear });
  const seeded = (await readFile(marker, "utf8").catch(() => "")) === wanted;
  if (!seeded) await rm(dataDir, { recursive: true, force: true });

  const hub = await startLocalHub({ dataDir, port: 0, logLevel: "WARN" });
  const counter = storeRequestCounter(hub.dynamoEndpoint);
  try {
    const members = (await hub.deps.region.listMembers()).filter((m) => m.kind !== "regio").slice(0, BOARD_MEMBERS);
    if (members.length < BOARD_MEMBERS) throw new Error(`the demo region has ${members.length} members, the benchmark needs ${BOARD_MEMBERS}`);
    let seedMs = 0;
    const perHalf = casesPerMemberYear / 2;
    const cases = members.length * halfYears.length * perHalf;
    if (!seeded) {
      const t = performance.now();
      for (const [m, member] of members.entries()) {
        for (const [h, half] of halfYears.entries()) {
          // The running half-year's cases fall in its days so far.
          const end = Math.min(half.end.getTime(), now.getTime() - DAY);
          await writeAll(hub, perHalf, (i) => boardCase(hub, member, half.start.getTime(), end, (m * BOARD_HALF_YEARS + h) * perHalf + i, now));
        }
      }
      seedMs = performance.now() - t;
      await writeFile(marker, wanted);
    }

    const dashboardUrl = `${hub.url}/bestuur?periode=${defaultBoardPeriod(now)}`;
    const jar = new CookieJar();
    const login = await logIn(jar, dashboardUrl, BOARD_USER, DEMO_PASSWORD);
    if (login.back.res.status !== 200) throw new Error(`logging in as ${BOARD_USER} ended with ${login.back.res.status} at ${login.back.url}`);
    const cookie = jar.header(dashboardUrl);
    const page = async (url: string) => {
      const before = counter.snapshot();
      const t = performance.now();
      const res = await fetch(url, { headers: { cookie, accept: "text/html" }, redirect: "manual" });
      const text = await res.text();
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 200)}`);
      return { ms, requests: requestsBetween(before, counter.snapshot()) };
    };

    // Without snapshots: every member's cases read and counted (what a dashboard cost before the job, decision 37).
    await removeStatisticsSnapshots(hub);
    const live = await page(dashboardUrl);

    const t = performance.now();
    const job = await hub.runStatistics();
    const jobMs = performance.now() - t;

    const median = async (url: string) => {
      for (let i = 0; i < 2; i++) await page(url);
      const runs = [];
      for (let i = 0; i < PAGES; i++) runs.push(await page(url));
      const totals = new Set(runs.map((r) => JSON.stringify(r.requests)));
      if (totals.size !== 1) throw new Error(`${url}: store requests differ between pages: ${[...totals].join(" ")}`);
      return { ms: percentile(runs.map((r) => r.ms), 50), requests: runs[0]?.requests ?? { total: 0, byOperation: {} } };
    };
    const staffPage = await median(`${hub.url}/medewerker`);
    const dashboard = await median(dashboardUrl);
    return {
      dashboardMs: dashboard.ms,
      staffPageMs: staffPage.ms,
      requests: dashboard.requests,
      liveRequests: live.requests,
      liveMs: live.ms,
      jobMs,
      jobCases: job.cases,
      cases,
      members: members.length,
      seedMs,
    };
  } finally {
    counter.stop();
    await hub.close();
  }
}

// --- The cases ----------------------------------------------------------------------------------------------------

const SUBJECTS: [string, SubcategoryCode][] = [
  ["omgang", "omgang.pesten"],
  ["omgang", "omgang.agressie-geweld"],
  ["omgang", "omgang.seksuele-intimidatie"],
  ["omgang", "omgang.discriminatie"],
  ["belangen", "belangen.nevenwerkzaamheden"],
  ["belangen", "belangen.geschenken"],
  ["financieel", "financieel.declaratiefraude"],
  ["informatie", "informatie.lekken"],
  ["misstand", "misstand.schending-voorschrift"],
];
const PATHS: CaseState[][] = [
  ["ontvangen", "bevestigd"],
  ["ontvangen", "bevestigd", "triage"],
  ["ontvangen", "bevestigd", "triage", "gesloten"],
  ["ontvangen", "bevestigd", "triage", "doorverwezen"],
  ["ontvangen", "bevestigd", "triage", "afdoening-lijn", "gesloten"],
  ["ontvangen", "bevestigd", "triage", "vooronderzoek", "gesloten"],
  ["ontvangen", "bevestigd", "triage", "vooronderzoek", "feitenonderzoek", "rapport", "besluit", "maatregel", "gesloten"],
];
const ADVICE_PATHS: CaseState[][] = [["ontvangen"], ["ontvangen", "bevestigd"], ["ontvangen", "bevestigd", "gesloten"]];

/** One case of `member` received between `from` and `to`; its steps a few days apart and never after `now`. */
export async function boardCase(hub: LocalDeps, member: Member, from: number, to: number, n: number, now: Date): Promise<CaseRecord> {
  const r = (salt: number) => (((n + 1) * 2654435761 + salt * 40503) % 1000) / 1000;
  const id = benchCaseId(`board-${n}`);
  const advice = r(1) < 0.2;
  const [category, subcategory] = SUBJECTS[Math.floor(r(2) * SUBJECTS.length)] as [string, SubcategoryCode];
  const track = category === "misstand" ? "wbk" : r(3) < 0.06 ? "bestuurlijk" : "ambtelijk";
  const receivedAt = reporterDay(new Date(from + r(4) * (to - from)));
  const paths = advice ? ADVICE_PATHS : PATHS;
  const states = paths[Math.floor(r(5) * paths.length)] as CaseState[];
  let at = receivedAt.getTime();
  const history = [];
  for (const [k, state] of states.entries()) {
    if (k > 0) at += (1 + Math.floor(r(10 + k) * 20)) * DAY;
    if (at > now.getTime()) break;
    history.push({ at: new Date(at).toISOString(), state, by: k === 0 ? "melder" : "bench" });
  }
  const reached = history.map((h) => h.state);
  const last = reached.at(-1) as CaseState;
  const { ackDueAt, feedbackDueAt } = initialDeadlines(receivedAt);
  const feedbackAt = r(6) < 0.6 ? receivedAt.getTime() + (10 + Math.floor(r(7) * 100)) * DAY : undefined;
  const { dataKey, envelope } = await hub.deps.sealer.sealNew(
    { member: member.id, caseId: id },
    encodeContent({ description: `Benchmarkmelding ${n}.`, anonymity: "anoniem" }),
  );
  const closedAfterTriage = last === "gesloten" && !reached.includes("maatregel") && !reached.includes("afdoening-lijn");
  return {
    id,
    member: member.id,
    desk: advice ? (member.routes.vp ?? member.routes.integriteit) : member.routes.integriteit,
    kind: advice ? "advies" : "melding",
    track,
    state: last,
    channel: r(8) < 0.7 ? "webformulier" : "telefoon",
    categories: [category as CaseRecord["categories"][number]],
    subcategories: [subcategory],
    relation: r(9) < 0.5 ? "collega" : "leidinggevende",
    reporterType: "medewerker",
    receivedAt: receivedAt.toISOString(),
    ackDueAt: ackDueAt.toISOString(),
    feedbackDueAt: feedbackDueAt.toISOString(),
    ...(feedbackAt !== undefined && feedbackAt < now.getTime() ? { feedbackAt: new Date(feedbackAt).toISOString() } : {}),
    routeReasons: [],
    receipt: { locator: [...randomBytes(8)].map((b) => "0123456789ABCDEFGHJKMNPQRSTVWXYZ"[b & 31]).join(""), hash: UNUSABLE_RECEIPT_HASH },
    dataKey,
    content: envelope,
    history,
    outcome: advice
      ? {}
      : {
          ...(closedAfterTriage ? { closeReason: "geen-vermoeden" as const } : {}),
          ...(reached.includes("besluit") ? { conclusion: "schending-vastgesteld" as const } : {}),
          ...(reached.includes("maatregel") ? { measures: ["gesprek" as const] } : {}),
        },
    version: 1,
  };
}
