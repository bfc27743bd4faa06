// Memory and CPU of each Lambda function, measured here because there is no AWS account (issue 7): a fresh `node`
// runs one bundle as Lambda would, with the function's environment and local endpoints (the embedded store, the local
// KMS stand-in, the S3/SES stand-in), and is invoked one event after another with the heaviest realistic work. Its
// peak RSS (`process.resourceUsage().maxRSS`) is what Lambda's "Max Memory Used" reports, less the runtime's own share;
// CPU time around a submission says how long it takes on a Lambda share of a vCPU. Baselines in the same run: a bare
// `node`, and the bare hono Lambda after one GET /health, so the figures read as "what our code adds".
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createLocalDeps, type LocalDeps } from "@meldpunt/local";
import { startLocalKms } from "../infra/test/local-kms";
import { MEMBER_KEY_ALIAS_PREFIX } from "../infra/src/names";
import { SIGNAL_KEY_SUFFIX } from "../infra/src/region-config";
import { startAwsStandIn, standInEnv } from "../test/support/aws-stand-in";
import { formFieldsIn, receiptCodeIn, solvePow } from "../test/support/local";
import { boardCase } from "./board-dashboard";
import { apiGatewayEvent, CHILD_CONTEXT, CHILD_TIMEOUT_MS } from "./cold-start";
import { benchCaseId, writeAll } from "./queue-p99";
import { round } from "./stats";
import { CONTENT_TYPE, noisePdf, reportBody } from "./submit-p99";

export interface LambdaBundles {
  api: string;
  bareHono: string;
  deadlineJob: string;
  retentionJob: string;
  statisticsJob: string;
}

export interface ApiStep {
  name: string;
  status: number;
  cpuMs: number;
  /** The child's RSS right after the step. */
  rssKiB: number;
}

export interface JobMemory {
  /** Peak RSS of a fresh child running the job once, at each store size of JOB_CASES. */
  maxRssKiB: number[];
  /** The growth between the two sizes, per 1,000 cases. */
  perThousandCasesKiB: number;
}

export interface LambdaMemory {
  bareNodeMaxRssKiB: number;
  bareHonoMaxRssKiB: number;
  apiMaxRssKiB: number;
  apiSteps: ApiStep[];
  /** CPU time of a submission without files, of one with ATTACHMENTS files, of the mailbox sign-in (scrypt each). */
  apiCpuMs: { submit: number; submitFiles: number; signIn: number };
  /** The API Gateway event of the submission with files, as JSON: what counts against Lambda's 6 MB. */
  attachmentsEventBytes: number;
  jobs: Record<"deadline" | "retention" | "statistics", JobMemory>;
  /** Cases of one member in the store at each job measurement. */
  jobCases: number[];
  seedMs: number;
  ms: number;
}

/** Lambda's limit on a synchronous invocation's payload: the whole event, with the body in base64. */
export const LAMBDA_PAYLOAD_BYTES = 6 * 1024 * 1024;
/**
 * Two PDFs of 1530 × 1530 pixels (2.3 MB each, noisePdf): as much as fits in LAMBDA_PAYLOAD_BYTES once base64 and the
 * event are around it (~6.0 MiB); a larger report never reaches the function.
 */
const ATTACHMENT_SIDE = 1530;
const ATTACHMENTS = 2;
/**
 * One member's cases when the jobs run: two sizes, for the growth. The statistics job holds one member's case metadata
 * at a time, so the cases are all one member's (Hoorn), spread over the last four years: the worst case for its memory.
 * The deadline job's first run over them is its heaviest: every overdue case is read, told and marked.
 */
export const JOB_CASES = [1_000, 3_000];
/** One member's cases the jobs are sized for: the board benchmark's largest member (5,000 a year, three years). */
export const SIZING_CASES = 15_000;
/** Lambda gives one full vCPU at 1,769 MB and a share in proportion below it. */
export const FULL_VCPU_MIB = 1_769;
/** The sizes the rule rounds up to: AWS Lambda Power Tuning's default candidates. */
export const LAMBDA_SIZES_MIB = [128, 256, 512, 1_024, 1_536, 3_008];

