// The retention job's Lambda entry with its cloud wiring: DynamoDB is the real embedded store, S3 is a local stand-in
// over HTTP (test/support/aws-stand-in.ts) and KMS is mocked (aws-sdk-client-mock). The job deletes an expired case, its file in the bucket and its audit line under AUDIT_KEY,
// and never asks KMS for anything: deleting the item deletes the wrapped data key. A failing bucket fails the
// invocation, and the retry finishes the deletion.
import { buildRetentionHandler } from "@meldpunt/api/retention-job";
import type { CaseRecord } from "@meldpunt/domain";
import { describe, expect, it } from "vitest";
import { lambdaContext } from "./support/api-gateway";
import { standInEnv } from "./support/aws-stand-in";
import { cloudCase, useCloudJob } from "./support/cloud-job";

const job = useCloudJob({ buckets: ["meldpunt-blobs"] });
const { withStore } = job;
const clock = { now: () => new Date("2040-06-15T03:00:00.000Z") };
const BLOB = "01J9Z3V8K6R2M4N5P7Q8F11E01";

/** Closed on 1 June 2030 with one file: Hoorn keeps 10 years, so it is due on 15 June 2040. */
function expiredCase(id: string): CaseRecord {
  return cloudCase(id, {
    state: "gesloten",
    history: [
      { at: "2030-03-01T00:00:00.000Z", state: "ontvangen", by: "melder" },
      { at: "2030-06-01T00:00:00.000Z", state: "gesloten", by: "demo-bi-hoorn", detail: "geen-vermoeden" },
    ],
    attachments: [{ id: BLOB, type: "pdf", bytes: 3, at: "2030-03-01T00:00:00.000Z", from: "melder" }],
    version: 3,
  });
}

const env = () => ({
  TABLE_NAME: "meldpunt",
  DYNAMODB_ENDPOINT: job.dynamo.endpoint,
  BLOB_BUCKET: "meldpunt-blobs",
  AUDIT_KEY: job.auditKey.toString("base64url"),
  ...standInEnv(job.aws, "eu-west-1"),
});

/** The DELETEs the bucket was sent, as `<bucket>/<key>`. */
const deletes = () => job.aws.requests.filter((r) => r.method === "DELETE").map((r) => r.path.slice(1));

describe("the retention job's Lambda entry", () => {
  it("deletes the expired case and its file in the bucket, audits it, and asks KMS nothing", async () => {
    const id = "01J9Z3V8K6R2M4N5P7Q8RETA1N";
    await withStore((store) => store.cases.createCase({ ...expiredCase(id), version: 1 }));
    job.aws.objects.set(`meldpunt-blobs/hoorn/${id}/${BLOB}`, Buffer.from([1, 2, 3]));
    const summary = await buildRetentionHandler(env(), { clock })({ "detail-type": "Scheduled Event" }, lambdaContext());
    expect(summary).toMatchObject({ deleted: 1, files: 1, failures: 0 });
    expect(deletes()).toEqual([`meldpunt-blobs/hoorn/${id}/${BLOB}`]);
    expect(job.aws.objects.size).toBe(0);
    expect(job.aws.refused).toEqual([]);
    expect(job.kms.calls()).toHaveLength(0);

    expect(await withStore((store) => store.cases.getCase("hoorn", id))).toBeUndefined();
    const { entries, verdict } = await job.auditTrail("hoorn");
    expect(entries.at(-1)).toMatchObject({ actor: "systeem", action: "retention-delete", caseId: id, detail: "gesloten:2030-06-01" });
    expect(verdict).toEqual({ ok: true, entries: entries.length });
  });

  it("fails the invocation when the bucket is unavailable, and the retry finishes the deletion", async () => {
    const id = "01J9Z3V8K6R2M4N5P7Q8RETRY1";
    await withStore((store) => store.cases.createCase({ ...expiredCase(id), version: 1 }));
    job.aws.requests.length = 0;
    // S3 slows down on the first try and both retries.
    job.aws.fail(...Array.from({ length: 3 }, () => ({ status: 503, code: "SlowDown", message: "Please reduce your request rate." })));
    await expect(buildRetentionHandler(env(), { clock })({}, lambdaContext())).rejects.toThrow(/deletion\(s\) not finished/);
    job.aws.requests.length = 0;
    expect(await buildRetentionHandler(env(), { clock })({}, lambdaContext())).toMatchObject({ deleted: 1, resumed: 1, files: 1, failures: 0 });
    expect(deletes()).toEqual([`meldpunt-blobs/hoorn/${id}/${BLOB}`]);
    expect(job.aws.refused).toEqual([]);
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
