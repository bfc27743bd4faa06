// requireStaff in-process, with real sealed sessions and a fixed clock: redirect without a session, 403 without a
// record, without the right or without the CSRF token, and the staff member in the context when all is well.
import { randomBytes } from "node:crypto";
import type { OidcLogin } from "@meldpunt/auth";
import { createSessions } from "@meldpunt/auth/sessions";
import type { Staff, StaffStore } from "@meldpunt/domain/staff";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { toProblem } from "../src/http-errors";
import { requireStaff, type StaffAuth } from "../src/require-staff";

const NOW = Date.parse("2026-11-23T08:00:00Z");
let now = NOW;
const sessions = createSessions({ key: randomBytes(32), clock: { now: () => new Date(now) } });

const archiefAdmin: Staff = {
  id: "demo-beheer-archief",
  name: "Els Mulder",
  email: "e.mulder@westfriesarchief.example",
  roles: [{ role: "member-admin", member: "westfries-archief" }],
  version: 1,
};
const records = new Map([[archiefAdmin.id, archiefAdmin]]);
const staff: StaffStore = {
  getStaff: async (id) => records.get(id),
  putStaff: async () => undefined,
  listStaff: async () => [...records.values()],
};
// requireStaff never starts a login itself; the routes do.
const login = {} as OidcLogin;
const auth: StaffAuth = { login, sessions, staff };
const region = { listDesks: async () => [] };

function app() {
  const a = new Hono();
  a.onError((error, c) => c.text(toProblem(error).kind, toProblem(error).status));
  const editConfig = requireStaff({ auth, region, right: (c) => ({ action: "edit-member-config", scope: { member: c.req.param("member") } }) });
  a.get("/leden/:member/instellingen", editConfig, (c) => c.text(`ok ${c.get("staff").record.name}`));
  a.post("/leden/:member/instellingen", editConfig, (c) => c.text("saved"));
  a.get("/medewerker", requireStaff({ auth, region }), (c) => c.text(c.get("staff").session.sub));
  return a;
}

async function cookieFor(sub: string) {
  const { session, cookie } = await sessions.create({ sub, name: "X" });
  return { session, header: `__Host-meldpunt-session=${cookie}` };
}

const post = (cookie: string, body: Record<string, string>) => ({
  method: "POST",
  headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(body).toString(),
});

describe("requireStaff", () => {
  it("sends a GET without a session to the login, with the way back, and never caches", async () => {
    const res = await app().request("/leden/westfries-archief/instellingen?lang=en");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/inloggen?terug=${encodeURIComponent("/leden/westfries-archief/instellingen?lang=en")}`);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("refuses a POST without a session with 403 rather than losing its form on a detour", async () => {
    expect((await app().request("/leden/westfries-archief/instellingen", post("", {}))).status).toBe(403);
  });

  it("lets a member admin edit their own member's configuration only", async () => {
    const { header } = await cookieFor(archiefAdmin.id);
    const own = await app().request("/leden/westfries-archief/instellingen", { headers: { Cookie: header } });
    expect(own.status).toBe(200);
    expect(await own.text()).toBe("ok Els Mulder");
    expect(own.headers.get("Cache-Control")).toBe("no-store");
    // The session is renewed on every use.
    expect(own.headers.get("Set-Cookie")).toMatch(/^__Host-meldpunt-session=[^;]+; Max-Age=1800; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const foreign = await app().request("/leden/hoorn/instellingen", { headers: { Cookie: header } });
    expect(foreign.status).toBe(403);
  });

  it("refuses someone the provider knows but the hub has no record of", async () => {
    const { header } = await cookieFor("unknown-subject");
    expect((await app().request("/medewerker", { headers: { Cookie: header } })).status).toBe(403);
  });

  it("needs the session's CSRF token on a POST: missing or wrong is 403", async () => {
    const { session, header } = await cookieFor(archiefAdmin.id);
    const path = "/leden/westfries-archief/instellingen";
    expect((await app().request(path, post(header, {}))).status).toBe(403);
    expect((await app().request(path, post(header, { csrf: "x".repeat(43) }))).status).toBe(403);
    const other = await cookieFor(archiefAdmin.id);
    expect((await app().request(path, post(header, { csrf: other.session.csrf }))).status).toBe(403);
    const ok = await app().request(path, post(header, { csrf: session.csrf }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("saved");
  });

  it("treats a tampered or idled-out session as none", async () => {
    const { header } = await cookieFor(archiefAdmin.id);
    const tampered = header.replace(/.(\.[^.]+)$/, (whole, tag: string) => `${whole[0] === "A" ? "B" : "A"}${tag}`);
    expect((await app().request("/medewerker", { headers: { Cookie: tampered } })).status).toBe(303);
    now += 31 * 60 * 1000;
    try {
      expect((await app().request("/medewerker", { headers: { Cookie: header } })).status).toBe(303);
    } finally {
      now = NOW;
    }
  });
});
