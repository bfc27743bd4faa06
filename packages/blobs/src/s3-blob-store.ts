// The cloud's attachments: one S3 object per sealed blob, keyed `<member>/<caseId>/<blobId>`. The bytes are already
// sealed under the case's data key; server-side encryption, versioning and lifecycle are the bucket's (infra), not here.
// Three REST calls, signed by aws4fetch, instead of `@aws-sdk/client-s3` (the Lambda's bundle budget, docs/decisions.md
// 42). Its own entry point (`@meldpunt/blobs/s3`) so the local runner never loads it.
import { createHash } from "node:crypto";
import { type BlobKey, type BlobStore, ConflictError, HubError, UnavailableError } from "@meldpunt/domain";
import type { AwsClient } from "aws4fetch";
import { blobKeyParts } from "./blob-key";

export interface S3BlobStoreOptions {
  /** Signs every request (SigV4) and retries a 5xx or 429 a bounded number of times. */
  client: AwsClient;
  /** The bucket's region (AWS_REGION). */
  region: string;
  bucket: string;
  /** A stand-in for S3 (AWS_ENDPOINT_URL_S3), addressed path-style: `<endpoint>/<bucket>/<key>`. */
  endpoint?: string;
}

/** What S3 answered, for the UnavailableError's cause: the status and the error code, never the message or the key. */
class S3Failure extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(`S3 answered ${status}${code ? ` ${code}` : ""}`);
    this.name = "S3Failure";
  }
}

/** The `<Code>` of S3's XML error body (`<Error><Code>NoSuchKey</Code>…`); nothing else of it is read. */
async function failure(response: Response): Promise<S3Failure> {
  const code = /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(await response.text())?.[1];
  return new S3Failure(response.status, code);
}

/** The payload's SHA-256, signed, so S3 refuses a body changed on the way (aws4fetch would send UNSIGNED-PAYLOAD). */
function payloadHash(body: Uint8Array = new Uint8Array()): string {
  return createHash("sha256").update(body).digest("hex");
}

/** Reads nothing more of a successful answer, but lets go of its body: fetch keeps the connection until then. */
async function done(response: Response): Promise<void> {
  await response.body?.cancel();
}

/** A domain error passes through; anything else (an S3 answer, a network error, a body cut off) is an outage. */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HubError) throw error;
    throw new UnavailableError({ cause: error });
  }
}

export function createS3BlobStore({ client, region, bucket, endpoint }: S3BlobStoreOptions): BlobStore {
  const base = endpoint ? `${endpoint.replace(/\/+$/, "")}/${bucket}` : `https://${bucket}.s3.${region}.amazonaws.com`;
  /** Checks every part before the URL is built: a bad key never reaches S3. The parts need no escaping. */
  const objectUrl = (key: BlobKey) => `${base}/${blobKeyParts(key).join("/")}`;
  const request = (url: string, method: string, headers: Record<string, string> = {}, body?: Uint8Array) =>
    client.fetch(url, {
      method,
      headers: { ...headers, "x-amz-content-sha256": payloadHash(body) },
      // Sealed bytes are never a view of a SharedArrayBuffer, the one kind fetch refuses.
      ...(body ? { body: body as Uint8Array<ArrayBuffer> } : {}),
      aws: { service: "s3", region },
    });

  return {
    async put(key, sealed) {
      const url = objectUrl(key);
      await guard(async () => {
        // A conditional write: only create, never replace an existing object.
        const response = await request(url, "PUT", { "content-type": "application/octet-stream", "if-none-match": "*" }, sealed);
        if (response.ok) return done(response);
        // 412: the key exists. A 409 ConditionalRequestConflict (another conditional write of the key in flight) is an
        // outage like any other: S3 asks to retry it, and the retry either succeeds or gets the 412.
        if (response.status === 412) throw new ConflictError();
        throw await failure(response);
      });
    },

    async get(key) {
      const url = objectUrl(key);
      return guard(async () => {
        const response = await request(url, "GET");
        // Reads the whole body; a connection that drops halfway fails here, inside guard, as UnavailableError.
        if (response.ok) return new Uint8Array(await response.arrayBuffer());
        const failed = await failure(response);
        // A missing bucket is also a 404, but that is a misconfiguration, never an absent blob.
        if (failed.status === 404 && failed.code !== "NoSuchBucket") return undefined;
        throw failed;
      });
    },

    async delete(key) {
      const url = objectUrl(key);
      await guard(async () => {
        // S3 answers 204 for a key that does not exist, so deleting twice is no error.
        const response = await request(url, "DELETE");
        if (response.ok) return done(response);
        throw await failure(response);
      });
    },
  };
}
