// `?terug=` says where to go after logging in. Only a path on this hub is followed: anything a browser could read as
// another origin (`//evil`, `/\evil`, `https://…`, control characters that browsers strip) falls back to the default.
const BASE = "http://hub.invalid";
const MAX_LENGTH = 512;

export const DEFAULT_RETURN_PATH = "/medewerker";
/** One leading slash, not followed by a second slash or a backslash. */
const LOCAL_PATH = /^\/(?![/\\])/;

export function safeReturnPath(value: string | undefined): string {
  if (!value || value.length > MAX_LENGTH) return DEFAULT_RETURN_PATH;
  // A single leading slash, then no second slash or backslash; no backslash, whitespace or control character at all.
  if (!LOCAL_PATH.test(value) || /[\\\s\p{Cc}]/u.test(value)) return DEFAULT_RETURN_PATH;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  const path = `${url.pathname}${url.search}`;
  // Dot segments are resolved by the parser ("/..//evil" becomes "//evil"): the result must pass the same test.
  if (url.origin !== BASE || !LOCAL_PATH.test(path)) return DEFAULT_RETURN_PATH;
  // Back to the login itself would loop.
  if (url.pathname === "/inloggen" || url.pathname.startsWith("/inloggen/")) return DEFAULT_RETURN_PATH;
  return path;
}
