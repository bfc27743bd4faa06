// The one table of the hub. This definition is the single source for the local bootstrap and for CDK, so the
// embedded store and the cloud table cannot drift apart. See docs/store.md for the access patterns.
export const TABLE_NAME_DEFAULT = "meldpunt";

export interface KeyDefinition {
  partitionKey: string;
  sortKey: string;
}

export const TABLE_KEYS: KeyDefinition = { partitionKey: "pk", sortKey: "sk" };

/** Global secondary indexes, all string keys, projecting all attributes. */
export const INDEXES = {
  /** A member's cases on one desk, ordered by the next deadline; and, in partition `STAFF`, every staff member. */
  queue: { name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
  /** Cases behind a receipt locator. */
  receipt: { name: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
} as const satisfies Record<string, KeyDefinition & { name: string }>;

/** Attribute names in the table's and indexes' key schemas; every one is a string. */
export function keyAttributeNames(): string[] {
  return [TABLE_KEYS, ...Object.values(INDEXES)].flatMap((k) => [k.partitionKey, k.sortKey]);
}
