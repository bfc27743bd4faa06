// Requests reach the api through CloudFront, where the WAF and the edge rate limit are. The HTTP API's own
// `execute-api` address is public too; a request sent there directly would skip them. CloudFront adds a secret header
// to every request it forwards (the stack sets both sides from one Secrets Manager secret, docs/decisions.md 43), and
// the Lambda entry refuses a request without it. The infrastructure imports the header's name from here.

import { createHash, timingSafeEqual } from "node:crypto";

/** The header CloudFront adds (a viewer's own copy of it is replaced by CloudFront's). */
export const ORIGIN_HEADER = "x-meldpunt-origin";

/**
 * Whether a request came through CloudFront: it carries `key` in ORIGIN_HEADER. Compared as SHA-256 digests in constant
 * time, so neither the length nor the first differing character shows in the time an answer takes. Without a key (a
 * test or a local run of the bundle; the stack always sets one) every request is taken.
 */
export function originCheck(key: string | undefined): (headers: Readonly<Record<string, string | string[] | undefined>> | undefined) => boolean {
  if (!key) return () => true;
  const expected = digest(key);
  return (headers) => {
    const sent = headers?.[ORIGIN_HEADER];
    return typeof sent === "string" && timingSafeEqual(digest(sent), expected);
  };
}

const digest = (value: string) => createHash("sha256").update(value).digest();
