// The StaffStore port on the same table: one item per staff member, read by the OIDC subject on every staff request,
// written with the same version guard as members and desks, and listed through one partition of the queue index.
// See docs/store.md, "Staff".
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { ConflictError, type Staff, StaffSchema, type StaffStore, UnavailableError } from "@meldpunt/domain";
import * as z from "zod/mini";
import { STAFF_LIST_PARTITION, staffItemKeys, staffKey } from "./keys";
import { INDEXES, keyAttributeNames } from "./table";

export interface StaffStoreOptions {
  client: DynamoDBClient;
  tableName: string;
}

const KEY_ATTRIBUTES = new Set(keyAttributeNames());

function toStaff(item: Record<string, AttributeValue>): Staff {
  const { entity: _entity, ...rest } = unmarshall(item);
  return z.parse(StaffSchema, Object.fromEntries(Object.entries(rest).filter(([name]) => !KEY_ATTRIBUTES.has(name))));
}

export function createStaffStore({ client, tableName }: StaffStoreOptions): StaffStore {
  async function send<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConflictError();
      throw new UnavailableError({ cause: error });
    }
  }

  return {
    async getStaff(id) {
      const out = await send(() => client.send(new GetItemCommand({ TableName: tableName, Key: marshall(staffKey(id)), ConsistentRead: true })));
      return out.Item ? toStaff(out.Item) : undefined;
    },
    async putStaff(staff: Staff) {
      const record = z.parse(StaffSchema, staff);
      // Version 1 must be new; version n replaces exactly version n - 1 (docs/store.md, rule 2).
      const guard =
        record.version === 1
          ? { ConditionExpression: "attribute_not_exists(pk)" }
          : {
              ConditionExpression: "#v = :prev",
              ExpressionAttributeNames: { "#v": "version" },
              ExpressionAttributeValues: marshall({ ":prev": record.version - 1 }),
            };
      const item = marshall({ ...staffItemKeys(record.id), entity: "staff", ...record });
      await send(() => client.send(new PutItemCommand({ TableName: tableName, Item: item, ...guard })));
    },
    async listStaff() {
      // A few hundred small items at most; in AWS the index may lag a write by a moment (GSIs are eventually consistent).
      const staff: Staff[] = [];
      let start: Record<string, AttributeValue> | undefined;
      do {
        const out = await send(() =>
          client.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: INDEXES.queue.name,
              KeyConditionExpression: "#pk = :pk",
              ExpressionAttributeNames: { "#pk": INDEXES.queue.partitionKey },
              ExpressionAttributeValues: marshall({ ":pk": STAFF_LIST_PARTITION }),
              ExclusiveStartKey: start,
            }),
          ),
        );
        staff.push(...(out.Items ?? []).map(toStaff));
        start = out.LastEvaluatedKey;
      } while (start);
      return staff;
    },
  };
}
