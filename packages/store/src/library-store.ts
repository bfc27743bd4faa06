// The LibraryStore port on the same table (docs/store.md, "Library"): one item per casuïstiek entry in partition
// `LIBRARY`, listed per state through the queue index (`gsi1pk = LIBRARY#<state>`), found by its one-way case reference
// through the receipt index (`gsi2pk = LIBREF#<ref>`); comments numbered per entry in `LIBRARY#<id>`. Entries are not
// sealed: they are de-identified and shared with the region, and hold no case id, member or desk.
import { type AttributeValue, type DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { ConflictError, type LibraryStore, ValidationError } from "@meldpunt/domain";
import {
  type LibraryComment,
  LibraryCommentSchema,
  type LibraryEntry,
  LibraryEntryIdSchema,
  LibraryEntrySchema,
  type LibraryState,
  type LibrarySummary,
  LIBRARY_TEXT_FIELDS,
  MAX_LIBRARY_COMMENTS,
} from "@meldpunt/domain/staff";
import * as z from "zod/mini";
import { queryAll, queryReceiptIndex, send } from "./requests";
import { INDEXES, keyAttributeNames } from "./table";

export interface LibraryStoreOptions {
  client: DynamoDBClient;
  tableName: string;
}

export const LIBRARY_PK = "LIBRARY";
export const libraryEntryKey = (id: string) => ({ pk: LIBRARY_PK, sk: `ENTRY#${z.parse(LibraryEntryIdSchema, id)}` });
export const libraryStatePartition = (state: LibraryState) => `LIBRARY#${state}`;
export const libraryRefPartition = (ref: string) => `LIBREF#${ref}`;
export const libraryCommentPartition = (id: string) => `LIBRARY#${z.parse(LibraryEntryIdSchema, id)}`;
const commentKey = (seq: number) => `COMMENT#${String(seq).padStart(6, "0")}`;

/**
 * Every key attribute of an entry: its place in the `LIBRARY` partition, in its state's list (newest year, then newest
 * day first when read descending) and, when it has one, under its case reference.
 */
export function libraryEntryItemKeys(entry: Pick<LibraryEntry, "id" | "state" | "year" | "submittedOn" | "publishedOn" | "ref">) {
  return {
    ...libraryEntryKey(entry.id),
    gsi1pk: libraryStatePartition(entry.state),
    gsi1sk: `${entry.year}#${entry.publishedOn ?? entry.submittedOn}#${entry.id}`,
    ...(entry.ref ? { gsi2pk: libraryRefPartition(entry.ref), gsi2sk: entry.id } : {}),
  };
}

const KEY_ATTRIBUTES = new Set([...keyAttributeNames(), "entity"]);
const without = (item: Record<string, AttributeValue>) => Object.fromEntries(Object.entries(unmarshall(item)).filter(([name]) => !KEY_ATTRIBUTES.has(name)));

/** A list reads everything but the sections and the reference: a few hundred bytes per entry. */
const SUMMARY_FIELDS = Object.keys(LibraryEntrySchema.shape).filter((f) => !(LIBRARY_TEXT_FIELDS as readonly string[]).includes(f) && f !== "ref");
const SummarySchema = z.omit(LibraryEntrySchema, { situation: true, dilemma: true, route: true, outcome: true, lessons: true, ref: true });
/** More entries in one state than this is an incident, not a list to show half of. */
export const MAX_LIBRARY_LIST = 5000;
const MAX_ROUNDS = 10;

export function createLibraryStore({ client, tableName }: LibraryStoreOptions): LibraryStore {
  function put(entry: LibraryEntry) {
    const record = z.parse(LibraryEntrySchema, entry);
    // Version 1 must be new; version n replaces exactly version n - 1 (docs/store.md, rule 2).
    const guard =
      record.version === 1
        ? { ConditionExpression: "attribute_not_exists(pk)" }
        : { ConditionExpression: "#v = :prev", ExpressionAttributeNames: { "#v": "version" }, ExpressionAttributeValues: marshall({ ":prev": record.version - 1 }) };
    const item = marshall({ ...libraryEntryItemKeys(record), entity: "library-entry", ...record }, { removeUndefinedValues: true });
    return send(() => client.send(new PutItemCommand({ TableName: tableName, Item: item, ...guard })));
  }

  async function lastSeq(entry: string): Promise<number> {
    const out = await send(() =>
      client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :c)",
          ExpressionAttributeValues: marshall({ ":pk": libraryCommentPartition(entry), ":c": "COMMENT#" }),
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
          ProjectionExpression: "seq",
        }),
      ),
    );
    return out.Items?.[0] ? Number(unmarshall(out.Items[0]).seq) : 0;
  }

  class LostRace extends Error {}

  return {
    async createEntry(entry) {
      if (entry.version !== 1) throw new ConflictError();
      await put(entry);
    },
    async getEntry(id) {
      if (!z.safeParse(LibraryEntryIdSchema, id).success) return undefined;
      const out = await send(() => client.send(new GetItemCommand({ TableName: tableName, Key: marshall(libraryEntryKey(id)), ConsistentRead: true })));
      return out.Item ? z.parse(LibraryEntrySchema, without(out.Item)) : undefined;
    },
    async updateEntry(entry) {
      if (entry.version < 2) throw new ConflictError();
      await put(entry);
    },
    async findByRef(ref) {
      // The receipt index is eventually consistent in AWS: two submissions of one case within a moment may both pass.
      const [first] = await queryReceiptIndex(client, tableName, libraryRefPartition(ref), 10);
      return first ? z.parse(LibraryEntrySchema, without(first)) : undefined;
    },
    async listEntries(state, filter = {}): Promise<LibrarySummary[]> {
      const names = Object.fromEntries(SUMMARY_FIELDS.map((f) => [`#${f}`, f]));
      const byYear = filter.year !== undefined;
      const items = await queryAll(
        client,
        {
          TableName: tableName,
          IndexName: INDEXES.queue.name,
          KeyConditionExpression: byYear ? "#gpk = :pk AND begins_with(#gsk, :year)" : "#gpk = :pk",
          ProjectionExpression: Object.keys(names).join(", "),
          ExpressionAttributeNames: { ...names, "#gpk": INDEXES.queue.partitionKey, ...(byYear ? { "#gsk": INDEXES.queue.sortKey } : {}) },
          ExpressionAttributeValues: marshall({ ":pk": libraryStatePartition(state), ...(byYear ? { ":year": `${filter.year}#` } : {}) }),
          ScanIndexForward: false,
        },
        MAX_LIBRARY_LIST,
      );
      return items.map((item) => z.parse(SummarySchema, unmarshall(item)));
    },
    async addComment(comment) {
      const parsed = z.parse(z.omit(LibraryCommentSchema, { seq: true }), comment);
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const seq = (await lastSeq(parsed.entry)) + 1;
        if (seq > MAX_LIBRARY_COMMENTS) {
          throw new ValidationError([{ field: "text", message: { nl: "Bij deze beschrijving kunnen geen reacties meer bij.", en: "This description takes no more comments." } }]);
        }
        const full: LibraryComment = { ...parsed, seq };
        try {
          await send(
            () =>
              client.send(
                new PutItemCommand({
                  TableName: tableName,
                  Item: marshall({ pk: libraryCommentPartition(parsed.entry), sk: commentKey(seq), entity: "library-comment", ...full }),
                  ConditionExpression: "attribute_not_exists(pk)",
                }),
              ),
            () => new LostRace(),
          );
          return full;
        } catch (error) {
          // Someone else took this number: take the next.
          if (!(error instanceof LostRace)) throw error;
        }
      }
      throw new ConflictError();
    },
    async listComments(entry) {
      const items = await queryAll(
        client,
        {
          TableName: tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :c)",
          ExpressionAttributeValues: marshall({ ":pk": libraryCommentPartition(entry), ":c": "COMMENT#" }),
        },
        MAX_LIBRARY_COMMENTS,
      );
      return items.map((item) => z.parse(LibraryCommentSchema, without(item)));
    },
  };
}
