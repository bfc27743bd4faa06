// The receipt page's copy and print buttons (issue 3, item 4) in real Chromium: with JavaScript they copy the code to
// the clipboard (announced) and open the print dialog; without it there are no buttons to press, and the page says how
// to copy or print by hand. axe-core checks the page with the buttons shown.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoViolations, fillReportForm, recordedContext, useHubInChromium } from "./support/browser";

const chromium = useHubInChromium();

/** A report sent from the form in `context`; the page shows its receipt. */
async function receipt(context: BrowserContext, lang: "nl" | "en"): Promise<{ page: Page; code: string }> {
  const page = await context.newPage();
  await page.goto(`${chromium.hub.url}/melden${lang === "en" ? "?lang=en" : ""}`);
  await fillReportForm(page, { member: "koggenland", description: "Mijn collega neemt spullen van het werk mee naar huis." });
  // With JavaScript the proof of work is solved in the page first (the test hub takes forms without it at once).
  await page.click("main button[type=submit]");
  await page.waitForSelector("[data-testid=receipt-code]");
  return { page, code: ((await page.locator("[data-testid=receipt-code]").textContent()) ?? "").trim() };
}

describe("the receipt's copy and print buttons", () => {
  it.each([
    ["nl", "Kopieer de code", "Druk deze pagina af", "De code is gekopieerd."],
    ["en", "Copy the code", "Print this page", "The code has been copied."],
  ] as const)("copy the code and print the page with JavaScript (%s)", async (lang, copyLabel, printLabel, copied) => {
    const context = await recordedContext(chromium);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: chromium.hub.url });
    const { page, code } = await receipt(context, lang);
    expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    const copy = page.getByRole("button", { name: copyLabel });
    await copy.waitFor({ state: "visible" });
    await expectNoViolations(page, `receipt with its buttons (${lang})`);

    await copy.click();
    await expect.poll(() => page.locator("[data-copy-status]").textContent()).toBe(copied);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

    // The print dialog cannot open headless: the button must ask the browser for it.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByRole("button", { name: printLabel }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await context.close();
  });

  it("are not there to press without JavaScript; the page says how to copy and print by hand", async () => {
    const context = await recordedContext(chromium, { javaScriptEnabled: false });
    const { page } = await receipt(context, "nl");
    expect(await page.getByRole("button", { name: "Kopieer de code" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Druk deze pagina af" }).isVisible()).toBe(false);
    expect(await page.locator("main").textContent()).toContain("Schrijf de code op of druk deze pagina af.");
    expect(await page.locator("main").textContent()).toContain("selecteer de code en kopieer hem");
    await context.close();
  });

  it("made no request to anything but the hub", () => {
    expect(chromium.requested.some((url) => url.endsWith("/assets/receipt.js"))).toBe(true);
    expect(chromium.requested.filter((url) => !url.startsWith(`${chromium.hub.url}/`))).toEqual([]);
  });
});
