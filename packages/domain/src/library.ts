// The casuïstiek library (DESIGN §4, issue 6 item 5): a desk turns a closed case into a de-identified case description
// (situation, dilemma, route taken, outcome, lessons, taxonomy codes and a year) that every member's desks and the board
// read and discuss. An automatic check refuses names known to the case, e-mail addresses, phone numbers, exact dates and
// the member's name (unless the member allows it); a second desk member, never the author, approves it before it is
// published. The entry is stored apart from the case and never names it: no case id, member or desk in the entry, its
// keys, its URLs or its pages. The one link kept is a keyed one-way reference under the member's own key (the signals'
// PersonTags), so that one case gives at most one entry and a returned draft is revised from the case (docs/decisions.md 36).
import * as z from "zod/mini";
import { type AuditLog, audited } from "./audit";
import { ConflictError, type FieldIssue, ForbiddenError, NotFoundError, ValidationError } from "./errors";
import { type CaseId, type CaseRecord, type DeskId, IsoDateTimeSchema, type Member, type MemberId, MemberIdSchema } from "./model";
import type { CaseSealer, CaseStore, Clock, LibraryStore, PersonTags, RegionStore } from "./ports";
import { decodeContent } from "./report";
import { normalisePersonName } from "./signals";
import type { Staff } from "./staff";
import { type CategoryCode, CategoryCodeSchema, categoryOf, type Label, type SubcategoryCode, SubcategoryCodeSchema } from "./taxonomy";
import { parseOrThrow } from "./validation";

// ---------------------------------------------------------------------------------------------------------------------
// The entry and its comments

export const LIBRARY_TEXT_FIELDS = ["situation", "dilemma", "route", "outcome", "lessons"] as const;
export type LibraryTextField = (typeof LIBRARY_TEXT_FIELDS)[number];
/** Every field the automatic check reads, in the order of the form. */
export const LIBRARY_CHECKED_FIELDS = ["title", ...LIBRARY_TEXT_FIELDS] as const;
export type LibraryCheckedField = (typeof LIBRARY_CHECKED_FIELDS)[number];

export const MAX_LIBRARY_TITLE = 150;
/** Per section: five sections keep an entry near 20 KB, far below DynamoDB's 400 KB item. */
export const MAX_LIBRARY_TEXT = 4000;
export const MAX_LIBRARY_SUBCATEGORIES = 5;
export const MAX_LIBRARY_COMMENT = 2000;
export const MAX_LIBRARY_COMMENTS = 500;
export const MAX_REJECTION_REASON = 1000;
export const FIRST_LIBRARY_YEAR = 2000;

export const LibraryEntryIdSchema = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/));
export type LibraryEntryId = z.infer<typeof LibraryEntryIdSchema>;

/** Draft awaiting a second desk member (`concept`), returned to its author with a reason (`afgewezen`), or published. */
export const LibraryStateSchema = z.enum(["concept", "afgewezen", "gepubliceerd"]);
export type LibraryState = z.infer<typeof LibraryStateSchema>;

const DaySchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const StaffRefSchema = z.string().check(z.minLength(1), z.maxLength(255));
const stored = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const LibraryEntrySchema = z.object({
  /** Random, like a case id; derived from nothing. */
  id: LibraryEntryIdSchema,
  state: LibraryStateSchema,
  title: stored(MAX_LIBRARY_TITLE),
  situation: stored(MAX_LIBRARY_TEXT),
  dilemma: stored(MAX_LIBRARY_TEXT),
  route: stored(MAX_LIBRARY_TEXT),
  outcome: stored(MAX_LIBRARY_TEXT),
  lessons: stored(MAX_LIBRARY_TEXT),
  /** Level 1, derived from the level-2 codes. */
  categories: z.array(CategoryCodeSchema).check(z.minLength(1), z.maxLength(MAX_LIBRARY_SUBCATEGORIES)),
  subcategories: z.array(SubcategoryCodeSchema).check(z.minLength(1), z.maxLength(MAX_LIBRARY_SUBCATEGORIES)),
  /** The year only, never a date of the case. */
  year: z.number().check(z.int(), z.minimum(FIRST_LIBRARY_YEAR), z.maximum(2100)),
  /** The staff id that wrote (or last revised) it: they may not approve it, and a rejection goes back to them. */
  author: StaffRefSchema,
  /**
   * A keyed one-way reference of the case it came from, under the member's own key (PersonTags): one case, one entry.
   * It cannot be turned back into a case id, and nobody without the member's key can compute it from one.
   */
  ref: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{16,128}$/))),
  /** Days only: a moment could be matched against the case's own history. */
  submittedOn: DaySchema,
  reviewer: z.optional(StaffRefSchema),
  publishedOn: z.optional(DaySchema),
  /** Why a second desk member sent it back. */
  rejection: z.optional(z.string().check(z.maxLength(MAX_REJECTION_REASON))),
  version: z.number().check(z.int(), z.minimum(1)),
});
export type LibraryEntry = z.infer<typeof LibraryEntrySchema>;

