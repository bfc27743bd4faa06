// What every scheduled job's Lambda entry shares: the adapters are built on the first invocation (never at module
// load, so tests build handlers of their own), the summary is logged with counts only (docs/decisions.md 5), and a run
// that left work for the next one fails the invocation, so that Lambda's retry and the function's error alarm see it.
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { createAuditHasher } from "@meldpunt/crypto";
import type { AuditLog } from "@meldpunt/domain";
import { createAuditLog } from "@meldpunt/store";
import middy from "@middy/core";
import type { Context } from "aws-lambda";
import type { tableAdapters } from "./cloud-deps";

export interface ScheduledJob<D, S extends object> {
  /** Powertools' service name. */
  serviceName: string;
  /** The job's name in log lines and errors, e.g. "deadline job". */
  name: string;
  deps(): D;
  run(deps: D): Promise<S>;
  /** What the run left undone, as words for the log and the error; undefined when it did all. */
  unfinished(summary: S): string | undefined;
}

export function scheduledHandler<D, S extends object>(job: ScheduledJob<D, S>) {
  const logger = new Logger({ serviceName: job.serviceName });
  let deps: D | undefined;
  const run = async (_event: unknown, _context: Context): Promise<S> => {
    deps ??= job.deps();
    const summary = await job.run(deps);
    const left = job.unfinished(summary);
    const counts: Record<string, unknown> = Object.fromEntries(Object.entries(summary));
    if (left) {
      logger.error(`${job.name}: ${left}`, counts);
      throw new Error(`${job.name}: ${left}`);
    }
    logger.info(`${job.name} done`, counts);
    return summary;
  };
  return middy(run).use(injectLambdaContext(logger, { resetKeys: true }));
}

/** The Lambda's `handler`: built from the environment on its first call. */
export function handlerFrom<R>(build: (env: Record<string, string | undefined>) => (event: unknown, context: Context) => R) {
  let built: ((event: unknown, context: Context) => R) | undefined;
  return (event: unknown, context: Context): R => {
    built ??= build(process.env);
    return built(event, context);
  };
}

/** AUDIT_KEY: the audit trail's HMAC key, 32 bytes base64url, the same as the api's. The member's trail on the table. */
export function jobAuditLog(env: Record<string, string | undefined>, table: Pick<ReturnType<typeof tableAdapters>, "client" | "tableName">): AuditLog {
  const auditKey = env.AUDIT_KEY ? Buffer.from(env.AUDIT_KEY, "base64url") : undefined;
  if (auditKey?.length !== 32) throw new Error("AUDIT_KEY is not set to 32 bytes (base64url)");
  return createAuditLog({ client: table.client, tableName: table.tableName, hasher: createAuditHasher({ key: auditKey }) });
}
