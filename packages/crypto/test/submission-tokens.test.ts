import { randomBytes } from "node:crypto";
import { CaseIdSchema } from "@meldpunt/domain";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { createReceiptCodes, createSubmissionTokens } from "../src/index";

const key = randomBytes(32);

describe("submission tokens", () => {
  it("issues fresh 128-bit tokens", () => {
    const tokens = createSubmissionTokens({ key });
    const a = tokens.issue();
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(tokens.issue()).not.toBe(a);
  });

  it("derives the same case id and receipt seed from the same token, and others from another token or key", () => {
    const tokens = createSubmissionTokens({ key });
    const token = tokens.issue();
    const once = tokens.derive(token);
    expect(tokens.derive(token)).toEqual(once);
    expect(z.safeParse(CaseIdSchema, once.caseId).success).toBe(true);
    expect(once.receiptSeed).toHaveLength(32);
    expect(tokens.derive(tokens.issue()).caseId).not.toBe(once.caseId);
    expect(createSubmissionTokens({ key: randomBytes(32) }).derive(token).caseId).not.toBe(once.caseId);
  });

  it("fingerprints the answers whatever their order, and tells other answers apart", () => {
    const tokens = createSubmissionTokens({ key });
    const token = tokens.issue();
    const f = tokens.fingerprint(token, { a: 1, b: "GEHEIM" });
    expect(tokens.fingerprint(token, { b: "GEHEIM", a: 1 })).toBe(f);
    expect(tokens.fingerprint(token, { a: 1, b: "anders" })).not.toBe(f);
    expect(tokens.fingerprint(tokens.issue(), { a: 1, b: "GEHEIM" })).not.toBe(f);
    expect(f).not.toContain("GEHEIM");
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => createSubmissionTokens({ key: randomBytes(16) })).toThrow(RangeError);
  });
});

describe("receipt codes from a seed", () => {
  it("give the same code for the same seed, each with its own salted hash that verifies", async () => {
    const receipts = createReceiptCodes({ scryptCost: 2 ** 10 });
    const seed = randomBytes(32);
    const [a, b] = await Promise.all([receipts.issue(seed), receipts.issue(seed)]);
    expect(a.code).toBe(b.code);
    expect(a.hash).not.toBe(b.hash);
    const parsed = receipts.parse(a.code);
    expect(parsed?.locator).toBe(a.locator);
    expect(await receipts.verify(parsed?.secret ?? "", b.hash)).toBe(true);
    expect((await receipts.issue(randomBytes(32))).code).not.toBe(a.code);
  });

  it("refuse a seed too short to fill the code", async () => {
    await expect(createReceiptCodes({ scryptCost: 2 ** 10 }).issue(randomBytes(10))).rejects.toThrow(RangeError);
  });
});

describe("verifying against nothing", () => {
  it("costs a hash's work and never matches", async () => {
    const receipts = createReceiptCodes({ scryptCost: 2 ** 14 });
    const started = performance.now();
    expect(await receipts.verifyNothing("0123456789ABCDEF")).toBe(false);
    const nothing = performance.now() - started;
    const issued = await receipts.issue();
    const again = performance.now();
    await receipts.verify("0123456789ABCDEF", issued.hash);
    // Same order of magnitude as a real verify (not a timed budget: both run here, back to back).
    expect(nothing).toBeGreaterThan((performance.now() - again) / 4);
  });
});
