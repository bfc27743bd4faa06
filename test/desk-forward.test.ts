// A desk's queue and forwarding a case to another member's desk, as staff do it: logged in over real HTTP and in
// Chromium. After the move the receiving member's key opens the case and the sender's queue no longer lists it.
import { decodeContent } from "@meldpunt/domain";
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoViolations, logInAt, useChromium } from "./support/browser";
import { CookieJar, follow, formPost, logIn, send } from "./support/browserless";
import { form, issuedForm, receiptCodeIn, testHub, viewMailbox } from "./support/local";

let hub: Awaited<ReturnType<typeof testHub>>;
beforeAll(async () => {
  hub = await testHub();
});
afterAll(async () => {
  await hub?.close();
});

const csrfIn = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

/** A report to Hoorn through the reporter's form; returns the case id and the receipt code. */
async function report(wants = "melding", description = "Een collega van de SED wordt gepest door de teamleider.") {
  const res = await fetch(`${hub.url}/melden`, form({ ...(await issuedForm(hub.url)), member: "hoorn", wants, reporterType: "medewerker", anonymity: "anoniem", subcategories: "omgang.pesten", description }));
  const code = receiptCodeIn(await res.text());
  const [found] = await hub.deps.cases.findByReceiptLocator(hub.deps.receipts.parse(code)?.locator ?? "");
  if (!found) throw new Error("report not stored");
  return { id: found.id, code, desk: found.desk };
}

async function as(username: string, path: string) {
  const jar = new CookieJar();
  const { back, html } = await logIn(jar, `${hub.url}${path}`, username, DEMO_PASSWORD);
  return { jar, status: back.res.status, html };
}

describe("the queue", () => {
  it("is linked from the staff page of the desk's staff", async () => {
    const { jar } = await as("intake", "/medewerker");
    const staffPage = await (await send(jar, `${hub.url}/medewerker`)).text();
    expect([...staffPage.matchAll(/href="(\/balie\/[^"]+)"/g)].map((m) => m[1])).toEqual(["/balie/regio-intake"]);
  });

  it("lists the desk's cases with metadata only, and refuses staff of other desks", async () => {
    const { id } = await report("melding", "GEHEIM-IN-DE-WACHTRIJ");
    const { status, html } = await as("bi-hoorn", "/balie/hoorn-integriteit");
    expect(status).toBe(200);
    expect(html).toContain(`data-case="${id}"`);
    expect(html).not.toContain("GEHEIM-IN-DE-WACHTRIJ");
    for (const username of ["bi-sed", "beheer-hoorn", "operator"]) {
      expect({ username, status: (await as(username, "/balie/hoorn-integriteit")).status }).toEqual({ username, status: 403 });
    }
  });
});

describe("forwarding", () => {
  it("moves a Hoorn case to the SED desk under SED's key; the reporter's code still works", async () => {
    const { id, code } = await report();
    const { jar, html } = await as("bi-hoorn", `/balie/hoorn-integriteit/hoorn/${id}/doorsturen`);
    expect(html).toContain("Melding doorsturen");
    const moved = await follow(jar, `${hub.url}/balie/hoorn-integriteit/hoorn/${id}/doorsturen`, formPost({ toDesk: "sed-integriteit", reason: "De melder werkt bij de SED.", csrf: csrfIn(html) }));
    expect(moved.url).toBe(`${hub.url}/balie/hoorn-integriteit?doorgestuurd=1`);
    const queue = await moved.res.text();
    expect(queue).toContain("De melding is doorgestuurd.");
    expect(queue).not.toContain(`data-case="${id}"`);

    const record = await hub.deps.cases.getCase("sed", id);
    expect(record).toMatchObject({ member: "sed", desk: "sed-integriteit" });
    expect(record?.history.at(-1)).toMatchObject({ event: "doorgestuurd", by: "demo-bi-hoorn" });
    if (!record) throw new Error("moved case missing");
    expect(decodeContent(await hub.deps.sealer.open({ member: "sed", caseId: id }, record.dataKey, record.content)).description).toContain("gepest");
    expect(await hub.deps.cases.getCase("hoorn", id)).toBeUndefined();

    const sedQueue = await as("bi-sed", "/balie/sed-integriteit");
    expect(sedQueue.html).toContain(`data-case="${id}"`);
    const status = await viewMailbox((path, init) => fetch(`${hub.url}${path}`, init), code);
    expect(await status.text()).toContain("Integriteitscoördinator SED-organisatie");
  });

  it("refuses to forward a case that is not on the sender's desk, or from a desk that is not theirs", async () => {
    const { id } = await report();
    const { jar } = await as("bi-hoorn", "/balie/hoorn-integriteit");
    expect((await send(jar, `${hub.url}/balie/hoorn-vp/hoorn/${id}/doorsturen`)).status).toBe(403);
    const sed = await as("bi-sed", "/balie/sed-integriteit");
    expect((await send(sed.jar, `${hub.url}/balie/sed-integriteit/hoorn/${id}/doorsturen`)).status).toBe(403);
    // On their own desk, with a case id of another desk: not found, nothing moved.
    expect((await send(jar, `${hub.url}/balie/hoorn-integriteit/hoorn/01J9Z3V8K6R2M4N5P7Q8S9T0VW/doorsturen`)).status).toBe(404);
  });

  it("keeps an advice contact with the vertrouwenspersoon without the reporter's consent", async () => {
    const { id } = await report("advies", "Ik wil eerst praten.");
    const { jar, html } = await as("vp-hoorn", `/balie/hoorn-vp/hoorn/${id}/doorsturen`);
    const res = await send(jar, `${hub.url}/balie/hoorn-vp/hoorn/${id}/doorsturen`, formPost({ toDesk: "hoorn-integriteit", reason: "Doorverwijzen.", csrf: csrfIn(html) }));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("toestemming");
    expect(await hub.deps.cases.getCase("hoorn", id)).toMatchObject({ desk: "hoorn-vp" });
  });

  it("refuses a missing reason and a missing CSRF token, moving nothing", async () => {
    const { id } = await report();
    const path = `/balie/hoorn-integriteit/hoorn/${id}/doorsturen`;
    const { jar, html } = await as("bi-hoorn", path);
    const noReason = await send(jar, `${hub.url}${path}`, formPost({ toDesk: "sed-integriteit", csrf: csrfIn(html) }));
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('href="#reason"');
    expect((await send(jar, `${hub.url}${path}`, formPost({ toDesk: "sed-integriteit", reason: "x" }))).status).toBe(403);
    expect(await hub.deps.cases.getCase("hoorn", id)).toMatchObject({ desk: "hoorn-integriteit", version: 1 });
  });
});

describe("in Chromium, with axe-core", () => {
  const browser = useChromium();

  it("finds no violations on the queue and the forward form, also with an error", async () => {
    const { id } = await report();
    const page = await (await browser().newContext()).newPage();
    const check = (name: string) => expectNoViolations(page, name);
    await logInAt(page, `${hub.url}/balie/hoorn-integriteit`, "bi-hoorn");
    await check("queue");
    await page.click(`tr[data-case="${id}"] a:has-text('Doorsturen')`);
    await check("forward form");
    await page.selectOption("#toDesk", "sed-integriteit");
    await page.click("button[type=submit]:has-text('Doorsturen')");
    expect(await page.title()).toMatch(/^Fout:/);
    await check("forward form with error");
  });
});