/** The rule (docs/cloud.md): at least twice the peak RSS, rounded up to the next of LAMBDA_SIZES_MIB. */
export function memoryRuleMiB(maxRssKiB: number): number {
  const size = LAMBDA_SIZES_MIB.find((mib) => mib >= (2 * maxRssKiB) / 1024);
  if (size === undefined) throw new Error(`a peak of ${maxRssKiB} KiB needs more than ${LAMBDA_SIZES_MIB.at(-1)} MiB`);
  return size;
}

/** Wall time of `cpuMs` of single-threaded work on a Lambda of `memoryMiB`, if its vCPU is as fast as a core here. */
export function cpuBoundMsAt(cpuMs: number, memoryMiB: number): number {
  return cpuMs * Math.max(1, FULL_VCPU_MIB / memoryMiB);
}

/** A job's peak RSS at SIZING_CASES, straight on from the two measured sizes. */
export function projectedKiB(job: JobMemory): number {
  return (job.maxRssKiB.at(-1) ?? 0) + (job.perThousandCasesKiB * (SIZING_CASES - (JOB_CASES.at(-1) ?? 0))) / 1000;
}

const MEMBER = "hoorn";
const REGION = "eu-west-1";
const BUCKET = "meldpunt-blobs";
const HUB_URL = "https://meldpunt.example";
const YEAR = 365 * 24 * 60 * 60 * 1000;

