// A small proof of work per report form (DESIGN §3, docs/decisions.md 24). The challenge is
// `v1.<bits>.<issued second>.<HMAC-SHA256(key, ["pow", formToken, bits, issued])>`; a nonce solves it when
// SHA-256(`<challenge>.<nonce>`) starts with `bits` zero bits (web/src/pow.js finds one in the browser). Without a
// nonce, a form is accepted once it has been open `fallbackDelaySeconds`, read from the signed second. Nothing is stored.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { ProofOfWork, ProofVerdict } from "@meldpunt/domain";

const KEY_BYTES = 32;
/** ~32,768 hashes on average: about 0.1 s in Node here, 0.5–2 s in a phone's browser (docs/decisions.md 24). */
export const POW_BITS_DEFAULT = 15;
/** Longer than a bot needs between fetching a form and posting it, far shorter than a person needs to write a report. */
export const POW_FALLBACK_DELAY_DEFAULT = 20;
const CHALLENGE = /^v1\.(\d{1,2})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;
const NONCE = /^[0-9]{1,16}$/;

export interface ProofOfWorkOptions {
  key: Uint8Array;
  bits?: number;
  fallbackDelaySeconds?: number;
}

export function createProofOfWork(options: ProofOfWorkOptions): ProofOfWork {
  if (options.key.length !== KEY_BYTES) throw new RangeError(`the proof-of-work key must be ${KEY_BYTES} bytes`);
  const key = Buffer.from(options.key);
  const bits = options.bits ?? POW_BITS_DEFAULT;
  const fallbackDelaySeconds = options.fallbackDelaySeconds ?? POW_FALLBACK_DELAY_DEFAULT;
  if (!Number.isInteger(bits) || bits < 1 || bits > 32) throw new RangeError("bits must be an integer from 1 to 32");
  if (!(fallbackDelaySeconds >= 0)) throw new RangeError("fallbackDelaySeconds must be 0 or more");
  const mac = (formToken: string, b: number, issued: number) =>
    createHmac("sha256", key).update(JSON.stringify(["pow", formToken, b, issued])).digest();

  return {
    bits,
    fallbackDelaySeconds,
    challenge(formToken, now) {
      const issued = Math.floor(now.getTime() / 1000);
      return `v1.${bits}.${issued}.${mac(formToken, bits, issued).toString("base64url")}`;
    },
    verify(formToken, challenge, nonce, now): ProofVerdict {
      const match = CHALLENGE.exec(challenge ?? "");
      if (!match) return { ok: false, reason: "invalid" };
      const b = Number(match[1]);
      const issued = Number(match[2]);
      const given = Buffer.from(match[3] ?? "", "base64url");
      // The difficulty is part of what is signed: a form cannot ask for less than the hub set.
      if (b !== bits || !timingSafeEqual(given, mac(formToken, b, issued))) return { ok: false, reason: "invalid" };
      if (nonce && NONCE.test(nonce) && leadingZeroBits(createHash("sha256").update(`${challenge}.${nonce}`).digest()) >= bits) {
        return { ok: true, by: "nonce" };
      }
      const waited = now.getTime() / 1000 - issued;
      if (waited >= fallbackDelaySeconds) return { ok: true, by: "waited" };
      return { ok: false, reason: "too-early", retryAfterSeconds: Math.ceil(fallbackDelaySeconds - waited) };
    },
  };
}

export function leadingZeroBits(hash: Uint8Array): number {
  let count = 0;
  for (const byte of hash) {
    if (byte === 0) {
      count += 8;
      continue;
    }
    return count + Math.clz32(byte) - 24;
  }
  return count;
}
