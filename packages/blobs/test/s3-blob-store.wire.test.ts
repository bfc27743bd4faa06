// The S3 adapter against the real SDK stack (serializers, checksums, signing, error parsing) with a stub HTTP handler
// instead of the network: what goes over the wire, and how S3's actual error answers come back.
import { Readable } from "node:stream";
import { S3Client } from "@aws-sdk/client-s3";
import { ConflictError, UnavailableError } from "@meldpunt/domain";
import { describe, expect, it } from "vitest";
import { createS3BlobStore } from "../src/s3-blob-store";
import { KEY, rejection } from "./fixtures";

interface SentRequest {
  method: string;
  hostname: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

function errorXml(code: string, message: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>R</RequestId><HostId>H</HostId></Error>`;
}

/** An S3 client whose every request gets this one answer; the requests it sent are in `sent`. */
function stubbed(statusCode: number, body: Uint8Array | string = "", headers: Record<string, string> = {}) {
  const sent: SentRequest[] = [];
  const client = new S3Client({
    region: "eu-central-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: SentRequest) {
        sent.push(request);
        return { response: { statusCode, headers, body: Readable.from([Buffer.from(body)]) } };
      },
    },
  });
  return { sent, store: createS3BlobStore({ client, bucket: "meldpunt-blobs" }) };
}

describe("S3 blob store over the SDK stack", () => {
  it("sends a PUT of the object key with If-None-Match: *", async () => {
    const { sent, store } = stubbed(200);
    await store.put(KEY, Buffer.from("sealed"));
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.method).toBe("PUT");
    expect(`${request?.hostname}${request?.path}`).toBe(`meldpunt-blobs.s3.eu-central-1.amazonaws.com/${KEY.member}/${KEY.caseId}/${KEY.blobId}`);
    expect(request?.headers["if-none-match"]).toBe("*");
  });

  it("maps S3's 412 PreconditionFailed to ConflictError", async () => {
    const { store } = stubbed(412, errorXml("PreconditionFailed", "At least one of the pre-conditions you specified did not hold"), {
      "content-type": "application/xml",
    });
    expect(await rejection(store.put(KEY, Buffer.from("sealed")))).toBeInstanceOf(ConflictError);
  });

  it("reads the whole body of a GET", async () => {
    const sealed = Buffer.from("the sealed blob");
    const { sent, store } = stubbed(200, sealed, { "content-length": String(sealed.length) });
    expect(Buffer.from((await store.get(KEY)) as Uint8Array).equals(sealed)).toBe(true);
    expect(sent[0]?.method).toBe("GET");
  });

  it("returns undefined for S3's 404 NoSuchKey, and UnavailableError for 404 NoSuchBucket", async () => {
    const missingKey = stubbed(404, errorXml("NoSuchKey", "The specified key does not exist."), { "content-type": "application/xml" });
    expect(await missingKey.store.get(KEY)).toBeUndefined();
    const missingBucket = stubbed(404, errorXml("NoSuchBucket", "The specified bucket does not exist"), { "content-type": "application/xml" });
    expect(await rejection(missingBucket.store.get(KEY))).toBeInstanceOf(UnavailableError);
  });

  it("sends a DELETE and takes S3's 204 as done", async () => {
    const { sent, store } = stubbed(204);
    await store.delete(KEY);
    expect(sent[0]?.method).toBe("DELETE");
  });
});
