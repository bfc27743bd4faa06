// The desk's workspace in real Chromium, as staff and reporters use it: a coordinator's day from a new report to a
// closed case with a measure (the reporter answering a question in the mailbox on the way), a stale tab refused, an
// advice contact referred only after the reporter's consent, axe-core on every desk page, and every request the pages
// made going to the hub or its embedded OpenID provider alone.
import type { CaseRecord, CaseState } from "@meldpunt/domain";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoViolations, logInAt, useHubInChromium } from "./support/browser";
import { form, issuedForm, receiptCodeIn } from "./support/local";

const chromium = useHubInChromium();
const url = (path: string) => `${chromium.hub.url}${path}`;

/** A further browser context (another staff member's), whose requests are checked with the rest. */
async function staffContext(): Promise<BrowserContext> {
  const context = await chromium.browser.newContext();
  context.on("request", (request) => chromium.requested.push(request.url()));
  return context;
}

/** The stored case a receipt code opens (found by its locator, as the mailbox finds it). */
async function caseOf(code: string): Promise<CaseRecord> {
  const [found] = await chromium.hub.deps.cases.findByReceiptLocator(chromium.hub.deps.receipts.parse(code)?.locator ?? "");
  if (!found) throw new Error("report not stored");
  return found;
}

async function stored(record: Pick<CaseRecord, "member" | "id">): Promise<CaseRecord> {
  const found = await chromium.hub.deps.cases.getCase(record.member, record.id);
  if (!found) throw new Error(`case ${record.member}/${record.id} not readable`);
  return found;
}

/** A report to Hoorn through /melden in the browser without JavaScript; answers the receipt code and the stored case. */
async function reportInBrowser(description: string, wants: "melding" | "advies" = "melding"): Promise<{ code: string; record: CaseRecord }> {
  const page = await chromium.noScript.newPage();
  await page.goto(url("/melden"));
  await page.selectOption("#member", "hoorn");
  if (wants === "advies") expect(await page.locator('label[for="wants-advies"]').textContent()).toContain("Eerst praten met een vertrouwenspersoon");
  await page.check(`#wants-${wants}`);
  await page.check("#reporterType-medewerker");
  await page.check('[id="subcategories-omgang.pesten"]');
  await page.fill("#description", description);
  await page.check("#anonymity-anoniem");
  await page.click("form[data-pow] button[type=submit]");
  expect((await page.locator("h1").textContent())?.trim()).toBe(wants === "advies" ? "Uw vraag is ontvangen" : "Uw melding is ontvangen");
  const code = (await page.getByTestId("receipt-code").textContent())?.trim() ?? "";
  await page.close();
  return { code, record: await caseOf(code) };
}

/** A report to Hoorn over plain HTTP, for the tests that are about the desk's side only. */
async function reportOverHttp(description: string): Promise<CaseRecord> {
  const hub = chromium.hub.url;
  const res = await fetch(`${hub}/melden`, form({ ...(await issuedForm(hub)), member: "hoorn", wants: "melding", reporterType: "medewerker", anonymity: "anoniem", subcategories: "omgang.pesten", description }));
  return caseOf(receiptCodeIn(await res.text()));
}

/** The reporter (no JavaScript) types the code at /opvolgen and lands in the mailbox. */
async function openMailbox(code: string): Promise<Page> {
  const page = await chromium.noScript.newPage();
  await page.goto(url("/opvolgen"));
  await page.fill("#code", code);
  await page.click("form button[type=submit]");
  expect((await page.locator("h1").textContent())?.trim()).toBe("Uw brievenbus");
  return page;
}

/** Clicks a submit button and answers the status of the POST it sent (303 for a redirect), once the page has loaded. */
async function submit(page: Page, button: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().startsWith(chromium.hub.url)),
    page.getByRole("button", { name: button, exact: true }).click(),
  ]);
  await page.waitForLoadState();
  return response.status();
}

const notice = (page: Page) => page.locator("[role=status]").first().textContent();

