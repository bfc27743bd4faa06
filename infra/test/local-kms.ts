// A stand-in for AWS KMS on loopback, for running the deployed bundle here: it speaks the KMS JSON protocol
// (GenerateDataKey, Decrypt, GenerateMac) to the bundle's own AWS SDK (pointed at it by AWS_ENDPOINT_URL_KMS) and keeps
// the member keys in the local keyring (@meldpunt/crypto, key files). It enforces what the key policies enforce in the
// cloud: a member's key (`alias/meldpunt/<member>`) is used only with `EncryptionContext.member` equal to that member.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createLocalKeyring } from "@meldpunt/crypto";
import { MEMBER_KEY_ALIAS_PREFIX, signalKeyAlias } from "../src/names";

export interface LocalKms {
  endpoint: string;
  /** Every request, in order: the operation, the key asked for and the encryption context. */
  calls: { operation: string; keyId: string; context?: Record<string, string> }[];
  close(): Promise<void>;
}

class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

async function body(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
}

export async function startLocalKms(keyDir: string): Promise<LocalKms> {
  const keyring = createLocalKeyring({ dir: keyDir });
  const calls: LocalKms["calls"] = [];
  const arnOf = (member: string) => `arn:aws:kms:eu-central-1:123456789012:key/local-${member}`;

  /** The member whose key `keyId` names, and that the context must name too (the key policy's condition). */
  function memberKey(keyId: unknown, context: unknown): { member: string; caseId: string } {
    const member = typeof keyId === "string" && keyId.startsWith(MEMBER_KEY_ALIAS_PREFIX) ? keyId.slice(MEMBER_KEY_ALIAS_PREFIX.length) : undefined;
    if (!member || member.endsWith("-signaal")) throw new KmsError("NotFoundException", "no such key");
    const ctx = (context ?? {}) as Record<string, string>;
    if (ctx.member !== member) throw new KmsError("AccessDeniedException", "kms:EncryptionContext:member does not match the key");
    if (!ctx.case) throw new KmsError("AccessDeniedException", "no case in the encryption context");
    return { member, caseId: ctx.case };
  }

  async function handle(operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    calls.push({ operation, keyId: String(input.KeyId), ...(input.EncryptionContext ? { context: input.EncryptionContext as Record<string, string> } : {}) });
    switch (operation) {
      case "GenerateDataKey": {
        const ctx = memberKey(input.KeyId, input.EncryptionContext);
        const { plaintext, wrapped } = await keyring.generateDataKey(ctx);
        return { KeyId: arnOf(ctx.member), Plaintext: Buffer.from(plaintext).toString("base64"), CiphertextBlob: Buffer.from(wrapped.blob).toString("base64") };
      }
      case "Decrypt": {
        const ctx = memberKey(input.KeyId, input.EncryptionContext);
        try {
          const plaintext = await keyring.unwrapDataKey(ctx, { keyId: `local:${ctx.member}`, blob: Buffer.from(String(input.CiphertextBlob), "base64") });
          return { KeyId: arnOf(ctx.member), Plaintext: Buffer.from(plaintext).toString("base64"), EncryptionAlgorithm: "SYMMETRIC_DEFAULT" };
        } catch {
          throw new KmsError("InvalidCiphertextException", "not a ciphertext of this key and context");
        }
      }
      case "GenerateMac": {
        const member = String(input.KeyId).slice(MEMBER_KEY_ALIAS_PREFIX.length, -"-signaal".length);
        if (input.KeyId !== signalKeyAlias(member)) throw new KmsError("NotFoundException", "no such HMAC key");
        const mac = await keyring.tag(member, Buffer.from(String(input.Message), "base64").toString("utf8"));
        return { KeyId: arnOf(`${member}-signaal`), Mac: Buffer.from(mac, "base64url").toString("base64"), MacAlgorithm: "HMAC_SHA_256" };
      }
      default:
        throw new KmsError("UnsupportedOperationException", operation);
    }
  }

  const server: Server = createServer(async (request, response) => {
    const operation = String(request.headers["x-amz-target"] ?? "").replace(/^TrentService\./, "");
    let status = 200;
    let out: Record<string, unknown>;
    try {
      out = await handle(operation, await body(request));
    } catch (error) {
      status = 400;
      out = error instanceof KmsError ? { __type: error.type, message: error.message } : { __type: "KMSInternalException", message: "internal" };
    }
    response.writeHead(status, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": randomBytes(8).toString("hex") });
    response.end(JSON.stringify(out));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
