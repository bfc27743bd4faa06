// Staff login over real HTTP: the local hub, the embedded provider on its own port, openid-client in between.
// No browser here (see staff-browser.test.ts): each redirect is followed by hand so every hop can be checked.
import { createApp } from "@meldpunt/api";
import { createOidcLogin } from "@meldpunt/auth/oidc";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, follow, formPost, logIn, send } from "./support/browserless";
import { testHub } from "./support/local";

let hub: Awaited<ReturnType<typeof testHub>>;
beforeAll(async () => {
  hub = await testHub();
});
afterAll(async () => {
  await hub?.close();
});

const SESSION = "__Host-meldpunt-session";
const csrfIn = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

describe("logging in", () => {
  it("takes the Hoorn coordinator through the provider with code, PKCE, state and nonce, and back to the staff page", async () => {
    const jar = new CookieJar();
    const { atProvider, back, html } = await logIn(jar, `${hub.url}/medewerker`, "bi-hoorn", DEMO_PASSWORD);
    expect(atProvider.hops.map((h) => new URL(h.url).pathname)).toEqual(["/medewerker", "/inloggen", "/auth", expect.stringMatching(/^\/interactie\//)]);
    const authorize = new URL(atProvider.hops[2]?.url ?? "");
    expect(authorize.origin).toBe(hub.issuer);
    const params = Object.fromEntries(authorize.searchParams);
    expect(params).toMatchObject({
      response_type: "code",
      client_id: "meldpunt-hub",
      redirect_uri: `${hub.url}/inloggen/terug`,
      scope: "openid profile email",
      code_challenge_method: "S256",
    });
    for (const name of ["code_challenge", "state", "nonce"]) expect(params[name]).toMatch(/^[\w-]{43}$/);

    expect(back.url).toBe(`${hub.url}/medewerker`);
    expect(back.res.status).toBe(200);
    expect(back.res.headers.get("Cache-Control")).toBe("no-store");
    expect(html).toContain("Marieke de Boer");
    expect(html).toContain("Bureau Integriteit Hoorn, voor Gemeente Hoorn, Westfries Archief");
    expect(html).not.toContain(DEMO_PASSWORD);
  });

  it("sets the session cookie HttpOnly, Secure, SameSite=Lax, Path=/ under the __Host- prefix, and drops the login cookie", async () => {
    const jar = new CookieJar();
    const atProvider = await follow(jar, `${hub.url}/inloggen`);
    const html = await atProvider.res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? "";
    const toHub = await send(jar, new URL(action, atProvider.url).href, formPost({ username: "bi-hoorn", password: DEMO_PASSWORD }));
    const resumed = await send(jar, new URL(toHub.headers.get("Location") ?? "", atProvider.url).href);
    const callback = await send(jar, resumed.headers.get("Location") ?? "");
    expect(callback.status).toBe(303);
    expect(callback.headers.get("Location")).toBe("/medewerker");
    const cookies = callback.headers.getSetCookie();
    expect(cookies).toContainEqual(expect.stringMatching(/^__Host-meldpunt-login=; Max-Age=0; Path=\/; HttpOnly; Secure; SameSite=Lax$/));
    expect(cookies).toContainEqual(expect.stringMatching(/^__Host-meldpunt-session=[\w.-]+; Max-Age=1800; Path=\/; HttpOnly; Secure; SameSite=Lax$/));
  });

  it.each(["//evil.example", "/\\evil.example", "https://evil.example/medewerker", "/..//evil.example"])("does not follow ?terug=%s", async (terug) => {
    const jar = new CookieJar();
    const { back, atProvider } = await logIn(jar, `${hub.url}/inloggen?terug=${encodeURIComponent(terug)}`, "bi-hoorn", DEMO_PASSWORD);
    expect(back.url).toBe(`${hub.url}/medewerker`);
    for (const hop of [...atProvider.hops, ...back.hops]) expect(hop.location ?? "").not.toMatch(/^(https?:)?[/\\]{2}evil|evil\.example\/medewerker/);
  });

  it("goes back to a local ?terug= path, language included", async () => {
    const { back, html } = await logIn(new CookieJar(), `${hub.url}/medewerker?lang=en`, "bi-hoorn", DEMO_PASSWORD);
    expect(back.url).toBe(`${hub.url}/medewerker?lang=en`);
    expect(html).toContain("You are logged in as Marieke de Boer.");
  });

  it("keeps a wrong password at the provider, with an error and no session", async () => {
    const jar = new CookieJar();
    const { back, html } = await logIn(jar, `${hub.url}/medewerker`, "bi-hoorn", "wrong");
    expect(back.res.status).toBe(400);
    expect(new URL(back.url).origin).toBe(hub.issuer);
    expect(html).toContain("De gebruikersnaam of het wachtwoord klopt niet.");
    expect(jar.get(hub.url, SESSION)).toBeUndefined();
  });

  it("refuses a callback without the login cookie, with a wrong state, or replayed", async () => {
    const jar = new CookieJar();
    const { back } = await logIn(jar, `${hub.url}/medewerker`, "bi-hoorn", DEMO_PASSWORD);
    const callback = back.hops.find((h) => h.url.startsWith(`${hub.url}/inloggen/terug`))?.url ?? "";
    expect(callback).toContain("code=");
    // Replayed: the login cookie was used up, and the code with it.
    expect((await send(jar, callback)).status).toBe(400);

    const fresh = new CookieJar();
    await send(fresh, `${hub.url}/inloggen`);
    const wrongState = new URL(callback);
    wrongState.searchParams.set("state", "x".repeat(43));
    expect((await send(fresh, wrongState.href)).status).toBe(400);
    expect((await send(new CookieJar(), callback)).status).toBe(400);
  });
});

describe("sessions and CSRF", () => {
  it("refuses a tampered session cookie: back to the login", async () => {
    const jar = new CookieJar();
    await logIn(jar, `${hub.url}/medewerker`, "bi-hoorn", DEMO_PASSWORD);
    const cookie = jar.get(hub.url, SESSION) ?? "";
    const tag = cookie.split(".").at(-1) ?? "";
    jar.set(hub.url, SESSION, `${cookie.slice(0, -tag.length)}${tag[0] === "A" ? "B" : "A"}${tag.slice(1)}`);
    const res = await send(jar, `${hub.url}/medewerker`);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/inloggen?terug=%2Fmedewerker");
  });

  it("refuses a logout without or with a wrong CSRF token (403), keeping the session; with the token it logs out", async () => {
    const jar = new CookieJar();
    const { html } = await logIn(jar, `${hub.url}/medewerker`, "bi-hoorn", DEMO_PASSWORD);
    const csrf = csrfIn(html);
    expect(csrf).toMatch(/^[\w-]{43}$/);

    expect((await send(jar, `${hub.url}/uitloggen`, formPost({}))).status).toBe(403);
    expect((await send(jar, `${hub.url}/uitloggen`, formPost({ csrf: `${csrf.slice(1)}A` }))).status).toBe(403);
    expect((await send(jar, `${hub.url}/medewerker`)).status).toBe(200);

    const out = await send(jar, `${hub.url}/uitloggen`, formPost({ csrf }));
    expect(out.status).toBe(303);
    const endSession = new URL(out.headers.get("Location") ?? "");
    expect(endSession.origin).toBe(hub.issuer);
    expect(Object.fromEntries(endSession.searchParams)).toMatchObject({ client_id: "meldpunt-hub", post_logout_redirect_uri: `${hub.url}/uitgelogd` });
    expect(jar.get(hub.url, SESSION)).toBeUndefined();
    const again = await send(jar, `${hub.url}/medewerker`);
    expect(again.status).toBe(303);
    expect(again.headers.get("Location")).toMatch(/^\/inloggen/);
  });
});

describe("what each role is shown", () => {
  it("lets every demo account log in and names each of its roles' desks and members as the region has them", async () => {
    const [members, desks] = await Promise.all([hub.deps.region.listMembers(), hub.deps.region.listDesks()]);
    for (const account of DEMO_ACCOUNTS) {
      const { back, html } = await logIn(new CookieJar(), `${hub.url}/medewerker`, account.username, DEMO_PASSWORD);
      expect(back.res.status, account.username).toBe(200);
      expect(html).toContain(account.staff.name);
      for (const role of account.staff.roles) {
        if (role.role === "desk-staff") expect(html, account.username).toContain(desks.find((d) => d.id === role.desk)?.name ?? `no desk ${role.desk}`);
        if (role.role === "member-admin") expect(html, account.username).toContain(members.find((m) => m.id === role.member)?.name ?? `no member ${role.member}`);
      }
    }
  });

  it("shows the Westfries Archief's admin their own member and no case content", async () => {
    const { html } = await logIn(new CookieJar(), `${hub.url}/medewerker`, "beheer-archief", DEMO_PASSWORD);
    expect(html).toContain("Els Mulder");
    expect(html).toContain("De instellingen van de organisatie wijzigen: Westfries Archief");
    expect(html).not.toContain("Gemeente Hoorn");
    expect(html).not.toContain("Meldingen lezen");
    expect(html).toContain("U kunt geen inhoud van meldingen lezen.");
  });
});

describe("without staff login (the Lambda until Cognito is wired)", () => {
  it("answers 404 on every staff route", async () => {
    const app = createApp({ ...hub.deps, auth: undefined });
    for (const [method, path] of [
      ["GET", "/inloggen"],
      ["GET", "/inloggen/terug?code=x&state=y"],
      ["GET", "/medewerker"],
      ["POST", "/uitloggen"],
    ] as const) {
      const res = await app.request(path, { method, headers: { Accept: "text/html" } });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });
});

describe("logs", () => {
  it("never carry the code, the state or a cookie, even when the provider cannot be reached", async () => {
    const logged: unknown[] = [];
    const login = createOidcLogin({
      // Nothing listens on the discard port: discovery fails, and the failure is logged (503).
      issuer: "http://127.0.0.1:9",
      clientId: "meldpunt-hub",
      redirectUri: `${hub.url}/inloggen/terug`,
      postLogoutRedirectUri: `${hub.url}/uitgelogd`,
    });
    const app = createApp({ ...hub.deps, auth: { ...hub.deps.auth, login }, logger: { error: (...args: unknown[]) => void logged.push(args) } });
    const transaction = await hub.deps.auth.sessions.sealTransaction({ state: "S".repeat(43), nonce: "N".repeat(43), codeVerifier: "V".repeat(43), returnTo: "/medewerker" });
    const res = await app.request(`/inloggen/terug?code=${"C".repeat(43)}&state=${"S".repeat(43)}`, {
      headers: { Accept: "text/html", Cookie: `__Host-meldpunt-login=${transaction}` },
    });
    expect(res.status).toBe(503);
    expect(logged).toHaveLength(1);
    const line = JSON.stringify(logged);
    for (const secret of ["C".repeat(20), "S".repeat(20), "V".repeat(20), transaction.slice(-20)]) expect(line).not.toContain(secret);
  });
});
