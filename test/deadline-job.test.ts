// The deadline job on the real embedded hub (dynalite, local keys, the demo region and staff) with an injected clock:
// web reports are acknowledged by `systeem`; each desk's staff get one e-mail (.eml under the data folder) that counts
// exactly the cases newly due soon or overdue, once; closed cases are never counted and never even read; no notice
// carries a case id, text, category or date. Then /demo/post over HTTP, and the local runner's timer.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type CaseRecord, type CaseStore, submitReport } from "@meldpunt/domain";
import { caseStep, runDeadlineJob, transitionCase } from "@meldpunt/domain/staff";
import { createApp } from "@meldpunt/api";
import { createLocalDeps, startLocalHub } from "@meldpunt/local";
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoViolations, logInAt, useChromium } from "./support/browser";
import { CookieJar, logIn, send } from "./support/browserless";
import { TEST_SCRYPT_COST, type TestApp, tempDir, testApp, testHub } from "./support/local";

const at = (iso: string) => ({ now: () => new Date(iso) });
const T0 = "2030-06-15T08:00:00.000Z";
const LATER = "2030-06-18T08:00:00.000Z";
const HOORN_DESK_STAFF = ["m.deboer@hoorn.example", "tweede@hoorn.example"];

type Deps = TestApp["deps"];

/** A web report sent on `day` (the form as a reporter sends it); its description carries a marker no notice may show. */
async function report(deps: Deps, day: string, member: string, marker: string, extra: Record<string, unknown> = {}): Promise<CaseRecord> {
  const submitted = await submitReport(
    { ...deps, clock: at(`${day}T10:00:00.000Z`) },
    {
      member,
      wants: "melding",
      reporterType: "medewerker",
      anonymity: "anoniem",
      subcategories: ["omgang.pesten"],
      description: `Mijn teamleider scheldt mij uit. ${marker}`,
      formToken: deps.tokens.issue(),
      ...extra,
    },
  );
  const [record] = await deps.cases.findByReceiptLocator(deps.receipts.parse(submitted.receiptCode)?.locator ?? "");
  if (!record) throw new Error("report not stored");
  return record;
}

/** What staff would register after a phone call: the same case, but not a web report (not acknowledged by the job). */
async function byPhone(deps: Deps, record: CaseRecord): Promise<CaseRecord> {
  const next = { ...record, channel: "telefoon" as const, version: record.version + 1 };
  await deps.cases.updateCase(next);
  return next;
}

async function step(deps: Deps, record: CaseRecord, to: string, when: string, extra: Record<string, unknown> = {}): Promise<CaseRecord> {
  return transitionCase({ ...deps, clock: at(when) }, { member: record.member, caseId: record.id, desk: record.desk, to, seen: caseStep(record), by: "demo-bi-hoorn", ...extra });
}

const reload = async (deps: Deps, record: CaseRecord) => (await deps.cases.getCase(record.member, record.id)) as CaseRecord;

/** Every message the local mailer wrote, oldest first, with its raw file. */
async function mails(t: { dataDir: string; deps: Deps }) {
  const listed = [...((await t.deps.demoMail?.list()) ?? [])].reverse();
  return Promise.all(
    listed.map(async (m) => ({ ...(await t.deps.demoMail?.read(m.name)), raw: await readFile(join(t.dataDir, "mail", m.name), "utf8") }) as { to: string[]; subject: string; text: string; raw: string }),
  );
}

