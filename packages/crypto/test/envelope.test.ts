import { join } from "node:path";
import { IntegrityError, type KeyContext, type MemberKeyring } from "@meldpunt/domain";
import { describe, expect, it } from "vitest";
import { createEnvelopeSealer, createLocalKeyring, encryptionContextAad, openWithKey, sealWithKey } from "../src/index";
import { useTempDirs } from "./temp-dir";

const tempDir = useTempDirs();
const text = (s: string) => new TextEncoder().encode(s);
const ctxA: KeyContext = { member: "gemeente-a", caseId: "01HZY3K8Q4W6X7Z9ABCDEFGHJK" };
const ctxA2: KeyContext = { member: "gemeente-a", caseId: "01HZY3K8Q4W6X7Z9ABCDEFGHJM" };
const ctxB: KeyContext = { member: "gemeente-b", caseId: "01HZY3K8Q4W6X7Z9ABCDEFGHJK" };

async function setup() {
  const keyring = createLocalKeyring({ dir: join(await tempDir(), "keys") });
  return { keyring, sealer: createEnvelopeSealer(keyring) };
}

async function expectIntegrity(promise: Promise<unknown>, reason: IntegrityError["reason"]) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntegrityError);
  expect((error as IntegrityError).reason).toBe(reason);
}

