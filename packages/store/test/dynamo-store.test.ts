// The DynamoDB store against real dynalite (in memory, in-process, a fresh one per suite). aws-sdk-client-mock only
// where dynalite cannot help: throttling and internal errors of the service.
import {
  DynamoDBClient,
  GetItemCommand,
  InternalServerError,
  PutItemCommand,
  ProvisionedThroughputExceededException,
  QueryCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { type CaseRecord, type CaseSummary, ConflictError, HubError, UnavailableError, ValidationError } from "@meldpunt/domain";
import { embeddedDynamoClient, startEmbeddedDynamo } from "@meldpunt/store/embedded";
import { mockClient } from "aws-sdk-client-mock";
import { describe, expect, it } from "vitest";
import { ensureTable } from "../src/bootstrap";
import { createDynamoStore } from "../src/dynamo-store";
import { caseKey, queuePartition } from "../src/keys";
import { makeCase, makeDesk, makeMember, toCursor, useDynalite } from "./fixtures";

/** What a queue gets: clear metadata, and `deskUnread`, which the store derives on every write (feedbackAt once given). */
const SUMMARY_FIELDS = ["id", "member", "desk", "kind", "track", "state", "categories", "receivedAt", "ackDueAt", "feedbackDueAt", "deskUnread", "version"].sort();

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("cases", () => {
  const db = useDynalite();

  describe("createCase / getCase", () => {
    it("returns an equal record, sealed bytes included", async () => {
      const record = makeCase();
      await db.store.cases.createCase(record);
      const read = await db.store.cases.getCase(record.member, record.id);
      expect(read).toEqual(record);
      expect(read?.content).toBeInstanceOf(Uint8Array);
      expect(Array.from(read?.content ?? [])).toEqual(Array.from(record.content));
      expect(read?.dataKey.blob).toBeInstanceOf(Uint8Array);
      expect(Array.from(read?.dataKey.blob ?? [])).toEqual(Array.from(record.dataKey.blob));
    });

    it("stores the entity tag and the sealed content as binary, never as text", async () => {
      const record = makeCase();
      await db.store.cases.createCase(record);
      const raw = await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: { pk: { S: caseKey(record.id).pk }, sk: { S: "CASE" } } }));
      expect(raw.Item?.entity).toEqual({ S: "case" });
      expect(raw.Item?.content?.B).toBeInstanceOf(Uint8Array);
      expect(raw.Item?.dataKey?.M?.blob?.B).toBeInstanceOf(Uint8Array);
    });

    it("refuses an existing id with ConflictError and leaves the first record unchanged", async () => {
      const first = makeCase();
      await db.store.cases.createCase(first);
      const second = makeCase({ id: first.id, member: "gemeente-b", desk: "vp-extern", content: Uint8Array.from([9, 9, 9]) });
      await expect(db.store.cases.createCase(second)).rejects.toBeInstanceOf(ConflictError);
      expect(await db.store.cases.getCase(first.member, first.id)).toEqual(first);
      expect(await db.store.cases.getCase("gemeente-b", first.id)).toBeUndefined();
    });

    it("refuses to create a record that is not version 1", async () => {
      const record = makeCase({ version: 2 });
      await expect(db.store.cases.createCase(record)).rejects.toBeInstanceOf(ConflictError);
      expect(await db.store.cases.getCase(record.member, record.id)).toBeUndefined();
    });

    it("answers undefined for the wrong member, as for an unknown case", async () => {
      const record = makeCase();
      await db.store.cases.createCase(record);
      expect(await db.store.cases.getCase("gemeente-b", record.id)).toBeUndefined();
      expect(await db.store.cases.getCase(record.member, makeCase().id)).toBeUndefined();
    });
  });

  describe("updateCase", () => {
    it("replaces the record when the version is the stored one plus one", async () => {
      const v1 = makeCase();
      await db.store.cases.createCase(v1);
      const v2: CaseRecord = {
        ...v1,
        state: "bevestigd",
        history: [...v1.history, { at: "2025-03-02T10:00:00.000Z", state: "bevestigd", by: "systeem" }],
        version: 2,
      };
      await db.store.cases.updateCase(v2);
      expect(await db.store.cases.getCase(v1.member, v1.id)).toEqual(v2);
    });

    it("lets exactly one of two writers from the same read win; the other gets ConflictError", async () => {
      const v1 = makeCase();
      await db.store.cases.createCase(v1);
      const read = await db.store.cases.getCase(v1.member, v1.id);
      if (!read) throw new Error("case not found");
      const a: CaseRecord = { ...read, state: "triage", version: read.version + 1 };
      const b: CaseRecord = { ...read, state: "doorverwezen", version: read.version + 1 };
      const results = await Promise.allSettled([db.store.cases.updateCase(a), db.store.cases.updateCase(b)]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(ConflictError);
      const winner = results[0]?.status === "fulfilled" ? a : b;
      expect(await db.store.cases.getCase(v1.member, v1.id)).toEqual(winner);
    });

    it("refuses a stale writer that comes after the winner", async () => {
      const v1 = makeCase();
      await db.store.cases.createCase(v1);
      await db.store.cases.updateCase({ ...v1, state: "triage", version: 2 });
      await expect(db.store.cases.updateCase({ ...v1, state: "gesloten", version: 2 })).rejects.toBeInstanceOf(ConflictError);
      expect((await db.store.cases.getCase(v1.member, v1.id))?.state).toBe("triage");
    });

    it("refuses a version-1 record (that is a create) and a version that skips one", async () => {
      const v1 = makeCase();
      await db.store.cases.createCase(v1);
      await expect(db.store.cases.updateCase({ ...v1, state: "triage" })).rejects.toBeInstanceOf(ConflictError);
      await expect(db.store.cases.updateCase({ ...v1, state: "triage", version: 3 })).rejects.toBeInstanceOf(ConflictError);
      expect(await db.store.cases.getCase(v1.member, v1.id)).toEqual(v1);
    });

    it("never creates a case that does not exist", async () => {
      const ghost = makeCase({ version: 2 });
      await expect(db.store.cases.updateCase(ghost)).rejects.toBeInstanceOf(ConflictError);
      expect(await db.store.cases.getCase(ghost.member, ghost.id)).toBeUndefined();
    });
  });

  describe("findByReceiptLocator", () => {
    it("finds the case behind a locator", async () => {
      const record = makeCase({ receipt: { locator: "UNIQUE42", hash: "h1" } });
      await db.store.cases.createCase(record);
      expect(await db.store.cases.findByReceiptLocator("UNIQUE42")).toEqual([record]);
    });

    it("returns every case that shares a locator, so the secret can tell them apart", async () => {
      const one = makeCase({ member: "gemeente-a", receipt: { locator: "SHARED77", hash: "h-one" } });
      const two = makeCase({ member: "gemeente-b", desk: "vp-extern", receipt: { locator: "SHARED77", hash: "h-two" } });
      await db.store.cases.createCase(one);
      await db.store.cases.createCase(two);
      const found = await db.store.cases.findByReceiptLocator("SHARED77");
      expect([...found].sort((x, y) => x.id.localeCompare(y.id))).toEqual([one, two].sort((x, y) => x.id.localeCompare(y.id)));
    });

    it("finds nothing for an unknown locator", async () => {
      expect(await db.store.cases.findByReceiptLocator("NOSUCH00")).toEqual([]);
    });

    it("follows the case after an update", async () => {
      const v1 = makeCase({ receipt: { locator: "MOVING01", hash: "h" } });
      await db.store.cases.createCase(v1);
      const v2 = { ...v1, state: "triage" as const, version: 2 };
      await db.store.cases.updateCase(v2);
      expect(await db.store.cases.findByReceiptLocator("MOVING01")).toEqual([v2]);
    });
  });
});

