// The wegwijzer (issue 3, item 1) and the language switch that keeps the reporter's place (item 6), in-process.
import { hrefKeepingQuery, W } from "@meldpunt/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseItems, form, issuedForm, type TestApp, testApp } from "./support/local";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

const html = { Accept: "text/html" };

async function pageAt(path: string): Promise<{ status: number; text: string; links: string[] }> {
  const res = await t.app.request(path, { headers: html });
  const text = await res.text();
  return { status: res.status, text, links: urlsIn(text) };
}

/** Every URL the page names in an attribute (href, src, action, …), unescaped. */
function urlsIn(text: string): string[] {
  return [...text.matchAll(/\s(?:href|src|srcset|action|formaction|poster|data)="([^"]*)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));
}

/** Where the header's language switch goes: a link, or on the report form a button that posts the form there. */
function languageSwitch(text: string): string | undefined {
  const match =
    /<a class="utrecht-link" href="([^"]*)" lang="(?:nl|en)" hreflang=/.exec(text) ??
    /<button class="utrecht-link hub-link-button" type="submit" form="report-form" formaction="([^"]*)"/.exec(text);
  return match?.[1]?.replaceAll("&amp;", "&");
}

const WAY_ANCHORS = ["#vertrouwenspersoon", "#melding", "#bestuurder", "#klokkenluider", "#nood"];
const REGION_FORM_LINKS = ["/melden?wens=advies", "/melden?wens=melding", "/melden?wens=melding&over=bestuurder", "/melden?wens=melding&categorie=misstand"];

describe("the region's wegwijzer at /", () => {
  it("offers the five ways, each with its section, and links the report form preset for each", async () => {
    const { status, text, links } = await pageAt("/");
    expect(status).toBe(200);
    expect(text).toContain('<html lang="nl">');
    expect(text).toContain(W.heading.nl);
    expect(links.filter((l) => l.startsWith("#") && l !== "#main")).toEqual(WAY_ANCHORS);
    for (const anchor of WAY_ANCHORS) expect(text).toContain(`id="${anchor.slice(1)}"`);
    expect(links.filter((l) => l.startsWith("/melden"))).toEqual(REGION_FORM_LINKS);
    expect(links).toContain("/opvolgen");
    // The external route is named, never linked; emergencies go to 112 and the police.
    for (const words of ["112", "politie", "Huis voor Klokkenluiders", "088 133 10 00", "griffier", "burgemeester", "regionale intake"]) {
      expect(text).toContain(words);
    }
    // Anonymous, confidential and open, and what happens next.
    for (const label of [W.anonymous, W.confidential, W.open, W.nextAck, W.nextFeedback]) expect(text).toContain(label.nl);
    expect(text).toContain("Binnen 7 dagen");
    expect(text).toContain("Binnen 3 maanden");
    expect(languageSwitch(text)).toBe("/?lang=en");
  });

  it("speaks English when asked, keeping English on every link", async () => {
    const { text, links } = await pageAt("/?lang=en");
    expect(text).toContain('<html lang="en">');
    expect(text).toContain(W.heading.en);
    expect(text).toContain("Huis voor Klokkenluiders");
    expect(links.filter((l) => l.startsWith("/melden"))).toEqual(REGION_FORM_LINKS.map((l) => `${l}&lang=en`));
    expect(links).toContain("/opvolgen?lang=en");
    expect(languageSwitch(text)).toBe("/");
  });
});

describe("a member's wegwijzer at /organisatie/<member>", () => {
  it("names the member and links the report form with that member chosen", async () => {
    const { status, text, links } = await pageAt("/organisatie/hoorn");
    expect(status).toBe(200);
    expect(text).toMatch(/<h1 class="utrecht-heading-1">[^<]*Gemeente Hoorn[^<]*<\/h1>/);
    expect(text).toContain("<title>Wegwijzer Gemeente Hoorn - ");
    const forms = links.filter((l) => l.startsWith("/melden"));
    expect(forms).toEqual(REGION_FORM_LINKS.map((l) => l.replace("?", "?organisatie=hoorn&")));
    // A municipality's bestuurders have their own routes: the burgemeester, and the griffier for the burgemeester.
    expect(text).toContain(W.officialMunicipality.nl);
    expect(text).not.toContain(W.officialJointBody.nl);
    expect(links).toContain("/");
    expect(languageSwitch(text)).toBe("/organisatie/hoorn?lang=en");
  });

  it("tells a joint body's people that regional intake takes reports about its bestuurders", async () => {
    const { status, text } = await pageAt("/organisatie/sed");
    expect(status).toBe(200);
    expect(text).toContain("SED-organisatie");
    expect(text).toContain(W.officialJointBody.nl);
    expect(text).not.toContain(W.officialMunicipality.nl);
  });

  it("speaks English, with the member and the language on every form link", async () => {
    const { text, links } = await pageAt("/organisatie/hoorn?lang=en");
    expect(text).toContain('<html lang="en">');
    expect(text).toContain("Did you see or experience something wrong at Gemeente Hoorn?");
    expect(links.filter((l) => l.startsWith("/melden"))).toEqual(REGION_FORM_LINKS.map((l) => `${l.replace("?", "?organisatie=hoorn&")}&lang=en`));
    expect(languageSwitch(text)).toBe("/organisatie/hoorn");
  });

  it("answers 404 for the hub's own tenant, an unknown member and anything that cannot be a member id", async () => {
    for (const path of ["/organisatie/regio", "/organisatie/bestaat-niet", "/organisatie/onbekend", "/organisatie/Hoorn", `/organisatie/${"a".repeat(41)}`, "/organisatie/"]) {
      const { status, text } = await pageAt(path);
      expect({ path, status }).toEqual({ path, status: 404 });
      expect(text).toContain("Deze pagina bestaat niet");
    }
    const en = await pageAt("/organisatie/regio?lang=en");
    expect(en.status).toBe(404);
    expect(en.text).toContain("This page does not exist");
  });
});

