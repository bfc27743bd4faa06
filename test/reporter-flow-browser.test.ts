// The reporter's whole flow in real Chromium, with files: every anonymity level (Dutch and English, with and without
// JavaScript), a desk question answered from the mailbox, an advice contact's consent and closing, the mailbox by
// keyboard alone, and a refused upload. axe-core checks the pages; every request the pages make must go to the hub.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CaseRecord, decodeContent, sendDeskMessage } from "@meldpunt/domain";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoViolations, useHubInChromium } from "./support/browser";
import { caseItems, rawItems } from "./support/local";

const chromium = useHubInChromium();

/** A phone photo: EXIF with camera and GPS position, XMP with a name, a comment (packages/attachments/test/fixtures). */
const GPS_JPEG = await readFile(fileURLToPath(new URL("../packages/attachments/test/fixtures/gps.jpg", import.meta.url)));
const CODE_SHAPE = /^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/;

type Lang = "nl" | "en";
type Upload = { name: string; mimeType: string; buffer: Buffer };

const jpeg = (name: string): Upload => ({ name, mimeType: "image/jpeg", buffer: GPS_JPEG });
const text = (name: string, content: string): Upload => ({ name, mimeType: "text/plain", buffer: Buffer.from(content, "utf8") });

const withLang = (lang: Lang, path: string) => `${chromium.hub.url}${path}${lang === "en" ? `${path.includes("?") ? "&" : "?"}lang=en` : ""}`;

interface Report {
  lang: Lang;
  member: string;
  description: string;
  wants?: "melding" | "advies";
  anonymity?: "anoniem" | "vertrouwelijk" | "open";
  contact?: { name: string; phone?: string; email?: string };
  files?: Upload[];
}

/** Fills the report form as a reporter does; sends nothing. */
async function fillReport(page: Page, report: Report) {
  await page.goto(withLang(report.lang, "/melden"));
  await page.selectOption("#member", report.member);
  await page.check(`#wants-${report.wants ?? "melding"}`);
  await page.check("#reporterType-medewerker");
  await page.check('[id="subcategories-omgang.discriminatie"]');
  await page.fill("#description", report.description);
  await page.check(`#anonymity-${report.anonymity ?? "anoniem"}`);
  if (report.contact) {
    await page.fill("#contactName", report.contact.name);
    if (report.contact.phone) await page.fill("#contactPhone", report.contact.phone);
    if (report.contact.email) await page.fill("#contactEmail", report.contact.email);
  }
  if (report.files) await page.setInputFiles("#files", report.files);
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
  await page.click("form[data-pow] button[type=submit]");
  expect((await page.locator("h1").textContent())?.trim()).toBe(receiptTitle);
  const code = (await page.getByTestId("receipt-code").textContent())?.trim() ?? "";
  expect(code).toMatch(CODE_SHAPE);
  expect(page.url()).not.toContain(code.slice(5, 9));
  return { code, record: await caseSince(before) };
}

const MAILBOX_TITLE = { nl: "Uw brievenbus", en: "Your mailbox" };

/** Types the code at /opvolgen and lands in the mailbox. */
async function openMailbox(page: Page, code: string, lang: Lang = "nl") {
  await page.goto(withLang(lang, "/opvolgen"));
  await page.fill("#code", code);
  await page.click("form button[type=submit]");
  expect((await page.locator("h1").textContent())?.trim()).toBe(MAILBOX_TITLE[lang]);
  expect(new URL(page.url()).pathname).toBe("/brievenbus");
}

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

/** Sends a form by `click` and answers the status of the POST itself (a redirect is 303), once the page has loaded. */
async function postAndWait(page: Page, path: string, click: () => Promise<void>): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === path),
    click(),
  ]);
  await page.waitForLoadState();
  return response.status();
}

