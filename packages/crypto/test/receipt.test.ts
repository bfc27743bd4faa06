import { describe, expect, it } from "vitest";
import { createReceiptCodes } from "../src/index";

const codes = createReceiptCodes({ scryptCost: 2 ** 10 });
const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]+$/;

describe("receipt codes", () => {
  it("issues 24 Crockford characters in 6 groups of four, locator first", async () => {
    const { code, locator, hash } = await codes.issue();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
    expect(locator).toMatch(CROCKFORD);
    expect(locator).toHaveLength(8);
    expect(code.replaceAll("-", "").startsWith(locator)).toBe(true);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  });

  it("parse reads lowercase, spaces, other separators and look-alikes", async () => {
    const { code, locator } = await codes.issue();
    const parsed = codes.parse(code);
    expect(parsed?.locator).toBe(locator);
    expect(parsed?.secret).toHaveLength(16);
    expect(codes.parse(code.toLowerCase())).toEqual(parsed);
    expect(codes.parse(` ${code.replaceAll("-", " ")} `)).toEqual(parsed);
    expect(codes.parse(code.replaceAll("-", ""))).toEqual(parsed);
    expect(codes.parse(code.replaceAll("-", "–"))).toEqual(parsed); // a phone's en dash
    expect(codes.parse("o0il-OIL1-abcd-efgh-jkmn-pqrs")).toEqual({ locator: "00110111", secret: "ABCDEFGHJKMNPQRS" });
  });

  it("parse rejects wrong lengths, U and anything outside the alphabet", () => {
    const valid = "0011-0111-ABCD-EFGH-JKMN-PQRS";
    expect(codes.parse(valid)).toBeDefined();
    expect(codes.parse(valid.slice(0, -1))).toBeUndefined();
    expect(codes.parse(`${valid}T`)).toBeUndefined();
    expect(codes.parse("")).toBeUndefined();
    expect(codes.parse(valid.replace("A", "U"))).toBeUndefined();
    expect(codes.parse(valid.replace("A", "u"))).toBeUndefined();
    expect(codes.parse(valid.replace("A", "*"))).toBeUndefined();
    expect(codes.parse(valid.replace("A", "ı"))).toBeUndefined(); // dotless i upper-cases to I: not ASCII, refused
    expect(codes.parse(valid.replace("A", "Ä"))).toBeUndefined();
    expect(codes.parse(`${valid}${" ".repeat(200)}`)).toBeUndefined();
  });

  it("verify is true for the right secret and false for a wrong one", async () => {
    const { code, hash } = await codes.issue();
    const parsed = codes.parse(code);
    if (!parsed) throw new Error("own code must parse");
    expect(await codes.verify(parsed.secret, hash)).toBe(true);
    const wrong = (parsed.secret[0] === "0" ? "1" : "0") + parsed.secret.slice(1);
    expect(await codes.verify(wrong, hash)).toBe(false);
    expect(await codes.verify(parsed.secret.toLowerCase(), hash)).toBe(false);
    expect(await codes.verify("", hash)).toBe(false);
  });

  it("verify is false, never throwing, for malformed stored hashes", async () => {
    const { code, hash } = await codes.issue();
    const secret = codes.parse(code)?.secret ?? "";
    const [, , r, p, salt, h] = hash.split("$");
    const malformed = [
      "",
      "garbage",
      hash.replace("scrypt", "argon2"),
      `scrypt$1000$${r}$${p}$${salt}$${h}`, // N not a power of two
      `scrypt$${2 ** 30}$${r}$${p}$${salt}$${h}`, // absurd cost
      `scrypt$1024$${r}$${p}$${salt}$`,
      `scrypt$1024$${r}$${p}$!!!$${h}`,
      `scrypt$1024$${r}$${p}$${salt}$${h}$extra`,
      `scrypt$1024$0$${p}$${salt}$${h}`,
      `scrypt$1024$${r}$${p}$${salt}$${h?.slice(0, 20)}`,
      `scrypt$2048$${r}$${p}$${salt}$${h}`, // valid shape, other parameters: no match
    ];
    for (const stored of malformed) expect(await codes.verify(secret, stored)).toBe(false);
  });

  it("the stored hash does not contain the secret", async () => {
    const { code, locator, hash } = await codes.issue();
    const secret = code.replaceAll("-", "").slice(8);
    expect(hash).not.toContain(secret);
    expect(hash.toUpperCase()).not.toContain(secret);
    expect(hash).not.toContain(locator);
  });

  it("two issues give different locators, secrets and salts", async () => {
    const [a, b] = await Promise.all([codes.issue(), codes.issue()]);
    expect(a.locator).not.toBe(b.locator);
    expect(codes.parse(a.code)?.secret).not.toBe(codes.parse(b.code)?.secret);
    expect(a.hash.split("$")[4]).not.toBe(b.hash.split("$")[4]);
  });

  it("a hash made with other parameters still verifies (parameters are read from the hash)", async () => {
    const { code, hash } = await createReceiptCodes({ scryptCost: 2 ** 11 }).issue();
    expect(await codes.verify(codes.parse(code)?.secret ?? "", hash)).toBe(true);
  });

  it("uses N = 2^15 by default", async () => {
    const defaults = createReceiptCodes();
    const { code, hash } = await defaults.issue();
    expect(hash.startsWith("scrypt$32768$8$1$")).toBe(true);
    const started = performance.now();
    expect(await defaults.verify(codes.parse(code)?.secret ?? "", hash)).toBe(true);
    // Slow on purpose; the figure is recorded in receipt.ts. Only a sanity floor here, no flaky upper bound.
    expect(performance.now() - started).toBeGreaterThan(5);
  });

  it("rejects a cost that is not a power of two", () => {
    expect(() => createReceiptCodes({ scryptCost: 1000 })).toThrow(RangeError);
  });
});
