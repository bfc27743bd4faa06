// The report form in real Chromium, by keyboard alone and with the back button (issue 3, "Tests": a keyboard-only pass;
// "the back button loses nothing"). Every request the pages make must go to the hub.
import { decodeContent } from "@meldpunt/domain";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { caseByCode, fillReportForm, postAndWait, RECEIPT_CODE_SHAPE, recordedContext, useHubInChromium, withLang } from "./support/browser";
import { caseItems } from "./support/local";

const chromium = useHubInChromium();

/** The focused element as `tag#id`, its value, and whether it is checked: what a keyboard user has in hand. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return { key: el ? `${el.tagName.toLowerCase()}#${el.id}` : "", value: el?.value ?? "", checked: el?.checked ?? false };
  });

/** Presses `key` on the select that has focus until it shows `value` (bounded): the arrow keys choose in place. */
async function chooseByArrows(page: Page, value: string) {
  for (let i = 0; i < 40 && (await focused(page)).value !== value; i++) await page.keyboard.press("ArrowDown");
  expect((await focused(page)).value).toBe(value);
}

const SUBJECTS = ["omgang.pesten", "omgang.discriminatie"];

describe("the report form by keyboard alone", () => {
  it("is filled from top to bottom with Tab, Shift+Tab, arrows, Space and typing, sent with Enter, and every field is a stop in order", async () => {
    // Without JavaScript: nothing in the page helps the keyboard, and the hub takes the form on its wait (0 here).
    const context = await recordedContext(chromium, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${chromium.hub.url}/melden`);
    const answers = {
      description: "Met het toetsenbord: mijn collega wordt steeds belachelijk gemaakt om zijn geloof.",
      when: "Sinds januari, elke week",
      where: "Kantine van het stadhuis",
      personName: "P. de Vries",
      witnesses: "Twee collega's van de afdeling Burgerzaken.",
      contactName: "Toetsenbord Melder",
      contactPhone: "0229 987 654",
      contactEmail: "toets@voorbeeld.nl",
      notifyEmail: "bericht@voorbeeld.nl",
    };
    // What to do at a stop, by the focused element; every other stop is passed with Tab.
    const at: Record<string, () => Promise<void>> = {
      "select#member": () => chooseByArrows(page, "drechterland"),
      // A radio group is one stop: the arrows move the choice within it.
      "input#wants-melding": async () => {
        await page.keyboard.press("ArrowDown");
        expect(await focused(page)).toMatchObject({ key: "input#wants-beide", checked: true });
      },
      "input#reporterType-medewerker": async () => {
        await page.keyboard.press("Space");
        expect(await focused(page)).toMatchObject({ key: "input#reporterType-medewerker", checked: true });
      },
      ...Object.fromEntries(
        SUBJECTS.map((code) => [
          `input#subcategories-${code}`,
          async () => {
            await page.keyboard.press("Space");
            expect((await focused(page)).checked).toBe(true);
          },
        ]),
      ),
      "textarea#description": () => page.keyboard.type(answers.description),
      "input#when": () => page.keyboard.type(answers.when),
      "input#where": async () => {
        await page.keyboard.type(answers.where);
        // Back one field with Shift+Tab: what was typed there is still there; then on again.
        await page.keyboard.press("Shift+Tab");
        expect(await focused(page)).toEqual({ key: "input#when", value: answers.when, checked: false });
        await page.keyboard.press("Tab");
        expect(await focused(page)).toMatchObject({ key: "input#where", value: answers.where });
      },
      "select#role": () => chooseByArrows(page, "medewerker"),
      "select#relation": () => chooseByArrows(page, "collega"),
      "input#personName": () => page.keyboard.type(answers.personName),
      "textarea#witnesses": () => page.keyboard.type(answers.witnesses),
      // The file picker is a stop, but headless Chromium opens no dialog to drive by keyboard: files are left out here
      // (reporter-flow-browser.test.ts sends them).
      "input#anonymity-anoniem": async () => {
        await page.keyboard.press("ArrowDown");
        expect(await focused(page)).toMatchObject({ key: "input#anonymity-vertrouwelijk", checked: true });
      },
      "input#contactName": () => page.keyboard.type(answers.contactName),
      "input#contactPhone": () => page.keyboard.type(answers.contactPhone),
      "input#contactEmail": () => page.keyboard.type(answers.contactEmail),
      "input#notifyEmail": () => page.keyboard.type(answers.notifyEmail),
    };

    const stops: string[] = [];
    const submit = page.locator("form[data-pow] button[type=submit]");
    for (let i = 0; i < 80 && !(await submit.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
      const { key } = await focused(page);
      stops.push(key);
      await at[key]?.();
    }
    expect(await submit.evaluate((el) => el === document.activeElement)).toBe(true);

    // Every field is reached, in the order of the page: one stop per radio group (named by the radio it was entered on,
    // before the arrows moved the choice), each subject box, the file picker, then the button.
    const subjects = await page.locator('input[name="subcategories"]').evaluateAll((els) => els.map((el) => `input#${el.id}`));
    expect(subjects.length).toBeGreaterThan(20);
    const fields = [
      "select#member",
      "input#wants-melding",
      "input#reporterType-medewerker",
      ...subjects,
      "textarea#description",
      "input#when",
      "input#where",
      "select#role",
      "select#relation",
      "input#personName",
      "textarea#witnesses",
      "input#files",
      "input#anonymity-anoniem",
      "input#contactName",
      "input#contactPhone",
      "input#contactEmail",
      "input#notifyEmail",
      "button#",
    ];
    expect(stops.slice(stops.indexOf("select#member"))).toEqual(fields);

    const before = (await caseItems(chromium.hub)).length;
    expect(await postAndWait(page, "/melden", () => page.keyboard.press("Enter"))).toBe(200);
    expect((await page.locator("h1").textContent())?.trim()).toBe("Uw melding is ontvangen");
    const code = (await page.getByTestId("receipt-code").textContent())?.trim() ?? "";
    expect(code).toMatch(RECEIPT_CODE_SHAPE);
    expect((await caseItems(chromium.hub)).length).toBe(before + 1);

    // Stored as typed and chosen.
    const record = await caseByCode(chromium.hub, code);
    expect(record).toMatchObject({ member: "drechterland", kind: "melding", reporterType: "medewerker", relation: "collega" });
    expect([...record.subcategories].sort()).toEqual([...SUBJECTS].sort());
    expect(record.routeReasons.some((r) => r.nl.includes("vertrouwenspersoon"))).toBe(true);
    const content = decodeContent(await chromium.hub.deps.sealer.open({ member: record.member, caseId: record.id }, record.dataKey, record.content));
    expect(content).toMatchObject({
      description: answers.description,
      when: answers.when,
      where: answers.where,
      personName: answers.personName,
      witnesses: answers.witnesses,
      anonymity: "vertrouwelijk",
      contact: { name: answers.contactName, phone: answers.contactPhone, email: answers.contactEmail },
      notifyEmail: answers.notifyEmail,
    });
    await context.close();
  });
});