/** What a list shows: everything but the sections and the reference. */
export type LibrarySummary = Omit<LibraryEntry, LibraryTextField | "ref">;

/** Who speaks in a comment: a role and, for desk staff, the member that owns their desk; never a name. */
export const LibraryVoiceSchema = z.object({ role: z.enum(["desk-staff", "board"]), member: z.optional(MemberIdSchema) });
export type LibraryVoice = z.infer<typeof LibraryVoiceSchema>;

export const LibraryCommentSchema = z.object({
  entry: LibraryEntryIdSchema,
  /** 1, 2, 3, … per entry. */
  seq: z.number().check(z.int(), z.minimum(1)),
  at: IsoDateTimeSchema,
  /** The staff id, kept for accountability; pages show `voice`. */
  by: StaffRefSchema,
  voice: LibraryVoiceSchema,
  text: stored(MAX_LIBRARY_COMMENT),
});
export type LibraryComment = z.infer<typeof LibraryCommentSchema>;

export const LIBRARY_FIELD_LABELS: Record<LibraryCheckedField | "subcategories" | "year", Label> = {
  title: { nl: "Titel", en: "Title" },
  situation: { nl: "Situatie", en: "Situation" },
  dilemma: { nl: "Dilemma", en: "Dilemma" },
  route: { nl: "Gekozen route", en: "Route taken" },
  outcome: { nl: "Uitkomst", en: "Outcome" },
  lessons: { nl: "Lessen", en: "Lessons" },
  subcategories: { nl: "Onderwerpen", en: "Subjects" },
  year: { nl: "Jaar", en: "Year" },
};

// ---------------------------------------------------------------------------------------------------------------------
// The automatic check

export type FindingKind = "name" | "member" | "email" | "phone" | "date";

export interface Finding {
  kind: FindingKind;
  /** The words of the text that matched, and nothing around them. */
  found: string;
}

/** What the check looks for besides patterns: the case's names and the member's, as word sequences (normalised). */
export interface KnownTerms {
  /** Names from the case's sealed report: the contact's name and the name of the person concerned. */
  names: readonly string[];
  /** The member's name, unless the member allows naming. */
  member?: Pick<Member, "id" | "name">;
}

/** Words that are part of a name but never identify on their own (tussenvoegsels and the like). */
const PARTICLES = new Set(["van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "t", "la", "le", "du", "da", "di", "del", "el", "al", "von", "zu", "vd", "v", "d", "s"]);
/** Words a contact name may consist of that are no name (a reporter typing "De melder"): never blocked alone. */
const ORDINARY = new Set(["melder", "melding", "medewerker", "medewerkster", "collega", "leidinggevende", "manager", "anoniem", "onbekend", "persoon", "iemand", "meneer", "mevrouw", "heer", "naam", "niet", "geen"]);
/** Words of an organisation's name that say nothing of which one: "Gemeente" in "Gemeente Hoorn". */
const GENERIC = new Set(["gemeente", "gemeenten", "gr", "regio", "stichting", "organisatie", "dienst", "de", "het", "van", "en"]);

const significant = (word: string) => word.length >= 3 && !PARTICLES.has(word) && !ORDINARY.has(word) && !/^\d+$/.test(word);
const wordsOf = (text: string) => normalisePersonName(text).split(" ").filter(Boolean);

function unique(phrases: string[][]): string[][] {
  const seen = new Set<string>();
  return phrases.filter((p) => p.length > 0 && !seen.has(p.join(" ")) && Boolean(seen.add(p.join(" "))));
}

/**
 * The word sequences a name blocks: the whole name, and each of its words that could identify on its own (three letters
 * or more, no tussenvoegsel), so "Jan de Vries" blocks "jan de vries", "jan" and "vries". A name without such a word
 * ("De melder") blocks nothing.
 */
export function namePhrases(name: string): string[][] {
  const words = wordsOf(name);
  const strong = words.filter(significant);
  return strong.length === 0 ? [] : unique([words, ...strong.map((w) => [w])]);
}

/**
 * The word sequences a member's name blocks: the whole name, the name without its generic words ("Gemeente Hoorn" →
 * "hoorn", "SED-organisatie" → "sed") and its id ("stede-broec" → "stede broec"). "gemeente" alone is never blocked.
 */
export function memberPhrases(member: Pick<Member, "id" | "name">): string[][] {
  const full = wordsOf(member.name);
  const stripped = [...full];
  while (stripped.length > 0 && GENERIC.has(stripped[0] as string)) stripped.shift();
  while (stripped.length > 0 && GENERIC.has(stripped.at(-1) as string)) stripped.pop();
  const id = member.id.split("-").filter(Boolean);
  return unique([full, stripped, id].filter((p) => p.some((w) => w.length >= 2 && !GENERIC.has(w))));
}

interface Word {
  norm: string;
  start: number;
  end: number;
}

/** The text's words, normalised as person tags are (signals.ts), with where each stands in the text. */
function tokens(text: string): Word[] {
  const out: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const norm = normalisePersonName(match[0]);
    if (norm) out.push({ norm, start: match.index, end: match.index + match[0].length });
  }
  return out;
}

/** Where a finding stands in the text: overlapping findings are reported once, as the longest. */
interface Span extends Finding {
  start: number;
  end: number;
}

function findPhrases(text: string, words: Word[], phrases: string[][], kind: "name" | "member"): Span[] {
  const found: Span[] = [];
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (!phrase.every((p, k) => words[i + k]?.norm === p)) continue;
      const start = words[i]?.start ?? 0;
      const end = words[i + phrase.length - 1]?.end ?? start;
      found.push({ kind, found: text.slice(start, end), start, end });
    }
  }
  return found;
}

