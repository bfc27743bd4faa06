// The hub operator's pages over real HTTP and in Chromium: only the operator gets them; onboarding a gemeente with
// desks of its own and a GR that shares the regional VP and delegates integrity to Hoorn, after which reports route
// there; a broken onboarding is refused at its field and stores nothing; staff records are added and replaced, and a
// replaced role is what that person gets at the next login. axe-core checks the pages, also with errors on them.
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoViolations, useChromium } from "./support/browser";
import { CookieJar, follow, formPost, logIn, send } from "./support/browserless";
import { form, issuedForm, receiptCodeIn, testHub } from "./support/local";

let hub: Awaited<ReturnType<typeof testHub>>;
beforeAll(async () => {
  hub = await testHub();
});
afterAll(async () => {
  await hub?.close();
});

const PAGES = ["/beheer/organisaties", "/beheer/aansluiten", "/beheer/medewerkers"];
const csrfIn = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

/** A fresh login of a demo account, over HTTP through the embedded provider. */
async function logInAs(username: string) {
  const jar = new CookieJar();
  await logIn(jar, `${hub.url}/medewerker`, username, DEMO_PASSWORD);
  return jar;
}

const sessions = new Map<string, Promise<CookieJar>>();
/** One login per account for the whole file: staff records are read on every request, not kept in the session. */
const jarOf = (username: string) => sessions.get(username) ?? sessions.set(username, logInAs(username)).get(username) ?? logInAs(username);

async function get(username: string, path: string) {
  const res = await send(await jarOf(username), `${hub.url}${path}`);
  return { status: res.status, html: await res.text() };
}

/** The form's values as a browser posts them: checked radios, selected options (else the first), text as typed. */
function formValues(html: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [tag] of html.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name || (/type="radio"/.test(tag) && !/checked/.test(tag))) continue;
    values[name] = /value="([^"]*)"/.exec(tag)?.[1] ?? "";
  }
  for (const [, name, body = ""] of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    if (name) values[name] = (/<option value="([^"]*)" selected=""/.exec(body) ?? /<option value="([^"]*)"/.exec(body))?.[1] ?? "";
  }
  return values;
}

/** Posts the onboarding form as the page offers it, with `changes` made. */
async function onboard(changes: Record<string, string | undefined>) {
  const jar = await jarOf("operator");
  const page = await (await send(jar, `${hub.url}/beheer/aansluiten`)).text();
  const values = Object.fromEntries(Object.entries({ ...formValues(page), ...changes }).filter((e): e is [string, string] => e[1] !== undefined));
  return { jar, res: await send(jar, `${hub.url}/beheer/aansluiten`, formPost(values)) };
}

/** A report through the reporter's form; returns the desk it was stored on. */
async function reportTo(member: string, wants = "melding") {
  const res = await fetch(`${hub.url}/melden`, form({ ...(await issuedForm(hub.url)), member, wants, reporterType: "medewerker", anonymity: "anoniem", subcategories: "omgang.pesten", description: "Een leidinggevende scheldt medewerkers uit." }));
  expect(res.status).toBe(200);
  const [found] = await hub.deps.cases.findByReceiptLocator(hub.deps.receipts.parse(receiptCodeIn(await res.text()))?.locator ?? "");
  return found?.desk;
}

describe("who gets the operator's pages", () => {
  it("gives them to the operator, linked from the staff page, and refuses the member admin, desk staff and the board", async () => {
    for (const path of PAGES) expect({ path, status: (await get("operator", path)).status }).toEqual({ path, status: 200 });
    expect((await get("operator", "/medewerker")).html).toContain('href="/beheer/organisaties"');
    for (const username of ["beheer-hoorn", "bi-hoorn", "bestuur"]) {
      for (const path of PAGES) {
        const { status, html } = await get(username, path);
        expect({ username, path, status }).toEqual({ username, path, status: 403 });
        expect(html).toContain("Geen toegang");
      }
    }
  });

  it("refuses a member admin's post with a valid CSRF token, and anyone's post without one", async () => {
    const admin = await jarOf("beheer-hoorn");
    const csrf = csrfIn(await (await send(admin, `${hub.url}/medewerker`)).text());
    expect((await send(admin, `${hub.url}/beheer/aansluiten`, formPost({ csrf, id: "stiekem", name: "Stiekem" }))).status).toBe(403);
    const operator = await jarOf("operator");
    expect((await send(operator, `${hub.url}/beheer/aansluiten`, formPost({ id: "zonder-csrf", name: "Zonder" }))).status).toBe(403);
    expect((await send(operator, `${hub.url}/beheer/medewerkers`, formPost({ id: "zonder-csrf", name: "Zonder", role: "board" }))).status).toBe(403);
    expect(await hub.deps.region.getMember("stiekem")).toBeUndefined();
    expect(await hub.deps.region.getMember("zonder-csrf")).toBeUndefined();
    expect(await hub.deps.auth.staff.getStaff("zonder-csrf")).toBeUndefined();
  });

  it("lists the members (not the hub itself) with links to their settings, and the desks with whom they serve", async () => {
    const { html } = await get("operator", "/beheer/organisaties");
    expect(html).toContain('<a class="utrecht-link" href="/beheer/hoorn">Gemeente Hoorn</a>');
    expect(html).not.toContain('href="/beheer/regio"');
    expect(html).toMatch(/Bureau Integriteit Hoorn<\/th><td class="utrecht-table__cell">Integriteit<\/td><td class="utrecht-table__cell">Gemeente Hoorn<\/td><td class="utrecht-table__cell">Gemeente Hoorn, Westfries Archief</);
    expect(html).toContain('href="/beheer/aansluiten"');
    expect(html).toContain('href="/beheer/medewerkers"');
  });
});

