// The functions' code as the stack deploys it: the bundles made by bench/bundle.ts, the one definition of how the
// api bundle is built (the benchmarks measure the same files). The deadline job is bundled with the same options.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleApi, bundleEntry, DEADLINE_JOB_ENTRY } from "@meldpunt/bench/bundle";
import { Code } from "aws-cdk-lib/aws-lambda";
import type { HubCode } from "./stateless-stack";

const repoRoot = resolve(fileURLToPath(import.meta.url), "../../..");

export { DEADLINE_JOB_ENTRY };

/** Where `pnpm synth` bundles (`dist/`: ignored by git and biome); CDK copies each folder into cdk.out as an asset. */
export const BUILD_DIR = join(repoRoot, "infra/dist");

export interface BuiltCode extends HubCode {
  /** The bundle folders, for tests and for the size report. */
  dirs: { api: string; deadlineJob: string };
  bytes: { api: number; deadlineJob: number };
}

/** Bundles both functions under `outDir` (emptied per function) and returns them as Lambda code assets. */
export async function buildHubCode(outDir: string = BUILD_DIR): Promise<BuiltCode> {
  const apiDir = join(outDir, "api");
  const jobDir = join(outDir, "deadline-job");
  const [api, job] = await Promise.all([bundleApi(apiDir), bundleEntry(DEADLINE_JOB_ENTRY, jobDir)]);
  return {
    api: Code.fromAsset(apiDir),
    deadlineJob: Code.fromAsset(jobDir),
    dirs: { api: apiDir, deadlineJob: jobDir },
    bytes: { api: api.bytes, deadlineJob: job.bytes },
  };
}