describe("listDeskQueue", () => {
  const db = useDynalite();
  const member = "gemeente-q";
  const desk = "integriteit-q";
  // Deliberately mixed so that sorting on the wrong deadline gives a different order.
  const e = makeCase({ member, desk, state: "ontvangen", ackDueAt: "2025-01-03T00:00:00.000Z", feedbackDueAt: "2025-04-03T00:00:00.000Z" });
  const b = makeCase({ member, desk, state: "triage", ackDueAt: "2025-01-02T00:00:00.000Z", feedbackDueAt: "2025-01-05T00:00:00.000Z" });
  const a = makeCase({ member, desk, state: "ontvangen", ackDueAt: "2025-01-10T00:00:00.000Z", feedbackDueAt: "2025-01-01T00:00:00.000Z" });
  const d = makeCase({ member, desk, state: "bevestigd", ackDueAt: "2025-01-01T00:00:00.000Z", feedbackDueAt: "2025-01-20T00:00:00.000Z" });
  const c = makeCase({ member, desk, state: "gesloten", ackDueAt: "2024-12-01T00:00:00.000Z", feedbackDueAt: "2024-12-02T00:00:00.000Z" });
  const expected = [e, b, a, d, c].map((r) => r.id);
  const otherDesk = makeCase({ member, desk: "vp-q", ackDueAt: "2024-01-01T00:00:00.000Z" });
  const otherMember = makeCase({ member: "gemeente-r", desk, ackDueAt: "2024-01-01T00:00:00.000Z" });

  let seededOnce = false;
  const seeded = async () => {
    if (seededOnce) return;
    seededOnce = true;
    for (const r of [c, a, otherDesk, d, e, otherMember, b]) await db.store.cases.createCase(r);
  };

  async function readAll(limit: number, m = member, k = desk): Promise<{ pages: CaseSummary[][]; cursors: string[] }> {
    const pages: CaseSummary[][] = [];
    const cursors: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await db.store.cases.listDeskQueue(m, k, { limit, cursor });
      pages.push(page.items);
      if (!page.cursor) return { pages, cursors };
      cursors.push(page.cursor);
      cursor = page.cursor;
    }
    throw new Error("the cursor never ended");
  }

  it("lists only this member's cases on this desk, the first due first and closed cases last", async () => {
    await seeded();
    const page = await db.store.cases.listDeskQueue(member, desk, { limit: 50 });
    expect(page.items.map((s) => s.id)).toEqual(expected);
    expect(page.cursor).toBeUndefined();
    expect(page.items.every((s) => s.member === member && s.desk === desk)).toBe(true);
  });

  it("keeps the other member's cases on a shared desk apart", async () => {
    await seeded();
    const page = await db.store.cases.listDeskQueue("gemeente-r", desk, { limit: 50 });
    expect(page.items.map((s) => s.id)).toEqual([otherMember.id]);
  });

  it("pages with limit 2 over five cases: each exactly once, in order, and the cursor ends", async () => {
    await seeded();
    const { pages } = await readAll(2);
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    expect(pages.slice(0, 2).map((p) => p.length)).toEqual([2, 2]);
    expect(pages.flat().map((s) => s.id)).toEqual(expected);
  });

  it("moves a case in the queue when its state changes", async () => {
    const m = "gemeente-move";
    const early = makeCase({ member: m, desk, ackDueAt: "2025-01-01T00:00:00.000Z", feedbackDueAt: "2025-09-01T00:00:00.000Z" });
    const late = makeCase({ member: m, desk, ackDueAt: "2025-02-01T00:00:00.000Z", feedbackDueAt: "2025-09-02T00:00:00.000Z" });
    await db.store.cases.createCase(early);
    await db.store.cases.createCase(late);
    await db.store.cases.updateCase({ ...early, state: "gesloten", version: 2 });
    const page = await db.store.cases.listDeskQueue(m, desk, { limit: 10 });
    expect(page.items.map((s) => [s.id, s.state, s.version])).toEqual([
      [late.id, "ontvangen", 1],
      [early.id, "gesloten", 2],
    ]);
  });

  it("returns metadata only: no content, data key, receipt or history", async () => {
    await seeded();
    const page = await db.store.cases.listDeskQueue(member, desk, { limit: 50 });
    expect(page.items).toHaveLength(5);
    for (const summary of page.items) {
      expect(summary).not.toHaveProperty("content");
      expect(summary).not.toHaveProperty("dataKey");
      expect(summary).not.toHaveProperty("receipt");
      expect(Object.keys(summary).sort()).toEqual(SUMMARY_FIELDS);
    }
    const first = page.items[0];
    expect(first).toEqual({
      id: e.id,
      member,
      desk,
      kind: e.kind,
      track: e.track,
      state: e.state,
      categories: e.categories,
      receivedAt: e.receivedAt,
      ackDueAt: e.ackDueAt,
      feedbackDueAt: e.feedbackDueAt,
      deskUnread: false,
      version: 1,
    });
  });

  it("refuses a cursor of another queue with ValidationError", async () => {
    await seeded();
    const { cursors } = await readAll(1);
    expect(cursors.length).toBeGreaterThan(0);
    for (const cursor of cursors) {
      await expect(db.store.cases.listDeskQueue("gemeente-r", desk, { limit: 2, cursor })).rejects.toBeInstanceOf(ValidationError);
      await expect(db.store.cases.listDeskQueue(member, "vp-q", { limit: 2, cursor })).rejects.toBeInstanceOf(ValidationError);
    }
  });

  it.each([
    ["garbage", "not a cursor at all"],
    ["base64 of garbage", Buffer.from("{{{").toString("base64url")],
    ["an empty object", toCursor({})],
    ["an array", toCursor(["a"])],
    ["numbers instead of strings", toCursor({ pk: 1, sk: 2, gsi1pk: queuePartition("gemeente-q", "integriteit-q"), gsi1sk: 3 })],
    ["empty key values", toCursor({ pk: "", sk: "", gsi1pk: queuePartition("gemeente-q", "integriteit-q"), gsi1sk: "" })],
    ["an over-long cursor", toCursor({ pk: "x".repeat(900), sk: "CASE", gsi1pk: queuePartition("gemeente-q", "integriteit-q"), gsi1sk: "y" })],
  ])("refuses %s with ValidationError", async (_name, cursor) => {
    await seeded();
    const error = await rejection(db.store.cases.listDeskQueue(member, desk, { limit: 2, cursor }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field)).toEqual(["cursor"]);
  });

  it("clamps the page size instead of failing on an odd limit", async () => {
    await seeded();
    for (const limit of [0, -3, 0.5, Number.NaN]) {
      expect((await db.store.cases.listDeskQueue(member, desk, { limit })).items.map((s) => s.id)).toEqual(expected.slice(0, 1));
    }
    expect((await db.store.cases.listDeskQueue(member, desk, { limit: Number.POSITIVE_INFINITY })).items).toHaveLength(5);
  });

  it("is empty for a queue without cases", async () => {
    expect(await db.store.cases.listDeskQueue("gemeente-leeg", "desk-leeg", { limit: 10 })).toEqual({ items: [] });
  });
});

