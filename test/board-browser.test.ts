// The board's dashboard, its printout and a member's report in real Chromium with the demo cases (issue 6 items 3–4):
// axe-core finds nothing, every chart is one named image with its table beside it, the printout leaves out the
// choices and downloads, and every request goes to the hub or its embedded login alone.
import { type LocalHub, startLocalHub } from "@meldpunt/local";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoViolations, launchChromium, logInAt } from "./support/browser";
import { TEST_SCRYPT_COST, tempDir } from "./support/local";

let hub: LocalHub;
let dir: Awaited<ReturnType<typeof tempDir>>;
let browser: Browser;
const requested: string[] = [];

beforeAll(async () => {
  dir = await tempDir();
  [hub, browser] = await Promise.all([
    startLocalHub({ dataDir: dir.path, port: 0, scryptCost: TEST_SCRYPT_COST, logLevel: "SILENT", demoCases: true }),
    launchChromium(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await dir?.remove();
});

async function context(): Promise<BrowserContext> {
  const made = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  made.on("request", (request) => requested.push(request.url()));
  return made;
}

describe("the board's dashboard in Chromium", () => {
  it("has no axe violations, on screen and in print, and draws each chart as a named image beside its table", async () => {
    const page = await (await context()).newPage();
    await logInAt(page, `${hub.url}/bestuur`, "bestuur");
    expect(await page.locator("h1").textContent()).toMatch(/^Regionale cijfers: [12]e halfjaar \d{4}$/);
    await expectNoViolations(page, "dashboard");

    const charts = page.locator("svg.hub-chart");
    expect(await charts.count()).toBeGreaterThanOrEqual(7);
    for (const chart of await charts.all()) {
      expect(await chart.getAttribute("role")).toBe("img");
      // Named by its <title>, described by its <desc> in words, and its table in the same figure.
      const id = (await chart.getAttribute("data-chart")) ?? "";
      expect(await page.locator(`[id="${id}-title"]`).textContent()).not.toBe("");
      expect(await page.locator(`[id="${id}-desc"]`).textContent()).toMatch(/:/);
      const figure = page.locator(`section.hub-figure:has(svg[data-chart="${id}"])`);
      expect(await figure.locator("table").count()).toBe(1);
    }
    expect(await page.getByRole("img", { name: "Meldingen en adviescontacten per halfjaar in de regio" }).count()).toBe(1);

    // Another half-year through the select: a GET with a fixed period, nothing else.
    await page.selectOption("#periode", { index: 2 });
    await Promise.all([page.waitForURL(/\/bestuur\?periode=\d{4}-H[12]$/), page.getByRole("button", { name: "Toon" }).click()]);
    await expectNoViolations(page, "dashboard, another half-year");

    // The print view: the same page under print media, without the form and the download links.
    await page.emulateMedia({ media: "print" });
    await expectNoViolations(page, "dashboard, print");
    expect(await page.locator("form").first().isVisible()).toBe(false);
    expect(await page.getByRole("link", { name: /CSV/ }).first().isVisible()).toBe(false);
    expect(await page.locator("table").first().isVisible()).toBe(true);
    expect(await page.locator("svg.hub-chart").first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    await page.emulateMedia({ media: "screen" });

    await page.goto(`${hub.url}/bestuur?lang=en`);
    await expectNoViolations(page, "dashboard in English");
    await page.close();
  });
});

describe("a member's report in Chromium", () => {
  it("has no axe violations, on screen and in print, and offers its CSV", async () => {
    const page = await (await context()).newPage();
    const url = `${hub.url}/beheer/hoorn/verslag`;
    await logInAt(page, url, "beheer-hoorn");
    expect(await page.locator("h1").textContent()).toMatch(/^Jaarverslag \d{4} van Gemeente Hoorn$/);
    await expectNoViolations(page, "member report");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download het verslag als CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^verslag-hoorn-\d{4}\.csv$/);
    await page.emulateMedia({ media: "print" });
    await expectNoViolations(page, "member report, print");
    expect(await page.locator("form").first().isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    await page.selectOption("#periode", { index: 3 });
    await Promise.all([page.waitForURL(/\/verslag\?periode=\d{4}-H[12]$/), page.getByRole("button", { name: "Toon" }).click()]);
    expect(await page.locator("h1").textContent()).toMatch(/^Halfjaarverslag [12]e halfjaar \d{4} van Gemeente Hoorn$/);
    await expectNoViolations(page, "half-year report");
    await page.close();
  });

  it("made no request to anyone but the hub and its login", () => {
    const origins = new Set(requested.map((u) => new URL(u).origin));
    for (const origin of origins) expect([hub.url, new URL(hub.issuer).origin]).toContain(origin);
  });
});
