// The audit chain's keyed hash (docs/decisions.md 29): HMAC-SHA256 under the hub's audit key over the entry's
// canonical text, which includes the hash before it; the head's signature is the same HMAC over the head's text.
import { createHmac } from "node:crypto";
import { type AuditHasher, auditCanonical, auditHeadCanonical } from "@meldpunt/domain";

export function createAuditHasher(options: { key: Uint8Array }): AuditHasher {
  if (options.key.length !== 32) throw new RangeError("the audit key must be 32 bytes");
  const key = Buffer.from(options.key);
  const mac = (text: string) => createHmac("sha256", key).update(text).digest("hex");
  return { hash: (entry) => mac(auditCanonical(entry)), headMac: (head) => mac(auditHeadCanonical(head)) };
}