const spansOf = (text: string, pattern: RegExp, kind: FindingKind): Span[] =>
  [...text.matchAll(pattern)].map((m) => ({ kind, found: m[0], start: m.index, end: m.index + m[0].length }));

/** In text order; a finding inside a longer one ("Hoorn" in "gemeente Hoorn", "jan" in "jan@hoorn.nl") is left out. */
function merged(spans: Span[]): Finding[] {
  const kept: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (kept.some((k) => span.start >= k.start && span.end <= k.end)) continue;
    kept.push(span);
  }
  const seen = new Set<string>();
  return kept.filter((f) => !seen.has(`${f.kind}:${f.found}`) && Boolean(seen.add(`${f.kind}:${f.found}`))).map(({ kind, found }) => ({ kind, found }));
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** "naam [at] voorbeeld.nl", "naam (at) voorbeeld (punt) nl". */
const EMAIL_SPELLED = /[\p{L}\p{N}._%+-]+\s*[[(]\s*(?:at|apenstaartje)\s*[\])]\s*[\p{L}\p{N}-]+(?:\s*(?:\.|[[(]\s*(?:dot|punt)\s*[\])])\s*[\p{L}\p{N}-]+)+/giu;

/** Runs of digits and the separators phone numbers are written with, beginning at a digit, "+" or "(". */
const NUMBER_RUN = /(?<![\p{L}\p{N}])(?:\+|\(\s*)?\d[\d\s().\-/]*\d(?![\p{L}\p{N}])/gu;

/**
 * Whether a piece of a number run is a phone number: Dutch numbers have ten digits from a leading 0 ("06-12345678",
 * "0229 123 456", "(072) 512 34 56"), or 0800/0900/0906/0909 with 4 to 7 more; international ones start with + or 00
 * ("+31 (0)6 1234 5678", "0031 20 123 4567"), Dutch ones then with nine digits after 31. Years, amounts, postcodes,
 * counts and times never start with 0 and ten digits, so they pass.
 */
function isPhoneNumber(candidate: string): boolean {
  const plus = candidate.trimStart().startsWith("+");
  let digits = candidate.replace(/\D/g, "");
  if (plus || digits.startsWith("00")) {
    if (!plus) digits = digits.slice(2);
    if (digits.startsWith("310")) digits = `31${digits.slice(3)}`;
    return digits.startsWith("31") ? digits.length === 11 : digits.length >= 9 && digits.length <= 15;
  }
  if (!digits.startsWith("0")) return false;
  // Written as a group of its own ("0800-1234", "0900 1234567"), so a time like "09.00-10.00" is no number.
  if (/^0(?:800|900|906|909)(?:[\s-]|\d)/.test(candidate.trimStart())) return digits.length >= 8 && digits.length <= 11;
  return digits.length === 10;
}

function findPhones(text: string): Span[] {
  const found: Span[] = [];
  for (const run of text.matchAll(NUMBER_RUN)) {
    // A run may hold a phone number after other numbers ("in 2019 0612345678"): try every piece that starts a group.
    const groups = [...run[0].matchAll(/\S+/g)];
    let i = 0;
    while (i < groups.length) {
      let matchedTo = -1;
      const first = groups[i] as RegExpExecArray;
      if (/^[+(0]/.test(first[0])) {
        for (let j = Math.min(groups.length - 1, i + 6); j >= i; j--) {
          const last = groups[j] as RegExpExecArray;
          const piece = run[0].slice(first.index, last.index + last[0].length);
          if (isPhoneNumber(piece)) {
            found.push({ kind: "phone", found: piece, start: run.index + first.index, end: run.index + last.index + last[0].length });
            matchedTo = j;
            break;
          }
        }
      }
      i = matchedTo >= 0 ? matchedTo + 1 : i + 1;
    }
  }
  return found;
}

const DAY = "(?:0?[1-9]|[12]\\d|3[01])";
const NL_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec";
const EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const DATES = [
  // 12-03-2024, 1/3/2024, 12.03.2024; with a two-digit year only with - or / (so "1.2.10", a section number, passes).
  new RegExp(`(?<![\\p{N}.\\-/])${DAY}(?:([-/.])(?:0?[1-9]|1[0-2])\\1\\d{4}|([-/])(?:0?[1-9]|1[0-2])\\2\\d{2})(?![\\p{N}]|[-/.]\\d)`, "gu"),
  // ISO 8601: 2024-03-12 (with or without a time).
  /(?<![\p{N}\-/.])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\p{N}])/gu,
  // Dutch: 3 maart 2024, 3e mrt., 12 mei. Month names are lower case in Dutch, so any case matches.
  new RegExp(`(?<![\\p{L}\\p{N}])${DAY}(?:e|ste|de)?\\s+(?:${NL_MONTHS})\\.?(?:\\s+\\d{4})?(?![\\p{L}])`, "giu"),
  // English: 3 March 2024, 3rd of March, March 3, 2024. English month names are capitalised: "may" and "march" pass.
  new RegExp(`(?<![\\p{L}\\p{N}])${DAY}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${EN_MONTHS})\\.?(?:,?\\s+\\d{4})?(?![\\p{L}])`, "gu"),
  new RegExp(`(?<![\\p{L}])(?:${EN_MONTHS})\\.?\\s+${DAY}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?(?![\\p{L}\\p{N}])`, "gu"),
];

