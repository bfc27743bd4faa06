// The Lambda's staff side as the environment describes it (infra/src/stateless-stack.ts sets it; docs/cloud.md):
// staff login (OIDC), the session and audit keys, and the sender of reporter notices. Read once, when the handler is
// built. Without OIDC_ISSUER there is no staff side (its routes answer 404, docs/decisions.md 17); with it, anything
// missing or malformed stops the function with the names of what is wrong, never a value.
import type { OidcLoginOptions } from "@meldpunt/auth/oidc";
import * as z from "zod/mini";

export interface StaffSettings {
  login: OidcLoginOptions;
  /** 32 bytes: seals staff sessions and login transactions (docs/decisions.md 15). */
  sessionKey: Uint8Array;
  /** 32 bytes: keys the audit chain (docs/decisions.md 29); the deadline job has the same. */
  auditKey: Uint8Array;
  /** Where reporter notices point to (`<hubUrl>/opvolgen`). */
  hubUrl: string;
  /** The verified SES identity notices come from, and an optional configuration set. */
  mail: { sender: string; configurationSet?: string };
}

const missing = (issue: { input?: unknown }, otherwise: string) => (issue.input === undefined || issue.input === "" ? "is not set" : otherwise);
const text = z.string({ error: (issue) => missing(issue, "is not text") }).check(z.minLength(1, { error: "is not set" }));
const url = z.url({ error: (issue) => missing(issue, "is not a URL") });
const key = z.string({ error: (issue) => missing(issue, "is not text") }).check(
  z.refine((value) => Buffer.from(value, "base64url").length === 32, { error: (issue) => missing(issue, "is not 32 bytes (base64url)") }),
);

const StaffEnv = z.object({
  OIDC_ISSUER: url,
  OIDC_CLIENT_ID: text,
  /** Cognito's client is public (PKCE alone); the embedded provider's has a secret. */
  OIDC_CLIENT_SECRET: z.optional(text),
  OIDC_REDIRECT_URL: url,
  OIDC_POST_LOGOUT_URL: url,
  SESSION_KEY: key,
  AUDIT_KEY: key,
  HUB_URL: url,
  MAIL_SENDER: text,
  MAIL_CONFIGURATION_SET: z.optional(text),
});

export function staffSettings(env: Record<string, string | undefined>): StaffSettings | undefined {
  if (env.OIDC_ISSUER === undefined) return undefined;
  const parsed = z.safeParse(StaffEnv, env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
    throw new Error(`the staff side cannot start: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  return {
    login: {
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      ...(e.OIDC_CLIENT_SECRET ? { clientSecret: e.OIDC_CLIENT_SECRET } : {}),
      redirectUri: e.OIDC_REDIRECT_URL,
      postLogoutRedirectUri: e.OIDC_POST_LOGOUT_URL,
    },
    sessionKey: Buffer.from(e.SESSION_KEY, "base64url"),
    auditKey: Buffer.from(e.AUDIT_KEY, "base64url"),
    hubUrl: e.HUB_URL,
    mail: { sender: e.MAIL_SENDER, ...(e.MAIL_CONFIGURATION_SET ? { configurationSet: e.MAIL_CONFIGURATION_SET } : {}) },
  };
}
