// `pnpm bench`: the api bundle's size, its cold start, each Lambda function's memory (and the api's CPU per
// submission), the report form page's weight, the hub's submission rate, the p99 latency of a submission with a 1 MB
// attachment under 20 clients, the p99 latency and store requests of a desk queue page with 5,000 cases in the member,
// and the board's dashboard over 150,000 cases.
// Human-readable figures first, then ONE JSON line last (for CI and for comparing runs); exits non-zero when a budget
// is broken.
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BARE_HONO_ENTRY, bundleApi, bundleEntry, DEADLINE_JOB_ENTRY, RETENTION_JOB_ENTRY, STATISTICS_JOB_ENTRY, staticClosureBytes, topInputs, topPackages } from "./bundle";
import { BOARD_CASES_PER_MEMBER_YEAR, BOARD_HALF_YEARS, measureBoardDashboard } from "./board-dashboard";
import { measureColdStart } from "./cold-start";
import { measureFormPage } from "./form-page";
import { measureLambdaMemory, printLambdaMemory } from "./lambda-memory";
import { measureQueueP99, QUEUE_CLOSED_CASES, QUEUE_DESK, QUEUE_MEMBER, QUEUE_OPEN_CASES, QUEUE_P99_CLIENTS, type StoreRequests } from "./queue-p99";
import { round } from "./stats";
import { type LatencyFigures, measureSubmitP99, SUBMIT_P99_CLIENTS } from "./submit-p99";
import { type LoadFigures, measureSubmitRate } from "./submit-rate";

const API_BUNDLE_BUDGET_KIB = 800;
/** Each scheduled job's bundle (issue 7). */
const JOB_BUNDLE_BUDGET_KIB = 600;
const COLD_START_BUDGET_RATIO = 2.5;
const COLD_START_RUNS = 7;
const FORM_PAGE_BUDGET_KIB = 150;
const QUEUE_P99_BUDGET_MS = 150;
const BOARD_DASHBOARD_BUDGET_MS = 1_000;
/** Store requests of one dashboard with the statistics job's snapshots: the staff record and one Query (decision 38). */
const BOARD_STORE_REQUESTS_BUDGET = 2;

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
// Fewer cases for a quick trial of the dashboard benchmark; the budget is for the default.
const boardCases = Number(process.env.BENCH_BOARD_CASES ?? BOARD_CASES_PER_MEMBER_YEAR);
if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) throw new Error(`BENCH_SECONDS must be 1..600, got ${process.env.BENCH_SECONDS}`);

const here = dirname(fileURLToPath(import.meta.url));

// 1. Bundle size: what Lambda downloads and parses on every cold start.
const bundle = await bundleApi(join(here, ".out/api"));
const apiBundleKiB = round(bundle.bytes / 1024);
const apiEntryKiB = round(bundle.entryBytes / 1024);
const apiColdClosureKiB = round(staticClosureBytes(bundle) / 1024);
console.log(
  `api bundle: ${apiBundleKiB} KiB (budget ${API_BUNDLE_BUDGET_KIB}), entry chunk ${apiEntryKiB} KiB, with its static imports ${apiColdClosureKiB} KiB → ${bundle.outfile}`,
);
console.log("  largest inputs (bytes in the output):");
for (const { path, bytes } of topInputs(bundle, 10)) console.log(`  ${kib(bytes)}  ${shortPath(path)}`);
console.log("  largest packages:");
for (const { name, bytes } of topPackages(bundle, 10)) console.log(`  ${kib(bytes)}  ${name}`);

// 1b. The scheduled jobs' bundles, as the stack deploys them beside the api.
const deadlineJob = await jobBundle("deadline job", DEADLINE_JOB_ENTRY, "deadline-job");
const retentionJob = await jobBundle("retention job", RETENTION_JOB_ENTRY, "retention-job");
const statisticsJob = await jobBundle("statistics job", STATISTICS_JOB_ENTRY, "statistics-job");
const jobBundleKiB = deadlineJob.kib;
const retentionJobBundleKiB = retentionJob.kib;
const statisticsJobBundleKiB = statisticsJob.kib;

