// axe-core (WCAG 2.1 AA) on every page of the reporter's flow, in Dutch and in English, error states included (issue 3,
// "Tests"): the report form and what it comes back with, the receipts, the follow-up page and its refusals, the mailbox
// in each of its states, the review of a written record, and the error pages. One row per state; each row first checks
// that the page is in the state it names (status, language, what marks it), then runs axe. Each row runs in a browser
// context of its own, with JavaScript (axe needs it; the pages are the same without, see reporter-flow-browser).
import { randomInt } from "node:crypto";
import { type CaseRecord, sendDeskMessage, submitReport } from "@meldpunt/domain";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoViolations,
  fillReportForm,
  type PageLang as Lang,
  postAndWait,
  RECEIPT_CODE_SHAPE,
  RENAMED_EXECUTABLE,
  recordedContext,
  signInToMailbox,
  textUpload,
  useHubInChromium,
  withLang,
} from "./support/browser";
import { form, testHub } from "./support/local";

const chromium = useHubInChromium();

/** A hub with the production wait for a form sent without a proof of work, for the "sent too early" state. */
let waitingHub: Awaited<ReturnType<typeof testHub>>;
beforeAll(async () => {
  waitingHub = await testHub({});
});
afterAll(async () => {
  await waitingHub?.close();
});

const url = (lang: Lang, path: string) => withLang(chromium.hub.url, lang, path);

/** A report stored as the form stores it (the domain's own use case), and its receipt code. */
async function stored(values: { wants?: "melding" | "advies"; member?: string; description?: string } = {}): Promise<{ code: string; record: CaseRecord }> {
  const submitted = await submitReport(chromium.hub.deps, {
    member: values.member ?? "hoorn",
    wants: values.wants ?? "melding",
    reporterType: "medewerker",
    anonymity: "anoniem",
    subcategories: ["omgang.pesten"],
    description: values.description ?? "Voor de toegankelijkheidscontrole: een collega wordt gepest.",
    formToken: chromium.hub.deps.tokens.issue(),
  });
  const [record] = await chromium.hub.deps.cases.findByReceiptLocator(chromium.hub.deps.receipts.parse(submitted.receiptCode)?.locator ?? "");
  if (!record) throw new Error("stored report not found");
  return { code: submitted.receiptCode, record };
}

/** As staff register an oral report (the workspace's intake): by phone, with a written record for the reporter to review. */
async function oral(): Promise<string> {
  const { code, record } = await stored({ description: "Verslag van het telefoongesprek: de melder zag geld uit de kas verdwijnen." });
  await chromium.hub.deps.cases.updateCase({ ...record, channel: "telefoon", recordReview: { status: "open" }, version: record.version + 1 });
  return code;
}

