// The hub's Content-Security-Policy, as the app sends it (functions/api/src/app.tsx, hono's secureHeaders, for a
// deployment without staff login): everything from the hub itself, no third-party request from any page. CloudFront's
// response headers policy sets it on what S3 serves (/assets/*) and leaves the app's own header on pages, which may
// widen form-action to the identity provider once staff login is wired. The deployed-bundle test checks the two agree.
export const HUB_CSP_DIRECTIVES: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "base-uri": ["'none'"],
  "object-src": ["'none'"],
};

export const HUB_CSP = Object.entries(HUB_CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
  .join("; ");

/** A CSP header parsed into directive → sources, for comparing policies whatever their order. */
export function parseCsp(header: string): Record<string, string[]> {
  return Object.fromEntries(
    header
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([directive, ...sources]) => [directive as string, sources]),
  );
}
