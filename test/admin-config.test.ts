// The member configuration pages (routing issue) over real HTTP and in Chromium: a member admin sees and edits their
// own member, the operator only sees, desk staff and other members' admins are refused; a broken change is refused at
// its field and stores nothing. axe-core checks the pages.
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoViolations, logInAt, useChromium } from "./support/browser";
import { CookieJar, follow, formPost, logIn, send } from "./support/browserless";
import { testHub } from "./support/local";

let hub: Awaited<ReturnType<typeof testHub>>;
beforeAll(async () => {
  hub = await testHub();
});
afterAll(async () => {
  await hub?.close();
});

const csrfIn = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

async function as(username: string, path = "/beheer/hoorn") {
  const jar = new CookieJar();
  const { back, html } = await logIn(jar, `${hub.url}${path}`, username, DEMO_PASSWORD);
  return { jar, status: back.res.status, html };
}

/** The edit form's current values, as a browser would post them back. */
function formValues(html: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) if (name && value !== undefined) values[name] = value;
  for (const [, name, body] of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    if (name) values[name] = /<option value="([^"]*)" selected=""/.exec(body ?? "")?.[1] ?? "";
  }
  return values;
}

describe("who may see and change a member's configuration", () => {
  it("shows the Hoorn admin the routing table and an edit form, and no case content", async () => {
    const { status, html } = await as("beheer-hoorn");
    expect(status).toBe(200);
    expect(html).toContain("Instellingen van Gemeente Hoorn");
    expect(html).toMatch(/Melding over de burgemeester<\/th><td class="utrecht-table__cell">Griffier Hoorn/);
    expect(html).toMatch(/Melding over de integriteitscoördinator<\/th><td class="utrecht-table__cell">Regionale intake/);
    expect(html).toContain('name="routes.burgemeester"');
  });

  it("links the admin's staff page to their own member's settings only", async () => {
    const { jar } = await as("beheer-hoorn");
    const staffPage = await (await send(jar, `${hub.url}/medewerker`)).text();
    const links = [...staffPage.matchAll(/href="(\/beheer\/[^"]+)"/g)].map((m) => m[1]);
    // The settings and the organisation's own report (docs/decisions.md 37), of their own member alone.
    expect(links).toEqual(["/beheer/hoorn", "/beheer/hoorn/verslag"]);
  });

  it("lets the operator look but not edit", async () => {
    const { status, html } = await as("operator");
    expect(status).toBe(200);
    expect(html).toContain("Zo worden meldingen verdeeld");
    expect(html).not.toContain('name="routes.burgemeester"');
  });

  it("refuses desk staff, the board, and another member's admin", async () => {
    for (const username of ["bi-hoorn", "bestuur", "beheer-archief"]) {
      const { status, html } = await as(username);
      expect({ username, status }).toEqual({ username, status: 403 });
      expect(html).toContain("Geen toegang");
    }
  });

  it("answers 404 for the hub's own tenant and an unknown member", async () => {
    const { jar } = await as("operator");
    expect((await send(jar, `${hub.url}/beheer/regio`)).status).toBe(404);
    expect((await send(jar, `${hub.url}/beheer/bestaat-niet`)).status).toBe(404);
  });
});

