// The deadline job's Lambda entry with its cloud wiring: DynamoDB is the real embedded store, SES is a local stand-in
// over HTTP (test/support/aws-stand-in.ts) and KMS is mocked (aws-sdk-client-mock). The job acknowledges, mails the desk through SES, audits under AUDIT_KEY, and never asks KMS
// for a key: it opens no case content.
import { randomBytes } from "node:crypto";
import { KMSClient } from "@aws-sdk/client-kms";
import { buildDeadlineHandler } from "@meldpunt/api/deadline-job";
import { createAuditHasher } from "@meldpunt/crypto";
import { type CaseRecord, verifyAuditChain } from "@meldpunt/domain";
import { seedDemoRegion, seedDemoStaff } from "@meldpunt/local/seed";
import { createAuditLog, createDynamoStore, createStaffStore, ensureTable } from "@meldpunt/store";
import { type EmbeddedDynamo, embeddedDynamoClient, startEmbeddedDynamo } from "@meldpunt/store/embedded";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lambdaContext } from "./support/api-gateway";
import { type AwsStandIn, startAwsStandIn, standInEnv } from "./support/aws-stand-in";

const kms = mockClient(KMSClient);
const auditKey = randomBytes(32);
const NOW = "2030-06-15T08:00:00.000Z";
const CASE_ID = "01J9Z3V8K6R2M4N5P7Q8XAMBDA";
let dynamo: EmbeddedDynamo;
let ses: AwsStandIn;
const savedEnv = { ...process.env };

/** A web report received on 1 March: not yet acknowledged, its feedback deadline (1 June) long past. */
function overdueCase(): CaseRecord {
  return {
    id: CASE_ID,
    member: "hoorn",
    desk: "hoorn-integriteit",
    kind: "melding",
    track: "ambtelijk",
    state: "ontvangen",
    channel: "webformulier",
    categories: ["omgang"],
    subcategories: ["omgang.pesten"],
    relation: "leidinggevende",
    reporterType: "medewerker",
    receivedAt: "2030-03-01T00:00:00.000Z",
    ackDueAt: "2030-03-08T00:00:00.000Z",
    feedbackDueAt: "2030-06-01T00:00:00.000Z",
    routeReasons: [{ nl: "Integriteitsmelding", en: "Integrity report" }],
    receipt: { locator: "LAMBDA01", hash: "demo$unusable" },
    // Sealed under a KMS key in the cloud; the job must never need it.
    dataKey: { keyId: "arn:aws:kms:eu-west-1:123456789012:key/hoorn", blob: Uint8Array.from([1, 2, 3]) },
    content: Uint8Array.from([9, 9, 9]),
    history: [{ at: "2030-03-01T00:00:00.000Z", state: "ontvangen", by: "melder" }],
    version: 1,
  };
}

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  ses = await startAwsStandIn({ region: "eu-west-1", buckets: [] });
  const client = embeddedDynamoClient(dynamo.endpoint);
  await ensureTable(client, "meldpunt");
  const store = createDynamoStore({ client, tableName: "meldpunt" });
  await seedDemoRegion(store.region);
  await seedDemoStaff(createStaffStore({ client, tableName: "meldpunt" }));
  await store.cases.createCase(overdueCase());
  client.destroy();
  Object.assign(process.env, { AWS_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", POWERTOOLS_LOG_LEVEL: "SILENT" });
});
afterAll(async () => {
  kms.restore();
  await ses.close();
  process.env = savedEnv;
  await dynamo.close();
});

