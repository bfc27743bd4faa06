// The deadline job's Lambda entry (docs/decisions.md 31), invoked daily by a schedule (EventBridge). The same use case
// as the local runner's timer: acknowledge web reports, mail each desk its counts through Amazon SES. Nothing is
// constructed at module load: the first invocation builds the adapters (and tests can build their own handler).
import type { Clock } from "@meldpunt/domain";
import { type DeadlineJobDeps, runDeadlineJob } from "@meldpunt/domain/staff";
import { tableAdapters } from "./cloud-deps";
import { sesMailer } from "./ses-mail";
import { handlerFrom, jobAuditLog, scheduledHandler } from "./scheduled-job";

/**
 * TABLE_NAME (and DYNAMODB_ENDPOINT, see cloud-deps.ts); MAIL_SENDER: the verified SES identity notices come from;
 * MAIL_CONFIGURATION_SET: optional; HUB_URL: where staff reach the hub (the notice links to `<HUB_URL>/balie/<desk>`);
 * AUDIT_KEY: the audit trail's HMAC key (an acknowledgement is audited).
 */
export function buildDeadlineHandler(env: Record<string, string | undefined>, options: { clock?: Clock } = {}) {
  const clock: Clock = options.clock ?? { now: () => new Date() };
  return scheduledHandler({
    serviceName: "meldpunt-deadlines",
    name: "deadline job",
    deps: () => jobDeps(env, clock),
    run: (deps) => runDeadlineJob(deps, { hubUrl: env.HUB_URL }),
    // What was sent is recorded on its cases, so Lambda's retry sends only what is missing.
    unfinished: (summary) => (summary.mailFailures > 0 ? `${summary.mailFailures} notice(s) not sent` : undefined),
  });
}

function jobDeps(env: Record<string, string | undefined>, clock: Clock): DeadlineJobDeps {
  if (!env.MAIL_SENDER) throw new Error("MAIL_SENDER is not set");
  if (!env.HUB_URL) throw new Error("HUB_URL is not set");
  const table = tableAdapters(env);
  const audit = jobAuditLog(env, table);
  return {
    cases: table.cases,
    region: table.region,
    staff: table.staff,
    mailer: sesMailer(env, { sender: env.MAIL_SENDER, ...(env.MAIL_CONFIGURATION_SET ? { configurationSet: env.MAIL_CONFIGURATION_SET } : {}) }),
    clock,
    audit,
  };
}

export const handler = handlerFrom((env) => buildDeadlineHandler(env));
