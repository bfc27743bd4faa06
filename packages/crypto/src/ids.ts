// Case ids are random, never derived from report content, so an id reveals nothing about the report.
import type { CaseId, IdGenerator } from "@meldpunt/domain";
import { randomCrockford } from "./base32";

/** 26 characters × 5 bits = 130 bits: matches CaseIdSchema and makes ids unguessable. */
export function createRandomIds(): IdGenerator {
  return { caseId: (): CaseId => randomCrockford(26) };
}
