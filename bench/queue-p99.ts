// The desk queue page with 5,000 cases in the member (workspace issue): its p99 latency on the local hub (embedded
// default) as a coordinator sees it (one client asking page after page: the budgeted `queueP99Ms`), beside GET /health
// on the same hub the same way; its p99 under 10 concurrent clients too (`queueP99Ms10`: a whole desk refreshing at once
// on one embedded process, where latency is mostly waiting for the other nine); and the number of store requests one
// queue page and one case page make, at 100 and at 5,000 cases in the member.
//
// The member: Gemeente Hoorn, desk hoorn-integriteit (which also serves the Westfries Archief, whose queue is empty
// here), seen by its coordinator `bi-hoorn`, logged in over real HTTP through the embedded OpenID provider
// (test/support/browserless.ts). First 100 open cases are written (the "100 cases" figures), then 4,900 closed ones
// (state `gesloten`, as a member collects them over the years): the same queue, 49 times as many cases behind it.
//
// The cases are CaseRecords built here and written with the hub's own store (`deps.cases.createCase`, one conditional
// PutItem each, in parallel batches), their content sealed with the hub's own sealer (`deps.sealer.sealNew`, each case
// under its own context: the additional data binds member and case). Nothing goes through the report form: that is
// submit-rate.ts's subject, and 5,000 production-cost scrypts would take minutes.
//
// Store requests are counted on the wire (test/support/store-requests.ts): every request the hub's DynamoDB client
// sends to the embedded store, by operation.
//
// Latency is taken as in submit-p99.ts: N clients, each a loop of one GET at a time over a keep-alive connection of
// its own (node:http), one second of warm-up and then `seconds` per phase; a request sent before the end is waited for
// and counted; the p99 is the nearest rank over every 2xx answer, on fractional milliseconds.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalDeps, type LocalHub, startLocalHub } from "@meldpunt/local";
import { UNUSABLE_RECEIPT_HASH } from "@meldpunt/local/demo-cases";
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
// The domain's own record type, deadlines and content encoding, so the seeded cases are what the hub writes. Imported
// by path: the bench package depends on @meldpunt/local only, and this keeps the lockfile as it is.
import { type CaseRecord, type CaseState, encodeContent, type HistoryEntry, initialDeadlines, reporterDay } from "../packages/domain/src/index";
import { QUEUE_PAGE_SIZE } from "../packages/domain/src/staff-side";
import { CookieJar, logIn } from "../test/support/browserless";
import { requestsBetween, type StoreRequestCounter, storeRequestCounter } from "../test/support/store-requests";
import { closedLoop, type LatencyFigures, percentile } from "./stats";


export const QUEUE_P99_CLIENTS = 10;
export const QUEUE_MEMBER = "hoorn";
export const QUEUE_DESK = "hoorn-integriteit";
export const QUEUE_OPEN_CASES = 100;
export const QUEUE_CLOSED_CASES = 4_900;
const STAFF_USER = "bi-hoorn";
const REQUEST_TIMEOUT_MS = 30_000;
/** Cases written at once: dynalite is in this process, so more in flight only queue up in front of it. */
const SEED_BATCH = 50;
/** Each page is counted this many times; the counts must agree, or the figure is not a per-page figure. */
const COUNT_REPEATS = 3;
/** Pages asked one at a time for the "alone" figures, after as many uncounted (about a second each). */
const ALONE_PAGES = 30;
const ALONE_WARM_UP_PAGES = 30;
/** The open states a queue shows, in the order of the lifecycle (doorverwezen and gesloten are out of the queue). */
const OPEN_STATES: CaseState[] = ["ontvangen", "bevestigd", "triage", "vooronderzoek", "feitenonderzoek", "rapport", "besluit", "maatregel", "afdoening-lijn"];

export interface StoreRequests {
  /** DynamoDB requests for one page, whatever the operation. */
  total: number;
  /** By operation (`GetItem`, `Query`, `PutItem`, …). */
  byOperation: Record<string, number>;
}