describe("the language switch keeps the reporter's place", () => {
  it("keeps the path and every other query parameter, setting or dropping only lang", () => {
    expect(hrefKeepingQuery("en", "/melden", "?wens=advies")).toBe("/melden?wens=advies&lang=en");
    expect(hrefKeepingQuery("nl", "/melden", "?wens=advies&lang=en")).toBe("/melden?wens=advies");
    expect(hrefKeepingQuery("en", "/melden", "?organisatie=hoorn&wens=advies&lang=en")).toBe("/melden?organisatie=hoorn&wens=advies&lang=en");
    expect(hrefKeepingQuery("nl", "/melden", "lang=en&lang=nl")).toBe("/melden");
    expect(hrefKeepingQuery("en", "/opvolgen")).toBe("/opvolgen?lang=en");
    // Whatever the query holds, it stays a parameter of the page's own path.
    expect(hrefKeepingQuery("en", "/", "?x=%2F%2Fevil.example&y=a%26b")).toBe("/?x=%2F%2Fevil.example&y=a%26b&lang=en");
  });

  it("keeps the query on the start pages", async () => {
    expect(languageSwitch((await pageAt("/?wens=advies")).text)).toBe("/?wens=advies&lang=en");
    expect(languageSwitch((await pageAt("/organisatie/hoorn?wens=advies&lang=en")).text)).toBe("/organisatie/hoorn?wens=advies");
  });

  it("keeps wens=advies on /melden", async () => {
    expect(languageSwitch((await pageAt("/melden?wens=advies")).text)).toBe("/melden?wens=advies&lang=en");
    expect(languageSwitch((await pageAt("/melden?wens=advies&lang=en")).text)).toBe("/melden?wens=advies");
  });

  it("keeps what was typed on the report form: the switch posts the form back in the other language, storing nothing", async () => {
    const before = (await caseItems(t)).length;
    const typed = { ...(await issuedForm(t.app)), member: "hoorn", reporterType: "medewerker", description: "Wat ik al had getypt <b>", where: "De kantine" };
    const res = await t.app.request("/melden?lang=en", form({ ...typed, taal: "en" }));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("Wat ik al had getypt &lt;b&gt;</textarea>");
    expect(page).toContain('value="De kantine"');
    expect(page).toMatch(/<option value="hoorn" selected/);
    expect(page).toMatch(/id="reporterType-medewerker"[^>]*checked/);
    // The same form token, so sending it later still gives one report; no error is shown for what is not filled in.
    expect(page).toContain(`name="formToken" value="${typed.formToken}"`);
    expect(page).not.toContain('role="alert"');
    // And back again, the switch now to Dutch.
    expect(languageSwitch(page)).toBe("/melden");
    expect((await caseItems(t)).length).toBe(before);
  });

  it("links a page answering a POST to its GET path only: nothing is resubmitted, no code travels", async () => {
    const res = await t.app.request("/opvolgen?lang=en", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...html },
      body: new URLSearchParams({ code: "0000-0000-0000-0000-0000-0000", lang: "en" }).toString(),
    });
    expect(languageSwitch(await res.text())).toBe("/opvolgen");
  });
});

describe("no link or resource leaves the hub", () => {
  it("names only relative paths and in-page anchors on the wegwijzer pages", async () => {
    for (const path of ["/", "/?lang=en", "/organisatie/hoorn", "/organisatie/hoorn?lang=en", "/organisatie/odnhn"]) {
      const { links } = await pageAt(path);
      expect(links.length).toBeGreaterThan(10);
      const foreign = links.filter((l) => !(/^\/(?!\/)/.test(l) || /^#[a-z-]+$/.test(l)));
      expect({ path, foreign }).toEqual({ path, foreign: [] });
    }
  });
});
