// AES-256-GCM envelopes bound to their encryption context {member, case}: ciphertext moved to another member or case
// fails to open (DESIGN §3). Layout, version 1: [version (1)] [IV (12)] [ciphertext] [tag (16)].
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { type CaseSealer, IntegrityError, type KeyContext, type MemberKeyring, type SealedPart, type WrappedKey } from "@meldpunt/domain";

const FORMAT_V1 = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES;
/** Smallest valid envelope: header and tag around an empty plaintext. */
const MIN_BYTES = HEADER_BYTES + TAG_BYTES;

/**
 * Additional authenticated data for a context: UTF-8 of a JSON array, which is unambiguous whatever the strings
 * contain (no separator to smuggle in). `part` tells apart several things sealed under one case key (a message,
 * an attachment), so one cannot be swapped for another within the case; leave it out for the case content itself.
 */
export function encryptionContextAad(ctx: KeyContext, part?: string): Buffer {
  const fields = part === undefined ? ["meldpunt-v1", ctx.member, ctx.caseId] : ["meldpunt-v1", ctx.member, ctx.caseId, part];
  return Buffer.from(JSON.stringify(fields), "utf8");
}

function checkKey(key: Uint8Array): void {
  // A wrong-length key is a programming error, not tampering: fail loudly before any crypto runs.
  if (key.length !== KEY_BYTES) throw new RangeError(`data key must be ${KEY_BYTES} bytes`);
}

/** Seals with a given data key (the case's): a fresh random IV per call, the context as additional data. */
export function sealWithKey(ctx: KeyContext, key: Uint8Array, plaintext: Uint8Array, part?: string): Uint8Array {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(encryptionContextAad(ctx, part));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_V1), iv, body, cipher.getAuthTag()]);
}

/** Opens what sealWithKey sealed; every failure is an IntegrityError, never a raw crypto error. */
export function openWithKey(ctx: KeyContext, key: Uint8Array, envelope: Uint8Array, part?: string): Uint8Array {
  checkKey(key);
  if (envelope.length < 1 || envelope[0] !== FORMAT_V1) throw new IntegrityError("unknown-format");
  if (envelope.length < MIN_BYTES) throw new IntegrityError("wrong-context-or-tampered");
  const iv = envelope.subarray(1, HEADER_BYTES);
  const body = envelope.subarray(HEADER_BYTES, envelope.length - TAG_BYTES);
  const tag = envelope.subarray(envelope.length - TAG_BYTES);
  let out: Buffer | undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(encryptionContextAad(ctx, part));
    decipher.setAuthTag(tag);
    out = decipher.update(body);
    // The tag is checked in final(); until it passes, `out` is unauthenticated and must not escape.
    const rest = decipher.final();
    // GCM's final() returns nothing more; avoid a concat that would leave an unzeroable copy (the data key, too).
    return rest.length === 0 ? out : Buffer.concat([out, rest]);
  } catch {
    out?.fill(0);
    // The OpenSSL message says nothing useful and the cause is always the same: wrong key, context or bytes.
    throw new IntegrityError("wrong-context-or-tampered");
  }
}

/** Envelope encryption of a case's content: one fresh data key per case, wrapped by the member's keyring. */
export function createEnvelopeSealer(keyring: MemberKeyring): CaseSealer {
  /** Runs `use` with the plaintext data key and zeroes it afterwards, whatever happens. */
  async function withKey<T>(ctx: KeyContext, dataKey: WrappedKey, use: (key: Uint8Array) => T): Promise<T> {
    const key = await keyring.unwrapDataKey(ctx, dataKey);
    try {
      if (key.length !== KEY_BYTES) throw new IntegrityError("unknown-format");
      return use(key);
    } finally {
      key.fill(0);
    }
  }

  return {
    async sealNew(ctx: KeyContext, plaintext: Uint8Array) {
      const { plaintext: key, wrapped } = await keyring.generateDataKey(ctx);
      try {
        return { dataKey: wrapped, envelope: sealWithKey(ctx, key, plaintext) };
      } finally {
        key.fill(0); // the plaintext data key must not linger in memory; only the wrapped one is kept
      }
    },
    seal(ctx: KeyContext, dataKey: WrappedKey, plaintext: Uint8Array, part: string) {
      return withKey(ctx, dataKey, (key) => sealWithKey(ctx, key, plaintext, part));
    },
    async open(ctx: KeyContext, dataKey: WrappedKey, envelope: Uint8Array, part?: string) {
      // Reject an unknown format before asking the keyring (a KMS call costs money and time).
      if (envelope.length < 1 || envelope[0] !== FORMAT_V1) throw new IntegrityError("unknown-format");
      return withKey(ctx, dataKey, (key) => openWithKey(ctx, key, envelope, part));
    },
    async reseal(from: { ctx: KeyContext; dataKey: WrappedKey }, to: KeyContext, envelopes: SealedPart[]) {
      const plaintexts = await withKey(from.ctx, from.dataKey, (key) => envelopes.map(({ envelope, part }) => openWithKey(from.ctx, key, envelope, part)));
      try {
        const { plaintext: key, wrapped } = await keyring.generateDataKey(to);
        try {
          return { dataKey: wrapped, envelopes: envelopes.map(({ part }, i) => ({ part, envelope: sealWithKey(to, key, plaintexts[i] as Uint8Array, part) })) };
        } finally {
          key.fill(0);
        }
      } finally {
        for (const plaintext of plaintexts) plaintext.fill(0);
      }
    },
  };
}
