// What the app sees of staff login. The implementations are on their own entry points (`@meldpunt/auth/oidc`,
// `@meldpunt/auth/sessions`) so that the app, which only needs these types, bundles neither openid-client nor jose.

/** Who logged in, as the identity provider says: the subject is the key to the hub's staff record. */
export interface StaffIdentity {
  sub: string;
  name: string;
  email?: string;
}

/** A staff session as its cookie carries it: the identity, a CSRF token, and its times. Nothing about cases. */
export interface StaffSession extends StaffIdentity {
  /** Per-session token every state-changing staff form must post back. */
  csrf: string;
  /** When the person logged in (seconds since the epoch): the absolute timeout counts from here. */
  authAt: number;
  /** When the session was last used (seconds): the idle timeout counts from here. */
  seenAt: number;
}

/** What must survive the round trip to the identity provider, in its own short-lived cookie. */
export interface LoginTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A local path (checked by safeReturnPath) to go back to after logging in. */
  returnTo: string;
}

/** The OIDC relying party: authorization code with PKCE, state and nonce (openid-client). */
export interface OidcLogin {
  /** The issuer URL this login is configured with; its origin is where logout forms may lead. */
  readonly issuer: string;
  /** Where to send the browser, and what to keep until it comes back. */
  start(options: { returnTo: string; lang: string }): Promise<{ url: URL; transaction: LoginTransaction }>;
  /** Checks the provider's answer (the callback's query string) against the transaction and redeems the code. */
  finish(callbackQuery: string, transaction: LoginTransaction): Promise<StaffIdentity>;
  /** The provider's end-session URL, or undefined when it offers none (Cognito's discovery document lists none). */
  logoutUrl(lang: string): Promise<URL | undefined>;
}

/** Sealed cookie values: encrypted and integrity-protected with the session key, checked against the clock. */
export interface SessionSealer {
  /** Also the session cookie's Max-Age: the browser drops an idle session too. */
  readonly idleSeconds: number;
  /** Also the login cookie's Max-Age. */
  readonly loginSeconds: number;
  /** A new session for someone who just logged in, with a fresh CSRF token. */
  create(identity: StaffIdentity): Promise<{ session: StaffSession; cookie: string }>;
  /** The session in a cookie, renewed (its idle time starts again); undefined if tampered, expired or idle too long. */
  resume(cookie: string): Promise<{ session: StaffSession; cookie: string } | undefined>;
  sealTransaction(transaction: LoginTransaction): Promise<string>;
  /** The transaction in a cookie; undefined if tampered or older than `loginSeconds`. */
  openTransaction(cookie: string): Promise<LoginTransaction | undefined>;
  /** Constant-time check of a posted CSRF token against the session's. */
  csrfMatches(session: StaffSession, posted: string | undefined): boolean;
}