describe("envelope sealer", () => {
  it("round-trips the plaintext", async () => {
    const { sealer } = await setup();
    const plaintext = text("Mijn leidinggevende heeft ... (melding)");
    const { dataKey, envelope } = await sealer.sealNew(ctxA, plaintext);
    expect(dataKey.keyId).toBe("local:gemeente-a");
    expect(envelope[0]).toBe(1);
    expect(envelope.length).toBe(1 + 12 + plaintext.length + 16);
    expect(Buffer.from(envelope).includes(Buffer.from(plaintext))).toBe(false);
    expect(await sealer.open(ctxA, dataKey, envelope)).toEqual(Buffer.from(plaintext));
  });

  it("round-trips an empty plaintext", async () => {
    const { sealer } = await setup();
    const { dataKey, envelope } = await sealer.sealNew(ctxA, new Uint8Array());
    expect((await sealer.open(ctxA, dataKey, envelope)).length).toBe(0);
  });

  it("uses a fresh data key and IV per seal", async () => {
    const { sealer } = await setup();
    const first = await sealer.sealNew(ctxA, text("same text"));
    const second = await sealer.sealNew(ctxA, text("same text"));
    expect(Buffer.from(first.envelope).equals(Buffer.from(second.envelope))).toBe(false);
    expect(Buffer.from(first.dataKey.blob).equals(Buffer.from(second.dataKey.blob))).toBe(false);
    expect(Buffer.from(first.envelope.subarray(1, 13)).equals(Buffer.from(second.envelope.subarray(1, 13)))).toBe(false);
  });

  it("zeroes the plaintext data key after sealing and opening", async () => {
    const { keyring } = await setup();
    const handedOut: Uint8Array[] = [];
    const spy: MemberKeyring = {
      async generateDataKey(ctx) {
        const result = await keyring.generateDataKey(ctx);
        handedOut.push(result.plaintext);
        return result;
      },
      async unwrapDataKey(ctx, wrapped) {
        const key = await keyring.unwrapDataKey(ctx, wrapped);
        handedOut.push(key);
        return key;
      },
    };
    const sealer = createEnvelopeSealer(spy);
    const { dataKey, envelope } = await sealer.sealNew(ctxA, text("geheim"));
    expect(await sealer.open(ctxA, dataKey, envelope)).toEqual(Buffer.from(text("geheim")));
    expect(handedOut).toHaveLength(2);
    for (const key of handedOut) expect(key.every((b) => b === 0)).toBe(true);
  });

  it("refuses the wrong member", async () => {
    const { sealer } = await setup();
    const { dataKey, envelope } = await sealer.sealNew(ctxA, text("x"));
    // The wrapped key names member A's key: member B's keyring refuses it outright.
    await expectIntegrity(sealer.open(ctxB, dataKey, envelope), "wrong-context-or-tampered");
    // Even with B's own data key, A's envelope does not open as B's.
    const other = await sealer.sealNew(ctxB, text("y"));
    await expectIntegrity(sealer.open(ctxB, other.dataKey, envelope), "wrong-context-or-tampered");
  });

  it("refuses the wrong case", async () => {
    const { sealer } = await setup();
    const { dataKey, envelope } = await sealer.sealNew(ctxA, text("x"));
    await expectIntegrity(sealer.open(ctxA2, dataKey, envelope), "wrong-context-or-tampered");
  });

  it("refuses a data key wrapped for another case of the same member", async () => {
    const { sealer } = await setup();
    const a = await sealer.sealNew(ctxA, text("case a"));
    const a2 = await sealer.sealNew(ctxA2, text("case a2"));
    await expectIntegrity(sealer.open(ctxA, a2.dataKey, a.envelope), "wrong-context-or-tampered");
    await expectIntegrity(sealer.open(ctxA2, a.dataKey, a2.envelope), "wrong-context-or-tampered");
  });

  it("refuses a flipped byte anywhere: version, IV, ciphertext, tag", async () => {
    const { sealer } = await setup();
    const { dataKey, envelope } = await sealer.sealNew(ctxA, text("twaalf bytes"));
    for (let i = 0; i < envelope.length; i++) {
      const tampered = Uint8Array.from(envelope);
      tampered[i] = (tampered[i] ?? 0) ^ 0x01;
      await expectIntegrity(sealer.open(ctxA, dataKey, tampered), i === 0 ? "unknown-format" : "wrong-context-or-tampered");
    }
  });

  it("refuses a tampered wrapped data key", async () => {
    const { sealer } = await setup();
    const { dataKey, envelope } = await sealer.sealNew(ctxA, text("x"));
    for (let i = 1; i < dataKey.blob.length; i++) {
      const blob = Uint8Array.from(dataKey.blob);
      blob[i] = (blob[i] ?? 0) ^ 0x80;
      await expectIntegrity(sealer.open(ctxA, { ...dataKey, blob }, envelope), "wrong-context-or-tampered");
    }
  });

  it("refuses truncated and extended input", async () => {
    const { sealer } = await setup();
    const { dataKey, envelope } = await sealer.sealNew(ctxA, text("some content"));
    await expectIntegrity(sealer.open(ctxA, dataKey, new Uint8Array()), "unknown-format");
    for (let length = 1; length < envelope.length; length++) {
      await expectIntegrity(sealer.open(ctxA, dataKey, envelope.subarray(0, length)), "wrong-context-or-tampered");
    }
    const extended = Buffer.concat([envelope, Buffer.of(0)]);
    await expectIntegrity(sealer.open(ctxA, dataKey, extended), "wrong-context-or-tampered");
  });

  it("refuses an unknown format version", async () => {
    const { sealer } = await setup();
    const { dataKey, envelope } = await sealer.sealNew(ctxA, text("x"));
    for (const version of [0, 2, 255]) {
      const other = Uint8Array.from(envelope);
      other[0] = version;
      await expectIntegrity(sealer.open(ctxA, dataKey, other), "unknown-format");
    }
  });
});

