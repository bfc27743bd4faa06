// The Lambda entry: the same app as everywhere, wrapped by hono's adapter and middy for Lambda concerns.
// Nothing is constructed at module load: the first invocation builds the handler (and tests can build their own).
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { createFileInspector } from "@meldpunt/attachments";
import { createMailboxSessions, createProofOfWork, createReceiptCodes, createSubmissionTokens, type MailboxSessions } from "@meldpunt/crypto";
import type { Clock, ProofOfWork, SubmissionTokens } from "@meldpunt/domain";
import middy from "@middy/core";
import type { Context } from "aws-lambda";
import { handle, type LambdaEvent } from "hono/aws-lambda";
import { type AppDeps, createApp } from "./app";
import { lazyPort } from "./lazy-port";

export function buildHandler(env: Record<string, string | undefined>) {
  const logger = new Logger({ serviceName: "meldpunt-api" });
  const clock: Clock = { now: () => new Date() };
  // The AWS SDK adapters are a separate chunk of the bundle, loaded once, by the first request that needs them.
  let adapters: Promise<Pick<AppDeps, "cases" | "region" | "sealer" | "throttle" | "blobs">> | undefined;
  const load = () => (adapters ??= import("./cloud-deps").then((m) => m.cloudAdapters(env)));
  const app = createApp({
    cases: lazyPort(async () => (await load()).cases),
    region: lazyPort(async () => (await load()).region),
    sealer: lazyPort(async () => (await load()).sealer),
    throttle: lazyPort(async () => (await load()).throttle),
    blobs: lazyPort(async () => (await load()).blobs),
    inspector: createFileInspector(),
    receipts: createReceiptCodes(),
    ...submissionKeyed(env, clock),
    clock,
    logger,
  });
  const appHandler = (event: LambdaEvent, context: Context) => handle(app)(event, context);
  return middy(appHandler).use(injectLambdaContext(logger, { resetKeys: true }));
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
