// The statistics job's snapshots on the same table (docs/store.md, "Statistics"; docs/decisions.md 38): one item per
// member and half-year in partition `STATS`, sorted by half-year then member, so that every snapshot a dashboard needs
// is one Query of a key range. Numbers only: no case id, no content, nothing sealed.
import { type DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { type PeriodId, type StatisticsSnapshot, StatisticsSnapshotSchema, type StatisticsSnapshots } from "@meldpunt/domain/staff";
import * as z from "zod/mini";
import { queryAll, send } from "./requests";

export const STATS_PK = "STATS";
export const statisticsKey = (period: PeriodId | string, member: string) => ({ pk: STATS_PK, sk: `${period}#${member}` });
/** Far above members × reachable half-years (about 8 each): more is an incident, not a dashboard. */
export const MAX_SNAPSHOTS = 5000;

export function createStatisticsStore({ client, tableName }: { client: DynamoDBClient; tableName: string }): StatisticsSnapshots {
  return {
    async put(snapshot) {
      const item = z.parse(StatisticsSnapshotSchema, snapshot);
      // A snapshot counted later than this one wins; the same moment again (a retry) may overwrite itself.
      await send(
        () =>
          client.send(
            new PutItemCommand({
              TableName: tableName,
              Item: marshall({ ...statisticsKey(item.period, item.member), ...item }),
              ConditionExpression: "attribute_not_exists(pk) OR asOf <= :asOf",
              ExpressionAttributeValues: marshall({ ":asOf": item.asOf }),
            }),
          ),
        () => new StaleSnapshot(),
      ).catch((error) => {
        if (!(error instanceof StaleSnapshot)) throw error;
      });
    },
    async list(from, to) {
      const items = await queryAll(
        client,
        {
          TableName: tableName,
          KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
          // `#` sorts before `~`: every member of `to`.
          ExpressionAttributeValues: marshall({ ":pk": STATS_PK, ":from": `${from}#`, ":to": `${to}#~` }),
        },
        MAX_SNAPSHOTS,
      );
      return items.map((item) => {
        const { pk: _pk, sk: _sk, ...snapshot } = unmarshall(item);
        return z.parse(StatisticsSnapshotSchema, snapshot) as StatisticsSnapshot;
      });
    },
  };
}

/** A newer snapshot is already there: not an error for the job. */
class StaleSnapshot extends Error {}
