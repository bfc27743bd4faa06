// The statistics job's Lambda entry with its cloud wiring, against the real embedded store with the demo cases: one
// run keeps every member's reachable half-years, and what it keeps is what counting the cases gives; KMS is never
// asked (the job reads metadata only).
import { KMSClient } from "@aws-sdk/client-kms";
import { buildStatisticsHandler } from "@meldpunt/api/statistics-job";
import { type CaseFacts, crossMemberTallies, reachableHalfYears } from "@meldpunt/domain/staff";
import { createStatisticsStore } from "@meldpunt/store";
import { embeddedDynamoClient } from "@meldpunt/store/embedded";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lambdaContext } from "./support/api-gateway";
import { createLocalDeps, type LocalDeps } from "@meldpunt/local";
import { caseItems, TEST_SCRYPT_COST, tempDir } from "./support/local";

const kms = mockClient(KMSClient);
const NOW = new Date("2026-11-22T03:30:00.000Z");
const savedEnv = { ...process.env };
let local: LocalDeps;
let dir: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  dir = await tempDir();
  local = await createLocalDeps({ dataDir: dir.path, scryptCost: TEST_SCRYPT_COST, logLevel: "SILENT", demoCases: true });
  Object.assign(process.env, { AWS_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", POWERTOOLS_LOG_LEVEL: "SILENT" });
}, 60_000);
afterAll(async () => {
  kms.restore();
  process.env = savedEnv;
  await local?.close();
  await dir?.remove();
});

describe("the statistics job in the cloud", () => {
  it("keeps every member's reachable half-years as counted from the cases, reading no key", async () => {
    const handler = buildStatisticsHandler({ TABLE_NAME: local.tableName, DYNAMODB_ENDPOINT: local.dynamoEndpoint }, { clock: { now: () => NOW } });
    const summary = (await handler({}, lambdaContext())) as unknown as Record<string, number>;
    const members = await local.deps.region.listMembers();
    const cases = (await caseItems(local)) as unknown as CaseFacts[];
    const halfYears = reachableHalfYears(NOW);
    expect(summary).toEqual({ members: members.length, halfYears: halfYears.length, snapshots: members.length * halfYears.length, cases: cases.length });
    expect(cases.length).toBeGreaterThan(100);

    const client = embeddedDynamoClient(local.dynamoEndpoint);
    try {
      const kept = await createStatisticsStore({ client, tableName: local.tableName }).list(halfYears[0]?.id ?? "2000-H1", halfYears.at(-1)?.id ?? "2999-H2");
      expect(kept).toHaveLength(members.length * halfYears.length);
      for (const snapshot of kept) {
        expect(snapshot.tallies).toEqual(crossMemberTallies(cases.filter((c) => c.member === snapshot.member), snapshot.period, NOW));
      }
    } finally {
      client.destroy();
    }
    expect(kms.calls()).toHaveLength(0);
  });
});
