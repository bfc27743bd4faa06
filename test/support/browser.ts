// Debian's Chromium driven by playwright-core (Playwright's own browser download does not work here).
import { existsSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { CaseRecord } from "@meldpunt/domain";
import type { LocalHub } from "@meldpunt/local";
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { testHub } from "./local";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** WCAG 2.1 A and AA rules of axe-core; returns the violations so a failure names them. */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/** Opens `url` (a staff page), logs in at the embedded provider as a demo account, and waits to be back on `url`. */
export async function logInAt(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.fill("#username", username);
  await page.fill("#password", DEMO_PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(url);
}

/** Asserts that axe-core finds nothing on the page; `name` says which page failed. */
export async function expectNoViolations(page: Page, name: string): Promise<void> {
  expect({ name, violations: await axeViolations(page) }).toEqual({ name, violations: [] });
}

/** A Chromium for the tests of one file or describe block: launched before them, closed after them. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("Chromium is not running: call useChromium() at the top of a describe block");
    return browser;
  };
}

/**
 * A local hub and Chromium for one test file, with one browser context without JavaScript (the reporter's flow must
 * work there) and one with it (axe needs to run its script; the pages are the same), and every URL the pages request.
 */
export function useHubInChromium() {
  const state = { requested: [] as string[] } as {
    hub: Awaited<ReturnType<typeof testHub>>;
    browser: Browser;
    noScript: BrowserContext;
    withScript: BrowserContext;
    requested: string[];
  };
  beforeAll(async () => {
    [state.hub, state.browser] = await Promise.all([testHub(), launchChromium()]);
    state.noScript = await state.browser.newContext({ javaScriptEnabled: false });
    state.withScript = await state.browser.newContext();
    for (const context of [state.noScript, state.withScript]) context.on("request", (request) => state.requested.push(request.url()));
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.hub?.close();
  });
  return state;
}

// The reporter's side, shared by the reporter browser tests (reporter-*-browser.test.ts, browser.test.ts).

export type PageLang = "nl" | "en";
/** A file as the file picker takes it. */
export type Upload = { name: string; mimeType: string; buffer: Buffer };
export const textUpload = (name: string, content: string): Upload => ({ name, mimeType: "text/plain", buffer: Buffer.from(content, "utf8") });
/** An ELF executable named as a photo: refused by content. */
export const RENAMED_EXECUTABLE: Upload = {
  name: "foto.jpg",
  mimeType: "image/jpeg",
  buffer: Buffer.concat([Buffer.from("\x7fELF\x02\x01\x01\0", "latin1"), Buffer.alloc(120, 0x41)]),
};
export const RECEIPT_CODE_SHAPE = /^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/;

/** `path` on the hub at `base` in `lang`: English adds `lang=en` to the query, as the hub's own links do. */
export function withLang(base: string, lang: PageLang, path: string): string {
  return `${base}${path}${lang === "en" ? `${path.includes("?") ? "&" : "?"}lang=en` : ""}`;
}

/** A context of the hub's Chromium whose requests are recorded with the others (`requested`), closed with the browser. */
export function recordedContext(chromium: ReturnType<typeof useHubInChromium>, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return chromium.browser.newContext(options).then((context) => {
    context.on("request", (request) => chromium.requested.push(request.url()));
    return context;
  });
}

export interface ReportAnswers {
  /** Left out: the form's own choice stays (a member's start page chose it). */
  member?: string;
  wants?: "melding" | "advies" | "beide";
  anonymity?: "anoniem" | "vertrouwelijk" | "open";
  contact?: { name: string; phone?: string; email?: string };
  description: string;
  when?: string;
  files?: Upload[];
}

/** Fills the report form open in `page` as a reporter does; sends nothing. */
export async function fillReportForm(page: Page, report: ReportAnswers): Promise<void> {
  if (report.member) await page.selectOption("#member", report.member);
  await page.check(`#wants-${report.wants ?? "melding"}`);
  await page.check("#reporterType-medewerker");
  await page.check('[id="subcategories-omgang.discriminatie"]');
  await page.fill("#description", report.description);
  if (report.when) await page.fill("#when", report.when);
  await page.check(`#anonymity-${report.anonymity ?? "anoniem"}`);
  if (report.contact) {
    await page.fill("#contactName", report.contact.name);
    if (report.contact.phone) await page.fill("#contactPhone", report.contact.phone);
    if (report.contact.email) await page.fill("#contactEmail", report.contact.email);
  }
  if (report.files) await page.setInputFiles("#files", report.files);
}

/**
 * Sends a form by `click` (or a key) and answers the status of the POST itself (a redirect is 303), once the page it
 * leads to has loaded (after a redirect, the page redirected to).
 */
export async function postAndWait(page: Page, path: string, click: () => Promise<void>): Promise<number> {
  const loaded = page.waitForEvent("load");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === path),
    click(),
  ]);
  await loaded;
  return response.status();
}

