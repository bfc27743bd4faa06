// Idempotent submissions (DESIGN §3, reporter's-way issue): the report form carries a random token; the case id and
// the receipt code derive from it under the hub's submission key, so the same form sent twice lands on the same case
// and shows the same code, while nothing secret about the submission is stored.
import { createHmac, randomBytes } from "node:crypto";
import type { CaseId, SubmissionTokens } from "@meldpunt/domain";
import { CROCKFORD } from "./base32";

const KEY_BYTES = 32;
const CASE_ID_CHARS = 26;

export function createSubmissionTokens(options: { key: Uint8Array }): SubmissionTokens {
  if (options.key.length !== KEY_BYTES) throw new RangeError(`the submission key must be ${KEY_BYTES} bytes`);
  const key = Buffer.from(options.key);
  // Labels keep the derived values apart: knowing one says nothing about another.
  const mac = (label: string, ...parts: string[]) => createHmac("sha512", key).update(JSON.stringify([label, ...parts])).digest();

  return {
    issue: () => randomBytes(16).toString("base64url"),
    derive(token) {
      // One byte per character masked to 5 bits (256 is a multiple of 32: no bias).
      const caseId = [...mac("case", token).subarray(0, CASE_ID_CHARS)].map((b) => CROCKFORD[b & 31]).join("") as CaseId;
      return { caseId, receiptSeed: mac("receipt", token).subarray(0, 32) };
    },
    fingerprint(token, submitted) {
      return mac("submission", token, stableJson(submitted)).subarray(0, 32).toString("base64url");
    },
  };
}

/** JSON with object keys sorted, so the same answers give the same fingerprint whatever order they came in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
