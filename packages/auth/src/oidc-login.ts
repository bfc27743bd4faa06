// The hub as an OpenID Connect relying party (openid-client): authorization code with PKCE (S256), state and nonce.
// Configured by issuer URL, client id, optional secret and redirect URL only, so Amazon Cognito in the cloud and the
// embedded provider locally go through exactly this code. openid-client verifies the ID token's signature, issuer,
// audience, expiry and nonce; the tokens themselves are dropped here and never stored or logged.
import { UnavailableError } from "@meldpunt/domain";
import * as oidc from "openid-client";
import { LoginFailedError } from "./errors";
import type { LoginTransaction, OidcLogin, StaffIdentity } from "./types";

export interface OidcLoginOptions {
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE alone); sent as client_secret_post when present. */
  clientSecret?: string;
  /** The hub's callback, `<origin>/inloggen/terug`, exactly as registered at the provider. */
  redirectUri: string;
  /** Where the provider sends the browser after logging out there. */
  postLogoutRedirectUri: string;
}

const SCOPE = "openid profile email";
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function createOidcLogin(options: OidcLoginOptions): OidcLogin {
  const issuer = new URL(options.issuer);
  // Plain HTTP only for a provider on this machine (the embedded one); any other issuer must use HTTPS.
  const insecureLoopback = issuer.protocol === "http:" && LOOPBACK.has(issuer.hostname);
  const clientAuth = options.clientSecret ? oidc.ClientSecretPost(options.clientSecret) : oidc.None();

  // Discovered once, on first use; a failed discovery is forgotten so that the next login tries again.
  let config: Promise<oidc.Configuration> | undefined;
  function configuration(): Promise<oidc.Configuration> {
    config ??= oidc
      .discovery(issuer, options.clientId, undefined, clientAuth, insecureLoopback ? { execute: [oidc.allowInsecureRequests] } : {})
      .catch((error: unknown) => {
        config = undefined;
        throw new UnavailableError({ cause: error });
      });
    return config;
  }

  return {
    issuer: issuer.href,
    async start({ returnTo, lang }) {
      const c = await configuration();
      const transaction: LoginTransaction = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
        returnTo,
      };
      const url = oidc.buildAuthorizationUrl(c, {
        redirect_uri: options.redirectUri,
        scope: SCOPE,
        response_type: "code",
        code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
        code_challenge_method: "S256",
        state: transaction.state,
        nonce: transaction.nonce,
        ui_locales: lang,
      });
      return { url, transaction };
    },
    async finish(callbackQuery, transaction): Promise<StaffIdentity> {
      const c = await configuration();
      // The callback as registered, not as this request arrived (behind CloudFront the host and scheme differ).
      const current = new URL(options.redirectUri);
      current.search = callbackQuery;
      let claims: oidc.IDToken | undefined;
      try {
        const tokens = await oidc.authorizationCodeGrant(c, current, {
          pkceCodeVerifier: transaction.codeVerifier,
          expectedState: transaction.state,
          expectedNonce: transaction.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (error) {
        throw new LoginFailedError({ cause: error });
      }
      if (!claims) throw new LoginFailedError();
      const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
      const email = text(claims.email);
      return { sub: claims.sub, name: text(claims.name) ?? email ?? claims.sub, ...(email ? { email } : {}) };
    },
    async logoutUrl(lang) {
      const c = await configuration();
      if (!c.serverMetadata().end_session_endpoint) return undefined;
      return oidc.buildEndSessionUrl(c, { post_logout_redirect_uri: options.postLogoutRedirectUri, ui_locales: lang });
    },
  };
}
