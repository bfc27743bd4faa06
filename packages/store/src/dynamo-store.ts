// The CaseStore and RegionStore ports on DynamoDB (AWS or the embedded dynalite: only the client's endpoint differs).
// Every business write is one conditional single-item write; see docs/store.md.
import {
  type AttributeValue,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import {
  type CaseId,
  type CaseRecord,
  CaseRecordSchema,
  type CaseStore,
  type CaseSummary,
  ConflictError,
  type Desk,
  type DeskId,
  DeskSchema,
  HistoryEntrySchema,
  type Member,
  type MemberId,
  MemberSchema,
  type Page,
  type RegionStore,
  NOTHING_DUE,
  ValidationError,
} from "@meldpunt/domain";
import type { CaseFacts, RetentionFacts } from "@meldpunt/domain/staff";
import * as z from "zod/mini";
import { caseItemKeys, caseKey, DESK_PREFIX, deskKey, MEMBER_PREFIX, memberKey, queuePartition, REGION_PK, receiptPartition } from "./keys";
import { queryAll, queryReceiptIndex, send } from "./requests";
import { INDEXES, keyAttributeNames } from "./table";

export interface DynamoStoreOptions {
  client: DynamoDBClient;
  tableName: string;
}

const KEY_ATTRIBUTES = new Set(keyAttributeNames());
const MAX_PAGE = 100;
/** Receipt locators are random; more than a handful of cases behind one would mean something is wrong. */
const MAX_RECEIPT_CANDIDATES = 10;
const SUMMARY_FIELDS = ["id", "member", "desk", "kind", "track", "state", "categories", "receivedAt", "ackDueAt", "feedbackDueAt", "feedbackAt", "deskUnread", "version"] as const;
/** More open cases than this on one desk for one member is not a queue but an incident: refused, not half shown. */
export const MAX_OPEN_CASES = 5000;

/**
 * What statistics may read of a case (CaseFacts, docs/decisions.md 37): metadata in clear. `content`, `messages`,
 * `notes`, `attachments`, `dataKey`, `receipt` and `personTags` are never asked for. A history entry can only be
 * projected whole, so a transfer's sealed `note` comes along: parsing with this schema drops it (and `by`, `from`, `to`,
 * `detail`) before anything is returned, and without the data key it could not be opened anyway.
 */
const CaseFactsSchema = z.extend(
  z.pick(CaseRecordSchema, {
    member: true,
    kind: true,
    track: true,
    channel: true,
    categories: true,
    subcategories: true,
    relation: true,
    reporterType: true,
    receivedAt: true,
    ackDueAt: true,
    feedbackDueAt: true,
    feedbackAt: true,
    outcome: true,
    vp: true,
  }),
  { history: z.array(z.pick(HistoryEntrySchema, { at: true, state: true, event: true })) },
);
const FACT_FIELDS = Object.keys(CaseFactsSchema.shape);
/** One member's cases on one desk over the periods a dashboard reads: far above any real desk, refused beyond. */
export const MAX_FACTS_PER_QUEUE = 50_000;

/**
 * What the retention job reads of a closed case (RetentionFacts): no `content`, `messages`, `notes`, `dataKey` or
 * `receipt`. History comes whole (see CaseFactsSchema) and is parsed down to `at` and `state`; attachments are the
 * clear list (ids, types, sizes), never the files.
 */
const RetentionFactsSchema = z.extend(z.pick(CaseRecordSchema, { id: true, state: true, attachments: true, personTags: true, version: true }), {
  history: z.array(z.pick(HistoryEntrySchema, { at: true, state: true })),
});
const RETENTION_FIELDS = Object.keys(RetentionFactsSchema.shape);

export function createDynamoStore({ client, tableName }: DynamoStoreOptions): { cases: CaseStore; region: RegionStore } {

  /** Writes an item guarded by its version: version 1 must be new, version n must replace version n-1. */
  function putVersioned(item: Record<string, unknown>, version: number) {
    const guard =
      version === 1
        ? { ConditionExpression: "attribute_not_exists(pk)" }
        : { ConditionExpression: "#v = :prev", ExpressionAttributeNames: { "#v": "version" }, ExpressionAttributeValues: marshall({ ":prev": version - 1 }) };
    return send(() => client.send(new PutItemCommand({ TableName: tableName, Item: marshall(item, { removeUndefinedValues: true }), ...guard })));
  }

  async function getItem(key: { pk: string; sk: string }) {
    const out = await send(() => client.send(new GetItemCommand({ TableName: tableName, Key: marshall(key), ConsistentRead: true })));
    return out.Item ? withoutKeys(out.Item) : undefined;
  }

  async function queryItems(input: Omit<QueryCommandInput, "TableName">): Promise<Record<string, unknown>[]> {
    return (await queryAll(client, { TableName: tableName, ...input })).map(withoutKeys);
  }

  const caseItem = (record: CaseRecord) => ({
    ...caseItemKeys(record),
    entity: "case",
    // Derived, in clear, for the queue's "unread" filter: whether a reporter's message waits for the desk.
    deskUnread: (record.messages ?? []).some((m) => m.from === "melder" && !m.readAt),
    ...z.parse(CaseRecordSchema, record),
  });

  const cases: CaseStore = {
    async createCase(record) {
      if (record.version !== 1) throw new ConflictError();
      await putVersioned(caseItem(record), 1);
    },
    async getCase(member: MemberId, caseId: CaseId) {
      const item = await getItem(caseKey(caseId));
      // The member is part of the question: a case of another member is as absent as one that does not exist.
      if (!item || item.member !== member) return undefined;
      return z.parse(CaseRecordSchema, item);
    },
    async updateCase(record) {
      if (record.version < 2) throw new ConflictError();
      await putVersioned(caseItem(record), record.version);
    },
    async findByReceiptLocator(locator) {
      const items = await queryReceiptIndex(client, tableName, receiptPartition(locator), MAX_RECEIPT_CANDIDATES);
      return items.map((item) => z.parse(CaseRecordSchema, withoutKeys(item)));
    },
    async listDeskQueue(member: MemberId, desk: DeskId, page): Promise<Page<CaseSummary>> {
      const partition = queuePartition(member, desk);
      const names = Object.fromEntries(SUMMARY_FIELDS.map((f) => [`#${f}`, f]));
      const out = await send(() =>
        client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: INDEXES.queue.name,
            KeyConditionExpression: "#gpk = :pk",
            // Metadata only: the sealed content never leaves the table for a queue.
            ProjectionExpression: Object.keys(names).join(", "),
            ExpressionAttributeNames: { ...names, "#gpk": INDEXES.queue.partitionKey },
            ExpressionAttributeValues: marshall({ ":pk": partition }),
            Limit: Math.min(Math.max(1, Math.trunc(page.limit) || 1), MAX_PAGE),
            ExclusiveStartKey: page.cursor ? decodeCursor(page.cursor, partition) : undefined,
          }),
        ),
      );
      const items = (out.Items ?? []).map((item) => unmarshall(item) as CaseSummary);
      return out.LastEvaluatedKey ? { items, cursor: encodeCursor(out.LastEvaluatedKey) } : { items };
    },
    async listOpenCases(member: MemberId, desk: DeskId): Promise<CaseSummary[]> {
      const names = Object.fromEntries(SUMMARY_FIELDS.map((f) => [`#${f}`, f]));
      const items = await queryAll(
        client,
        {
          TableName: tableName,
          IndexName: INDEXES.queue.name,
          // Closed cases sort at NOTHING_DUE, after every open one: the key condition leaves them out.
          KeyConditionExpression: "#gpk = :pk AND #gsk < :closed",
          ProjectionExpression: Object.keys(names).join(", "),
          ExpressionAttributeNames: { ...names, "#gpk": INDEXES.queue.partitionKey, "#gsk": INDEXES.queue.sortKey },
          ExpressionAttributeValues: marshall({ ":pk": queuePartition(member, desk), ":closed": NOTHING_DUE }),
        },
        MAX_OPEN_CASES,
      );
      return items.map((item) => unmarshall(item) as CaseSummary);
    },
    async listCaseFacts(member: MemberId, desks: readonly DeskId[], { from, to }): Promise<CaseFacts[]> {
      const names = Object.fromEntries(FACT_FIELDS.map((f) => [`#${f}`, f]));
      // The queue index holds every case of a member on a desk; the filter keeps the page small, not the read.
      const reads = desks.map((desk) =>
        queryAll(
          client,
          {
            TableName: tableName,
            IndexName: INDEXES.queue.name,
            KeyConditionExpression: "#gpk = :pk",
            FilterExpression: "#receivedAt >= :from AND #receivedAt < :to",
            ProjectionExpression: Object.keys(names).join(", "),
            ExpressionAttributeNames: { ...names, "#gpk": INDEXES.queue.partitionKey },
            ExpressionAttributeValues: marshall({ ":pk": queuePartition(member, desk), ":from": from.toISOString(), ":to": to.toISOString() }),
          },
          MAX_FACTS_PER_QUEUE,
        ),
      );
      return (await Promise.all(reads)).flat().map((item) => z.parse(CaseFactsSchema, unmarshall(item)));
    },
    async listClosedCases(member: MemberId, desk: DeskId, page): Promise<Page<RetentionFacts>> {
      const partition = queuePartition(member, desk);
      const names = Object.fromEntries(RETENTION_FIELDS.map((f) => [`#${f}`, f]));
      const out = await send(() =>
        client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: INDEXES.queue.name,
            // Closed cases sort at NOTHING_DUE, after every open one: the key condition reads them alone.
            KeyConditionExpression: "#gpk = :pk AND begins_with(#gsk, :closed)",
            ProjectionExpression: Object.keys(names).join(", "),
            ExpressionAttributeNames: { ...names, "#gpk": INDEXES.queue.partitionKey, "#gsk": INDEXES.queue.sortKey },
            ExpressionAttributeValues: marshall({ ":pk": partition, ":closed": `${NOTHING_DUE}#` }),
            Limit: Math.min(Math.max(1, Math.trunc(page.limit) || 1), MAX_PAGE),
            ExclusiveStartKey: page.cursor ? decodeCursor(page.cursor, partition) : undefined,
          }),
        ),
      );
      const items = (out.Items ?? []).map((item) => z.parse(RetentionFactsSchema, unmarshall(item)));
      return out.LastEvaluatedKey ? { items, cursor: encodeCursor(out.LastEvaluatedKey) } : { items };
    },
    async deleteCase(member: MemberId, caseId: CaseId, version: number) {
      await send(() =>
        client.send(
          new DeleteItemCommand({
            TableName: tableName,
            Key: marshall(caseKey(caseId)),
            // Gone already is done (a later run finishing an earlier one); changed or moved to another member is not.
            ConditionExpression: "attribute_not_exists(pk) OR (#m = :m AND #v = :v)",
            ExpressionAttributeNames: { "#m": "member", "#v": "version" },
            ExpressionAttributeValues: marshall({ ":m": member, ":v": version }),
          }),
        ),
      );
    },
  };

  const region: RegionStore = {
    async getMember(member) {
      const item = await getItem(memberKey(member));
      return item ? z.parse(MemberSchema, item) : undefined;
    },
    async listMembers() {
      return (await queryRegion(MEMBER_PREFIX)).map((item) => z.parse(MemberSchema, item));
    },
    async putMember(member: Member) {
      await putVersioned({ ...memberKey(member.id), entity: "member", ...z.parse(MemberSchema, member) }, member.version);
    },
    async getDesk(desk) {
      const item = await getItem(deskKey(desk));
      return item ? z.parse(DeskSchema, item) : undefined;
    },
    async listDesks() {
      return (await queryRegion(DESK_PREFIX)).map((item) => z.parse(DeskSchema, item));
    },
    async putDesk(desk: Desk) {
      await putVersioned({ ...deskKey(desk.id), entity: "desk", ...z.parse(DeskSchema, desk) }, desk.version);
    },
  };

  function queryRegion(prefix: string) {
    return queryItems({
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: marshall({ ":pk": REGION_PK, ":prefix": prefix }),
    });
  }

  return { cases, region };
}

