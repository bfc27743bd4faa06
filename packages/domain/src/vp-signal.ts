// The vertrouwenspersoon's anonymous signal to management (DESIGN §2, workspace issue): what the VP's advice contacts of
// one member over the last twelve months were about, as counts only, with the VP's own remark. No case, date, name or
// text leaves the desk; a count from 1 to 4 is sent as "<5", and no total is given, so none can be worked back.
import * as z from "zod/mini";
import type { CaseSummary, Desk, Member } from "./model";
import type { CaseStore, Clock, Mailer } from "./ports";
import { addMonths } from "./deadlines";
import type { StaffStore } from "./staff";
import { type CategoryCode, TAXONOMY } from "./taxonomy";
import { ValidationError } from "./errors";
import { parseOrThrow } from "./validation";

export const SIGNAL_MONTHS = 12;
/** Counts below this are sent as "<5" (the same threshold as the regional statistics, DESIGN §4). */
export const SIGNAL_MIN_COUNT = 5;

export type SignalCount = number | "<5";

export interface VpSignal {
  from: Date;
  to: Date;
  /** Per subject (taxonomy level 1) with at least one contact; the rest as "<5". Never a total. */
  bySubject: { category: CategoryCode; count: SignalCount }[];
}

const shown = (n: number): SignalCount => (n >= SIGNAL_MIN_COUNT ? n : "<5");

/** The aggregates of a member's advice contacts on a VP desk received in the last SIGNAL_MONTHS. Pure. */
export function vpSignal(contacts: Pick<CaseSummary, "kind" | "categories" | "receivedAt">[], now: Date): VpSignal {
  const from = addMonths(now, -SIGNAL_MONTHS);
  const inPeriod = contacts.filter((c) => c.kind === "advies" && new Date(c.receivedAt) >= from && new Date(c.receivedAt) <= now);
  const counts = new Map<CategoryCode, number>();
  for (const c of inPeriod) for (const category of c.categories) counts.set(category, (counts.get(category) ?? 0) + 1);
  const bySubject = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([category, n]) => ({ category, count: shown(n) }));
  return { from, to: now, bySubject };
}

export interface VpSignalDeps {
  cases: CaseStore;
  staff: Pick<StaffStore, "listStaff">;
  mailer: Mailer;
  clock: Clock;
}

const RemarkSchema = z.object({ remark: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)) });

/** Every advice contact of the member on the desk, open and closed (a VP desk holds a few hundred a year at most). */
export async function adviceContacts(cases: CaseStore, member: string, desk: string): Promise<CaseSummary[]> {
  const all: CaseSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await cases.listDeskQueue(member, desk, { limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

/** Sends the signal to the member's administrators; answers how many received it. */
export async function sendVpSignal(deps: VpSignalDeps, input: { desk: Desk; member: Member; remark: unknown }): Promise<{ recipients: number }> {
  const { remark } = parseOrThrow(RemarkSchema, { remark: input.remark }, { remark: { nl: "Schrijf uw signaal.", en: "Write your signal." } });
  const to = (await deps.staff.listStaff())
    .filter((s) => s.roles.some((r) => r.role === "member-admin" && r.member === input.member.id))
    .map((s) => s.email);
  if (to.length === 0) {
    throw new ValidationError([{ field: "remark", message: { nl: "Deze organisatie heeft nog geen beheerder die het signaal kan ontvangen.", en: "This organisation has no administrator yet to receive the signal." } }]);
  }
  const signal = vpSignal(await adviceContacts(deps.cases, input.member.id, input.desk.id), deps.clock.now());
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const lines = signal.bySubject.map((s) => `- ${TAXONOMY[s.category].label.nl} / ${TAXONOMY[s.category].label.en}: ${s.count}`);
  await deps.mailer.send({
    to,
    subject: `Signaal van de vertrouwenspersoon / Signal from the confidential advisor (${input.member.name})`,
    text: [
      `Signaal van ${input.desk.name} over ${input.member.name}.`,
      "",
      remark,
      "",
      `Adviescontacten ${day(signal.from)} tot ${day(signal.to)} per onderwerp (aantallen onder 5 als "<5"; geen personen, geen meldingen):`,
      `Advice contacts ${day(signal.from)} to ${day(signal.to)} by subject (counts under 5 as "<5"; no people, no cases):`,
      ...(lines.length ? lines : ["- (geen / none)"]),
    ].join("\n"),
  });
  return { recipients: to.length };
}