function contactSpans(text: string): Span[] {
  return [...spansOf(text, EMAIL, "email"), ...spansOf(text, EMAIL_SPELLED, "email"), ...findPhones(text)];
}

function identifyingSpans(text: string, known: KnownTerms): Span[] {
  const words = tokens(text);
  return [
    ...findPhrases(text, words, unique(known.names.flatMap(namePhrases)), "name"),
    ...(known.member ? findPhrases(text, words, memberPhrases(known.member), "member") : []),
    ...contactSpans(text),
    ...DATES.flatMap((pattern) => spansOf(text, pattern, "date")),
  ];
}

/** E-mail addresses and phone numbers: what comments are checked for too. */
export function findContactDetails(text: string): Finding[] {
  return merged(contactSpans(text));
}

/**
 * Everything identifying in one text that needs no key: names known to the case, the member's name, e-mail addresses,
 * phone numbers and exact dates, in text order. Person tags (keyed hashes) are matched by `checkLibraryText`. A year
 * alone, a month with a year ("maart 2024"), counts, amounts, article numbers and ordinary words pass.
 */
export function findIdentifying(text: string, known: KnownTerms): Finding[] {
  return merged(identifyingSpans(text, known));
}

/** Longest name a person tag is matched against, in words ("Jan van der Berg" is four). */
const MAX_TAG_WORDS = 4;

/**
 * The pieces of a text that a person tag could be the tag of: every sequence of one to four words with at least one
 * word that could identify, normalised as tagPerson normalises a name. Answers where each stands in the text.
 */
export function tagCandidates(text: string): Map<string, { start: number; end: number }> {
  const words = tokens(text);
  const out = new Map<string, { start: number; end: number }>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= MAX_TAG_WORDS && i + n <= words.length; n++) {
      const slice = words.slice(i, i + n);
      if (!slice.some((w) => significant(w.norm))) continue;
      const norm = slice.map((w) => w.norm).join(" ");
      if (!out.has(norm)) out.set(norm, { start: slice[0]?.start ?? 0, end: slice.at(-1)?.end ?? 0 });
    }
  }
  return out;
}

