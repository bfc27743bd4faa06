// The reporter's whole flow in real Chromium, with files: every anonymity level in Dutch and English, with and without
// JavaScript, from a start page to the mailbox; a desk question answered from the mailbox, the desk's feedback read
// there, an advice contact's consent and closing, the mailbox by keyboard alone, and a refused upload. axe-core checks
// every page the flow visits; every request the pages make must go to the hub.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CaseRecord, decodeContent, openConsent, sendDeskMessage } from "@meldpunt/domain";
import { addInternalNote, caseStep, messageReporter, transitionCase } from "@meldpunt/domain/staff";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  caseByCode,
  expectNoViolations,
  fillReportForm,
  pageChecker,
  type PageLang as Lang,
  postAndWait,
  RECEIPT_CODE_SHAPE,
  RENAMED_EXECUTABLE,
  type ReportAnswers,
  recordedContext,
  signInToMailbox,
  textUpload as text,
  type Upload,
  useHubInChromium,
  withLang as langUrl,
} from "./support/browser";
import { caseItems, rawItems } from "./support/local";

const chromium = useHubInChromium();

/** A phone photo: EXIF with camera and GPS position, XMP with a name, a comment (packages/attachments/test/fixtures). */
const GPS_JPEG = await readFile(fileURLToPath(new URL("../packages/attachments/test/fixtures/gps.jpg", import.meta.url)));

const jpeg = (name: string): Upload => ({ name, mimeType: "image/jpeg", buffer: GPS_JPEG });

const withLang = (lang: Lang, path: string) => langUrl(chromium.hub.url, lang, path);

type Report = ReportAnswers & { lang: Lang; member: string };

/** Opens the report form and fills it as a reporter does; sends nothing. */
async function fillReport(page: Page, report: Report) {
  await page.goto(withLang(report.lang, "/melden"));
  await fillReportForm(page, report);
}

/** The case ids in the store, as `member/id`. */
async function storedCases(): Promise<Set<string>> {
  return new Set((await caseItems(chromium.hub)).map((item) => `${item.member}/${item.id}`));
}

/** The one case stored since `before`, read back through the store. */
async function caseSince(before: Set<string>): Promise<CaseRecord> {
  const added = [...(await storedCases())].filter((key) => !before.has(key));
  expect(added).toHaveLength(1);
  const [member, caseId] = (added[0] as string).split("/") as [string, string];
  const record = await chromium.hub.deps.cases.getCase(member, caseId);
  if (!record) throw new Error(`case ${added[0]} not readable`);
  return record;
}

/** Sends the filled form; expects the receipt with its heading, and answers the code it shows and the stored case. */
async function submitReport(page: Page, report: Report, receiptTitle: string): Promise<{ code: string; record: CaseRecord }> {
  const before = await storedCases();
  await fillReport(page, report);
  expect(await postAndWait(page, "/melden", () => page.click("form[data-pow] button[type=submit]"))).toBe(200);
  expect((await page.locator("h1").textContent())?.trim()).toBe(receiptTitle);
  const code = (await page.getByTestId("receipt-code").textContent())?.trim() ?? "";
  expect(code).toMatch(RECEIPT_CODE_SHAPE);
  expect(page.url()).not.toContain(code.slice(5, 9));
  return { code, record: await caseSince(before) };
}

/** Types the code at /opvolgen and lands in the mailbox. */
const openMailbox = (page: Page, code: string, lang: Lang = "nl") => signInToMailbox(page, chromium.hub.url, code, lang);

/** The names of the files the page links to, in order. */
async function linkedFiles(page: Page, scope = "main"): Promise<string[]> {
  return (await page.locator(`${scope} a[href*="/brievenbus/bijlage/"]`).allTextContents()).map((t) => t.trim());
}

/** Every URL a download came from (a download is no request event of the context). */
const downloaded: string[] = [];

/** Clicks the file's link as a reporter does and answers what the browser saved. */
async function download(page: Page, name: string): Promise<{ filename: string; bytes: Buffer }> {
  const [saved] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  downloaded.push(saved.url());
  const path = await saved.path();
  return { filename: saved.suggestedFilename(), bytes: await readFile(path) };
}

