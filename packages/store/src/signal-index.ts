// The SignalIndex port on the same table: one small item per (member, person tag, case), so the cases carrying a tag
// are one Query away. It holds keyed hashes and case ids only (docs/decisions.md 30).
import { type AttributeValue, type DynamoDBClient, PutItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { CaseIdSchema, HubError, MemberIdSchema, type SignalIndex, UnavailableError } from "@meldpunt/domain";
import * as z from "zod/mini";

const TAG = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/));
const partition = (member: string, tag: string) => `SIGNAL#${z.parse(MemberIdSchema, member)}#${z.parse(TAG, tag)}`;

export function createSignalIndex({ client, tableName }: { client: DynamoDBClient; tableName: string }): SignalIndex {
  async function send<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof HubError) throw error;
      throw new UnavailableError({ cause: error });
    }
  }
  return {
    async add(member, tag, caseId) {
      // Unconditional: adding the same case twice writes the same item.
      await send(() =>
        client.send(new PutItemCommand({ TableName: tableName, Item: marshall({ pk: partition(member, tag), sk: z.parse(CaseIdSchema, caseId), entity: "signal" }) })),
      );
    },
    async casesWith(member, tag) {
      const ids: string[] = [];
      let start: Record<string, AttributeValue> | undefined;
      do {
        const out = await send(() =>
          client.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: "pk = :pk",
              ExpressionAttributeValues: marshall({ ":pk": partition(member, tag) }),
              ProjectionExpression: "sk",
              ExclusiveStartKey: start,
            }),
          ),
        );
        ids.push(...(out.Items ?? []).map((item) => String(unmarshall(item).sk)));
        start = out.LastEvaluatedKey;
      } while (start);
      return ids;
    },
  };
}
