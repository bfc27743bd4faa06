// A staff member's login in real Chromium against the local hub and its embedded provider: redirected to the
// provider's login page, logged in, back on the staff page; logout ends both sessions. axe-core checks each page.
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchChromium } from "./support/browser";
import { testHub } from "./support/local";

let hub: Awaited<ReturnType<typeof testHub>>;
let browser: Browser;
let context: BrowserContext;
const requested: string[] = [];

beforeAll(async () => {
  [hub, browser] = await Promise.all([testHub(), launchChromium()]);
  context = await browser.newContext();
  context.on("request", (request) => requested.push(request.url()));
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function noViolations(page: Page, name: string) {
  expect({ name, violations: await axeViolations(page) }).toEqual({ name, violations: [] });
}

describe("staff login in Chromium", () => {
  it("logs the Hoorn coordinator in, shows name and desk, and logs out again", async () => {
    const page = await context.newPage();
    await page.goto(`${hub.url}/medewerker`);
    expect(new URL(page.url()).origin).toBe(hub.issuer);
    expect(await page.locator("h1").textContent()).toBe("Inloggen");
    await noViolations(page, "provider login");

    await page.fill("#username", "bi-hoorn");
    await page.fill("#password", "niet-het-wachtwoord");
    await page.click("button[type=submit]");
    expect(await page.title()).toMatch(/^Fout:/);
    await noViolations(page, "provider login with error");

    await page.fill("#password", DEMO_PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL(`${hub.url}/medewerker`);
    expect(await page.getByTestId("staff-name").textContent()).toBe("U bent ingelogd als Marieke de Boer.");
    expect(await page.getByTestId("staff-roles").textContent()).toContain("Bureau Integriteit Hoorn");
    // The browser took the Secure __Host- cookie over plain HTTP on loopback, and scripts cannot read it.
    const cookies = await context.cookies(hub.url);
    expect(cookies.find((c) => c.name === "__Host-meldpunt-session")).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(await page.evaluate(() => document.cookie)).toBe("");
    await noViolations(page, "staff page");

    await page.click("text=Uitloggen");
    expect(new URL(page.url()).origin).toBe(hub.issuer);
    await noViolations(page, "provider logout question");
    await page.click("text=Ja, uitloggen");
    await page.waitForURL(`${hub.url}/uitgelogd`);
    expect(await page.locator("h1").textContent()).toBe("U bent uitgelogd");

    // Both sessions ended: the staff page sends the browser to the provider's login form again.
    await page.goto(`${hub.url}/medewerker`);
    expect(new URL(page.url()).origin).toBe(hub.issuer);
    expect(await page.locator("#password").count()).toBe(1);
  });

  it("made no request to anything but the hub and its provider", () => {
    expect(requested.length).toBeGreaterThan(5);
    expect(requested.filter((url) => ![hub.url, hub.issuer].includes(new URL(url).origin))).toEqual([]);
  });
});
