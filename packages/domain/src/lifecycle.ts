// The case lifecycle of DESIGN §2 as a table of guarded transitions. A transition names what it must record (a close
// reason, a referral, a conclusion, …); anything not in the table is refused with a message that says what is possible.
// Staff post the step of the case they saw (`caseStep`), so two tabs cannot move a case twice unnoticed, while a mere
// read marker or a deadline notice written meanwhile does not stand in their way.
import * as z from "zod/mini";
import { type AuditLog, audited } from "./audit";
import { hasReferralConsent } from "./consent";
import { addMonths } from "./deadlines";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { type CaseKind, type CaseRecord, CaseIdSchema, type CaseState, CaseStateSchema, DeskIdSchema, type Member, MeasureSchema, MemberIdSchema } from "./model";
import { CloseReasons, Conclusions, Investigations, Referrals } from "./outcomes";
import type { CaseSealer, CaseStore, Clock, RegionStore } from "./ports";
import type { Label } from "./taxonomy";
import { ConsentRequiredError } from "./transfer";
import { parseOrThrow } from "./validation";

/** What a transition must record besides the new state. */
export type Need = "closeReason" | "referral" | "investigation" | "conclusion" | "measures";

type Table = Record<CaseState, Partial<Record<CaseState, Need | null>>>;

const NONE = { ontvangen: {}, bevestigd: {}, triage: {}, vooronderzoek: {}, feitenonderzoek: {}, rapport: {}, besluit: {}, maatregel: {}, "afdoening-lijn": {}, doorverwezen: {}, gesloten: {} };

/** Reports (integriteit and bestuurlijk desks). */
const MELDING: Table = {
  ...NONE,
  ontvangen: { bevestigd: null },
  bevestigd: { triage: null },
  triage: { vooronderzoek: null, "afdoening-lijn": null, doorverwezen: "referral", gesloten: "closeReason" },
  vooronderzoek: { feitenonderzoek: "investigation", gesloten: "closeReason" },
  feitenonderzoek: { rapport: null },
  rapport: { besluit: "conclusion" },
  besluit: { maatregel: "measures", gesloten: null },
  maatregel: { gesloten: null },
  "afdoening-lijn": { gesloten: null },
};

/** Advice contacts with the VP: contact (ontvangen) → advice or support (bevestigd) → closed; a referral needs consent. */
const ADVIES: Table = {
  ...NONE,
  ontvangen: { bevestigd: null, gesloten: null, doorverwezen: "referral" },
  bevestigd: { gesloten: null, doorverwezen: "referral" },
};

const TABLES: Record<CaseKind, Table> = { melding: MELDING, advies: ADVIES };

/** The states a case may move to next, with what each needs. */
export function nextStates(record: Pick<CaseRecord, "kind" | "state">): { to: CaseState; need: Need | null }[] {
  return Object.entries(TABLES[record.kind][record.state]).map(([to, need]) => ({ to: to as CaseState, need: need ?? null }));
}

/** Terminal: nothing is due, the case leaves the queue's top. */
export const isClosed = (state: CaseState) => state === "gesloten" || state === "doorverwezen";

