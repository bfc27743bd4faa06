// Sealed session and login cookies with a fixed clock: tampering, other keys, idle and absolute timeouts, renewal.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSessions } from "../src/sessions";
import type { LoginTransaction, StaffIdentity } from "../src/types";

const identity: StaffIdentity = { sub: "demo-bi-hoorn", name: "Marieke de Boer", email: "m.deboer@hoorn.example" };
const transaction: LoginTransaction = { state: "s".repeat(43), nonce: "n".repeat(43), codeVerifier: "v".repeat(43), returnTo: "/medewerker" };
const START = Date.parse("2026-11-23T08:00:00Z");

function setup(key = randomBytes(32)) {
  let now = START;
  const clock = { now: () => new Date(now) };
  const sessions = createSessions({ key, clock, idleSeconds: 30 * 60, absoluteSeconds: 10 * 3600, loginSeconds: 600 });
  return { sessions, key, advance: (seconds: number) => (now += seconds * 1000) };
}

/** The same cookie with one character of the ciphertext or tag changed. */
function flip(cookie: string, part: number): string {
  const parts = cookie.split(".");
  const text = parts[part] ?? "";
  parts[part] = `${text[0] === "A" ? "B" : "A"}${text.slice(1)}`;
  return parts.join(".");
}

describe("sessions", () => {
  it("opens what it sealed, with the identity and a CSRF token, and renews on use", async () => {
    const { sessions, advance } = setup();
    const { session, cookie } = await sessions.create(identity);
    expect(session).toMatchObject({ ...identity, authAt: START / 1000, seenAt: START / 1000 });
    expect(session.csrf).toMatch(/^[\w-]{43}$/);
    advance(60);
    const resumed = await sessions.resume(cookie);
    expect(resumed?.session).toEqual({ ...session, seenAt: START / 1000 + 60 });
    expect(resumed?.cookie).not.toBe(cookie);
  });

  it("keeps no identity in clear in the cookie", async () => {
    const { sessions } = setup();
    const { cookie } = await sessions.create(identity);
    const decoded = cookie.split(".").map((p) => Buffer.from(p, "base64url").toString("latin1")).join("|");
    for (const secret of [identity.sub, identity.name, identity.email ?? ""]) expect(decoded).not.toContain(secret);
  });

  it("refuses a tampered cookie, a cookie under another key, and garbage", async () => {
    const { sessions } = setup();
    const { cookie } = await sessions.create(identity);
    for (const part of [0, 2, 3, 4]) expect(await sessions.resume(flip(cookie, part)), `part ${part}`).toBeUndefined();
    const other = setup();
    expect(await other.sessions.resume(cookie)).toBeUndefined();
    expect(await sessions.resume("not-a-jwe")).toBeUndefined();
    expect(await sessions.resume("")).toBeUndefined();
  });

  it("ends after 30 idle minutes", async () => {
    const { sessions, advance } = setup();
    const { cookie } = await sessions.create(identity);
    advance(29 * 60);
    const renewed = await sessions.resume(cookie);
    expect(renewed).toBeDefined();
    advance(29 * 60);
    // The renewed cookie is still good; the first one has idled out.
    expect(await sessions.resume(renewed?.cookie ?? "")).toBeDefined();
    expect(await sessions.resume(cookie)).toBeUndefined();
  });

  it("ends 10 hours after logging in, however busy", async () => {
    const { sessions, advance } = setup();
    let { cookie } = await sessions.create(identity);
    for (let minutes = 0; minutes < 10 * 60 - 20; minutes += 20) {
      advance(20 * 60);
      const renewed = await sessions.resume(cookie);
      expect(renewed, `after ${minutes + 20} minutes`).toBeDefined();
      cookie = renewed?.cookie ?? "";
    }
    advance(20 * 60);
    expect(await sessions.resume(cookie)).toBeUndefined();
  });

  it("checks the CSRF token in constant time, refusing missing and wrong ones", async () => {
    const { sessions } = setup();
    const { session } = await sessions.create(identity);
    expect(sessions.csrfMatches(session, session.csrf)).toBe(true);
    expect(sessions.csrfMatches(session, undefined)).toBe(false);
    expect(sessions.csrfMatches(session, "")).toBe(false);
    expect(sessions.csrfMatches(session, `${session.csrf}x`)).toBe(false);
    expect(sessions.csrfMatches(session, session.csrf.replace(/^./, (c) => (c === "A" ? "B" : "A")))).toBe(false);
  });

  it("refuses a key that is not 256 bits", () => {
    expect(() => createSessions({ key: randomBytes(16), clock: { now: () => new Date() } })).toThrow();
  });
});

describe("login transactions", () => {
  it("round-trip within ten minutes, and not after", async () => {
    const { sessions, advance } = setup();
    const cookie = await sessions.sealTransaction(transaction);
    advance(9 * 60);
    expect(await sessions.openTransaction(cookie)).toEqual(transaction);
    advance(2 * 60);
    expect(await sessions.openTransaction(cookie)).toBeUndefined();
  });

  it("are never taken for a session, nor a session for a transaction", async () => {
    const { sessions } = setup();
    const login = await sessions.sealTransaction(transaction);
    const { cookie } = await sessions.create(identity);
    expect(await sessions.resume(login)).toBeUndefined();
    expect(await sessions.openTransaction(cookie)).toBeUndefined();
    expect(await sessions.openTransaction(flip(login, 3))).toBeUndefined();
  });
});
