// The casuïstiek library over HTTP on the real embedded hub (dynalite, local keys, the embedded provider): a coordinator
// describes a closed case, the automatic check refuses what identifies (audited as a read of the case), a coordinator of
// another member approves (the author cannot), another member's desk and the board read it and comment, and neither the
// stored entry nor any library page names the case. The board reaches the library, never the case.
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { CaseRecord } from "@meldpunt/domain";
import { caseStep, tagPerson, transitionCase } from "@meldpunt/domain/staff";
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, follow, logIn, send } from "./support/browserless";
import { form, issuedForm, rawItems, receiptCodeIn, testHub } from "./support/local";

let hub: Awaited<ReturnType<typeof testHub>>;
beforeAll(async () => {
  hub = await testHub();
});
afterAll(async () => {
  await hub?.close();
});

const csrfIn = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
const decode = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** A confidential report to Hoorn that names the person concerned and the reporter, closed by the bureau. */
async function closedCase(description: string, options: { close?: boolean; tag?: string } = {}): Promise<CaseRecord> {
  const res = await fetch(
    `${hub.url}/melden`,
    form({
      ...(await issuedForm(hub.url)),
      member: "hoorn",
      wants: "melding",
      reporterType: "medewerker",
      anonymity: "vertrouwelijk",
      contactName: "Sanne Bakker",
      contactEmail: "sanne@voorbeeld.nl",
      personName: "Karel Appel",
      subcategories: "omgang.pesten",
      description,
    }),
  );
  const code = receiptCodeIn(await res.text());
  let [record] = await hub.deps.cases.findByReceiptLocator(hub.deps.receipts.parse(code)?.locator ?? "");
  if (!record) throw new Error("report not stored");
  const by = "demo-bi-hoorn";
  const ref = { member: record.member, caseId: record.id, desk: record.desk, by };
  if (options.tag) await tagPerson(hub.deps, ref, options.tag);
  if (options.close === false) return record;
  for (const [to, extra] of [["bevestigd", {}], ["triage", {}], ["gesloten", { closeReason: "geen-vermoeden" }]] as const) {
    const fresh = (await hub.deps.cases.getCase(record.member, record.id)) as CaseRecord;
    record = await transitionCase(hub.deps, { ...ref, to, seen: caseStep(fresh), ...extra });
  }
  return record;
}

async function as(username: string, path: string) {
  const jar = new CookieJar();
  const { back, html } = await logIn(jar, `${hub.url}${path}`, username, DEMO_PASSWORD);
  // The session's token, from the staff page's logout form when the page itself has no form.
  const csrf = csrfIn(html) || csrfIn(await (await send(jar, `${hub.url}/medewerker`)).text());
  return { jar, html, status: back.res.status, csrf };
}

function post(jar: CookieJar, path: string, values: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return send(jar, `${hub.url}${path}`, { method: "POST", body });
}

const GOOD = {
  title: "Kleineren in overleggen",
  situation: "Een medewerker meldde dat een leidinggevende haar in elk overleg kleineerde.",
  dilemma: "Meteen een onderzoek, of eerst een gesprek met de leidinggevende?",
  route: "Na triage is de melding afgesloten: geen vermoeden van een schending, wel een advies aan de lijn.",
  outcome: "Een gesprek tussen medewerker, leidinggevende en P&O.",
  lessons: "Maak in de terugkoppeling duidelijk waarom er geen onderzoek komt.",
  subcategories: ["omgang.pesten", "omgang.intimidatie"],
  year: "2025",
};

const libraryItems = async () =>
  (await rawItems(hub))
    .map((item) => unmarshall(item))
    .filter((item) => String(item.entity ?? "").startsWith("library"));

