// The retention job's Lambda entry (docs/decisions.md 39), invoked daily by a schedule (EventBridge). The same use case
// as the local runner's timer: delete the cases whose retention term has ended, with their files and tag entries, and
// record each deletion in the member's audit trail. It needs no member key: deleting a case deletes its wrapped data
// key. Nothing is constructed at module load: the first invocation builds the adapters.
import { createS3BlobStore } from "@meldpunt/blobs/s3";
import type { Clock } from "@meldpunt/domain";
import { type RetentionJobDeps, runRetentionJob } from "@meldpunt/domain/staff";
import { createDeletionLedger, createSignalIndex } from "@meldpunt/store";
import { awsService } from "./aws-fetch";
import { tableAdapters } from "./cloud-deps";
import { handlerFrom, jobAuditLog, scheduledHandler } from "./scheduled-job";

/**
 * TABLE_NAME (and DYNAMODB_ENDPOINT, see cloud-deps.ts); BLOB_BUCKET: the bucket of sealed attachments (deletes only);
 * AUDIT_KEY: the audit trail's HMAC key (every deletion is audited).
 */
export function buildRetentionHandler(env: Record<string, string | undefined>, options: { clock?: Clock } = {}) {
  const clock: Clock = options.clock ?? { now: () => new Date() };
  return scheduledHandler({
    serviceName: "meldpunt-retention",
    name: "retention job",
    deps: () => jobDeps(env, clock),
    run: (deps) => runRetentionJob(deps),
    // What was begun is in the ledger, so Lambda's retry (or tomorrow's run) finishes it.
    unfinished: (summary) => (summary.failures > 0 ? `${summary.failures} deletion(s) not finished` : undefined),
  });
}

function jobDeps(env: Record<string, string | undefined>, clock: Clock): RetentionJobDeps {
  if (!env.BLOB_BUCKET) throw new Error("BLOB_BUCKET is not set");
  const table = tableAdapters(env);
  const { client, tableName } = table;
  return {
    cases: table.cases,
    region: table.region,
    blobs: createS3BlobStore({ ...awsService(env, "S3"), bucket: env.BLOB_BUCKET }),
    signals: createSignalIndex({ client, tableName }),
    ledger: createDeletionLedger({ client, tableName }),
    audit: jobAuditLog(env, table),
    clock,
  };
}

export const handler = handlerFrom((env) => buildRetentionHandler(env));
