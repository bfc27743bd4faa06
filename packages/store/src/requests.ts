// The things every adapter on the table does with a request: map its failure to the domain's error family, read a
// Query to its end, and ask the receipt index. One place, so every port fails and pages alike.
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { ConflictError, HubError, UnavailableError } from "@meldpunt/domain";
import { INDEXES } from "./table";

/**
 * Runs one request. A failed condition becomes `onConditionFailed()` (a ConflictError unless the caller retries on it),
 * a domain error passes as it is, and anything else (throttling, a missing table, no endpoint) is an UnavailableError
 * with the SDK's error as its cause: callers never see a raw SDK error.
 */
export async function send<T>(run: () => Promise<T>, onConditionFailed: () => Error = () => new ConflictError()): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw onConditionFailed();
    if (error instanceof HubError) throw error;
    throw new UnavailableError({ cause: error });
  }
}

/**
 * Every item of a Query, following `LastEvaluatedKey` to the end. More than `max` items is refused as an outage of
 * its own kind: a partition that large is an incident, not something to show half of.
 */
export async function queryAll(client: DynamoDBClient, input: QueryCommandInput, max = Number.POSITIVE_INFINITY): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await send(() => client.send(new QueryCommand({ ...input, ExclusiveStartKey: start })));
    items.push(...(out.Items ?? []));
    if (items.length > max) throw new UnavailableError({ cause: new Error(`more than ${max} items in one query`) });
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * The items under one partition of the receipt index (gsi2): a case by its receipt locator, a library entry by its
 * reference. At most `limit`: the caller decides what more than one means.
 */
export async function queryReceiptIndex(client: DynamoDBClient, tableName: string, partition: string, limit: number): Promise<Record<string, AttributeValue>[]> {
  const out = await send(() =>
    client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: INDEXES.receipt.name,
        KeyConditionExpression: "#pk = :pk",
        ExpressionAttributeNames: { "#pk": INDEXES.receipt.partitionKey },
        ExpressionAttributeValues: marshall({ ":pk": partition }),
        Limit: limit,
      }),
    ),
  );
  return out.Items ?? [];
}
