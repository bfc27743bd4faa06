// The AuditLog port on the same table (docs/decisions.md 29). One partition per member: entries `E#<seq>` numbered
// without gaps, and a head item that records the highest number written with that entry's hash, signed. A new entry
// takes the number after the last one with a conditional put, so of two concurrent appends one wins the number and the
// other takes the next. The head is raised after the entry (there are no transactions in the embedded store): a head
// behind the entries is a crash between the two writes, a head ahead of them is entries deleted from the end, and a
// head lowered to hide that has no valid signature; verification reports both.
import {
  type AttributeValue,
  type DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  GetItemCommand,
} from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { type AuditEntry, type AuditHasher, type AuditHead, type AuditLog, GENESIS_HASH, MemberIdSchema, UnavailableError, ValidationError, verifyAuditChain } from "@meldpunt/domain";
import * as z from "zod/mini";
import { queryAll, send as sendRequest } from "./requests";

export interface AuditLogOptions {
  client: DynamoDBClient;
  tableName: string;
  hasher: AuditHasher;
}

const partition = (member: string) => `AUDIT#${z.parse(MemberIdSchema, member)}`;
const entryKey = (seq: number) => `E#${String(seq).padStart(12, "0")}`;
const HEAD = "HEAD";
const MAX_ROUNDS = 20;
const MAX_PAGE = 200;

class LostRace extends Error {}

export function createAuditLog({ client, tableName, hasher }: AuditLogOptions): AuditLog {
  /** Every entry request: a failed condition is a lost race for a number, which `append` takes again. */
  const send = <T>(run: () => Promise<T>) => sendRequest(run, () => new LostRace());
  /** The member's entries: `ScanIndexForward: false` for the newest first. */
  const entries = (member: string) => ({
    TableName: tableName,
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :e)",
    ExpressionAttributeValues: marshall({ ":pk": partition(member), ":e": "E#" }),
  });

  const toEntry = (item: Record<string, AttributeValue>): AuditEntry => {
    const { pk: _pk, sk: _sk, entity: _entity, ...entry } = unmarshall(item);
    return entry as AuditEntry;
  };

  async function last(member: string): Promise<AuditEntry | undefined> {
    const out = await send(() =>
      client.send(
        new QueryCommand({ ...entries(member), ScanIndexForward: false, Limit: 1, ConsistentRead: true }),
      ),
    );
    return out.Items?.[0] ? toEntry(out.Items[0]) : undefined;
  }

  async function raiseHead(member: string, entry: AuditEntry): Promise<void> {
    const head: AuditHead = { seq: entry.seq, hash: entry.hash, mac: hasher.headMac({ seq: entry.seq, hash: entry.hash }) };
    try {
      await send(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: marshall({ pk: partition(member), sk: HEAD, entity: "audit-head", ...head }),
            ConditionExpression: "attribute_not_exists(pk) OR seq < :seq",
            ExpressionAttributeValues: marshall({ ":seq": head.seq }),
          }),
        ),
      );
    } catch (error) {
      // A later append raised it further already.
      if (!(error instanceof LostRace)) throw error;
    }
  }

  const log: AuditLog = {
    async append(event, at) {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const before = await last(event.member);
        const unhashed = { ...event, seq: (before?.seq ?? 0) + 1, at: at.toISOString(), prev: before?.hash ?? GENESIS_HASH };
        const entry: AuditEntry = { ...unhashed, hash: hasher.hash(unhashed) };
        try {
          await send(() =>
            client.send(
              new PutItemCommand({
                TableName: tableName,
                Item: marshall({ pk: partition(event.member), sk: entryKey(entry.seq), entity: "audit", ...entry }, { removeUndefinedValues: true }),
                ConditionExpression: "attribute_not_exists(pk)",
              }),
            ),
          );
        } catch (error) {
          if (error instanceof LostRace) continue;
          throw error;
        }
        await raiseHead(event.member, entry);
        return entry;
      }
      throw new UnavailableError({ cause: new Error("audit log contention") });
    },

    async list(member, page) {
      const limit = Math.min(Math.max(1, page.limit), MAX_PAGE);
      const start = page.cursor ? cursorKey(member, page.cursor) : undefined;
      const out = await send(() =>
        client.send(
          new QueryCommand({ ...entries(member), ScanIndexForward: false, Limit: limit, ExclusiveStartKey: start }),
        ),
      );
      const items = (out.Items ?? []).map(toEntry);
      const next = out.LastEvaluatedKey ? String(Number(String(unmarshall(out.LastEvaluatedKey).sk).slice(2))) : undefined;
      return next ? { items, cursor: next } : { items };
    },

    async readAll(member) {
      const all = (await queryAll(client, { ...entries(member), ConsistentRead: true })).map(toEntry);
      const head = await send(() => client.send(new GetItemCommand({ TableName: tableName, Key: marshall({ pk: partition(member), sk: HEAD }), ConsistentRead: true })));
      if (!head.Item) return { entries: all };
      const { seq, hash, mac } = unmarshall(head.Item);
      return { entries: all, head: { seq: Number(seq), hash: String(hash ?? ""), mac: String(mac ?? "") } };
    },

    async verify(member) {
      const { entries, head } = await log.readAll(member);
      return verifyAuditChain(entries, head, hasher);
    },
  };
  return log;
}

/** A cursor is the sequence number to continue below: twelve digits or fewer, nothing else. */
function cursorKey(member: string, cursor: string): Record<string, AttributeValue> {
  if (!/^[0-9]{1,12}$/.test(cursor)) throw new ValidationError([{ field: "cursor", message: { nl: "Deze pagina bestaat niet.", en: "This page does not exist." } }]);
  return marshall({ pk: partition(member), sk: entryKey(Number(cursor)) });
}
