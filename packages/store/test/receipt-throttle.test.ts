// The receipt-login throttle against real dynalite, with a fixed clock: the policy of docs/decisions.md 20, its item,
// and its count under parallel attempts.
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, InternalServerError, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { RECEIPT_THROTTLE, type ReceiptThrottle, throttleDelaySeconds, UnavailableError } from "@meldpunt/domain";
import { mockClient } from "aws-sdk-client-mock";
import { describe, expect, it } from "vitest";
import { throttleKey } from "../src/keys";
import { createReceiptThrottle } from "../src/receipt-throttle";
import { makeCase, useDynalite } from "./fixtures";

const T0 = Date.parse("2025-03-01T09:00:00.000Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000);
let counter = 0;
/** A fresh locator per test, so that tests share the table but no count. */
const freshLocator = () => `LOC${String(++counter).padStart(5, "0")}`;

async function fail(throttle: ReceiptThrottle, locator: string, times: number, seconds = 0) {
  for (let i = 0; i < times; i++) expect(await throttle.check(locator, at(seconds))).toEqual({ allowed: true });
}

describe("throttleKey and the delay", () => {
  it("gives each locator an item of its own, apart from cases, staff and the region", () => {
    expect(throttleKey("7KQ2MX9D")).toEqual({ pk: "THROTTLE#7KQ2MX9D", sk: "THROTTLE" });
  });

  it("waits nothing for five failures, then 1, 2, 4, … minutes, never more than an hour", () => {
    expect([0, 1, 4].map(throttleDelaySeconds)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 12, 1000].map(throttleDelaySeconds)).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });
});

