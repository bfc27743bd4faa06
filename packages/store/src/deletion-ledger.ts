// The DeletionLedger port on the same table (docs/decisions.md 39): one small item per deletion the retention job has
// begun and not finished, in a partition per member, so that a later run finds a deleted case's files and tag entries
// with one Query. It holds ids, the day of closing and keyed hashes; never content.
import { DeleteItemCommand, type DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { CaseIdSchema, MemberIdSchema } from "@meldpunt/domain";
import type { DeletionLedger } from "@meldpunt/domain/staff";
import * as z from "zod/mini";
import { queryAll, send } from "./requests";

const partition = (member: string) => `RETENTION#${z.parse(MemberIdSchema, member)}`;

const PendingSchema = z.object({
  member: MemberIdSchema,
  caseId: CaseIdSchema,
  version: z.number().check(z.int(), z.minimum(1)),
  closedOn: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  attachments: z.array(CaseIdSchema),
  personTags: z.array(z.string().check(z.maxLength(64))),
});

export function createDeletionLedger({ client, tableName }: { client: DynamoDBClient; tableName: string }): DeletionLedger {
  return {
    async begin(deletion) {
      const item = z.parse(PendingSchema, deletion);
      // Unconditional: beginning the same deletion again writes the same item.
      await send(() => client.send(new PutItemCommand({ TableName: tableName, Item: marshall({ pk: partition(item.member), sk: item.caseId, entity: "deletion", ...item }) })));
    },
    async pending(member) {
      const items = await queryAll(client, { TableName: tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: marshall({ ":pk": partition(member) }) });
      return items.map((item) => {
        const { pk: _pk, sk: _sk, entity: _entity, ...rest } = unmarshall(item);
        return z.parse(PendingSchema, rest);
      });
    },
    async end(member, caseId) {
      await send(() => client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall({ pk: partition(member), sk: z.parse(CaseIdSchema, caseId) }) })));
    },
  };
}