/** The JPEG segments before the scan (marker byte and payload), as a decoder reads them. */
function jpegSegments(bytes: Buffer): { marker: number; payload: Buffer }[] {
  const segments: { marker: number; payload: Buffer }[] = [];
  let pos = 2;
  while (pos + 4 <= bytes.length && bytes[pos] === 0xff) {
    const marker = bytes[pos + 1] as number;
    const length = bytes.readUInt16BE(pos + 2);
    segments.push({ marker, payload: bytes.subarray(pos + 4, pos + 2 + length) });
    if (marker === 0xda) break;
    pos += 2 + length;
  }
  return segments;
}

const APP1 = Buffer.from([0xff, 0xe1]);

/** What a photo must have lost, and what it must have kept (a whole JPEG). */
function expectStrippedJpeg(bytes: Buffer) {
  expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
  expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
  expect(bytes.includes(APP1)).toBe(false);
  expect(bytes.includes(Buffer.from("Exif\0\0", "latin1"))).toBe(false);
  expect(bytes.includes(Buffer.from("Meldpunt Testcamera"))).toBe(false);
  expect(bytes.includes(Buffer.from("Jan Melder"))).toBe(false);
  const markers = jpegSegments(bytes).map((s) => s.marker);
  expect(markers).not.toContain(0xe1);
  expect(markers).not.toContain(0xfe);
  expect(markers).toContain(0xda);
}

/** Everything in the table, binary attributes as latin1 and as base64, to search for text that must be sealed. */
async function tableDump(): Promise<string> {
  const items = await rawItems(chromium.hub);
  const as = (encoding: "latin1" | "base64") =>
    JSON.stringify(items, (_key, value) => (value instanceof Uint8Array ? Buffer.from(value).toString(encoding) : value));
  return `${as("latin1")}\n${as("base64")}`;
}