describe("the deadline job", () => {
  let t: TestApp;
  const c: Record<string, CaseRecord> = {};
  const run = (when: string) => t.runDeadlines({ clock: at(when) });

  beforeAll(async () => {
    t = await testApp();
    const d = t.deps;
    // A second staff member on Hoorn's bureau; the admin of Hoorn (beheer-hoorn) and the operator are on no desk.
    await d.auth.staff.putStaff({ id: "test-tweede", name: "Tweede Medewerker", email: "tweede@hoorn.example", roles: [{ role: "desk-staff", desk: "hoorn-integriteit" }], version: 1 });
    c.a = await report(d, "2030-03-01", "hoorn", "GEHEIM-A", { personName: "Karel Geheimnaam" }); // feedback due 1 June: overdue
    c.b = await report(d, "2030-03-16", "hoorn", "GEHEIM-B"); // feedback due 16 June: due soon
    c.c = await report(d, "2030-03-20", "hoorn", "GEHEIM-C"); // feedback due 20 June: not yet
    c.d = await byPhone(d, await report(d, "2030-06-10", "hoorn", "GEHEIM-D")); // acknowledgement due 17 June: due soon
    c.e = await byPhone(d, await report(d, "2030-06-01", "hoorn", "GEHEIM-E")); // acknowledgement due 8 June: overdue
    // Closed by the desk: its feedback deadline passed long ago, but nothing is due on a closed case.
    c.f = await report(d, "2030-03-01", "hoorn", "GEHEIM-F");
    c.f = await step(d, c.f, "bevestigd", "2030-03-02T09:00:00.000Z");
    c.f = await step(d, c.f, "triage", "2030-03-03T09:00:00.000Z");
    c.f = await step(d, c.f, "gesloten", "2030-03-04T09:00:00.000Z", { closeReason: "geen-vermoeden" });
    // Feedback given: no deadline left.
    c.g = await report(d, "2030-03-01", "hoorn", "GEHEIM-G");
    c.g = await step(d, c.g, "bevestigd", "2030-03-02T09:00:00.000Z");
    c.g = { ...c.g, feedbackAt: "2030-04-01T09:00:00.000Z", version: c.g.version + 1 };
    await d.cases.updateCase(c.g);
    c.h = await report(d, "2030-03-01", "sed", "GEHEIM-H"); // SED's own desk: overdue
    c.i = await report(d, "2030-03-01", "westfries-archief", "GEHEIM-I"); // Hoorn's bureau serves Westfries Archief: overdue
    c.j = await report(d, "2030-03-01", "medemblik", "GEHEIM-J"); // a desk without staff in the demo: overdue
    c.k = await report(d, "2030-06-15", "hoorn", "GEHEIM-K"); // today's report
    c.l = await report(d, "2030-06-15", "hoorn", "GEHEIM-L", { wants: "advies" }); // today's question to the VP
    // A question to the VP is not acknowledged by the hub: the VP's first answer was due 8 June, so it is overdue.
    c.m = await report(d, "2030-06-01", "hoorn", "GEHEIM-M", { wants: "advies" });
    // Answered by the VP long ago: an advice contact has no Wbk feedback term, so nothing is due.
    c.n = await report(d, "2030-03-01", "hoorn", "GEHEIM-N", { wants: "advies" });
    c.n = await step(d, c.n, "bevestigd", "2030-03-02T09:00:00.000Z");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("acknowledges every web report in `ontvangen` as `systeem`, audited, and leaves phone reports and questions to the VP to the desk", async () => {
    expect(c.h?.desk).toBe("sed-integriteit");
    expect(c.i?.desk).toBe("hoorn-integriteit");
    expect(c.j?.desk).toBe("medemblik-integriteit");
    expect(c.l?.desk).toBe("hoorn-vp");

    const summary = await run(T0);
    expect(summary).toEqual({ acknowledged: 7, notices: 3, casesNotified: 7, desksWithoutStaff: 1, mailFailures: 0 });
    for (const key of ["a", "b", "c", "h", "i", "j", "k"]) {
      const record = await reload(t.deps, c[key] as CaseRecord);
      expect({ key, state: record.state }).toEqual({ key, state: "bevestigd" });
      expect(record.history.at(-1)).toEqual({ at: T0, state: "bevestigd", by: "systeem" });
    }
    for (const key of ["d", "e", "l", "m"]) expect({ key, state: (await reload(t.deps, c[key] as CaseRecord)).state }).toEqual({ key, state: "ontvangen" });
    expect((await reload(t.deps, c.f as CaseRecord)).state).toBe("gesloten");
    const { entries } = await t.deps.audit.readAll("hoorn");
    expect(entries).toContainEqual(expect.objectContaining({ actor: "systeem", action: "transition", caseId: c.a?.id, detail: "bevestigd", at: T0 }));
  });

  it("mailed each desk's own staff once, counting exactly its due and overdue cases", async () => {
    const sent = await mails(t);
    expect(sent).toHaveLength(3);
    const hoorn = sent.find((m) => m.subject.includes("Bureau Integriteit Hoorn"));
    const sed = sent.find((m) => m.subject.includes("SED"));
    expect(hoorn?.to).toEqual(HOORN_DESK_STAFF);
    expect(hoorn?.subject).toBe("Termijnen bij Bureau Integriteit Hoorn / Deadlines at Bureau Integriteit Hoorn");
    expect(lines(hoorn?.text)).toEqual([
      "- ontvangstbevestiging te laat: 1", // E
      "- ontvangstbevestiging binnen 2 dagen: 1", // D
      "- terugkoppeling aan de melder te laat: 2", // A, and I of Westfries Archief on the same desk
      "- terugkoppeling aan de melder binnen 2 dagen: 1", // B
      "- acknowledgement overdue: 1",
      "- acknowledgement due within 2 days: 1",
      "- feedback to the reporter overdue: 2",
      "- feedback to the reporter due within 2 days: 1",
    ]);
    expect(hoorn?.text).toContain("http://127.0.0.1:3000/balie/hoorn-integriteit");
    // Dutch first, then English.
    expect(hoorn?.text.indexOf("werkvoorraad")).toBeLessThan(hoorn?.text.indexOf("queue") ?? 0);
    expect(sed?.to).toEqual(["l.kok@sed-wf.example"]);
    expect(sed?.subject).toBe("Termijnen bij Integriteitscoördinator SED-organisatie / Deadlines at Integriteitscoördinator SED-organisatie");
    expect(lines(sed?.text)).toEqual(["- terugkoppeling aan de melder te laat: 1", "- feedback to the reporter overdue: 1"]);
    expect(sed?.text).toContain("/balie/sed-integriteit");
    // The VP is told of the answer it owes, in words for a question, not a report.
    const vp = sent.find((m) => m.subject.includes("Vertrouwenspersoon Hoorn"));
    expect(vp?.to).toEqual(["j.visser@hoorn.example"]);
    expect(lines(vp?.text)).toEqual(["- eerste antwoord aan de vraagsteller te laat: 1", "- first answer to the person asking overdue: 1"]);

    // Each counted case records the deadline it was counted for; nothing else was marked.
    const notified = async (key: string) => (await reload(t.deps, c[key] as CaseRecord)).notified;
    expect(await notified("a")).toEqual({ feedbackOverdue: c.a?.feedbackDueAt });
    expect(await notified("b")).toEqual({ feedbackDueSoon: c.b?.feedbackDueAt });
    expect(await notified("d")).toEqual({ ackDueSoon: c.d?.ackDueAt });
    expect(await notified("e")).toEqual({ ackOverdue: c.e?.ackDueAt });
    expect(await notified("m")).toEqual({ ackOverdue: c.m?.ackDueAt });
    for (const key of ["c", "f", "g", "j", "k", "l", "n"]) expect({ key, notified: await notified(key) }).toEqual({ key, notified: undefined });
  });

  it("sends nothing when run again at the same time", async () => {
    expect(await run(T0)).toEqual({ acknowledged: 0, notices: 0, casesNotified: 0, desksWithoutStaff: 1, mailFailures: 0 });
    expect(await mails(t)).toHaveLength(3);
  });

  it("three days later tells only what became due or overdue since, once", async () => {
    // B passed its deadline (told as due soon before, now as overdue), C falls due soon, D's acknowledgement is overdue.
    expect(await run(LATER)).toEqual({ acknowledged: 0, notices: 1, casesNotified: 3, desksWithoutStaff: 1, mailFailures: 0 });
    const sent = await mails(t);
    expect(sent).toHaveLength(4);
    expect(sent[3]?.to).toEqual(HOORN_DESK_STAFF);
    expect(lines(sent[3]?.text)).toEqual([
      "- ontvangstbevestiging te laat: 1",
      "- terugkoppeling aan de melder te laat: 1",
      "- terugkoppeling aan de melder binnen 2 dagen: 1",
      "- acknowledgement overdue: 1",
      "- feedback to the reporter overdue: 1",
      "- feedback to the reporter due within 2 days: 1",
    ]);
    expect((await reload(t.deps, c.b as CaseRecord)).notified).toEqual({ feedbackDueSoon: c.b?.feedbackDueAt, feedbackOverdue: c.b?.feedbackDueAt });
    expect(await run(LATER)).toEqual({ acknowledged: 0, notices: 0, casesNotified: 0, desksWithoutStaff: 1, mailFailures: 0 });
    expect(await mails(t)).toHaveLength(4);
  });

  it("puts no case id, text, name, category or date of a case in any notice", async () => {
    const sent = await mails(t);
    const forbidden = [
      ...Object.values(c).flatMap((r) => [r.id, r.receipt.locator]),
      ..."ABCDEFGHIJKL".split("").map((x) => `GEHEIM-${x}`),
      "Karel",
      "Geheimnaam",
      "scheldt",
      "omgang",
      "pesten",
      "Pesten",
      "ongewenst",
    ];
    for (const mail of sent) {
      for (const text of [mail.raw, mail.text, mail.subject]) {
        for (const word of forbidden) expect({ word, found: text.includes(word) }).toEqual({ word, found: false });
      }
      // No date at all in the text (the Date header is the message's own).
      expect(mail.text).not.toMatch(/\b20\d\d\b|juni|june/i);
    }
  });

  it("stops reading a queue at the first case beyond the horizon: closed cases are never read", async () => {
    const closed = c.f as CaseRecord;
    const ids = Array.from({ length: 20 }, (_, i) => `01J9Z3V8K6R2M4N5P7Q8${String(i).padStart(6, "0")}`);
    for (const id of ids) await t.deps.cases.createCase({ ...(await reload(t.deps, closed)), id, version: 1 });
    const pages: string[] = [];
    const read: string[] = [];
    const counting: CaseStore = {
      ...t.deps.cases,
      listDeskQueue: (member, desk, page) => {
        pages.push(`${member}/${desk}`);
        return t.deps.cases.listDeskQueue(member, desk, page);
      },
      getCase: (member, id) => {
        read.push(id);
        return t.deps.cases.getCase(member, id);
      },
    };
    const summary = await runDeadlineJob({ ...t.deps, cases: counting, staff: t.deps.auth.staff, mailer: t.mailer, clock: at(LATER) }, { pageSize: 5 });
    expect(summary.notices).toBe(0);
    // Hoorn's own queue on its bureau: 7 open cases (one without a deadline), then 21 closed ones: two pages of 5, not six.
    expect(pages.filter((p) => p === "hoorn/hoorn-integriteit")).toHaveLength(2);
    expect(read.filter((id) => ids.includes(id) || id === closed.id)).toEqual([]);
  });
});

function lines(text: string | undefined): string[] {
  return (text ?? "").split("\n").filter((l) => l.startsWith("- "));
}

describe("/demo/post", () => {
  let hub: Awaited<ReturnType<typeof testHub>>;
  beforeAll(async () => {
    hub = await testHub();
    await report(hub.deps, "2030-03-01", "hoorn", "GEHEIM-POST");
    await hub.runDeadlines({ clock: at(T0) });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("lists the hub's outgoing mail to the logged-in staff member and shows one message as text", async () => {
    const jar = new CookieJar();
    const { back, html } = await logIn(jar, `${hub.url}/demo/post`, "bi-hoorn", DEMO_PASSWORD);
    expect(back.res.status).toBe(200);
    expect(html).toContain("<h1 class=\"utrecht-heading-1\">Demo-post</h1>");
    expect(html).toContain('<th class="utrecht-table__header-cell" scope="col">Onderwerp</th>');
    expect(html).toContain("Termijnen bij Bureau Integriteit Hoorn / Deadlines at Bureau Integriteit Hoorn");
    expect(html).toContain("m.deboer@hoorn.example");
    const link = /href="(\/demo\/post\/[^"]+\.eml)"/.exec(html)?.[1];
    expect(link).toBeDefined();

    const one = await send(jar, `${hub.url}${link}`);
    expect(one.status).toBe(200);
    const text = await one.text();
    expect(text).toContain("terugkoppeling aan de melder te laat: 1");
    expect(text).toContain(`${hub.url}/balie/hoorn-integriteit`);
    expect(text).not.toContain("GEHEIM-POST");
    expect((await send(jar, `${hub.url}/demo/post/bestaat-niet.eml`)).status).toBe(404);
    expect((await send(jar, `${hub.url}/demo/post?lang=en`)).status).toBe(200);

    const staffPage = await (await send(jar, `${hub.url}/medewerker`)).text();
    expect(staffPage).toContain('href="/demo/post"');

    // Someone else's mail is not theirs to read: the VP of the same member sees neither the list entry nor the message.
    const other = new CookieJar();
    const { html: otherList } = await logIn(other, `${hub.url}/demo/post`, "vp-hoorn", DEMO_PASSWORD);
    expect(otherList).toContain('data-testid="demo-post-empty"');
    expect(otherList).not.toContain("m.deboer@hoorn.example");
    expect((await send(other, `${hub.url}${link}`)).status).toBe(404);
  });

  describe("in Chromium, with axe-core", () => {
    const browser = useChromium();

    it("finds no violations on the list and on a message", async () => {
      const page = await (await browser().newContext()).newPage();
      await logInAt(page, `${hub.url}/demo/post`, "bi-hoorn");
      await expectNoViolations(page, "demo post");
      await page.click("table[data-testid=demo-post] tbody a");
      await page.waitForSelector("[data-testid=demo-mail-text]");
      await expectNoViolations(page, "demo mail");
    });
  });

  it("asks for a login first, and does not exist without a local mailbox", async () => {
    const anonymous = await fetch(`${hub.url}/demo/post`, { redirect: "manual", headers: { Accept: "text/html" } });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("Location")).toBe("/inloggen?terug=%2Fdemo%2Fpost");
    const withoutMail = createApp({ ...hub.deps, demoMail: undefined });
    expect((await withoutMail.request("/demo/post", { headers: { Accept: "text/html" } })).status).toBe(404);
  });
});

describe("the queue's deadline badges", () => {
  let hub: Awaited<ReturnType<typeof testHub>>;
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  beforeAll(async () => {
    hub = await testHub();
    await report(hub.deps, daysAgo(120), "hoorn", "GEHEIM-OUD"); // feedback overdue once acknowledged
    await report(hub.deps, daysAgo(10), "hoorn", "GEHEIM-VRAAG", { wants: "advies" }); // the VP's answer overdue
    await hub.runDeadlines({ clock: { now: () => new Date() } });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("name the deadline at stake: feedback for a report, the first answer for a question to the VP", async () => {
    const { html: desk } = await logIn(new CookieJar(), `${hub.url}/balie/hoorn-integriteit`, "bi-hoorn", DEMO_PASSWORD);
    expect(desk).toContain("Terugkoppeling te laat");
    expect(desk).not.toContain("Antwoord aan de vraagsteller");
    const { html: vp } = await logIn(new CookieJar(), `${hub.url}/balie/hoorn-vp`, "vp-hoorn", DEMO_PASSWORD);
    expect(vp).toContain("Antwoord aan de vraagsteller te laat");
    // An advice contact has no Wbk feedback term.
    expect(vp).toContain("<td class=\"utrecht-table__cell\">Niet van toepassing</td>");
    expect(vp).not.toContain("Terugkoppeling te laat");
  });
});

describe("the local runner's timer", () => {
  it("runs the job shortly after start when asked (pnpm start does), and not otherwise", async () => {
    const dir = await tempDir();
    try {
      const first = await createLocalDeps({ dataDir: dir.path, scryptCost: TEST_SCRYPT_COST, logLevel: "SILENT" });
      const record = await report(first.deps, new Date().toISOString().slice(0, 10), "hoorn", "GEHEIM-TIMER");
      await first.close();

      const quiet = await startLocalHub({ dataDir: dir.path, port: 0, scryptCost: TEST_SCRYPT_COST, logLevel: "SILENT" });
      await new Promise((done) => setTimeout(done, 300));
      expect((await quiet.deps.cases.getCase("hoorn", record.id))?.state).toBe("ontvangen");
      await quiet.close();

      const hub = await startLocalHub({ dataDir: dir.path, port: 0, scryptCost: TEST_SCRYPT_COST, logLevel: "SILENT", dailyJobs: { firstRunAfterMs: 0 } });
      try {
        const deadline = Date.now() + 10_000;
        while ((await hub.deps.cases.getCase("hoorn", record.id))?.state !== "bevestigd") {
          if (Date.now() > deadline) throw new Error("the job did not run");
          await new Promise((done) => setTimeout(done, 50));
        }
      } finally {
        await hub.close();
      }
      expect(await readdir(join(dir.path, "mail")).catch(() => [])).toEqual([]);
    } finally {
      await dir.remove();
    }
  });
});
