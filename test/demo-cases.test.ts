// The demo cases of DESIGN §6, seeded into a real embedded hub: enough of them, valid, spread over two years and over
// every member, desk type and state, some overdue, seeded once only, three documented codes that open their cases,
// every other demo case closed to any code, and no personal names in any text. And what the desk and the reporter did
// on the way, made by the domain's own functions: messages both ways with the feedback among them, internal notes,
// files, person tags with their signal counts, VP registrations, consent, written records to review, and each member's
// audit trail of it, a chain that verifies; nothing of it in clear in the store or the blobs.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { createApp } from "@meldpunt/api";
import {
  type AuditEntry,
  type CaseRecord,
  CaseRecordSchema,
  decodeContent,
  type MailboxMessage,
  openAttachment,
  openConsent,
  openMailbox,
  readMessages,
  signInWithReceipt,
  ValidationError,
} from "@meldpunt/domain";
import { buildQueue, historyPart, notePart, signalCounts } from "@meldpunt/domain/staff";
import { type LocalHub, startLocalHub } from "@meldpunt/local";
import {
  DEMO_AUDIT_MONTHS,
  DEMO_CASE_COUNT,
  DEMO_PERSON_NAMES,
  DEMO_RECEIPTS,
  demoCaseId,
  demoCasePlan,
  seedDemoCases,
  UNUSABLE_RECEIPT_HASH,
} from "@meldpunt/local/demo-cases";
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, logIn } from "./support/browserless";
import { caseItems, rawItems, TEST_SCRYPT_COST, tempDir, viewMailbox } from "./support/local";

let dir: Awaited<ReturnType<typeof tempDir>>;
let local: LocalHub;
let cases: CaseRecord[];
let seedMs: number;
const now = new Date();
/** After seeding: nothing the seeding wrote may be later than this. */
let seeded: Date;
/** Every message of every demo case, opened (the desk's view: `isNew` marks what the desk had not read). */
let messages: Map<string, MailboxMessage[]>;
/** The audit trail of every member, oldest first. */
let trails: Map<string, AuditEntry[]>;

async function readCases(): Promise<CaseRecord[]> {
  const items = await caseItems(local);
  const records = await Promise.all(items.map((item) => local.deps.cases.getCase(item.member as string, item.id as string)));
  return records.map((r) => CaseRecordSchema.parse(r));
}

beforeAll(async () => {
  dir = await tempDir("meldpunt-demo-");
  const started = performance.now();
  local = await startLocalHub({ dataDir: dir.path, port: 0, scryptCost: TEST_SCRYPT_COST, logLevel: "SILENT", demoCases: true });
  seedMs = performance.now() - started;
  seeded = new Date();
  cases = await readCases();
  messages = new Map(await Promise.all(cases.map(async (c) => [c.id, await readMessages(local.deps, c, "melder")] as const)));
  const members = await local.deps.region.listMembers();
  trails = new Map(await Promise.all(members.map(async (m) => [m.id, (await local.deps.audit.readAll(m.id)).entries] as const)));
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
    const { cases: store, region, sealer, receipts, clock, blobs, inspector, tags, signals, audit } = local.deps;
    const before = await rawItems(local);
    expect(await seedDemoCases({ cases: store, region, sealer, receipts, clock, blobs, inspector, tags, signals, audit })).toEqual({ created: 0 });
    expect(await caseItems(local)).toHaveLength(DEMO_CASE_COUNT);
    // Not one item more: no audit entry, person tag or anything else written twice.
    expect(await rawItems(local)).toHaveLength(before.length);
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
      texts.push(...(await openedNotes(c)), ...(messages.get(c.id) ?? []).map((m) => m.text));
      for (const file of c.attachments?.filter((a) => a.type === "txt") ?? []) {
        texts.push(new TextDecoder().decode((await openAttachment(local.deps, c, file.id))?.bytes));
      }
    }
    const names = namesIn(texts.join("\n"));
    expect(names).toEqual([]);
    // The check itself works, whatever the case or accents.
    expect(namesIn("Mijn collega JANSEN en pIeTeR, en mevrouw De  Vries; ook Inge.")).toEqual(["jansen", "pieter", "de vries", "inge"]);
  });
});

const DAY_PRECISION = /T00:00:00\.000Z$/;
const isDeskStaff = (by: string | undefined) => /^demo-[a-z0-9-]+$/.test(by ?? "");
const openedNotes = (c: CaseRecord) =>
  Promise.all((c.notes ?? []).map(async (n) => new TextDecoder().decode(await local.deps.sealer.open({ member: c.member, caseId: c.id }, c.dataKey, n.body, notePart(n.id)))));