/** The files of the local blob store (sealed attachments), none when it has none yet. */
async function storedBlobs(): Promise<string[]> {
  const entries = await readdir(join(chromium.hub.dataDir, "blobs"), { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The sealed report, opened with the member's key. */
async function sealedContent(record: CaseRecord) {
  return decodeContent(await chromium.hub.deps.sealer.open({ member: record.member, caseId: record.id }, record.dataKey, record.content));
}

/** What the receipt promises, in the page's language: the deadlines counted from the reporter's day (UTC). */
function promisedDates(now: Date, lang: Lang): { ack: string; feedback: string } {
  const [y, m, d] = [now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()];
  const ack = new Date(Date.UTC(y, m, d + 7));
  // Three calendar months on; the 31st ends on the last day of a shorter month.
  const lastDay = new Date(Date.UTC(y, m + 4, 0)).getUTCDate();
  const feedback = new Date(Date.UTC(y, m + 3, Math.min(d, lastDay)));
  const format = new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeZone: "Europe/Amsterdam" });
  return { ack: format.format(ack), feedback: format.format(feedback) };
}

describe("the promised dates", () => {
  it("are counted and written as a reader of each language expects them", () => {
    expect(promisedDates(new Date("2026-08-29T10:00:00Z"), "nl")).toEqual({ ack: "5 september 2026", feedback: "29 november 2026" });
    expect(promisedDates(new Date("2026-08-29T10:00:00Z"), "en")).toEqual({ ack: "5 September 2026", feedback: "29 November 2026" });
    expect(promisedDates(new Date("2026-11-30T23:30:00Z"), "nl")).toEqual({ ack: "7 december 2026", feedback: "28 februari 2027" });
  });
});

/** The texts of the flow a reporter reads, per language (written here, not taken from the catalogs). */
const TEXT = {
  nl: {
    reportLink: "Een melding doen",
    receiptTitle: "Uw melding is ontvangen",
    where: "Waar is uw melding naartoe?",
    ownDesk: (member: string, desk: string) => `Meldingen over integriteit bij ${member} gaan naar ${desk}.`,
    delegatedDesk: (member: string, desk: string) => `${member} laat integriteitsmeldingen behandelen door ${desk}.`,
    next: "Wat gebeurt er nu?",
    ackBy: (date: string) => `Uiterlijk op ${date} bevestigen we dat uw melding is ontvangen.`,
    feedbackBy: (date: string) => `Uiterlijk op ${date} hoort u wat er met uw melding is gedaan.`,
    done: "Klaar",
    followUp: "Heeft u al een code? Bekijk uw melding",
    received: "Ontvangen",
  },
  en: {
    reportLink: "Make a report",
    receiptTitle: "Your report has been received",
    where: "Where did your report go?",
    ownDesk: (member: string, desk: string) => `Integrity reports about ${member} go to ${desk}.`,
    delegatedDesk: (member: string, desk: string) => `${member} has integrity reports handled by ${desk}.`,
    next: "What happens next?",
    ackBy: (date: string) => `By ${date} we confirm that your report was received.`,
    feedbackBy: (date: string) => `By ${date} you will hear what was done with your report.`,
    done: "Done",
    followUp: "Do you already have a code? View your report",
    received: "Received",
  },
} as const;

/** One combination of the matrix: language, JavaScript, anonymity level, and where the reporter starts. */
interface Combination {
  lang: Lang;
  script: boolean;
  anonymity: "anoniem" | "vertrouwelijk" | "open";
  member: string;
  /** From the member's own start page (the form then knows the member), or from the region's. */
  fromMemberPage: boolean;
  title: string;
}

const LEVEL_NAMES = { anoniem: "anonymous", vertrouwelijk: "confidential", open: "open" } as const;
const MEMBERS = ["koggenland", "hoorn", "enkhuizen", "medemblik", "drechterland", "stede-broec", "opmeer", "sed", "westfries-archief", "odnhn", "hoorn", "enkhuizen"];
const COMBINATIONS: Combination[] = (["nl", "en"] as const).flatMap((lang, l) =>
  [false, true].flatMap((script, s) =>
    (["anoniem", "vertrouwelijk", "open"] as const).map((anonymity, a) => {
      const i = l * 6 + s * 3 + a;
      const member = MEMBERS[i] as string;
      const fromMemberPage = i % 2 === 1;
      const title = `${LEVEL_NAMES[anonymity]}, in ${lang === "nl" ? "Dutch" : "English"}, ${script ? "with" : "without"} JavaScript, from ${fromMemberPage ? `/organisatie/${member}` : "/"}`;
      return { lang, script, anonymity, member, fromMemberPage, title };
    }),
  ),
);

/** Contact details where the level needs them: a name and an e-mail address (confidential) or a phone number (open). */
function contactFor(c: Combination): ReportAnswers["contact"] {
  if (c.anonymity === "anoniem") return undefined;
  const name = `${c.lang === "nl" ? "Melder" : "Reporter"} ${c.member} ${c.script ? "js" : "html"}`;
  return c.anonymity === "vertrouwelijk" ? { name, email: `melder.${c.member}@voorbeeld.nl` } : { name, phone: "0229 123 456" };
}

/** The HTML of the pages axe has checked in this file: a start page met again unchanged is not checked twice. */
const checkedPages = new Set<string>();

describe("the whole flow with files: every anonymity level, in Dutch and English, with and without JavaScript", () => {
  it("runs twelve combinations, each level in each language with and without JavaScript", () => {
    expect(COMBINATIONS).toHaveLength(12);
    expect(new Set(COMBINATIONS.map((c) => `${c.lang}/${c.script}/${c.anonymity}`)).size).toBe(12);
  });

  // Each in a browser context of its own, a few at a time: they share the hub and the browser.
  it.concurrent.each(COMBINATIONS)("$title: start page, form, receipt with dates, saved code, mailbox, stored case without photo metadata", { timeout: 90_000 }, async (c) => {
    const t = TEXT[c.lang];
    const base = chromium.hub.url;
    const context = await recordedContext(chromium, { javaScriptEnabled: c.script });
    const page = await context.newPage();
    const axe = pageChecker(chromium.withScript, checkedPages);
    /** Each page the reporter sees: in the page's language, and accessible (axe-core). */
    const visited = async (name: string) => {
      expect(await page.locator("html").getAttribute("lang")).toBe(c.lang);
      await axe.check(page, `${c.title}: ${name}`, { script: c.script });
    };
    try {
      const start = c.fromMemberPage ? `/organisatie/${c.member}` : "/";
      await page.goto(withLang(c.lang, start));
      await visited("start page");

      // The start page's link to the report form, which keeps the language (and on a member's page, the member).
      const query = new URLSearchParams({ ...(c.fromMemberPage ? { organisatie: c.member } : {}), wens: "melding", ...(c.lang === "en" ? { lang: "en" } : {}) });
      const link = page.locator(`main a[href="/melden?${query}"]`);
      expect((await link.textContent())?.trim()).toBe(t.reportLink);
      await link.click();
      await page.waitForURL(`${base}/melden?${query}`);
      expect(await page.locator("#member").inputValue()).toBe(c.fromMemberPage ? c.member : "");

      const description = `${c.title}: ${c.lang === "nl" ? "een collega wordt buitengesloten om haar afkomst." : "a colleague is left out because of her background."}`;
      const photo = `foto-${c.lang}-${c.script ? "js" : "html"}-${c.anonymity}.jpg`;
      const note = `notities-${c.lang}-${c.script ? "js" : "html"}-${c.anonymity}.txt`;
      const noteText = `Aantekening bij ${c.title}.`;
      const contact = contactFor(c);
      await fillReportForm(page, {
        ...(c.fromMemberPage ? {} : { member: c.member }),
        anonymity: c.anonymity,
        ...(contact ? { contact } : {}),
        description,
        files: [jpeg(photo), text(note, noteText)],
      });
      expect(await page.locator("#member").inputValue()).toBe(c.member);
      const nonce = page.locator("input[name=powNonce]");
      if (c.script) {
        // pow.js solves the puzzle in the page: the form goes with a nonce.
        await page.waitForFunction(() => (document.querySelector<HTMLInputElement>("input[name=powNonce]")?.value ?? "") !== "");
      } else {
        // No script, no nonce: the form goes on the hub's wait (none on the test hub; pow-browser.test.ts has the real one).
        expect(await nonce.inputValue()).toBe("");
      }
      await visited("report form, filled in");

      const before = chromium.hub.deps.clock.now();
      expect(await postAndWait(page, "/melden", () => page.click("form[data-pow] button[type=submit]"))).toBe(200);
      expect((await page.locator("h1").textContent())?.trim()).toBe(t.receiptTitle);
      const after = chromium.hub.deps.clock.now();
      const code = (await page.getByTestId("receipt-code").textContent())?.trim() ?? "";
      expect(code).toMatch(RECEIPT_CODE_SHAPE);
      expect(page.url()).not.toContain(code.slice(5, 9));
      const record = await caseByCode(chromium.hub, code);

      // Where it went and why: the routing's reasons, in the page's language, the desk named.
      const member = await chromium.hub.deps.region.getMember(c.member);
      const desk = await chromium.hub.deps.region.getDesk(record.desk);
      if (!member || !desk) throw new Error(`no member ${c.member} or desk ${record.desk}`);
      expect(desk.id).toBe(member.routes.integriteit);
      const reasons = (await page.locator(`h2:text-is("${t.where}") + ul > li`).allTextContents()).map((r) => r.trim());
      expect(reasons).toEqual([desk.owner === member.id ? t.ownDesk(member.name, desk.name) : t.delegatedDesk(member.name, desk.name)]);
      // The dates promised, counted from the hub's clock and written in the page's language.
      const dates = (await page.locator(`h2:text-is("${t.next}") + ul > li`).allTextContents()).map((d) => d.trim());
      expect([promisedDates(before, c.lang), promisedDates(after, c.lang)].map((p) => [t.ackBy(p.ack), t.feedbackBy(p.feedback)])).toContainEqual(dates);
      await visited("receipt");

      // "I have saved my code": the browser holds the reporter back until the box is ticked.
      const done = page.getByRole("button", { name: t.done, exact: true });
      await done.click();
      expect(await page.locator("#saved:invalid").count()).toBe(1);
      expect((await page.locator("h1").textContent())?.trim()).toBe(t.receiptTitle);
      await page.check("#saved");
      await done.click();
      await page.waitForURL(`${base}/?${c.lang === "en" ? "lang=en" : ""}`);
      await visited("start page after the receipt");

      // Back with the code: the start page's link to the mailbox.
      await page.getByRole("link", { name: t.followUp, exact: true }).click();
      await page.waitForURL(withLang(c.lang, "/opvolgen"));
      await visited("follow-up page");
      await signInToMailbox(page, base, code, c.lang);
      expect(await page.getByTestId("report-text").textContent()).toBe(description);
      expect(await linkedFiles(page)).toEqual([photo, note]);
      const overview = (await page.locator("main dl").textContent()) ?? "";
      expect(overview).toContain(t.received);
      expect(overview).toContain(member.name);
      expect(overview).toContain(desk.name);
      await visited("mailbox");

      // Stored: the level chosen, contact details only where the level needs them, both files, sealed.
      expect(record).toMatchObject({ member: c.member, kind: "melding", channel: "webformulier" });
      const content = await sealedContent(record);
      expect(content.anonymity).toBe(c.anonymity);
      expect(content.contact).toEqual(contact);
      expect(content.description).toBe(description);
      expect(content.files?.map((f) => f.name)).toEqual([photo, note]);
      expect(record.attachments?.map((a) => a.type)).toEqual(["jpeg", "txt"]);

      // The download is named by number, not by the reporter's file name; the photo has lost its metadata.
      const saved = await download(page, photo);
      expect(saved.filename).toBe("bijlage-1.jpg");
      expectStrippedJpeg(saved.bytes);
      expect(saved.bytes.length).toBeLessThan(GPS_JPEG.length);
      const notes = await download(page, note);
      expect(notes.filename).toBe("bijlage-2.txt");
      expect(notes.bytes.toString("utf8")).toBe(noteText);
    } finally {
      await axe.close();
      await context.close();
    }
  });

  it("checked a photo that had metadata to lose", () => {
    expect(GPS_JPEG.includes(APP1) && GPS_JPEG.includes(Buffer.from("Exif\0\0", "latin1"))).toBe(true);
  });
});

describe("the mailbox", () => {
  it("shows a desk question as new; the reporter answers with a file; the answer is listed and sealed", async () => {
    const page = await chromium.withScript.newPage();
    const { code, record } = await submitReport(
      page,
      { lang: "nl", member: "medemblik", description: "Er verdwijnt geld uit de kas van de kantine." },
      "Uw melding is ontvangen",
    );
    const question = "Kunt u zeggen wanneer dit gebeurde?";
    await sendDeskMessage(chromium.hub.deps, { member: record.member, caseId: record.id }, { by: "staff-test", kind: "bericht", text: question });

    await openMailbox(page, code);
    expect(await page.locator("[role=status]").textContent()).toContain("Er is een nieuw bericht van de balie.");
    const asked = page.locator("article.hub-message");
    expect(await asked.count()).toBe(1);
    expect(await asked.locator("h3").textContent()).toMatch(/^Van de balie, .+ \(nieuw\)$/);
    expect(await asked.locator("p").textContent()).toBe(question);

    // Sent empty: the mailbox comes back with the error at the field, which axe finds accessible.
    const emptyStatus = await postAndWait(page, "/brievenbus/bericht", () => page.getByRole("button", { name: "Bericht versturen" }).click());
    expect(emptyStatus).toBe(400);
    expect(await page.title()).toMatch(/^Fout:/);
    expect(await page.locator('[role=alert] a[href="#text"]').textContent()).toBe("Schrijf uw bericht.");
    expect(await page.locator("#text").getAttribute("aria-invalid")).toBe("true");
    await expectNoViolations(page, "mailbox with an empty message");

    const answer = `Het gebeurde op dinsdagmiddag, rond de lunch (${Date.now()}).`;
    await page.fill("#text", answer);
    await page.setInputFiles("#files", [text("kasboek-dinsdag.txt", "Kas: 40 euro te weinig.")]);
    const sentStatus = await postAndWait(page, "/brievenbus/bericht", () => page.getByRole("button", { name: "Bericht versturen" }).click());
    expect(sentStatus).toBe(303);
    await page.waitForURL(/\/brievenbus\?gedaan=bericht$/);
    expect(new URL(page.url()).search).toBe("?gedaan=bericht");
    expect(await page.locator("[role=status]").textContent()).toContain("Uw bericht is verstuurd.");
    const messages = page.locator("article.hub-message");
    expect(await messages.count()).toBe(2);
    // Opened once, the question is no longer new.
    expect(await messages.nth(0).locator("h3").textContent()).not.toContain("nieuw");
    expect(await messages.nth(1).locator("h3").textContent()).toMatch(/^Van u, /);
    expect(await messages.nth(1).locator("p").textContent()).toBe(answer);
    expect(await linkedFiles(page, "article.hub-message")).toEqual(["kasboek-dinsdag.txt"]);
    expect(await page.locator("#text").inputValue()).toBe("");

    const stored = await chromium.hub.deps.cases.getCase(record.member, record.id);
    expect(stored?.messages?.map((m) => m.from)).toEqual(["balie", "melder"]);
    expect(stored?.messages?.[0]?.readAt).toBeDefined();
    expect(stored?.attachments?.at(-1)).toMatchObject({ type: "txt", from: "melder", message: "1" });
    const dump = await tableDump();
    expect(dump).toContain(record.id);
    for (const secret of [answer, question, "kasboek-dinsdag.txt", "Kas: 40 euro te weinig."]) expect(dump).not.toContain(secret);
    await page.close();
  });

  it("on an advice contact: consent given with its date, withdrawn, then the question closed", async () => {
    const page = await chromium.withScript.newPage();
    await page.goto(`${chromium.hub.url}/melden`);
    expect(await page.locator('label[for="wants-advies"]').textContent()).toContain("Eerst praten met een vertrouwenspersoon");
    const { code, record } = await submitReport(
      page,
      { lang: "nl", member: "hoorn", wants: "advies", description: "Ik wil eerst praten over hoe mijn teamleider mij behandelt." },
      "Uw vraag is ontvangen",
    );
    expect(record).toMatchObject({ kind: "advies", desk: "hoorn-vp" });

    await openMailbox(page, code);
    expect(await page.locator("#consent").textContent()).toContain("U hebt geen toestemming gegeven.");
    await expectNoViolations(page, "advice-contact mailbox");

    await page.getByRole("button", { name: "Ik geef toestemming om door te verwijzen" }).click();
    expect(await page.locator("[role=status]").textContent()).toContain("Uw keuze over toestemming is opgeslagen.");
    const consented = await chromium.hub.deps.cases.getCase(record.member, record.id);
    const consent = consented && (await openConsent(chromium.hub.deps.sealer, consented));
    expect(consent?.given).toBe(true);
    const date = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(consent?.at);
    expect(await page.locator("#consent").textContent()).toContain(`U hebt toestemming gegeven op ${date}.`);
    expect(await page.locator("main ol").textContent()).toContain("U gaf of trok uw toestemming voor doorverwijzen");
    await expectNoViolations(page, "advice-contact mailbox with consent");

    await page.getByRole("button", { name: "Ik trek mijn toestemming in" }).click();
    expect(await page.locator("#consent").textContent()).toContain("U hebt geen toestemming gegeven.");
    const withdrawn = await chromium.hub.deps.cases.getCase(record.member, record.id);
    expect(withdrawn && (await openConsent(chromium.hub.deps.sealer, withdrawn))?.given).toBe(false);

    await page.getByRole("button", { name: "Mijn vraag afsluiten" }).click();
    expect(await page.locator("main").textContent()).toContain("Deze melding is afgesloten. U kunt de berichten nog lezen.");
    expect(await page.locator("main ol").textContent()).toContain("U sloot uw vraag af");
    expect(await page.locator("#text").count()).toBe(0);
    expect(await page.locator('form[action^="/brievenbus/bericht"], form[action^="/brievenbus/toestemming"], form[action^="/brievenbus/afsluiten"]').count()).toBe(0);
    expect(await page.getByRole("button", { name: "Bericht versturen" }).count()).toBe(0);
    expect((await chromium.hub.deps.cases.getCase(record.member, record.id))?.state).toBe("gesloten");
    await page.close();
  });

  const FEEDBACK = {
    nl: {
      receiptTitle: "Uw melding is ontvangen",
      description: "Mijn leidinggevende laat declaraties van vrienden zonder controle door.",
      feedback: "Wij hebben uw melding onderzocht. Er volgt een gesprek met de betrokkene en de regels worden aangescherpt.",
      heading: /^Terugkoppeling van de balie, \d{1,2} [a-z]+ \d{4} \(nieuw\)$/,
      status: "In behandeling",
      states: ["Ontvangen", "Ontvangst bevestigd", "Wordt beoordeeld", "In behandeling", "U kreeg terugkoppeling van de balie"],
      timeline: "Verloop",
    },
    en: {
      receiptTitle: "Your report has been received",
      description: "My manager approves friends' expense claims without any check.",
      feedback: "We looked into your report. There will be a conversation with the person concerned and the rules will be tightened.",
      heading: /^Feedback from the desk, \d{1,2} [A-Z][a-z]+ \d{4} \(new\)$/,
      status: "Being handled",
      states: ["Received", "Receipt confirmed", "Being assessed", "Being handled", "You received feedback from the desk"],
      timeline: "Timeline",
    },
  } as const;

  it.each(["nl", "en"] as const)("shows the desk's feedback (%s): the message, the states in the reporter's words, no staff id, no internal note", async (lang) => {
    const t = FEEDBACK[lang];
    const page = await chromium.withScript.newPage();
    const { code, record } = await submitReport(page, { lang, member: "hoorn", description: t.description }, t.receiptTitle);

    // The desk, through the workspace's own use cases: three steps, an internal note, then the feedback.
    const by = "demo-bi-hoorn";
    const ref = { member: record.member, caseId: record.id, desk: record.desk, by };
    let current = record;
    for (const to of ["bevestigd", "triage", "vooronderzoek"] as const) {
      current = await transitionCase(chromium.hub.deps, { member: record.member, caseId: record.id, desk: record.desk, to, seen: caseStep(current), by });
    }
    const note = `INTERN-${lang}: eerst met P&O overleggen over de betrokkene.`;
    await addInternalNote(chromium.hub.deps, ref, note);
    await messageReporter(chromium.hub.deps, ref, { kind: "terugkoppeling", text: t.feedback });
    const stored = await chromium.hub.deps.cases.getCase(record.member, record.id);
    expect(stored?.feedbackAt).toBeDefined();

    await openMailbox(page, code, lang);
    const statusRow = page.locator("main dl > div").first();
    expect((await statusRow.locator("dd").textContent())?.trim()).toBe(t.status);
    const messages = page.locator("article.hub-message");
    expect(await messages.count()).toBe(1);
    expect((await messages.locator("h3").textContent())?.trim()).toMatch(t.heading);
    expect((await messages.locator("p").textContent())?.trim()).toBe(t.feedback);

    // The timeline: each step in the reporter's words, dated in the page's language.
    const format = new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeZone: "Europe/Amsterdam" });
    const history = stored?.history ?? [];
    expect(history.map((h) => h.state)).toEqual(["ontvangen", "bevestigd", "triage", "vooronderzoek", "vooronderzoek"]);
    const timeline = (await page.locator(`h2:text-is("${t.timeline}") + ol > li`).allTextContents()).map((li) => li.trim());
    expect(timeline).toEqual(history.map((h, i) => `${format.format(new Date(h.at))}: ${t.states[i]}`));

    // Nothing internal: not who on the desk did what, not the note, not the desk's own names for the states.
    const shown = await page.content();
    for (const internal of [by, "Marieke de Boer", note, "INTERN", "vooronderzoek", "triage"]) expect(shown).not.toContain(internal);
    await expectNoViolations(page, `mailbox with feedback (${lang})`);
    await page.close();
  });

  it("works by keyboard alone: Tab to the message, type, Tab to the button, Enter", async () => {
    const page = await chromium.noScript.newPage();
    const { code, record } = await submitReport(
      page,
      { lang: "nl", member: "drechterland", description: "Een collega neemt steeds spullen van het werk mee naar huis." },
      "Uw melding is ontvangen",
    );
    await openMailbox(page, code);

    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName.toLowerCase()}#${el.id}|${(el.textContent ?? "").trim()}` : "";
      });
    const stops: string[] = [];
    for (let i = 0; i < 30 && !stops.at(-1)?.startsWith("textarea#text"); i++) {
      await page.keyboard.press("Tab");
      stops.push(await focused());
    }
    expect(stops[0]).toBe("a#|Naar de inhoud");
    expect(stops.at(-1)).toMatch(/^textarea#text\|/);
    const message = "Met het toetsenbord: hij deed het weer op vrijdag.";
    await page.keyboard.type(message);
    // The file picker is a stop of its own, then the button.
    await page.keyboard.press("Tab");
    expect(await focused()).toMatch(/^input#files\|/);
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("button#|Bericht versturen");
    await Promise.all([page.waitForURL(/\/brievenbus\?gedaan=bericht$/), page.keyboard.press("Enter")]);

    expect(await page.locator("[role=status]").textContent()).toContain("Uw bericht is verstuurd.");
    expect(await page.locator("article.hub-message p").allTextContents()).toEqual([message]);
    const stored = await chromium.hub.deps.cases.getCase(record.member, record.id);
    expect(stored?.messages?.map((m) => m.from)).toEqual(["melder"]);
    await page.close();
  });
});

