// The reporter's mailbox session (issue 3): after the receipt code matched, the browser keeps a cookie that names the
// case — sealed (AES-256-GCM) so that it can be neither read nor changed — instead of the code itself, which is then
// forgotten. Short: 15 minutes idle, 2 hours at most. Nothing is stored on the server for it.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { CaseIdSchema, type Clock, type MailboxRef, MemberIdSchema } from "@meldpunt/domain";
import * as z from "zod/mini";

export interface MailboxSession extends MailboxRef {
  /** Per-session token every mailbox form posts back. */
  csrf: string;
  /** Seconds since the epoch: when the code was typed, and when the session was last used. */
  authAt: number;
  seenAt: number;
}

export interface MailboxSessions {
  readonly idleSeconds: number;
  create(ref: MailboxRef): { session: MailboxSession; cookie: string };
  /** The session, renewed; undefined when tampered, of another key, idle too long or too old. */
  resume(cookie: string): { session: MailboxSession; cookie: string } | undefined;
  csrfMatches(session: MailboxSession, posted: string | undefined): boolean;
}

const Claims = z.object({
  member: MemberIdSchema,
  caseId: CaseIdSchema,
  csrf: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
  authAt: z.number(),
  seenAt: z.number(),
});

const AAD = Buffer.from("meldpunt-mailbox-v1");

/** `key`: the submission key (32 bytes); the session key is derived from it under a label of its own. */
export function createMailboxSessions(options: { key: Uint8Array; clock: Clock; idleSeconds?: number; absoluteSeconds?: number }): MailboxSessions {
  const key = Buffer.from(hkdfSync("sha256", options.key, new Uint8Array(), "meldpunt mailbox session", 32));
  const idleSeconds = options.idleSeconds ?? 15 * 60;
  const absoluteSeconds = options.absoluteSeconds ?? 2 * 60 * 60;
  const now = () => Math.floor(options.clock.now().getTime() / 1000);

  const seal = (session: MailboxSession) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(AAD);
    const body = Buffer.concat([cipher.update(JSON.stringify(session)), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
  };
  const open = (cookie: string): unknown => {
    try {
      const bytes = Buffer.from(cookie, "base64url");
      if (bytes.length < 29 || bytes.length > 1000) return undefined;
      const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12)).setAAD(AAD);
      decipher.setAuthTag(bytes.subarray(12, 28));
      return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8"));
    } catch {
      return undefined;
    }
  };

  return {
    idleSeconds,
    create(ref) {
      const at = now();
      const session = { member: ref.member, caseId: ref.caseId, csrf: randomBytes(32).toString("base64url"), authAt: at, seenAt: at };
      return { session, cookie: seal(session) };
    },
    resume(cookie) {
      const parsed = z.safeParse(Claims, open(cookie));
      if (!parsed.success) return undefined;
      const at = now();
      if (at - parsed.data.seenAt >= idleSeconds || at - parsed.data.authAt >= absoluteSeconds || parsed.data.seenAt > at + 60) return undefined;
      const session = { ...parsed.data, seenAt: at };
      return { session, cookie: seal(session) };
    },
    csrfMatches(session, posted) {
      if (!posted) return false;
      const expected = Buffer.from(session.csrf);
      const actual = Buffer.from(posted);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}