const KIND_TEXT: Record<FindingKind, Label> = {
  name: { nl: "een naam die in de melding voorkomt", en: "a name that occurs in the case" },
  member: { nl: "de naam van de organisatie", en: "the organisation's name" },
  email: { nl: "een e-mailadres", en: "an e-mail address" },
  phone: { nl: "een telefoonnummer", en: "a phone number" },
  date: { nl: "een precieze datum", en: "an exact date" },
};

const MAX_SHOWN = 3;
const shown = (found: string) => `"${found.length > 60 ? `${found.slice(0, 57)}…` : found}"`;

/** One message per field: its label, what was found (the matched words only, at most three), and what to do. */
export function findingsIssue(field: string, label: Label, findings: Finding[]): FieldIssue {
  const list = (lang: "nl" | "en") => findings.slice(0, MAX_SHOWN).map((f) => `${KIND_TEXT[f.kind][lang]} (${shown(f.found)})`);
  const more = findings.length > MAX_SHOWN ? findings.length - MAX_SHOWN : 0;
  return {
    field,
    message: {
      nl: `${label.nl}: bevat ${list("nl").join(", ")}${more ? ` en nog ${more}` : ""}. Haal dit weg of schrijf het algemener.`,
      en: `${label.en}: contains ${list("en").join(", ")}${more ? ` and ${more} more` : ""}. Remove it or write it more generally.`,
    },
  };
}

/**
 * The whole check of an entry's fields: findIdentifying on each, and each piece that could be a name hashed with the
 * member's person-tag key and compared with the case's tags (only when the case has any). Answers one issue per field
 * with findings; none means the text may go to a second desk member.
 */
export async function checkLibraryText(
  fields: Record<LibraryCheckedField, string>,
  known: KnownTerms,
  personTags?: { tags: readonly string[]; tagOf: (normalised: string) => Promise<string> },
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const tagged = new Set(personTags?.tags ?? []);
  for (const field of LIBRARY_CHECKED_FIELDS) {
    const text = fields[field];
    const spans = identifyingSpans(text, known);
    if (personTags && tagged.size > 0) {
      const candidates = [...tagCandidates(text)];
      const hashes = await Promise.all(candidates.map(([norm]) => personTags.tagOf(norm)));
      candidates.forEach(([, at], i) => {
        if (tagged.has(hashes[i] as string)) spans.push({ kind: "name", found: text.slice(at.start, at.end), ...at });
      });
    }
    const findings = merged(spans);
    if (findings.length > 0) issues.push(findingsIssue(field, LIBRARY_FIELD_LABELS[field], findings));
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------------------------
// The use cases

export interface LibraryDeps {
  cases: CaseStore;
  region: RegionStore;
  sealer: CaseSealer;
  tags: PersonTags;
  audit: AuditLog;
  clock: Clock;
  library: LibraryStore;
}

/** The closed case a desk member describes: the desk must hold it, and the route has checked the right. */
export interface LibraryCaseRef {
  member: MemberId;
  caseId: CaseId;
  desk: DeskId;
  /** The staff id that writes. */
  by: string;
}

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const LibraryInputSchema = z.object({
  title: text(MAX_LIBRARY_TITLE),
  situation: text(MAX_LIBRARY_TEXT),
  dilemma: text(MAX_LIBRARY_TEXT),
  route: text(MAX_LIBRARY_TEXT),
  outcome: text(MAX_LIBRARY_TEXT),
  lessons: text(MAX_LIBRARY_TEXT),
  subcategories: z.array(SubcategoryCodeSchema).check(z.minLength(1), z.maxLength(MAX_LIBRARY_SUBCATEGORIES)),
  year: z.string().check(z.trim(), z.regex(/^\d{4}$/)),
});
export type LibraryInput = z.infer<typeof LibraryInputSchema>;

const INPUT_MESSAGES: Record<keyof LibraryInput, Label> = {
  title: { nl: "Titel: geef de beschrijving een korte titel.", en: "Title: give the description a short title." },
  situation: { nl: "Situatie: beschrijf de situatie.", en: "Situation: describe the situation." },
  dilemma: { nl: "Dilemma: beschrijf het dilemma.", en: "Dilemma: describe the dilemma." },
  route: { nl: "Gekozen route: beschrijf welke route is gekozen.", en: "Route taken: describe the route taken." },
  outcome: { nl: "Uitkomst: beschrijf de uitkomst.", en: "Outcome: describe the outcome." },
  lessons: { nl: "Lessen: beschrijf wat anderen hiervan kunnen leren.", en: "Lessons: describe what others can learn from this." },
  subcategories: {
    nl: `Onderwerpen: kies er één tot ${MAX_LIBRARY_SUBCATEGORIES}.`,
    en: `Subjects: choose one to ${MAX_LIBRARY_SUBCATEGORIES}.`,
  },
  year: { nl: "Jaar: vul een jaar in, zoals 2024 (alleen het jaar).", en: "Year: fill in a year, like 2024 (the year only)." },
};

const NOT_CLOSED: Label = {
  nl: "Alleen van een afgesloten melding kan een beschrijving voor de bibliotheek worden gemaakt.",
  en: "Only a closed case can be described for the library.",
};
const ALREADY: Record<"concept" | "gepubliceerd", Label> = {
  concept: {
    nl: "Van deze melding ligt al een beschrijving ter beoordeling in de bibliotheek.",
    en: "A description of this case is already awaiting approval in the library.",
  },
  gepubliceerd: { nl: "Van deze melding staat al een beschrijving in de bibliotheek.", en: "A description of this case is already in the library." },
};

const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);

/** A random id of the case-id shape (130 bits): it names nothing and is derived from nothing. */
export function newLibraryEntryId(): LibraryEntryId {
  const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(26)), (b) => CROCKFORD[b & 31]).join("");
}