// 2. Cold start, as a multiple of a bare Node start; a bare hono Lambda beside it shows the framework's floor.
const bareHono = await bundleEntry(BARE_HONO_ENTRY, join(here, ".out/bare-hono"));
const cold = await measureColdStart(bundle.outfile, bareHono.outfile, COLD_START_RUNS);
const coldStartRatio = round(cold.ratio, 2);
const bareHonoRatio = round(cold.bareHonoMs / cold.bareNodeMs, 2);
const coldStartVsBareHono = round(cold.coldStartMs / cold.bareHonoMs, 2);
console.log(
  `cold start: ${round(cold.coldStartMs)} ms median vs bare node ${round(cold.bareNodeMs)} ms → ×${coldStartRatio} (budget ×${COLD_START_BUDGET_RATIO}, ${cold.runs} runs each)`,
);
console.log(`  bare hono Lambda: ${round(cold.bareHonoMs)} ms → ×${bareHonoRatio} of bare node; the hub is ×${coldStartVsBareHono} of bare hono`);

// 2b. Memory and CPU of each function, run as Lambda runs it: the api on the reporter's heaviest path, the jobs over
// two store sizes; beside a bare node and the bare hono Lambda. Printed with what the rule of docs/cloud.md makes of it.
const memory = await measureLambdaMemory({
  api: bundle.outfile,
  bareHono: bareHono.outfile,
  deadlineJob: deadlineJob.outfile,
  retentionJob: retentionJob.outfile,
  statisticsJob: statisticsJob.outfile,
});
printLambdaMemory(memory);
const mib = (kib: number) => round(kib / 1024);

// 3. The report form page as Chromium loads it: the HTML and every asset, uncompressed.
const formPage = await measureFormPage();
const formPageKiB = round(formPage.totalBytes / 1024);
console.log(
  `form page /melden: ${formPageKiB} KiB (budget ${FORM_PAGE_BUDGET_KIB}): HTML ${kib(formPage.htmlBytes).trim()}, CSS ${kib(formPage.cssBytes).trim()}, ${formPage.responses.length} responses (${round(formPage.ms)} ms)`,
);
for (const { url, contentType, bytes } of formPage.responses) console.log(`  ${kib(bytes)}  ${new URL(url).pathname} (${contentType})`);

// 4. Submissions per second, as a fraction of a bare hello.
console.log(`load: 10 connections, ${seconds} s per phase (hello, then submissions)…`);
const rate = await measureSubmitRate(seconds);
printLoad("hello", rate.hello);
printLoad("submit", rate.submit);
const submitPerSecRatio = round(rate.ratio, 5);
console.log(`submissions/s ÷ hello/s: ${submitPerSecRatio}`);

// 5. p99 latency of a full submission with one 1 MB attachment, 20 concurrent clients, as a multiple of a bare hono
// app that reads the same multipart body.
console.log(`load: ${SUBMIT_P99_CLIENTS} clients, ${seconds} s per phase, one 1 MB attachment per request (bare hono, then submissions)…`);
const p99 = await measureSubmitP99(seconds);
printLatency("bare hono", p99.bareHono);
printLatency("submit", p99.submit);
const submitP99VsBareHono = round(p99.ratio, 2);
console.log(`submission p99 ÷ bare hono p99: ${submitP99VsBareHono} (attachment ${p99.attachmentBytes} bytes, ${round(p99.ms / 1000)} s in all)`);

