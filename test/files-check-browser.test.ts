// The file pickers' size check (/assets/files.js) in real Chromium: a file over the limit stops the report form before
// anything is sent, with the message at the field (announced, linked by aria-describedby) and what was typed kept;
// within the limits the form goes. Without JavaScript the hub itself refuses (test/reporter-attachments.test.ts).
import { describe, expect, it } from "vitest";
import { expectNoViolations, fillReportForm, recordedContext, useHubInChromium } from "./support/browser";
import { caseItems } from "./support/local";

const chromium = useHubInChromium();
const OVER = Buffer.alloc(10 * 1024 * 1024 + 1, 0x61);

describe("the file picker's size check", () => {
  it("stops a file over 10 MB before sending, at the field, and lets the form go once it is removed", async () => {
    const context = await recordedContext(chromium);
    const page = await context.newPage();
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await page.goto(`${chromium.hub.url}/melden`);
    await fillReportForm(page, { member: "opmeer", description: "Een te groot bestand bij mijn melding.", files: [{ name: "groot.txt", mimeType: "text/plain", buffer: OVER }] });
    const before = (await caseItems(chromium.hub)).length;
    await page.click("main button[type=submit]");

    const message = page.locator("#files-size-error");
    await message.waitFor();
    expect(await message.textContent()).toBe("Uw bestanden zijn te groot: elk hoogstens 10 MB, samen hoogstens 50 MB. Kies minder of kleinere bestanden; er is nog niets verstuurd.");
    expect(await message.getAttribute("role")).toBe("alert");
    expect(await page.locator("#files").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#files").getAttribute("aria-describedby")).toContain("files-size-error");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("files");
    expect(posts).toEqual([]);
    expect(await page.inputValue("#description")).toBe("Een te groot bestand bij mijn melding.");
    await expectNoViolations(page, "report form with a file over the limit");

    await page.setInputFiles("#files", []);
    await page.click("main button[type=submit]");
    await page.waitForSelector("[data-testid=receipt-code]");
    expect(posts).toEqual([`${chromium.hub.url}/melden`]);
    expect((await caseItems(chromium.hub)).length).toBe(before + 1);
    await context.close();
  });
});
