// Turns zod's issues into field messages a reporter can act on, in Dutch and English.
import * as z from "zod/mini";
import { type FieldIssue, ValidationError } from "./errors";
import type { Label } from "./taxonomy";

function messageFor(issue: z.core.$ZodIssue): Label {
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1
        ? { nl: "Vul dit veld in.", en: "Fill in this field." }
        : issue.origin === "array"
          ? { nl: "Kies ten minste één mogelijkheid.", en: "Choose at least one option." }
          : { nl: `Dit is te kort (minimaal ${issue.minimum}).`, en: `This is too short (at least ${issue.minimum}).` };
    case "too_big":
      return issue.origin === "string"
        ? { nl: `Dit is te lang (maximaal ${issue.maximum} tekens).`, en: `This is too long (at most ${issue.maximum} characters).` }
        : { nl: `Kies er hoogstens ${issue.maximum}.`, en: `Choose at most ${issue.maximum}.` };
    case "invalid_value":
      return { nl: "Kies een van de mogelijkheden.", en: "Choose one of the options." };
    case "invalid_type":
      return issue.input === undefined
        ? { nl: "Vul dit veld in.", en: "Fill in this field." }
        : { nl: "Deze waarde klopt niet.", en: "This value is not valid." };
    default:
      return { nl: "Deze waarde klopt niet.", en: "This value is not valid." };
  }
}

/**
 * Parses `input` or throws a ValidationError with one message per field (the first problem of each).
 * `messages` gives a field its own words for a missing or wrong value; a too-long text keeps the length message.
 */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, input: unknown, messages: Record<string, Label> = {}): z.infer<S> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const issue of result.error.issues) {
    // The whole path, dotted, so a nested field ("routes.integriteit") gets its own message at its own input.
    const field = issue.path.length ? issue.path.map(String).join(".") : "form";
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({ field, message: (issue.code !== "too_big" && messages[field]) || messageFor(issue) });
  }
  throw new ValidationError(issues);
}
