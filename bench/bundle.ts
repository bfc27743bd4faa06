// The single definition of "the api bundle": the benchmarks measure it and the infrastructure deploys it,
// so both must build it with exactly these options. Change them here, nowhere else.
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The Lambda entry the bundle starts from. */
export const API_ENTRY = join(repoRoot, "functions/api/src/lambda.ts");

/** The deadline job's Lambda entry (docs/decisions.md 31): bundled with the same options, deployed beside the api. */
export const DEADLINE_JOB_ENTRY = join(repoRoot, "functions/api/src/deadline-job.ts");

/** The statistics job's Lambda entry (docs/decisions.md 38): bundled the same way, deployed beside the api. */
export const STATISTICS_JOB_ENTRY = join(repoRoot, "functions/api/src/statistics-job.ts");

/** The retention job's Lambda entry (docs/decisions.md 39): bundled the same way, deployed beside the api. */
export const RETENTION_JOB_ENTRY = join(repoRoot, "functions/api/src/retention-job.ts");

/**
 * Build-time stand-ins (functions/api/src/bundle-stubs/): the SDK's default credential chain, of which a Lambda uses
 * only the environment, and the browser user-agent parser, which Node never calls. About 135 KiB of the api bundle.
 */
const STUBS = {
  "@aws-sdk/credential-provider-node": join(repoRoot, "functions/api/src/bundle-stubs/lambda-credentials.ts"),
  bowser: join(repoRoot, "functions/api/src/bundle-stubs/no-bowser.ts"),
};

/** The cold-start baseline: a bare hono app behind the same adapter, bundled the same way. */
export const BARE_HONO_ENTRY = join(repoRoot, "bench/bare-hono-lambda.ts");

/** Lambda's handler setting for the bundle: file `index.mjs`, export `handler`. */
export const API_HANDLER = "index.handler";

export interface ApiBundle {
  /** Absolute path of the entry (`<outDir>/index.mjs`); the folder holds nothing else, so it can be the Lambda asset. */
  outfile: string;
  /** Every file of the bundle together: what is deployed. */
  bytes: number;
  /** The entry chunk alone: what every cold start parses. */
  entryBytes: number;
  metafile: Metafile;
}

/**
 * Bundles the api Lambda into `<outDir>/index.mjs` plus chunks, emptying `outDir` first so no stale file ships with it.
 * Code splitting puts what is imported dynamically (the AWS SDK adapters) in a chunk of its own, so a cold start
 * parses only what its request needs.
 */
export function bundleApi(outDir: string): Promise<ApiBundle> {
  return bundleEntry(API_ENTRY, outDir);
}

/** Any Lambda entry with exactly the api bundle's options (the benchmark's baseline uses it). */
export async function bundleEntry(entry: string, outDir: string): Promise<ApiBundle> {
  const dir = resolve(outDir);
  // The folder is emptied: never let a mistyped path take the repository (or more) with it.
  if (`${repoRoot}/`.startsWith(`${dir}/`)) throw new Error(`refusing to empty ${dir}: it holds the repository`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const outfile = join(dir, "index.mjs");
  const result = await build({
    entryPoints: { index: entry },
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    minify: true,
    platform: "node",
    // Lambda runs nodejs22.x; ESM so top-level code stays tree-shakable and the file must end in .mjs.
    target: "node22",
    format: "esm",
    // Prefer the packages' ESM builds (the AWS SDK ships dist-es): smaller and better tree-shaken than dist-cjs.
    mainFields: ["module", "main"],
    // The AWS SDK is bundled, not taken from the runtime: we pin and test one version, and a bundled,
    // tree-shaken client loads faster than the runtime's full copy.
    external: [],
    alias: STUBS,
    // CommonJS dependencies call require() for Node built-ins; ESM has no require, so give them one.
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    jsx: "automatic",
    jsxImportSource: "hono/jsx",
    // Licence texts are not needed at run time; leaving them out keeps the bundle about code only.
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
  });
  const entryOutput = result.metafile.outputs[relativeToCwd(outfile)];
  if (!entryOutput) throw new Error(`esbuild did not report ${outfile} in its metafile`);
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  return { outfile, bytes, entryBytes: entryOutput.bytes, metafile: result.metafile };
}

/**
 * What a cold start parses before the handler runs: the entry and every chunk it imports statically, transitively
 * (a dynamic `import()` is left for the request that needs it).
 */
export function staticClosureBytes(bundle: ApiBundle): number {
  const outputs = bundle.metafile.outputs;
  const seen = new Set<string>();
  const todo = [relativeToCwd(bundle.outfile)];
  for (let path = todo.pop(); path !== undefined; path = todo.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    for (const { path: imported, kind } of outputs[path]?.imports ?? []) if (kind === "import-statement" && imported in outputs) todo.push(imported);
  }
  return [...seen].reduce((sum, path) => sum + (outputs[path]?.bytes ?? 0), 0);
}

/** The inputs that cost most bytes in the output, largest first (bytes after minification and tree shaking). */
export function topInputs(bundle: ApiBundle, count = 10): { path: string; bytes: number }[] {
  return Object.values(bundle.metafile.outputs)
    .flatMap((output) => Object.entries(output.inputs))
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

/** The same, summed per package (workspace folders count as one package each), largest first. */
export function topPackages(bundle: ApiBundle, count = 10): { name: string; bytes: number }[] {
  const sums = new Map<string, number>();
  for (const { path, bytes } of topInputs(bundle, Number.POSITIVE_INFINITY)) {
    const name = packageOf(path);
    sums.set(name, (sums.get(name) ?? 0) + bytes);
  }
  return [...sums]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

// "…/node_modules/@aws-sdk/client-kms/dist-es/x.js" → "@aws-sdk/client-kms"; "web/src/text.ts" → "web/src".
function packageOf(path: string): string {
  const i = path.lastIndexOf("node_modules/");
  const parts = (i >= 0 ? path.slice(i + "node_modules/".length) : path).split("/");
  return parts[0]?.startsWith("@") || i < 0 ? parts.slice(0, 2).join("/") : (parts[0] ?? path);
}

// esbuild keys its metafile by paths relative to its working directory (ours), with forward slashes.
function relativeToCwd(path: string): string {
  return relative(process.cwd(), path).split("\\").join("/");
}
