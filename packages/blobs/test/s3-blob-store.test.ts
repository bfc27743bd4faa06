import { DeleteObjectCommand, GetObjectCommand, NoSuchBucket, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { ConflictError, UnavailableError, ValidationError } from "@meldpunt/domain";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { createS3BlobStore } from "../src/s3-blob-store";
import { BAD_KEYS, KEY, rejection } from "./fixtures";

const s3 = mockClient(S3Client);
const BUCKET = "meldpunt-blobs-111122223333";
const OBJECT_KEY = "gemeente-a/01HZY3K8Q4W6X7Z9ABCDEFGHJK/7VC9YN3XAJST9PTX2DZPS2VDQ6";

function store() {
  return createS3BlobStore({ client: new S3Client({ region: "eu-central-1" }), bucket: BUCKET });
}

/** A GetObject body as the SDK hands it out: read once, fully, with transformToByteArray. */
function body(bytes: Uint8Array, failWith?: Error) {
  return {
    transformToByteArray: async () => {
      if (failWith) throw failWith;
      return bytes;
    },
  } as unknown as NonNullable<import("@aws-sdk/client-s3").GetObjectCommandOutput["Body"]>;
}

function serviceError(name: string, status: number) {
  return new S3ServiceException({ name, $fault: status >= 500 ? "server" : "client", $metadata: { httpStatusCode: status }, message: name });
}

describe("S3 blob store", () => {
  beforeEach(() => {
    s3.reset();
  });

  it("puts the sealed bytes at <member>/<caseId>/<blobId> as a conditional create (If-None-Match: *)", async () => {
    s3.on(PutObjectCommand).resolves({});
    const sealed = Buffer.from("sealed bytes");
    await store().put(KEY, sealed);
    const calls = s3.commandCalls(PutObjectCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      Bucket: BUCKET,
      Key: OBJECT_KEY,
      Body: sealed,
      ContentType: "application/octet-stream",
      IfNoneMatch: "*",
    });
    expect(s3.calls()).toHaveLength(1);
  });

  it.each([
    ["PreconditionFailed with status 412", serviceError("PreconditionFailed", 412)],
    ["a bare 412", serviceError("UnknownError", 412)],
  ])("maps %s (the key exists) to ConflictError", async (_what, sdkError) => {
    s3.on(PutObjectCommand).rejects(sdkError);
    expect(await rejection(store().put(KEY, Buffer.from("x")))).toBeInstanceOf(ConflictError);
  });

  it("maps a 409 ConditionalRequestConflict (a write in flight; S3 asks to retry) to UnavailableError", async () => {
    const inFlight = serviceError("ConditionalRequestConflict", 409);
    s3.on(PutObjectCommand).rejects(inFlight);
    const error = await rejection(store().put(KEY, Buffer.from("x")));
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).cause).toBe(inFlight);
  });

  it("gets the object and returns its whole body", async () => {
    const sealed = Uint8Array.from([0, 1, 2, 250, 255]);
    s3.on(GetObjectCommand).resolves({ Body: body(sealed) });
    expect(await store().get(KEY)).toEqual(sealed);
    const calls = s3.commandCalls(GetObjectCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({ Bucket: BUCKET, Key: OBJECT_KEY });
  });

  it.each([
    ["NoSuchKey", new NoSuchKey({ message: "The specified key does not exist.", $metadata: { httpStatusCode: 404 } })],
    ["NotFound", serviceError("NotFound", 404)],
    ["a bare 404", serviceError("UnknownError", 404)],
  ])("returns undefined for %s", async (_what, missing) => {
    s3.on(GetObjectCommand).rejects(missing);
    expect(await store().get(KEY)).toBeUndefined();
  });

  it("does not take a missing bucket (also a 404) for a missing blob", async () => {
    const noBucket = new NoSuchBucket({ message: "The specified bucket does not exist", $metadata: { httpStatusCode: 404 } });
    s3.on(GetObjectCommand).rejects(noBucket);
    const error = await rejection(store().get(KEY));
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).cause).toBe(noBucket);
  });

  it("maps a body that breaks off while read, or is absent, to UnavailableError", async () => {
    const reset = new Error("socket hang up");
    s3.on(GetObjectCommand).resolves({ Body: body(new Uint8Array(), reset) });
    const error = await rejection(store().get(KEY));
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).cause).toBe(reset);

    s3.on(GetObjectCommand).resolves({});
    expect(await rejection(store().get(KEY))).toBeInstanceOf(UnavailableError);
  });

  it("deletes the object, idempotently", async () => {
    s3.on(DeleteObjectCommand).resolves({});
    await store().delete(KEY);
    await store().delete(KEY);
    const calls = s3.commandCalls(DeleteObjectCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.args[0].input).toEqual({ Bucket: BUCKET, Key: OBJECT_KEY });
  });

  it("maps throttling, access denied and network errors to UnavailableError, keeping the cause", async () => {
    const slowDown = serviceError("SlowDown", 503);
    const denied = serviceError("AccessDenied", 403);
    const network = new Error("getaddrinfo ENOTFOUND");
    s3.on(PutObjectCommand).rejects(slowDown);
    s3.on(GetObjectCommand).rejects(denied);
    s3.on(DeleteObjectCommand).rejects(network);
    const attempts: [Promise<unknown>, unknown][] = [
      [store().put(KEY, Buffer.from("x")), slowDown],
      [store().get(KEY), denied],
      [store().delete(KEY), network],
    ];
    for (const [attempt, cause] of attempts) {
      const error = await rejection(attempt);
      expect(error).toBeInstanceOf(UnavailableError);
      expect((error as UnavailableError).cause).toBe(cause);
    }
  });

  it.each(BAD_KEYS)("refuses a key with %s without calling S3", async (_what, key, field) => {
    const blobs = store();
    for (const attempt of [blobs.put(key, Buffer.from("x")), blobs.get(key), blobs.delete(key)]) {
      const error = await rejection(attempt);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.field)).toEqual([field]);
    }
    expect(s3.calls()).toHaveLength(0);
  });
});