/** The one-way reference of a case's entry: a keyed hash under the member's own person-tag key, shredded with it. */
export function libraryRefOf(deps: Pick<LibraryDeps, "tags">, member: MemberId, caseId: CaseId): Promise<string> {
  return deps.tags.tag(member, `casuistiek-bibliotheek ${caseId}`);
}

async function closedCase(deps: Pick<LibraryDeps, "cases">, ref: LibraryCaseRef): Promise<CaseRecord> {
  const record = await deps.cases.getCase(ref.member, ref.caseId);
  if (!record || record.desk !== ref.desk) throw new NotFoundError();
  if (record.state !== "gesloten") throw new ValidationError([{ field: "form", message: NOT_CLOSED }]);
  return record;
}

export interface LibraryDraft {
  /** What the form starts with: the case's subjects and the year it was received; a returned draft's own text. */
  values: Partial<Record<LibraryCheckedField, string>> & { subcategories: SubcategoryCode[]; year: string };
  /** A returned draft: why it came back. */
  rejection?: string;
  /** There is a description of this case already, awaiting approval or published: no form. */
  exists?: "concept" | "gepubliceerd";
}

/** The form for a closed case: its subjects and year, or the returned draft to revise. Opens no sealed content. */
export async function prepareLibraryEntry(deps: Pick<LibraryDeps, "cases" | "tags" | "library">, ref: LibraryCaseRef): Promise<LibraryDraft> {
  const record = await closedCase(deps, ref);
  const existing = await deps.library.findByRef(await libraryRefOf(deps, record.member, record.id));
  if (existing && existing.state !== "afgewezen") {
    return { values: { subcategories: existing.subcategories, year: String(existing.year) }, exists: existing.state };
  }
  if (existing) {
    const { title, situation, dilemma, route, outcome, lessons } = existing;
    return { values: { title, situation, dilemma, route, outcome, lessons, subcategories: existing.subcategories, year: String(existing.year) }, rejection: existing.rejection };
  }
  return { values: { subcategories: record.subcategories.slice(0, MAX_LIBRARY_SUBCATEGORIES), year: record.receivedAt.slice(0, 4) } };
}

/**
 * Submits a description of a closed case for approval. The form is checked first; then the read of the case's sealed
 * report is audited (`library-check`, fail closed) and its names, the member's name (unless the member allows naming)
 * and the case's person tags are checked against every field with the patterns (e-mail, phone, exact dates). Nothing is
 * stored unless every check passes. A returned draft of the same case is revised in place (same id, back to `concept`).
 */
