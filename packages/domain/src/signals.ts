// Signals (DESIGN §2): several reports about the same person are a known pattern. Staff may tag a case with the name of
// the person concerned; only a keyed hash of the normalised name is kept (PersonTags), so the desk sees "N earlier
// reports on this desk concern the same person" without any plaintext index of names.
import * as z from "zod/mini";
import { type AuditLog, audited } from "./audit";
import { NotFoundError, ValidationError } from "./errors";
import type { CaseId, CaseRecord } from "./model";
import type { CaseStore, Clock, PersonTags, SignalIndex } from "./ports";
import { parseOrThrow } from "./validation";

export interface SignalDeps {
  cases: CaseStore;
  tags: PersonTags;
  signals: SignalIndex;
  audit: AuditLog;
  clock: Clock;
}

/** At most this many people tagged on one case. */
export const MAX_PERSON_TAGS = 5;

/**
 * One spelling for one name: accents, case, punctuation and spacing do not count ("Jàn  de Vries" = "jan de vries").
 * Initials or nicknames are not guessed at: a different name is a different person to this check.
 */
export function normalisePersonName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const NameSchema = z.object({ name: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)) });

/** Tags the case with a person (audited) and answers how many other cases on this desk carry the same tag. */
export async function tagPerson(
  deps: SignalDeps,
  ref: { member: string; caseId: CaseId; desk: string; by: string },
  rawName: unknown,
): Promise<{ earlier: number }> {
  const { name } = parseOrThrow(NameSchema, { name: rawName }, { name: { nl: "Vul de naam in.", en: "Fill in the name." } });
  const normalised = normalisePersonName(name);
  if (normalised.length < 2) throw new ValidationError([{ field: "name", message: { nl: "Vul de naam in.", en: "Fill in the name." } }]);
  const record = await deps.cases.getCase(ref.member, ref.caseId);
  if (!record || record.desk !== ref.desk) throw new NotFoundError();
  await audited(deps, ref, "tag-person");
  const tag = await deps.tags.tag(record.member, normalised);
  const tags = record.personTags ?? [];
  if (!tags.includes(tag)) {
    if (tags.length >= MAX_PERSON_TAGS) {
      throw new ValidationError([{ field: "name", message: { nl: `Hoogstens ${MAX_PERSON_TAGS} personen per melding.`, en: `At most ${MAX_PERSON_TAGS} people per case.` } }]);
    }
    await deps.signals.add(record.member, tag, record.id);
    await deps.cases.updateCase({ ...record, personTags: [...tags, tag], version: record.version + 1 });
  }
  return { earlier: await earlierOnDesk(deps, record, tag) };
}

/** For the case page: per tag of the case, how many other cases on this desk carry it. */
export async function signalCounts(deps: Pick<SignalDeps, "cases" | "signals">, record: CaseRecord): Promise<number[]> {
  return Promise.all((record.personTags ?? []).map((tag) => earlierOnDesk(deps, record, tag)));
}

async function earlierOnDesk(deps: Pick<SignalDeps, "cases" | "signals">, record: CaseRecord, tag: string): Promise<number> {
  const others = (await deps.signals.casesWith(record.member, tag)).filter((id) => id !== record.id);
  // The desk that holds each case now: a case forwarded elsewhere no longer counts here.
  const found = await Promise.all(others.map((id) => deps.cases.getCase(record.member, id)));
  return found.filter((c) => c?.desk === record.desk && c.personTags?.includes(tag)).length;
}
