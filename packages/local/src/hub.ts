// The whole hub on one machine: dynalite persisted under the data folder, local member keys, the demo region and
// its staff, the embedded OpenID provider, and the app on @hono/node-server. Used by `pnpm start`, the end-to-end
// tests and the benchmarks alike.
import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { Logger } from "@aws-lambda-powertools/logger";
import { createAdaptorServer } from "@hono/node-server";
import { createApp, type StaffSideDeps } from "@meldpunt/api";
import { staffSide } from "@meldpunt/api/staff-side";
import { createOidcLogin } from "@meldpunt/auth/oidc";
import { createSessions } from "@meldpunt/auth/sessions";
import { createFileInspector } from "@meldpunt/attachments";
import { createLocalBlobStore } from "@meldpunt/blobs";
import {
  createAuditHasher,
  createEnvelopeSealer,
  createLocalKeyring,
  createMailboxSessions,
  createProofOfWork,
  createReceiptCodes,
  createSubmissionTokens,
} from "@meldpunt/crypto";
import { createAuditLog, createDynamoStore, createReceiptThrottle, createStaffStore, ensureTable, TABLE_NAME_DEFAULT } from "@meldpunt/store";
import { embeddedDynamoClient, startEmbeddedDynamo } from "@meldpunt/store/embedded";
import { buildAssets } from "@meldpunt/web/assets";
import { seedDemoCases } from "./demo-cases";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-staff";
import { type EmbeddedProvider, startEmbeddedProvider } from "./oidc-provider";
import { readOrCreateSecret } from "./secret-file";
import { seedDemoRegion, seedDemoStaff } from "./seed";

export interface LocalHubOptions {
  dataDir: string;
  port?: number;
  host?: string;
  /** Lower scrypt cost for tests and benchmarks that do not measure it; the default is the production cost. */
  scryptCost?: number;
  logLevel?: "DEBUG" | "INFO" | "WARN" | "ERROR" | "SILENT";
  /** The embedded OpenID provider's loopback port; 0 (the default) takes any free one. */
  oidcPort?: number;
  /** Seeds the demo cases (demo-cases.ts) into a fresh data folder; `pnpm start` does, tests and benchmarks do not. */
  demoCases?: boolean;
  /**
   * How long a report form sent without a solved proof of work must have been open, in seconds (docs/decisions.md
   * 24); the default (20) is the production one. Tests that post forms directly pass 0: the same check, no waiting.
   */
  powFallbackDelaySeconds?: number;
}

export interface LocalDeps {
  dataDir: string;
  dynamoEndpoint: string;
  tableName: string;
  /** The embedded OpenID provider's issuer URL. */
  issuer: string;
  deps: StaffSideDeps;
  close(): Promise<void>;
}

export interface LocalHub extends LocalDeps {
  url: string;
}

export interface LocalDepsOptions extends Omit<LocalHubOptions, "port" | "host"> {
  /** Where browsers reach the hub: the provider sends them back under it. In-process tests need no real one. */
  hubUrl?: string;
}