// 6. The desk queue page with 5,000 cases in the member (100 open, 4,900 closed): p99 for one client (the budget) beside
// GET /health on the same hub, p99 under 10 clients, and the store requests of one queue page and one case page at 100
// and at 5,000 cases.
console.log(
  `load: 1 client, then ${QUEUE_P99_CLIENTS}, ${seconds} s per phase, queue /balie/${QUEUE_DESK} with ${QUEUE_OPEN_CASES + QUEUE_CLOSED_CASES} cases of ${QUEUE_MEMBER} (${QUEUE_OPEN_CASES} open, ${QUEUE_CLOSED_CASES} closed) (GET /health, then the queue)…`,
);
const queue = await measureQueueP99(seconds);
printLatency("health", queue.health);
printLatency("queue", queue.queue);
printLatency(`queue×${QUEUE_P99_CLIENTS}`, queue.queueLoaded);
const queueP99VsHealth = round(queue.ratio, 2);
console.log(`queue p99 ÷ health p99: ${queueP99VsHealth} (budget: queue p99 ≤ ${QUEUE_P99_BUDGET_MS} ms; page ${kib(queue.queuePageBytes).trim()}; seeding ${round(queue.seedMs / 1000)} s, ${round(queue.ms / 1000)} s in all)`);
for (const [label, stage] of [[`${QUEUE_OPEN_CASES} cases`, queue.at100], [`${QUEUE_OPEN_CASES + QUEUE_CLOSED_CASES} cases`, queue.at5000]] as const) {
  console.log(
    `  at ${label.padEnd(11)} store requests: queue page ${storeRequests(stage.queue)}, case page ${storeRequests(stage.casePage)}; one queue page alone ${round(stage.queueAlone.p50Ms)} ms (p50), ${round(stage.queueAlone.cpuMs)} ms CPU`,
  );
}

// 7. The board's dashboard over 10 members × 6 half-years, with the statistics job's snapshots and without them.
console.log(`board dashboard: 10 members × ${BOARD_HALF_YEARS} half-years, ${boardCases} cases per member-year (seeded once into .data/bench-board-${boardCases}/)…`);
const board = await measureBoardDashboard(boardCases);
const boardDashboardMs = round(board.dashboardMs);
console.log(
  `  dashboard ${boardDashboardMs} ms median (budget ${BOARD_DASHBOARD_BUDGET_MS}), staff page ${round(board.staffPageMs)} ms → ×${round(board.dashboardMs / board.staffPageMs, 1)}; store requests ${storeRequests(board.requests)}`,
);
console.log(
  `  without snapshots: ${round(board.liveMs)} ms, store requests ${storeRequests(board.liveRequests)}; statistics job ${round(board.jobMs / 1000, 1)} s over ${board.jobCases} cases${board.seedMs > 0 ? `; seeding ${round(board.seedMs / 1000)} s` : " (kept data reused)"}`,
);

const broken: string[] = [];
if (boardCases === BOARD_CASES_PER_MEMBER_YEAR && boardDashboardMs > BOARD_DASHBOARD_BUDGET_MS) broken.push(`board dashboard ${boardDashboardMs} ms > ${BOARD_DASHBOARD_BUDGET_MS} ms`);
if (board.requests.total > BOARD_STORE_REQUESTS_BUDGET) broken.push(`a board dashboard makes ${board.requests.total} store requests > ${BOARD_STORE_REQUESTS_BUDGET}`);
if (apiBundleKiB > API_BUNDLE_BUDGET_KIB) broken.push(`api bundle ${apiBundleKiB} KiB > ${API_BUNDLE_BUDGET_KIB} KiB`);
if (jobBundleKiB > JOB_BUNDLE_BUDGET_KIB) broken.push(`deadline job bundle ${jobBundleKiB} KiB > ${JOB_BUNDLE_BUDGET_KIB} KiB`);
if (retentionJobBundleKiB > JOB_BUNDLE_BUDGET_KIB) broken.push(`retention job bundle ${retentionJobBundleKiB} KiB > ${JOB_BUNDLE_BUDGET_KIB} KiB`);
if (statisticsJobBundleKiB > JOB_BUNDLE_BUDGET_KIB) broken.push(`statistics job bundle ${statisticsJobBundleKiB} KiB > ${JOB_BUNDLE_BUDGET_KIB} KiB`);
if (coldStartRatio > COLD_START_BUDGET_RATIO) broken.push(`cold start ×${coldStartRatio} > ×${COLD_START_BUDGET_RATIO}`);
if (formPageKiB > FORM_PAGE_BUDGET_KIB) broken.push(`form page ${formPageKiB} KiB > ${FORM_PAGE_BUDGET_KIB} KiB`);
const queueP99Ms = round(queue.queue.p99Ms);
if (queueP99Ms > QUEUE_P99_BUDGET_MS) broken.push(`queue page p99 ${queueP99Ms} ms > ${QUEUE_P99_BUDGET_MS} ms`);
if (queue.at5000.queue.total > queue.at100.queue.total) {
  broken.push(`a queue page grows with the member's cases: ${queue.at100.queue.total} store requests at ${QUEUE_OPEN_CASES} cases, ${queue.at5000.queue.total} at ${QUEUE_OPEN_CASES + QUEUE_CLOSED_CASES}`);
}
// A failed request means the rate is not a rate of submissions; say so rather than hide it in the ratio.
if (rate.submit.non2xx + rate.submit.errors > 0) console.log(`warning: ${rate.submit.non2xx} non-2xx answers and ${rate.submit.errors} errors during submissions`);
for (const [name, f] of [["bare hono", p99.bareHono], ["1 MB submission", p99.submit], ["/health", queue.health], ["queue page", queue.queue]] as const) {
  if (f.non2xx + f.errors > 0) console.log(`warning: ${f.non2xx} non-2xx answers and ${f.errors} errors during ${name} requests`);
}
for (const message of broken) console.log(`BUDGET BROKEN: ${message}`);