export async function submitLibraryEntry(deps: LibraryDeps, ref: LibraryCaseRef, raw: unknown): Promise<{ id: LibraryEntryId; revised: boolean }> {
  const input = parseOrThrow(LibraryInputSchema, raw, INPUT_MESSAGES);
  const year = Number(input.year);
  const now = deps.clock.now();
  if (year < FIRST_LIBRARY_YEAR || year > now.getUTCFullYear()) {
    throw new ValidationError([{ field: "year", message: { nl: `Jaar: kies een jaar van ${FIRST_LIBRARY_YEAR} tot nu.`, en: `Year: choose a year from ${FIRST_LIBRARY_YEAR} until now.` } }]);
  }
  const record = await closedCase(deps, ref);
  const libraryRef = await libraryRefOf(deps, record.member, record.id);
  const existing = await deps.library.findByRef(libraryRef);
  if (existing && existing.state !== "afgewezen") throw new ValidationError([{ field: "form", message: ALREADY[existing.state] }]);

  await audited(deps, ref, "library-check");
  const content = decodeContent(await deps.sealer.open({ member: record.member, caseId: record.id }, record.dataKey, record.content));
  const member = await deps.region.getMember(record.member);
  const known: KnownTerms = {
    names: [content.contact?.name, content.personName].filter((n): n is string => Boolean(n)),
    ...(member && !member.allowNamingInLibrary ? { member } : {}),
  };
  const fields = { title: input.title, situation: input.situation, dilemma: input.dilemma, route: input.route, outcome: input.outcome, lessons: input.lessons };
  const issues = await checkLibraryText(fields, known, { tags: record.personTags ?? [], tagOf: (n) => deps.tags.tag(record.member, n) });
  if (issues.length > 0) throw new ValidationError(issues);

  const categories = [...new Set(input.subcategories.map(categoryOf))] as CategoryCode[];
  const draft = { ...fields, subcategories: [...new Set(input.subcategories)], categories, year, author: ref.by, submittedOn: today(deps.clock), state: "concept" as const };
  if (existing) {
    const { reviewer: _r, rejection: _j, ...kept } = existing;
    await deps.library.updateEntry({ ...kept, ...draft, version: existing.version + 1 });
    return { id: existing.id, revised: true };
  }
  const entry: LibraryEntry = { id: newLibraryEntryId(), ...draft, ref: libraryRef, version: 1 };
  await deps.library.createEntry(entry);
  return { id: entry.id, revised: false };
}

const OWN_ENTRY: Label = {
  nl: "U kunt uw eigen beschrijving niet beoordelen: een andere medewerker van een balie moet dat doen.",
  en: "You cannot review your own description: another desk member must do that.",
};
const NOT_AWAITING: Label = {
  nl: "Deze beschrijving wacht niet (meer) op beoordeling. Laad de pagina opnieuw.",
  en: "This description is not (or no longer) awaiting review. Reload the page.",
};

async function awaitingReview(deps: Pick<LibraryDeps, "library">, id: string, by: string): Promise<LibraryEntry> {
  const entry = await deps.library.getEntry(id);
  if (!entry) throw new NotFoundError();
  if (entry.state !== "concept") throw new ConflictError(NOT_AWAITING);
  if (entry.author === by) throw new ForbiddenError(OWN_ENTRY);
  return entry;
}

/** A second desk member publishes a draft. The author never can; the route checks the right. */
export async function approveLibraryEntry(deps: Pick<LibraryDeps, "library" | "clock">, review: { id: string; by: string }): Promise<LibraryEntry> {
  const entry = await awaitingReview(deps, review.id, review.by);
  const published: LibraryEntry = { ...entry, state: "gepubliceerd", reviewer: review.by, publishedOn: today(deps.clock), version: entry.version + 1 };
  await deps.library.updateEntry(published);
  return published;
}

const ReasonSchema = z.object({ reason: text(MAX_REJECTION_REASON) });

/** A second desk member sends a draft back to its author with a reason; the author revises it from the case. */
export async function rejectLibraryEntry(deps: Pick<LibraryDeps, "library">, review: { id: string; by: string }, reason: unknown): Promise<void> {
  const input = parseOrThrow(ReasonSchema, { reason }, { reason: { nl: "Schrijf waarom u de beschrijving terugstuurt.", en: "Write why you send the description back." } });
  const entry = await awaitingReview(deps, review.id, review.by);
  await deps.library.updateEntry({ ...entry, state: "afgewezen", reviewer: review.by, rejection: input.reason, version: entry.version + 1 });
}

/** How a staff member speaks in the library: as desk staff of their (first) desk's member, else as the board. */
export function libraryVoiceOf(staff: Pick<Staff, "roles">, region: { desks: readonly { id: string; owner: MemberId }[] }): LibraryVoice | undefined {
  for (const role of staff.roles) {
    if (role.role !== "desk-staff") continue;
    const desk = region.desks.find((d) => d.id === role.desk);
    if (desk) return { role: "desk-staff", member: desk.owner };
  }
  return staff.roles.some((r) => r.role === "board") ? { role: "board" } : undefined;
}

