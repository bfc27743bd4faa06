// Receipt codes (DESIGN §3): a non-secret locator to find the case, and an 80-bit secret stored only as a slow hash.
// Shown once as 24 Crockford base32 characters in groups of four, e.g. 7KQ2-MX9D-0A4F-H3RT-W8BC-P1ZE (locator first).
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import type { IssuedReceipt, ReceiptCodes } from "@meldpunt/domain";
import { CROCKFORD, randomCrockford } from "./base32";

const LOCATOR_CHARS = 8; // 40 bits: enough to spread cases, not a secret
const SECRET_CHARS = 16; // 80 bits: the requirement is at least 80
const CODE_CHARS = LOCATOR_CHARS + SECRET_CHARS;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
/**
 * scrypt N = 2^15, r = 8, p = 1: 32 MiB and ~90 ms per hash, measured on the development machine (2 vCPU AMD EPYC,
 * Node 20; 10 runs, 86–97 ms). Each hash holds a libuv thread-pool slot (4 by default) while it runs.
 */
const DEFAULT_COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

const SECRET_PATTERN = new RegExp(`^[${CROCKFORD}]{${SECRET_CHARS}}$`);
/** Whatever people put between groups: spaces, any dash (phones turn "-" into "–"), dots, underscores, slashes. */
const SEPARATORS = /[\s\p{Pd}._/·]/gu;
/** Crockford's decoding of look-alikes; U is deliberately absent from the alphabet and stays invalid. */
const LOOK_ALIKES: Record<string, string> = { O: "0", I: "1", L: "1" };
/** Longest input worth reading; anything longer cannot be a code and is not worth the work. */
const MAX_INPUT = 100;

// Bounds for parameters read back from storage, so a corrupted or planted hash cannot make verify() burn memory or CPU.
const MAX_COST = 2 ** 20;
const MAX_BLOCK_SIZE = 32;
const MAX_PARALLELISM = 16;

function scryptAsync(secret: string, salt: Uint8Array, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function scryptOptions(N: number, r: number, p: number): ScryptOptions {
  // What OpenSSL allocates (128·r·(N + p + 2) bytes) plus headroom; Node's 32 MiB default is too small for N = 2^15.
  return { N, r, p, maxmem: 128 * r * (N + p + 2) + 1024 * 1024 };
}

const isPowerOfTwo = (n: number) => Number.isSafeInteger(n) && n > 1 && (n & (n - 1)) === 0;

function group(code: string): string {
  return code.match(/.{4}/g)?.join("-") ?? code;
}

interface StoredHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function readStoredHash(stored: string): StoredHash | undefined {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return undefined;
  const [, nText, rText, pText, saltText, hashText] = parts as [string, string, string, string, string, string];
  if (![nText, rText, pText].every((t) => /^[1-9][0-9]{0,9}$/.test(t))) return undefined;
  const [N, r, p] = [Number(nText), Number(rText), Number(pText)];
  if (!isPowerOfTwo(N) || N > MAX_COST || r > MAX_BLOCK_SIZE || p > MAX_PARALLELISM) return undefined;
  const b64url = /^[A-Za-z0-9_-]+$/;
  if (!b64url.test(saltText) || !b64url.test(hashText)) return undefined;
  const salt = Buffer.from(saltText, "base64url");
  const hash = Buffer.from(hashText, "base64url");
  if (salt.length < SALT_BYTES || hash.length < 16 || hash.length > 64) return undefined;
  return { N, r, p, salt, hash };
}

export function createReceiptCodes(options: { scryptCost?: number } = {}): ReceiptCodes {
  const cost = options.scryptCost ?? DEFAULT_COST;
  if (!isPowerOfTwo(cost) || cost > MAX_COST) throw new RangeError("scryptCost must be a power of two up to 2^20");

  async function hashSecret(secret: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const hash = await scryptAsync(secret, salt, HASH_BYTES, scryptOptions(cost, BLOCK_SIZE, PARALLELISM));
    // Self-describing, so the parameters can be raised later while old hashes still verify.
    return `scrypt$${cost}$${BLOCK_SIZE}$${PARALLELISM}$${salt.toString("base64url")}$${hash.toString("base64url")}`;
  }

  return {
    async issue(seed?: Uint8Array): Promise<IssuedReceipt> {
      if (seed && seed.length < CODE_CHARS) throw new RangeError(`a receipt seed needs at least ${CODE_CHARS} bytes`);
      // From a seed: one byte per character masked to 5 bits, as randomCrockford does with random bytes.
      const chars = seed ? [...seed.subarray(0, CODE_CHARS)].map((b) => CROCKFORD[b & 31]).join("") : randomCrockford(CODE_CHARS);
      const locator = chars.slice(0, LOCATOR_CHARS);
      const secret = chars.slice(LOCATOR_CHARS);
      return { code: group(locator + secret), locator, hash: await hashSecret(secret) };
    },

    parse(input: string) {
      if (input.length > MAX_INPUT) return undefined;
      const compact = input.replace(SEPARATORS, "");
      // ASCII letters only before upper-casing: toUpperCase would turn some non-ASCII letters (ı, ß) into valid ones.
      if (!/^[0-9A-Za-z]*$/.test(compact)) return undefined;
      let code = "";
      for (const char of compact.toUpperCase()) {
        const mapped = LOOK_ALIKES[char] ?? char;
        if (!CROCKFORD.includes(mapped)) return undefined;
        code += mapped;
      }
      if (code.length !== CODE_CHARS) return undefined;
      return { locator: code.slice(0, LOCATOR_CHARS), secret: code.slice(LOCATOR_CHARS) };
    },

    async verifyNothing(secret: string): Promise<false> {
      await scryptAsync(secret, randomBytes(SALT_BYTES), HASH_BYTES, scryptOptions(cost, BLOCK_SIZE, PARALLELISM));
      return false;
    },

    async verify(secret: string, hash: string): Promise<boolean> {
      // Only a canonical secret (as parse() returns it) can match; the format is public, so refusing early leaks nothing.
      if (!SECRET_PATTERN.test(secret)) return false;
      const stored = readStoredHash(hash);
      if (!stored) return false;
      try {
        const derived = await scryptAsync(secret, stored.salt, stored.hash.length, scryptOptions(stored.N, stored.r, stored.p));
        return timingSafeEqual(derived, stored.hash);
      } catch {
        return false; // never throw to the caller: a bad stored hash is simply not a match
      }
    },
  };
}
