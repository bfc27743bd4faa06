// The embedded OpenID provider of the local default (oidc-provider): what Amazon Cognito is in the cloud. It runs on
// its own loopback port, like a real provider on its own origin, so the hub logs in through exactly the same OIDC code
// path. One client (the hub, confidential, PKCE required), demo accounts with one demo password, and server-rendered
// Dutch-first pages. Its signing key, cookie keys and client secret are made on first start and kept under the data
// folder (0600), so a restart keeps the hub's configuration valid.
import { createHash, generateKeyPair, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Lang, langOf, tr } from "@meldpunt/web";
import { S } from "@meldpunt/web/staff";
import type { Asset } from "@meldpunt/web/assets";
import { ProviderLoginPage, ProviderLogoutPage, ProviderMessagePage } from "@meldpunt/web/provider";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import type { DemoAccount } from "./demo-staff";
import { memoryAdapters } from "./provider-memory";
import { readOrCreateSecret } from "./secret-file";

const HUB_CLIENT_ID = "meldpunt-hub";

export interface EmbeddedProviderOptions {
  /** Where its keys are kept (the data folder's `auth/`). */
  dir: string;
  /** A loopback port; 0 takes any free one. */
  port: number;
  /** The hub's origin: the client's redirect and post-logout URIs are under it. */
  hubUrl: string;
  accounts: DemoAccount[];
  password: string;
  /** The hub's stylesheet, served by the provider itself so its pages make no request elsewhere. */
  stylesheet?: Asset;
}

export interface EmbeddedProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

interface ProviderKeys {
  signingKey: Record<string, unknown>;
  cookieKeys: string[];
  clientSecret: string;
}

const HOST = "127.0.0.1";
const MAX_FORM_BYTES = 4096;

async function providerKeys(dir: string): Promise<ProviderKeys> {
  const file = await readOrCreateSecret(join(dir, "oidc-provider.json"), async () => {
    // RS256, as Cognito signs its ID tokens.
    const { privateKey } = await promisify(generateKeyPair)("rsa", { modulusLength: 2048 });
    const keys: ProviderKeys = {
      signingKey: { ...privateKey.export({ format: "jwk" }), kid: randomBytes(8).toString("hex"), alg: "RS256", use: "sig" },
      cookieKeys: [randomBytes(32).toString("base64url")],
      clientSecret: randomBytes(32).toString("base64url"),
    };
    return Buffer.from(JSON.stringify(keys));
  });
  return JSON.parse(file.toString("utf8")) as ProviderKeys;
}

