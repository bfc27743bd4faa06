// Wiring for AWS: DynamoDB and one KMS key per member. Read from the environment the stack sets.
// The Lambda entry imports this module only when a request first needs the table or a key (see lazy-port.ts).
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { KMSClient } from "@aws-sdk/client-kms";
import { S3Client } from "@aws-sdk/client-s3";
import { createS3BlobStore } from "@meldpunt/blobs/s3";
import { createEnvelopeSealer } from "@meldpunt/crypto";
import { createKmsKeyring } from "@meldpunt/crypto/kms";
import { cacheRegion, createDynamoStore, createReceiptThrottle, createStaffStore, REGION_CACHE_MS } from "@meldpunt/store";
import type { AppDeps } from "./app";

/**
 * TABLE_NAME: the hub's table. MEMBER_KEY_ALIAS_PREFIX: member keys are found by alias `<prefix><member id>`.
 * BLOB_BUCKET: the bucket of sealed attachments. DYNAMODB_ENDPOINT: only for running the deployed bundle against a
 * local DynamoDB-compatible store.
 */
export function cloudAdapters(env: Record<string, string | undefined>): Pick<AppDeps, "cases" | "region" | "sealer" | "throttle" | "blobs"> {
  if (!env.TABLE_NAME) throw new Error("TABLE_NAME is not set");
  if (!env.BLOB_BUCKET) throw new Error("BLOB_BUCKET is not set");
  const aliasPrefix = env.MEMBER_KEY_ALIAS_PREFIX ?? "alias/meldpunt/";
  const client = new DynamoDBClient(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {});
  const store = createDynamoStore({ client, tableName: env.TABLE_NAME });
  return {
    ...store,
    region: cacheRegion(store.region, { ttlMs: REGION_CACHE_MS }),
    throttle: createReceiptThrottle({ client, tableName: env.TABLE_NAME }),
    blobs: createS3BlobStore({ client: new S3Client({}), bucket: env.BLOB_BUCKET }),
    sealer: createEnvelopeSealer(createKmsKeyring({ client: new KMSClient({}), keyIdFor: (member) => `${aliasPrefix}${member}` })),
  };
}

/**
 * The table alone, for scheduled jobs that open no case content and store no file (the deadline job): cases, region,
 * staff and the client itself (for the audit log). TABLE_NAME, DYNAMODB_ENDPOINT as above; no key, no bucket.
 */
export function tableAdapters(env: Record<string, string | undefined>) {
  if (!env.TABLE_NAME) throw new Error("TABLE_NAME is not set");
  const client = new DynamoDBClient(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {});
  return { ...createDynamoStore({ client, tableName: env.TABLE_NAME }), staff: createStaffStore({ client, tableName: env.TABLE_NAME }), client, tableName: env.TABLE_NAME };
}
