// The reporter's first flow in real Chromium with JavaScript disabled: submit, keep the code, follow up.
// axe-core checks each page; every request the pages make must go to the hub itself.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, useHubInChromium } from "./support/browser";

const chromium = useHubInChromium();

/** The choices every report needs besides its text. Ids with a dot need the attribute selector. */
async function fillRequired(page: Page) {
  await page.check("#reporterType-medewerker");
  await page.check('[id="subcategories-omgang.discriminatie"]');
}

async function submitReport(page: Page, description: string): Promise<string> {
  await page.goto(`${chromium.hub.url}/melden`);
  await page.selectOption("#member", "koggenland");
  await fillRequired(page);
  await page.fill("#description", description);
  await page.click("main button[type=submit]");
  expectText(await page.locator("h1").textContent(), "Uw melding is ontvangen");
  return (await page.getByTestId("receipt-code").textContent())?.trim() ?? "";
}

function expectText(text: string | null, expected: string) {
  expect(text?.trim()).toBe(expected);
}

describe("reporter flow without JavaScript", () => {
  it("submits a report, shows the code once, and the code shows status and text", async () => {
    const page = await chromium.noScript.newPage();
    await page.goto(`${chromium.hub.url}/melden`);
    await page.selectOption("#member", "koggenland");
    await fillRequired(page);
    await page.fill("#description", "Tijdens het overleg werd ik uitgelachen om mijn afkomst.");
    await page.click("main button[type=submit]");
    expectText(await page.locator("h1").textContent(), "Uw melding is ontvangen");
    const code = (await page.getByTestId("receipt-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    expect(page.url()).not.toContain(code.slice(0, 4));
    // "I have saved it": the browser holds the reporter back until the box is ticked, and the code stays out of the URL.
    await page.click("button:has-text('Klaar')");
    expect(new URL(page.url()).pathname).toBe("/melden");
    await page.check("#saved");
    await page.click("button:has-text('Klaar')");
    await page.waitForURL(`${chromium.hub.url}/?`);
    expect(page.url()).toBe(`${chromium.hub.url}/?`);

    await page.goto(`${chromium.hub.url}/opvolgen`);
    await page.fill("#code", code);
    await page.click("main button[type=submit]");
    expectText(await page.locator("h1").textContent(), "Uw brievenbus");
    const statusText = await page.locator("main").textContent();
    expect(statusText).toContain("Ontvangen");
    expect(statusText).toContain("Gemeente Koggenland");
    expect(await page.getByTestId("report-text").textContent()).toContain("uitgelachen om mijn afkomst");
    expect(page.url()).toBe(`${chromium.hub.url}/brievenbus`);
  });

  it("shows errors linked to their fields when the form is incomplete", async () => {
    const page = await chromium.noScript.newPage();
    await page.goto(`${chromium.hub.url}/melden`);
    await page.click("main button[type=submit]");
    expect(await page.title()).toMatch(/^Fout:/);
    const summary = page.locator("[role=alert]");
    // Organisation, who you are, the subject and what happened: each linked to its field.
    expect(await summary.locator("a").count()).toBe(4);
    await summary.locator('a[href="#description"]').click();
    expect(page.url()).toMatch(/#description$/);
    expect(await page.locator("#description").evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator("#description").getAttribute("aria-describedby")).toContain("description-error");
  });

  it("works by keyboard alone", async () => {
    const page = await chromium.noScript.newPage();
    await page.goto(`${chromium.hub.url}/opvolgen`);
    // Tab from the top of the page until the code field has focus (bounded).
    for (let i = 0; i < 10 && !(await page.locator("#code").evaluate((el) => el === document.activeElement).catch(() => false)); i++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.type("0000 0000 0000 0000 0000 0000");
    await page.keyboard.press("Enter");
    await page.waitForLoadState();
    expect(await page.locator("#code-error").textContent()).toContain("Bij deze code vinden we geen melding");
  });
});

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  it("finds no violations on the start, report, error, receipt, follow-up and status pages", async () => {
    const page = await chromium.withScript.newPage();
    const check = async (name: string) => expect({ name, violations: await axeViolations(page) }).toEqual({ name, violations: [] });

    await page.goto(`${chromium.hub.url}/`);
    await check("start");
    await page.goto(`${chromium.hub.url}/melden?lang=en`);
    await check("report form (en)");
    await page.goto(`${chromium.hub.url}/melden`);
    await page.click("main button[type=submit]");
    await check("report form with errors");
    const code = await submitReport(page, "Mijn leidinggevende deelt vertrouwelijke dossiers met familie.");
    await check("receipt");
    await page.goto(`${chromium.hub.url}/opvolgen`);
    await check("follow-up form");
    await page.fill("#code", code);
    await page.click("main button[type=submit]");
    await check("mailbox");
  });

  it("made no request to anything but the hub", () => {
    expect(chromium.requested.length).toBeGreaterThan(5);
    expect(chromium.requested.filter((url) => !url.startsWith(chromium.hub.url))).toEqual([]);
  });
});
