// What the retention job (docs/decisions.md 39) asks of the store, against real dynalite: a member's closed cases on a
// desk from the queue index (no open case, no content, page by page), a delete conditional on member and version that
// treats "gone already" as done, removing a signal entry, and the ledger of deletions begun.
import { ConflictError } from "@meldpunt/domain";
import type { PendingDeletion } from "@meldpunt/domain/staff";
import { describe, expect, it } from "vitest";
import { createDeletionLedger } from "../src/deletion-ledger";
import { createSignalIndex } from "../src/signal-index";
import { makeCase, newCaseId, useDynalite } from "./fixtures";

const db = useDynalite();
const closed = (over: Parameters<typeof makeCase>[0] = {}) =>
  makeCase({
    state: "gesloten",
    history: [
      { at: "2025-03-01T09:00:00.000Z", state: "ontvangen", by: "melder" },
      { at: "2025-04-01T09:00:00.000Z", state: "gesloten", by: "demo-bi", detail: "geen-vermoeden" },
    ],
    attachments: [{ id: newCaseId(), type: "pdf", bytes: 10, at: "2025-03-01T09:00:00.000Z", from: "melder" }],
    personTags: ["abcdefghijklmnop0123"],
    ...over,
  });

describe("closed cases of a member on a desk", () => {
  it("are read from the queue index alone, metadata only, page by page", async () => {
    const desk = "closed-desk";
    const shut = await Promise.all([1, 2, 3].map(() => closed({ desk })));
    for (const c of [...shut, makeCase({ desk }), closed({ desk, member: "gemeente-b" })]) await db.store.cases.createCase(c);

    const seen: unknown[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await db.store.cases.listClosedCases("gemeente-a", desk, { limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items);
      cursor = page.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen.map((c) => (c as { id: string }).id).sort()).toEqual(shut.map((c) => c.id).sort());
    const [first] = seen as Record<string, unknown>[];
    expect(Object.keys(first ?? {}).sort()).toEqual(["attachments", "history", "id", "personTags", "state", "version"]);
    expect(first?.history).toEqual([
      { at: "2025-03-01T09:00:00.000Z", state: "ontvangen" },
      { at: "2025-04-01T09:00:00.000Z", state: "gesloten" },
    ]);
  });
});

describe("deleting a case", () => {
  it("removes the item only at the version read and only for its own member; gone already counts as done", async () => {
    const record = closed();
    await db.store.cases.createCase(record);
    await expect(db.store.cases.deleteCase("gemeente-b", record.id, 1)).rejects.toBeInstanceOf(ConflictError);
    await db.store.cases.updateCase({ ...record, version: 2 });
    await expect(db.store.cases.deleteCase("gemeente-a", record.id, 1)).rejects.toBeInstanceOf(ConflictError);
    expect(await db.store.cases.getCase("gemeente-a", record.id)).toBeDefined();

    await db.store.cases.deleteCase("gemeente-a", record.id, 2);
    expect(await db.store.cases.getCase("gemeente-a", record.id)).toBeUndefined();
    await expect(db.store.cases.deleteCase("gemeente-a", record.id, 2)).resolves.toBeUndefined();
  });

  it("removes a signal entry, idempotently", async () => {
    const signals = createSignalIndex({ client: db.client, tableName: db.tableName });
    const id = newCaseId();
    await signals.add("gemeente-a", "abcdefghijklmnop0123", id);
    await signals.remove("gemeente-a", "abcdefghijklmnop0123", id);
    await signals.remove("gemeente-a", "abcdefghijklmnop0123", id);
    expect(await signals.casesWith("gemeente-a", "abcdefghijklmnop0123")).toEqual([]);
  });
});

describe("the deletion ledger", () => {
  it("keeps deletions begun per member until they end", async () => {
    const ledger = createDeletionLedger({ client: db.client, tableName: db.tableName });
    const a: PendingDeletion = { member: "gemeente-a", caseId: newCaseId(), version: 3, closedOn: "2015-04-01", attachments: [newCaseId()], personTags: [] };
    const b: PendingDeletion = { ...a, member: "gemeente-b", caseId: newCaseId() };
    await ledger.begin(a);
    await ledger.begin(a);
    await ledger.begin(b);
    expect(await ledger.pending("gemeente-a")).toEqual([a]);
    await ledger.end("gemeente-a", a.caseId);
    await ledger.end("gemeente-a", a.caseId);
    expect(await ledger.pending("gemeente-a")).toEqual([]);
    expect(await ledger.pending("gemeente-b")).toEqual([b]);
  });
});