describe("changing the configuration", () => {
  it("saves a valid change as the next version and says so", async () => {
    const { jar, html } = await as("beheer-hoorn");
    const values = { ...formValues(html), fte: "900", csrf: csrfIn(html) };
    const saved = await follow(jar, `${hub.url}/beheer/hoorn`, formPost(values));
    expect(saved.url).toBe(`${hub.url}/beheer/hoorn?opgeslagen=1`);
    expect(await saved.res.text()).toContain("De instellingen zijn opgeslagen.");
    expect(await hub.deps.region.getMember("hoorn")).toMatchObject({ fte: 900, version: 2 });
  });

  it("keeps the ticked measures, the name and the house colour", async () => {
    const { jar, html } = await as("beheer-hoorn");
    const { measures: _all, ...values } = formValues(html);
    const body = new URLSearchParams({ ...values, name: "Gemeente Hoorn (West-Friesland)", "theme.primaryColor": "#01689B", allowNamingInLibrary: "ja", csrf: csrfIn(html) });
    body.append("measures", "gesprek");
    body.append("measures", "berisping");
    const res = await send(jar, `${hub.url}/beheer/hoorn`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: body.toString() });
    expect(res.status).toBe(303);
    expect(await hub.deps.region.getMember("hoorn")).toMatchObject({
      name: "Gemeente Hoorn (West-Friesland)",
      measures: ["gesprek", "berisping"],
      theme: { primaryColor: "#01689B" },
      allowNamingInLibrary: true,
    });
    const page = await (await send(jar, `${hub.url}/beheer/hoorn`)).text();
    expect(page).toMatch(/name="allowNamingInLibrary" value="ja" checked=""/);
    expect(page).toMatch(/value="gesprek" checked=""/);
    expect(page).not.toMatch(/value="ontslag" checked=""/);
  });

  it("refuses a house colour that is not a colour code, at its field", async () => {
    const { jar, html } = await as("beheer-hoorn");
    const res = await send(jar, `${hub.url}/beheer/hoorn`, formPost({ ...formValues(html), "theme.primaryColor": "rood", csrf: csrfIn(html) }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('href="#theme.primaryColor"');
  });

  it("refuses a change that breaks routing at its field, keeps what was typed, and stores nothing", async () => {
    const { jar, html } = await as("beheer-hoorn");
    const before = await hub.deps.region.getMember("hoorn");
    const values = { ...formValues(html), "routes.burgemeester": "hoorn-bestuurlijk", fte: "901", csrf: csrfIn(html) };
    const res = await send(jar, `${hub.url}/beheer/hoorn`, formPost(values));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('href="#routes.burgemeester"');
    expect(page).toContain("mag niet bij de balie van de burgemeester uitkomen");
    expect(page).toContain('value="901"');
    expect(await hub.deps.region.getMember("hoorn")).toEqual(before);
  });

  it("refuses a form made from an older version (someone saved in between)", async () => {
    const { jar, html } = await as("beheer-hoorn");
    const stale = { ...formValues(html), version: "1", csrf: csrfIn(html) };
    expect((await send(jar, `${hub.url}/beheer/hoorn`, formPost(stale))).status).toBe(409);
  });

  it("refuses a post without the CSRF token", async () => {
    const { jar, html } = await as("beheer-hoorn");
    const { csrf: _csrf, ...values } = formValues(html);
    expect((await send(jar, `${hub.url}/beheer/hoorn`, formPost({ ...values, fte: "1" }))).status).toBe(403);
    expect((await hub.deps.region.getMember("hoorn"))?.fte).not.toBe(1);
  });

  it("answers a routing question with the desk and the reasons", async () => {
    const { jar, html } = await as("operator");
    const res = await send(jar, `${hub.url}/beheer/hoorn/proberen`, formPost({ wants: "melding", category: "omgang", role: "integriteitscoordinator", csrf: csrfIn(html) }));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("Dit gaat naar Regionale intake (Ambtelijk).");
    expect(page).toContain("Uw melding gaat over iemand van Bureau Integriteit Hoorn.");
  });
});

describe("in Chromium, with axe-core", () => {
  const browser = useChromium();

  it("finds no violations on the configuration page, a routing answer and a refused change", async () => {
    const page = await (await browser().newContext()).newPage();
    const check = (name: string) => expectNoViolations(page, name);
    await logInAt(page, `${hub.url}/beheer/westfries-archief`, "beheer-archief");
    await check("configuration");

    await page.check("#wants-advies");
    await page.click("text=Laat zien waar dit heen gaat");
    expect(await page.locator("[role=status]").textContent()).toContain("Externe vertrouwenspersoon West-Friesland");
    await check("routing answer");

    await page.selectOption("[name='routes.integriteit']", "sed-integriteit");
    await page.click("text=Instellingen opslaan");
    expect(await page.title()).toMatch(/^Fout:/);
    expect(await page.locator("[role=alert]").textContent()).toContain("bedient deze organisatie niet");
    await check("refused change");
  });
});
