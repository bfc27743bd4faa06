// The one place where errors become HTTP statuses. Unknown errors become a generic 500: their messages may
// carry anything (a JSON parse error quotes its input), so they are neither shown nor logged verbatim.
import { type ErrorKind, HubError, type Label } from "@meldpunt/domain";
import type { ContentfulStatusCode } from "hono/utils/http-status";

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  validation: 400,
  "not-found": 404,
  conflict: 409,
  forbidden: 403,
  "too-large": 413,
  "rate-limited": 429,
  integrity: 500,
  unavailable: 503,
};

const INTERNAL: Label = {
  nl: "Er ging iets mis. Er is niets opgeslagen. Probeer het later opnieuw.",
  en: "Something went wrong. Nothing was stored. Please try again later.",
};

export interface HttpProblem {
  status: ContentfulStatusCode;
  kind: ErrorKind | "internal";
  message: Label;
}

export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HubError) return { status: STATUS[error.kind], kind: error.kind, message: error.userMessage };
  return { status: 500, kind: "internal", message: INTERNAL };
}

/** What may be logged about an error: its class names and kind, never its message or data. */
export function logFields(error: unknown): Record<string, string> {
  const name = (e: unknown) => (e instanceof Error ? e.name : typeof e);
  const fields: Record<string, string> = { errorName: name(error) };
  if (error instanceof HubError) {
    fields.kind = error.kind;
    if (error.cause !== undefined) fields.causeName = name(error.cause);
  }
  return fields;
}
