import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { staffSettings } from "../src/staff-env";

const sessionKey = randomBytes(32).toString("base64url");
const auditKey = randomBytes(32).toString("base64url");
const complete = {
  OIDC_ISSUER: "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_abc",
  OIDC_CLIENT_ID: "client",
  OIDC_REDIRECT_URL: "https://meldpunt.example/inloggen/terug",
  OIDC_POST_LOGOUT_URL: "https://meldpunt.example/uitgelogd",
  SESSION_KEY: sessionKey,
  AUDIT_KEY: auditKey,
  HUB_URL: "https://meldpunt.example",
  MAIL_SENDER: "meldpunt@meldpunt.example",
};

describe("staffSettings", () => {
  it("is undefined without OIDC_ISSUER: no staff side (its routes answer 404)", () => {
    expect(staffSettings({ TABLE_NAME: "meldpunt", SESSION_KEY: sessionKey })).toBeUndefined();
  });

  it("reads a complete environment, a public client without a secret", () => {
    const settings = staffSettings(complete);
    expect(settings?.login).toEqual({
      issuer: complete.OIDC_ISSUER,
      clientId: "client",
      redirectUri: complete.OIDC_REDIRECT_URL,
      postLogoutRedirectUri: complete.OIDC_POST_LOGOUT_URL,
    });
    expect(Buffer.from(settings?.sessionKey ?? []).toString("base64url")).toBe(sessionKey);
    expect(Buffer.from(settings?.auditKey ?? []).toString("base64url")).toBe(auditKey);
    expect(settings?.mail).toEqual({ sender: complete.MAIL_SENDER });
    expect(settings?.hubUrl).toBe(complete.HUB_URL);
  });

  it("takes the optional client secret and configuration set", () => {
    const settings = staffSettings({ ...complete, OIDC_CLIENT_SECRET: "s3cret", MAIL_CONFIGURATION_SET: "hub" });
    expect(settings?.login.clientSecret).toBe("s3cret");
    expect(settings?.mail).toEqual({ sender: complete.MAIL_SENDER, configurationSet: "hub" });
  });

  it("names everything missing or malformed at once, and no value", () => {
    const shortKey = randomBytes(16).toString("base64url");
    const env = { ...complete, OIDC_CLIENT_ID: undefined, SESSION_KEY: shortKey, AUDIT_KEY: "", OIDC_REDIRECT_URL: "not a url", MAIL_SENDER: undefined };
    let message = "";
    try {
      staffSettings(env);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      "the staff side cannot start: OIDC_CLIENT_ID is not set; OIDC_REDIRECT_URL is not a URL; SESSION_KEY is not 32 bytes (base64url); AUDIT_KEY is not set; MAIL_SENDER is not set",
    );
    for (const value of [shortKey, sessionKey, auditKey, "not a url"]) expect(message).not.toContain(value);
  });

  it("refuses an issuer that is no URL", () => {
    expect(() => staffSettings({ ...complete, OIDC_ISSUER: "cognito" })).toThrow("the staff side cannot start: OIDC_ISSUER is not a URL");
  });
});
