// The functions' code as the stack deploys it: the bundles made by bench/bundle.ts, the one definition of how the
// api bundle is built (the benchmarks measure the same files). The scheduled jobs are bundled with the same options.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { API_ENTRY, bundleEntry, DEADLINE_JOB_ENTRY, RETENTION_JOB_ENTRY, STATISTICS_JOB_ENTRY } from "@meldpunt/bench/bundle";
import { Code } from "aws-cdk-lib/aws-lambda";
import type { HubCode } from "./stateless-stack";

const repoRoot = resolve(fileURLToPath(import.meta.url), "../../..");

export { DEADLINE_JOB_ENTRY };

/** Where `pnpm synth` bundles (`dist/`: ignored by git and biome); CDK copies each folder into cdk.out as an asset. */
export const BUILD_DIR = join(repoRoot, "infra/dist");

export interface BuiltCode extends HubCode {
  /** The bundle folders, for tests and for the size report. */
  dirs: Record<keyof HubCode, string>;
  bytes: Record<keyof HubCode, number>;
}

/** Each function's entry and the folder (under the build folder) it is bundled into. */
const FUNCTIONS: Record<keyof HubCode, { entry: string; dir: string }> = {
  api: { entry: API_ENTRY, dir: "api" },
  deadlineJob: { entry: DEADLINE_JOB_ENTRY, dir: "deadline-job" },
  retentionJob: { entry: RETENTION_JOB_ENTRY, dir: "retention-job" },
  statisticsJob: { entry: STATISTICS_JOB_ENTRY, dir: "statistics-job" },
};

/** Bundles every function under `outDir` (emptied per function) and returns them as Lambda code assets. */
export async function buildHubCode(outDir: string = BUILD_DIR): Promise<BuiltCode> {
  const built = await Promise.all(
    Object.entries(FUNCTIONS).map(async ([name, { entry, dir }]) => {
      const path = join(outDir, dir);
      return [name as keyof HubCode, { path, bytes: (await bundleEntry(entry, path)).bytes }] as const;
    }),
  );
  const each = <T>(pick: (b: { path: string; bytes: number }) => T) => Object.fromEntries(built.map(([name, b]) => [name, pick(b)])) as Record<keyof HubCode, T>;
  return { ...each((b) => Code.fromAsset(b.path)), dirs: each((b) => b.path), bytes: each((b) => b.bytes) };
}
