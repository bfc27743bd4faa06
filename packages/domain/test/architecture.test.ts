// DESIGN §5: the domain knows no AWS, no hono, no file system, and no other package of the hub.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../src");
const ALLOWED = [/^\.\.?\//, /^zod(\/mini)?$/];

describe("the domain's imports", () => {
  it("are only its own modules and zod", async () => {
    const files = (await readdir(SRC, { recursive: true })).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(5);
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(join(SRC, file), "utf8");
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
        if (!ALLOWED.some((pattern) => pattern.test(spec ?? ""))) offenders.push(`${file}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

// docs/decisions.md 41: a value import from a core module to a staff one would put that module (and what it imports)
// back in the api Lambda's cold start; types are erased and cost nothing.
describe("the domain's two entries", () => {
  it("the core imports staff modules for their types only", async () => {
    const modulesOf = async (entry: string) => new Set([...(await readFile(join(SRC, entry), "utf8")).matchAll(/from "\.\/([\w-]+)"/g)].map((m) => m[1]));
    const core = await modulesOf("index.ts");
    const staff = await modulesOf("staff-side.ts");
    expect([...core].filter((m) => staff.has(m))).toEqual([]);
    const offenders: string[] = [];
    for (const module of core) {
      const text = await readFile(join(SRC, `${module}.ts`), "utf8");
      for (const [, spec] of text.matchAll(/^import (?!type )[^;]*?from "\.\/([\w-]+)"/gms)) if (staff.has(spec)) offenders.push(`${module}: ${spec}`);
    }
    expect(offenders).toEqual([]);
  });
});