console.log(
  JSON.stringify({
    apiBundleKiB,
    apiBundleBudgetKiB: API_BUNDLE_BUDGET_KIB,
    jobBundleKiB,
    jobBundleBudgetKiB: JOB_BUNDLE_BUDGET_KIB,
    retentionJobBundleKiB,
    statisticsJobBundleKiB,
    coldStartRatio,
    coldStartBudgetRatio: COLD_START_BUDGET_RATIO,
    coldStartMs: round(cold.coldStartMs),
    bareNodeMs: round(cold.bareNodeMs),
    bareHonoColdStartMs: round(cold.bareHonoMs),
    bareHonoRatio,
    coldStartVsBareHono,
    apiEntryKiB,
    apiColdClosureKiB,
    apiMaxRssMiB: mib(memory.apiMaxRssKiB),
    apiSubmitCpuMs: round(memory.apiCpuMs.submit),
    apiSubmitFilesCpuMs: round(memory.apiCpuMs.submitFiles),
    apiSignInCpuMs: round(memory.apiCpuMs.signIn),
    deadlineJobMaxRssMiB: mib(memory.jobs.deadline.maxRssKiB.at(-1) ?? 0),
    retentionJobMaxRssMiB: mib(memory.jobs.retention.maxRssKiB.at(-1) ?? 0),
    statisticsJobMaxRssMiB: mib(memory.jobs.statistics.maxRssKiB.at(-1) ?? 0),
    deadlineJobRssMiBPer1000Cases: mib(memory.jobs.deadline.perThousandCasesKiB),
    retentionJobRssMiBPer1000Cases: mib(memory.jobs.retention.perThousandCasesKiB),
    statisticsJobRssMiBPer1000Cases: mib(memory.jobs.statistics.perThousandCasesKiB),
    jobMemoryCases: memory.jobCases.at(-1),
    bareNodeMaxRssMiB: mib(memory.bareNodeMaxRssKiB),
    bareHonoMaxRssMiB: mib(memory.bareHonoMaxRssKiB),
    formPageKiB,
    formPageBudgetKiB: FORM_PAGE_BUDGET_KIB,
    formPageHtmlKiB: round(formPage.htmlBytes / 1024),
    formPageCssKiB: round(formPage.cssBytes / 1024),
    submitPerSec: round(rate.submit.perSec, 2),
    submitNon2xx: rate.submit.non2xx,
    submitErrors: rate.submit.errors,
    // The rate phase's latencies (10 connections, no attachment); submitP99Ms below is the attachment phase's.
    submitRateP50Ms: rate.submit.latencyP50Ms,
    submitRateP99Ms: rate.submit.latencyP99Ms,
    helloPerSec: round(rate.hello.perSec),
    helloP50Ms: rate.hello.latencyP50Ms,
    helloP99Ms: rate.hello.latencyP99Ms,
    submitPerSecRatio,
    submitP99Ms: round(p99.submit.p99Ms),
    bareHonoP99Ms: round(p99.bareHono.p99Ms),
    submitP99VsBareHono,
    submitP99Count: p99.submit.ok,
    submitP99Non2xx: p99.submit.non2xx,
    submitP99Errors: p99.submit.errors,
    bareHonoP99Count: p99.bareHono.ok,
    bareHonoP99Non2xx: p99.bareHono.non2xx,
    bareHonoP99Errors: p99.bareHono.errors,
    queueP99Ms,
    queueP99BudgetMs: QUEUE_P99_BUDGET_MS,
    queueP50Ms: round(queue.queue.p50Ms),
    queueP99Ms10: round(queue.queueLoaded.p99Ms),
    queueP50Ms10: round(queue.queueLoaded.p50Ms),
    healthP99Ms: round(queue.health.p99Ms),
    healthP50Ms: round(queue.health.p50Ms),
    queueP99VsHealth,
    queueP99Count: queue.queue.ok,
    queueP99Non2xx: queue.queue.non2xx,
    queueP99Errors: queue.queue.errors,
    healthP99Count: queue.health.ok,
    queueStoreRequests: queue.at5000.queue.total,
    caseStoreRequests: queue.at5000.casePage.total,
    queueStoreRequests100: queue.at100.queue.total,
    caseStoreRequests100: queue.at100.casePage.total,
    queueAloneMs: round(queue.at5000.queueAlone.p50Ms),
    queueAloneMs100: round(queue.at100.queueAlone.p50Ms),
    queueCpuMs: round(queue.at5000.queueAlone.cpuMs),
    queueCpuMs100: round(queue.at100.queueAlone.cpuMs),
    queueCases: QUEUE_OPEN_CASES + QUEUE_CLOSED_CASES,
    queueOpenCases: QUEUE_OPEN_CASES,
    queueSeedMs: round(queue.seedMs),
    boardDashboardMs,
    boardDashboardBudgetMs: BOARD_DASHBOARD_BUDGET_MS,
    boardStaffPageMs: round(board.staffPageMs),
    boardDashboardVsStaffPage: round(board.dashboardMs / board.staffPageMs, 2),
    boardStoreRequests: board.requests.total,
    boardDashboardLiveMs: round(board.liveMs),
    boardLiveStoreRequests: board.liveRequests.total,
    statsJobMs: round(board.jobMs),
    boardCases: board.cases,
    benchSeconds: seconds,
    node: process.version,
    cpus: cpus().length,
  }),
);
process.exitCode = broken.length > 0 ? 1 : 0;

