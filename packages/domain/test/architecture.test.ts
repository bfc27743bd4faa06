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
