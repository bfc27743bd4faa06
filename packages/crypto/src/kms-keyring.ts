// The cloud's member keys: one customer-managed AWS KMS key per member. KMS checks the encryption context {member, case}
// itself, so a data key wrapped for one case or member never unwraps for another.
// Its own entry point (`@meldpunt/crypto/kms`) so the local runner never loads the KMS SDK.
import { DecryptCommand, GenerateDataKeyCommand, GenerateMacCommand, type KMSClient } from "@aws-sdk/client-kms";
import {
  IntegrityError,
  type KeyContext,
  type MemberId,
  type MemberKeyring,
  type PersonTags,
  UnavailableError,
  type WrappedKey,
} from "@meldpunt/domain";
import { checkMemberId } from "./member-id";

const KEY_BYTES = 32;

/** KMS's answers to a ciphertext that does not belong to this key or context, or was altered. */
const WRONG_CONTEXT_OR_TAMPERED = new Set(["InvalidCiphertextException", "IncorrectKeyException"]);

export interface KmsKeyringOptions {
  client: KMSClient;
  /** The member's KMS key: a key id, key ARN, alias name or alias ARN. */
  keyIdFor: (member: MemberId) => string;
}

function kmsContext(ctx: KeyContext): Record<string, string> {
  return { member: ctx.member, case: ctx.caseId };
}

/** A member key that is gone or scheduled for deletion (crypto-shredded): retrying will not help. */
const KEY_GONE = new Set(["NotFoundException", "KMSInvalidStateException"]);

/** Everything else (throttling, network, a disabled key, access denied) is an outage to retry or alert on. */
function mapKmsError(error: unknown): Error {
  const name = error instanceof Error ? error.name : undefined;
  if (name !== undefined && WRONG_CONTEXT_OR_TAMPERED.has(name)) {
    return new IntegrityError("wrong-context-or-tampered", { cause: error });
  }
  if (name !== undefined && KEY_GONE.has(name)) return new IntegrityError("missing-key", { cause: error });
  return new UnavailableError({ cause: error });
}

/**
 * Person tags in the cloud: KMS GenerateMac (HMAC_SHA_256) with the member's own HMAC key (`macKeyIdFor`, e.g. the alias
 * `alias/meldpunt/<member>-signaal` the stateful stack creates beside the member's key): the secret never leaves KMS.
 */
export function createKmsPersonTags(options: { client: KMSClient; macKeyIdFor: (member: MemberId) => string }): PersonTags {
  return {
    async tag(member, normalisedName) {
      let out: { Mac?: Uint8Array };
      try {
        out = await options.client.send(
          new GenerateMacCommand({ KeyId: options.macKeyIdFor(checkMemberId(member)), MacAlgorithm: "HMAC_SHA_256", Message: new TextEncoder().encode(normalisedName) }),
        );
      } catch (error) {
        throw mapKmsError(error);
      }
      if (!out.Mac?.length) throw new UnavailableError({ cause: new Error("KMS GenerateMac returned no MAC") });
      return Buffer.from(out.Mac).toString("base64url");
    },
  };
}

export function createKmsKeyring(options: KmsKeyringOptions): MemberKeyring {
  const { client, keyIdFor } = options;

  async function send<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw mapKmsError(error);
    }
  }

  return {
    async generateDataKey(ctx: KeyContext) {
      const member = checkMemberId(ctx.member);
      const out = await send(() =>
        client.send(
          new GenerateDataKeyCommand({ KeyId: keyIdFor(member), KeySpec: "AES_256", EncryptionContext: kmsContext(ctx) }),
        ),
      );
      if (out.Plaintext?.length !== KEY_BYTES || !out.CiphertextBlob?.length || !out.KeyId) {
        out.Plaintext?.fill(0);
        throw new UnavailableError({ cause: new Error("KMS GenerateDataKey returned an incomplete answer") });
      }
      const wrapped: WrappedKey = { keyId: out.KeyId, blob: out.CiphertextBlob };
      return { plaintext: out.Plaintext, wrapped };
    },

    async unwrapDataKey(ctx: KeyContext, wrapped: WrappedKey) {
      const member = checkMemberId(ctx.member);
      // KeyId pins the member's own key: KMS refuses (IncorrectKeyException) a blob wrapped under any other key.
      const out = await send(() =>
        client.send(
          new DecryptCommand({ CiphertextBlob: wrapped.blob, KeyId: keyIdFor(member), EncryptionContext: kmsContext(ctx) }),
        ),
      );
      if (out.Plaintext?.length !== KEY_BYTES) {
        out.Plaintext?.fill(0);
        // Authenticated by KMS, yet not a 256-bit data key: not something this hub wrapped.
        throw new IntegrityError("unknown-format");
      }
      return out.Plaintext;
    },
  };
}