/** Everything the app needs on the embedded default, without serving it (tests use it with `app.request()`). */
export async function createLocalDeps(options: LocalDepsOptions): Promise<LocalDeps> {
  const dataDir = resolve(options.dataDir);
  const hubUrl = options.hubUrl ?? "http://127.0.0.1:3000";
  await mkdir(join(dataDir, "dynamo"), { recursive: true, mode: 0o700 });
  const dynamo = await startEmbeddedDynamo({ dir: join(dataDir, "dynamo") });
  const client = embeddedDynamoClient(dynamo.endpoint);
  let provider: EmbeddedProvider | undefined;
  const close = async () => {
    await provider?.close();
    client.destroy();
    await dynamo.close();
  };
  try {
    await ensureTable(client, TABLE_NAME_DEFAULT);
    const store = createDynamoStore({ client, tableName: TABLE_NAME_DEFAULT });
    const staff = createStaffStore({ client, tableName: TABLE_NAME_DEFAULT });
    const keyring = createLocalKeyring({ dir: join(dataDir, "keys") });
    const { memberIds } = await seedDemoRegion(store.region);
    await seedDemoStaff(staff);
    for (const member of memberIds) await keyring.ensureMemberKey(member);
    const assets = await buildAssets();
    const clock = { now: () => new Date() };

    const authDir = join(dataDir, "auth");
    provider = await startEmbeddedProvider({
      dir: authDir,
      port: options.oidcPort ?? 0,
      hubUrl,
      accounts: DEMO_ACCOUNTS,
      password: DEMO_PASSWORD,
      stylesheet: assets.get("hub.css"),
    });
    const login = createOidcLogin({
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUri: `${hubUrl}/inloggen/terug`,
      postLogoutRedirectUri: `${hubUrl}/uitgelogd`,
    });
    const sessionKey = await readOrCreateSecret(join(authDir, "session.key"), () => randomBytes(32));
    const submissionKey = await readOrCreateSecret(join(authDir, "submission.key"), () => randomBytes(32));
    const auditKey = await readOrCreateSecret(join(authDir, "audit.key"), () => randomBytes(32));

    const sealer = createEnvelopeSealer(keyring);
    const receipts = createReceiptCodes(options.scryptCost ? { scryptCost: options.scryptCost } : {});
    if (options.demoCases) await seedDemoCases({ cases: store.cases, region: store.region, sealer, receipts, clock });

    const deps = {
      ...store,
      sealer,
      receipts,
      tokens: createSubmissionTokens({ key: submissionKey }),
      pow: createProofOfWork({ key: submissionKey, fallbackDelaySeconds: options.powFallbackDelaySeconds }),
      mailbox: createMailboxSessions({ key: submissionKey, clock }),
      inspector: createFileInspector(),
      blobs: createLocalBlobStore({ root: join(dataDir, "blobs") }),
      clock,
      throttle: createReceiptThrottle({ client, tableName: TABLE_NAME_DEFAULT }),
      logger: new Logger({ serviceName: "meldpunt-local", logLevel: options.logLevel ?? "INFO" }),
      assets,
      auth: { login, sessions: createSessions({ key: sessionKey, clock }), staff },
      audit: createAuditLog({ client, tableName: TABLE_NAME_DEFAULT, hasher: createAuditHasher({ key: auditKey }) }),
      staffSide,
    };
    return { dataDir, dynamoEndpoint: dynamo.endpoint, tableName: TABLE_NAME_DEFAULT, issuer: provider.issuer, deps, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function startLocalHub(options: LocalHubOptions): Promise<LocalHub> {
  // Listen first: the hub's URL (its port may be chosen by the system) is what the provider sends browsers back to.
  // No request is answered before `app` is set: the URL is not given out until then.
  let app: ReturnType<typeof createApp> | undefined;
  // Requests still running when the hub stops (a client gone mid-submission) must finish before the store closes.
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const fetch = async (request: Request) => {
    inFlight++;
    try {
      return app ? await app.fetch(request) : new Response("starting", { status: 503 });
    } finally {
      if (--inFlight === 0) drained?.();
    }
  };
  const server = createAdaptorServer({ fetch });
  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 3000, options.host ?? "127.0.0.1", () => ready());
  });
  const stopServer = () => new Promise<void>((done) => server.close(() => done()));
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  const url = `http://${host}:${port}`;
  let local: LocalDeps;
  try {
    local = await createLocalDeps({ ...options, hubUrl: url });
  } catch (error) {
    await stopServer();
    throw error;
  }
  app = createApp(local.deps);
  return {
    ...local,
    url,
    async close() {
      const closed = stopServer();
      if (inFlight > 0) await Promise.race([new Promise<void>((done) => (drained = done)), sleep(DRAIN_LIMIT_MS)]);
      await closed;
      await local.close();
    },
  };
}

/** How long stopping waits for running requests; a submission takes well under a second. */
const DRAIN_LIMIT_MS = 10_000;

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms).unref());
}
