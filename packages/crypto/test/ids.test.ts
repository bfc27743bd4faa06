import { CaseIdSchema } from "@meldpunt/domain";
import { describe, expect, it } from "vitest";
import { createRandomIds } from "../src/index";

describe("random ids", () => {
  it("case ids match CaseIdSchema and do not repeat", () => {
    const ids = createRandomIds();
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = ids.caseId();
      expect(CaseIdSchema.safeParse(id).success).toBe(true);
      seen.add(id);
    }
    expect(seen.size).toBe(2000);
  });

  it("uses every character of the alphabet (no bias towards a subset)", () => {
    const ids = createRandomIds();
    const chars = new Set(Array.from({ length: 200 }, () => ids.caseId()).join(""));
    expect(chars.size).toBe(32);
  });
});