/** The one case a receipt code opens, read back through the store. */
export async function caseByCode(hub: LocalHub, code: string): Promise<CaseRecord> {
  const found = await hub.deps.cases.findByReceiptLocator(hub.deps.receipts.parse(code)?.locator ?? "");
  expect(found).toHaveLength(1);
  return found[0] as CaseRecord;
}

export const MAILBOX_TITLE: Record<PageLang, string> = { nl: "Uw brievenbus", en: "Your mailbox" };

/** Types the code at /opvolgen (opened in `lang` unless `page` is there already) and lands in the mailbox. */
export async function signInToMailbox(page: Page, base: string, code: string, lang: PageLang = "nl"): Promise<void> {
  if (new URL(page.url()).pathname !== "/opvolgen") await page.goto(withLang(base, lang, "/opvolgen"));
  await page.fill("#code", code);
  expect(await postAndWait(page, "/opvolgen", () => page.click("main form button[type=submit]"))).toBe(303);
  expect((await page.locator("h1").textContent())?.trim()).toBe(MAILBOX_TITLE[lang]);
  expect(new URL(page.url()).pathname).toBe("/brievenbus");
}

/**
 * axe-core on the pages a test visits, with or without JavaScript. Without it axe cannot run in the page itself: the
 * page's HTML as the browser parsed it (the DOM as served: what was typed into it is not part of it) is served again at
 * its own URL to a page of `withScript`, with the hub's stylesheets and images and no scripts. `checked` holds the HTML
 * already checked (share it across tests): a page met again unchanged but for its form's tokens is checked once.
 */
export function pageChecker(withScript: BrowserContext, checked = new Set<string>()) {
  let replay: Promise<Page> | undefined;
  let pending: { url: string; html: string } | undefined;
  const replayPage = () => {
    replay ??= withScript.newPage().then(async (page) => {
      await page.route("**/*", (route) => {
        const request = route.request();
        if (pending && request.isNavigationRequest() && request.url() === pending.url) {
          return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: pending.html });
        }
        return request.resourceType() === "script" ? route.abort() : route.continue();
      });
      return page;
    });
    return replay;
  };
  return {
    /** Asserts that axe-core finds nothing on what `page` shows; `script`: whether the page's context runs JavaScript. */
    async check(page: Page, name: string, options: { script: boolean }): Promise<void> {
      const html = await page.content();
      // A form's token, challenge, nonce and CSRF token change with every page and change nothing axe checks.
      const key = html.replace(/(name="(?:formToken|powChallenge|powNonce|csrf)" value=)"[^"]*"/g, '$1""');
      if (checked.has(key)) return;
      if (options.script) {
        await expectNoViolations(page, name);
      } else {
        const target = await replayPage();
        pending = { url: page.url().split("#")[0] as string, html };
        await target.goto(pending.url);
        pending = undefined;
        expect(await target.title()).toBe(await page.title());
        await expectNoViolations(target, `${name} (as served without JavaScript)`);
      }
      checked.add(key);
    },
    async close(): Promise<void> {
      await (await replay)?.close();
    },
  };
}
