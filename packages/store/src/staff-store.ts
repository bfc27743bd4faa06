// The StaffStore port on the same table: one item per staff member, read by the OIDC subject on every staff request,
// written with the same version guard as members and desks, and listed through one partition of the queue index.
// See docs/store.md, "Staff".
import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { type Staff, StaffSchema, type StaffStore } from "@meldpunt/domain/staff";
import * as z from "zod/mini";
import { STAFF_LIST_PARTITION, staffItemKeys, staffKey } from "./keys";
import { queryAll, send } from "./requests";
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
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: INDEXES.queue.name,
        KeyConditionExpression: "#pk = :pk",
        ExpressionAttributeNames: { "#pk": INDEXES.queue.partitionKey },
        ExpressionAttributeValues: marshall({ ":pk": STAFF_LIST_PARTITION }),
      });
      return items.map(toStaff);
    },
  };
}
