// The audit chain's keyed hash (docs/decisions.md 29): HMAC-SHA256 under the hub's audit key over the entry's
// canonical text, which includes the hash before it.
import { createHmac } from "node:crypto";
import { type AuditHasher, auditCanonical } from "@meldpunt/domain";

export function createAuditHasher(options: { key: Uint8Array }): AuditHasher {
  if (options.key.length !== 32) throw new RangeError("the audit key must be 32 bytes");
  const key = Buffer.from(options.key);
  return { hash: (entry) => createHmac("sha256", key).update(auditCanonical(entry)).digest("hex") };
}