describe("members and desks", () => {
  const db = useDynalite();

  it("creates a member at version 1 and reads it back", async () => {
    const member = makeMember({ id: "gemeente-m1" });
    await db.store.region.putMember(member);
    expect(await db.store.region.getMember("gemeente-m1")).toEqual(member);
    expect(await db.store.region.getMember("gemeente-onbekend")).toBeUndefined();
  });

  it("refuses a second version 1 and keeps the first", async () => {
    const member = makeMember({ id: "gemeente-m2" });
    await db.store.region.putMember(member);
    await expect(db.store.region.putMember({ ...member, name: "Overschreven" })).rejects.toBeInstanceOf(ConflictError);
    expect(await db.store.region.getMember("gemeente-m2")).toEqual(member);
  });

  it("replaces version 1 by version 2, and refuses a stale version 2 after that", async () => {
    const v1 = makeMember({ id: "gemeente-m3" });
    await db.store.region.putMember(v1);
    const v2 = { ...v1, fte: 500, routes: { integriteit: "integriteit-b" }, version: 2 };
    await db.store.region.putMember(v2);
    expect(await db.store.region.getMember("gemeente-m3")).toEqual(v2);
    await expect(db.store.region.putMember({ ...v1, name: "Te laat", version: 2 })).rejects.toBeInstanceOf(ConflictError);
    await expect(db.store.region.putMember({ ...v1, id: "gemeente-nieuw", version: 2 })).rejects.toBeInstanceOf(ConflictError);
    expect(await db.store.region.getMember("gemeente-nieuw")).toBeUndefined();
  });

  it("keeps the desk type and the other desk fields through a round trip; versions guard desks too", async () => {
    const desk = makeDesk({ id: "vp-gedeeld", type: "vp", owner: "gemeente-m1", serves: ["gemeente-m1", "gemeente-m2"] });
    await db.store.region.putDesk(desk);
    expect(await db.store.region.getDesk("vp-gedeeld")).toEqual(desk);
    await expect(db.store.region.putDesk({ ...desk, type: "intake" })).rejects.toBeInstanceOf(ConflictError);
    const v2 = { ...desk, type: "bestuurlijk" as const, version: 2 };
    await db.store.region.putDesk(v2);
    expect((await db.store.region.getDesk("vp-gedeeld"))?.type).toBe("bestuurlijk");
    expect(await db.store.region.getDesk("bestaat-niet")).toBeUndefined();
  });

  it("lists all members and all desks, each list only its own entity", async () => {
    const members = ["gemeente-l1", "gemeente-l2", "gr-l3"].map((id, i) => makeMember({ id, kind: i === 2 ? "gr" : "gemeente" }));
    const desks = (["vp", "integriteit", "bestuurlijk", "intake"] as const).map((type) => makeDesk({ id: `desk-${type}`, type }));
    for (const m of members) await db.store.region.putMember(m);
    for (const k of desks) await db.store.region.putDesk(k);
    const listedMembers = await db.store.region.listMembers();
    const listedDesks = await db.store.region.listDesks();
    for (const m of members) expect(listedMembers).toContainEqual(m);
    for (const k of desks) expect(listedDesks).toContainEqual(k);
    // Members stored by earlier tests in this suite are listed too; desks never appear among members, nor vice versa.
    expect(listedMembers.map((m) => m.id)).toEqual(expect.arrayContaining(["gemeente-m1", "gemeente-m2", "gemeente-m3"]));
    expect(listedMembers.every((m) => "kind" in m && !("type" in m))).toBe(true);
    expect(listedDesks.every((k) => "type" in k && !("kind" in k))).toBe(true);
    expect(new Set(listedDesks.map((k) => k.type))).toEqual(new Set(["vp", "integriteit", "bestuurlijk", "intake"]));
  });

  it("does not mix members and desks into the case partition", async () => {
    const desk = makeDesk({ id: "desk-apart" });
    await db.store.region.putDesk(desk);
    expect(await db.store.cases.listDeskQueue("gemeente-a", "desk-apart", { limit: 10 })).toEqual({ items: [] });
  });
});

