// The statistics job's Lambda entry (docs/decisions.md 38), invoked nightly by a schedule (EventBridge). The same use
// case as the local runner's timer: count every member's half-years the board can reach and keep the tallies, so that
// the board's dashboard reads a few small items instead of every case. It reads case metadata only: no member key, no
// bucket, no mail. Nothing is constructed at module load: the first invocation builds the adapters.
import type { Clock } from "@meldpunt/domain";
import { runStatisticsJob, type StatisticsJobDeps } from "@meldpunt/domain/staff";
import { createStatisticsStore } from "@meldpunt/store";
import { tableAdapters } from "./cloud-deps";
import { handlerFrom, scheduledHandler } from "./scheduled-job";

/** TABLE_NAME (and DYNAMODB_ENDPOINT, see cloud-deps.ts). */
export function buildStatisticsHandler(env: Record<string, string | undefined>, options: { clock?: Clock } = {}) {
  const clock: Clock = options.clock ?? { now: () => new Date() };
  return scheduledHandler({
    serviceName: "meldpunt-statistics",
    name: "statistics job",
    deps: () => jobDeps(env, clock),
    run: (deps) => runStatisticsJob(deps),
    // A run either counts everything or fails (and Lambda retries it); what it wrote is replaced by the next run.
    unfinished: () => undefined,
  });
}

function jobDeps(env: Record<string, string | undefined>, clock: Clock): StatisticsJobDeps {
  const table = tableAdapters(env);
  return { cases: table.cases, region: table.region, snapshots: createStatisticsStore({ client: table.client, tableName: table.tableName }), clock };
}

export const handler = handlerFrom((env) => buildStatisticsHandler(env));
