// The S3 adapter over real HTTP against a local stand-in for S3 (test/support/aws-stand-in.ts) that checks every
// request's SigV4 signature and answers with S3's own status codes and XML errors.
import { ConflictError, UnavailableError, ValidationError } from "@meldpunt/domain";
import { AwsClient } from "aws4fetch";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type AwsStandIn, STAND_IN_CREDENTIALS, startAwsStandIn } from "../../../test/support/aws-stand-in";
import { createS3BlobStore } from "../src/s3-blob-store";
import { BAD_KEYS, KEY, rejection } from "./fixtures";

const REGION = "eu-central-1";
const BUCKET = "meldpunt-blobs";
const OBJECT_KEY = "gemeente-a/01HZY3K8Q4W6X7Z9ABCDEFGHJK/7VC9YN3XAJST9PTX2DZPS2VDQ6";
let s3: AwsStandIn;

// Two retries, as the functions' client (functions/api/src/aws-fetch.ts), with short waits.
const client = () => new AwsClient({ ...STAND_IN_CREDENTIALS, retries: 2, initRetryMs: 1 });
const store = (bucket = BUCKET) => createS3BlobStore({ client: client(), region: REGION, bucket, endpoint: s3.endpoint });

async function unavailable(attempt: Promise<unknown>): Promise<Error> {
  const error = await rejection(attempt);
  expect(error).toBeInstanceOf(UnavailableError);
  const cause = (error as UnavailableError).cause;
  expect(cause).toBeInstanceOf(Error);
  return cause as Error;
}

beforeAll(async () => {
  s3 = await startAwsStandIn({ region: REGION, buckets: [BUCKET] });
});
afterEach(() => {
  expect(s3.refused).toEqual([]);
  s3.requests.length = 0;
  s3.objects.clear();
});
afterAll(() => s3.close());

