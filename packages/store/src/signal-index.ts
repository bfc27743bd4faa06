// The SignalIndex port on the same table: one small item per (member, person tag, case), so the cases carrying a tag
// are one Query away. It holds keyed hashes and case ids only (docs/decisions.md 30).
import { DeleteItemCommand, type DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { CaseIdSchema, MemberIdSchema, type SignalIndex } from "@meldpunt/domain";
import * as z from "zod/mini";
import { queryAll, send } from "./requests";

const TAG = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/));
const partition = (member: string, tag: string) => `SIGNAL#${z.parse(MemberIdSchema, member)}#${z.parse(TAG, tag)}`;

export function createSignalIndex({ client, tableName }: { client: DynamoDBClient; tableName: string }): SignalIndex {
  return {
    async add(member, tag, caseId) {
      // Unconditional: adding the same case twice writes the same item.
      await send(() =>
        client.send(new PutItemCommand({ TableName: tableName, Item: marshall({ pk: partition(member, tag), sk: z.parse(CaseIdSchema, caseId), entity: "signal" }) })),
      );
    },
    async casesWith(member, tag) {
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: marshall({ ":pk": partition(member, tag) }),
        ProjectionExpression: "sk",
      });
      return items.map((item) => String(unmarshall(item).sk));
    },
    async remove(member, tag, caseId) {
      // Unconditional: removing what is gone already changes nothing.
      await send(() =>
        client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall({ pk: partition(member, tag), sk: z.parse(CaseIdSchema, caseId) }) })),
      );
    },
  };
}