export const TransitionRequestSchema = z.object({
  member: MemberIdSchema,
  caseId: CaseIdSchema,
  /** The desk the staff member works from: the case must be there. */
  desk: DeskIdSchema,
  to: CaseStateSchema,
  /** The step of the case the staff member saw (`caseStep`): a move by someone else in between is not overwritten. */
  seen: z.string().check(z.regex(/^[a-z-]{1,30}#[0-9]{1,5}$/)),
  by: z.string().check(z.minLength(1), z.maxLength(80)),
  closeReason: z.optional(CloseReasons.schema),
  referral: z.optional(Referrals.schema),
  investigation: z.optional(Investigations.schema),
  conclusion: z.optional(Conclusions.schema),
  measures: z.optional(z.array(MeasureSchema).check(z.maxLength(8))),
});
export type TransitionRequest = z.infer<typeof TransitionRequestSchema>;

export interface LifecycleDeps {
  cases: CaseStore;
  region: Pick<RegionStore, "getMember">;
  clock: Clock;
  audit: AuditLog;
  /** Opens the reporter's sealed consent when an advice contact is referred. */
  sealer?: Pick<CaseSealer, "open">;
}

const NEEDED: Record<Need, Label> = {
  closeReason: { nl: "Kies waarom de melding wordt afgesloten.", en: "Choose why the report is closed." },
  referral: { nl: "Kies waarnaar wordt doorverwezen.", en: "Choose where it is referred to." },
  investigation: { nl: "Kies of het onderzoek intern of extern is.", en: "Choose whether the investigation is internal or external." },
  conclusion: { nl: "Kies de conclusie.", en: "Choose the conclusion." },
  measures: { nl: "Kies ten minste één maatregel van uw organisatie (ook 'Geen maatregel' kan).", en: "Choose at least one of your organisation's measures ('No measure' is one)." },
};

export const CONCURRENT_CHANGE: Label = {
  nl: "Iemand anders heeft deze melding intussen gewijzigd. Uw wijziging is niet opgeslagen: bekijk de melding opnieuw en kies dan weer.",
  en: "Someone else changed this case meanwhile. Your change was not saved: look at the case again, then choose again.",
};

/**
 * Where a case is in its course: its state and how many history entries it has. What a page shows it with and posts
 * back; the stored version is not used for this, because it also moves when the reporter opens a message or the
 * deadline job records a notice, which should not refuse a desk's step.
 */
export const caseStep = (record: Pick<CaseRecord, "state" | "history">) => `${record.state}#${record.history.length}`;

/**
 * Moves a case to its next state, recording what the transition needs, in one versioned write. A write that loses to
 * another (a read marker, a notice) is tried again on the fresh case, as long as its step is still the one seen.
 */
export async function transitionCase(deps: LifecycleDeps, raw: unknown): Promise<CaseRecord> {
  const request = parseOrThrow(TransitionRequestSchema, raw);
  for (let attempt = 1; ; attempt++) {
    const record = await deps.cases.getCase(request.member, request.caseId);
    if (!record || record.desk !== request.desk) throw new NotFoundError();
    if (caseStep(record) !== request.seen) throw new ConflictError(CONCURRENT_CHANGE);
    const next = await nextRecord(deps, record, request, attempt === 1);
    try {
      await deps.cases.updateCase(next);
      return next;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
  }
}

/** The case after the step, once every check passed; the step is audited (once) before it is written. */
async function nextRecord(deps: LifecycleDeps, record: CaseRecord, request: TransitionRequest, audit: boolean): Promise<CaseRecord> {
  const allowed = nextStates(record);
  const step = allowed.find((s) => s.to === request.to);
  if (!step) throw new ValidationError([{ field: "to", message: illegal(record.state, allowed.map((s) => s.to)) }]);
  // The consent is sealed: without a sealer to open it (the deadline job has none) the referral is refused.
  if (record.kind === "advies" && request.to === "doorverwezen" && request.referral === "integriteitsbalie" && !(deps.sealer && (await hasReferralConsent(deps.sealer, record)))) {
    throw new ConsentRequiredError();
  }
  if (record.state === "besluit" && request.to === "gesloten" && record.outcome?.conclusion === "schending-vastgesteld") {
    throw new ValidationError([{ field: "to", message: { nl: "Er is een schending vastgesteld: leg eerst de maatregel vast (ook 'Geen maatregel' kan).", en: "A violation was established: record the measure first ('No measure' is one)." } }]);
  }
  const detail = await recorded(deps, record, request, step.need);
  // Every check is done: what is recorded now is a transition that will be attempted, not one that was refused.
  if (audit) await audited(deps, { member: record.member, caseId: record.id, by: request.by }, "transition", request.to);
  const now = deps.clock.now();
  const at = now.toISOString();
  return {
    ...record,
    state: request.to,
    outcome: { ...record.outcome, ...detail.outcome },
    history: [...record.history, { at, state: request.to, by: request.by, ...(detail.code ? { detail: detail.code } : {}) }],
    // An oral or written report's three months run from its acknowledgement (a web report's from receipt, the same day).
    ...(request.to === "bevestigd" && record.channel !== "webformulier" ? { feedbackDueAt: addMonths(now, 3).toISOString() } : {}),
    version: record.version + 1,
  };
}

async function recorded(
  deps: LifecycleDeps,
  record: CaseRecord,
  request: TransitionRequest,
  need: Need | null,
): Promise<{ outcome: NonNullable<CaseRecord["outcome"]>; code?: string }> {
  if (need === null) return { outcome: {} };
  if (need === "measures") {
    const member: Member | undefined = await deps.region.getMember(record.member);
    const offered = member?.measures ?? MeasureSchema.options;
    const chosen = [...new Set(request.measures ?? [])];
    if (chosen.length === 0 || chosen.some((m) => !offered.includes(m))) throw new ValidationError([{ field: "measures", message: NEEDED.measures }]);
    return { outcome: { measures: chosen }, code: chosen.join(",") };
  }
  const value = request[need];
  if (!value) throw new ValidationError([{ field: need, message: NEEDED[need] }]);
  return { outcome: { [need]: value }, code: value };
}

function illegal(from: CaseState, to: CaseState[]): Label {
  if (to.length === 0) return { nl: `Een melding met de status '${from}' kan niet meer verder.`, en: `A case in state '${from}' cannot move on.` };
  return {
    nl: `Vanuit '${from}' kan de melding alleen naar: ${to.join(", ")}.`,
    en: `From '${from}' the case can only move to: ${to.join(", ")}.`,
  };
}