export async function startEmbeddedProvider(options: EmbeddedProviderOptions): Promise<EmbeddedProvider> {
  const keys = await providerKeys(options.dir);
  const server = createServer();
  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(options.port, HOST, () => ready());
  });
  const issuer = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  const hubOrigin = new URL(options.hubUrl).origin;
  const byUsername = new Map(options.accounts.map((a) => [a.username, a]));
  const bySubject = new Map(options.accounts.map((a) => [a.staff.id, a]));
  const passwordHash = sha256(options.password);

  // The login form posts here and is redirected on to the hub's callback: form-action must allow both.
  const headers = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Security-Policy": `default-src 'self'; form-action 'self' ${hubOrigin}; frame-ancestors 'none'; base-uri 'none'; object-src 'none'`,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
  };
  const html = async (page: unknown) => `<!doctype html>${await page}`;
  const langOfParams = (params: Record<string, unknown> | undefined): Lang => langOf(String(params?.ui_locales ?? "").split(" ")[0]);

  async function onKoaPage(ctx: KoaContextWithOIDC, status: number, page: unknown) {
    ctx.status = status;
    ctx.set(headers);
    ctx.body = await html(page);
  }

  const configuration: Configuration = {
    adapter: memoryAdapters(),
    clients: [
      {
        client_id: HUB_CLIENT_ID,
        client_secret: keys.clientSecret,
        client_name: "Gemeenschappelijk Meldpunt",
        redirect_uris: [`${hubOrigin}/inloggen/terug`],
        post_logout_redirect_uris: [`${hubOrigin}/uitgelogd`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    responseTypes: ["code"],
    pkce: { methods: ["S256"], required: () => true },
    claims: { openid: ["sub"], profile: ["name"], email: ["email", "email_verified"] },
    // Name and e-mail in the ID token itself, as Cognito does: the hub reads no userinfo endpoint.
    conformIdTokenClaims: false,
    // Lax, not the default None: browsers drop SameSite=None cookies that are not Secure, and this provider speaks
    // plain HTTP on loopback. Every request that needs the provider's session is a top-level navigation.
    cookies: { keys: keys.cookieKeys, long: { httpOnly: true, sameSite: "lax" } },
    jwks: { keys: [keys.signingKey] },
    // No longer than the hub's idle timeout: an idle hub session is not silently renewed by the provider's.
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 1800, Grant: 36000 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => onKoaPage(ctx, 200, ProviderLogoutPage({ lang: langOfParams(ctx.oidc.params), form })),
        postLogoutSuccessSource: (ctx) => onKoaPage(ctx, 200, ProviderMessagePage({ lang: "nl", title: tr("nl", S.providerDoneTitle) })),
      },
    },
    interactions: { url: (_ctx, interaction) => `/interactie/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = bySubject.get(sub);
      if (!account) return undefined;
      const { name, email } = account.staff;
      return { accountId: sub, claims: () => ({ sub, name, email, email_verified: true }) };
    },
    // The hub is this provider's only client and a first party: no consent screen.
    loadExistingGrant: async (ctx) => {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid profile email");
      await grant.save();
      return grant;
    },
    // A plain message: the error's description can quote the request, and the default page loads web fonts.
    renderError: (ctx) => onKoaPage(ctx, Math.max(ctx.status, 400), providerError("nl")),
  };

  const provider = new Provider(issuer, configuration);
  const oidcRequest = provider.callback();

  async function loginInteraction(req: IncomingMessage, res: ServerResponse, uid: string) {
    const send = async (status: number, page: unknown) => {
      res.writeHead(status, headers).end(await html(page));
    };
    let details: Awaited<ReturnType<Provider["interactionDetails"]>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      // Expired, or no interaction cookie: the login has to start again at the hub.
      return send(400, providerError("nl"));
    }
    const lang = langOfParams(details.params);
    if (details.uid !== uid || details.prompt.name !== "login") {
      return send(400, providerError(lang));
    }
    const action = `/interactie/${uid}`;
    if (req.method === "GET") return send(200, ProviderLoginPage({ lang, action }));
    if (req.method !== "POST") return void res.writeHead(405, { Allow: "GET, POST" }).end();

    const form = await readForm(req);
    const username = (form.get("username") ?? "").trim();
    const account = byUsername.get(username);
    // Both hashed first: the comparison takes the same time whatever was typed.
    const passwordOk = timingSafeEqual(sha256(form.get("password") ?? ""), passwordHash);
    if (!account || !passwordOk) return send(400, ProviderLoginPage({ lang, action, username, failed: true }));
    await provider.interactionFinished(req, res, { login: { accountId: account.staff.id } }, { mergeWithLastSubmission: false });
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    const interaction = /^\/interactie\/([\w-]{1,64})$/.exec(path);
    if (path === "/assets/hub.css" && options.stylesheet) {
      res.writeHead(200, { "Content-Type": options.stylesheet.contentType, "Cache-Control": "public, max-age=3600" }).end(options.stylesheet.body);
    } else if (interaction?.[1]) {
      loginInteraction(req, res, interaction[1]).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    } else {
      oidcRequest(req, res);
    }
  });

  return {
    issuer,
    clientId: HUB_CLIENT_ID,
    clientSecret: keys.clientSecret,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // Browsers keep connections open; the provider's state is in memory and goes with it.
        server.closeAllConnections();
      }),
  };
}

function providerError(lang: Lang) {
  return ProviderMessagePage({ lang, title: tr(lang, S.providerErrorTitle), message: tr(lang, S.providerErrorText) });
}

function sha256(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) break;
    chunks.push(chunk);
  }
  return new URLSearchParams(size > MAX_FORM_BYTES ? "" : Buffer.concat(chunks).toString("utf8"));
}
