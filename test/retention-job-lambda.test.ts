// The retention job's Lambda entry with its cloud wiring: DynamoDB is the real embedded store, S3 is a local stand-in
// over HTTP (test/support/aws-stand-in.ts) and KMS is mocked (aws-sdk-client-mock). The job deletes an expired case, its file in the bucket and its audit line under AUDIT_KEY,
// and never asks KMS for anything: deleting the item deletes the wrapped data key. A failing bucket fails the
// invocation, and the retry finishes the deletion.
import { randomBytes } from "node:crypto";
import { KMSClient } from "@aws-sdk/client-kms";
import { buildRetentionHandler } from "@meldpunt/api/retention-job";
import { createAuditHasher } from "@meldpunt/crypto";
import { type CaseRecord, verifyAuditChain } from "@meldpunt/domain";
import { seedDemoRegion } from "@meldpunt/local/seed";
import { createAuditLog, createDynamoStore, ensureTable } from "@meldpunt/store";
import { type EmbeddedDynamo, embeddedDynamoClient, startEmbeddedDynamo } from "@meldpunt/store/embedded";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lambdaContext } from "./support/api-gateway";
import { type AwsStandIn, startAwsStandIn, standInEnv } from "./support/aws-stand-in";

const kms = mockClient(KMSClient);
const auditKey = randomBytes(32);
const clock = { now: () => new Date("2040-06-15T03:00:00.000Z") };
const BLOB = "01J9Z3V8K6R2M4N5P7Q8F11E01";
let dynamo: EmbeddedDynamo;
let s3: AwsStandIn;
const savedEnv = { ...process.env };

/** Closed on 1 June 2030 with one file: Hoorn keeps 10 years, so it is due on 15 June 2040. */
function expiredCase(id: string): CaseRecord {
  return {
    id,
    member: "hoorn",
    desk: "hoorn-integriteit",
    kind: "melding",
    track: "ambtelijk",
    state: "gesloten",
    channel: "webformulier",
    categories: ["omgang"],
    subcategories: ["omgang.pesten"],
    relation: "leidinggevende",
    reporterType: "medewerker",
    receivedAt: "2030-03-01T00:00:00.000Z",
    ackDueAt: "2030-03-08T00:00:00.000Z",
    feedbackDueAt: "2030-06-01T00:00:00.000Z",
    routeReasons: [{ nl: "Integriteitsmelding", en: "Integrity report" }],
    receipt: { locator: `L${id.slice(-7)}`, hash: "demo$unusable" },
    dataKey: { keyId: "arn:aws:kms:eu-west-1:123456789012:key/hoorn", blob: Uint8Array.from([1, 2, 3]) },
    content: Uint8Array.from([9, 9, 9]),
    history: [
      { at: "2030-03-01T00:00:00.000Z", state: "ontvangen", by: "melder" },
      { at: "2030-06-01T00:00:00.000Z", state: "gesloten", by: "demo-bi-hoorn", detail: "geen-vermoeden" },
    ],
    attachments: [{ id: BLOB, type: "pdf", bytes: 3, at: "2030-03-01T00:00:00.000Z", from: "melder" }],
    version: 3,
  };
}

const env = () => ({
  TABLE_NAME: "meldpunt",
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  BLOB_BUCKET: "meldpunt-blobs",
  AUDIT_KEY: auditKey.toString("base64url"),
  ...standInEnv(s3, "eu-west-1"),
});

/** The DELETEs the bucket was sent, as `<bucket>/<key>`. */
const deletes = () => s3.requests.filter((r) => r.method === "DELETE").map((r) => r.path.slice(1));

async function withStore<T>(use: (store: ReturnType<typeof createDynamoStore>, client: ReturnType<typeof embeddedDynamoClient>) => Promise<T>): Promise<T> {
  const client = embeddedDynamoClient(dynamo.endpoint);
  try {
    return await use(createDynamoStore({ client, tableName: "meldpunt" }), client);
  } finally {
    client.destroy();
  }
}

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  s3 = await startAwsStandIn({ region: "eu-west-1", buckets: ["meldpunt-blobs"] });
  await withStore(async (store, client) => {
    await ensureTable(client, "meldpunt");
    await seedDemoRegion(store.region);
  });
  Object.assign(process.env, { AWS_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", POWERTOOLS_LOG_LEVEL: "SILENT" });
});
afterAll(async () => {
  kms.restore();
  await s3.close();
  process.env = savedEnv;
  await dynamo.close();
});

describe("the retention job's Lambda entry", () => {
  it("deletes the expired case and its file in the bucket, audits it, and asks KMS nothing", async () => {
    const id = "01J9Z3V8K6R2M4N5P7Q8RETA1N";
    await withStore((store) => store.cases.createCase({ ...expiredCase(id), version: 1 }));
    s3.objects.set(`meldpunt-blobs/hoorn/${id}/${BLOB}`, Buffer.from([1, 2, 3]));
    const summary = await buildRetentionHandler(env(), { clock })({ "detail-type": "Scheduled Event" }, lambdaContext());
    expect(summary).toMatchObject({ deleted: 1, files: 1, failures: 0 });
    expect(deletes()).toEqual([`meldpunt-blobs/hoorn/${id}/${BLOB}`]);
    expect(s3.objects.size).toBe(0);
    expect(s3.refused).toEqual([]);
    expect(kms.calls()).toHaveLength(0);

    await withStore(async (store, client) => {
      expect(await store.cases.getCase("hoorn", id)).toBeUndefined();
      const hasher = createAuditHasher({ key: auditKey });
      const { entries, head } = await createAuditLog({ client, tableName: "meldpunt", hasher }).readAll("hoorn");
      expect(entries.at(-1)).toMatchObject({ actor: "systeem", action: "retention-delete", caseId: id, detail: "gesloten:2030-06-01" });
      expect(verifyAuditChain(entries, head, hasher)).toEqual({ ok: true, entries: entries.length });
    });
  });

  it("fails the invocation when the bucket is unavailable, and the retry finishes the deletion", async () => {
    const id = "01J9Z3V8K6R2M4N5P7Q8RETRY1";
    await withStore((store) => store.cases.createCase({ ...expiredCase(id), version: 1 }));
    s3.requests.length = 0;
    // S3 slows down on the first try and both retries.
    s3.fail(...Array.from({ length: 3 }, () => ({ status: 503, code: "SlowDown", message: "Please reduce your request rate." })));
    await expect(buildRetentionHandler(env(), { clock })({}, lambdaContext())).rejects.toThrow(/deletion\(s\) not finished/);
    s3.requests.length = 0;
    expect(await buildRetentionHandler(env(), { clock })({}, lambdaContext())).toMatchObject({ deleted: 1, resumed: 1, files: 1, failures: 0 });
    expect(deletes()).toEqual([`meldpunt-blobs/hoorn/${id}/${BLOB}`]);
    expect(s3.refused).toEqual([]);
  });

  it("refuses to run without its configuration", async () => {
    const { AUDIT_KEY: _key, ...withoutKey } = env();
    await expect(buildRetentionHandler(withoutKey, { clock })({}, lambdaContext())).rejects.toThrow("AUDIT_KEY");
    const { BLOB_BUCKET: _bucket, ...withoutBucket } = env();
    await expect(buildRetentionHandler(withoutBucket, { clock })({}, lambdaContext())).rejects.toThrow("BLOB_BUCKET");
    const { AWS_REGION: _region, ...withoutRegion } = env();
    await expect(buildRetentionHandler(withoutRegion, { clock })({}, lambdaContext())).rejects.toThrow("AWS_REGION");
  });
});
