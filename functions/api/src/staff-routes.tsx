// Staff login and the first staff page. The only way in is the OIDC provider: there is no password form here.
import { LoginFailedError, safeReturnPath } from "@meldpunt/auth";
import type { RegionStore } from "@meldpunt/domain";
import { grantsOf } from "@meldpunt/domain/staff";
import { href, type Lang, MessagePage, tr } from "@meldpunt/web";
import { S, StaffPage } from "@meldpunt/web/staff";
import { Hono } from "hono";
import { checkCsrf, requireStaff, type StaffAuth } from "./require-staff";
import { limitForm, page } from "./respond";
import { clearLoginCookie, clearSessionCookie, readLoginCookie, readSessionCookie, writeLoginCookie, writeSessionCookie } from "./staff-cookies";

type Env = { Variables: { lang: Lang } };

export function staffRoutes(auth: StaffAuth, region: RegionStore, options: { demoMail?: boolean } = {}): Hono<Env> {
  // No middleware here: mounted at "/", it would run for every route of the app. The app's own default is no-store.
  const app = new Hono<Env>();

  /** Starts a login at the provider; `?terug=` is where to come back to, a local path only. */
  app.get("/inloggen", async (c) => {
    const { url, transaction } = await auth.login.start({ returnTo: safeReturnPath(c.req.query("terug")), lang: c.get("lang") });
    writeLoginCookie(c, await auth.sessions.sealTransaction(transaction), auth.sessions.loginSeconds);
    return c.redirect(url.href, 303);
  });

  /** The provider's answer. The transaction cookie is used once, whatever the outcome. */
  app.get("/inloggen/terug", async (c) => {
    const cookie = readLoginCookie(c);
    clearLoginCookie(c);
    const transaction = cookie ? await auth.sessions.openTransaction(cookie) : undefined;
    if (!transaction) throw new LoginFailedError();
    const identity = await auth.login.finish(new URL(c.req.url).search, transaction);
    const { cookie: session } = await auth.sessions.create(identity);
    writeSessionCookie(c, session, auth.sessions.idleSeconds);
    return c.redirect(safeReturnPath(transaction.returnTo), 303);
  });

  /** Ends the hub's session, then the provider's where it offers that. Without a session there is nothing to end. */
  app.post("/uitloggen", limitForm, async (c) => {
    const lang = c.get("lang");
    const cookie = readSessionCookie(c);
    const session = cookie ? (await auth.sessions.resume(cookie))?.session : undefined;
    if (session) await checkCsrf(c, auth, session);
    clearSessionCookie(c);
    const providerLogout = session ? await auth.login.logoutUrl(lang) : undefined;
    return c.redirect(providerLogout?.href ?? href(lang, "/uitgelogd"), 303);
  });

  app.get("/uitgelogd", (c) => {
    const lang = c.get("lang");
    return page(c, <MessagePage lang={lang} title={tr(lang, S.loggedOutTitle)} message={tr(lang, S.loggedOutText)} />);
  });

  app.get("/medewerker", requireStaff({ auth, region }), async (c) => {
    const { record, session } = c.get("staff");
    const [members, desks] = await Promise.all([region.listMembers(), region.listDesks()]);
    return page(
      c,
      <StaffPage lang={c.get("lang")} staff={record} members={members} desks={desks} grants={grantsOf(record, { members, desks })} csrf={session.csrf} demoMail={options.demoMail} />,
    );
  });

  return app;
}
