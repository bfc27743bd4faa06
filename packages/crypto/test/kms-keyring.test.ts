import {
  DecryptCommand,
  GenerateDataKeyCommand,
  IncorrectKeyException,
  InvalidCiphertextException,
  KMSClient,
  KMSServiceException,
} from "@aws-sdk/client-kms";
import { IntegrityError, type KeyContext, UnavailableError } from "@meldpunt/domain";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { createEnvelopeSealer } from "../src/index";
import { createKmsKeyring } from "../src/kms-keyring";

const kms = mockClient(KMSClient);
const ctx: KeyContext = { member: "gemeente-a", caseId: "01HZY3K8Q4W6X7Z9ABCDEFGHJK" };
const ARN = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const DATA_KEY = Buffer.alloc(32, 0x42);
const BLOB = Buffer.from("kms-ciphertext-blob");

function keyring() {
  return createKmsKeyring({ client: new KMSClient({ region: "eu-central-1" }), keyIdFor: (m) => `alias/meldpunt-${m}` });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

describe("KMS keyring", () => {
  beforeEach(() => {
    kms.reset();
    // Fresh buffers per call: the sealer zeroes the plaintext it receives.
    kms.on(GenerateDataKeyCommand).callsFake(async () => ({ Plaintext: Buffer.from(DATA_KEY), CiphertextBlob: BLOB, KeyId: ARN }));
    kms.on(DecryptCommand).callsFake(async () => ({ Plaintext: Buffer.from(DATA_KEY), KeyId: ARN }));
  });

  it("generates a data key under the member's key, bound to {member, case}", async () => {
    const { plaintext, wrapped } = await keyring().generateDataKey(ctx);
    expect(Buffer.from(plaintext).equals(DATA_KEY)).toBe(true);
    expect(wrapped).toEqual({ keyId: ARN, blob: BLOB });
    const calls = kms.commandCalls(GenerateDataKeyCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      KeyId: "alias/meldpunt-gemeente-a",
      KeySpec: "AES_256",
      EncryptionContext: { member: "gemeente-a", case: "01HZY3K8Q4W6X7Z9ABCDEFGHJK" },
    });
  });

  it("decrypts with the member's key and the same context", async () => {
    const key = await keyring().unwrapDataKey(ctx, { keyId: ARN, blob: BLOB });
    expect(Buffer.from(key).equals(DATA_KEY)).toBe(true);
    const calls = kms.commandCalls(DecryptCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      CiphertextBlob: BLOB,
      KeyId: "alias/meldpunt-gemeente-a",
      EncryptionContext: { member: "gemeente-a", case: "01HZY3K8Q4W6X7Z9ABCDEFGHJK" },
    });
  });

  it("works under the envelope sealer", async () => {
    const sealer = createEnvelopeSealer(keyring());
    const { dataKey, envelope } = await sealer.sealNew(ctx, Buffer.from("melding"));
    expect(Buffer.from(await sealer.open(ctx, dataKey, envelope)).toString()).toBe("melding");
  });

  it.each([
    ["InvalidCiphertextException", new InvalidCiphertextException({ message: "bad", $metadata: {} })],
    ["IncorrectKeyException", new IncorrectKeyException({ message: "other key", $metadata: {} })],
  ])("maps %s to IntegrityError", async (_name, kmsError) => {
    kms.on(DecryptCommand).rejects(kmsError);
    const error = await rejection(keyring().unwrapDataKey(ctx, { keyId: ARN, blob: BLOB }));
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).reason).toBe("wrong-context-or-tampered");
    expect((error as IntegrityError).cause).toBe(kmsError);
  });

  it.each(["NotFoundException", "KMSInvalidStateException"])("maps %s (a shredded member key) to IntegrityError missing-key", async (name) => {
    const gone = new KMSServiceException({ name, $fault: "client", $metadata: {}, message: "key gone" });
    kms.on(DecryptCommand).rejects(gone);
    const error = await rejection(keyring().unwrapDataKey(ctx, { keyId: ARN, blob: BLOB }));
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).reason).toBe("missing-key");
  });

  it("maps throttling and other SDK errors to UnavailableError, keeping the cause", async () => {
    const throttled = new KMSServiceException({ name: "ThrottlingException", $fault: "client", $metadata: {}, message: "slow down" });
    kms.on(GenerateDataKeyCommand).rejects(throttled);
    const error = await rejection(keyring().generateDataKey(ctx));
    expect(error).toBeInstanceOf(UnavailableError);
    expect((error as UnavailableError).cause).toBe(throttled);

    const network = new Error("socket hang up");
    kms.on(DecryptCommand).rejects(network);
    const error2 = await rejection(keyring().unwrapDataKey(ctx, { keyId: ARN, blob: BLOB }));
    expect(error2).toBeInstanceOf(UnavailableError);
    expect((error2 as UnavailableError).cause).toBe(network);
  });

  it("refuses a bad member id without calling KMS", async () => {
    await expect(keyring().generateDataKey({ ...ctx, member: "../x" })).rejects.toThrow();
    expect(kms.calls()).toHaveLength(0);
  });
});
