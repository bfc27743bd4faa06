// The wegwijzer in real Chromium: without JavaScript in both languages, by keyboard alone, and axe-core (WCAG 2.1 AA)
// on the region's and a member's start page. Every request the pages make must go to the hub itself.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoViolations, useHubInChromium } from "./support/browser";

const chromium = useHubInChromium();

const heading = async (page: Page) => (await page.locator("h1").textContent())?.trim();

/** The href of the focused element, relative to the chromium.hub. */
const focusedHref = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("href") ?? document.activeElement?.tagName ?? "");

describe("the wegwijzer without JavaScript", () => {
  it("reads in Dutch, switches to English and back in place, and opens a member's page", async () => {
    const page = await chromium.noScript.newPage();
    await page.goto(`${chromium.hub.url}/`);
    expect(await heading(page)).toBe("Iets gezien of meegemaakt dat niet deugt?");
    expect(await page.locator("nav a").allTextContents()).toEqual([
      "Eerst praten met een vertrouwenspersoon",
      "Een melding doen",
      "Een melding over een bestuurder",
      "Een misstand melden als klokkenluider",
      "Direct gevaar of een misdrijf",
    ]);
    await page.click("header a[hreflang=en]");
    expect(page.url()).toBe(`${chromium.hub.url}/?lang=en`);
    expect(await heading(page)).toBe("Did you see or experience something wrong?");
    expect(await page.locator("nav a").count()).toBe(5);

    await page.goto(`${chromium.hub.url}/organisatie/hoorn?lang=en`);
    expect(await heading(page)).toBe("Did you see or experience something wrong at Gemeente Hoorn?");
    await page.click("header a[hreflang=nl]");
    expect(page.url()).toBe(`${chromium.hub.url}/organisatie/hoorn`);
    expect(await heading(page)).toBe("Iets gezien of meegemaakt bij Gemeente Hoorn dat niet deugt?");
    await page.click("text=Vraag om contact met een vertrouwenspersoon");
    expect(page.url()).toBe(`${chromium.hub.url}/melden?organisatie=hoorn&wens=advies`);
  });

  it("is reached by keyboard: Tab meets every choice in order, and a choice leads on to its section", async () => {
    const page = await chromium.noScript.newPage();
    await page.goto(`${chromium.hub.url}/`);
    // From the top of the page to its last link, the follow-up link (bounded).
    const seen: string[] = [];
    for (let i = 0; i < 30 && seen.at(-1) !== "/opvolgen"; i++) {
      await page.keyboard.press("Tab");
      seen.push(await focusedHref(page));
    }
    const choices = ["#vertrouwenspersoon", "#melding", "#bestuurder", "#klokkenluider", "#nood"];
    const forms = ["/melden?wens=advies", "/melden?wens=melding", "/melden?wens=melding&over=bestuurder", "/melden?wens=melding&categorie=misstand"];
    expect(seen.filter((href) => choices.includes(href) || forms.includes(href))).toEqual([...choices, ...forms]);

    // Enter on a choice moves to its section: the next Tab is that section's link to the form.
    await page.goto(`${chromium.hub.url}/`);
    for (let i = 0; i < 20 && (await focusedHref(page)) !== "#klokkenluider"; i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(page.url()).toBe(`${chromium.hub.url}/#klokkenluider`);
    await page.keyboard.press("Tab");
    expect(await focusedHref(page)).toBe("/melden?wens=melding&categorie=misstand");
  });
});

describe("the report form's language switch", () => {
  it.each([
    ["without JavaScript", "noScript"],
    ["with JavaScript", "withScript"],
  ] as const)("keeps everything typed %s, in the other language, and stores nothing", async (_, context) => {
    const page = await chromium[context].newPage();
    await page.goto(`${chromium.hub.url}/melden?organisatie=hoorn`);
    await page.check("#reporterType-medewerker");
    await page.check('[id="subcategories-omgang.pesten"]');
    await page.fill("#description", "Mijn leidinggevende schreeuwt elke week tegen mij.");
    await page.fill("#when", "Sinds maart");
    // By keyboard, as any button: focus the switch and press Enter.
    await page.focus("header button[name=taal]");
    await page.keyboard.press("Enter");
    await page.waitForURL(/lang=en$/);
    expect(page.url()).toBe(`${chromium.hub.url}/melden?organisatie=hoorn&lang=en`);
    expect(await heading(page)).toBe("Make a report");
    expect(await page.inputValue("#description")).toBe("Mijn leidinggevende schreeuwt elke week tegen mij.");
    expect(await page.inputValue("#when")).toBe("Sinds maart");
    expect(await page.isChecked("#reporterType-medewerker")).toBe(true);
    expect(await page.isChecked('[id="subcategories-omgang.pesten"]')).toBe(true);
    expect(await page.inputValue("#member")).toBe("hoorn");
    // Nothing was refused: the switch is not a submission.
    expect(await page.locator("[role=alert]").count()).toBe(0);
    // axe needs script: it checks the page as the context with JavaScript shows it.
    if (context === "withScript") await expectNoViolations(page, "report form after the language switch");
    // Back again: the form itself carries the organisation now, so the address is the form's own.
    await page.click("header button[name=taal]");
    await page.waitForURL(`${chromium.hub.url}/melden`);
    expect(await heading(page)).toBe("Een melding doen");
    expect(await page.inputValue("#description")).toBe("Mijn leidinggevende schreeuwt elke week tegen mij.");
  });
});

describe("Enter in a field of the report form", () => {
  it.each([
    ["without JavaScript", "noScript"],
    ["with JavaScript", "withScript"],
  ] as const)("sends the form %s, as everywhere else, and does not switch the language", async (_, context) => {
    const page = await chromium[context].newPage();
    await page.goto(`${chromium.hub.url}/melden`);
    await page.fill("#when", "Vorige week");
    await page.press("#when", "Enter");
    await page.waitForURL(`${chromium.hub.url}/melden`);
    await page.waitForSelector("[role=alert]");
    // Sent: refused for what is missing, in Dutch still, with what was typed kept.
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    expect(await page.locator(".hub-error-summary").textContent()).toContain("Er is een probleem");
    expect(await page.inputValue("#when")).toBe("Vorige week");
  });
});

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  it("finds no violations on the region's and a member's wegwijzer in both languages", async () => {
    const page = await chromium.withScript.newPage();
    for (const path of ["/", "/?lang=en", "/organisatie/hoorn", "/organisatie/hoorn?lang=en"]) {
      await page.goto(`${chromium.hub.url}${path}`);
      await expectNoViolations(page, path);
    }
  });

  it("made no request to anything but the hub", () => {
    expect(chromium.requested.length).toBeGreaterThan(5);
    expect(chromium.requested.filter((url) => !url.startsWith(`${chromium.hub.url}/`))).toEqual([]);
  });
});