describe("onboarding a member", () => {
  it("adds a gemeente with desks of its own: listed, its settings page works, and its reports reach its own desk", async () => {
    const { jar, res } = await onboard({ id: "schagen", name: "Gemeente Schagen", fte: "310", "alternates.gemeentesecretaris": "+eigen-bestuurlijk" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/beheer/schagen?opgeslagen=1");
    const settings = await follow(jar, `${hub.url}/beheer/schagen?opgeslagen=1`);
    const settingsPage = await settings.res.text();
    expect(settingsPage).toContain("Instellingen van Gemeente Schagen");
    expect(settingsPage).toContain("De instellingen zijn opgeslagen.");
    expect(settingsPage).toMatch(/Melding over de burgemeester<\/th><td class="utrecht-table__cell">Griffier Schagen \(meldingen over de burgemeester\)/);

    expect(await hub.deps.region.getDesk("schagen-integriteit")).toEqual({
      id: "schagen-integriteit",
      type: "integriteit",
      name: "Integriteitscoördinator Schagen",
      owner: "schagen",
      serves: ["schagen"],
      version: 1,
    });
    expect((await hub.deps.region.getMember("schagen"))?.alternates).toEqual({ receivingDesk: "regio-intake", gemeentesecretaris: "schagen-bestuurlijk" });
    expect((await get("operator", "/beheer/organisaties")).html).toContain('href="/beheer/schagen">Gemeente Schagen</a>');
    expect(await (await fetch(`${hub.url}/melden`)).text()).toContain("Gemeente Schagen");
    expect(await reportTo("schagen")).toBe("schagen-integriteit");
  });

  it("adds a GR that shares the regional VP and delegates integrity to Hoorn: those desks serve it, and its reports go there", async () => {
    const before = await hub.deps.region.getDesk("hoorn-integriteit");
    const { res } = await onboard({
      id: "recreatieschap",
      name: "Recreatieschap West-Friesland",
      kind: "gr",
      fte: "25",
      "routes.vp": "regio-vp-extern",
      "routes.integriteit": "hoorn-integriteit",
    });
    expect(res.status).toBe(303);
    expect(await hub.deps.region.getDesk("hoorn-integriteit")).toEqual({ ...before, serves: ["hoorn", "westfries-archief", "recreatieschap"], version: 2 });
    expect(await hub.deps.region.getDesk("regio-vp-extern")).toMatchObject({ serves: ["sed", "westfries-archief", "odnhn", "recreatieschap"], version: 2 });
    // A joint body brings no desks of its own here, whatever the form said about bestuurlijk routes.
    expect(await hub.deps.region.getDesk("recreatieschap-bestuurlijk")).toBeUndefined();
    expect(await reportTo("recreatieschap")).toBe("hoorn-integriteit");
    expect(await reportTo("recreatieschap", "advies")).toBe("regio-vp-extern");
  });

  it("refuses a code that exists or is one of its pages, at the code, keeping what was typed, and stores nothing", async () => {
    const desks = await hub.deps.region.listDesks();
    const hoorn = await hub.deps.region.getMember("hoorn");
    for (const [id, message] of [
      ["hoorn", "Er is al een organisatie met deze code."],
      ["medewerkers", "Deze code is een pagina van het meldpunt."],
    ]) {
      const { res } = await onboard({ id, name: "Gemeente Dubbel", fte: "12" });
      expect(res.status).toBe(400);
      const page = await res.text();
      expect(page).toContain('<a class="utrecht-link" href="#id">');
      expect(page).toContain(message);
      expect(page).toContain('value="Gemeente Dubbel"');
    }
    expect(await hub.deps.region.listDesks()).toEqual(desks);
    expect(await hub.deps.region.getMember("hoorn")).toEqual(hoorn);
  });

  it("refuses a missing route and an alternate that would not exist, each at its field, and stores none of the desks", async () => {
    const desks = await hub.deps.region.listDesks();
    const missing = await onboard({ id: "wieringen", name: "Gemeente Wieringen", fte: "80", "routes.integriteit": undefined });
    expect(missing.res.status).toBe(400);
    expect(await missing.res.text()).toMatch(/href="#routes\.integriteit">Kies een balie\./);

    // A GR has no bestuurlijk desk of its own to take conflicts about its director.
    const wrong = await onboard({ id: "gr-zonder", name: "GR Zonder", kind: "gr", fte: "8", "alternates.gemeentesecretaris": "+eigen-bestuurlijk" });
    expect(wrong.res.status).toBe(400);
    expect(await wrong.res.text()).toMatch(/href="#alternates\.gemeentesecretaris">Balie gr-zonder-bestuurlijk bestaat niet\./);

    expect(await hub.deps.region.listDesks()).toEqual(desks);
    expect(await hub.deps.region.getMember("wieringen")).toBeUndefined();
    expect(await hub.deps.region.getMember("gr-zonder")).toBeUndefined();
  });
});

describe("staff", () => {
  async function saveStaff(values: Record<string, string>) {
    const jar = await jarOf("operator");
    const csrf = csrfIn(await (await send(jar, `${hub.url}/beheer/medewerkers`)).text());
    return send(jar, `${hub.url}/beheer/medewerkers`, formPost({ ...values, csrf }));
  }

  it("adds a staff member on a desk as version 1, and lists them with the desk's name", async () => {
    const res = await saveStaff({
      id: "0d5e7c2a-4b1f-4c3e-9a8d-6f2b1c0e9d7a",
      name: "Noor Bakker",
      email: "n.bakker@enkhuizen.example",
      role: "desk-staff",
      desk: "enkhuizen-vp",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/beheer/medewerkers?opgeslagen=1");
    expect(await hub.deps.auth.staff.getStaff("0d5e7c2a-4b1f-4c3e-9a8d-6f2b1c0e9d7a")).toMatchObject({ roles: [{ role: "desk-staff", desk: "enkhuizen-vp" }], version: 1 });
    const { html } = await get("operator", "/beheer/medewerkers?opgeslagen=1");
    expect(html).toContain("De medewerker is opgeslagen.");
    expect(html).toMatch(/Noor Bakker<\/th><td class="utrecht-table__cell">n\.bakker@enkhuizen\.example<\/td>.*?Medewerker van een balie: Vertrouwenspersoon Enkhuizen, voor Gemeente Enkhuizen/);
    expect(html).toContain("Sarah Bos");
  });

  it("replaces a demo account's role (the next version), and that person's staff page shows the desk at the next login", async () => {
    const res = await saveStaff({ id: "demo-bestuur", name: "Henk Dekker", email: "h.dekker@meldpunt-westfriesland.example", role: "desk-staff", desk: "hoorn-vp" });
    expect(res.status).toBe(303);
    expect(await hub.deps.auth.staff.getStaff("demo-bestuur")).toMatchObject({ roles: [{ role: "desk-staff", desk: "hoorn-vp" }], version: 2 });
    const staffPage = await (await send(await logInAs("bestuur"), `${hub.url}/medewerker`)).text();
    expect(staffPage).toContain("Medewerker van een balie: Vertrouwenspersoon Hoorn, voor Gemeente Hoorn");
    expect(staffPage).not.toContain("Lid van het regionale bestuur");
  });

  it("refuses a role without its desk, an admin of the hub itself, and a wrong e-mail, at their fields, and stores nothing", async () => {
    const person = { id: "demo-nieuw", name: "Nieuw", email: "nieuw@example.org" };
    for (const [values, field, message] of [
      [{ ...person, role: "desk-staff" }, "desk", "Kies een balie."],
      [{ ...person, role: "member-admin", member: "regio" }, "member", "Kies een aangesloten organisatie (niet de regio zelf)."],
      [{ ...person, role: "desk-staff", desk: "bestaat-niet" }, "desk", "Balie bestaat-niet bestaat niet."],
      [{ ...person, email: "geen-adres", role: "board" }, "email", "Vul een geldig e-mailadres in."],
      [{ ...person }, "role", "Kies een rol."],
    ] as const) {
      const res = await saveStaff(values);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      const page = await res.text();
      expect(page).toContain(`href="#${field}">${message}`);
      expect(page).toContain('value="Nieuw"');
    }
    expect(await hub.deps.auth.staff.getStaff("demo-nieuw")).toBeUndefined();
  });
});

describe("in Chromium, with axe-core", () => {
  const browser = useChromium();

  it("finds no violations on the three pages, nor on the onboarding and staff forms with errors", async () => {
    const page = await (await browser().newContext()).newPage();
    const check = (name: string) => expectNoViolations(page, name);
    await page.goto(`${hub.url}/beheer/organisaties`);
    await page.fill("#username", "operator");
    await page.fill("#password", DEMO_PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL(`${hub.url}/beheer/organisaties`);
    await check("members and desks");

    await page.click("text=Een organisatie aansluiten");
    await check("onboarding");
    await page.fill("#id", "Fout Code");
    await page.click("text=Organisatie aansluiten >> nth=-1");
    expect(await page.title()).toMatch(/^Fout:/);
    expect(await page.locator("[role=alert]").textContent()).toContain("Gebruik kleine letters");
    await check("onboarding refused");

    await page.goto(`${hub.url}/beheer/medewerkers`);
    await check("staff");
    await page.fill("#id", "iemand");
    await page.click("text=Medewerker opslaan");
    expect(await page.title()).toMatch(/^Fout:/);
    await check("staff refused");
  });
});
