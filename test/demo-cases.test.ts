// The demo cases of DESIGN §6, seeded into a real embedded hub: enough of them, valid, spread over two years and over
// every member, desk type and state, some overdue, seeded once only, three documented codes that open their cases,
// every other demo case closed to any code, and no personal names in any text.
import { createApp } from "@meldpunt/api";
import { type CaseRecord, CaseRecordSchema, decodeContent, openMailbox, signInWithReceipt, ValidationError } from "@meldpunt/domain";
import { historyPart } from "@meldpunt/domain/staff";
import { createLocalDeps, type LocalDeps } from "@meldpunt/local";
import { DEMO_CASE_COUNT, DEMO_RECEIPTS, demoCasePlan, seedDemoCases, UNUSABLE_RECEIPT_HASH } from "@meldpunt/local/demo-cases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseItems, TEST_SCRYPT_COST, tempDir, viewMailbox } from "./support/local";

let dir: Awaited<ReturnType<typeof tempDir>>;
let local: LocalDeps;
let cases: CaseRecord[];
let seedMs: number;
const now = new Date();

async function readCases(): Promise<CaseRecord[]> {
  const items = await caseItems(local);
  const records = await Promise.all(items.map((item) => local.deps.cases.getCase(item.member as string, item.id as string)));
  return records.map((r) => CaseRecordSchema.parse(r));
}

beforeAll(async () => {
  dir = await tempDir("meldpunt-demo-");
  const started = performance.now();
  local = await createLocalDeps({ dataDir: dir.path, scryptCost: TEST_SCRYPT_COST, logLevel: "SILENT", demoCases: true });
  seedMs = performance.now() - started;
  cases = await readCases();
}, 60_000);
afterAll(async () => {
  await local?.close();
  await dir?.remove();
});