describe("the deadline job's Lambda entry", () => {
  const env = () => ({
    TABLE_NAME: "meldpunt",
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    MAIL_SENDER: "meldpunt@westfriesland.example",
    HUB_URL: "https://meldpunt.westfriesland.example/",
    AUDIT_KEY: auditKey.toString("base64url"),
    ...standInEnv(ses, "eu-west-1"),
  });
  const clock = { now: () => new Date(NOW) };

  it("acknowledges, mails the desk's staff through SES with counts only, audits, and opens no case content", async () => {
    const summary = await buildDeadlineHandler(env(), { clock })({ "detail-type": "Scheduled Event" }, lambdaContext());
    expect(summary).toEqual({ acknowledged: 1, notices: 1, casesNotified: 1, desksWithoutStaff: 0, mailFailures: 0 });

    expect(ses.refused).toEqual([]);
    expect(ses.mails).toHaveLength(1);
    const input = ses.mails[0];
    expect(input?.FromEmailAddress).toBe("meldpunt@westfriesland.example");
    expect(input?.Destination.ToAddresses).toEqual(["m.deboer@hoorn.example"]);
    const text = input?.Content.Simple.Body.Text.Data ?? "";
    expect(text).toContain("terugkoppeling aan de melder te laat: 1");
    expect(text).toContain("https://meldpunt.westfriesland.example/balie/hoorn-integriteit");
    for (const word of [CASE_ID, "LAMBDA01", "omgang", "pesten", "leidinggevende"]) expect(JSON.stringify(input)).not.toContain(word);
    expect(kms.calls()).toHaveLength(0);

    const client = embeddedDynamoClient(dynamo.endpoint);
    try {
      const record = await createDynamoStore({ client, tableName: "meldpunt" }).cases.getCase("hoorn", CASE_ID);
      expect(record).toMatchObject({ state: "bevestigd", notified: { feedbackOverdue: "2030-06-01T00:00:00.000Z" } });
      const hasher = createAuditHasher({ key: auditKey });
      const { entries, head } = await createAuditLog({ client, tableName: "meldpunt", hasher }).readAll("hoorn");
      expect(entries.at(-1)).toMatchObject({ actor: "systeem", action: "transition", caseId: CASE_ID, detail: "bevestigd" });
      expect(verifyAuditChain(entries, head, hasher)).toEqual({ ok: true, entries: entries.length });
    } finally {
      client.destroy();
    }

    // The next day's schedule sends nothing new.
    expect(await buildDeadlineHandler(env(), { clock })({}, lambdaContext())).toMatchObject({ notices: 0, acknowledged: 0 });
    expect(ses.mails).toHaveLength(1);
  });

  it("fails the invocation when SES is unavailable, and records nothing, so a retry sends the notice", async () => {
    const later = { now: () => new Date("2030-06-18T08:00:00.000Z") };
    // A second overdue case, already acknowledged by its desk; the first was told about yesterday.
    const client = embeddedDynamoClient(dynamo.endpoint);
    const store = createDynamoStore({ client, tableName: "meldpunt" });
    await store.cases.createCase({ ...overdueCase(), id: "01J9Z3V8K6R2M4N5P7Q8XAMBD2", receipt: { locator: "LAMBDA02", hash: "demo$unusable" }, state: "bevestigd" });
    client.destroy();
    // Throttled on the first try and both retries.
    ses.fail(...Array.from({ length: 3 }, () => ({ status: 429, code: "TooManyRequestsException", message: "Maximum sending rate exceeded." })));
    await expect(buildDeadlineHandler(env(), { clock: later })({}, lambdaContext())).rejects.toThrow(/notice\(s\) not sent/);
    expect(ses.mails).toHaveLength(1);
    expect(await buildDeadlineHandler(env(), { clock: later })({}, lambdaContext())).toMatchObject({ notices: 1, casesNotified: 1, mailFailures: 0 });
    expect(ses.mails).toHaveLength(2);
    expect(ses.refused).toEqual([]);
  });

  it("refuses to run without its configuration", async () => {
    const { AUDIT_KEY: _key, ...withoutKey } = env();
    await expect(buildDeadlineHandler(withoutKey, { clock })({}, lambdaContext())).rejects.toThrow("AUDIT_KEY");
    const { MAIL_SENDER: _sender, ...withoutSender } = env();
    await expect(buildDeadlineHandler(withoutSender, { clock })({}, lambdaContext())).rejects.toThrow("MAIL_SENDER");
  });
});