function printLoad(name: string, f: LoadFigures) {
  console.log(
    `  ${name.padEnd(6)} ${round(f.perSec, 1)}/s (2xx ${f.ok}, non-2xx ${f.non2xx}, errors ${f.errors}, ${f.seconds} s), latency p50 ${f.latencyP50Ms} ms, p99 ${f.latencyP99Ms} ms`,
  );
}

function printLatency(name: string, f: LatencyFigures) {
  console.log(
    `  ${name.padEnd(9)} ${f.ok} answers 2xx (non-2xx ${f.non2xx}, errors ${f.errors}, ${round(f.seconds, 1)} s), latency p50 ${round(f.p50Ms)} ms, p99 ${round(f.p99Ms)} ms${f.ok < 100 ? " (fewer than 100 answers: the p99 is the slowest one)" : ""}`,
  );
}

/** `5 (GetItem 1, Query 4)` */
function storeRequests(r: StoreRequests): string {
  return `${r.total} (${Object.entries(r.byOperation)
    .map(([op, n]) => `${op} ${n}`)
    .join(", ")})`;
}

/** A scheduled job's bundle, built as the stack deploys it: its size in KiB (printed) and its entry file. */
async function jobBundle(name: string, entry: string, dir: string): Promise<{ kib: number; outfile: string }> {
  const built = await bundleEntry(entry, join(here, ".out", dir));
  const kib = round(built.bytes / 1024);
  console.log(`${name} bundle: ${kib} KiB (budget ${JOB_BUNDLE_BUDGET_KIB})`);
  return { kib, outfile: built.outfile };
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1).padStart(7)} KiB`;
}

// pnpm's store paths are long; the package and file are what a reader needs.
function shortPath(path: string): string {
  const i = path.lastIndexOf("node_modules/");
  return i >= 0 ? path.slice(i + "node_modules/".length) : path;
}
