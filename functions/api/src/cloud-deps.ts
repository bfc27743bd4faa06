// Wiring for AWS: DynamoDB and one KMS key per member. Read from the environment the stack sets.
// The Lambda entry imports this module only when a request first needs the table or a key (see lazy-port.ts).
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { KMSClient } from "@aws-sdk/client-kms";
import { createEnvelopeSealer } from "@meldpunt/crypto";
import { createKmsKeyring } from "@meldpunt/crypto/kms";
import { createDynamoStore } from "@meldpunt/store";
import type { AppDeps } from "./app";

/**
 * TABLE_NAME: the hub's table. MEMBER_KEY_ALIAS_PREFIX: member keys are found by alias `<prefix><member id>`.
 * DYNAMODB_ENDPOINT: only for running the deployed bundle against a local DynamoDB-compatible store.
 */
export function cloudAdapters(env: Record<string, string | undefined>): Pick<AppDeps, "cases" | "region" | "sealer"> {
  if (!env.TABLE_NAME) throw new Error("TABLE_NAME is not set");
  const aliasPrefix = env.MEMBER_KEY_ALIAS_PREFIX ?? "alias/meldpunt/";
  const store = createDynamoStore({
    client: new DynamoDBClient(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
    tableName: env.TABLE_NAME,
  });
  return {
    ...store,
    sealer: createEnvelopeSealer(createKmsKeyring({ client: new KMSClient({}), keyIdFor: (member) => `${aliasPrefix}${member}` })),
  };
}
