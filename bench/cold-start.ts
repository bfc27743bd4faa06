// Cold start of the api bundle, as a ratio to a bare Node start so the figure means the same on a slow or a fast
// machine: a fresh `node` imports the bundle and answers one API Gateway v2 `GET /health`, versus `node -e 0`.
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import { median } from "./stats";

export interface ColdStart {
  coldStartMs: number;
  bareNodeMs: number;
  /** The same measurement for a bare hono app behind the same adapter: the floor for any hono Lambda. */
  bareHonoMs: number;
  ratio: number;
  runs: number;
}

/** What API Gateway (HTTP API, payload format 2.0) sends for `GET /health`, trimmed to realistic fields only. */
export function healthEvent() {
  const now = Date.now();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: "/health",
    rawQueryString: "",
    headers: {
      accept: "application/json",
      host: "abc123.execute-api.eu-west-1.amazonaws.com",
      "user-agent": "meldpunt-bench",
      "x-forwarded-for": "127.0.0.1",
      "x-forwarded-port": "443",
      "x-forwarded-proto": "https",
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.eu-west-1.amazonaws.com",
      domainPrefix: "abc123",
      http: { method: "GET", path: "/health", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "meldpunt-bench" },
      requestId: "bench-request-1",
      routeKey: "$default",
      stage: "$default",
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    isBase64Encoded: false,
  };
}

// Runs in the child. It builds the Lambda context itself (functions cannot cross the process boundary), calls the
// handler once and fails loudly unless the answer is exactly the health answer. The process then exits on its own,
// so a handle left open at load time would show up as a slower cold start rather than be hidden by process.exit().
const CHILD = `
const [bundleUrl, eventJson] = process.argv.slice(1);
const { handler } = await import(bundleUrl);
const deadline = Date.now() + 29000;
const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: "meldpunt-api",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:meldpunt-api",
  memoryLimitInMB: "1024",
  awsRequestId: "bench-invocation-1",
  logGroupName: "/aws/lambda/meldpunt-api",
  logStreamName: "bench",
  getRemainingTimeInMillis: () => deadline - Date.now(),
  done() {}, fail() {}, succeed() {},
};
const res = await handler(JSON.parse(eventJson), context);
let body;
try { body = JSON.parse(res.body); } catch { body = res && res.body; }
if (!res || res.statusCode !== 200 || JSON.stringify(body) !== '{"status":"ok"}') {
  console.error("unexpected health answer: " + JSON.stringify(res));
  process.exit(1);
}
`;

/** Same env for both kinds of run; nothing inherited, so no loader (tsx) or AWS settings of ours leak in. */
const CHILD_ENV = { TABLE_NAME: "meldpunt", AWS_REGION: "eu-west-1", PATH: process.env.PATH ?? "" };

/** Bounded: a child that has not ended after this long is killed and the benchmark fails. */
const CHILD_TIMEOUT_MS = 30_000;

export async function measureColdStart(bundleFile: string, bareHonoFile: string, runs = 7): Promise<ColdStart> {
  const answer = (file: string) => ["--input-type=module", "-e", CHILD, pathToFileURL(file).href, JSON.stringify(healthEvent())];
  const series = { cold: answer(bundleFile), hono: answer(bareHonoFile), bare: ["-e", "0"] };
  const ms: Record<keyof typeof series, number[]> = { cold: [], hono: [], bare: [] };
  // One of each first, not counted: it warms the file cache, which a real run would otherwise pay only once.
  for (const args of Object.values(series)) await time(args);
  // Interleaved, so a noisy second on the machine hits every series alike.
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(series)) ms[name as keyof typeof series].push(await time(args));
  }
  const coldStartMs = median(ms.cold);
  const bareNodeMs = median(ms.bare);
  return { coldStartMs, bareNodeMs, bareHonoMs: median(ms.hono), ratio: coldStartMs / bareNodeMs, runs };
}

/** Wall time from spawn to exit of `node <args>`; throws with the child's output if it fails. */
function time(args: string[]): Promise<number> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { env: CHILD_ENV, stdio: ["ignore", "pipe", "pipe"], timeout: CHILD_TIMEOUT_MS });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.once("error", fail);
    child.once("close", (code, signal) => {
      const ms = performance.now() - start;
      if (code === 0) done(ms);
      else fail(new Error(`node ${args[0]} … exited with ${code ?? signal}:\n${output}`));
    });
  });
}
