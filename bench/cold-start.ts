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
  return apiGatewayEvent("GET", "/health", { headers: { accept: "application/json" } });
}

/**
 * Any request as API Gateway (HTTP API, payload format 2.0) hands it to the function: cookies in `cookies`, a binary
 * body (a multipart form with files) base64 with `isBase64Encoded`.
 */
export function apiGatewayEvent(method: string, path: string, init: { headers?: Record<string, string>; cookies?: string[]; body?: Buffer | string } = {}) {
  const now = Date.now();
  const [rawPath = path, rawQueryString = ""] = path.split(/\?(.*)/s);
  const binary = Buffer.isBuffer(init.body);
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString,
    ...(init.cookies ? { cookies: init.cookies } : {}),
    headers: {
      accept: "text/html",
      host: "abc123.execute-api.eu-west-1.amazonaws.com",
      "user-agent": "meldpunt-bench",
      "x-forwarded-for": "127.0.0.1",
      "x-forwarded-port": "443",
      "x-forwarded-proto": "https",
      ...init.headers,
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.eu-west-1.amazonaws.com",
      domainPrefix: "abc123",
      http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "meldpunt-bench" },
      requestId: "bench-request-1",
      routeKey: "$default",
      stage: "$default",
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    ...(init.body === undefined ? {} : { body: binary ? init.body.toString("base64") : init.body }),
    isBase64Encoded: binary,
  };
}

/** JavaScript for a child: a minimal Lambda context as `context` (functions cannot cross the process boundary). */
export const CHILD_CONTEXT = `
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
`;

// Runs in the child. It builds the Lambda context itself (CHILD_CONTEXT), calls the handler once and fails loudly
// unless the answer is exactly the health answer. The process then exits on its own, so a handle left open at load
// time would show up as a slower cold start rather than be hidden by process.exit().
const CHILD = `
const [bundleUrl, eventJson] = process.argv.slice(1);
const { handler } = await import(bundleUrl);
${CHILD_CONTEXT}
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
export const CHILD_TIMEOUT_MS = 30_000;

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