describe("S3 blob store", () => {
  it("puts, gets and deletes a blob at <bucket>/<member>/<caseId>/<blobId>, every request signed", async () => {
    const sealed = Uint8Array.from([0, 1, 2, 250, 255]);
    const blobs = store();
    await blobs.put(KEY, sealed);
    expect(s3.objects.get(`${BUCKET}/${OBJECT_KEY}`)).toEqual(Buffer.from(sealed));
    expect(await blobs.get(KEY)).toEqual(sealed);
    await blobs.delete(KEY);
    expect(await blobs.get(KEY)).toBeUndefined();

    expect(s3.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT /${BUCKET}/${OBJECT_KEY}`,
      `GET /${BUCKET}/${OBJECT_KEY}`,
      `DELETE /${BUCKET}/${OBJECT_KEY}`,
      `GET /${BUCKET}/${OBJECT_KEY}`,
    ]);
    const put = s3.requests[0]?.headers;
    expect(put?.["if-none-match"]).toBe("*");
    expect(put?.["content-type"]).toBe("application/octet-stream");
    // The payload's hash, signed (not UNSIGNED-PAYLOAD); the stand-in checks it against the body, as S3 does.
    expect(put?.["x-amz-content-sha256"]).toMatch(/^[0-9a-f]{64}$/);
    expect(put?.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${STAND_IN_CREDENTIALS.accessKeyId}/\\d{8}/${REGION}/s3/aws4_request, `));
    expect(put?.["x-amz-security-token"]).toBe(STAND_IN_CREDENTIALS.sessionToken);
  });

  it("never overwrites: S3's 412 PreconditionFailed is a ConflictError and the first blob stays", async () => {
    const blobs = store();
    await blobs.put(KEY, Buffer.from("first"));
    expect(await rejection(blobs.put(KEY, Buffer.from("second")))).toBeInstanceOf(ConflictError);
    expect(await blobs.get(KEY)).toEqual(new Uint8Array(Buffer.from("first")));
    // A bare 412 (no code) means the same.
    s3.fail({ status: 412, code: "" });
    expect(await rejection(store().put({ ...KEY, blobId: "8VC9YN3XAJST9PTX2DZPS2VDQ6" }, Buffer.from("x")))).toBeInstanceOf(ConflictError);
  });

  it("maps a 409 ConditionalRequestConflict (a write in flight; S3 asks to retry) to UnavailableError", async () => {
    s3.fail({ status: 409, code: "ConditionalRequestConflict", message: "A conflicting conditional operation is currently in progress against this resource. Please try again." });
    const cause = await unavailable(store().put(KEY, Buffer.from("x")));
    expect(cause.message).toBe("S3 answered 409 ConditionalRequestConflict");
    expect(s3.requests).toHaveLength(1);
  });

  it("returns undefined for a missing blob (404 NoSuchKey, or any 404 but NoSuchBucket)", async () => {
    expect(await store().get(KEY)).toBeUndefined();
    s3.fail({ status: 404, code: "NotFound" });
    expect(await store().get(KEY)).toBeUndefined();
  });

  it("does not take a missing bucket (also a 404) for a missing blob", async () => {
    const cause = await unavailable(store("another-bucket").get(KEY));
    expect(cause.message).toBe("S3 answered 404 NoSuchBucket");
  });

  it("retries a 5xx or 429 twice, and succeeds when S3 recovers", async () => {
    s3.fail({ status: 503, code: "SlowDown", message: "Please reduce your request rate." }, { status: 500, code: "InternalError" });
    await store().put(KEY, Buffer.from("sealed"));
    expect(s3.requests.map((r) => r.method)).toEqual(["PUT", "PUT", "PUT"]);
    expect(s3.objects.size).toBe(1);
  });

  it("maps a 5xx that stays, access denied and a network error to UnavailableError, with the cause and no S3 text", async () => {
    s3.fail(...Array.from({ length: 3 }, () => ({ status: 503, code: "SlowDown", message: "Please reduce your request rate." })));
    const slowDown = await unavailable(store().put(KEY, Buffer.from("x")));
    expect(slowDown.message).toBe("S3 answered 503 SlowDown");
    expect(s3.requests).toHaveLength(3);

    s3.fail({ status: 403, code: "AccessDenied", message: "User: arn:aws:sts::1:assumed-role/x is not authorized" });
    expect((await unavailable(store().get(KEY))).message).toBe("S3 answered 403 AccessDenied");

    const closed = createS3BlobStore({ client: client(), region: REGION, bucket: BUCKET, endpoint: "http://127.0.0.1:1" });
    expect((await unavailable(closed.delete(KEY))).message).toBe("fetch failed");
  });

  it("maps a body that breaks off while read to UnavailableError", async () => {
    s3.fail({ cut: true });
    await unavailable(store().get(KEY));
  });

  it("deletes idempotently (S3 answers 204 for a missing key)", async () => {
    await store().delete(KEY);
    await store().delete(KEY);
    expect(s3.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /${BUCKET}/${OBJECT_KEY}`, `DELETE /${BUCKET}/${OBJECT_KEY}`]);
  });

  it.each(BAD_KEYS)("refuses a key with %s without calling S3", async (_what, key, field) => {
    const blobs = store();
    for (const attempt of [blobs.put(key, Buffer.from("x")), blobs.get(key), blobs.delete(key)]) {
      const error = await rejection(attempt);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.field)).toEqual([field]);
    }
    expect(s3.requests).toHaveLength(0);
  });

  it("without an endpoint, addresses the bucket virtual-hosted style in its region", async () => {
    const sent = vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response(null, { status: 204 }));
    try {
      await createS3BlobStore({ client: client(), region: REGION, bucket: BUCKET }).delete(KEY);
      const request = sent.mock.calls[0]?.[0] as Request;
      expect(request.url).toBe(`https://${BUCKET}.s3.${REGION}.amazonaws.com/${OBJECT_KEY}`);
      expect(request.headers.get("authorization")).toContain(`/${REGION}/s3/aws4_request, `);
    } finally {
      sent.mockRestore();
    }
  });
});