/** A code of the right shape that no report has: a fresh locator each time. */
function unknownCode(): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const chars = Array.from({ length: 24 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return (chars.match(/.{4}/g) as string[]).join("-");
}

/** What marks a state, per language where it is text. */
const TEXT = {
  nl: { receipt: "Uw melding is ontvangen", adviceReceipt: "Uw vraag is ontvangen", send: "Bericht versturen", signOut: "Brievenbus sluiten", consent: "Ik geef toestemming om door te verwijzen", close: "Mijn vraag afsluiten", correct: "Correctie versturen" },
  en: { receipt: "Your report has been received", adviceReceipt: "Your question has been received", send: "Send message", signOut: "Close the mailbox", consent: "I consent to a referral", close: "Close my question", correct: "Send correction" },
} as const;

/** Sends the report form, the code, or a mailbox form by its button, and waits for the page it leads to. */
const submitForm = (page: Page) => postAndWait(page, "/melden", () => page.click("form[data-pow] button[type=submit]"));
const submitCode = (page: Page) => postAndWait(page, "/opvolgen", () => page.click("main form button[type=submit]"));
const button = (page: Page, name: string, path: string) => postAndWait(page, path, () => page.getByRole("button", { name, exact: true }).click());
const alertLinks = (page: Page) => page.locator("[role=alert] a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
const status = (page: Page) => page.locator("main [role=status]").textContent();

interface Row {
  name: string;
  /** The HTTP status of the page as shown. */
  status: number;
  /** Brings a fresh page (its own context) into the state, and checks what marks it. */
  reach(page: Page, lang: Lang): Promise<void>;
}

const ROWS: Row[] = [
  {
    name: "report form",
    status: 200,
    async reach(page, lang) {
      await page.goto(url(lang, "/melden"));
      expect(await page.locator("form[data-pow] #description").count()).toBe(1);
    },
  },
  {
    name: "report form of a member, in its colours",
    status: 200,
    async reach(page, lang) {
      await page.goto(url(lang, "/melden?organisatie=hoorn&wens=melding"));
      expect(await page.locator('link[href="/assets/thema/hoorn.css"]').count()).toBe(1);
      expect(await page.locator("header .hub-member-name").textContent()).toBe("Gemeente Hoorn");
      expect(await page.locator("#member").inputValue()).toBe("hoorn");
    },
  },
  {
    name: "report form with field errors",
    status: 400,
    async reach(page, lang) {
      await page.goto(url(lang, "/melden"));
      await submitForm(page);
      expect(await alertLinks(page)).toEqual(["#member", "#reporterType-medewerker", "#subcategories-financieel.fraude", "#description"]);
      expect(await page.locator("#description").getAttribute("aria-invalid")).toBe("true");
    },
  },
  {
    name: "report form with field errors, its files to be chosen again",
    status: 400,
    async reach(page, lang) {
      await page.goto(url(lang, "/melden"));
      await page.fill("#description", "Met een bijlage, maar zonder de andere antwoorden.");
      await page.setInputFiles("#files", [textUpload("aantekening.txt", "Een aantekening.")]);
      await submitForm(page);
      expect(await alertLinks(page)).toContain("#files");
      expect(await page.locator("#description").inputValue()).toBe("Met een bijlage, maar zonder de andere antwoorden.");
    },
  },
  {
    name: "report form with a refused file",
    status: 400,
    async reach(page, lang) {
      await page.goto(url(lang, "/melden"));
      await fillReportForm(page, { member: "koggenland", description: "Met een bestand dat geen foto is.", files: [RENAMED_EXECUTABLE] });
      await submitForm(page);
      expect(await alertLinks(page)).toEqual(["#files"]);
      expect(await page.locator("#files").getAttribute("aria-invalid")).toBe("true");
    },
  },
  {
    name: "report form sent too early (no proof of work, before the wait)",
    status: 400,
    async reach(page, lang) {
      // The script that would solve the puzzle does not arrive: the form goes without a nonce, at once.
      await page.route("**/assets/pow.js", (route) => route.abort());
      await page.goto(withLang(waitingHub.url, lang, "/melden"));
      await fillReportForm(page, { member: "hoorn", description: "Meteen verstuurd, zonder puzzel." });
      await submitForm(page);
      expect(await page.getByTestId("form-notice").count()).toBe(1);
      expect(await page.locator("#description").inputValue()).toBe("Meteen verstuurd, zonder puzzel.");
    },
  },
  {
    name: "receipt",
    status: 200,
    async reach(page, lang) {
      await page.goto(url(lang, "/melden"));
      await fillReportForm(page, { member: "enkhuizen", description: "Voor de ontvangstpagina." });
      await submitForm(page);
      expect((await page.locator("h1").textContent())?.trim()).toBe(TEXT[lang].receipt);
      expect((await page.getByTestId("receipt-code").textContent())?.trim()).toMatch(RECEIPT_CODE_SHAPE);
    },
  },
  {
    name: "receipt of an advice contact",
    status: 200,
    async reach(page, lang) {
      await page.goto(url(lang, "/melden?organisatie=hoorn&wens=advies"));
      await fillReportForm(page, { wants: "advies", description: "Ik wil eerst met iemand praten." });
      await submitForm(page);
      expect((await page.locator("h1").textContent())?.trim()).toBe(TEXT[lang].adviceReceipt);
      expect((await page.getByTestId("receipt-code").textContent())?.trim()).toMatch(RECEIPT_CODE_SHAPE);
    },
  },
  {
    name: "follow-up page",
    status: 200,
    async reach(page, lang) {
      await page.goto(url(lang, "/opvolgen"));
      expect(await page.locator("#code").count()).toBe(1);
    },
  },
  {
    name: "follow-up with a code that opens nothing",
    status: 400,
    async reach(page, lang) {
      await page.goto(url(lang, "/opvolgen"));
      await page.fill("#code", unknownCode());
      await submitCode(page);
      expect(await alertLinks(page)).toEqual(["#code"]);
      expect(await page.locator("#code").getAttribute("aria-invalid")).toBe("true");
    },
  },
  {
    name: "follow-up with something that is no code",
    status: 400,
    async reach(page, lang) {
      await page.goto(url(lang, "/opvolgen"));
      await page.fill("#code", "ABC");
      await submitCode(page);
      expect(await alertLinks(page)).toEqual(["#code"]);
    },
  },
  {
    name: "follow-up throttled after five wrong codes (429)",
    status: 429,
    async reach(page, lang) {
      const code = unknownCode();
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${chromium.hub.url}/opvolgen`, { ...form({ code }), redirect: "manual" });
        expect(res.status).toBe(400);
      }
      await page.goto(url(lang, "/opvolgen"));
      await page.fill("#code", code);
      await submitCode(page);
      expect(await alertLinks(page)).toEqual(["#code"]);
      expect(await page.locator("#code-error").textContent()).toMatch(lang === "nl" ? /1 minuut/ : /1 minute/);
    },
  },
  {
    name: "mailbox session ended (no session)",
    status: 401,
    async reach(page, lang) {
      await page.goto(url(lang, "/brievenbus"));
      expect(await status(page)).toBeTruthy();
      expect(await page.locator("#code").count()).toBe(1);
    },
  },
  {
    name: "mailbox closed by the reporter (signed out)",
    status: 200,
    async reach(page, lang) {
      await signInToMailbox(page, chromium.hub.url, (await stored()).code, lang);
      await button(page, TEXT[lang].signOut, "/brievenbus/afmelden");
      expect(await status(page)).toBeTruthy();
      expect(await page.locator("#code").count()).toBe(1);
    },
  },
  {
    name: "mailbox",
    status: 200,
    async reach(page, lang) {
      await signInToMailbox(page, chromium.hub.url, (await stored()).code, lang);
      expect(await page.locator("#text").count()).toBe(1);
    },
  },
  {
    name: "mailbox with a new message from the desk",
    status: 200,
    async reach(page, lang) {
      const { code, record } = await stored();
      await sendDeskMessage(chromium.hub.deps, { member: record.member, caseId: record.id }, { by: "demo-bi-hoorn", kind: "bericht", text: "Wanneer gebeurde dit?" });
      await signInToMailbox(page, chromium.hub.url, code, lang);
      expect(await page.locator("article.hub-message").count()).toBe(1);
      expect(await status(page)).toBeTruthy();
    },
  },
  {
    name: "mailbox with an empty-message error",
    status: 400,
    async reach(page, lang) {
      await signInToMailbox(page, chromium.hub.url, (await stored()).code, lang);
      await button(page, TEXT[lang].send, "/brievenbus/bericht");
      expect(await alertLinks(page)).toEqual(["#text"]);
      expect(await page.locator("#text").getAttribute("aria-invalid")).toBe("true");
    },
  },
  {
    name: "mailbox after sending a message with a file",
    status: 200,
    async reach(page, lang) {
      await signInToMailbox(page, chromium.hub.url, (await stored()).code, lang);
      await page.fill("#text", "Het gebeurde op dinsdag.");
      await page.setInputFiles("#files", [textUpload("dinsdag.txt", "Dinsdag, rond de lunch.")]);
      await button(page, TEXT[lang].send, "/brievenbus/bericht");
      await page.waitForURL(/[?&]gedaan=bericht/);
      expect(await page.locator("article.hub-message a[download]").count()).toBe(1);
      expect(await status(page)).toBeTruthy();
    },
  },
  {
    name: "mailbox form from a replaced session (403)",
    status: 403,
    async reach(page, lang) {
      const { code } = await stored();
      await signInToMailbox(page, chromium.hub.url, code, lang);
      // Signed in again in another tab: the first tab's form carries the old session's token.
      const other = await page.context().newPage();
      await signInToMailbox(other, chromium.hub.url, code, lang);
      await other.close();
      await page.fill("#text", "Uit het oude tabblad.");
      await button(page, TEXT[lang].send, "/brievenbus/bericht");
      expect(await page.locator("#text").count()).toBe(0);
    },
  },
  {
    name: "advice-contact mailbox",
    status: 200,
    async reach(page, lang) {
      await signInToMailbox(page, chromium.hub.url, (await stored({ wants: "advies" })).code, lang);
      expect(await page.locator("#consent").count()).toBe(1);
    },
  },
  {
    name: "advice-contact mailbox with consent given",
    status: 200,
    async reach(page, lang) {
      await signInToMailbox(page, chromium.hub.url, (await stored({ wants: "advies" })).code, lang);
      await button(page, TEXT[lang].consent, "/brievenbus/toestemming");
      await page.waitForURL(/[?&]gedaan=toestemming/);
      expect(await status(page)).toBeTruthy();
    },
  },
  {
    name: "advice-contact mailbox after closing",
    status: 200,
    async reach(page, lang) {
      await signInToMailbox(page, chromium.hub.url, (await stored({ wants: "advies" })).code, lang);
      await button(page, TEXT[lang].close, "/brievenbus/afsluiten");
      expect(await page.locator("#text").count()).toBe(0);
      expect(await page.locator("#consent").count()).toBe(0);
    },
  },
  {
    name: "mailbox with a written record to review",
    status: 200,
    async reach(page, lang) {
      await signInToMailbox(page, chromium.hub.url, await oral(), lang);
      expect(await page.locator("#review-title").count()).toBe(1);
      expect(await page.locator("#correction").count()).toBe(1);
    },
  },
  {
    name: "written record: a correction sent empty",
    status: 400,
    async reach(page, lang) {
      await signInToMailbox(page, chromium.hub.url, await oral(), lang);
      await button(page, TEXT[lang].correct, "/brievenbus/verslag");
      // One error, at the correction's own field, with the review still open.
      expect(await alertLinks(page)).toEqual(["#correction"]);
      expect(await page.locator("#correction").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#text").getAttribute("aria-invalid")).toBeNull();
      expect(await page.locator("#review-title").count()).toBe(1);
    },
  },
  {
    name: "written record: after a correction",
    status: 200,
    async reach(page, lang) {
      await signInToMailbox(page, chromium.hub.url, await oral(), lang);
      await page.fill("#correction", "Het was op woensdag, niet op dinsdag.");
      await button(page, TEXT[lang].correct, "/brievenbus/verslag");
      await page.waitForURL(/[?&]gedaan=correctie/);
      expect(await page.locator("#review-title").count()).toBe(0);
      expect(await page.locator("article.hub-message").count()).toBe(1);
    },
  },
  {
    name: "page not found (404)",
    status: 404,
    async reach(page, lang) {
      await page.goto(url(lang, "/bestaat-niet"));
      expect(await page.locator("main h1").count()).toBe(1);
    },
  },
  {
    name: "form too large (413)",
    status: 413,
    async reach(page, lang) {
      // A text form over the hub's body limit (256 KiB): no reporter types that much; the field's own limit is lifted.
      await page.goto(url(lang, "/opvolgen"));
      await page.locator("#code").evaluate((input: HTMLInputElement, size) => {
        input.removeAttribute("maxlength");
        input.value = "A".repeat(size);
      }, 300 * 1024);
      await submitCode(page);
      expect(await page.locator("#code").count()).toBe(0);
    },
  },
];

const CASES = ROWS.flatMap((row) => (["nl", "en"] as const).map((lang) => ({ ...row, lang, title: `${row.name} (${lang})` })));

describe("axe-core on every page of the reporter's flow, both languages, error states included", () => {
  it.concurrent.each(CASES)("$title", { timeout: 60_000 }, async (row) => {
    const context = await recordedContext(chromium);
    try {
      const page = await context.newPage();
      // The status of the document now shown: the last response that loaded the page itself.
      let shown = 0;
      page.on("response", (response) => {
        if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) shown = response.status();
      });
      await row.reach(page, row.lang);
      expect(shown).toBe(row.status);
      expect(await page.locator("html").getAttribute("lang")).toBe(row.lang);
      await expectNoViolations(page, row.title);
    } finally {
      await context.close();
    }
  });
});

describe("requests", () => {
  it("went to the hubs alone", () => {
    const hubs = [new URL(chromium.hub.url).origin, new URL(waitingHub.url).origin];
    expect(chromium.requested.length).toBeGreaterThan(CASES.length);
    expect(chromium.requested.filter((u) => !hubs.includes(new URL(u).origin))).toEqual([]);
  });
});
