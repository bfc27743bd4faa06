// Crockford base32: no I, L, O or U, so codes read aloud and typed by hand are hard to get wrong.
import { randomBytes } from "node:crypto";

export const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** `length` characters, each carrying 5 random bits (one byte masked to 5 bits: 256 is a multiple of 32, so no bias). */
export function randomCrockford(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += CROCKFORD[byte & 31];
  return out;
}