const byKey = (key: string) => cases.find((c) => c.id === demoCaseId(key)) as CaseRecord;
const ANSWER_OF_DOC_1 = "Het begon ongeveer een halfjaar geleden.";

describe("what desk and reporter did on the way", () => {
  it("messages both ways on a good share of the cases past bevestigd, in order, within the case's own time", () => {
    const past = cases.filter((c) => c.history.some((h) => h.state !== "ontvangen" && h.state !== "bevestigd"));
    const both = past.filter((c) => (c.messages ?? []).some((m) => m.from === "balie") && (c.messages ?? []).some((m) => m.from === "melder"));
    expect(both.length).toBeGreaterThan(past.length / 4);
    for (const c of cases) {
      const list = c.messages ?? [];
      expect(list.map((m) => m.id), c.id).toEqual(list.map((_, i) => String(i)));
      expect(list.map((m) => m.at), c.id).toEqual(list.map((m) => m.at).sort());
      for (const m of list) {
        expect(m.at >= c.receivedAt && new Date(m.at) <= seeded, c.id).toBe(true);
        // The reporter's times are days (decisions.md 4); the desk's messages name the staff member.
        if (m.from === "melder") expect(m.at, c.id).toMatch(DAY_PRECISION);
        else expect(isDeskStaff(m.by), c.id).toBe(true);
        if (m.readAt) expect(m.readAt >= m.at && new Date(m.readAt) <= seeded, c.id).toBe(true);
        if (m.from === "balie" && m.readAt) expect(m.readAt, c.id).toMatch(DAY_PRECISION);
      }
      // Nothing is written to the reporter of a closed case after it closed.
      const closed = c.history.find((h) => h.state === "gesloten")?.at;
      if (closed) for (const m of list) expect(m.at < closed, c.id).toBe(true);
      for (const h of c.history.filter((h) => h.by === "melder")) expect(h.at, c.id).toMatch(DAY_PRECISION);
    }
    // Every message opens, and says something.
    for (const list of messages.values()) for (const m of list) expect(m.text.length).toBeGreaterThan(10);
  });

  it("a terugkoppeling message wherever feedbackAt is set, at that moment, before the case closed", () => {
    const withFeedback = cases.filter((c) => c.feedbackAt);
    expect(withFeedback.length).toBeGreaterThanOrEqual(20);
    for (const c of cases) {
      const feedback = (c.messages ?? []).filter((m) => m.kind === "terugkoppeling");
      if (!c.feedbackAt) {
        expect(feedback, c.id).toEqual([]);
        continue;
      }
      expect(feedback[0]?.at, c.id).toBe(c.feedbackAt);
      expect(c.history.filter((h) => h.event === "terugkoppeling").map((h) => h.at), c.id).toEqual([c.feedbackAt]);
      expect(new Date(c.feedbackAt) <= seeded).toBe(true);
    }
    expect(withFeedback.every((c) => (messages.get(c.id) ?? []).some((m) => m.kind === "terugkoppeling" && m.text.startsWith("Terugkoppeling")))).toBe(true);
  });

  it("some reporter messages are still unread by the desk: the queue's badge and filter show them", async () => {
    const unread = cases.filter((c) => (c.messages ?? []).some((m) => m.from === "melder" && !m.readAt));
    expect(unread.length).toBeGreaterThanOrEqual(2);
    for (const c of unread) expect(c.state, c.id).not.toBe("gesloten");
    // Read ones were read by the desk: opened (read-case) in the audit trail at that moment, if within its months.
    const since = new Date(seeded.getTime() - DEMO_AUDIT_MONTHS * 28 * 24 * 60 * 60 * 1000).toISOString();
    for (const c of cases) {
      for (const m of (c.messages ?? []).filter((m) => m.from === "melder" && m.readAt && m.readAt > since)) {
        const read = trails.get(c.member)?.find((e) => e.action === "read-case" && e.caseId === c.id && e.at === m.readAt);
        expect(read, c.id).toBeDefined();
      }
    }
    const doc1 = byKey("doc-1");
    const queue = buildQueue(await local.deps.cases.listOpenCases(doc1.member, doc1.desk), { ongelezen: "1" }, seeded);
    expect(queue.counts.unread).toBeGreaterThanOrEqual(1);
    expect(queue.items.map((c) => c.id)).toContain(doc1.id);
  });

  it("internal notes on some cases, sealed, by desk staff", async () => {
    const noted = cases.filter((c) => (c.notes ?? []).length > 0);
    expect(noted.length).toBeGreaterThanOrEqual(10);
    for (const c of noted) {
      for (const [i, n] of (c.notes ?? []).entries()) {
        expect(n.id).toBe(String(i));
        expect(isDeskStaff(n.by), c.id).toBe(true);
        expect(n.at > c.receivedAt && new Date(n.at) <= seeded, c.id).toBe(true);
      }
      for (const text of await openedNotes(c)) expect(text.length).toBeGreaterThan(10);
    }
  });

  it("a few small files: a txt and a PNG, sealed in the BlobStore, listed with the report or the message they came with", async () => {
    const files = cases.flatMap((c) => (c.attachments ?? []).map((a) => ({ c, a })));
    expect(new Set(files.map(({ a }) => a.type))).toEqual(new Set(["txt", "png"]));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const { c, a } of files) {
      const opened = await openAttachment(local.deps, c, a.id);
      expect(opened?.bytes.length, c.id).toBe(a.bytes);
      expect(local.deps.inspector.inspect(opened?.bytes ?? new Uint8Array()).ok, c.id).toBe(true);
      if (a.type === "png") expect([...(opened?.bytes.subarray(0, 4) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      // Named where it came with: the report's content, or its message.
      const names =
        a.message === undefined
          ? (decodeContent(await local.deps.sealer.open({ member: c.member, caseId: c.id }, c.dataKey, c.content)).files ?? [])
          : ((messages.get(c.id) ?? []).find((m) => m.id === a.message)?.files ?? []);
      expect(names.map((f) => f.id), c.id).toContain(a.id);
    }
  });

  it("person tags on several cases of one desk: the case page's signal count shows earlier reports", async () => {
    const tagged = cases.filter((c) => (c.personTags ?? []).length > 0);
    expect(tagged.length).toBeGreaterThanOrEqual(5);
    const counts = await Promise.all(tagged.map(async (c) => ({ c, counts: await signalCounts(local.deps, c) })));
    expect(counts.some(({ counts }) => counts[0] === 1)).toBe(true); // "1 eerdere melding"
    expect(counts.some(({ counts }) => (counts[0] ?? 0) >= 2)).toBe(true); // "N eerdere meldingen"
    const doc1 = counts.find(({ c }) => c.id === demoCaseId("doc-1"));
    expect(doc1?.counts[0]).toBeGreaterThanOrEqual(2);
    // A tag is shared only within one member and desk: that is what the count counts.
    for (const { c } of counts) {
      const same = tagged.filter((o) => o.personTags?.includes(c.personTags?.[0] ?? ""));
      expect(new Set(same.map((o) => `${o.member}/${o.desk}`)), c.id).toEqual(new Set([`${c.member}/${c.desk}`]));
    }
  });

  it("VP registrations on some advice contacts, and the reporter's consent (sealed) for every referred one", async () => {
    const advice = cases.filter((c) => c.kind === "advies");
    const registered = advice.filter((c) => c.vp && Object.keys(c.vp).length > 0);
    expect(registered.length).toBeGreaterThanOrEqual(3);
    expect(cases.filter((c) => c.vp).every((c) => c.kind === "advies")).toBe(true);
    const referred = advice.filter((c) => c.history.some((h) => h.state === "doorverwezen"));
    expect(referred.length).toBeGreaterThanOrEqual(1);
    for (const c of referred) {
      expect((await openConsent(local.deps.sealer, c))?.given, c.id).toBe(true);
      const consent = c.history.find((h) => h.event === "toestemming");
      const referral = c.history.find((h) => h.state === "doorverwezen");
      expect(consent?.by).toBe("melder");
      expect((consent?.at ?? "") < (referral?.at ?? ""), c.id).toBe(true);
    }
  });

  it("oral and written reports carry a written record to review: reviewed, corrected, and open on doc-1 and one other", () => {
    const written = cases.filter((c) => c.channel !== "webformulier");
    for (const c of written) expect(c.recordReview, c.id).toBeDefined();
    for (const c of cases.filter((c) => c.channel === "webformulier")) expect(c.recordReview, c.id).toBeUndefined();
    const open = written.filter((c) => c.recordReview?.status === "open");
    expect(open.map((c) => c.id)).toContain(demoCaseId("doc-1"));
    expect(open.some((c) => c.id !== demoCaseId("doc-1"))).toBe(true);
    expect(byKey("doc-1").channel).toBe("telefoon");
    const corrected = written.filter((c) => c.recordReview?.status === "gecorrigeerd");
    expect(corrected.length).toBeGreaterThanOrEqual(1);
    expect(written.filter((c) => c.recordReview?.status === "bevestigd").length).toBeGreaterThan(corrected.length);
    for (const c of corrected) expect((c.messages ?? []).some((m) => m.kind === "correctie" && m.from === "melder"), c.id).toBe(true);
    for (const c of written.filter((c) => c.recordReview?.at)) expect(c.recordReview?.at, c.id).toMatch(DAY_PRECISION);
  });

  it("every member's audit trail is a chain that verifies, of true steps at their times, oldest first", async () => {
    const all = [...trails.values()].flat();
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((e) => e.action))).toEqual(new Set(["transition", "register-intake", "message", "note", "tag-person", "read-case", "transfer", "record-facts"].filter((a) => all.some((e) => e.action === a))));
    for (const action of ["transition", "register-intake", "message", "note", "read-case"]) expect(all.some((e) => e.action === action), action).toBe(true);
    const ids = new Set(cases.map((c) => c.id));
    for (const [member, entries] of trails) {
      expect(await local.deps.audit.verify(member), member).toEqual({ ok: true, entries: entries.length });
      expect(entries.map((e) => e.at), member).toEqual(entries.map((e) => e.at).sort());
      for (const e of entries) {
        expect(ids.has(e.caseId ?? ""), member).toBe(true);
        expect(new Date(e.at) <= seeded && new Date(e.at) >= new Date(seeded.getTime() - (DEMO_AUDIT_MONTHS * 31 + 1) * 24 * 60 * 60 * 1000), e.at).toBe(true);
        expect(e.actor === "systeem" || isDeskStaff(e.actor), e.actor).toBe(true);
      }
    }
    // Each entry is something the case shows, by that person, at that moment.
    for (const e of all) {
      const c = cases.find((c) => c.id === e.caseId) as CaseRecord;
      const step = (pred: (h: CaseRecord["history"][number]) => boolean) => c.history.some((h) => h.at === e.at && h.by === e.actor && pred(h));
      const truths: Record<string, () => boolean> = {
        transition: () => step((h) => h.state === e.detail && !h.event),
        "register-intake": () => c.channel !== "webformulier" && c.history[0]?.at === e.at && c.history[0]?.by === e.actor,
        transfer: () => step((h) => h.event === "doorgestuurd" && `${h.to?.member}/${h.to?.desk}` === e.detail),
        message: () => (c.messages ?? []).some((m) => m.at === e.at && m.by === e.actor && m.kind === e.detail),
        note: () => (c.notes ?? []).some((n) => n.at === e.at && n.by === e.actor),
        "read-case": () => (c.messages ?? []).some((m) => m.from === "melder" && m.readAt === e.at),
        "tag-person": () => (c.personTags ?? []).length > 0,
        "record-facts": () => c.kind === "advies" && c.vp !== undefined,
      };
      expect({ entry: e, true: truths[e.action]?.() }).toEqual({ entry: e, true: true });
      // On the log of the member that held the case then: regional intake's before it forwarded the case.
      const forward = c.history.find((h) => h.event === "doorgestuurd");
      expect(e.member, e.caseId).toBe(forward && e.at <= forward.at ? forward.from?.member : c.member);
    }
    // Every staff step within the trail's months is in it (the reporter's are not audited; the feedback is its message).
    const since = seeded.getTime() - DEMO_AUDIT_MONTHS * 28 * 24 * 60 * 60 * 1000;
    for (const c of cases) {
      for (const h of c.history.filter((h) => h.by !== "melder" && h.event !== "terugkoppeling" && Date.parse(h.at) > since)) {
        expect(all.some((e) => e.caseId === c.id && e.at === h.at && e.actor === h.by), `${c.id} ${h.at}`).toBe(true);
      }
    }
  });

  it("the documented codes' mailboxes show the messages, the files and, for doc-1, the record to review", async () => {
    // As seeded, before any visit: what the reporter has not read yet shows as new.
    const unreadByReporter = (key: string) => (byKey(key).messages ?? []).filter((m) => m.from === "balie" && !m.readAt).length;
    expect(unreadByReporter("doc-2")).toBeGreaterThanOrEqual(1);
    expect(unreadByReporter("doc-3")).toBeGreaterThanOrEqual(1);
    for (const { key, code } of DEMO_RECEIPTS) {
      const view = await openMailbox(local.deps, await signInWithReceipt(local.deps, code));
      expect(view.messages.some((m) => m.from === "balie"), key).toBe(true);
      expect(view.messages.some((m) => m.from === "melder"), key).toBe(true);
      if (key === "doc-1") expect(view.recordReview).toBe("open");
      if (key === "doc-3") {
        expect(view.messages.some((m) => m.kind === "terugkoppeling")).toBe(true);
        expect(view.messages.some((m) => m.files.some((f) => f.type === "txt"))).toBe(true);
      }
    }
    const page = await viewMailbox(createApp(local.deps).request, DEMO_RECEIPTS[0].code);
    expect(await page.text()).toContain("Dank voor uw melding");
  });

  it("nothing of it is in the store or the blobs in clear: texts, file contents, names of files and persons", async () => {
    const secrets = new Set<string>(DEMO_PERSON_NAMES);
    for (const c of cases) {
      for (const m of messages.get(c.id) ?? []) {
        secrets.add(m.text);
        for (const f of m.files) secrets.add(f.name);
      }
      for (const text of await openedNotes(c)) secrets.add(text);
      const content = decodeContent(await local.deps.sealer.open({ member: c.member, caseId: c.id }, c.dataKey, c.content));
      secrets.add(content.description);
      for (const f of content.files ?? []) secrets.add(f.name);
      for (const file of c.attachments ?? []) {
        const bytes = (await openAttachment(local.deps, c, file.id))?.bytes ?? new Uint8Array();
        if (file.type === "txt") for (const line of new TextDecoder().decode(bytes).split("\n").filter((l) => l.length > 12)) secrets.add(line);
        else secrets.add(Buffer.from(bytes).toString("latin1"));
      }
    }
    expect(secrets.size).toBeGreaterThan(50);
    const stored: string[] = [];
    const collect = (value: AttributeValue | undefined): void => {
      if (!value) return;
      if (value.S !== undefined) stored.push(value.S);
      if (value.B !== undefined) stored.push(Buffer.from(value.B).toString("latin1"));
      for (const v of value.L ?? []) collect(v);
      for (const v of Object.values(value.M ?? {})) collect(v);
      for (const v of value.SS ?? []) stored.push(v);
    };
    for (const item of await rawItems(local)) for (const value of Object.values(item)) collect(value);
    const blobs = join(dir.path, "blobs");
    const files = (await readdir(blobs, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
    expect(files.length).toBe(cases.reduce((n, c) => n + (c.attachments?.length ?? 0), 0));
    for (const f of files) {
      const sealed = (await readFile(join(f.parentPath, f.name))).toString("latin1");
      expect(sealed.includes("\x89PNG\r\n\x1a\n")).toBe(false);
      stored.push(sealed);
    }
    const everything = stored.join("\n");
    const normal = (t: string) => t.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    for (const secret of secrets) {
      expect(everything.includes(secret), secret).toBe(false);
      expect(normal(everything).includes(normal(secret)), secret).toBe(false);
    }
  });
});

// Last: these requests read cases as staff do, which marks the reporter's messages read and adds to the trail.
describe("the pages a demo visitor opens", () => {
  it("the desk's queue filters the unread message, the case page shows it with the signal count, the trail verifies", async () => {
    const doc1 = byKey("doc-1");
    const desk = new CookieJar();
    const queue = await logIn(desk, `${local.url}/balie/${doc1.desk}?ongelezen=1`, "bi-hoorn", DEMO_PASSWORD);
    expect(queue.back.res.status).toBe(200);
    expect(queue.html).toContain(doc1.id);
    const page = await (await fetch(`${local.url}/balie/${doc1.desk}/${doc1.member}/${doc1.id}`, { headers: { Cookie: desk.header(local.url) } })).text();
    expect(page).toMatch(/Persoon 1: \d+ eerdere meldingen op deze balie gaan over dezelfde persoon\./);
    expect(page).toContain(ANSWER_OF_DOC_1);
    for (const [member, username] of [["hoorn", "beheer-hoorn"], ["westfries-archief", "beheer-archief"]] as const) {
      const { back, html } = await logIn(new CookieJar(), `${local.url}/beheer/${member}/logboek?controleer=1`, username, DEMO_PASSWORD);
      expect(back.res.status).toBe(200);
      const lines = Number(/data-testid="verdict"><p class="utrecht-paragraph">Het logboek is in orde: (\d+) regels/.exec(html)?.[1]);
      // The seeded trail, and for Hoorn the read of doc-1's page just now.
      expect(lines, member).toBe((trails.get(member)?.length ?? 0) + (member === "hoorn" ? 1 : 0));
    }
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