export async function measureLambdaMemory(bundles: LambdaBundles): Promise<LambdaMemory> {
  const start = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), "meldpunt-bench-memory-"));
  // The store, the region and the member keys of the embedded default; the KMS stand-in uses the same key files.
  const local = await createLocalDeps({ dataDir, logLevel: "SILENT" });
  const kms = await startLocalKms(join(dataDir, "keys"));
  const aws = await startAwsStandIn({ region: REGION, buckets: [BUCKET] });
  try {
    // What every function gets from Lambda and the stack, pointed at the local endpoints.
    const base = {
      ...standInEnv(aws, REGION),
      TABLE_NAME: local.tableName,
      DYNAMODB_ENDPOINT: local.dynamoEndpoint,
      AUDIT_KEY: randomBytes(32).toString("base64url"),
    };
    const bareNodeMaxRssKiB = await (await startChild(undefined, {})).end();
    const bareHono = await startChild(bundles.bareHono, {});
    await bareHono.invoke("health", apiGatewayEvent("GET", "/health"));
    const bareHonoMaxRssKiB = await bareHono.end();

    const api = await measureApi(bundles.api, {
      ...base,
      AWS_ENDPOINT_URL_KMS: kms.endpoint,
      BLOB_BUCKET: BUCKET,
      MEMBER_KEY_ALIAS_PREFIX,
      SIGNAL_KEY_ALIAS_SUFFIX: SIGNAL_KEY_SUFFIX,
      MAIL_SENDER: "meldpunt@meldpunt.example",
      HUB_URL,
      SUBMISSION_KEY: randomBytes(32).toString("base64url"),
      SESSION_KEY: randomBytes(32).toString("base64url"),
      // The staff side is built as in the cloud; no request here reaches the issuer.
      OIDC_ISSUER: local.issuer,
      OIDC_CLIENT_ID: "meldpunt-bench",
      OIDC_REDIRECT_URL: `${HUB_URL}/inloggen/terug`,
      OIDC_POST_LOGOUT_URL: `${HUB_URL}/uitgelogd`,
    });

    const jobs = {
      deadline: { file: bundles.deadlineJob, env: { ...base, MAIL_SENDER: "meldpunt@meldpunt.example", HUB_URL }, maxRssKiB: [] as number[] },
      retention: { file: bundles.retentionJob, env: { ...base, BLOB_BUCKET: BUCKET }, maxRssKiB: [] as number[] },
      statistics: { file: bundles.statisticsJob, env: base, maxRssKiB: [] as number[] },
    };
    let seedMs = 0;
    let seeded = 0;
    for (const cases of JOB_CASES) {
      const t = performance.now();
      await seedCases(local, seeded, cases - seeded);
      seeded = cases;
      seedMs += performance.now() - t;
      for (const [name, job] of Object.entries(jobs)) {
        const child = await startChild(job.file, job.env);
        try {
          const { response } = await child.invoke<Record<string, number>>(`${name} job`, SCHEDULED_EVENT);
          // A job that left work undone fails its invocation (scheduled-job.ts); the statistics job counts every case.
          if (name === "statistics" && (response.cases ?? 0) < cases) throw new Error(`the statistics job counted ${response.cases} cases, not ${cases}`);
          job.maxRssKiB.push(await child.end());
        } finally {
          child.kill();
        }
      }
    }
    if (aws.refused.length > 0) throw new Error(`the S3/SES stand-in refused requests: ${aws.refused.join("; ")}`);
    if (aws.mails.length === 0) throw new Error("the deadline job sent no notice: it did not do the work it is measured for");
    const growth = ({ maxRssKiB }: { maxRssKiB: number[] }): JobMemory => ({
      maxRssKiB,
      perThousandCasesKiB: (((maxRssKiB.at(-1) ?? 0) - (maxRssKiB[0] ?? 0)) * 1000) / ((JOB_CASES.at(-1) ?? 0) - (JOB_CASES[0] ?? 0)),
    });
    return {
      bareNodeMaxRssKiB,
      bareHonoMaxRssKiB,
      ...api,
      jobs: { deadline: growth(jobs.deadline), retention: growth(jobs.retention), statistics: growth(jobs.statistics) },
      jobCases: JOB_CASES,
      seedMs,
      ms: performance.now() - start,
    };
  } finally {
    await aws.close();
    await kms.close();
    await local.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The memory figures, the api's CPU-bound time at each size, and what the rule (docs/cloud.md) makes of them. */
export function printLambdaMemory(memory: LambdaMemory) {
  const mib = (kib: number) => round(kib / 1024);
  console.log(
    `memory (peak RSS): bare node ${mib(memory.bareNodeMaxRssKiB)} MiB, bare hono Lambda ${mib(memory.bareHonoMaxRssKiB)} MiB, api ${mib(memory.apiMaxRssKiB)} MiB → rule ${memoryRuleMiB(memory.apiMaxRssKiB)} MiB (${round(memory.ms / 1000)} s in all, seeding ${round(memory.seedMs / 1000)} s)`,
  );
  for (const s of memory.apiSteps) console.log(`  api ${s.name.padEnd(24)} ${s.status}  CPU ${String(round(s.cpuMs)).padStart(6)} ms, RSS after ${mib(s.rssKiB)} MiB`);
  console.log(`  the event with files: ${memory.attachmentsEventBytes} bytes (Lambda takes ${LAMBDA_PAYLOAD_BYTES})`);
  const { submit, submitFiles, signIn } = memory.apiCpuMs;
  console.log("  CPU-bound time by size (one vCPU at 1,769 MiB): submission, with files, mailbox sign-in");
  for (const size of LAMBDA_SIZES_MIB.filter((m) => m >= 512)) {
    console.log(`  ${String(size).padStart(5)} MiB: ${[submit, submitFiles, signIn].map((ms) => `${round(cpuBoundMsAt(ms, size))} ms`).join(", ")}`);
  }
  for (const [name, job] of Object.entries(memory.jobs)) {
    console.log(
      `  ${name} job: peak RSS ${job.maxRssKiB.map(mib).join(" → ")} MiB at ${memory.jobCases.join(" → ")} cases of one member (${mib(job.perThousandCasesKiB)} MiB per 1,000); at ${SIZING_CASES} about ${mib(projectedKiB(job))} MiB → rule ${memoryRuleMiB(projectedKiB(job))} MiB`,
    );
  }
}

type ApiFigures = Pick<LambdaMemory, "apiMaxRssKiB" | "apiSteps" | "apiCpuMs" | "attachmentsEventBytes">;

/**
 * The reporter's heaviest path, in the order a reporter takes it: the form, a report without files, one with the most
 * files Lambda lets through, then the mailbox of that report with its receipt code, and one file downloaded from it.
 * Each submission is on a form of its own from GET /melden, its proof of work solved here (not in the child) as the
 * browser solves it; the receipt code is hashed at the production scrypt cost, as the bundle always does.
 */
async function measureApi(file: string, env: Record<string, string>): Promise<ApiFigures> {
  const child = await startChild(file, env);
  try {
    return await reporterPath(child);
  } finally {
    child.kill();
  }
}

async function reporterPath(child: Child): Promise<ApiFigures> {
  const apiSteps: ApiStep[] = [];
  const step = async (name: string, event: object, status: number) => {
    const { response, cpuMs, rssKiB } = await child.invoke<ApiResponse>(name, event);
    if (response.statusCode !== status) throw new Error(`${name}: status ${response.statusCode}, expected ${status}: ${String(response.body).slice(0, 300)}`);
    apiSteps.push({ name, status: response.statusCode, cpuMs, rssKiB });
    return { ...response, cpuMs };
  };
  await step("GET /health", apiGatewayEvent("GET", "/health"), 200);
  const submit = async (name: string, n: number, files: Buffer[]) => {
    const form = formFieldsIn((await step("GET /melden", apiGatewayEvent("GET", "/melden"), 200)).body);
    const body = Buffer.concat(reportBody(n, { ...form, powNonce: solvePow(form.powChallenge) }, files));
    const event = apiGatewayEvent("POST", "/melden", { headers: { "content-type": CONTENT_TYPE }, body });
    const { body: receipt, cpuMs } = await step(name, event, 200);
    return { code: receiptCodeIn(receipt), eventBytes: JSON.stringify(event).length, cpuMs };
  };
  const plain = await submit("POST /melden", 1, []);
  const pdf = noisePdf(ATTACHMENT_SIDE);
  const { code, eventBytes, cpuMs } = await submit(`POST /melden, ${ATTACHMENTS} files`, 2, Array.from({ length: ATTACHMENTS }, () => pdf));
  if (eventBytes > LAMBDA_PAYLOAD_BYTES) throw new Error(`the event with files is ${eventBytes} bytes, more than Lambda takes (${LAMBDA_PAYLOAD_BYTES})`);

  const form = { "content-type": "application/x-www-form-urlencoded" };
  const signIn = await step("POST /opvolgen", apiGatewayEvent("POST", "/opvolgen", { headers: form, body: new URLSearchParams({ code }).toString() }), 303);
  const cookie = signIn.cookies?.find((c) => c.startsWith("__Host-meldpunt-brievenbus="))?.split(";")[0];
  if (!cookie) throw new Error("POST /opvolgen set no mailbox cookie");
  const mailbox = await step("GET /brievenbus", apiGatewayEvent("GET", "/brievenbus", { cookies: [cookie] }), 200);
  const files = [...mailbox.body.matchAll(/href="(\/brievenbus\/bijlage\/[0-9A-Z]{26})"/g)].map((m) => m[1] ?? "");
  if (files.length !== ATTACHMENTS) throw new Error(`the mailbox lists ${files.length} files, expected ${ATTACHMENTS}`);
  const download = await step("GET /brievenbus/bijlage", apiGatewayEvent("GET", files[0] ?? "", { cookies: [cookie] }), 200);
  if (Buffer.from(download.body, download.isBase64Encoded ? "base64" : "utf8").length !== pdf.length) throw new Error("the downloaded file is not the one sent");
  return {
    apiMaxRssKiB: await child.end(),
    apiSteps,
    apiCpuMs: { submit: plain.cpuMs, submitFiles: cpuMs, signIn: signIn.cpuMs },
    attachmentsEventBytes: eventBytes,
  };
}

/** Hoorn's cases `from`…`from + count`, received over the last four years (as the board benchmark writes them). */
async function seedCases(local: LocalDeps, from: number, count: number): Promise<void> {
  const member = (await local.deps.region.listMembers()).find((m) => m.id === MEMBER);
  if (!member) throw new Error(`the demo region has no member ${MEMBER}`);
  const now = new Date();
  await writeAll(local, count, (i) => boardCase(local, member, now.getTime() - 4 * YEAR, now.getTime() - 24 * 60 * 60 * 1000, from + i, now));
  if (!(await local.deps.cases.getCase(MEMBER, benchCaseId(`board-${from + count - 1}`)))) throw new Error("the seeded cases are not in the store");
}

/** What an EventBridge schedule rule hands the function it targets. */
const SCHEDULED_EVENT = {
  version: "0",
  id: "bench-schedule-1",
  "detail-type": "Scheduled Event",
  source: "aws.events",
  account: "123456789012",
  time: new Date().toISOString(),
  region: REGION,
  resources: ["arn:aws:events:eu-west-1:123456789012:rule/meldpunt-bench"],
  detail: {},
};

// Runs in the child: imports the bundle (none for the bare baseline), says "ready", then invokes the handler with each
// event the parent sends, one at a time, answering with the result, the CPU time of the invocation and the RSS after
// it; on "end" it answers its peak RSS and lets go of the channel, so the process ends on its own.
const CHILD = `
const [bundleUrl] = process.argv.slice(1);
const { handler } = bundleUrl ? await import(bundleUrl) : {};
${CHILD_CONTEXT}
process.on("message", async (message) => {
  if (message === "end") return process.send({ maxRssKiB: process.resourceUsage().maxRSS }, () => process.disconnect());
  try {
    const before = process.cpuUsage();
    const response = await handler(message, context);
    const used = process.cpuUsage(before);
    process.send({ response, cpuMs: (used.user + used.system) / 1000, rssKiB: Math.round(process.memoryUsage.rss() / 1024) });
  } catch (error) {
    process.send({ error: String(error && error.stack || error) });
  }
});
process.send("ready");
`;

interface ApiResponse {
  statusCode: number;
  body: string;
  isBase64Encoded?: boolean;
  cookies?: string[];
}

interface Invocation<R> {
  response: R;
  cpuMs: number;
  rssKiB: number;
}

interface Child {
  invoke<R>(name: string, event: object): Promise<Invocation<R>>;
  /** The child's peak RSS in KiB, once it has exited. */
  end(): Promise<number>;
  /** Stops a child left running by a failure (nothing if it has ended). */
  kill(): void;
}

/** A fresh `node` for one function, with only `env` (and PATH): nothing of this process (tsx, AWS settings) leaks in. */
async function startChild(bundleFile: string | undefined, env: Record<string, string>): Promise<Child> {
  const args = ["--input-type=module", "-e", CHILD, ...(bundleFile ? [pathToFileURL(bundleFile).href] : [])];
  const child = spawn(process.execPath, args, {
    env: { ...env, PATH: process.env.PATH ?? "" },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    timeout: CHILD_TIMEOUT_MS,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((done, fail) => {
    child.once("error", fail);
    child.once("close", (code, signal) => (code === 0 ? done() : fail(new Error(`the child exited with ${code ?? signal}:\n${output.slice(-2000)}`))));
  });
  // Any message, or the child's end: whichever comes first (an end before the answer is the child's failure).
  const next = <T>(what: string) =>
    Promise.race([
      new Promise<T>((done) => child.once("message", (message) => done(message as T))),
      exited.then(() => {
        throw new Error(`the child ended before ${what}:\n${output.slice(-2000)}`);
      }),
    ]);
  await next("it was ready");
  return {
    async invoke<R>(name: string, event: object) {
      child.send(event);
      const answer = await next<Invocation<R> | { error: string }>(name);
      if ("error" in answer) throw new Error(`${name} failed in the child: ${answer.error}`);
      return answer;
    },
    async end() {
      child.send("end");
      const { maxRssKiB } = await next<{ maxRssKiB: number }>("its peak RSS");
      await exited;
      return maxRssKiB;
    },
    kill: () => void child.kill(),
  };
}
