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
import type { Clock, LibraryStore, Mailer } from "@meldpunt/domain";
import { type DeadlineJobSummary, type RetentionJobSummary, runDeadlineJob, runRetentionJob, runStatisticsJob, type StatisticsJobSummary } from "@meldpunt/domain/staff";
import { createLocalMailbox, createLocalMailer } from "@meldpunt/mailer";
import { cacheRegion, createAuditLog, createDynamoStore, createSignalIndex, REGION_CACHE_MS, createReceiptThrottle, createStaffStore, ensureTable, TABLE_NAME_DEFAULT } from "@meldpunt/store";
import { createDeletionLedger, createLibraryStore, createLogoStore, createStatisticsStore } from "@meldpunt/store";
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
  /**
   * Runs the daily jobs: deadlines (docs/decisions.md 31), statistics (38), retention (39), shortly after start
   * (`firstRunAfterMs`, default 5 s) and then every 24 hours. Only `startLocalHub` has the timer, and only when asked:
   * `pnpm start` asks; tests and benchmarks do not, and call `runDeadlines`, `runStatistics` and `runRetention`
   * themselves, with a clock of their own.
   */
  dailyJobs?: boolean | { firstRunAfterMs?: number };
}

/** The From address of the embedded default's mail, which is written to `<dataDir>/mail/` and never leaves the machine. */
export const LOCAL_MAIL_SENDER = "meldpunt@localhost";

export interface LocalDeps {
  dataDir: string;
  dynamoEndpoint: string;
  tableName: string;
  /** The embedded OpenID provider's issuer URL. */
  issuer: string;
  /** With the casuïstiek library's store, which the staff side mounts when it is there. */
  deps: StaffSideDeps & { library: LibraryStore };
  /** Writes each message as an .eml file under `<dataDir>/mail/` (listed for demo staff at /demo/post). */
  mailer: Mailer;
  /**
   * Runs the deadline job once: acknowledges web reports, mails each desk's notice. Logs its summary (counts only).
   * `clock` replaces the hub's for this run (the mail's date too): tests run it "days later".
   */
  runDeadlines(overrides?: { clock?: Clock }): Promise<DeadlineJobSummary>;
  /** Runs the statistics job once (docs/decisions.md 38): counts every member's reachable half-years for the board. */
  runStatistics(overrides?: { clock?: Clock }): Promise<StatisticsJobSummary>;
  /**
   * Runs the retention job once (docs/decisions.md 39): deletes the cases whose member's retention term has ended, with
   * their files and tag entries, audited. Logs its summary (counts only). `clock`: tests run it "years later".
   */
  runRetention(overrides?: { clock?: Clock }): Promise<RetentionJobSummary>;
  close(): Promise<void>;
}

export interface LocalHub extends LocalDeps {
  url: string;
  /** Requests being answered now; `close()` waits for them (up to 10 s) before it closes the store. */
  requestsInProgress(): number;
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
    const logos = createLogoStore({ client, tableName: TABLE_NAME_DEFAULT });
    const { memberIds } = await seedDemoRegion(store.region, logos);
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

    const mailDir = join(dataDir, "mail");
    const mailer = createLocalMailer({ dir: mailDir, sender: LOCAL_MAIL_SENDER, clock });
    const sealer = createEnvelopeSealer(keyring);
    const receipts = createReceiptCodes(options.scryptCost ? { scryptCost: options.scryptCost } : {});
    const blobs = createLocalBlobStore({ root: join(dataDir, "blobs") });
    const inspector = createFileInspector();
    const signals = createSignalIndex({ client, tableName: TABLE_NAME_DEFAULT });
    const audit = createAuditLog({ client, tableName: TABLE_NAME_DEFAULT, hasher: createAuditHasher({ key: auditKey }) });
    if (options.demoCases) {
      await seedDemoCases({ cases: store.cases, region: store.region, sealer, receipts, clock, blobs, inspector, tags: keyring, signals, audit });
    }