function withoutKeys(item: Record<string, AttributeValue>): Record<string, unknown> {
  const { entity: _entity, ...rest } = unmarshall(item);
  return Object.fromEntries(Object.entries(rest).filter(([name]) => !KEY_ATTRIBUTES.has(name)));
}

/** DynamoDB refuses an empty string in a key attribute: such a cursor is invalid input, not an outage. */
const CursorKeySchema = z.string().check(z.minLength(1));
const CursorSchema = z.object({ pk: CursorKeySchema, sk: CursorKeySchema, gsi1pk: CursorKeySchema, gsi1sk: CursorKeySchema });

function encodeCursor(key: Record<string, AttributeValue>): string {
  return Buffer.from(JSON.stringify(unmarshall(key))).toString("base64url");
}

/** A cursor comes from a URL: it must be one this store wrote, for this very queue. */
function decodeCursor(cursor: string, partition: string): Record<string, AttributeValue> {
  const invalid = new ValidationError([{ field: "cursor", message: { nl: "Deze pagina bestaat niet.", en: "This page does not exist." } }]);
  let parsed: z.infer<typeof CursorSchema>;
  try {
    parsed = z.parse(CursorSchema, JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw invalid;
  }
  if (parsed.gsi1pk !== partition || cursor.length > 1000) throw invalid;
  return marshall(parsed);
}
