// Key composition and the table definition, without a database.
import type { CaseState } from "@meldpunt/domain";
import { CaseStateSchema, NO_DEADLINE, NOTHING_DUE } from "@meldpunt/domain";
import { describe, expect, it } from "vitest";
import { createTableInput } from "../src/bootstrap";
import { caseItemKeys, caseKey, DESK_PREFIX, deskKey, MEMBER_PREFIX, memberKey, nextDueAt, queuePartition, REGION_PK, receiptPartition } from "../src/keys";
import { INDEXES, keyAttributeNames, TABLE_KEYS } from "../src/table";

const ID = "01J9Z3V8K6R2M4N5P7Q8S9T0VW";
const ACK = "2025-03-08T09:00:00.000Z";
const FEEDBACK = "2025-06-01T09:00:00.000Z";

describe("key builders", () => {
  it("puts a case under its own partition", () => {
    expect(caseKey(ID)).toEqual({ pk: `CASE#${ID}`, sk: "CASE" });
  });

  it("puts members and desks in the region partition, under their own sort-key prefix", () => {
    expect(memberKey("gemeente-a")).toEqual({ pk: REGION_PK, sk: `${MEMBER_PREFIX}gemeente-a` });
    expect(deskKey("vp-extern")).toEqual({ pk: REGION_PK, sk: `${DESK_PREFIX}vp-extern` });
    expect(memberKey("x").sk.startsWith(DESK_PREFIX)).toBe(false);
    expect(deskKey("x").sk.startsWith(MEMBER_PREFIX)).toBe(false);
  });

  it("names a queue by member and desk, so two members on one shared desk have separate queues", () => {
    expect(queuePartition("gemeente-a", "vp-extern")).toBe("QUEUE#gemeente-a#vp-extern");
    expect(queuePartition("gemeente-a", "vp-extern")).not.toBe(queuePartition("gemeente-b", "vp-extern"));
    expect(queuePartition("gemeente-a", "vp")).not.toBe(queuePartition("gemeente-a", "integriteit"));
  });

  it("names a receipt partition by locator only", () => {
    expect(receiptPartition("ABCD2345")).toBe("RECEIPT#ABCD2345");
  });
});

describe("nextDueAt", () => {
  it("is the acknowledgement deadline while a case is ontvangen", () => {
    expect(nextDueAt({ kind: "melding", state: "ontvangen", ackDueAt: ACK, feedbackDueAt: FEEDBACK })).toBe(ACK);
  });

  const terminal: CaseState[] = ["gesloten", "doorverwezen"];
  const openLater = CaseStateSchema.options.filter((s) => s !== "ontvangen" && !terminal.includes(s));

  it.each(openLater)("is the feedback deadline in state %s until feedback is given, then none", (state) => {
    expect(nextDueAt({ kind: "melding", state, ackDueAt: ACK, feedbackDueAt: FEEDBACK })).toBe(FEEDBACK);
    expect(nextDueAt({ kind: "melding", state, ackDueAt: ACK, feedbackDueAt: FEEDBACK, feedbackAt: ACK })).toBe(NO_DEADLINE);
  });

  it("is an advice contact's answer deadline while ontvangen, and no deadline after it (no Wbk feedback term)", () => {
    expect(nextDueAt({ kind: "advies", state: "ontvangen", ackDueAt: ACK, feedbackDueAt: FEEDBACK })).toBe(ACK);
    expect(nextDueAt({ kind: "advies", state: "bevestigd", ackDueAt: ACK, feedbackDueAt: FEEDBACK })).toBe(NO_DEADLINE);
    expect(nextDueAt({ kind: "advies", state: "gesloten", ackDueAt: ACK, feedbackDueAt: FEEDBACK })).toBe(NOTHING_DUE);
  });

  it("sorts a closed or referred case after every open one, even with far-future deadlines", () => {
    for (const end of terminal) {
      const closed = nextDueAt({ kind: "melding", state: end, ackDueAt: ACK, feedbackDueAt: FEEDBACK });
      expect(closed).toBe(NOTHING_DUE);
      const latest = "8999-12-31T23:59:59.998Z";
      for (const state of CaseStateSchema.options.filter((s) => !terminal.includes(s))) {
        expect(nextDueAt({ kind: "melding", state, ackDueAt: latest, feedbackDueAt: latest }) < closed).toBe(true);
        expect(nextDueAt({ kind: "melding", state, ackDueAt: latest, feedbackDueAt: latest, feedbackAt: latest }) < closed).toBe(true);
      }
    }
  });
});

describe("caseItemKeys", () => {
  const base = {
    id: ID,
    kind: "melding" as const,
    member: "gemeente-a",
    desk: "integriteit-a",
    ackDueAt: ACK,
    feedbackDueAt: FEEDBACK,
    receipt: { locator: "ABCD2345", hash: "irrelevant" },
  };

  it("holds the table key and both index keys", () => {
    expect(caseItemKeys({ ...base, state: "ontvangen" })).toEqual({
      pk: `CASE#${ID}`,
      sk: "CASE",
      gsi1pk: "QUEUE#gemeente-a#integriteit-a",
      gsi1sk: `${ACK}#${ID}`,
      gsi2pk: "RECEIPT#ABCD2345",
      gsi2sk: ID,
    });
  });

  it("moves the queue sort key with the state", () => {
    expect(caseItemKeys({ ...base, state: "triage" }).gsi1sk).toBe(`${FEEDBACK}#${ID}`);
    expect(caseItemKeys({ ...base, state: "gesloten" }).gsi1sk).toBe(`${nextDueAt({ ...base, state: "gesloten" })}#${ID}`);
  });

  it("uses exactly the key attributes the table declares", () => {
    expect(Object.keys(caseItemKeys({ ...base, state: "ontvangen" })).sort()).toEqual(keyAttributeNames().sort());
  });

  it("keeps two cases with the same deadline apart in the queue", () => {
    const other = "01J9Z3V8K6R2M4N5P7Q8S9T0VX";
    expect(caseItemKeys({ ...base, state: "ontvangen" }).gsi1sk).not.toBe(caseItemKeys({ ...base, id: other, state: "ontvangen" }).gsi1sk);
  });
});

describe("createTableInput", () => {
  const input = createTableInput("meldpunt-test");

  it("defines exactly the key attributes of table.ts, all strings", () => {
    const defined = input.AttributeDefinitions ?? [];
    expect(defined.map((d) => d.AttributeName).sort()).toEqual(["gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk", "pk", "sk"]);
    expect(defined.map((d) => d.AttributeName).sort()).toEqual(keyAttributeNames().sort());
    expect(defined.every((d) => d.AttributeType === "S")).toBe(true);
  });

  it("uses the table key of table.ts", () => {
    expect(input.TableName).toBe("meldpunt-test");
    expect(input.KeySchema).toEqual([
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: "HASH" },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: "RANGE" },
    ]);
  });

  it("declares both GSIs with their keys, projecting all attributes", () => {
    const indexes = input.GlobalSecondaryIndexes ?? [];
    expect(indexes).toHaveLength(2);
    for (const def of [INDEXES.queue, INDEXES.receipt]) {
      const index = indexes.find((i) => i.IndexName === def.name);
      expect(index?.KeySchema).toEqual([
        { AttributeName: def.partitionKey, KeyType: "HASH" },
        { AttributeName: def.sortKey, KeyType: "RANGE" },
      ]);
      expect(index?.Projection).toEqual({ ProjectionType: "ALL" });
    }
  });

  it("bills per request, so nothing needs provisioned throughput", () => {
    expect(input.BillingMode).toBe("PAY_PER_REQUEST");
  });
});
