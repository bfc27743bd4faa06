// Shared helpers for the store tests: valid records and a fresh in-memory dynalite per suite.
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { CaseId, CaseRecord, Desk, Member } from "@meldpunt/domain";
import { CaseIdSchema, CaseRecordSchema, DeskSchema, MemberSchema } from "@meldpunt/domain";
import { type EmbeddedDynamo, embeddedDynamoClient, startEmbeddedDynamo } from "@meldpunt/store/embedded";
import { afterAll, beforeAll } from "vitest";
import * as z from "zod/mini";
import { ensureTable } from "../src/bootstrap";
import { createDynamoStore } from "../src/dynamo-store";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
let counter = 0;

/** A fresh, valid case id: a fixed 20-character prefix and a 6-character counter, all Crockford base32. */
export function newCaseId(): CaseId {
  let n = ++counter;
  let suffix = "";
  for (let i = 0; i < 6; i++) {
    suffix = CROCKFORD[n % 32] + suffix;
    n = Math.floor(n / 32);
  }
  return z.parse(CaseIdSchema, `01J9Z3V8K6R2M4N5P7Q8${suffix}`);
}

/** A valid case record; every field may be overridden. Parsed, so a fixture can never be an invalid record. */
export function makeCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const id = overrides.id ?? newCaseId();
  return z.parse(CaseRecordSchema, {
    id,
    member: "gemeente-a",
    desk: "integriteit-a",
    kind: "melding",
    track: "ambtelijk",
    state: "ontvangen",
    channel: "webformulier",
    categories: ["financieel"],
    subcategories: ["financieel.fraude"],
    relation: "collega",
    reporterType: "medewerker",
    receivedAt: "2025-03-01T09:00:00.000Z",
    ackDueAt: "2025-03-08T09:00:00.000Z",
    feedbackDueAt: "2025-06-01T09:00:00.000Z",
    routeReasons: [{ nl: "Integriteitsmelding", en: "Integrity report" }],
    receipt: { locator: `L${id.slice(-8)}`, hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA" },
    dataKey: { keyId: "local:gemeente-a", blob: Uint8Array.from([1, 2, 3, 0, 255, 128]) },
    content: Uint8Array.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 0]),
    history: [{ at: "2025-03-01T09:00:00.000Z", state: "ontvangen", by: "melder" }],
    version: 1,
    ...overrides,
  });
}

export function makeMember(overrides: Partial<Member> = {}): Member {
  return z.parse(MemberSchema, {
    id: "gemeente-a",
    name: "Gemeente A",
    kind: "gemeente",
    fte: 412.5,
    routes: { vp: "vp-extern", integriteit: "integriteit-a" },
    retentionYears: 10,
    version: 1,
    ...overrides,
  });
}

export function makeDesk(overrides: Partial<Desk> = {}): Desk {
  return z.parse(DeskSchema, {
    id: "integriteit-a",
    type: "integriteit",
    name: "Integriteitsbureau A",
    owner: "gemeente-a",
    serves: ["gemeente-a"],
    version: 1,
    ...overrides,
  });
}

export interface TestDb {
  dynamo: EmbeddedDynamo;
  client: DynamoDBClient;
  tableName: string;
  store: ReturnType<typeof createDynamoStore>;
}

/** Registers beforeAll/afterAll in the current suite: a fresh in-memory dynalite with the table created. */
export function useDynalite(tableName = "meldpunt-test"): TestDb {
  const db = {} as TestDb;
  beforeAll(async () => {
    db.dynamo = await startEmbeddedDynamo();
    db.client = embeddedDynamoClient(db.dynamo.endpoint);
    db.tableName = tableName;
    await ensureTable(db.client, tableName);
    db.store = createDynamoStore({ client: db.client, tableName });
  });
  afterAll(async () => {
    db.client?.destroy();
    await db.dynamo?.close();
  });
  return db;
}

export const toCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
