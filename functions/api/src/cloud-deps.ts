// Wiring for AWS: DynamoDB and one KMS key per member. Read from the environment the stack sets.
// The Lambda entry imports this module only when a request first needs the table or a key (see lazy-port.ts).
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { KMSClient } from "@aws-sdk/client-kms";
import { createS3BlobStore } from "@meldpunt/blobs/s3";
import { createEnvelopeSealer } from "@meldpunt/crypto";
import { createKmsKeyring, createKmsPersonTags } from "@meldpunt/crypto/kms";
import type { AuditHasher, AuditLog, LibraryStore, PersonTags, SignalIndex } from "@meldpunt/domain";
import type { StaffStore, StatisticsSnapshots } from "@meldpunt/domain/staff";
import {
  cacheRegion,
  createAuditLog,
  createDynamoStore,
  createLibraryStore,
  createReceiptThrottle,
  createSignalIndex,
  createStaffStore,
  createStatisticsStore,
  createLogoStore,
  REGION_CACHE_MS,
} from "@meldpunt/store";
import type { AppDeps } from "./app";
import { awsService } from "./aws-fetch";

/** The reporter side's adapters, and the staff side's, which a Lambda without staff login never calls. */
export interface CloudAdapters extends Pick<AppDeps, "cases" | "region" | "sealer" | "throttle" | "blobs" | "logos"> {
  staff: StaffStore;
  tags: PersonTags;
  signals: SignalIndex;
  library: LibraryStore;
  statistics: StatisticsSnapshots;
  /** The audit trail, keyed by the hasher of AUDIT_KEY (the staff side's wiring checks and holds that key). */
  auditLog(hasher: AuditHasher): AuditLog;
}

/**
 * TABLE_NAME: the hub's table. MEMBER_KEY_ALIAS_PREFIX: member keys are found by alias `<prefix><member id>`.
 * Person tags use each member's HMAC key, `<prefix><member><SIGNAL_KEY_ALIAS_SUFFIX>`. BLOB_BUCKET: the bucket of sealed
 * attachments. DYNAMODB_ENDPOINT: only for running the deployed bundle against a local DynamoDB-compatible store.
 */
export function cloudAdapters(env: Record<string, string | undefined>): CloudAdapters {
  if (!env.TABLE_NAME) throw new Error("TABLE_NAME is not set");
  if (!env.BLOB_BUCKET) throw new Error("BLOB_BUCKET is not set");
  const aliasPrefix = env.MEMBER_KEY_ALIAS_PREFIX ?? "alias/meldpunt/";
  const signalSuffix = env.SIGNAL_KEY_ALIAS_SUFFIX ?? "-signaal";
  const client = new DynamoDBClient(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {});
  const kms = new KMSClient({});
  const table = { client, tableName: env.TABLE_NAME };
  const store = createDynamoStore(table);
  return {
    ...store,
    region: cacheRegion(store.region, { ttlMs: REGION_CACHE_MS }),
    throttle: createReceiptThrottle(table),
    logos: createLogoStore(table),
    blobs: createS3BlobStore({ ...awsService(env, "S3"), bucket: env.BLOB_BUCKET }),
    sealer: createEnvelopeSealer(createKmsKeyring({ client: kms, keyIdFor: (member) => `${aliasPrefix}${member}` })),
    staff: createStaffStore(table),
    tags: createKmsPersonTags({ client: kms, macKeyIdFor: (member) => `${aliasPrefix}${member}${signalSuffix}` }),
    signals: createSignalIndex(table),
    library: createLibraryStore(table),
    statistics: createStatisticsStore(table),
    auditLog: (hasher) => createAuditLog({ ...table, hasher }),
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
