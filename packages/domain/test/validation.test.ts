import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { decodeContent, encodeContent, MAX_DESCRIPTION, parseOrThrow, REPORT_FIELD_MESSAGES, ReportSubmissionSchema, ValidationError } from "../src";

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("validation", () => {
  it("gives one message per field, in Dutch and English, with the field's own words", () => {
    const issues = issuesOf(() => parseOrThrow(ReportSubmissionSchema, { wants: "melding", category: "onzin", description: "" }, REPORT_FIELD_MESSAGES));
    expect(issues.map((i) => i.field).sort()).toEqual(["category", "description", "member"]);
    expect(issues.find((i) => i.field === "category")?.message).toEqual(REPORT_FIELD_MESSAGES.category);
  });

  it("keeps the length in the message for a text that is too long", () => {
    const issues = issuesOf(() =>
      parseOrThrow(ReportSubmissionSchema, { member: "hoorn", wants: "melding", category: "omgang", description: "x".repeat(MAX_DESCRIPTION + 1) }, REPORT_FIELD_MESSAGES),
    );
    expect(issues).toEqual([{ field: "description", message: { nl: "Dit is te lang (maximaal 20000 tekens).", en: "This is too long (at most 20000 characters)." } }]);
  });

  it("trims the description and accepts the unknown organisation", () => {
    const parsed = parseOrThrow(ReportSubmissionSchema, { member: "onbekend", wants: "beide", category: "geen", description: "  tekst \n" });
    expect(parsed).toEqual({ member: "onbekend", wants: "beide", category: "geen", description: "tekst" });
  });

  it("never puts the submitted value in a message", () => {
    const secret = "Naam-Van-Iemand";
    const issues = issuesOf(() => parseOrThrow(z.object({ member: ReportSubmissionSchema.shape.member }), { member: secret }));
    expect(JSON.stringify(issues)).not.toContain(secret);
  });
});

describe("sealed content", () => {
  it("round-trips and refuses an unknown version", () => {
    expect(decodeContent(encodeContent({ description: "wat er gebeurde" }))).toEqual({ v: 1, description: "wat er gebeurde" });
    expect(() => decodeContent(new TextEncoder().encode(JSON.stringify({ v: 2, description: "x" })))).toThrow();
  });
});
