// Property: the queue cursor comes from a URL, so any string may arrive. It either pages within this very queue
// (only when it is a cursor the store wrote for this queue, or the same key again) or is refused with
// ValidationError. Never another error: a broken cursor must not look like an outage.
import { type CaseSummary, ValidationError } from "@meldpunt/domain";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { queuePartition } from "../src/keys";
import { makeCase, toCursor, useDynalite } from "./fixtures";

const MEMBER = "gemeente-p";
const DESK = "integriteit-p";
const PARTITION = queuePartition(MEMBER, DESK);
const OTHER_PARTITION = queuePartition("gemeente-x", DESK);

/** What the store could accept: a JSON object whose four key attributes are non-empty strings, for this queue. */
function isCursorForThisQueue(cursor: string): boolean {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return false;
    const key = parsed as Record<string, unknown>;
    const filled = ["pk", "sk", "gsi1pk", "gsi1sk"].every((name) => typeof key[name] === "string" && key[name] !== "");
    return filled && key.gsi1pk === PARTITION && cursor.length <= 1000;
  } catch {
    return false;
  }
}

describe("listDeskQueue cursor (property)", () => {
  const db = useDynalite();
  const realCursors: string[] = [];
  /** The whole queue in order, to check what follows a real cursor. */
  let order: string[] = [];
  let otherQueueCursor = "";

  beforeAll(async () => {
    for (let i = 0; i < 4; i++) {
      await db.store.cases.createCase(makeCase({ member: MEMBER, desk: DESK, ackDueAt: `2025-01-0${i + 1}T00:00:00.000Z` }));
    }
    await db.store.cases.createCase(makeCase({ member: "gemeente-x", desk: DESK }));
    await db.store.cases.createCase(makeCase({ member: "gemeente-x", desk: DESK }));
    let cursor: string | undefined;
    do {
      const page = await db.store.cases.listDeskQueue(MEMBER, DESK, { limit: 1, cursor });
      cursor = page.cursor;
      if (cursor) realCursors.push(cursor);
    } while (cursor);
    order = (await db.store.cases.listDeskQueue(MEMBER, DESK, { limit: 10 })).items.map((s) => s.id);
    otherQueueCursor = (await db.store.cases.listDeskQueue("gemeente-x", DESK, { limit: 1 })).cursor ?? "";
    expect(realCursors.length).toBeGreaterThanOrEqual(3);
    expect(otherQueueCursor).not.toBe("");
  });

  const anyKeyString = fc.oneof(fc.string({ maxLength: 40 }), fc.constant(""), fc.constant(PARTITION), fc.string({ unit: "binary", maxLength: 20 }));

  const cursors = () =>
    fc.oneof(
      // Anything at all, including what no encoder would produce.
      fc.string({ maxLength: 200 }),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.string({ unit: "grapheme", maxLength: 50 }),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,120}$/),
      fc.string({ minLength: 990, maxLength: 1100 }),
      // Valid base64url over arbitrary JSON.
      fc.json().map((json) => Buffer.from(json).toString("base64url")),
      // Cursor-shaped objects: right or wrong queue, missing or empty or odd key values, extra fields.
      fc
        .record(
          {
            pk: fc.oneof(anyKeyString, fc.integer(), fc.constant(null)),
            sk: fc.oneof(anyKeyString, fc.constant("CASE")),
            gsi1pk: fc.oneof(fc.constant(PARTITION), fc.constant(OTHER_PARTITION), anyKeyString),
            gsi1sk: anyKeyString,
            extra: fc.anything(),
          },
          { requiredKeys: [] },
        )
        .map(toCursor),
      // Real cursors, as they are and tampered with.
      fc.constantFrom(...realCursors, otherQueueCursor),
      fc
        .tuple(fc.constantFrom(...realCursors), fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 4 }))
        .map(([cursor, at, drop, insert]) => {
          const i = at % (cursor.length + 1);
          return cursor.slice(0, i) + insert + cursor.slice(i + drop);
        }),
    );

  it("any string either pages within this queue or throws ValidationError", async () => {
    await fc.assert(
      fc.asyncProperty(cursors(), async (cursor) => {
        let items: CaseSummary[];
        try {
          ({ items } = await db.store.cases.listDeskQueue(MEMBER, DESK, { limit: 2, cursor }));
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).issues.map((i) => i.field)).toEqual(["cursor"]);
          // A cursor the store wrote for this queue is never refused.
          expect(realCursors.includes(cursor)).toBe(false);
          return;
        }
        // It worked: only an absent (empty) cursor or a key of this very queue may do that.
        expect(cursor === "" || isCursorForThisQueue(cursor)).toBe(true);
        expect(items.every((s) => s.member === MEMBER && s.desk === DESK)).toBe(true);
        // A real cursor (the k-th, written after the item at index k) continues right after that item.
        const k = realCursors.indexOf(cursor);
        if (k >= 0) expect(items.map((s) => s.id)).toEqual(order.slice(k + 1, k + 3));
      }),
      { numRuns: 400 },
    );
  });
});
