// The deadline job's Lambda entry (docs/decisions.md 31), invoked daily by a schedule (EventBridge). The same use case
// as the local runner's timer: acknowledge web reports, mail each desk its counts through Amazon SES. Nothing is
// constructed at module load: the first invocation builds the adapters (and tests can build their own handler).
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { createAuditHasher } from "@meldpunt/crypto";
import { type Clock, type DeadlineJobDeps, type DeadlineJobSummary, runDeadlineJob } from "@meldpunt/domain";
import { createSesMailer } from "@meldpunt/mailer/ses";
import { createAuditLog } from "@meldpunt/store";
import middy from "@middy/core";
import type { Context } from "aws-lambda";
import { tableAdapters } from "./cloud-deps";

/**
 * TABLE_NAME (and DYNAMODB_ENDPOINT, see cloud-deps.ts); MAIL_SENDER: the verified SES identity notices come from;
 * MAIL_CONFIGURATION_SET: optional; HUB_URL: where staff reach the hub (the notice links to `<HUB_URL>/balie/<desk>`);
 * AUDIT_KEY: the audit trail's HMAC key, 32 bytes base64url, the same as the api's (an acknowledgement is audited).
 */
export function buildDeadlineHandler(env: Record<string, string | undefined>, options: { clock?: Clock } = {}) {
  const logger = new Logger({ serviceName: "meldpunt-deadlines" });
  const clock: Clock = options.clock ?? { now: () => new Date() };
  let deps: DeadlineJobDeps | undefined;

  const run = async (_event: unknown, _context: Context): Promise<DeadlineJobSummary> => {
    deps ??= jobDeps(env, clock);
    const summary = await runDeadlineJob(deps, { hubUrl: env.HUB_URL });
    // Counts only: no case id, no address (docs/decisions.md 5).
    if (summary.mailFailures > 0) {
      logger.error("deadline job: some notices not sent", { ...summary });
      // A failed invocation is retried by Lambda and shows in the function's error metric; what was sent is recorded
      // on its cases, so a retry sends only what is missing.
      throw new Error(`deadline job: ${summary.mailFailures} notice(s) not sent`);
    }
    logger.info("deadline job done", { ...summary });
    return summary;
  };
  return middy(run).use(injectLambdaContext(logger, { resetKeys: true }));
}

function jobDeps(env: Record<string, string | undefined>, clock: Clock): DeadlineJobDeps {
  if (!env.MAIL_SENDER) throw new Error("MAIL_SENDER is not set");
  if (!env.HUB_URL) throw new Error("HUB_URL is not set");
  const auditKey = env.AUDIT_KEY ? Buffer.from(env.AUDIT_KEY, "base64url") : undefined;
  if (auditKey?.length !== 32) throw new Error("AUDIT_KEY is not set to 32 bytes (base64url)");
  const table = tableAdapters(env);
  return {
    cases: table.cases,
    region: table.region,
    staff: table.staff,
    mailer: createSesMailer({
      client: new SESv2Client({}),
      sender: env.MAIL_SENDER,
      ...(env.MAIL_CONFIGURATION_SET ? { configurationSet: env.MAIL_CONFIGURATION_SET } : {}),
    }),
    clock,
    audit: createAuditLog({ client: table.client, tableName: table.tableName, hasher: createAuditHasher({ key: auditKey }) }),
  };
}

let built: ReturnType<typeof buildDeadlineHandler> | undefined;

export const handler = (event: unknown, context: Context) => {
  built ??= buildDeadlineHandler(process.env);
  return built(event, context);
};