describe("failures surface as UnavailableError", () => {
  const db = useDynalite();

  function expectUnavailable(error: unknown) {
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).kind).toBe("unavailable");
  }

  it("on a missing table, for every operation", async () => {
    const bogus = createDynamoStore({ client: db.client, tableName: "no-such-table" });
    const record = makeCase();
    const attempts = [
      bogus.cases.createCase(record),
      bogus.cases.getCase(record.member, record.id),
      bogus.cases.updateCase({ ...record, version: 2 }),
      bogus.cases.findByReceiptLocator("ANYTHING"),
      bogus.cases.listDeskQueue(record.member, record.desk, { limit: 2 }),
      bogus.region.getMember("gemeente-a"),
      bogus.region.listMembers(),
      bogus.region.putMember(makeMember()),
      bogus.region.getDesk("integriteit-a"),
      bogus.region.listDesks(),
      bogus.region.putDesk(makeDesk()),
    ];
    for (const attempt of attempts) {
      const error = await rejection(attempt);
      expectUnavailable(error);
      expect((error as Error).cause).toBeInstanceOf(ResourceNotFoundException);
    }
    // The real table is untouched by any of it.
    expect(await db.store.cases.getCase(record.member, record.id)).toBeUndefined();
  });

  it("on a closed endpoint", async () => {
    const gone = await startEmbeddedDynamo();
    const client = embeddedDynamoClient(gone.endpoint);
    await ensureTable(client, "meldpunt-test");
    const store = createDynamoStore({ client, tableName: "meldpunt-test" });
    await gone.close();
    try {
      const record = makeCase();
      expectUnavailable(await rejection(store.cases.createCase(record)));
      expectUnavailable(await rejection(store.cases.getCase(record.member, record.id)));
      expectUnavailable(await rejection(store.cases.listDeskQueue(record.member, record.desk, { limit: 2 })));
      expectUnavailable(await rejection(store.region.listMembers()));
    } finally {
      client.destroy();
    }
  });

  describe("service errors dynalite cannot produce (mocked client)", () => {
    it.each([
      ["ProvisionedThroughputExceededException", () => new ProvisionedThroughputExceededException({ message: "Rate exceeded", $metadata: {} })],
      ["InternalServerError", () => new InternalServerError({ message: "Internal server error", $metadata: {} })],
    ])("%s on PutItem becomes UnavailableError and nothing is written", async (_name, makeError) => {
      const mocked = new DynamoDBClient({ region: "local", endpoint: "http://127.0.0.1:9", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
      const mock = mockClient(mocked);
      const sdkError = makeError();
      mock.on(PutItemCommand).rejects(sdkError);
      try {
        const store = createDynamoStore({ client: mocked, tableName: db.tableName });
        const record = makeCase();
        const error = await rejection(store.cases.createCase(record));
        expectUnavailable(error);
        expect(error).not.toBeInstanceOf(ConflictError);
        expect((error as Error).cause).toBe(sdkError);
        // One conditional put was attempted, nothing else was sent: no retry loop or fallback write of its own.
        expect(mock.calls()).toHaveLength(1);
        expect(mock.commandCalls(PutItemCommand)).toHaveLength(1);
        const input = mock.commandCalls(PutItemCommand)[0]?.args[0].input;
        expect(input?.ConditionExpression).toBe("attribute_not_exists(pk)");
        expect(unmarshall(input?.Item ?? {}).id).toBe(record.id);
        // And the real table has nothing under that id.
        expect(await db.store.cases.getCase(record.member, record.id)).toBeUndefined();
        expect(await db.store.cases.findByReceiptLocator(record.receipt.locator)).toEqual([]);
        // Member writes map the same way.
        expectUnavailable(await rejection(store.region.putMember(makeMember())));
      } finally {
        mock.restore();
        mocked.destroy();
      }
    });

    it("passes a service error on a read through as UnavailableError too", async () => {
      const mocked = new DynamoDBClient({ region: "local", endpoint: "http://127.0.0.1:9", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
      const mock = mockClient(mocked);
      mock.on(QueryCommand).rejects(new InternalServerError({ message: "Internal server error", $metadata: {} }));
      mock.on(GetItemCommand).rejects(new ProvisionedThroughputExceededException({ message: "Rate exceeded", $metadata: {} }));
      try {
        const store = createDynamoStore({ client: mocked, tableName: db.tableName });
        expectUnavailable(await rejection(store.cases.listDeskQueue("gemeente-a", "integriteit-a", { limit: 2 })));
        expectUnavailable(await rejection(store.cases.findByReceiptLocator("X")));
        expectUnavailable(await rejection(store.cases.getCase("gemeente-a", makeCase().id)));
      } finally {
        mock.restore();
        mocked.destroy();
      }
    });
  });
});
