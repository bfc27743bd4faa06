// `requireStaff`: the gate in front of every staff route. No valid session: to the login (a GET) or 403 (anything
// else, which would lose its form on a detour). A state-changing request must carry the session's CSRF token. The
// staff member must have a record in the hub's store, and, when the route names a right, `can` must say yes.
import type { OidcLogin, SessionSealer, StaffSession } from "@meldpunt/auth";
import { ForbiddenError, type RegionStore } from "@meldpunt/domain";
import { type Action, can, type Scope, type Staff, type StaffStore } from "@meldpunt/domain/staff";
import { href, type Lang } from "@meldpunt/web";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { readSessionCookie, writeSessionCookie } from "./staff-cookies";

/** Staff login, when this deployment has it: the OIDC relying party, the session sealer and the staff records. */
export interface StaffAuth {
  login: OidcLogin;
  sessions: SessionSealer;
  staff: StaffStore;
}

/** Set by requireStaff for the route behind it. */
export type StaffVariables = { staff: { session: StaffSession; record: Staff } };

export interface RequireStaffOptions {
  auth: StaffAuth;
  region: Pick<RegionStore, "listDesks">;
  /** The right the route needs; absent, any staff member with a record in the hub passes. */
  right?: (c: Context) => { action: Action; scope: Scope };
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

const FORBIDDEN = {
  sessionEnded: { nl: "Uw sessie is verlopen. Log opnieuw in en probeer het nog eens.", en: "Your session has ended. Log in again and try once more." },
  csrf: {
    nl: "Dit formulier is niet geaccepteerd. Laad de pagina opnieuw en probeer het nog eens.",
    en: "This form was not accepted. Reload the page and try once more.",
  },
  noRecord: {
    nl: "U bent ingelogd, maar u hebt geen toegang tot het meldpunt. Vraag de beheerder van uw organisatie om toegang.",
    en: "You are logged in, but you have no access to the hub. Ask your organisation's administrator for access.",
  },
};

/** The session in the request's cookie, renewed on the response; undefined if there is none that is valid. */
async function resumeSession(c: Context, auth: StaffAuth): Promise<StaffSession | undefined> {
  const cookie = readSessionCookie(c);
  const resumed = cookie ? await auth.sessions.resume(cookie) : undefined;
  if (!resumed) return undefined;
  writeSessionCookie(c, resumed.cookie, auth.sessions.idleSeconds);
  return resumed.session;
}

/** Refuses a state-changing request whose form does not carry the session's CSRF token. */
export async function checkCsrf(c: Context, auth: StaffAuth, session: StaffSession): Promise<void> {
  let posted: unknown;
  try {
    posted = (await c.req.parseBody()).csrf;
  } catch {
    posted = undefined;
  }
  if (!auth.sessions.csrfMatches(session, typeof posted === "string" ? posted : undefined)) throw new ForbiddenError(FORBIDDEN.csrf);
}

export function requireStaff(options: RequireStaffOptions) {
  const { auth } = options;
  return createMiddleware<{ Variables: StaffVariables & { lang?: Lang } }>(async (c, next) => {
    // Staff pages show who is logged in and what they may do: no cache may keep them.
    c.header("Cache-Control", "no-store");
    const session = await resumeSession(c, auth);
    if (!session) {
      if (!SAFE_METHODS.has(c.req.method)) throw new ForbiddenError(FORBIDDEN.sessionEnded);
      const url = new URL(c.req.url);
      return c.redirect(href(c.get("lang") ?? "nl", `/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`), 303);
    }
    if (!SAFE_METHODS.has(c.req.method)) await checkCsrf(c, auth, session);
    const record = await auth.staff.getStaff(session.sub);
    if (!record) throw new ForbiddenError(FORBIDDEN.noRecord);
    if (options.right) {
      const { action, scope } = options.right(c);
      if (!can(record, action, scope, { desks: await options.region.listDesks() })) throw new ForbiddenError();
    }
    c.set("staff", { session, record });
    await next();
  });
}