describe("a refused upload", () => {
  it("comes back with status 400, the file named at #files, every answer kept and no case stored", async () => {
    const page = await chromium.withScript.newPage();
    const before = await storedCases();
    const blobsBefore = await storedBlobs();
    expect(blobsBefore.length).toBeGreaterThan(0);
    const description = "Ik stuur een foto mee van het bord in de kantine.";
    await fillReport(page, {
      lang: "nl",
      member: "stede-broec",
      anonymity: "vertrouwelijk",
      contact: { name: "Kim Melder", email: "kim@voorbeeld.nl" },
      description,
      files: [RENAMED_EXECUTABLE],
    });
    const status = await postAndWait(page, "/melden", () => page.click("form[data-pow] button[type=submit]"));
    expect(status).toBe(400);
    expect(await page.title()).toMatch(/^Fout:/);

    const link = page.locator('[role=alert] a[href="#files"]');
    expect(await link.count()).toBe(1);
    expect(await link.textContent()).toMatch(
      /^[‘']foto\.jpg[’'] kan niet worden toegevoegd: dit soort bestand kunnen we niet aannemen\. Toegestaan zijn pdf, jpg, png, heic, docx, txt en eml\.$/,
    );
    expect(await page.locator("[role=alert] a").count()).toBe(1);
    expect(await page.locator("#files").getAttribute("aria-invalid")).toBe("true");

    expect(await page.locator("#member").inputValue()).toBe("stede-broec");
    expect(await page.locator("#reporterType-medewerker").isChecked()).toBe(true);
    expect(await page.locator('[id="subcategories-omgang.discriminatie"]').isChecked()).toBe(true);
    expect(await page.locator("#description").inputValue()).toBe(description);
    expect(await page.locator("#anonymity-vertrouwelijk").isChecked()).toBe(true);
    expect(await page.locator("#contactName").inputValue()).toBe("Kim Melder");
    expect(await page.locator("#contactEmail").inputValue()).toBe("kim@voorbeeld.nl");

    expect(await storedCases()).toEqual(before);
    expect(await storedBlobs()).toEqual(blobsBefore);
    await expectNoViolations(page, "report form with a refused file");
    await page.close();
  });
});

describe("requests", () => {
  it("went to the hub alone", () => {
    const hub = new URL(chromium.hub.url).origin;
    expect(chromium.requested.length).toBeGreaterThan(20);
    expect(chromium.requested.filter((url) => new URL(url).origin !== hub)).toEqual([]);
    // A download is no request event of the context: its URL is checked here.
    expect(downloaded.length).toBe(2 * COMBINATIONS.length);
    expect(downloaded.filter((url) => new URL(url).origin !== hub || !new URL(url).pathname.startsWith("/brievenbus/bijlage/"))).toEqual([]);
  });
});
