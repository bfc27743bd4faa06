// Names that more than one stack (and the functions' code) must agree on. The key policies in the stateful stack name
// the function roles by ARN before the stateless stack creates them, so role names are fixed here, not generated.
import { Aws } from "aws-cdk-lib";
import type { RegionConfig } from "./region-config";
import { SIGNAL_KEY_SUFFIX } from "./region-config";

/** The api finds a member's key as `<prefix><member>` (functions/api/src/cloud-deps.ts, MEMBER_KEY_ALIAS_PREFIX). */
export const MEMBER_KEY_ALIAS_PREFIX = "alias/meldpunt/";

export const memberKeyAlias = (member: string) => `${MEMBER_KEY_ALIAS_PREFIX}${member}`;

/** The member's HMAC key for person tags (docs/decisions.md 30; createKmsPersonTags' `macKeyIdFor`). */
export const signalKeyAlias = (member: string) => `${MEMBER_KEY_ALIAS_PREFIX}${member}${SIGNAL_KEY_SUFFIX}`;

/** The blob bucket's SSE-KMS key: outside `alias/meldpunt/`, so no member id can ever collide with it. */
export const BLOB_KEY_ALIAS = "alias/meldpunt-hub/blobs";

/**
 * The hub's functions. Only `api` opens case content; the deadline job reads metadata and sends e-mail; the retention
 * job reads metadata and deletes expired cases and their files; the statistics job reads metadata and writes counts.
 */
export type HubFunctionName = "api" | "deadline-job" | "retention-job" | "statistics-job";

export const functionRoleName = (config: Pick<RegionConfig, "id">, fn: HubFunctionName) => `meldpunt-${config.id}-${fn}`;

/** The role's ARN in the deploying account, as key and bucket policies name it. */
export const functionRoleArn = (config: Pick<RegionConfig, "id">, fn: HubFunctionName) =>
  `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/${functionRoleName(config, fn)}`;

/** Which function roles may use which keys: the key policies and the roles' own policies are both built from this. */
export const KEY_USERS = {
  /** The member keys (envelope encryption): GenerateDataKey and Decrypt, each only under the member's own context. */
  memberKeys: ["api"],
  /** The members' HMAC keys (person tags): GenerateMac only. */
  signalKeys: ["api"],
  /** The blob bucket's key, through S3 only: attachments are stored and read by the api. */
  blobKey: ["api"],
} as const satisfies Record<string, readonly HubFunctionName[]>;