    const deps = {
      ...store,
      region: cacheRegion(store.region, { ttlMs: REGION_CACHE_MS }),
      sealer,
      receipts,
      tokens: createSubmissionTokens({ key: submissionKey }),
      pow: createProofOfWork({ key: submissionKey, fallbackDelaySeconds: options.powFallbackDelaySeconds }),
      mailbox: createMailboxSessions({ key: submissionKey, clock }),
      inspector,
      blobs,
      clock,
      throttle: createReceiptThrottle({ client, tableName: TABLE_NAME_DEFAULT }),
      logger: new Logger({ serviceName: "meldpunt-local", logLevel: options.logLevel ?? "INFO" }),
      assets,
      auth: { login, sessions: createSessions({ key: sessionKey, clock }), staff },
      audit,
      tags: keyring,
      signals,
      library: createLibraryStore({ client, tableName: TABLE_NAME_DEFAULT }),
      statistics: createStatisticsStore({ client, tableName: TABLE_NAME_DEFAULT }),
      logos,
      staffSide,
      demoMail: createLocalMailbox({ dir: mailDir }),
      notices: { mailer, hubUrl },
    };
    const runDeadlines = async (overrides: { clock?: Clock } = {}) => {
      const runClock = overrides.clock ?? clock;
      const runMailer = overrides.clock ? createLocalMailer({ dir: mailDir, sender: LOCAL_MAIL_SENDER, clock: runClock }) : mailer;
      return logged(
        deps.logger,
        "deadline job",
        () => runDeadlineJob({ ...store, staff, mailer: runMailer, clock: runClock, audit: deps.audit }, { hubUrl }),
        (summary) => (summary.mailFailures > 0 ? "some notices not sent, retried on the next run" : undefined),
      );
    };
    const ledger = createDeletionLedger({ client, tableName: TABLE_NAME_DEFAULT });
    const runRetention = (overrides: { clock?: Clock } = {}) =>
      logged(
        deps.logger,
        "retention job",
        () => runRetentionJob({ ...store, blobs: deps.blobs, signals: deps.signals, ledger, audit: deps.audit, clock: overrides.clock ?? clock }),
        (summary) => (summary.failures > 0 ? "some deletions not finished, finished on the next run" : undefined),
      );
    const runStatistics = (overrides: { clock?: Clock } = {}) =>
      logged(deps.logger, "statistics job", () => runStatisticsJob({ ...store, snapshots: deps.statistics, clock: overrides.clock ?? clock }), () => undefined);
    return { dataDir, dynamoEndpoint: dynamo.endpoint, tableName: TABLE_NAME_DEFAULT, issuer: provider.issuer, deps, mailer, runDeadlines, runStatistics, runRetention, close };
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
  // A request whose connection was open before the stop but which is read only after it must not reach a closed store.
  let inFlight = 0;
  let drained: (() => void) | undefined;
  let stopping = false;
  const fetch = async (request: Request) => {
    if (stopping) return new Response("stopping", { status: 503, headers: { Connection: "close" } });
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
  const job = options.dailyJobs
    ? dailyTimer(async () => {
        // Each job logs its own failure; one failing does not keep the next from running.
        await local.runDeadlines().catch(() => undefined);
        await local.runStatistics().catch(() => undefined);
        await local.runRetention();
      }, (typeof options.dailyJobs === "object" ? options.dailyJobs.firstRunAfterMs : undefined) ?? FIRST_RUN_AFTER_MS)
    : undefined;
  return {
    ...local,
    url,
    requestsInProgress: () => inFlight,
    async close() {
      stopping = true;
      // A run in progress finishes before the store closes; no new one starts.
      await job?.stop();
      const closed = stopServer();
      if (inFlight > 0) await Promise.race([new Promise<void>((done) => (drained = done)), sleep(DRAIN_LIMIT_MS)]);
      await closed;
      await local.close();
    },
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The first run after start: soon, but after the start-up lines are printed. */
const FIRST_RUN_AFTER_MS = 5_000;

/** Runs `run` after `firstAfterMs` and then every 24 hours; never two at once. The timers keep no process alive. */
function dailyTimer(run: () => Promise<unknown>, firstAfterMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = () => {
    // runDeadlines has logged a failure already; the next day's run tries again.
    running ??= run().then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      running = undefined;
    });
  };
  const first = setTimeout(tick, firstAfterMs).unref();
  const daily = setInterval(tick, DAY_MS).unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(daily);
      await running;
    },
  };
}

/**
 * Runs a daily job once and logs its summary (counts only: no case id, no address; docs/decisions.md 5), as a warning
 * when `unfinished` says what the next run must finish; a failure is logged by its class name, and thrown.
 */
async function logged<S extends object>(logger: Logger, name: string, run: () => Promise<S>, unfinished: (summary: S) => string | undefined): Promise<S> {
  try {
    const summary = await run();
    const left = unfinished(summary);
    const counts: Record<string, unknown> = Object.fromEntries(Object.entries(summary));
    if (left) logger.warn(`${name}: ${left}`, counts);
    else logger.info(`${name} done`, counts);
    return summary;
  } catch (error) {
    logger.error(`${name} failed`, { errorName: error instanceof Error ? error.name : typeof error });
    throw error;
  }
}

/** How long stopping waits for running requests; a submission takes well under a second. */
const DRAIN_LIMIT_MS = 10_000;

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms).unref());
}