describe("a description from a closed case, over HTTP", () => {
  it("is written by the holding desk, checked, approved by another member's coordinator, read and discussed by the region", { timeout: 60_000 }, async () => {
    const open = await closedCase("Nog open: mijn leidinggevende kleineert mij.", { close: false });
    const record = await closedCase("Mijn leidinggevende Karel Appel kleineert mij in elk overleg.", { tag: "Piet Jansen" });
    const casePath = `/balie/hoorn-integriteit/hoorn/${record.id}`;
    const newPath = `/bibliotheek/nieuw?balie=hoorn-integriteit&organisatie=hoorn&melding=${record.id}`;

    // The closed case's page links to the form; an open case's does not.
    const author = await as("bi-hoorn", casePath);
    expect(author.html).toContain(`href="${newPath.replace(/&/g, "&amp;")}"`);
    expect(await (await send(author.jar, `${hub.url}/balie/hoorn-integriteit/hoorn/${open.id}`)).text()).not.toContain("/bibliotheek/nieuw");

    // The form starts from the case's subject and year.
    const formPage = await (await send(author.jar, `${hub.url}${newPath}`)).text();
    expect(formPage).toContain("Beschrijven voor de casuïstiekbibliotheek");
    expect(formPage).toMatch(/id="subcategories-omgang\.pesten"[^>]*checked/);
    expect(formPage).toContain(`value="${record.receivedAt.slice(0, 4)}"`);

    // The check: names from the sealed report and the person tag, the member, an address, a number, a date.
    const before = (await hub.deps.audit.readAll("hoorn")).entries.length;
    const blocked = await post(author.jar, newPath, {
      csrf: author.csrf,
      ...GOOD,
      situation: "Karel kleineerde mevrouw Bakker; Piet Jansen was erbij.",
      dilemma: "Bij de gemeente Hoorn twijfelden we.",
      route: "We belden 06-12345678 en mailden sanne@voorbeeld.nl.",
      outcome: "Op 12-03-2025 volgde een gesprek.",
    });
    expect(blocked.status).toBe(400);
    const errors = decode(await blocked.text());
    expect(errors).toContain('Situatie: bevat een naam die in de melding voorkomt ("Karel"), een naam die in de melding voorkomt ("Bakker"), een naam die in de melding voorkomt ("Piet Jansen")');
    expect(errors).toContain('Dilemma: bevat de naam van de organisatie ("gemeente Hoorn")');
    expect(errors).toContain('Gekozen route: bevat een telefoonnummer ("06-12345678"), een e-mailadres ("sanne@voorbeeld.nl")');
    expect(errors).toContain('Uitkomst: bevat een precieze datum ("12-03-2025")');
    expect(errors).toMatch(/<a class="utrecht-link" href="#situation">/);
    expect(errors).toContain('id="situation-error"');
    // What was typed comes back in the form; nothing is stored; the read of the case is in the audit trail.
    expect(errors).toContain("Op 12-03-2025 volgde een gesprek.");
    expect(await libraryItems()).toEqual([]);
    const trail = (await hub.deps.audit.readAll("hoorn")).entries.slice(before);
    expect(trail.map((e) => [e.action, e.caseId, e.actor, e.detail])).toEqual([["library-check", record.id, "demo-bi-hoorn", undefined]]);

    // A form without the session's token is refused.
    expect((await post(author.jar, newPath, { ...GOOD })).status).toBe(403);

    const submitted = await post(author.jar, newPath, { csrf: author.csrf, ...GOOD });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get("Location")).toBe("/bibliotheek/te-beoordelen?gedaan=ingediend");
    const [entry] = await libraryItems();
    const id = String(entry?.id);
    expect(entry).toMatchObject({ entity: "library-entry", state: "concept", author: "demo-bi-hoorn", year: 2025, categories: ["omgang"] });

    // A second description of the same case is refused.
    const again = await send(author.jar, `${hub.url}${newPath}`);
    expect(await again.text()).toContain("Van deze melding ligt al een beschrijving ter beoordeling.");

    // The author sees it awaiting review, marked as their own, and cannot approve it.
    const review = await (await send(author.jar, `${hub.url}/bibliotheek/te-beoordelen?gedaan=ingediend`)).text();
    expect(review).toContain("Uw beschrijving is aangeboden.");
    expect(review).toMatch(new RegExp(`data-entry="${id}"[\\s\\S]*?\\(uw eigen\\)`));
    const ownPage = await (await send(author.jar, `${hub.url}/bibliotheek/${id}`)).text();
    expect(ownPage).toContain("Dit is uw eigen beschrijving.");
    expect(ownPage).not.toContain("/goedkeuren");
    const ownApproval = await post(author.jar, `/bibliotheek/${id}/goedkeuren`, { csrf: author.csrf });
    expect(ownApproval.status).toBe(403);
    expect(await ownApproval.text()).toContain("U kunt uw eigen beschrijving niet beoordelen");

    // Not yet in the library; the board does not see drafts.
    const board = await as("bestuur", "/bibliotheek");
    expect(board.status).toBe(200);
    expect(board.html).not.toContain(id);
    expect((await send(board.jar, `${hub.url}/bibliotheek/${id}`)).status).toBe(404);
    expect((await send(board.jar, `${hub.url}/bibliotheek/te-beoordelen`)).status).toBe(403);

    // SED's coordinator approves it.
    const sed = await as("bi-sed", "/bibliotheek/te-beoordelen");
    expect(sed.html).toContain(`data-entry="${id}"`);
    const toReview = await (await send(sed.jar, `${hub.url}/bibliotheek/${id}`)).text();
    expect(toReview).toContain("Goedkeuren en publiceren");
    const approved = await post(sed.jar, `/bibliotheek/${id}/goedkeuren`, { csrf: sed.csrf });
    expect(approved.status).toBe(303);
    expect((await libraryItems()).find((i) => i.entity === "library-entry")).toMatchObject({ state: "gepubliceerd", reviewer: "demo-bi-sed", version: 2 });

    // The board reads it and filters for it; a filter that excludes it leaves it out.
    const list = await (await send(board.jar, `${hub.url}/bibliotheek?categorie=omgang&jaar=2025`)).text();
    expect(list).toContain(`href="/bibliotheek/${id}"`);
    expect(list).toContain("Kleineren in overleggen");
    expect(await (await send(board.jar, `${hub.url}/bibliotheek?categorie=financieel`)).text()).not.toContain(id);
    expect((await send(board.jar, `${hub.url}/bibliotheek?jaar=twintig`)).status).toBe(400);
    const read = await (await send(board.jar, `${hub.url}/bibliotheek/${id}`)).text();
    expect(decode(read)).toContain(GOOD.dilemma);

    // Comments: the board's and another desk's, shown as role and organisation; a phone number is refused.
    const refused = await post(board.jar, `/bibliotheek/${id}/reactie`, { csrf: board.csrf, text: "Bel mij op 0229 123 456." });
    expect(refused.status).toBe(400);
    expect(decode(await refused.text())).toContain('Reactie: bevat een telefoonnummer ("0229 123 456")');
    expect((await post(board.jar, `/bibliotheek/${id}/reactie`, { csrf: board.csrf, text: "Goed voorbeeld voor de regio." })).status).toBe(303);
    const vp = await as("vp-hoorn", `/bibliotheek/${id}`);
    expect((await post(vp.jar, `/bibliotheek/${id}/reactie`, { csrf: vp.csrf, text: "Herkenbaar; wij kozen ook voor een gesprek." })).status).toBe(303);
    const discussed = await (await send(sed.jar, `${hub.url}/bibliotheek/${id}?gedaan=reactie`)).text();
    const voices = [...discussed.matchAll(/id="comment-\d+">([^,<]+(?:, [^,<]+)?),/g)].map((m) => m[1]);
    expect(voices).toEqual(["Lid van het regionale bestuur", "Medewerker van een balie, Gemeente Hoorn"]);
    expect(discussed).not.toContain("Henk Dekker");
    expect(discussed).not.toContain("Jeroen Visser");

    // No link back: neither the stored items nor any library page names the case, its member's desk or its reporter.
    const stored = JSON.stringify(await libraryItems());
    for (const forbidden of [record.id, "hoorn-integriteit", "Karel", "Bakker", record.receipt.locator]) expect(stored).not.toContain(forbidden);
    // The entry has no attribute for a case, member or desk (a comment names its writer's member: its voice).
    const entryItem = (await libraryItems()).find((i) => i.entity === "library-entry") ?? {};
    expect(Object.keys(entryItem).filter((k) => /case|member|desk|receipt|locator/i.test(k))).toEqual([]);
    for (const path of [`/bibliotheek/${id}`, "/bibliotheek", "/bibliotheek/te-beoordelen"]) {
      const html = await (await send(author.jar, `${hub.url}${path}`)).text();
      expect({ path, hasCase: html.includes(record.id) || html.includes("/balie/") }).toEqual({ path, hasCase: false });
    }
  });

  it("returns a draft to its author with a reason; the author revises it from the case", { timeout: 60_000 }, async () => {
    const record = await closedCase("Een collega neemt steeds kantoorartikelen mee naar huis.");
    const newPath = `/bibliotheek/nieuw?balie=hoorn-integriteit&organisatie=hoorn&melding=${record.id}`;
    const author = await as("bi-hoorn", newPath);
    const title = "Kantoorartikelen mee naar huis";
    expect((await post(author.jar, newPath, { csrf: author.csrf, ...GOOD, title, subcategories: ["middelen.oneigenlijk-gebruik"] })).status).toBe(303);
    const id = String((await libraryItems()).find((i) => i.title === title)?.id);

    const intake = await as("intake", `/bibliotheek/${id}`);
    const empty = await post(intake.jar, `/bibliotheek/${id}/terugsturen`, { csrf: intake.csrf, reason: "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('id="reason-error"');
    const returned = await post(intake.jar, `/bibliotheek/${id}/terugsturen`, { csrf: intake.csrf, reason: "Noem het aantal dozen niet." });
    expect(returned.status).toBe(303);
    expect(returned.headers.get("Location")).toBe("/bibliotheek/te-beoordelen?gedaan=teruggestuurd");
    // Returned drafts are their author's: not in the library, not on another reviewer's page.
    expect((await send(intake.jar, `${hub.url}/bibliotheek/${id}`)).status).toBe(404);

    const mine = await (await send(author.jar, `${hub.url}/bibliotheek/te-beoordelen`)).text();
    expect(mine).toContain("Noem het aantal dozen niet.");
    const form = decode(await (await send(author.jar, `${hub.url}${newPath}`)).text());
    expect(form).toContain("Deze beschrijving is teruggestuurd.");
    expect(form).toContain(`value="${title}"`);
    expect((await post(author.jar, newPath, { csrf: author.csrf, ...GOOD, title, subcategories: ["middelen.oneigenlijk-gebruik"], outcome: "Een gesprek." })).status).toBe(303);
    expect((await libraryItems()).filter((i) => i.title === title)).toEqual([expect.objectContaining({ id, state: "concept", outcome: "Een gesprek.", version: 3 })]);
  });
});

describe("who reaches what", () => {
  it("gives the board the library but not the case or its form; admins and other desks neither form", async () => {
    const record = await closedCase("Een leverancier bood een cadeaubon aan.");
    const casePath = `/balie/hoorn-integriteit/hoorn/${record.id}`;
    const newPath = `/bibliotheek/nieuw?balie=hoorn-integriteit&organisatie=hoorn&melding=${record.id}`;
    const board = await as("bestuur", "/medewerker");
    expect(board.html).toContain('href="/bibliotheek"');
    expect((await send(board.jar, `${hub.url}${newPath}`)).status).toBe(403);
    expect((await send(board.jar, `${hub.url}${casePath}`)).status).toBe(403);
    for (const username of ["bi-sed", "vp-hoorn", "beheer-hoorn"]) {
      const { jar } = await as(username, "/medewerker");
      expect({ username, status: (await send(jar, `${hub.url}${newPath}`)).status }).toEqual({ username, status: 403 });
    }
    const { jar: admin } = await as("beheer-hoorn", "/medewerker");
    expect((await send(admin, `${hub.url}/bibliotheek`)).status).toBe(403);
    // A desk staff member of the desk cannot describe an open case: the form says why.
    const open = await closedCase("Nog open.", { close: false });
    const { jar } = await as("bi-hoorn", "/medewerker");
    const refused = await send(jar, `${hub.url}/bibliotheek/nieuw?balie=hoorn-integriteit&organisatie=hoorn&melding=${open.id}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Alleen van een afgesloten melding");
    // A case id that is no case id is not found; nothing else is said.
    expect((await follow(jar, `${hub.url}/bibliotheek/nieuw?balie=hoorn-integriteit&organisatie=hoorn&melding=x`)).res.status).toBe(404);
  });
});
