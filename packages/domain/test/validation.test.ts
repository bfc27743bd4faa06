import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { anonymityIssues, decodeContent, encodeContent, MAX_DESCRIPTION, parseOrThrow, REPORT_FIELD_MESSAGES, ReportSubmissionSchema, ValidationError } from "../src";

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
  const valid = {
    member: "hoorn",
    wants: "melding",
    reporterType: "medewerker",
    subcategories: ["omgang.pesten"],
    description: "Wat er gebeurde.",
    anonymity: "anoniem",
  };

  it("gives one message per field, in Dutch and English, with the field's own words", () => {
    const issues = issuesOf(() =>
      parseOrThrow(ReportSubmissionSchema, { wants: "melding", subcategories: ["omgang.onzin"], description: "", anonymity: "anoniem" }, REPORT_FIELD_MESSAGES),
    );
    expect(issues.map((i) => i.field).sort()).toEqual(["description", "member", "reporterType", "subcategories.0"]);
    expect(issues.find((i) => i.field === "reporterType")?.message).toEqual(REPORT_FIELD_MESSAGES.reporterType);
  });

  it("keeps the length in the message for a text that is too long", () => {
    const issues = issuesOf(() => parseOrThrow(ReportSubmissionSchema, { ...valid, description: "x".repeat(MAX_DESCRIPTION + 1) }, REPORT_FIELD_MESSAGES));
    expect(issues).toEqual([{ field: "description", message: { nl: "Dit is te lang (maximaal 20000 tekens).", en: "This is too long (at most 20000 characters)." } }]);
  });

  it("trims texts and accepts the unknown organisation", () => {
    const parsed = parseOrThrow(ReportSubmissionSchema, { ...valid, member: "onbekend", wants: "beide", description: "  tekst \n", when: " vorig jaar " });
    expect(parsed).toMatchObject({ member: "onbekend", wants: "beide", description: "tekst", when: "vorig jaar" });
  });

  it("refuses contact details with anonymous reporting, and asks for them with confidential reporting", () => {
    const anonymous = parseOrThrow(ReportSubmissionSchema, { ...valid, contactEmail: "ik@voorbeeld.nl" });
    expect(anonymityIssues(anonymous).map((i) => i.field)).toEqual(["contactEmail"]);
    const confidential = parseOrThrow(ReportSubmissionSchema, { ...valid, anonymity: "vertrouwelijk" });
    expect(anonymityIssues(confidential).map((i) => i.field)).toEqual(["contactName", "contactPhone"]);
    const complete = parseOrThrow(ReportSubmissionSchema, { ...valid, anonymity: "open", contactName: "A. de Vries", contactPhone: "06-12345678" });
    expect(anonymityIssues(complete)).toEqual([]);
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
