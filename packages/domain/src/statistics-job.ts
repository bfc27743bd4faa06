// Statistics that cost members × periods (issue 6 item 6; docs/decisions.md 38). Every night the statistics job counts
// each member's cases once and keeps, per member and per half-year the board can reach, what the views across members
// count of them (CrossMemberTallies: numbers only, no case, no id). The board's dashboard reads those small items, one
// Query for every member and period, and never the cases. A member and half-year the job has not counted yet (a new
// member, the first night, a figure changed by a deploy) is counted from the cases while the dashboard is made.
import * as z from "zod/mini";
import { IsoDateTimeSchema, type Desk, type MemberId, MemberIdSchema } from "./model";
import type { CaseStore, Clock, RegionStore } from "./ports";
import { boardDashboardPeriods, boardPeriodOptions, halvesOf, loadCaseFacts } from "./reporting";
import { type CrossMemberTallies, crossMemberTallies, currentTallies, type Period, type PeriodId, parsePeriod } from "./statistics";

/** Bump when a figure's meaning changes without its shape changing: snapshots of another version are counted again. */
export const STATISTICS_VERSION = 1;

const count = z.number().check(z.int(), z.minimum(0));
const TallySchema = z.object({ cases: count, counts: z.array(count), spreads: z.array(z.record(z.string(), count)) });

export const StatisticsSnapshotSchema = z.object({
  member: MemberIdSchema,
  period: z.string().check(z.regex(/^2\d{3}-H[12]$/)),
  /** When it was counted: deadlines that had passed by then count as missed. */
  asOf: IsoDateTimeSchema,
  version: z.number(),
  tallies: z.record(z.string(), TallySchema),
});
export type StatisticsSnapshot = z.infer<typeof StatisticsSnapshotSchema>;

/** Where the job keeps its snapshots (one per member and half-year). */
export interface StatisticsSnapshots {
  /** Keeps the snapshot, unless one counted later is already there (two runs at once cannot go back in time). */
  put(snapshot: StatisticsSnapshot): Promise<void>;
  /** Every stored snapshot of the half-years from `from` to `to`, both included. */
  list(from: PeriodId, to: PeriodId): Promise<StatisticsSnapshot[]>;
}

/** The half-years a dashboard for `period` adds up: its trend's and its year's, oldest first. */
export function boardHalfYears(period: string): Period[] {
  return [...new Set(boardDashboardPeriods(period).flatMap(halvesOf))].sort().map(parsePeriod);
}

/** Every half-year any dashboard the board can open today needs, oldest first: what the job keeps counted. */
export function reachableHalfYears(now: Date): Period[] {
  return [...new Set(boardPeriodOptions(now).flatMap((p) => boardHalfYears(p).map((h) => h.id)))].sort().map(parsePeriod);
}

export interface StatisticsJobDeps {
  cases: Pick<CaseStore, "listCaseFacts">;
  region: Pick<RegionStore, "listMembers" | "listDesks">;
  snapshots: StatisticsSnapshots;
  clock: Clock;
}

/** For logs: counts only. */
export interface StatisticsJobSummary {
  members: number;
  halfYears: number;
  snapshots: number;
  /** Cases read (their metadata only). */
  cases: number;
}

/** Counts every member's reachable half-years again and keeps them. A rerun replaces them with newer counts. */
export async function runStatisticsJob(deps: StatisticsJobDeps): Promise<StatisticsJobSummary> {
  const asOf = deps.clock.now();
  const halfYears = reachableHalfYears(asOf);
  const [members, desks] = await Promise.all([deps.region.listMembers(), deps.region.listDesks()]);
  let cases = 0;
  // One member at a time: the job holds one member's case metadata, not the region's.
  for (const member of members) {
    const facts = await loadCaseFacts(deps.cases, [member.id], desks, halfYears);
    cases += facts.length;
    await Promise.all(
      halfYears.map((half) =>
        deps.snapshots.put({ member: member.id, period: half.id, asOf: asOf.toISOString(), version: STATISTICS_VERSION, tallies: crossMemberTallies(facts, half.id, asOf) }),
      ),
    );
  }
  return { members: members.length, halfYears: halfYears.length, snapshots: members.length * halfYears.length, cases };
}

/** Each half-year's tallies per member. */
export type HalfYearTallies = ReadonlyMap<PeriodId, ReadonlyMap<MemberId, CrossMemberTallies>>;

/**
 * The members' tallies of the half-years: the job's snapshots where it has counted them with today's figures, and the
 * rest counted now from the cases (one read per member that lacks any). `asOf`: the earliest moment any was counted.
 */
export async function loadHalfYearTallies(
  deps: { cases: Pick<CaseStore, "listCaseFacts">; snapshots: StatisticsSnapshots; clock: Clock },
  members: readonly MemberId[],
  desks: readonly Pick<Desk, "id" | "type" | "serves">[],
  halfYears: readonly Period[],
): Promise<{ tallies: HalfYearTallies; asOf: Date }> {
  const ids = halfYears.map((h) => h.id).sort();
  const tallies = new Map<PeriodId, Map<MemberId, CrossMemberTallies>>(ids.map((id) => [id, new Map()]));
  let asOf: Date | undefined;
  const earliest = (at: Date) => {
    if (!asOf || at < asOf) asOf = at;
  };
  const wanted = new Set<string>(members);
  for (const snapshot of await deps.snapshots.list(ids[0] as PeriodId, ids.at(-1) as PeriodId)) {
    const counted = snapshot.version === STATISTICS_VERSION ? currentTallies(snapshot.tallies) : undefined;
    const half = tallies.get(snapshot.period as PeriodId);
    if (!counted || !half || !wanted.has(snapshot.member)) continue;
    half.set(snapshot.member, counted);
    earliest(new Date(snapshot.asOf));
  }
  const now = deps.clock.now();
  await Promise.all(
    members.map(async (member) => {
      const missing = halfYears.filter((h) => !tallies.get(h.id)?.has(member));
      if (missing.length === 0) return;
      earliest(now);
      const facts = await loadCaseFacts(deps.cases, [member], desks, missing);
      for (const half of missing) tallies.get(half.id)?.set(member, crossMemberTallies(facts, half.id, now));
    }),
  );
  return { tallies, asOf: asOf ?? now };
}
