// Test support: the real embedded hub (dynalite, local keys, demo region) in a fresh temp folder.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AttributeValue, ScanCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { createApp } from "@meldpunt/api";
import { createLocalDeps, type LocalDeps, type LocalHub, startLocalHub } from "@meldpunt/local";
import { embeddedDynamoClient } from "@meldpunt/store/embedded";

/** A cheap scrypt cost: these tests do not measure the hash; the crypto tests check the production cost. */
export const TEST_SCRYPT_COST = 2 ** 10;

export async function tempDir(prefix = "meldpunt-test-"): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface TestApp extends LocalDeps {
  app: ReturnType<typeof createApp>;
}

export async function testApp(): Promise<TestApp> {
  const dir = await tempDir();
  const local = await createLocalDeps({ dataDir: dir.path, scryptCost: TEST_SCRYPT_COST, logLevel: "SILENT" });
  return {
    ...local,
    app: createApp(local.deps),
    async close() {
      await local.close();
      await dir.remove();
    },
  };
}

export async function testHub(): Promise<LocalHub> {
  const dir = await tempDir();
  const hub = await startLocalHub({ dataDir: dir.path, port: 0, scryptCost: TEST_SCRYPT_COST, logLevel: "SILENT" });
  return {
    ...hub,
    async close() {
      await hub.close();
      await dir.remove();
    },
  };
}

/** Every item of the table, raw, through the DynamoDB API. Test-only: no Scan exists on any request path. */
export async function rawItems(local: Pick<LocalDeps, "dynamoEndpoint" | "tableName">): Promise<Record<string, AttributeValue>[]> {
  const client = embeddedDynamoClient(local.dynamoEndpoint);
  const items: Record<string, AttributeValue>[] = [];
  try {
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await client.send(new ScanCommand({ TableName: local.tableName, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
  } finally {
    client.destroy();
  }
  return items;
}

export async function caseItems(local: Pick<LocalDeps, "dynamoEndpoint" | "tableName">): Promise<Record<string, unknown>[]> {
  return (await rawItems(local)).map((item) => unmarshall(item)).filter((item) => item.entity === "case");
}

export function form(values: Record<string, string>): RequestInit {
  return {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html" },
    body: new URLSearchParams(values).toString(),
  };
}

/** The receipt code as the receipt page shows it. */
export function receiptCodeIn(html: string): string {
  const match = /data-testid="receipt-code">([0-9A-Z-]+)</.exec(html);
  if (!match?.[1]) throw new Error("no receipt code on the page");
  return match[1];
}
