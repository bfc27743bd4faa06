// The two staff cookies. Both are sealed by the session key (see @meldpunt/auth/sessions) and carry the `__Host-`
// prefix, so the browser takes them only with Secure, Path=/ and no Domain: no other host can set or read them.
// SameSite=Lax: the provider sends the browser back with a top-level GET, which must carry the login cookie.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

const SESSION = "meldpunt-session";
const LOGIN = "meldpunt-login";
const ATTRIBUTES = { httpOnly: true, secure: true, sameSite: "Lax", path: "/", prefix: "host" } as const;

export const readSessionCookie = (c: Context) => getCookie(c, SESSION, "host");
export const writeSessionCookie = (c: Context, value: string, maxAgeSeconds: number) => setCookie(c, SESSION, value, { ...ATTRIBUTES, maxAge: maxAgeSeconds });
export const clearSessionCookie = (c: Context) => deleteCookie(c, SESSION, ATTRIBUTES);

export const readLoginCookie = (c: Context) => getCookie(c, LOGIN, "host");
export const writeLoginCookie = (c: Context, value: string, maxAgeSeconds: number) => setCookie(c, LOGIN, value, { ...ATTRIBUTES, maxAge: maxAgeSeconds });
export const clearLoginCookie = (c: Context) => deleteCookie(c, LOGIN, ATTRIBUTES);
