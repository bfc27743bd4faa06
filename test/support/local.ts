// Test support: the real embedded hub (dynalite, local keys, demo region) in a fresh temp folder.
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AttributeValue, BatchWriteItemCommand, QueryCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { createApp } from "@meldpunt/api";
import { createLocalDeps, type LocalDeps, type LocalHub, startLocalHub } from "@meldpunt/local";
import { embeddedDynamoClient } from "@meldpunt/store/embedded";
import type { CaseRecord } from "@meldpunt/domain";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { CookieJar, logIn } from "./browserless";

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
  const local = await createLocalDeps({ dataDir: dir.path, scryptCost: TEST_SCRYPT_COST, logLevel: "SILENT", powFallbackDelaySeconds: 0 });
  return {
    ...local,
    app: createApp(local.deps),
    async close() {
      await local.close();
      await dir.remove();
    },
  };
}

/**
 * The hub on a loopback port. Forms sent without a solved proof of work are taken at once (`powFallbackDelaySeconds`
 * 0, the same check without the wait) unless a test asks for the wait.
 */
export async function testHub(options: { powFallbackDelaySeconds?: number } = { powFallbackDelaySeconds: 0 }): Promise<LocalHub> {
  const dir = await tempDir();
  const hub = await startLocalHub({ dataDir: dir.path, port: 0, scryptCost: TEST_SCRYPT_COST, logLevel: "SILENT", ...options });
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

/**
 * Deletes every snapshot of the statistics job (partition `STATS`), as if it had never run. Test- and bench-only:
 * the hub itself only ever replaces them.
 */
export async function removeStatisticsSnapshots(local: Pick<LocalDeps, "dynamoEndpoint" | "tableName">): Promise<number> {
  const client = embeddedDynamoClient(local.dynamoEndpoint);
  let removed = 0;
  try {
    for (;;) {
      const out = await client.send(
        new QueryCommand({ TableName: local.tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: "STATS" } }, ProjectionExpression: "pk, sk", Limit: 25 }),
      );
      const keys = out.Items ?? [];
      if (keys.length === 0) return removed;
      await client.send(new BatchWriteItemCommand({ RequestItems: { [local.tableName]: keys.map((Key) => ({ DeleteRequest: { Key } })) } }));
      removed += keys.length;
    }
  } finally {
    client.destroy();
  }
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

/** The hidden fields a report form page carries: its token and its proof-of-work challenge (docs/decisions.md 24). */
export function formFieldsIn(html: string): { formToken: string; powChallenge: string } {
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
  const formToken = field("formToken");
  const powChallenge = field("powChallenge");
  if (!formToken || !powChallenge) throw new Error("no report form on the page");
  return { formToken, powChallenge };
}

/** A nonce for a challenge, found as /assets/pow.js finds one in the browser (SHA-256 of `challenge.nonce`). */
export function solvePow(challenge: string): string {
  const bits = Number(challenge.split(".")[1]);
  for (let nonce = 0; ; nonce++) {
    const hash = createHash("sha256").update(`${challenge}.${nonce}`).digest();
    let zeros = 0;
    for (const byte of hash) {
      zeros += byte === 0 ? 8 : Math.clz32(byte) - 24;
      if (byte !== 0) break;
    }
    if (zeros >= bits) return String(nonce);
  }
}

/**
 * A fresh report form's hidden fields, as a browser gets them: GET /melden on a base URL or an in-process app.
 * Without `solve` no nonce is sent (the way without JavaScript: the test wiring's wait is 0); with it, the nonce the
 * page's script would find (for a hub with the production wait).
 */
export async function issuedForm(
  source: string | { request(path: string): Response | Promise<Response> },
  options: { solve?: boolean } = {},
): Promise<{ formToken: string; powChallenge: string; powNonce?: string }> {
  const res = await (typeof source === "string" ? fetch(`${source}/melden`) : source.request("/melden"));
  const fields = formFieldsIn(await res.text());
  return options.solve ? { ...fields, powNonce: solvePow(fields.powChallenge) } : fields;
}

type Requester = (path: string, init?: RequestInit) => Response | Promise<Response>;

/**
 * Types a receipt code at /opvolgen as a browser does and follows the redirect into the mailbox with the session
 * cookie. Answers the mailbox page, or the code page itself when the code was refused.
 */
export async function viewMailbox(request: Requester, code: string, lang?: "en"): Promise<Response> {
  const suffix = lang ? `?lang=${lang}` : "";
  const signIn = await request(`/opvolgen${suffix}`, { ...form({ code }), redirect: "manual" });
  const location = signIn.headers.get("Location");
  if (signIn.status !== 303 || !location) return signIn;
  return request(location, { headers: { Accept: "text/html", Cookie: mailboxCookie(signIn) } });
}

/** The mailbox session cookie a sign-in set, as a Cookie header value. */
export function mailboxCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__Host-meldpunt-brievenbus="));
  if (!cookie) throw new Error("no mailbox cookie");
  return cookie.split(";")[0] as string;
}

/** The staff session cookie's name (docs/decisions.md 15). */
export const STAFF_SESSION_COOKIE = "__Host-meldpunt-session";

/**
 * A demo staff member logged in over real HTTP through the embedded provider: the session cookie as a Cookie header
 * value and the session's CSRF token (from the staff page's logout form). Requests made with `cookie` by hand leave
 * the session as it is (the renewed cookie they get back is not needed within the idle timeout).
 */
export async function staffSession(hubUrl: string, username: string): Promise<{ cookie: string; csrf: string; sub: string }> {
  const jar = new CookieJar();
  const { back, html } = await logIn(jar, `${hubUrl}/medewerker`, username, DEMO_PASSWORD);
  const value = jar.get(hubUrl, STAFF_SESSION_COOKIE);
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (back.res.status !== 200 || !value || !csrf) throw new Error(`${username} could not log in (${back.res.status})`);
  const sub = DEMO_ACCOUNTS.find((a) => a.username === username)?.staff.id ?? username;
  return { cookie: `${STAFF_SESSION_COOKIE}=${value}`, csrf, sub };
}

/**
 * A report sent through POST /melden over HTTP as a browser without JavaScript sends it (multipart when it carries
 * files); answers the receipt code and the stored case.
 */
export async function reportOverHttp(
  hub: Pick<LocalHub, "url" | "deps">,
  values: Record<string, string>,
  files: { name: string; bytes: Uint8Array }[] = [],
): Promise<{ code: string; record: CaseRecord }> {
  const body = new FormData();
  const fields = { ...(await issuedForm(hub.url)), wants: "melding", reporterType: "medewerker", anonymity: "anoniem", subcategories: "omgang.pesten", ...values };
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const f of files) body.append("files", new File([f.bytes as Uint8Array<ArrayBuffer>], f.name));
  const res = await fetch(`${hub.url}/melden`, { method: "POST", headers: { Accept: "text/html" }, body });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`report refused (${res.status})`);
  const code = receiptCodeIn(html);
  const [record] = await hub.deps.cases.findByReceiptLocator(hub.deps.receipts.parse(code)?.locator ?? "");
  if (!record) throw new Error("report not stored");
  return { code, record };
}