describe("the back button", () => {
  const typed = { member: "medemblik", description: "Terug met de knop: de teamleider leest privémail van medewerkers.", when: "Afgelopen voorjaar" };

  /** What the form shows of the three answers. */
  const shown = async (page: Page) => ({
    member: await page.locator("#member").inputValue(),
    description: await page.locator("#description").inputValue(),
    when: await page.locator("#when").inputValue(),
  });

  /** The form filled in part: organisation, text and period, but nobody chosen as who the reporter is (an error). */
  async function fillInPart(page: Page) {
    await page.goto(withLang(chromium.hub.url, "nl", "/melden"));
    await page.selectOption("#member", typed.member);
    await page.fill("#description", typed.description);
    await page.fill("#when", typed.when);
    await page.check('[id="subcategories-omgang.pesten"]');
  }

  it.each([
    { title: "without JavaScript", script: false },
    { title: "with JavaScript", script: true },
  ])("after a form with errors ($title): back restores what was typed, and the form can still be sent", async ({ script }) => {
    const context = await recordedContext(chromium, { javaScriptEnabled: script });
    const page = await context.newPage();
    await fillInPart(page);
    const status = await postAndWait(page, "/melden", () => page.click("form[data-pow] button[type=submit]"));
    expect(status).toBe(400);
    expect(await page.title()).toMatch(/^Fout:/);
    expect(await page.locator('[role=alert] a[href="#reporterType-medewerker"]').count()).toBe(1);
    expect(await shown(page)).toEqual(typed);

    await page.goBack();
    expect(new URL(page.url()).pathname).toBe("/melden");
    expect(await page.title()).not.toMatch(/^Fout:/);
    expect(await shown(page)).toEqual(typed);

    // What came back is a form that still works: choose the missing answer and send it.
    await page.check("#reporterType-medewerker");
    const before = (await caseItems(chromium.hub)).length;
    expect(await postAndWait(page, "/melden", () => page.click("form[data-pow] button[type=submit]"))).toBe(200);
    expect((await page.locator("h1").textContent())?.trim()).toBe("Uw melding is ontvangen");
    const record = await caseByCode(chromium.hub, (await page.getByTestId("receipt-code").textContent())?.trim() ?? "");
    expect(record.member).toBe(typed.member);
    expect((await caseItems(chromium.hub)).length).toBe(before + 1);
    await context.close();
  });

  it.each([
    { title: "without JavaScript", script: false },
    { title: "with JavaScript", script: true },
  ])("after leaving the form by a link ($title): back restores what was typed", async ({ script }) => {
    const context = await recordedContext(chromium, { javaScriptEnabled: script });
    const page = await context.newPage();
    await page.goto(withLang(chromium.hub.url, "nl", "/melden"));
    await fillReportForm(page, typed);
    // The hub's name in the header leads to the start page.
    await page.click("header a.hub-brand");
    await page.waitForURL(`${chromium.hub.url}/`);
    await page.goBack();
    expect(page.url()).toBe(`${chromium.hub.url}/melden`);
    expect(await shown(page)).toEqual(typed);
    expect(await page.locator("#reporterType-medewerker").isChecked()).toBe(true);
    expect(await page.locator('[id="subcategories-omgang.discriminatie"]').isChecked()).toBe(true);
    await context.close();
  });
});

describe("requests", () => {
  it("went to the hub alone", () => {
    const hub = new URL(chromium.hub.url).origin;
    expect(chromium.requested.length).toBeGreaterThan(10);
    expect(chromium.requested.filter((url) => new URL(url).origin !== hub)).toEqual([]);
  });
});
