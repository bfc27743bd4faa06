// The LibraryStore against real dynalite: the entry's keys (no case in them), the version guard, lists per state and
// year without the sections, the lookup by the one-way reference, and comments numbered without gaps under concurrency.
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { ConflictError } from "@meldpunt/domain";
import { type LibraryEntry, newLibraryEntryId } from "@meldpunt/domain/staff";
import { describe, expect, it } from "vitest";
import { createLibraryStore, libraryEntryItemKeys, libraryEntryKey } from "../src/library-store";
import { useDynalite } from "./fixtures";

function entry(over: Partial<LibraryEntry> = {}): LibraryEntry {
  return {
    id: newLibraryEntryId(),
    state: "concept",
    title: "Een titel",
    situation: "Situatie.",
    dilemma: "Dilemma.",
    route: "Route.",
    outcome: "Uitkomst.",
    lessons: "Lessen.",
    categories: ["omgang"],
    subcategories: ["omgang.pesten"],
    year: 2025,
    author: "staff-a",
    ref: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
    submittedOn: "2026-01-10",
    version: 1,
    ...over,
  };
}

describe("libraryEntryItemKeys", () => {
  it("places an entry by id, state, year and day, and its reference in the receipt index: no case, member or desk", () => {
    const e = entry({ id: "0123456789ABCDEFGHJKMNPQRS" });
    expect(libraryEntryItemKeys(e)).toEqual({
      pk: "LIBRARY",
      sk: "ENTRY#0123456789ABCDEFGHJKMNPQRS",
      gsi1pk: "LIBRARY#concept",
      gsi1sk: "2025#2026-01-10#0123456789ABCDEFGHJKMNPQRS",
      gsi2pk: `LIBREF#${e.ref}`,
      gsi2sk: "0123456789ABCDEFGHJKMNPQRS",
    });
  });
});

describe("library store", () => {
  const db = useDynalite();

  it("round-trips an entry, guards its version and finds it by its reference", async () => {
    const library = createLibraryStore(db);
    const e = entry();
    await library.createEntry(e);
    expect(await library.getEntry(e.id)).toEqual(e);
    await expect(library.createEntry(e)).rejects.toBeInstanceOf(ConflictError);
    await library.updateEntry({ ...e, state: "gepubliceerd", publishedOn: "2026-01-12", reviewer: "staff-b", version: 2 });
    await expect(library.updateEntry({ ...e, title: "Oud", version: 2 })).rejects.toBeInstanceOf(ConflictError);
    expect((await library.findByRef(e.ref as string))?.state).toBe("gepubliceerd");
    expect(await library.findByRef("zzzzzzzzzzzzzzzzzzzzzz")).toBeUndefined();
    expect(await library.getEntry("not-an-id")).toBeUndefined();
    const raw = await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: marshall(libraryEntryKey(e.id)) }));
    expect(unmarshall(raw.Item ?? {})).toMatchObject({ entity: "library-entry", gsi1pk: "LIBRARY#gepubliceerd" });
  });

  it("lists one state, newest year first, optionally of one year, without the sections or the reference", async () => {
    const library = createLibraryStore(db);
    const older = entry({ state: "afgewezen", year: 2023, rejection: "Te herkenbaar." });
    const newer = entry({ state: "afgewezen", year: 2025 });
    await library.createEntry(older);
    await library.createEntry(newer);
    const listed = await library.listEntries("afgewezen");
    expect(listed.map((e) => e.id)).toEqual([newer.id, older.id]);
    expect(listed[1]).toEqual({ ...older, situation: undefined, dilemma: undefined, route: undefined, outcome: undefined, lessons: undefined, ref: undefined });
    expect(Object.keys(listed[0] ?? {})).not.toContain("situation");
    expect((await library.listEntries("afgewezen", { year: 2023 })).map((e) => e.id)).toEqual([older.id]);
  });

  it("numbers concurrent comments 1..n without gaps and lists them in order", async () => {
    const library = createLibraryStore(db);
    const e = entry({ state: "gepubliceerd", publishedOn: "2026-02-01", ref: undefined });
    await library.createEntry(e);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => library.addComment({ entry: e.id, at: new Date().toISOString(), by: `staff-${i}`, voice: { role: "board" }, text: `Reactie ${i}` })),
    );
    const comments = await library.listComments(e.id);
    expect(comments.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(comments.map((c) => c.by)).size).toBe(8);
  });
});
