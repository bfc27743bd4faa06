// The statistics job's snapshots against real dynalite (docs/decisions.md 38): kept per member and half-year, a later
// count wins, one Query returns a range of half-years; and the job and the dashboard's loader on real case items: the
// loader reads the snapshots and no case, counts live only what the job has not counted, and both give the same tallies.
import { type DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import type { CaseRecord } from "@meldpunt/domain";
import {
  crossMemberTallies,
  loadHalfYearTallies,
  parsePeriod,
  reachableHalfYears,
  runStatisticsJob,
  STATISTICS_VERSION,
  type StatisticsSnapshot,
} from "@meldpunt/domain/staff";
import { describe, expect, it } from "vitest";
import { createStatisticsStore, statisticsKey } from "../src/statistics-store";
import { makeCase, makeDesk, makeMember, useDynalite } from "./fixtures";

const NOW = new Date("2026-11-22T03:00:00Z");
const snapshot = (over: Partial<StatisticsSnapshot> = {}): StatisticsSnapshot => ({
  member: "gemeente-a",
  period: "2026-H1",
  asOf: NOW.toISOString(),
  version: STATISTICS_VERSION,
  tallies: { meldingen: { cases: 3, counts: [], spreads: [] } },
  ...over,
});

/** Counts the client's requests by command, from now on. */
function countRequests(client: DynamoDBClient): Record<string, number> {
  const counts: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      counts[context.commandName as string] = (counts[context.commandName as string] ?? 0) + 1;
      return next(args);
    },
    { step: "initialize" },
  );
  return counts;
}

describe("the statistics snapshots", () => {
  const db = useDynalite();

  it("keep one item per member and half-year under STATS, and list a range of half-years in one Query", async () => {
    const stats = createStatisticsStore(db);
    for (const period of ["2025-H2", "2026-H1", "2026-H2"]) {
      for (const member of ["gemeente-a", "gemeente-b"]) await stats.put(snapshot({ member, period }));
    }
    expect(statisticsKey("2026-H1", "gemeente-a")).toEqual({ pk: "STATS", sk: "2026-H1#gemeente-a" });
    const listed = await stats.list("2026-H1", "2026-H2");
    expect(listed.map((s) => `${s.period} ${s.member}`)).toEqual(["2026-H1 gemeente-a", "2026-H1 gemeente-b", "2026-H2 gemeente-a", "2026-H2 gemeente-b"]);
    expect(listed[0]).toEqual(snapshot());
  });

  it("keep the later count when two runs write the same snapshot, and refuse a malformed one", async () => {
    const stats = createStatisticsStore(db);
    const later = snapshot({ member: "gemeente-c", asOf: "2026-11-22T04:00:00.000Z", tallies: { meldingen: { cases: 5, counts: [], spreads: [] } } });
    await stats.put(later);
    await stats.put(snapshot({ member: "gemeente-c" }));
    expect((await stats.list("2026-H1", "2026-H1")).find((s) => s.member === "gemeente-c")).toEqual(later);
    await expect(stats.put(snapshot({ member: "gemeente-c", period: "2026" }))).rejects.toThrow();
    await expect(stats.put(snapshot({ member: "gemeente-c", tallies: { meldingen: { cases: -1, counts: [], spreads: [] } } }))).rejects.toThrow();
  });
});