/** Moves the case on through the "Volgende stap" form of `state` and expects the page to say so. */
async function moveTo(page: Page, state: string): Promise<void> {
  expect({ state, status: await submit(page, `Naar '${state}'`) }).toEqual({ state, status: 303 });
  expect(await notice(page)).toContain("De status is gewijzigd.");
  expect(await page.locator("dl").first().textContent()).toContain(`Status${state}`);
}

/** The case's messages on the desk's page: heading and text of each. */
async function caseMessages(page: Page): Promise<{ heading: string; text: string }[]> {
  return page.locator("article.hub-message[aria-labelledby^=message-]").evaluateAll((articles) =>
    articles.map((a) => ({ heading: a.querySelector("h3")?.textContent?.trim() ?? "", text: a.querySelector("p")?.textContent ?? "" })),
  );
}

/** Whose pages are whose: the coordinator in the context with JavaScript (axe needs it), the others in their own. */
const coordinator = () => chromium.withScript;

describe("a coordinator's day", () => {
  // About 15 s alone; more on a busy machine (a dozen page loads, each an audited read).
  it("takes a new report from the queue to a closed case with a measure, with a question answered in the mailbox", { timeout: 60_000 }, async () => {
    const description = `Mijn teamleider kleineert mij in elk overleg (${Date.now()}).`;
    const { code, record } = await reportInBrowser(description);
    expect(record).toMatchObject({ member: "hoorn", desk: "hoorn-integriteit", state: "ontvangen" });
    const caseUrl = url(`/balie/hoorn-integriteit/hoorn/${record.id}`);
    const row = (page: Page) => page.locator(`tr[data-case="${record.id}"]`);

    // The queue, reached through the embedded provider's login.
    const page = await coordinator().newPage();
    await logInAt(page, url("/balie/hoorn-integriteit"), "bi-hoorn");
    expect(await row(page).count()).toBe(1);
    expect(await row(page).textContent()).toContain("Ontvangen");
    // Metadata only in the queue.
    expect(await page.locator("main").textContent()).not.toContain(description);
    await expectNoViolations(page, "queue");

    // A filter that leaves the case out, then one that keeps it: a plain GET form.
    await page.selectOption("#filter-status", "triage");
    await Promise.all([page.waitForURL(/status=triage/), page.getByRole("button", { name: "Toon" }).click()]);
    expect(await row(page).count()).toBe(0);
    expect(await page.locator("#filter-status").inputValue()).toBe("triage");
    await expectNoViolations(page, "queue with a filter");
    await page.selectOption("#filter-status", "ontvangen");
    await Promise.all([page.waitForURL(/status=ontvangen/), page.getByRole("button", { name: "Toon" }).click()]);
    expect(await row(page).count()).toBe(1);

    // Opened by its date link: the content is shown, and the read is in the audit trail.
    await Promise.all([page.waitForURL(caseUrl), row(page).locator("td").first().locator("a").click()]);
    expect(await page.locator("h1").textContent()).toMatch(/^Melding van /);
    expect(await page.getByTestId("case-text").textContent()).toBe(description);
    expect(await notice(page)).toContain("Dat staat in het logboek");

    await moveTo(page, "Bevestigd");
    await moveTo(page, "Triage");
    await moveTo(page, "Vooronderzoek");

    const question = "Wie waren er nog meer bij die overleggen?";
    await page.getByLabel("Bericht aan de melder").fill(question);
    expect(await submit(page, "Versturen aan de melder")).toBe(303);
    expect(await notice(page)).toContain("Het bericht staat in de brievenbus van de melder.");
    expect(await caseMessages(page)).toEqual([{ heading: expect.stringMatching(/^Van de balie \(demo-bi-hoorn\), /), text: question }]);

    const note = "INTERN: eerst met de teamleider zelf praten.";
    await page.getByLabel("Nieuwe notitie").fill(note);
    expect(await submit(page, "Notitie opslaan")).toBe(303);
    expect(await notice(page)).toContain("De notitie is opgeslagen.");

    // The reporter sees the question as new, and answers it.
    const mailbox = await openMailbox(code);
    expect(await mailbox.locator("[role=status]").textContent()).toContain("Er is een nieuw bericht van de balie.");
    expect(await mailbox.locator("article.hub-message h3").allTextContents()).toEqual([expect.stringMatching(/^Van de balie, .+ \(nieuw\)$/)]);
    expect(await mailbox.locator("article.hub-message p").allTextContents()).toEqual([question]);
    // Internal notes and staff ids never reach the reporter.
    expect(await mailbox.locator("main").textContent()).not.toContain("INTERN");
    expect(await mailbox.locator("main").textContent()).not.toContain("demo-bi-hoorn");
    const answer = "Mijn collega's Anna en Bert waren er steeds bij.";
    await mailbox.fill("#text", answer);
    expect(await submit(mailbox, "Bericht versturen")).toBe(303);
    expect(await mailbox.locator("[role=status]").textContent()).toContain("Uw bericht is verstuurd.");
    await mailbox.close();

    // Back at the desk: the answer is on the case page, new at this first look; the queue flagged it first.
    await page.goto(url("/balie/hoorn-integriteit"));
    expect(await row(page).textContent()).toContain("Nieuw bericht");
    await page.goto(caseUrl);
    expect(await caseMessages(page)).toEqual([
      { heading: expect.stringMatching(/^Van de balie \(demo-bi-hoorn\), /), text: question },
      { heading: expect.stringMatching(/^Van de melder, .+ \(nieuw\)$/), text: answer },
    ]);
    expect(await page.locator("article.hub-message[aria-labelledby^=note-] p").allTextContents()).toEqual([note]);

    // An empty message comes back with the error at its field; axe checks that page, messages and notes included.
    expect(await submit(page, "Versturen aan de melder")).toBe(400);
    expect(await page.title()).toMatch(/^Fout:/);
    expect(await page.locator('[role=alert] a[href="#text"]').textContent()).toBe("Schrijf uw bericht.");
    expect(await page.locator("#text").getAttribute("aria-invalid")).toBe("true");
    expect(await caseMessages(page)).toHaveLength(2);
    await expectNoViolations(page, "case page with messages, a note and an error at a field");

    // Feedback: a message of its own kind, which meets the three-month deadline.
    const feedback = "Wij hebben uw melding onderzocht en er volgt een gesprek.";
    await page.getByLabel("Bericht aan de melder").fill(feedback);
    await page.check("#kind-terugkoppeling");
    expect(await submit(page, "Versturen aan de melder")).toBe(303);
    expect((await caseMessages(page)).at(-1)).toEqual({ heading: expect.stringMatching(/^Terugkoppeling \(demo-bi-hoorn\), /), text: feedback });
    expect(await page.locator("dl").first().textContent()).toMatch(/Terugkoppeling uiterlijk[^(]+\(gedaan op /);

    await page.selectOption("#investigation", { label: "Intern onderzoek" });
    await moveTo(page, "Feitenonderzoek");
    await moveTo(page, "Rapport");
    await page.selectOption("#conclusion", { label: "Schending vastgesteld" });
    await moveTo(page, "Besluit");
    await page.getByLabel("Gesprek", { exact: true }).check();
    await moveTo(page, "Maatregel");
    await moveTo(page, "Gesloten");
    expect(await page.locator("#next-title + p").textContent()).toBe("Deze melding is afgerond.");
    expect(await page.locator("form[action$='/status']").count()).toBe(0);
    // A closed case takes no more messages.
    expect(await page.locator("#text").count()).toBe(0);
    const history = (await page.locator("main ol.utrecht-ordered-list li").allTextContents()).map((h) => h.replace(/^[^:]+: /, "").replace(/ \([^)]*\)$/, ""));
    // The feedback is an event of its own in the history, named with the state it was given in.
    expect(history).toEqual([
      "Ontvangen",
      "Bevestigd",
      "Triage",
      "Vooronderzoek",
      "Terugkoppeling gegeven (Vooronderzoek)",
      "Feitenonderzoek — Intern onderzoek",
      "Rapport",
      "Besluit — Schending vastgesteld",
      "Maatregel — Gesprek",
      "Gesloten",
    ]);

    // The print view: the same case file without forms, its own audited read.
    await Promise.all([page.waitForURL(`${caseUrl}/afdrukken`), page.getByRole("link", { name: "Dossier afdrukken" }).click()]);
    expect(await page.locator("h1").textContent()).toMatch(/^Dossier: Melding van /);
    expect(await page.getByTestId("case-text").textContent()).toBe(description);
    expect(await page.locator("main form").count()).toBe(0);
    expect(await page.locator("main").textContent()).toContain(answer);
    await expectNoViolations(page, "print view");

    // A closed case leaves the queue.
    await page.goto(url("/balie/hoorn-integriteit"));
    expect(await row(page).count()).toBe(0);
    await page.close();

    const closed = await stored(record);
    expect(closed.state).toBe("gesloten");
    expect(closed.outcome).toEqual({ investigation: "intern", conclusion: "schending-vastgesteld", measures: ["gesprek"] });
    expect(closed.feedbackAt).toBeDefined();
    const steps = closed.history.filter((h) => !h.event);
    expect(steps.map((h) => h.state)).toEqual<CaseState[]>([
      "ontvangen",
      "bevestigd",
      "triage",
      "vooronderzoek",
      "feitenonderzoek",
      "rapport",
      "besluit",
      "maatregel",
      "gesloten",
    ]);
    expect(steps.slice(1).every((h) => h.by === "demo-bi-hoorn")).toBe(true);
    expect(closed.history.filter((h) => h.event).map((h) => [h.event, h.state, h.by])).toEqual([["terugkoppeling", "vooronderzoek", "demo-bi-hoorn"]]);
    expect(closed.messages?.map((m) => [m.from, m.kind])).toEqual([
      ["balie", "bericht"],
      ["melder", "bericht"],
      ["balie", "terugkoppeling"],
    ]);
    expect(closed.notes).toHaveLength(1);

    const trail = (await chromium.hub.deps.audit.readAll("hoorn")).entries.filter((e) => e.caseId === record.id);
    expect(trail.every((e) => e.actor === "demo-bi-hoorn")).toBe(true);
    expect(new Set(trail.map((e) => e.action))).toEqual(new Set(["read-case", "transition", "message", "note", "print-case"]));
    expect(trail.filter((e) => e.action === "transition").map((e) => e.detail)).toEqual(steps.slice(1).map((h) => h.state));
    // The refused empty message is not in the trail: a message is checked before it is audited as sent.
    expect(trail.filter((e) => e.action === "message").map((e) => e.detail)).toEqual(["bericht", "terugkoppeling"]);
    // Every view of the case page is a read in the trail (the one at the refused empty message too).
    expect(trail.filter((e) => e.action === "read-case").length).toBeGreaterThanOrEqual(10);
  });
});

describe("an illegal step", () => {
  it("from a stale tab is refused with a clear message; the case moved once", async () => {
    const record = await reportOverHttp("Een collega pest de stagiair.");
    const caseUrl = url(`/balie/hoorn-integriteit/hoorn/${record.id}`);
    const [first, stale] = [await coordinator().newPage(), await coordinator().newPage()];
    await first.goto(caseUrl);
    await stale.goto(caseUrl);
    await moveTo(first, "Bevestigd");

    expect(await submit(stale, "Naar 'Bevestigd'")).toBe(409);
    expect(await stale.title()).toMatch(/^Fout:/);
    const alert = stale.locator("[role=alert]");
    expect(await alert.textContent()).toContain("Iemand anders heeft deze melding intussen gewijzigd. Uw wijziging is niet opgeslagen");
    expect(await alert.locator("a").getAttribute("href")).toBe("#next-title");
    // The page it answers with is current: it offers the next step from the state the other tab reached.
    expect(await stale.locator("dl").first().textContent()).toContain("StatusBevestigd");
    expect(await stale.getByRole("button", { name: "Naar 'Triage'" }).count()).toBe(1);
    await expectNoViolations(stale, "case page with a concurrent change");

    const after = await stored(record);
    expect(after.state).toBe("bevestigd");
    expect(after.version).toBe(record.version + 1);
    expect(after.history.map((h) => h.state)).toEqual(["ontvangen", "bevestigd"]);
    const transitions = (await chromium.hub.deps.audit.readAll("hoorn")).entries.filter((e) => e.caseId === record.id && e.action === "transition");
    expect(transitions.map((e) => e.detail)).toEqual(["bevestigd"]);
    await Promise.all([first.close(), stale.close()]);
  });
});

describe("an advice contact with the vertrouwenspersoon", () => {
  it("is referred to the integrity desk only after the reporter's consent, then leaves the VP's queue", async () => {
    const { code, record } = await reportInBrowser("Ik wil eerst met iemand praten over hoe mijn leidinggevende mij behandelt.", "advies");
    expect(record).toMatchObject({ kind: "advies", member: "hoorn", desk: "hoorn-vp" });
    const caseUrl = url(`/balie/hoorn-vp/hoorn/${record.id}`);
    const row = (page: Page) => page.locator(`tr[data-case="${record.id}"]`);

    const vp = await staffContext();
    const page = await vp.newPage();
    await logInAt(page, url("/balie/hoorn-vp"), "vp-hoorn");
    expect(await row(page).textContent()).toContain("Adviescontact");
    await Promise.all([page.waitForURL(caseUrl), row(page).locator("td").first().locator("a").click()]);
    expect(await page.locator("h1").textContent()).toMatch(/^Adviescontact van /);
    expect(await page.locator("dl").first().textContent()).toContain("De melder heeft geen toestemming gegeven voor doorverwijzen.");
    // The VP's own case page: the light registration's questions and the referral step with it.
    expect(await page.locator("#vp-title").textContent()).toBeTruthy();
    await expectNoViolations(page, "the VP's case page of an advice contact");

    // A referral to the integrity desk without consent: refused, with the reason on the page; nothing changed.
    await page.selectOption("#referral", { label: "Integriteitsbalie (na toestemming)" });
    expect(await submit(page, "Naar 'Doorverwezen'")).toBe(403);
    expect(await page.locator("main").textContent()).toContain(
      "Dit adviescontact kan alleen worden doorverwezen als de melder daar toestemming voor heeft gegeven.",
    );
    // Forwarding it is refused the same way, at the desk field of the forward page.
    await page.goto(caseUrl);
    await Promise.all([page.waitForURL(`${caseUrl}/doorsturen`), page.getByRole("link", { name: "Doorsturen naar een andere balie" }).click()]);
    await page.selectOption("#toDesk", "hoorn-integriteit");
    await page.fill("#reason", "De melder wil een melding doen.");
    expect(await submit(page, "Doorsturen")).toBe(403);
    expect(await page.locator('[role=alert] a[href="#toDesk"]').textContent()).toContain("toestemming");
    expect(await stored(record)).toMatchObject({ desk: "hoorn-vp", state: "ontvangen", version: record.version });

    // The reporter consents in the mailbox.
    const mailbox = await openMailbox(code);
    expect(await mailbox.locator("#consent").textContent()).toContain("U hebt geen toestemming gegeven.");
    expect(await submit(mailbox, "Ik geef toestemming om door te verwijzen")).toBe(303);
    expect(await mailbox.locator("#consent").textContent()).toContain("U hebt toestemming gegeven op");
    await mailbox.close();

    // Now the VP sees the consent and forwards the contact to the integrity desk.
    await page.goto(caseUrl);
    expect(await page.locator("dl").first().textContent()).toContain("De melder gaf toestemming voor doorverwijzen op");
    await Promise.all([page.waitForURL(`${caseUrl}/doorsturen`), page.getByRole("link", { name: "Doorsturen naar een andere balie" }).click()]);
    expect(await page.locator("h1").textContent()).toBe("Melding doorsturen");
    await page.selectOption("#toDesk", "hoorn-integriteit");
    await page.fill("#reason", "De melder wil nu een melding doen en gaf toestemming.");
    expect(await submit(page, "Doorsturen")).toBe(303);
    expect(page.url()).toBe(url("/balie/hoorn-vp?doorgestuurd=1"));
    expect(await notice(page)).toContain("De melding is doorgestuurd.");
    expect(await row(page).count()).toBe(0);
    await vp.close();

    const moved = await stored(record);
    expect(moved).toMatchObject({ member: "hoorn", desk: "hoorn-integriteit", kind: "advies" });
    expect(moved.history.at(-1)).toMatchObject({ event: "doorgestuurd", by: "demo-vp-hoorn", from: { desk: "hoorn-vp" }, to: { desk: "hoorn-integriteit" } });
    // The integrity desk has it now.
    const desk = await coordinator().newPage();
    await desk.goto(url("/balie/hoorn-integriteit"));
    expect(await row(desk).count()).toBe(1);
    await desk.close();
    const trail = (await chromium.hub.deps.audit.readAll("hoorn")).entries.filter((e) => e.caseId === record.id);
    expect(trail.filter((e) => e.action === "transfer")).toEqual([expect.objectContaining({ actor: "demo-vp-hoorn", detail: "hoorn/hoorn-integriteit" })]);
  });
});

describe("axe-core on the other desk pages", () => {
  it("finds no violations on the VP's signal to management, before and after sending, also with an error", async () => {
    const page = await (await staffContext()).newPage();
    await logInAt(page, url("/balie/hoorn-vp/signaal?organisatie=hoorn"), "vp-hoorn");
    expect(await page.locator("h1").textContent()).toBe("Signaal aan het management");
    await expectNoViolations(page, "VP signal");
    await page.click("button:has-text('Signaal versturen')");
    expect(await page.locator("#remark-error").textContent()).toContain("Schrijf uw signaal.");
    await expectNoViolations(page, "VP signal with an error");
    await page.fill("#remark", "Meerdere vragen over de omgang in teams.");
    await page.click("button:has-text('Signaal versturen')");
    expect(await page.locator("[role=status]").first().textContent()).toContain("Het signaal is verstuurd");
    await expectNoViolations(page, "VP signal sent");
  });

  it("finds no violations on the intake form", async () => {
    const page = await coordinator().newPage();
    await page.goto(url("/balie/hoorn-integriteit/registreren"));
    expect(await page.locator("h1").textContent()).toBe("Een melding registreren");
    // Only the members this desk handles (Hoorn's bureau also serves the Westfries Archief), and no proof of work.
    expect(await page.locator("#member optgroup option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(["hoorn", "westfries-archief"]);
    expect(await page.locator("form[data-pow]").count()).toBe(0);
    await expectNoViolations(page, "intake form");
    await page.close();
  });

  it("finds no violations on the member admin's verified audit trail, which lists the day's work without content", async () => {
    const admin = await staffContext();
    const page = await admin.newPage();
    await logInAt(page, url("/beheer/hoorn/logboek?controleer=1"), "beheer-hoorn");
    expect(await page.getByTestId("verdict").textContent()).toMatch(/^Het logboek is in orde: \d+ regels/);
    const actions = await page.locator("[data-testid=audit] tbody tr td:nth-child(4)").allTextContents();
    expect(new Set(actions)).toEqual(new Set(["Gelezen", "Status gewijzigd", "Bericht aan de melder", "Interne notitie", "Afgedrukt", "Doorgestuurd"]));
    expect(await page.locator("main").textContent()).not.toContain("kleineert");
    await expectNoViolations(page, "audit trail");
    await admin.close();
  });
});

describe("requests", () => {
  it("went to the hub and its embedded provider alone", () => {
    const origins = new Set(chromium.requested.map((u) => new URL(u).origin));
    const hub = new URL(chromium.hub.url).origin;
    const provider = new URL(chromium.hub.issuer).origin;
    expect(provider).not.toBe(hub);
    expect(chromium.requested.length).toBeGreaterThan(50);
    expect(origins).toEqual(new Set([hub, provider]));
  });
});
