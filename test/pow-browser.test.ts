// The report form's proof of work in real Chromium (docs/decisions.md 24), on a hub with the production wait (20 s):
// with JavaScript, /assets/pow.js fills the nonce and the form goes through at once; without it, a form sent at once
// comes back with every answer and a plain message to wait and send again. axe-core checks the pages.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoViolations, useChromium } from "./support/browser";
import { caseItems, testHub } from "./support/local";

let hub: Awaited<ReturnType<typeof testHub>>;
beforeAll(async () => {
  // No options: the wiring's own default wait, which must be more than nothing.
  hub = await testHub({});
});
afterAll(async () => {
  await hub?.close();
});

async function fillReport(page: Page, description: string) {
  await page.goto(`${hub.url}/melden`);
  await page.selectOption("#member", "koggenland");
  await page.check("#reporterType-medewerker");
  await page.check('[id="subcategories-omgang.discriminatie"]');
  await page.fill("#description", description);
}

describe("the proof of work in the browser", () => {
  const browser = useChromium();

  it("waits 20 s by default for a form sent without a nonce", () => {
    expect(hub.deps.pow.fallbackDelaySeconds).toBe(20);
  });

  it("with JavaScript: pow.js fills the nonce and the report is taken at once", async () => {
    const context = await browser().newContext();
    try {
      const page = await context.newPage();
      const posted: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST") posted.push(request.postData() ?? "");
      });
      const before = (await caseItems(hub)).length;
      const started = Date.now();
      await fillReport(page, "Met JavaScript: de puzzel wordt in de browser opgelost.");
      await page.waitForFunction(() => (document.querySelector<HTMLInputElement>("input[name=powNonce]")?.value ?? "") !== "");
      const solvedMs = Date.now() - started;
      await page.click("main button[type=submit]");
      expect((await page.locator("h1").textContent())?.trim()).toBe("Uw melding is ontvangen");
      await expectNoViolations(page, "receipt after a solved proof of work");
      // The form is multipart (it may carry files): read the two fields from the posted body.
      const field = (name: string) => new RegExp(`name="${name}"\r\n\r\n([^\r]*)\r\n`).exec(posted.at(-1) ?? "")?.[1];
      expect(field("powNonce")).toMatch(/^[0-9]+$/);
      expect(field("powChallenge")).toMatch(/^v1\.15\.\d+\./);
      expect((await caseItems(hub)).length).toBe(before + 1);
      // Load, fill and solve, on this machine; a phone takes longer (decisions 24).
      expect(solvedMs).toBeLessThan(15_000);
    } finally {
      await context.close();
    }
  });

  it("without JavaScript: sent at once, the form comes back with every answer and a message to wait", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const before = (await caseItems(hub)).length;
      await fillReport(page, "Zonder JavaScript, meteen verstuurd.");
      await page.click("main button[type=submit]");
      expect(await page.title()).toMatch(/^Fout:/);
      expect(await page.getByTestId("form-notice").textContent()).toContain("Wacht een paar seconden");
      expect(await page.locator("#description").inputValue()).toBe("Zonder JavaScript, meteen verstuurd.");
      expect(await page.locator("#member").inputValue()).toBe("koggenland");
      expect(await page.locator('[id="subcategories-omgang.discriminatie"]').isChecked()).toBe(true);
      expect((await caseItems(hub)).length).toBe(before);
    } finally {
      await context.close();
    }
  });

  it("with JavaScript but without the script (blocked, failed): the same page, which axe finds accessible", async () => {
    // axe needs JavaScript in the page; the script is kept out so that the form is sent without a nonce.
    const context = await browser().newContext();
    try {
      const page = await context.newPage();
      await page.route("**/assets/pow.js", (route) => route.abort());
      await fillReport(page, "Het script kwam niet aan.");
      await page.click("main button[type=submit]");
      expect(await page.getByTestId("form-notice").textContent()).toContain("Wacht een paar seconden");
      expect(await page.locator("#description").inputValue()).toBe("Het script kwam niet aan.");
      await expectNoViolations(page, "report form sent too early");
    } finally {
      await context.close();
    }
  });
});