const CommentSchema = z.object({ text: text(MAX_LIBRARY_COMMENT) });
const COMMENT_LABEL: Label = { nl: "Reactie", en: "Comment" };

/** A comment on a published entry: text only, bounded, without e-mail addresses or phone numbers. */
export async function commentOnLibraryEntry(
  deps: Pick<LibraryDeps, "library" | "clock">,
  comment: { id: string; by: string; voice: LibraryVoice | undefined },
  raw: unknown,
): Promise<LibraryComment> {
  const input = parseOrThrow(CommentSchema, { text: raw }, { text: { nl: "Schrijf uw reactie.", en: "Write your comment." } });
  const findings = findContactDetails(input.text);
  if (findings.length > 0) throw new ValidationError([findingsIssue("text", COMMENT_LABEL, findings)]);
  const entry = await deps.library.getEntry(comment.id);
  if (entry?.state !== "gepubliceerd") throw new NotFoundError();
  if (!comment.voice) throw new ForbiddenError();
  return deps.library.addComment({ entry: entry.id, at: deps.clock.now().toISOString(), by: comment.by, voice: comment.voice, text: input.text });
}

const FilterSchema = z.object({
  categorie: z.optional(CategoryCodeSchema),
  jaar: z.optional(z.string().check(z.regex(/^\d{4}$/))),
});
export type LibraryFilter = { categorie?: CategoryCode; jaar?: string };

/** The published entries, newest year first, filtered by category (level 1) and year; the years there are to choose. */
export async function listLibrary(deps: Pick<LibraryDeps, "library">, raw: unknown): Promise<{ entries: LibrarySummary[]; years: number[]; filter: LibraryFilter }> {
  const filter = parseOrThrow(FilterSchema, raw, {
    categorie: { nl: "Kies een onderwerp uit de lijst.", en: "Choose a subject from the list." },
    jaar: { nl: "Kies een jaar uit de lijst.", en: "Choose a year from the list." },
  });
  const all = await deps.library.listEntries("gepubliceerd");
  const years = [...new Set(all.map((e) => e.year))].sort((a, b) => b - a);
  const entries = all
    .filter((e) => (filter.jaar ? e.year === Number(filter.jaar) : true) && (filter.categorie ? e.categories.includes(filter.categorie) : true))
    .sort((a, b) => b.year - a.year || (b.publishedOn ?? "").localeCompare(a.publishedOn ?? "") || a.title.localeCompare(b.title));
  return { entries, years, filter };
}

/** For desk staff: every draft awaiting approval (their own marked), and the drafts sent back to them. */
export async function libraryReview(deps: Pick<LibraryDeps, "library">, by: string): Promise<{ awaiting: (LibrarySummary & { mine: boolean })[]; returned: LibrarySummary[] }> {
  const [awaiting, returned] = await Promise.all([deps.library.listEntries("concept"), deps.library.listEntries("afgewezen")]);
  return {
    awaiting: awaiting.sort((a, b) => a.submittedOn.localeCompare(b.submittedOn)).map((e) => ({ ...e, mine: e.author === by })),
    returned: returned.filter((e) => e.author === by),
  };
}

export interface LibraryViewer {
  id: string;
  /** Desk staff may see drafts awaiting approval (and approve those that are not their own). */
  mayReview: boolean;
}

/**
 * One entry for a reader: published ones for everyone with the right to read the library (with their comments),
 * drafts for desk staff, a returned draft for its author only. Anything else is as absent as an entry that does not
 * exist. The reference to the case is never handed out.
 */
export async function openLibraryEntry(
  deps: Pick<LibraryDeps, "library">,
  viewer: LibraryViewer,
  id: string,
): Promise<{ entry: Omit<LibraryEntry, "ref">; comments: LibraryComment[]; mine: boolean }> {
  if (!z.safeParse(LibraryEntryIdSchema, id).success) throw new NotFoundError();
  const found = await deps.library.getEntry(id);
  const mine = found?.author === viewer.id;
  const visible = found && (found.state === "gepubliceerd" || (found.state === "concept" && viewer.mayReview) || (found.state === "afgewezen" && mine));
  if (!found || !visible) throw new NotFoundError();
  const { ref: _ref, ...entry } = found;
  return { entry, comments: entry.state === "gepubliceerd" ? await deps.library.listComments(entry.id) : [], mine };
}