describe("the whole flow with files, at every anonymity level", () => {
  const levels: {
    title: string;
    context: () => BrowserContext;
    report: Report;
    receiptTitle: string;
    photo: string;
    note: string;
    axe?: string;
  }[] = [
    {
      title: "anonymous, in Dutch, without JavaScript",
      context: () => chromium.noScript,
      report: { lang: "nl", member: "koggenland", anonymity: "anoniem", description: "Anoniem: een collega werd uitgescholden bij de balie." },
      receiptTitle: "Uw melding is ontvangen",
      photo: "balie-anoniem.jpg",
      note: "notities-anoniem.txt",
    },
    {
      title: "confidential, in English, with JavaScript",
      context: () => chromium.withScript,
      report: {
        lang: "en",
        member: "hoorn",
        anonymity: "vertrouwelijk",
        contact: { name: "Sam Reporter", email: "sam@example.com" },
        description: "Confidential: my manager mocked a colleague's accent in every meeting.",
      },
      receiptTitle: "Your report has been received",
      photo: "meeting-room.jpg",
      note: "notes-confidential.txt",
      axe: "mailbox (en)",
    },
    {
      title: "open, in Dutch, with JavaScript",
      context: () => chromium.withScript,
      report: {
        lang: "nl",
        member: "enkhuizen",
        anonymity: "open",
        contact: { name: "Open Melder", phone: "0229 123 456" },
        description: "Open: op de afdeling wordt een collega steeds buitengesloten om haar afkomst.",
      },
      receiptTitle: "Uw melding is ontvangen",
      photo: "afdeling-open.jpg",
      note: "notities-open.txt",
      axe: "mailbox (nl)",
    },
  ];

  it.each(levels)("$title: receipt, code, mailbox with both files, the photo downloaded without EXIF", async (level) => {
    const page = await level.context().newPage();
    const noteText = `Aantekening bij ${level.title}.`;
    const { code, record } = await submitReport(page, { ...level.report, files: [jpeg(level.photo), text(level.note, noteText)] }, level.receiptTitle);

    // Contact details are kept only where the level needs them, and sealed with the report.
    const content = await sealedContent(record);
    expect(content.anonymity).toBe(level.report.anonymity);
    expect(content.contact).toEqual(level.report.contact);
    expect(content.files?.map((f) => f.name)).toEqual([level.photo, level.note]);
    expect(record.attachments?.map((a) => a.type)).toEqual(["jpeg", "txt"]);

    await openMailbox(page, code, level.report.lang);
    expect(await page.getByTestId("report-text").textContent()).toContain(level.report.description);
    expect(await linkedFiles(page)).toEqual([level.photo, level.note]);

    // The download is named by number, not by the reporter's file name; the photo has lost its metadata.
    const photo = await download(page, level.photo);
    expect(photo.filename).toBe("bijlage-1.jpg");
    expect(GPS_JPEG.includes(APP1) && GPS_JPEG.includes(Buffer.from("Exif\0\0", "latin1"))).toBe(true);
    expectStrippedJpeg(photo.bytes);
    expect(photo.bytes.length).toBeLessThan(GPS_JPEG.length);
    const note = await download(page, level.note);
    expect(note.filename).toBe("bijlage-2.txt");
    expect(note.bytes.toString("utf8")).toBe(noteText);

    if (level.axe) await expectNoViolations(page, level.axe);
    await page.close();
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
    expect(consented?.referralConsentAt).toBeDefined();
    const date = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(new Date(consented?.referralConsentAt as string));
    expect(await page.locator("#consent").textContent()).toContain(`U hebt toestemming gegeven op ${date}.`);
    expect(await page.locator("main ol").textContent()).toContain("U gaf toestemming voor doorverwijzen");
    await expectNoViolations(page, "advice-contact mailbox with consent");

    await page.getByRole("button", { name: "Ik trek mijn toestemming in" }).click();
    expect(await page.locator("#consent").textContent()).toContain("U hebt geen toestemming gegeven.");
    expect(await page.locator("main ol").textContent()).toContain("U trok uw toestemming in");
    expect((await chromium.hub.deps.cases.getCase(record.member, record.id))?.referralConsentAt).toBeUndefined();

    await page.getByRole("button", { name: "Mijn vraag afsluiten" }).click();
    expect(await page.locator("main").textContent()).toContain("Deze melding is afgesloten. U kunt de berichten nog lezen.");
    expect(await page.locator("main ol").textContent()).toContain("U sloot uw vraag af");
    expect(await page.locator("#text").count()).toBe(0);
    expect(await page.locator('form[action^="/brievenbus/bericht"], form[action^="/brievenbus/toestemming"], form[action^="/brievenbus/afsluiten"]').count()).toBe(0);
    expect(await page.getByRole("button", { name: "Bericht versturen" }).count()).toBe(0);
    expect((await chromium.hub.deps.cases.getCase(record.member, record.id))?.state).toBe("gesloten");
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
      files: [{ name: "foto.jpg", mimeType: "image/jpeg", buffer: Buffer.concat([Buffer.from("\x7fELF\x02\x01\x01\0", "latin1"), Buffer.alloc(120, 0x41)]) }],
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
    expect(downloaded.length).toBe(6);
    expect(downloaded.filter((url) => new URL(url).origin !== hub || !new URL(url).pathname.startsWith("/brievenbus/bijlage/"))).toEqual([]);
  });
});
