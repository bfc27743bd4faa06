// The whole hub on one machine: dynalite persisted under the data folder, local member keys, the demo region,
// and the app on @hono/node-server. Used by `pnpm start`, the end-to-end tests and the benchmarks alike.
import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { Logger } from "@aws-lambda-powertools/logger";
import { serve } from "@hono/node-server";
import { type AppDeps, createApp } from "@meldpunt/api";
import { createEnvelopeSealer, createLocalKeyring, createRandomIds, createReceiptCodes } from "@meldpunt/crypto";
import { createDynamoStore, ensureTable, TABLE_NAME_DEFAULT } from "@meldpunt/store";
import { embeddedDynamoClient, startEmbeddedDynamo } from "@meldpunt/store/embedded";
import { buildAssets } from "@meldpunt/web/assets";
import { seedDemoRegion } from "./seed";

export interface LocalHubOptions {
  dataDir: string;
  port?: number;
  host?: string;
  /** Lower scrypt cost for tests and benchmarks that do not measure it; the default is the production cost. */
  scryptCost?: number;
  logLevel?: "DEBUG" | "INFO" | "WARN" | "ERROR" | "SILENT";
}

export interface LocalDeps {
  dataDir: string;
  dynamoEndpoint: string;
  tableName: string;
  deps: AppDeps;
  close(): Promise<void>;
}

export interface LocalHub extends LocalDeps {
  url: string;
}

/** Everything the app needs on the embedded default, without serving it (tests use it with `app.request()`). */
export async function createLocalDeps(options: Omit<LocalHubOptions, "port" | "host">): Promise<LocalDeps> {
  const dataDir = resolve(options.dataDir);
  await mkdir(join(dataDir, "dynamo"), { recursive: true, mode: 0o700 });
  const dynamo = await startEmbeddedDynamo({ dir: join(dataDir, "dynamo") });
  const client = embeddedDynamoClient(dynamo.endpoint);
  const close = async () => {
    client.destroy();
    await dynamo.close();
  };
  try {
    await ensureTable(client, TABLE_NAME_DEFAULT);
    const store = createDynamoStore({ client, tableName: TABLE_NAME_DEFAULT });
    const keyring = createLocalKeyring({ dir: join(dataDir, "keys") });
    const { memberIds } = await seedDemoRegion(store.region);
    for (const member of memberIds) await keyring.ensureMemberKey(member);
    const deps: AppDeps = {
      ...store,
      sealer: createEnvelopeSealer(keyring),
      receipts: createReceiptCodes(options.scryptCost ? { scryptCost: options.scryptCost } : {}),
      ids: createRandomIds(),
      clock: { now: () => new Date() },
      logger: new Logger({ serviceName: "meldpunt-local", logLevel: options.logLevel ?? "INFO" }),
      assets: await buildAssets(),
    };
    return { dataDir, dynamoEndpoint: dynamo.endpoint, tableName: TABLE_NAME_DEFAULT, deps, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function startLocalHub(options: LocalHubOptions): Promise<LocalHub> {
  const local = await createLocalDeps(options);
  try {
    const app = createApp(local.deps);
    // Requests still running when the hub stops (a client gone mid-submission) must finish before the store closes.
    let inFlight = 0;
    let drained: (() => void) | undefined;
    const fetch = async (request: Request) => {
      inFlight++;
      try {
        return await app.fetch(request);
      } finally {
        if (--inFlight === 0) drained?.();
      }
    };
    const server = await new Promise<ReturnType<typeof serve>>((ready, fail) => {
      const s = serve({ fetch, port: options.port ?? 3000, hostname: options.host ?? "127.0.0.1" }, () => ready(s));
      s.once("error", fail);
    });
    const { port } = server.address() as AddressInfo;
    const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
    return {
      ...local,
      url: `http://${host}:${port}`,
      async close() {
        const closed = new Promise<void>((done) => server.close(() => done()));
        if (inFlight > 0) await Promise.race([new Promise<void>((done) => (drained = done)), sleep(DRAIN_LIMIT_MS)]);
        await closed;
        await local.close();
      },
    };
  } catch (error) {
    await local.close();
    throw error;
  }
}

/** How long stopping waits for running requests; a submission takes well under a second. */
const DRAIN_LIMIT_MS = 10_000;

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms).unref());
}
