// The embedded DynamoDB-compatible store (dynalite on LevelDB) for the local runner and tests.
// Not part of the Lambda bundle: it is its own entry point, @meldpunt/store/embedded.
import type { AddressInfo } from "node:net";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import dynalite from "dynalite";

export interface EmbeddedDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/** Starts dynalite on loopback; persisted under `dir`, or in memory without it. Port 0 picks a free one. */
export async function startEmbeddedDynamo(options: { dir?: string; port?: number } = {}): Promise<EmbeddedDynamo> {
  const server = dynalite({ path: options.dir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error?: Error) => (error ? reject(error) : resolve()))),
  };
}

/** A client for the embedded store: any credentials do, the region is only a label. */
export function embeddedDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
}
