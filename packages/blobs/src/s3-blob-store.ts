// The cloud's attachments: one S3 object per sealed blob, keyed `<member>/<caseId>/<blobId>`. The bytes are already
// sealed under the case's data key; server-side encryption, versioning and lifecycle are the bucket's (infra), not here.
// Its own entry point (`@meldpunt/blobs/s3`) so the local runner never loads the S3 SDK.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { type BlobKey, type BlobStore, ConflictError, HubError, UnavailableError } from "@meldpunt/domain";
import { blobKeyParts } from "./blob-key";

export interface S3BlobStoreOptions {
  client: S3Client;
  bucket: string;
}

interface SdkErrorShape {
  name?: string;
  $metadata?: { httpStatusCode?: number };
}

function errorInfo(error: unknown): { name: string | undefined; status: number | undefined } {
  if (typeof error !== "object" || error === null) return { name: undefined, status: undefined };
  const { name, $metadata } = error as SdkErrorShape;
  return { name, status: $metadata?.httpStatusCode };
}

/**
 * S3's answer to `If-None-Match: *` when the key exists: 412 PreconditionFailed (not a modelled exception, so matched
 * by name or status). A 409 ConditionalRequestConflict (another conditional write of the same key still in flight) is
 * left to the default below: S3 asks to retry it, and the retry either succeeds or gets the 412.
 */
function isPreconditionFailed(error: unknown): boolean {
  const { name, status } = errorInfo(error);
  return name === "PreconditionFailed" || status === 412;
}

/** A missing object. A missing bucket is also a 404, but that is a misconfiguration, never an absent blob. */
function isMissingObject(error: unknown): boolean {
  const { name, status } = errorInfo(error);
  if (name === "NoSuchBucket") return false;
  return name === "NoSuchKey" || name === "NotFound" || status === 404;
}

/** Everything else (throttling, network, access denied, a missing bucket) is an outage; no raw SDK error leaves here. */
async function send<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HubError) throw error;
    throw new UnavailableError({ cause: error });
  }
}

export function createS3BlobStore({ client, bucket }: S3BlobStoreOptions): BlobStore {
  /** Checks every part before the key is built: a bad key never reaches S3. */
  const objectKey = (key: BlobKey) => blobKeyParts(key).join("/");

  return {
    async put(key, sealed) {
      const Key = objectKey(key);
      await send(async () => {
        try {
          await client.send(
            new PutObjectCommand({
              Bucket: bucket,
              Key,
              Body: sealed,
              ContentType: "application/octet-stream",
              // S3 conditional write: only create, never replace an existing object.
              IfNoneMatch: "*",
            }),
          );
        } catch (error) {
          if (isPreconditionFailed(error)) throw new ConflictError();
          throw error;
        }
      });
    },

    async get(key) {
      const Key = objectKey(key);
      return send(async () => {
        let out: GetObjectCommandOutput;
        try {
          out = await client.send(new GetObjectCommand({ Bucket: bucket, Key }));
        } catch (error) {
          if (isMissingObject(error)) return undefined;
          throw error;
        }
        if (!out.Body) throw new Error("S3 GetObject returned no body");
        // Reads the whole stream; a connection that drops halfway fails here, inside send, as UnavailableError.
        return await out.Body.transformToByteArray();
      });
    },

    async delete(key) {
      const Key = objectKey(key);
      // S3 answers 204 for a key that does not exist, so deleting twice is no error.
      await send(() => client.send(new DeleteObjectCommand({ Bucket: bucket, Key })));
    },
  };
}
