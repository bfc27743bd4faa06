// Counting what a page costs the store, on the wire: every HTTP request the hub's DynamoDB client sends to the
// embedded store (node:diagnostics_channel `http.client.request.start`, filtered on the store's host and port, by the
// `X-Amz-Target` operation). The client is made inside createLocalDeps and not handed out, and the SDK sends one HTTP
// request per `client.send` (a retry counts, which is what it costs), so this counts exactly the client's sends without
// touching product code. It counts every user of the table alike: the staff record, the region, cases, the audit trail.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { ClientRequest } from "node:http";

export interface StoreRequestCounter {
  snapshot(): Record<string, number>;
  stop(): void;
}

/** Counts every HTTP request sent to the embedded store, by DynamoDB operation, from now until stop(). */
export function storeRequestCounter(endpoint: string): StoreRequestCounter {
  const host = new URL(endpoint).host;
  const counts: Record<string, number> = {};
  const onRequest = (message: unknown) => {
    const req = (message as { request: ClientRequest }).request;
    if (req.getHeader("host") !== host) return;
    // `DynamoDB_20120810.Query` → `Query`.
    const operation = String(req.getHeader("x-amz-target") ?? "unknown").split(".").pop() ?? "unknown";
    counts[operation] = (counts[operation] ?? 0) + 1;
  };
  subscribe("http.client.request.start", onRequest);
  return { snapshot: () => ({ ...counts }), stop: () => unsubscribe("http.client.request.start", onRequest) };
}

/** What happened between two snapshots, by operation (operations with none left out), and its total. */
export function requestsBetween(before: Record<string, number>, after: Record<string, number>): { total: number; byOperation: Record<string, number> } {
  const byOperation = Object.fromEntries(
    Object.entries(after)
      .map(([op, n]) => [op, n - (before[op] ?? 0)] as const)
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return { total: Object.values(byOperation).reduce((sum, n) => sum + n, 0), byOperation };
}