describe("ReceiptThrottle on dynalite", () => {
  const db = useDynalite();
  const throttle = () => createReceiptThrottle(db);
  const rawItem = async (locator: string) => {
    const out = await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: marshall(throttleKey(locator)), ConsistentRead: true }));
    return out.Item ? unmarshall(out.Item) : undefined;
  };

  it("allows five failures, refuses the sixth until a minute after the fifth, and writes nothing when it refuses", async () => {
    const t = throttle();
    const locator = freshLocator();
    await fail(t, locator, 5);
    const before = await rawItem(locator);
    expect(await t.check(locator, at(0))).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await t.check(locator, at(59))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await rawItem(locator)).toEqual(before);
    expect(await t.check(locator, at(60))).toEqual({ allowed: true });
  });

  it("doubles the delay with every further failure and caps it at an hour", async () => {
    const t = throttle();
    const locator = freshLocator();
    await fail(t, locator, 5);
    let now = 0;
    const waits: number[] = [];
    for (let failures = 5; failures < 13; failures++) {
      const refused = await t.check(locator, at(now));
      if (refused.allowed) throw new Error(`attempt after ${failures} failures was not refused`);
      waits.push(refused.retryAfterSeconds);
      expect(await t.check(locator, at(now + refused.retryAfterSeconds - 1))).toMatchObject({ allowed: false });
      now += refused.retryAfterSeconds;
      expect(await t.check(locator, at(now))).toEqual({ allowed: true });
    }
    expect(waits).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(await rawItem(locator)).toMatchObject({ failures: 13, lastFailureAt: (T0 / 1000) + now });
  });

  it("starts over after a success", async () => {
    const t = throttle();
    const locator = freshLocator();
    await fail(t, locator, 5, 0);
    expect(await t.check(locator, at(1))).toMatchObject({ allowed: false });
    await t.recordSuccess(locator);
    expect(await rawItem(locator)).toBeUndefined();
    await fail(t, locator, 5, 2);
    expect(await t.check(locator, at(2))).toEqual({ allowed: false, retryAfterSeconds: 60 });
    await t.recordSuccess(freshLocator()); // forgetting a locator that has no count is harmless
  });

  it("keeps one count per locator: another locator is not slowed, whether or not it has a case", async () => {
    const t = throttle();
    const blocked = freshLocator();
    await fail(t, blocked, 5);
    expect(await t.check(blocked, at(0))).toMatchObject({ allowed: false });
    // The store knows nothing of cases: a locator with a case and one without are the same key shape and count alike.
    await db.store.cases.createCase(makeCase({ receipt: { locator: "CASELOC1", hash: "x" } }));
    for (const other of ["CASELOC1", freshLocator()]) {
      await fail(t, other, 5);
      expect(await t.check(other, at(0))).toEqual({ allowed: false, retryAfterSeconds: 60 });
    }
  });

  it("forgets a count after a day without failures, without needing TTL to delete it", async () => {
    const t = throttle();
    const locator = freshLocator();
    await fail(t, locator, 5, 0);
    await fail(t, locator, 1, 60);
    await fail(t, locator, 1, 180);
    expect(await rawItem(locator)).toMatchObject({ failures: 7, expiresAt: T0 / 1000 + 180 + RECEIPT_THROTTLE.forgetAfterSeconds });
    const day = RECEIPT_THROTTLE.forgetAfterSeconds;
    expect(await t.check(locator, at(day - 1))).toEqual({ allowed: true }); // the 8th: its 4 minutes have long passed
    expect(await t.check(locator, at(day))).toMatchObject({ allowed: false });
    expect(await t.check(locator, at(2 * day - 1))).toEqual({ allowed: true }); // a day after the 8th: starts over
    expect(await rawItem(locator)).toMatchObject({ failures: 1 });
  });

  it("stores the locator and counters only", async () => {
    const t = throttle();
    const locator = freshLocator();
    await fail(t, locator, 2, 30);
    expect(await rawItem(locator)).toEqual({
      pk: `THROTTLE#${locator}`,
      sk: "THROTTLE",
      entity: "throttle",
      failures: 2,
      lastFailureAt: T0 / 1000 + 30,
      expiresAt: T0 / 1000 + 30 + RECEIPT_THROTTLE.forgetAfterSeconds,
    });
  });

  it("lets no more than five of 20 parallel attempts on one locator through", async () => {
    const locator = freshLocator();
    // Separate adapters, as separate Lambda instances would be; one shared clock reading.
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => throttle().check(locator, at(0))));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(RECEIPT_THROTTLE.freeFailures);
    expect(await rawItem(locator)).toMatchObject({ failures: RECEIPT_THROTTLE.freeFailures });
    const later = await Promise.all(Array.from({ length: 20 }, () => throttle().check(locator, at(60))));
    expect(later.filter((v) => v.allowed)).toHaveLength(1);
    expect(await rawItem(locator)).toMatchObject({ failures: 6 });
  });

  it("fails closed on an unreadable item and when the service fails", async () => {
    const locator = freshLocator();
    await fail(throttle(), locator, 1);
    await db.client.send(
      new UpdateItemCommand({
        TableName: db.tableName,
        Key: marshall(throttleKey(locator)),
        UpdateExpression: "SET failures = :bad",
        ExpressionAttributeValues: marshall({ ":bad": "many" }),
      }),
    );
    await expect(throttle().check(locator, at(0))).rejects.toBeInstanceOf(UnavailableError);
    await db.client.send(new DeleteItemCommand({ TableName: db.tableName, Key: marshall(throttleKey(locator)) }));

    const client = new DynamoDBClient({ region: "eu-west-1" });
    const mock = mockClient(client);
    mock.on(GetItemCommand).rejects(new InternalServerError({ message: "boom", $metadata: {} }));
    mock.on(DeleteItemCommand).rejects(new InternalServerError({ message: "boom", $metadata: {} }));
    const failing = createReceiptThrottle({ client, tableName: "t" });
    await expect(failing.check("ABCD1234", at(0))).rejects.toBeInstanceOf(UnavailableError);
    await expect(failing.recordSuccess("ABCD1234")).rejects.toBeInstanceOf(UnavailableError);
    mock.restore();
  });

  it("refuses to build a key from something that is not a locator", async () => {
    await expect(throttle().check("THROTTLE#X", at(0))).rejects.toBeInstanceOf(RangeError);
  });
});