describe("sealWithKey / openWithKey", () => {
  const key = new Uint8Array(32).fill(7);

  it("binds the part label, so parts of one case cannot be swapped", () => {
    const message = sealWithKey(ctxA, key, text("bericht 1"), "message:1");
    expect(Buffer.from(openWithKey(ctxA, key, message, "message:1")).toString()).toBe("bericht 1");
    expect(() => openWithKey(ctxA, key, message, "message:2")).toThrow(IntegrityError);
    expect(() => openWithKey(ctxA, key, message)).toThrow(IntegrityError);
    const content = sealWithKey(ctxA, key, text("melding"));
    expect(() => openWithKey(ctxA, key, content, "message:1")).toThrow(IntegrityError);
  });

  it("refuses a wrong key with IntegrityError", () => {
    const sealed = sealWithKey(ctxA, key, text("x"));
    expect(() => openWithKey(ctxA, new Uint8Array(32), sealed)).toThrow(IntegrityError);
  });

  it("rejects a key of the wrong length before encrypting", () => {
    expect(() => sealWithKey(ctxA, new Uint8Array(16), text("x"))).toThrow(RangeError);
  });

  it("encodes the context unambiguously", () => {
    expect(encryptionContextAad(ctxA).toString()).toBe('["meldpunt-v1","gemeente-a","01HZY3K8Q4W6X7Z9ABCDEFGHJK"]');
    // Values that would collide under naive joining stay distinct.
    const joinedA = encryptionContextAad({ member: "a-b", caseId: "C" }).toString();
    const joinedB = encryptionContextAad({ member: "a", caseId: "b-C" }).toString();
    expect(joinedA).not.toBe(joinedB);
  });
});

describe("several parts of one case, and resealing for another member", () => {
  it("seals further parts under the case key; a part does not open as another part or as the report", async () => {
    const { sealer } = await setup();
    const { dataKey, envelope } = await sealer.sealNew(ctxA, text("de melding"));
    const note = await sealer.seal(ctxA, dataKey, text("een notitie"), "history:1");
    expect(new TextDecoder().decode(await sealer.open(ctxA, dataKey, note, "history:1"))).toBe("een notitie");
    await expect(sealer.open(ctxA, dataKey, note, "history:2")).rejects.toBeInstanceOf(IntegrityError);
    await expect(sealer.open(ctxA, dataKey, note)).rejects.toBeInstanceOf(IntegrityError);
    await expect(sealer.open(ctxA, dataKey, envelope, "history:1")).rejects.toBeInstanceOf(IntegrityError);
  });

  it("reseals every part under a fresh key of the new context, which the old context cannot open", async () => {
    const { sealer } = await setup();
    const { dataKey, envelope } = await sealer.sealNew(ctxA, text("de melding"));
    const note = await sealer.seal(ctxA, dataKey, text("een notitie"), "history:0");
    const moved = await sealer.reseal({ ctx: ctxA, dataKey }, ctxB, [{ envelope }, { envelope: note, part: "history:0" }]);
    expect(moved.dataKey.keyId).toBe("local:gemeente-b");
    expect(moved.envelopes.map((e) => e.part)).toEqual([undefined, "history:0"]);
    const [report, movedNote] = moved.envelopes;
    expect(new TextDecoder().decode(await sealer.open(ctxB, moved.dataKey, report?.envelope as Uint8Array))).toBe("de melding");
    expect(new TextDecoder().decode(await sealer.open(ctxB, moved.dataKey, movedNote?.envelope as Uint8Array, "history:0"))).toBe("een notitie");
    await expect(sealer.open(ctxA, dataKey, report?.envelope as Uint8Array)).rejects.toBeInstanceOf(IntegrityError);
    await expect(sealer.open(ctxA, moved.dataKey, report?.envelope as Uint8Array)).rejects.toBeInstanceOf(IntegrityError);
  });

  it("reseals nothing when one envelope does not open", async () => {
    const { sealer } = await setup();
    const { dataKey, envelope } = await sealer.sealNew(ctxA, text("de melding"));
    const tampered = Uint8Array.from(envelope);
    tampered.set([(tampered.at(-1) ?? 0) ^ 1], tampered.length - 1);
    await expect(sealer.reseal({ ctx: ctxA, dataKey }, ctxB, [{ envelope }, { envelope: tampered }])).rejects.toBeInstanceOf(IntegrityError);
  });
});
