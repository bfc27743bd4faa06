// Sessions and login transactions as sealed cookie values: a JWE (dir + A256GCM) under the 256-bit session key, so
// the browser holds them but can neither read nor change them, and the hub keeps no session table. The audience
// tells a session from a login transaction, so one can never be played as the other.
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Clock } from "@meldpunt/domain";
import type { JWTPayload } from "jose";
import * as z from "zod/mini";
import type { LoginTransaction, SessionSealer, StaffIdentity, StaffSession } from "./types";

export interface SessionOptions {
  /** 32 random bytes; whoever has it can forge sessions, so it is kept like a member key. */
  key: Uint8Array;
  clock: Clock;
  /** Without use for this long a session ends (default 30 minutes). */
  idleSeconds?: number;
  /** However busy, a session ends this long after logging in (default 10 hours: one working day). */
  absoluteSeconds?: number;
  /** How long a login at the provider may take (default 10 minutes). */
  loginSeconds?: number;
}

const SESSION = "meldpunt:session";
const LOGIN = "meldpunt:login";
// On first use, not with this module (./jwe.ts says why).
const jwe = () => import("./jwe");

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const SessionClaims = z.object({
  sub: text(255),
  name: text(200),
  email: z.optional(text(254)),
  csrf: text(100),
  authAt: z.number(),
  seenAt: z.number(),
});
const TransactionClaims = z.object({ state: text(200), nonce: text(200), codeVerifier: text(200), returnTo: text(600) });

export function createSessions(options: SessionOptions): SessionSealer {
  const { key, clock } = options;
  if (key.length !== 32) throw new Error("the session key must be 32 bytes");
  const idleSeconds = options.idleSeconds ?? 30 * 60;
  const absoluteSeconds = options.absoluteSeconds ?? 10 * 60 * 60;
  const loginSeconds = options.loginSeconds ?? 10 * 60;
  const now = () => Math.floor(clock.now().getTime() / 1000);

  async function seal(audience: string, claims: JWTPayload, expiresAt: number): Promise<string> {
    return (await jwe()).encrypt(key, audience, claims, now(), expiresAt);
  }

  /** The claims, or undefined for anything tampered, expired, of the other kind, or not ours at all. */
  async function open(audience: string, cookie: string): Promise<JWTPayload | undefined> {
    // Loaded outside the try: a failed import is an error, not a cookie that does not open.
    const { decrypt } = await jwe();
    try {
      return await decrypt(key, audience, cookie, clock.now());
    } catch {
      return undefined;
    }
  }

  const sealSession = (session: StaffSession) =>
    seal(SESSION, { ...session }, Math.min(session.seenAt + idleSeconds, session.authAt + absoluteSeconds));

  return {
    idleSeconds,
    loginSeconds,
    async create(identity: StaffIdentity) {
      const at = now();
      const session: StaffSession = { ...identity, csrf: randomBytes(32).toString("base64url"), authAt: at, seenAt: at };
      return { session, cookie: await sealSession(session) };
    },
    async resume(cookie) {
      const parsed = z.safeParse(SessionClaims, await open(SESSION, cookie));
      if (!parsed.success) return undefined;
      const at = now();
      // `exp` already says this; checked again from the session's own times so that neither rests on one claim.
      if (at - parsed.data.seenAt >= idleSeconds || at - parsed.data.authAt >= absoluteSeconds) return undefined;
      const session: StaffSession = { ...parsed.data, seenAt: at };
      return { session, cookie: await sealSession(session) };
    },
    sealTransaction(transaction: LoginTransaction) {
      return seal(LOGIN, { ...transaction }, now() + loginSeconds);
    },
    async openTransaction(cookie) {
      const parsed = z.safeParse(TransactionClaims, await open(LOGIN, cookie));
      return parsed.success ? parsed.data : undefined;
    },
    csrfMatches(session, posted) {
      if (!posted) return false;
      const expected = Buffer.from(session.csrf);
      const actual = Buffer.from(posted);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}
