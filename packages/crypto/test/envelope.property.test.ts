// Property tests: any byte array round-trips; any single-byte change of an envelope is refused.
import { join } from "node:path";
import { IntegrityError, type KeyContext } from "@meldpunt/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEnvelopeSealer, createLocalKeyring } from "../src/index";
import { useTempDirs } from "./temp-dir";

const tempDir = useTempDirs();
const ctx: KeyContext = { member: "gemeente-a", caseId: "01HZY3K8Q4W6X7Z9ABCDEFGHJK" };

async function sealer() {
  return createEnvelopeSealer(createLocalKeyring({ dir: join(await tempDir(), "keys") }));
}

describe("envelope properties", () => {
  it("seal then open returns any byte array unchanged", async () => {
    const s = await sealer();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (plaintext) => {
        const { dataKey, envelope } = await s.sealNew(ctx, plaintext);
        expect(Buffer.from(await s.open(ctx, dataKey, envelope)).equals(Buffer.from(plaintext))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("any single-byte mutation of the envelope is rejected with IntegrityError", async () => {
    const s = await sealer();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 512 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (plaintext, position, delta) => {
          const { dataKey, envelope } = await s.sealNew(ctx, plaintext);
          const tampered = Uint8Array.from(envelope);
          const index = position % tampered.length;
          tampered[index] = (tampered[index] ?? 0) ^ delta;
          const error = await s.open(ctx, dataKey, tampered).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(IntegrityError);
          expect((error as IntegrityError).reason).toBe(index === 0 ? "unknown-format" : "wrong-context-or-tampered");
        },
      ),
      { numRuns: 300 },
    );
  });
});