describe("the demo cases", () => {
  it("are all there, and every one is a valid case record", () => {
    expect(cases).toHaveLength(DEMO_CASE_COUNT);
    expect(new Set(cases.map((c) => c.id)).size).toBe(DEMO_CASE_COUNT);
    expect(seedMs).toBeLessThan(30_000);
  });

  it("are spread over at least 20 of the last 24 months, all in the past", () => {
    const months = new Set(cases.map((c) => c.receivedAt.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(20);
    const twoYearsAgo = new Date(now.getTime() - 731 * 24 * 60 * 60 * 1000);
    for (const c of cases) {
      expect(new Date(c.receivedAt).getTime()).toBeGreaterThanOrEqual(twoYearsAgo.getTime());
      expect(new Date(c.receivedAt).getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it("cover every member, every desk type, every track and every state of the lifecycle", async () => {
    const members = await local.deps.region.listMembers();
    for (const member of members) expect(cases.some((c) => c.member === member.id), member.id).toBe(true);
    const desks = new Map((await local.deps.region.listDesks()).map((d) => [d.id, d]));
    const deskTypes = new Set(cases.map((c) => desks.get(c.desk)?.type));
    expect([...deskTypes].sort()).toEqual(["bestuurlijk", "intake", "integriteit", "vp"]);
    expect(new Set(cases.map((c) => c.track))).toEqual(new Set(["ambtelijk", "bestuurlijk", "wbk"]));
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(["melding", "advies"]));
    const states = new Set(cases.map((c) => c.state));
    for (const state of CaseRecordSchema.shape.state.options) expect(states.has(state), state).toBe(true);
    // Every case sits on a desk that serves its member, or at regional intake (a conflict of interest, no route).
    for (const c of cases) {
      const desk = desks.get(c.desk);
      expect(desk?.type === "intake" || desk?.serves.includes(c.member), c.id).toBe(true);
    }
  });

  it("have realistic distributions", () => {
    const share = (pick: (c: CaseRecord) => boolean) => cases.filter(pick).length / cases.length;
    expect(share((c) => c.categories.includes("omgang")) + share((c) => c.categories.includes("belangen"))).toBeGreaterThan(0.5);
    for (const category of ["financieel", "informatie", "misstand"] as const) expect(cases.some((c) => c.categories.includes(category)), category).toBe(true);
    expect(share((c) => c.categories.includes("misstand"))).toBeLessThan(0.1);
    expect(share((c) => c.reporterType === "medewerker")).toBeGreaterThan(0.5);
    expect(share((c) => c.reporterType === "inwoner")).toBeGreaterThan(0.03);
    expect(share((c) => c.reporterType === "inwoner")).toBeLessThan(0.2);
    expect(share((c) => c.channel === "webformulier")).toBeGreaterThan(0.4);
    for (const channel of ["telefoon", "gesprek", "email", "brief"] as const) expect(cases.some((c) => c.channel === channel), channel).toBe(true);
    expect(new Set(cases.map((c) => c.relation)).size).toBeGreaterThanOrEqual(5);
  });

  it("have histories in order, by the system, the reporter or a demo staff id, ending in the case's state", () => {
    for (const c of cases) {
      expect(c.history[0]?.state, c.id).toBe("ontvangen");
      expect(c.history[0]?.at.slice(0, 10)).toBe(c.receivedAt.slice(0, 10));
      expect(c.history.at(-1)?.state, c.id).toBe(c.state);
      const times = c.history.map((h) => h.at);
      expect([...times].sort(), c.id).toEqual(times);
      for (const h of c.history) {
        expect(h.by).toMatch(/^(melder|systeem|demo-[a-z0-9-]+)$/);
        expect(new Date(h.at).getTime()).toBeLessThanOrEqual(now.getTime());
      }
      expect(new Date(c.ackDueAt).getTime()).toBeGreaterThan(new Date(c.receivedAt).getTime());
    }
    expect(cases.some((c) => c.history.some((h) => h.event === "doorgestuurd" && h.note))).toBe(true);
  });

  it("record what the desk recorded on the way: close reasons, investigations, conclusions, measures, referrals, feedback", () => {
    for (const c of cases) {
      const states: string[] = c.history.filter((h) => !h.event).map((h) => h.state);
      const after = (state: string) => states[states.indexOf(state) - 1];
      if (c.state === "gesloten" && ["triage", "vooronderzoek"].includes(after("gesloten") ?? "")) expect(c.outcome?.closeReason, c.id).toBeDefined();
      if (states.includes("maatregel")) expect([c.outcome?.conclusion, c.outcome?.measures?.length], c.id).toEqual(["schending-vastgesteld", expect.any(Number)]);
      if (states.includes("besluit") && !states.includes("maatregel")) expect(c.outcome?.conclusion, c.id).not.toBe("schending-vastgesteld");
      if (states.includes("feitenonderzoek")) expect(c.outcome?.investigation, c.id).toBeDefined();
      if (c.state === "doorverwezen") expect(c.outcome?.referral, c.id).toBeDefined();
      if (c.kind === "advies") expect(c.feedbackAt, c.id).toBeUndefined();
    }
    const reports = cases.filter((c) => c.kind === "melding" && c.feedbackAt);
    expect(reports.filter((c) => c.feedbackAt && c.feedbackAt <= c.feedbackDueAt).length).toBeGreaterThan(reports.length / 2);
    expect(reports.some((c) => c.feedbackAt && c.feedbackAt > c.feedbackDueAt)).toBe(true);
  });

  it("include overdue acknowledgements and overdue feedback", () => {
    const overdueAck = cases.filter((c) => c.state === "ontvangen" && new Date(c.ackDueAt) < now);
    const overdueFeedback = cases.filter((c) => !["ontvangen", "gesloten"].includes(c.state) && new Date(c.feedbackDueAt) < now);
    expect(overdueAck.length).toBeGreaterThanOrEqual(1);
    expect(overdueFeedback.length).toBeGreaterThanOrEqual(3);
  });

  it("are seeded once: a second seeding, or a restart, adds nothing", async () => {
    const { cases: store, region, sealer, receipts, clock } = local.deps;
    expect(await seedDemoCases({ cases: store, region, sealer, receipts, clock })).toEqual({ created: 0 });
    expect(await caseItems(local)).toHaveLength(DEMO_CASE_COUNT);
  });

  it("the three documented codes open their cases, through the domain and through POST /opvolgen", async () => {
    const app = createApp(local.deps);
    for (const { code } of DEMO_RECEIPTS) {
      const status = await openMailbox(local.deps, await signInWithReceipt(local.deps, code));
      expect(status.description).toContain("Demomelding");
      const page = await viewMailbox(app.request, code);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Demomelding");
    }
    const documented = cases.filter((c) => c.receipt.hash !== UNUSABLE_RECEIPT_HASH);
    expect(documented).toHaveLength(DEMO_RECEIPTS.length);
    expect(new Set(documented.map((c) => c.state))).toEqual(new Set(["triage", "feitenonderzoek", "gesloten"]));
  });

  it("every other demo case opens with no code: its hash is unusable", async () => {
    const others = cases.filter((c) => c.receipt.hash === UNUSABLE_RECEIPT_HASH);
    expect(others).toHaveLength(DEMO_CASE_COUNT - DEMO_RECEIPTS.length);
    // The hash check refuses it without throwing, for any well-formed secret.
    for (const secret of ["0000000000000000", "ZZZZZZZZZZZZZZZZ", "7VC9YN3XAJST9PTX"]) {
      expect(await local.deps.receipts.verify(secret, UNUSABLE_RECEIPT_HASH)).toBe(false);
    }
    for (const c of others.slice(0, 3)) {
      const code = `${c.receipt.locator}${"A1B2C3D4E5F6G7H8"}`;
      await expect(signInWithReceipt(local.deps, code)).rejects.toBeInstanceOf(ValidationError);
    }
  });

  it("contain no personal names, in whatever case they are written", async () => {
    const texts: string[] = demoCasePlan().map((p) => p.text);
    for (const c of cases) {
      const ctx = { member: c.member, caseId: c.id };
      const content = decodeContent(await local.deps.sealer.open(ctx, c.dataKey, c.content));
      texts.push(JSON.stringify(content));
      for (const [index, h] of c.history.entries()) {
        if (h.note) texts.push(new TextDecoder().decode(await local.deps.sealer.open(ctx, c.dataKey, h.note, historyPart(index))));
      }
    }
    const names = namesIn(texts.join("\n"));
    expect(names).toEqual([]);
    // The check itself works, whatever the case or accents.
    expect(namesIn("Mijn collega JANSEN en pIeTeR, en mevrouw De  Vries; ook Inge.")).toEqual(["jansen", "pieter", "de vries", "inge"]);
  });
});

/** Common Dutch first names and surnames, and those of the demo staff accounts. */
const FIRST_NAMES = ["jan", "piet", "pieter", "kees", "henk", "gerard", "johan", "willem", "marieke", "jeroen", "linda", "ruud", "els", "sarah", "fatima", "anna", "emma", "sanne", "lisa", "inge", "thomas", "daan", "bram", "sem", "lucas", "mohammed", "ingrid", "monique", "sandra", "petra", "erik", "mark", "dennis", "karin", "anouk", "sophie", "joost", "martijn", "wim", "ans"];
const SURNAMES = ["jansen", "janssen", "de jong", "de vries", "van den berg", "van dijk", "bakker", "visser", "smit", "meijer", "mulder", "de boer", "dekker", "bos", "vos", "peters", "hendriks", "van leeuwen", "dijkstra", "kok", "el amrani", "de graaf", "van der meer", "brouwer", "de wit", "koster", "prins"];

function namesIn(text: string): string[] {
  // Lower case, accents off, runs of non-letters to one space: "De  VRIES," and "de vries" read the same.
  const normal = ` ${text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}]+/gu, " ")} `;
  return [...FIRST_NAMES, ...SURNAMES].filter((name) => normal.includes(` ${name} `)).sort((a, b) => normal.indexOf(` ${a} `) - normal.indexOf(` ${b} `));
}