describe("the statistics job and the dashboard's loader", () => {
  const db = useDynalite("meldpunt-stats");
  const members = [makeMember({ id: "gemeente-a", routes: { vp: "vp-a", integriteit: "integriteit-a" } }), makeMember({ id: "gemeente-b", name: "Gemeente B", routes: { vp: "vp-b", integriteit: "integriteit-b" } })];
  const desks = ["a", "b"].flatMap((m) => [
    makeDesk({ id: `integriteit-${m}`, owner: `gemeente-${m}`, serves: [`gemeente-${m}`] }),
    makeDesk({ id: `vp-${m}`, type: "vp", name: `VP ${m}`, owner: `gemeente-${m}`, serves: [`gemeente-${m}`] }),
  ]);
  const cases: CaseRecord[] = [];

  async function seed() {
    for (const m of members) await db.store.region.putMember(m);
    for (const d of desks) await db.store.region.putDesk(d);
    // Two years of cases, a few a month per member, some on the bestuurlijk track, some advice contacts, some closed.
    for (let i = 0; i < 96; i++) {
      const member = i % 2 === 0 ? "gemeente-a" : "gemeente-b";
      const received = new Date(Date.UTC(2024, 10, 1) + i * 7 * 86_400_000);
      const at = (days: number) => new Date(received.getTime() + days * 86_400_000).toISOString();
      const advice = i % 5 === 0;
      const record = makeCase({
        member,
        desk: `${advice ? "vp" : "integriteit"}-${member.slice(-1)}`,
        kind: advice ? "advies" : "melding",
        track: i % 7 === 0 ? "bestuurlijk" : "ambtelijk",
        receivedAt: at(0),
        ackDueAt: at(7),
        feedbackDueAt: at(97),
        ...(i % 3 === 0 ? { feedbackAt: at(20 + (i % 90)) } : {}),
        state: i % 4 === 0 ? "gesloten" : "bevestigd",
        history: [
          { at: at(0), state: "ontvangen", by: "melder" },
          { at: at(i % 10), state: "bevestigd", by: "systeem" },
          ...(i % 4 === 0 ? [{ at: at(11), state: "triage" as const, by: "x" }, { at: at(30 + i), state: "gesloten" as const, by: "x" }] : []),
        ],
        ...(i % 4 === 0 && !advice ? { outcome: { closeReason: "geen-vermoeden" as const } } : {}),
      });
      await db.store.cases.createCase(record);
      cases.push(record);
    }
  }

  it("counts every reachable half-year of every member once, and the loader then reads only the snapshots", async () => {
    await seed();
    const stats = createStatisticsStore(db);
    const clock = { now: () => NOW };
    const summary = await runStatisticsJob({ ...db.store, snapshots: stats, clock });
    const halfYears = reachableHalfYears(NOW);
    // The oldest choice, 2024-H1, shows a trend from 2022-H2; the newest is the half-year running now.
    expect(halfYears.map((h) => h.id)).toEqual(["2022-H2", "2023-H1", "2023-H2", "2024-H1", "2024-H2", "2025-H1", "2025-H2", "2026-H1", "2026-H2"]);
    expect(summary).toEqual({ members: 2, halfYears: 9, snapshots: 18, cases: cases.length });

    const requests = countRequests(db.client);
    const wanted = ["2025-H1", "2025-H2", "2026-H1"].map(parsePeriod);
    const loaded = await loadHalfYearTallies({ ...db.store, snapshots: stats, clock: { now: () => new Date("2026-11-23T12:00:00Z") } }, ["gemeente-a", "gemeente-b"], desks, wanted);
    // One Query of the snapshots' key range: no case is read, however many there are.
    expect(requests).toEqual({ QueryCommand: 1 });
    expect(loaded.asOf).toEqual(NOW);
    for (const half of wanted) {
      for (const member of ["gemeente-a", "gemeente-b"]) {
        expect(loaded.tallies.get(half.id)?.get(member)).toEqual(crossMemberTallies(cases.filter((c) => c.member === member), half.id, NOW));
      }
    }
  });

  it("counts from the cases only the members and half-years without a current snapshot", async () => {
    const stats = createStatisticsStore(db);
    // A member who joined after the job ran, and a snapshot of another version of the figures.
    const c = makeMember({ id: "gemeente-c", name: "Gemeente C", routes: { vp: "vp-b", integriteit: "integriteit-c" } });
    const deskC = makeDesk({ id: "integriteit-c", owner: "gemeente-c", serves: ["gemeente-c"] });
    await db.store.region.putMember(c);
    await db.store.region.putDesk(deskC);
    const record = makeCase({ member: "gemeente-c", desk: "integriteit-c", receivedAt: "2026-02-01T10:00:00.000Z", ackDueAt: "2026-02-08T10:00:00.000Z", feedbackDueAt: "2026-05-08T10:00:00.000Z", history: [{ at: "2026-02-01T10:00:00.000Z", state: "ontvangen", by: "melder" }] });
    await db.store.cases.createCase(record);
    const old = snapshot({ member: "gemeente-b", period: "2026-H1", asOf: "2026-11-22T05:00:00.000Z", version: STATISTICS_VERSION - 1 });
    await db.client.send(new PutItemCommand({ TableName: db.tableName, Item: marshall({ ...statisticsKey(old.period, old.member), ...old }) }));

    const later = new Date("2026-11-23T12:00:00Z");
    const requests = countRequests(db.client);
    const wanted = [parsePeriod("2026-H1")];
    const loaded = await loadHalfYearTallies({ ...db.store, snapshots: stats, clock: { now: () => later } }, ["gemeente-a", "gemeente-b", "gemeente-c"], [...desks, deskC], wanted);
    // The snapshots, then one Query per desk that holds a member counted live: gemeente-b (2 desks) and gemeente-c (1).
    expect(requests).toEqual({ QueryCommand: 4 });
    // The earliest count among them: gemeente-a's snapshot.
    expect(loaded.asOf).toEqual(NOW);
    expect(loaded.tallies.get("2026-H1")?.get("gemeente-c")?.meldingen?.cases).toBe(1);
    expect(loaded.tallies.get("2026-H1")?.get("gemeente-b")).toEqual(crossMemberTallies(cases.filter((x) => x.member === "gemeente-b"), "2026-H1", later));
  });
});
