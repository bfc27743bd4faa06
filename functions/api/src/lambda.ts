// The Lambda entry: the same app as everywhere, wrapped by hono's adapter and middy for Lambda concerns.
// Nothing is constructed at module load: the first invocation builds the handler (and tests can build their own).
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { createFileInspector } from "@meldpunt/attachments";
import type { OidcLogin } from "@meldpunt/auth";
import { createSessions } from "@meldpunt/auth/sessions";
import { createAuditHasher, createMailboxSessions, createProofOfWork, createReceiptCodes, createSubmissionTokens, type MailboxSessions } from "@meldpunt/crypto";
import type { Clock, ProofOfWork, SubmissionTokens } from "@meldpunt/domain";
import middy from "@middy/core";
import type { Context } from "aws-lambda";
import { handle, type LambdaEvent } from "hono/aws-lambda";
import { type AppDeps, createApp } from "./app";
import type { CloudAdapters } from "./cloud-deps";
import { lazyPort } from "./lazy-port";
import { lazyRoutes } from "./lazy-routes";
import { originCheck } from "./origin-check";
import { type StaffSettings, staffSettings } from "./staff-env";

export function buildHandler(env: Record<string, string | undefined>) {
  const logger = new Logger({ serviceName: "meldpunt-api" });
  const clock: Clock = { now: () => new Date() };
  const staff = staffSettings(env);
  // The AWS SDK adapters are a separate chunk of the bundle, loaded once, by the first request that needs them.
  let adapters: Promise<CloudAdapters> | undefined;
  const load = () => (adapters ??= import("./cloud-deps").then((m) => m.cloudAdapters(env)));
  const adapter: AdapterOf = (name) => lazyPort(async () => (await load())[name]);
  const app = createApp({
    cases: adapter("cases"),
    region: adapter("region"),
    sealer: adapter("sealer"),
    throttle: adapter("throttle"),
    blobs: adapter("blobs"),
    logos: adapter("logos"),
    inspector: createFileInspector(LAMBDA_UPLOADS),
    receipts: createReceiptCodes(),
    ...submissionKeyed(env, clock),
    ...(staff ? staffSide(staff, env, adapter, load, clock) : {}),
    clock,
    logger,
  });
  // ORIGIN_KEY: what CloudFront sends in the origin header; a request without it skipped the WAF (./origin-check.ts).
  const fromCloudFront = originCheck(env.ORIGIN_KEY);
  const appHandler = async (event: LambdaEvent, context: Context) => (fromCloudFront(event.headers) ? handle(app)(event, context) : NOT_THROUGH_CLOUDFRONT);
  return middy(appHandler).use(injectLambdaContext(logger, { resetKeys: true }));
}

/**
 * What one request can carry here (docs/cloud.md, "Uploads"): Lambda takes at most 6 MB of event, and API Gateway sends
 * a multipart body base64-encoded (4/3 larger), beside the form's text (≤ 256 KiB) and the headers. 4 MB of files in
 * all fits with room; the pages say so and /assets/files.js stops a larger choice before it is sent. The presigned
 * upload that would take the full 5 × 10 MB is not built (decision 26).
 */
const LAMBDA_UPLOADS = { maxBytes: 4 * 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024 };

/** Plain and short: whoever sends a request to the API's own address learns nothing from the answer. */
const NOT_THROUGH_CLOUDFRONT: { statusCode: number; headers: Record<string, string>; body: string; isBase64Encoded: boolean; cookies?: string[] } = {
  statusCode: 403,
  headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  body: "Forbidden",
  isBase64Encoded: false,
};

type AdapterOf = <K extends Exclude<keyof CloudAdapters, "auditLog">>(name: K) => CloudAdapters[K];

/**
 * Staff login and everything the staff pages use, from the settings in the environment (./staff-env.ts). Only the
 * session sealer is built here (jose loads on its first use); the staff pages, openid-client, the SES mailer and the
 * AWS SDK adapters are chunks of their own, imported by the first request that needs them (a reporter's cold start
 * parses none of them).
 */
function staffSide(
  settings: StaffSettings,
  env: Record<string, string | undefined>,
  adapter: AdapterOf,
  load: () => Promise<CloudAdapters>,
  clock: Clock,
): Partial<AppDeps> {
  const oidc = lazyPort(async () => (await import("@meldpunt/auth/oidc")).createOidcLogin(settings.login));
  // The issuer without discovery: every page's CSP names its origin (the logout form may lead there).
  const login: OidcLogin = { issuer: new URL(settings.login.issuer).href, start: oidc.start, finish: oidc.finish, logoutUrl: oidc.logoutUrl };
  const hasher = createAuditHasher({ key: settings.auditKey });
  const library = adapter("library");
  return {
    auth: { login, sessions: createSessions({ key: settings.sessionKey, clock }), staff: adapter("staff") },
    audit: lazyPort(async () => (await load()).auditLog(hasher)),
    tags: adapter("tags"),
    signals: adapter("signals"),
    statistics: adapter("statistics"),
    notices: { mailer: lazyPort(async () => (await import("./ses-mail")).sesMailer(env, settings.mail)), hubUrl: settings.hubUrl },
    staffSide: (deps) => lazyRoutes(async () => (await import("./staff-side")).staffSide({ ...deps, library })),
  };
}

/**
 * SUBMISSION_KEY: 32 bytes, base64url, the same in every instance (a retry may reach another one). It keys the form
 * tokens, the proof of work's challenges and the mailbox sessions (docs/decisions.md 21, 24). Without it the report
 * form and the mailbox cannot be used, but the function still starts and answers /health.
 */
function submissionKeyed(
  env: Record<string, string | undefined>,
  clock: Clock,
): { tokens: SubmissionTokens; pow: ProofOfWork; mailbox: MailboxSessions } {
  const key = env.SUBMISSION_KEY ? Buffer.from(env.SUBMISSION_KEY, "base64url") : undefined;
  if (key?.length === 32) {
    return { tokens: createSubmissionTokens({ key }), pow: createProofOfWork({ key }), mailbox: createMailboxSessions({ key, clock }) };
  }
  const missing = () => {
    throw new Error("SUBMISSION_KEY is not set to 32 bytes (base64url)");
  };
  return {
    tokens: { issue: missing, derive: missing, fingerprint: missing },
    pow: { bits: 0, fallbackDelaySeconds: 0, challenge: missing, verify: missing },
    mailbox: { idleSeconds: 0, create: missing, resume: missing, csrfMatches: missing },
  };
}

let built: ReturnType<typeof buildHandler> | undefined;

export const handler = (event: LambdaEvent, context: Context) => {
  built ??= buildHandler(process.env);
  return built(event, context);
};