/** What one queue page and one case page cost at a number of cases in the member, each asked alone. */
export interface Stage {
  queue: StoreRequests;
  casePage: StoreRequests;
  /** One queue page at a time (no other load): the median latency and the whole process's CPU time per page. */
  queueAlone: { p50Ms: number; cpuMs: number };
}

export interface QueueP99 {
  /** One client, page after page: what a coordinator sees (the budgeted figure), and /health the same way. */
  health: LatencyFigures;
  queue: LatencyFigures;
  /** QUEUE_P99_CLIENTS clients at once. */
  queueLoaded: LatencyFigures;
  /** queue p99 ÷ health p99. */
  ratio: number;
  /** At 100 cases in the member, all open. */
  at100: Stage;
  /** At 5,000: the same 100 open and 4,900 closed. */
  at5000: Stage;
  openCases: number;
  closedCases: number;
  /** Wall time of sealing and writing the 5,000 cases. */
  seedMs: number;
  /** Bytes of one queue page's HTML. */
  queuePageBytes: number;
  /** Wall time of the whole measurement: the hub's start and stop, seeding, counting and both phases. */
  ms: number;
}

export async function measureQueueP99(seconds: number): Promise<QueueP99> {
  const started = performance.now();
  // A fresh data folder: the figure must not depend on what an earlier run left in the store.
  const dataDir = await mkdtemp(join(tmpdir(), "meldpunt-bench-queue-"));
  try {
    const hub = await startLocalHub({ dataDir, port: 0, logLevel: "WARN" });
    const counter = storeRequestCounter(hub.dynamoEndpoint);
    try {
      const queueUrl = `${hub.url}/balie/${QUEUE_DESK}`;
      const jar = new CookieJar();
      const login = await logIn(jar, queueUrl, STAFF_USER, DEMO_PASSWORD);
      if (login.back.res.status !== 200 || !login.html.includes('data-testid="queue-counts"')) {
        throw new Error(`logging in as ${STAFF_USER} did not end on the queue: ${login.back.res.status} at ${login.back.url}`);
      }
      const cookie = jar.header(queueUrl);

      let seedMs = 0;
      const seed = async (count: number, record: (i: number) => Promise<CaseRecord>) => {
        const t = performance.now();
        await writeAll(hub, count, record);
        seedMs += performance.now() - t;
      };
      const openIds = Array.from({ length: QUEUE_OPEN_CASES }, (_, i) => benchCaseId(`open-${i}`));
      await seed(QUEUE_OPEN_CASES, (i) => openCase(hub, openIds[i] as string, i));
      const casePage = `${hub.url}/balie/${QUEUE_DESK}/${QUEUE_MEMBER}/${openIds[0]}`;
      const stage = async (): Promise<Stage> => ({
        queue: await countPage(counter, queueUrl, cookie, QUEUE_OPEN_CASES),
        casePage: await countPage(counter, casePage, cookie),
        queueAlone: await alone(queueUrl, cookie),
      });
      const at100 = await stage();

      await seed(QUEUE_CLOSED_CASES, (i) => closedCase(hub, benchCaseId(`closed-${i}`), i));
      const at5000 = await stage();
      const queuePageBytes = Buffer.byteLength(await (await get(queueUrl, cookie)).text);

      // The baseline first, then the queue, on the same hub with the same clients. A 200 is the page itself: without a
      // valid session the queue answers with a redirect to the login.
      const healthUrl = `${hub.url}/health`;
      const healthAnswer = await get(healthUrl, "");
      if (healthAnswer.status !== 200 || !healthAnswer.text.includes('"ok"')) throw new Error(`GET /health answered ${healthAnswer.status} ${healthAnswer.text}`);
      const health = await load(healthUrl, seconds, {}, 1);
      const queue = await load(queueUrl, seconds, { cookie, accept: "text/html" }, 1);
      const queueLoaded = await load(queueUrl, seconds, { cookie, accept: "text/html" }, QUEUE_P99_CLIENTS);
      return {
        health,
        queue,
        queueLoaded,
        ratio: queue.p99Ms / health.p99Ms,
        at100,
        at5000,
        openCases: QUEUE_OPEN_CASES,
        closedCases: QUEUE_CLOSED_CASES,
        seedMs,
        queuePageBytes,
        ms: performance.now() - started,
      };
    } finally {
      counter.stop();
      await hub.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

// --- The cases ----------------------------------------------------------------------------------------------------

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A fixed 26-character Crockford id per label (the case routes accept only that shape). */
export function benchCaseId(label: string): string {
  return [...createHash("sha256").update(`meldpunt-bench-case/${label}`).digest().subarray(0, 26)].map((b) => CROCKFORD[b & 31]).join("");
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * An open case of the desk: received in the last 150 days, its state one of the nine open ones in turn, its history
 * the lifecycle up to that state. Some acknowledgements and feedback are overdue, some due soon, as in a real queue.
 */
function openCase(hub: LocalHub, id: string, i: number): Promise<CaseRecord> {
  const state = OPEN_STATES[i % OPEN_STATES.length] as CaseState;
  const receivedAt = reporterDay(new Date(Date.now() - ((i * 37) % 150) * DAY - DAY));
  return build(hub, id, receivedAt, OPEN_STATES.slice(0, OPEN_STATES.indexOf(state) + 1), i);
}

/** A closed case: received some day in the last five years, acknowledged, triaged and closed. */
function closedCase(hub: LocalHub, id: string, i: number): Promise<CaseRecord> {
  const receivedAt = reporterDay(new Date(Date.now() - (160 + ((i * 7919) % 1650)) * DAY));
  return build(hub, id, receivedAt, ["ontvangen", "bevestigd", "triage", "gesloten"], i);
}

async function build(hub: LocalHub, id: string, receivedAt: Date, states: CaseState[], i: number): Promise<CaseRecord> {
  const { ackDueAt, feedbackDueAt } = initialDeadlines(receivedAt);
  // Each step a few days after the previous one, and never later than now.
  const history: HistoryEntry[] = states.map((state, k) => ({
    at: new Date(Math.min(receivedAt.getTime() + k * 4 * DAY + (k === 0 ? 0 : 9 * 60 * 60 * 1000), Date.now() - 60_000)).toISOString(),
    state,
    by: k === 0 ? "melder" : "demo-bi-hoorn",
  }));
  const content = encodeContent({
    description: `Benchmarkmelding ${i}: een collega wordt in het teamoverleg steeds onderbroken en belachelijk gemaakt. Dit gebeurt al enkele maanden.`,
    when: "Sinds een paar maanden",
    where: "Op het gemeentehuis",
    anonymity: "anoniem",
  });
  const { dataKey, envelope } = await hub.deps.sealer.sealNew({ member: QUEUE_MEMBER, caseId: id }, content);
  return {
    id,
    member: QUEUE_MEMBER,
    desk: QUEUE_DESK,
    kind: "melding",
    track: "ambtelijk",
    state: states[states.length - 1] as CaseState,
    channel: "webformulier",
    categories: ["omgang"],
    subcategories: ["omgang.pesten"],
    relation: "collega",
    reporterType: "medewerker",
    receivedAt: receivedAt.toISOString(),
    ackDueAt: ackDueAt.toISOString(),
    feedbackDueAt: feedbackDueAt.toISOString(),
    routeReasons: [],
    // No code opens these cases: the hash is not a hash (as the demo cases' are), and no scrypt is paid for it.
    receipt: { locator: [...randomBytes(8)].map((b) => CROCKFORD[b & 31]).join(""), hash: UNUSABLE_RECEIPT_HASH },
    dataKey,
    content: envelope,
    history,
    version: 1,
  };
}

/** Builds, seals and writes `count` cases, SEED_BATCH at a time, with the hub's store. */
export async function writeAll(hub: LocalDeps, count: number, record: (i: number) => Promise<CaseRecord>): Promise<void> {
  for (let start = 0; start < count; start += SEED_BATCH) {
    const batch = Array.from({ length: Math.min(SEED_BATCH, count - start) }, (_, k) => start + k);
    await Promise.all(batch.map(async (i) => hub.deps.cases.createCase(await record(i))));
  }
}

// --- Counting store requests (test/support/store-requests.ts) -----------------------------------------------------

/**
 * The store requests of one page, asked alone (nothing else runs in the hub): the difference in the counts from
 * before the request to a moment after its last byte. Asked COUNT_REPEATS times after one uncounted request; the
 * counts must agree. `openCases`, for the queue: the page must list that many open cases (up to a page).
 */
async function countPage(counter: StoreRequestCounter, url: string, cookie: string, openCases?: number): Promise<StoreRequests> {
  const check = async () => {
    const { status, text } = await get(url, cookie);
    if (status !== 200) throw new Error(`${url} answered ${status}: ${text.slice(0, 200)}`);
    if (openCases !== undefined) {
      // The first page of the queue, and the count of every open case of the desk (the closed ones are not in it).
      const rows = text.match(/data-case="/g)?.length ?? 0;
      const open = /data-testid="queue-counts">\s*(\d+) open/.exec(text)?.[1];
      if (rows !== Math.min(openCases, QUEUE_PAGE_SIZE) || open !== String(openCases)) {
        throw new Error(`the queue lists ${rows} cases of ${open} open, expected ${Math.min(openCases, QUEUE_PAGE_SIZE)} of ${openCases}`);
      }
    }
  };
  await check();
  const seen: StoreRequests[] = [];
  for (let i = 0; i < COUNT_REPEATS; i++) {
    const before = counter.snapshot();
    await check();
    // Anything the page starts and does not wait for would land here.
    await new Promise((done) => setTimeout(done, 50));
    seen.push(requestsBetween(before, counter.snapshot()));
  }
  const [first] = seen;
  if (!first || seen.some((s) => JSON.stringify(s) !== JSON.stringify(first))) throw new Error(`${url}: store requests differ between repeats: ${JSON.stringify(seen)}`);
  return first;
}

/**
 * ALONE_PAGES pages one after the other, nothing else running: the median latency, and the CPU time of this whole
 * process per page (the hub, the embedded store and the client, which share it), so the latency under load can be
 * read as a queue in front of that much work.
 */
async function alone(url: string, cookie: string): Promise<{ p50Ms: number; cpuMs: number }> {
  const latencies: number[] = [];
  // The same client as the load: node:http over one keep-alive connection.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // Uncounted first: at 100 cases the code is still young (few pages asked so far), at 5,000 it is not.
    for (let i = 0; i < ALONE_WARM_UP_PAGES; i++) await send(agent, url, { cookie, accept: "text/html" });
    const cpu = process.cpuUsage();
    for (let i = 0; i < ALONE_PAGES; i++) {
      const sent = performance.now();
      const status = await send(agent, url, { cookie, accept: "text/html" });
      if (status !== 200) throw new Error(`${url} answered ${status}`);
      latencies.push(performance.now() - sent);
    }
    const used = process.cpuUsage(cpu);
    return { p50Ms: percentile(latencies, 50), cpuMs: (used.user + used.system) / 1000 / ALONE_PAGES };
  } finally {
    agent.destroy();
  }
}

// --- Load ---------------------------------------------------------------------------------------------------------

async function get(url: string, cookie: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { headers: { cookie, accept: "text/html" }, redirect: "manual" });
  return { status: res.status, text: await res.text() };
}

/** One GET with node:http, the answer read to its last byte. */
function send(agent: Agent, url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(url, { agent, headers, timeout: REQUEST_TIMEOUT_MS });
    req.once("timeout", () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.once("error", fail);
    req.once("response", (res) => {
      res.resume();
      res.once("end", () => done(res.statusCode ?? 0));
      res.once("error", fail);
    });
    req.end();
  });
}

/** `clients` clients, each one GET at a time. */
function load(url: string, seconds: number, headers: Record<string, string>, clients: number): Promise<LatencyFigures> {
  return closedLoop({ url, seconds, clients, prepare: () => undefined, send: (agent) => send(agent, url, headers) });
}
