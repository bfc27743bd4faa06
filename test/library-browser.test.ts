// The casuïstiek library in real Chromium: a coordinator describes a closed case from its page, the check sends the form
// back with the problem at its field, a coordinator of another member returns and then approves it, the board filters
// the library and comments without JavaScript; axe-core finds no violations on any library page, in Dutch or English.
import type { CaseRecord } from "@meldpunt/domain";
import { caseStep, transitionCase } from "@meldpunt/domain/staff";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoViolations, logInAt, useHubInChromium } from "./support/browser";
import { form, issuedForm, receiptCodeIn } from "./support/local";

const chromium = useHubInChromium();
const url = (path: string) => `${chromium.hub.url}${path}`;

async function closedCase(): Promise<CaseRecord> {
  const hub = chromium.hub;
  const res = await fetch(
    `${hub.url}/melden`,
    form({
      ...(await issuedForm(hub.url)),
      member: "hoorn",
      wants: "melding",
      reporterType: "medewerker",
      anonymity: "anoniem",
      personName: "Karel Appel",
      subcategories: "belangen.geschenken",
      description: "Een leverancier gaf Karel Appel een dure fles wijn.",
    }),
  );
  const code = receiptCodeIn(await res.text());
  let [record] = await hub.deps.cases.findByReceiptLocator(hub.deps.receipts.parse(code)?.locator ?? "");
  if (!record) throw new Error("report not stored");
  for (const [to, extra] of [["bevestigd", {}], ["triage", {}], ["gesloten", { closeReason: "geen-vermoeden" }]] as const) {
    record = await transitionCase(hub.deps, { member: record.member, caseId: record.id, desk: record.desk, by: "demo-bi-hoorn", to, seen: caseStep(record), ...extra });
  }
  return record;
}

async function context(javaScript = true): Promise<BrowserContext> {
  const made = await chromium.browser.newContext({ javaScriptEnabled: javaScript });
  made.on("request", (request) => chromium.requested.push(request.url()));
  return made;
}

/** Clicks a submit button and answers the status of the POST it sent, once the page it led to has loaded. */
async function submit(page: Page, button: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(chromium.hub.url)),
    page.getByRole("button", { name: button, exact: true }).click(),
  ]);
  await page.waitForLoadState();
  return response.status();
}

