// The ReceiptThrottle port on the same table: one small item per locator that has seen a failed or running attempt,
// holding counters only. The policy is the domain's (`receiptThrottleVerdict`); this file keeps its count safe under
// concurrency. See docs/store.md, "Receipt throttle", and docs/decisions.md 20.
import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { RECEIPT_THROTTLE, type ReceiptThrottle, receiptThrottleVerdict, type ThrottleCount, UnavailableError } from "@meldpunt/domain";
import { throttleKey } from "./keys";
import { send as sendRequest } from "./requests";

export interface ReceiptThrottleOptions {
  client: DynamoDBClient;
  tableName: string;
}

/**
 * Read-and-claim rounds before an attempt is refused for contention. Every lost round means another attempt was
 * counted meanwhile, so with `freeFailures` = 5 a round never has to be repeated more than five times before the
 * count blocks; the bound only matters under a flood of parallel guesses, which it refuses.
 */
const MAX_ROUNDS = 10;

/** What a locator looks like after `ReceiptCodes.parse`; anything else is a caller's bug, not a key to write. */
const LOCATOR = /^[0-9A-Z]{1,32}$/;

class LostRace extends Error {}

function toCount(item: Record<string, unknown>): ThrottleCount {
  const { failures, lastFailureAt } = item;
  if (!Number.isSafeInteger(failures) || (failures as number) < 0 || !Number.isSafeInteger(lastFailureAt)) {
    // Only this file writes these items; an unreadable one fails closed rather than being guessed at.
    throw new UnavailableError({ cause: new TypeError("unreadable throttle item") });
  }
  return { failures: failures as number, lastFailureAt: lastFailureAt as number };
}

export function createReceiptThrottle({ client, tableName }: ReceiptThrottleOptions): ReceiptThrottle {
  /** A failed condition is a lost race for the count, which `check` reads and tries again. */
  const send = <T>(run: () => Promise<T>) => sendRequest(run, () => new LostRace());

  function keyOf(locator: string) {
    if (!LOCATOR.test(locator)) throw new RangeError("not a receipt locator");
    return marshall(throttleKey(locator));
  }

  async function read(locator: string): Promise<ThrottleCount | undefined> {
    const key = keyOf(locator);
    const out = await send(() =>
      client.send(
        new GetItemCommand({
          TableName: tableName,
          Key: key,
          ConsistentRead: true,
          ProjectionExpression: "#f, #t",
          ExpressionAttributeNames: { "#f": "failures", "#t": "lastFailureAt" },
        }),
      ),
    );
    return out.Item ? toCount(unmarshall(out.Item)) : undefined;
  }

  /** Writes the next count only if the stored one is still the one read: of parallel claims on one count, one wins. */
  async function claim(locator: string, seen: ThrottleCount | undefined, next: ThrottleCount): Promise<void> {
    const guard = seen
      ? {
          ConditionExpression: "#f = :f AND #t = :t",
          ExpressionAttributeNames: { "#f": "failures", "#t": "lastFailureAt" },
          ExpressionAttributeValues: marshall({ ":f": seen.failures, ":t": seen.lastFailureAt }),
        }
      : { ConditionExpression: "attribute_not_exists(pk)" };
    const item = {
      ...throttleKey(locator),
      entity: "throttle",
      failures: next.failures,
      lastFailureAt: next.lastFailureAt,
      // TTL safety net only: from then on the policy ignores the count anyway, whether or not the item is gone.
      expiresAt: next.lastFailureAt + RECEIPT_THROTTLE.forgetAfterSeconds,
    };
    await send(() => client.send(new PutItemCommand({ TableName: tableName, Item: marshall(item), ...guard })));
  }

  return {
    async check(locator, now) {
      const nowSeconds = Math.floor(now.getTime() / 1000);
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const seen = await read(locator);
        const verdict = receiptThrottleVerdict(seen, nowSeconds);
        if (!verdict.allowed) return verdict; // refused: nothing is written
        try {
          await claim(locator, seen, verdict.next);
          return { allowed: true };
        } catch (error) {
          if (!(error instanceof LostRace)) throw error;
        }
      }
      return { allowed: false, retryAfterSeconds: RECEIPT_THROTTLE.firstDelaySeconds };
    },

    async recordSuccess(locator) {
      // Unconditional on purpose: forgetting the count is right whatever it holds, and deleting nothing is a no-op.
      const key = keyOf(locator);
      await send(() => client.send(new DeleteItemCommand({ TableName: tableName, Key: key })));
    },
  };
}
