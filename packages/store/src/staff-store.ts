// The StaffStore port on the same table: one item per staff member, read by the OIDC subject on every staff request,
// written with the same version guard as members and desks. See docs/store.md, "Staff".
import { ConditionalCheckFailedException, type DynamoDBClient, GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { ConflictError, type Staff, StaffSchema, type StaffStore, UnavailableError } from "@meldpunt/domain";
import * as z from "zod/mini";
import { staffKey } from "./keys";

export interface StaffStoreOptions {
  client: DynamoDBClient;
  tableName: string;
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
      if (!out.Item) return undefined;
      const { pk: _pk, sk: _sk, entity: _entity, ...staff } = unmarshall(out.Item);
      return z.parse(StaffSchema, staff);
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
      const item = marshall({ ...staffKey(record.id), entity: "staff", ...record });
      await send(() => client.send(new PutItemCommand({ TableName: tableName, Item: item, ...guard })));
    },
  };
}
