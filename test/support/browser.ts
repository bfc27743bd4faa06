// Debian's Chromium driven by playwright-core (Playwright's own browser download does not work here).
import { existsSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
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