describe("the casuïstiek library in Chromium", () => {
  it("takes a description from a closed case to the library and its discussion, with no axe violations", { timeout: 90_000 }, async () => {
    const record = await closedCase();
    const casePath = `/balie/hoorn-integriteit/hoorn/${record.id}`;

    // The coordinator opens the closed case and follows its link to the form.
    const author = await chromium.withScript.newPage();
    await logInAt(author, url(casePath), "bi-hoorn");
    await Promise.all([author.waitForURL(/\/bibliotheek\/nieuw\?/), author.getByRole("link", { name: "Beschrijven voor de casuïstiekbibliotheek" }).click()]);
    expect(await author.locator("h1").textContent()).toBe("Beschrijven voor de casuïstiekbibliotheek");
    expect(await author.locator('[id="subcategories-belangen.geschenken"]').isChecked()).toBe(true);
    await expectNoViolations(author, "library form");

    await author.fill("#title", "Een fles wijn van een leverancier");
    await author.fill("#situation", "Een leverancier gaf een medewerker een dure fles wijn; Karel nam hem aan.");
    await author.fill("#dilemma", "Is dit een attentie of een poging tot beïnvloeding?");
    await author.fill("#route", "Gesprek met de leidinggevende; de gedragscode stelt een grens van 50 euro.");
    await author.fill("#outcome", "De fles is teruggegeven met een brief aan de leverancier.");
    await author.fill("#lessons", "Maak de grens voor geschenken bekend bij leveranciers.");
    expect(await submit(author, "Aanbieden ter beoordeling")).toBe(400);
    expect(await author.title()).toMatch(/^Fout:/);
    expect(await author.locator('[role=alert] a[href="#situation"]').textContent()).toBe(
      'Situatie: bevat een naam die in de melding voorkomt ("Karel"). Haal dit weg of schrijf het algemener.',
    );
    expect(await author.locator("#situation").getAttribute("aria-invalid")).toBe("true");
    expect(await author.locator("#lessons").inputValue()).toBe("Maak de grens voor geschenken bekend bij leveranciers.");
    await expectNoViolations(author, "library form with an error at a field");
    await author.fill("#situation", "Een leverancier gaf een medewerker een dure fles wijn; die nam hem aan.");
    expect(await submit(author, "Aanbieden ter beoordeling")).toBe(303);
    expect(author.url()).toBe(url("/bibliotheek/te-beoordelen?gedaan=ingediend"));
    expect(await author.locator("[role=status]").first().textContent()).toContain("Uw beschrijving is aangeboden.");
    await expectNoViolations(author, "review list");

    // SED's coordinator sends it back once (an empty reason is refused at its field), the author revises it.
    const sedContext = await context();
    const sed = await sedContext.newPage();
    await logInAt(sed, url("/bibliotheek/te-beoordelen"), "bi-sed");
    await Promise.all([sed.waitForURL(/\/bibliotheek\/[0-9A-Z]{26}$/), sed.getByRole("link", { name: "Een fles wijn van een leverancier" }).click()]);
    const entryUrl = sed.url();
    await expectNoViolations(sed, "draft with review forms");
    expect(await submit(sed, "Terugsturen naar de schrijver")).toBe(400);
    expect(await sed.locator("#reason-error").textContent()).toContain("Schrijf waarom u de beschrijving terugstuurt.");
    await expectNoViolations(sed, "draft with an error at the reason");
    await sed.fill("#reason", "Noem het bedrag van de grens niet: dat is te herkenbaar.");
    expect(await submit(sed, "Terugsturen naar de schrijver")).toBe(303);

    await author.goto(url("/bibliotheek/te-beoordelen"));
    expect(await author.getByTestId("returned").textContent()).toContain("Noem het bedrag van de grens niet");
    await author.goto(url(casePath));
    await Promise.all([author.waitForURL(/\/bibliotheek\/nieuw\?/), author.getByRole("link", { name: "Beschrijven voor de casuïstiekbibliotheek" }).click()]);
    expect(await author.locator("#title").inputValue()).toBe("Een fles wijn van een leverancier");
    await expectNoViolations(author, "returned draft to revise");
    await author.fill("#route", "Gesprek met de leidinggevende over de grens in de gedragscode.");
    expect(await submit(author, "Aanbieden ter beoordeling")).toBe(303);

    await sed.goto(entryUrl);
    expect(await submit(sed, "Goedkeuren en publiceren")).toBe(303);
    expect(await sed.locator("[role=status]").first().textContent()).toContain("De beschrijving is goedgekeurd");
    await expectNoViolations(sed, "published entry without comments");

    // The board, without JavaScript: the library, a filter, the entry, a comment.
    const boardContext = await context(false);
    const board = await boardContext.newPage();
    await logInAt(board, url("/bibliotheek"), "bestuur");
    await board.selectOption("#filter-categorie", "belangen");
    await Promise.all([board.waitForURL(/categorie=belangen/), board.getByRole("button", { name: "Toon" }).click()]);
    expect(await board.getByTestId("library").textContent()).toContain("Een fles wijn van een leverancier");
    await board.selectOption("#filter-categorie", "financieel");
    await Promise.all([board.waitForURL(/categorie=financieel/), board.getByRole("button", { name: "Toon" }).click()]);
    expect(await board.getByTestId("library").count()).toBe(0);
    await board.goto(entryUrl);
    await board.fill("#text", "Nuttig voor de hele regio.");
    expect(await submit(board, "Reactie plaatsen")).toBe(303);
    expect(await board.locator("[data-testid=comment] h3").allTextContents()).toEqual([expect.stringMatching(/^Lid van het regionale bestuur, /)]);
    expect(await board.locator("main").textContent()).not.toContain(record.id);

    // axe on the board's pages (with JavaScript, as axe needs), in both languages.
    const boardAxe = await (await context()).newPage();
    await logInAt(boardAxe, url("/bibliotheek?categorie=belangen"), "bestuur");
    await expectNoViolations(boardAxe, "library list with a filter");
    await boardAxe.goto(url("/bibliotheek?categorie=belangen&lang=en"));
    expect(await boardAxe.locator("h1").textContent()).toBe("Casuïstiek library");
    await expectNoViolations(boardAxe, "library list in English");
    await boardAxe.goto(entryUrl);
    await boardAxe.locator("#text").fill("Bel 06-12345678.");
    expect(await submit(boardAxe, "Reactie plaatsen")).toBe(400);
    expect(await boardAxe.locator("#text-error").textContent()).toContain('Reactie: bevat een telefoonnummer ("06-12345678")');
    await expectNoViolations(boardAxe, "entry with comments and an error at the comment");
    await boardAxe.goto(`${entryUrl}?lang=en`);
    expect(await boardAxe.locator("#comments-title").textContent()).toBe("Comments");
    await expectNoViolations(boardAxe, "entry in English");
    await Promise.all([author.close(), sedContext.close(), boardContext.close(), boardAxe.context().close()]);
  });
});
