// The app in-process (app.request) on the real embedded store and real encryption.
import { randomBytes } from "node:crypto";
import { createApp } from "@meldpunt/api";
import { createProofOfWork } from "@meldpunt/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseItems, form, formFieldsIn, issuedForm, receiptCodeIn, type TestApp, testApp, viewMailbox } from "./support/local";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const valid = { member: "hoorn", wants: "melding", reporterType: "medewerker", anonymity: "anoniem", subcategories: "omgang.pesten", description: "Mijn leidinggevende scheldt mij uit in het teamoverleg." };
/** A report form as a browser sends it: a fresh form's token and challenge (no nonce: the test wiring's wait is 0). */
const report = async (values: Record<string, string>, headers?: Record<string, string>) => {
  const init = form({ ...(await issuedForm(t.app)), ...values });
  return headers ? { ...init, headers } : init;
};

describe("health", () => {
  it("answers ok", async () => {
    const res = await t.app.request("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});

describe("pages", () => {
  it("serves the report form with every demo member and the unknown choice", async () => {
    const res = await t.app.request("/melden");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="nl">');
    for (const id of ["hoorn", "enkhuizen", "sed", "westfries-archief", "odnhn", "onbekend"]) expect(html).toContain(`value="${id}"`);
    // The hub's own tenant is not an organisation a reporter can choose.
    expect(html).not.toContain('value="regio"');
  });

  it("speaks English when asked, and keeps the language in the form", async () => {
    const html = await (await t.app.request("/melden?lang=en")).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Make a report");
    expect(html).toContain('action="/melden?lang=en"');
  });

  it("forbids third-party requests, framing and referrers on every page", async () => {
    const res = await t.app.request("/");
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("serves the stylesheet and answers 404 for unknown assets and pages", async () => {
    const css = await t.app.request("/assets/hub.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("Content-Type")).toContain("text/css");
    expect(await css.text()).toContain(".utrecht-button");
    expect((await t.app.request("/assets/nope.css")).status).toBe(404);
    const missing = await t.app.request("/bestaat-niet", { headers: { Accept: "text/html" } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Deze pagina bestaat niet");
  });
});

describe("submitting a report", () => {
  it("stores it encrypted, shows the receipt code once, and the code opens the status", async () => {
    const before = (await caseItems(t)).length;
    const res = await t.app.request("/melden", await report(valid));
    expect(res.status).toBe(200);
    const html = await res.text();
    const code = receiptCodeIn(html);
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(html).toContain("Bureau Integriteit Hoorn");
    expect(html).toContain("Uw melding is ontvangen");
    expect(res.headers.get("Cache-Control")).toBe("no-store");

    const items = await caseItems(t);
    expect(items).toHaveLength(before + 1);
    const stored = items.find((item) => item.member === "hoorn");
    expect(stored).toMatchObject({ desk: "hoorn-integriteit", track: "ambtelijk", kind: "melding", version: 1 });
    // No precise timing of a reporter is kept: the day only.
    expect(stored?.receivedAt).toMatch(/T00:00:00\.000Z$/);
    expect(stored?.history).toEqual([{ at: stored?.receivedAt, state: "ontvangen", by: "melder" }]);

    const status = await viewMailbox(t.app.request, code.toLowerCase().replaceAll("-", " "));
    expect(status.status).toBe(200);
    const statusHtml = await status.text();
    expect(statusHtml).toContain(valid.description);
    expect(statusHtml).toContain("Ontvangen");
    expect(statusHtml).toContain("Gemeente Hoorn");
  });

  it("routes a whistleblower report to the wbk track and tells the reporter about the external route", async () => {
    const res = await t.app.request("/melden", await report({ ...valid, member: "medemblik", subcategories: "misstand.gevaar-gezondheid-veiligheid-milieu", description: "Lozing in de haven." }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Huis voor Klokkenluiders");
    expect((await caseItems(t)).some((item) => item.member === "medemblik" && item.track === "wbk")).toBe(true);
  });

  it("sends a report about an unknown organisation to regional intake, under the hub's own key", async () => {
    const res = await t.app.request("/melden", await report({ ...valid, member: "onbekend" }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("regionale intake");
    expect((await caseItems(t)).some((item) => item.member === "regio" && item.desk === "regio-intake")).toBe(true);
  });

  it("sends a report of a member that delegates integrity to the desk it delegates to", async () => {
    const res = await t.app.request("/melden", await report({ ...valid, member: "westfries-archief" }));
    expect(await res.text()).toContain("Westfries Archief laat integriteitsmeldingen behandelen door Bureau Integriteit Hoorn");
    expect((await caseItems(t)).some((item) => item.member === "westfries-archief" && item.desk === "hoorn-integriteit")).toBe(true);
  });
});

describe("routing from the form", () => {
  it("tells the reporter, at the role, that the role steers where the report goes and whom to choose among several", async () => {
    const form = await (await t.app.request("/melden", { headers: { Accept: "text/html" } })).text();
    expect(form).toContain('id="role-hint">Zo komt uw melding nooit bij iemand terecht over wie ze gaat. Gaat het over meer mensen? Kies de persoon met de hoogste functie');
    expect(form).toMatch(/<select[^>]*id="role"[^>]*aria-describedby="role-hint"/);
  });

  const cases: [string, Record<string, string>, { member: string; desk: string; kind: string; track: string }, string][] = [
    ["advice only goes to the vertrouwenspersoon as a contact, received as a question", { wants: "advies" }, { member: "hoorn", desk: "hoorn-vp", kind: "advies", track: "ambtelijk" }, "Uw vraag is ontvangen"],
    ["a report about the burgemeester goes via the griffier", { role: "burgemeester" }, { member: "hoorn", desk: "hoorn-griffier", kind: "melding", track: "bestuurlijk" }, "griffier"],
    ["a report about the integrity coordinator avoids their desk", { role: "integriteitscoordinator" }, { member: "hoorn", desk: "regio-intake", kind: "melding", track: "ambtelijk" }, "Regionale intake"],
    ["a GR's advice goes to the shared external VP", { member: "odnhn", wants: "advies" }, { member: "odnhn", desk: "regio-vp-extern", kind: "advies", track: "ambtelijk" }, "vertrouwenspersoon"],
  ];
  for (const [name, answers, expected, reason] of cases) {
    it(name, async () => {
      const onDesk = async () => (await caseItems(t)).filter((item) => item.desk === expected.desk && item.member === expected.member);
      const before = await onDesk();
      const res = await t.app.request("/melden", await report({ ...valid, ...answers }));
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(reason);
      const added = (await onDesk()).filter((item) => !before.some((old) => old.id === item.id));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject(expected);
    });
  }
});

describe("sending the same form twice", () => {
  it("gives one report and the same receipt code, for a double click and for a retry", async () => {
    const formPage = await (await t.app.request("/melden")).text();
    const { formToken, powChallenge } = formFieldsIn(formPage);
    expect(formToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const before = (await caseItems(t)).length;
    const answers = { ...valid, formToken, powChallenge, description: "Dubbel verstuurd." };
    const [first, second] = await Promise.all([t.app.request("/melden", form(answers)), t.app.request("/melden", form(answers))]);
    const retry = await t.app.request("/melden", form(answers));
    const codes = await Promise.all([first, second, retry].map(async (res) => receiptCodeIn(await res.text())));
    expect(new Set(codes).size).toBe(1);
    expect((await caseItems(t)).length).toBe(before + 1);
    // The code the reporter holds opens that one report.
    expect(await (await viewMailbox(t.app.request, codes[0] ?? "")).text()).toContain("Dubbel verstuurd.");
  });

  it("refuses other answers under a token that was already used, storing nothing", async () => {
    const fields = await issuedForm(t.app);
    await t.app.request("/melden", form({ ...valid, ...fields, description: "Eerste melding." }));
    const before = (await caseItems(t)).length;
    const other = await t.app.request("/melden", form({ ...valid, ...fields, description: "Iets anders." }));
    expect(other.status).toBe(400);
    expect(await other.text()).toContain("Dit formulier is al verstuurd");
    expect((await caseItems(t)).length).toBe(before);
  });
});

describe("the proof of work per submission (decisions 24), with the production wait", () => {
  let now = new Date("2026-05-04T10:00:00.000Z");
  const later = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };
  // The production default: 20 s for a form sent without a solved nonce.
  const app = () => createApp({ ...t.deps, pow: createProofOfWork({ key: randomBytes(32) }), clock: { now: () => now } });
  let strict: ReturnType<typeof createApp>;
  beforeAll(() => {
    strict = app();
  });

  it("takes a form with a solved nonce at once", async () => {
    const before = (await caseItems(t)).length;
    const fields = await issuedForm(strict, { solve: true });
    const res = await strict.request("/melden", form({ ...valid, ...fields, description: "Met een opgeloste puzzel." }));
    expect(res.status).toBe(200);
    receiptCodeIn(await res.text());
    expect((await caseItems(t)).length).toBe(before + 1);
  });

  it("sends a form without a nonce back when it comes too early, keeping every answer, and takes it after the wait", async () => {
    const before = (await caseItems(t)).length;
    const fields = await issuedForm(strict);
    later(5);
    const answers = { ...valid, ...fields, description: "Zonder JavaScript & <geduld>.", when: "gisteren" };
    const early = await strict.request("/melden", form(answers));
    expect(early.status).toBe(400);
    const html = await early.text();
    expect(html).toContain("Wacht een paar seconden en verstuur het formulier dan opnieuw");
    expect(html).toContain("<title>Fout:");
    expect(html).toContain("Zonder JavaScript &amp; &lt;geduld&gt;.");
    expect(html).toContain('value="gisteren"');
    expect(html).toMatch(/value="omgang.pesten" checked=""/);
    // The same token and the same challenge: the wait runs from when the form was first issued.
    expect(formFieldsIn(html)).toEqual(fields);
    expect((await caseItems(t)).length).toBe(before);

    later(15);
    const sent = await strict.request("/melden", form(answers));
    expect(sent.status).toBe(200);
    const code = receiptCodeIn(await sent.text());
    expect((await caseItems(t)).length).toBe(before + 1);
    // Sent once more (a retry): the same report.
    expect(receiptCodeIn(await (await strict.request("/melden", form(answers))).text())).toBe(code);
    expect((await caseItems(t)).length).toBe(before + 1);
  });

  it("answers a retry of a stored report with its receipt even without a nonce", async () => {
    const fields = await issuedForm(strict, { solve: true });
    const answers = { ...valid, ...fields, description: "Verstuurd, antwoord kwijt, opnieuw." };
    const first = receiptCodeIn(await (await strict.request("/melden", form(answers))).text());
    const before = (await caseItems(t)).length;
    const { powNonce: _, ...withoutNonce } = answers;
    const retry = await strict.request("/melden", form(withoutNonce));
    expect(retry.status).toBe(200);
    expect(receiptCodeIn(await retry.text())).toBe(first);
    expect((await caseItems(t)).length).toBe(before);
    // Other answers under that token without a nonce are still refused, storing nothing.
    expect((await strict.request("/melden", form({ ...withoutNonce, description: "Iets anders." }))).status).toBe(400);
    expect((await caseItems(t)).length).toBe(before);
  });

  it("refuses a wrong nonce, a tampered time and another form's challenge, and gives the form a fresh challenge", async () => {
    const before = (await caseItems(t)).length;
    const fields = await issuedForm(strict, { solve: true });
    const other = await issuedForm(strict, { solve: true });
    let sentBack = "";
    const [version, bits, issued, mac] = fields.powChallenge.split(".");
    const backdated = `${version}.${bits}.${Number(issued) - 3600}.${mac}`;
    // A wrong nonce counts as none: the form's own challenge still holds, its wait still runs.
    const wrong = await strict.request("/melden", form({ ...valid, ...fields, powNonce: String(Number(fields.powNonce) + 1) }));
    expect(wrong.status).toBe(400);
    expect(formFieldsIn(await wrong.text()).powChallenge).toBe(fields.powChallenge);
    const bads: Record<string, string>[] = [
      { ...fields, powChallenge: backdated, powNonce: "" },
      { ...fields, powChallenge: other.powChallenge, powNonce: other.powNonce ?? "" },
      { formToken: fields.formToken },
    ];
    for (const bad of bads) {
      const res = await strict.request("/melden", form({ ...valid, ...bad }));
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain("Wacht een paar seconden");
      const back = formFieldsIn(html);
      expect(back.formToken).toBe(fields.formToken);
      expect(back.powChallenge).not.toBe(bad.powChallenge);
      sentBack = back.powChallenge;
    }
    expect((await caseItems(t)).length).toBe(before);
    // The fresh challenge of a page sent back is good for that form: after the wait it goes through.
    later(20);
    expect((await strict.request("/melden", form({ ...valid, formToken: fields.formToken, powChallenge: sentBack }))).status).toBe(200);
  });

  it("serves the script as a same-origin asset and loads it on the form page without inline script", async () => {
    const js = await t.app.request("/assets/pow.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("Content-Type")).toContain("text/javascript");
    expect(await js.text()).toContain("crypto.subtle.digest");
    const page = await t.app.request("/melden");
    expect(page.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/assets/pow.js" defer="">');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });
});

describe("bad input gets a clear 4xx and writes nothing", () => {
  const cases: [string, Record<string, string>, string][] = [
    ["no fields at all", {}, 'href="#member"'],
    ["a missing description", { member: "hoorn", wants: "melding", reporterType: "medewerker", anonymity: "anoniem", subcategories: "omgang.pesten" }, 'href="#description"'],
    ["a description of spaces only", { ...valid, description: "   \n  " }, 'href="#description"'],
    ["an unknown member", { ...valid, member: "amsterdam" }, "Kies een organisatie uit de lijst"],
    ["the hub's own tenant as member", { ...valid, member: "regio" }, "Kies een organisatie uit de lijst"],
    ["a malformed member id", { ...valid, member: "../../etc/passwd" }, 'href="#member"'],
    ["an unknown subject", { ...valid, subcategories: "omgang.diefstal" }, 'href="#subcategories-financieel.fraude"'],
    ["no subject at all", { ...valid, subcategories: "" }, "Kies ten minste één onderwerp."],
    ["no reporter type", { ...valid, reporterType: "" }, 'href="#reporterType-medewerker"'],
    ["contact details with anonymous reporting", { ...valid, contactEmail: "ik@voorbeeld.nl" }, "laat uw contactgegevens leeg"],
    ["confidential reporting without contact details", { ...valid, anonymity: "vertrouwelijk" }, 'href="#contactName"'],
    ["a malformed e-mail address", { ...valid, notifyEmail: "geen-adres" }, "Vul een geldig e-mailadres in"],
    ["an oversized period", { ...valid, when: "x".repeat(501) }, "maximaal 500 tekens"],
    ["an oversized description", { ...valid, description: "x".repeat(20_001) }, "maximaal 20000 tekens"],
  ];
  for (const [name, values, expected] of cases) {
    it(`refuses ${name}`, async () => {
      const before = await caseItems(t);
      const res = await t.app.request("/melden", form(values));
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain("Er is een probleem");
      expect(html).toContain(expected);
      expect(html).toContain("<title>Fout:");
      expect(await caseItems(t)).toHaveLength(before.length);
    });
  }

  it("keeps what the reporter typed when the form comes back", async () => {
    const body = new URLSearchParams({ member: "opmeer", description: "Wat ik heb gezien & <meegemaakt>", when: "vorige week", anonymity: "open" });
    body.append("subcategories", "omgang.pesten");
    body.append("subcategories", "informatie.lekken");
    const res = await t.app.request("/melden", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html" }, body: body.toString() });
    const html = await res.text();
    expect(html).toContain('<option value="opmeer" selected="">');
    expect(html).toContain("Wat ik heb gezien &amp; &lt;meegemaakt&gt;");
    expect(html).toContain('value="vorige week"');
    expect(html).toMatch(/value="omgang.pesten" checked=""/);
    expect(html).toMatch(/value="informatie.lekken" checked=""/);
    expect(html).toMatch(/value="open" checked=""/);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="reporterType-error"');
  });

  it("refuses a body over the limit with 413 and stores nothing", async () => {
    const before = await caseItems(t);
    const res = await t.app.request("/melden", form({ ...valid, description: "x".repeat(300 * 1024) }));
    expect(res.status).toBe(413);
    const page = await res.text();
    expect(page).toContain("te groot: er is niets opgeslagen");
    // The way back to what was typed: the browser keeps it, the page says so.
    expect(page).toContain("Ga terug met de knop Vorige van uw browser; wat u typte staat er nog.");
    expect(await caseItems(t)).toHaveLength(before.length);
  });

  it("explains a malformed code and an unknown code without telling which part was wrong", async () => {
    const malformed = await t.app.request("/opvolgen", form({ code: "ABC" }));
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain("Dit is geen geldige code");
    const unknown = await t.app.request("/opvolgen", form({ code: "0000-0000-0000-0000-0000-0000" }));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Bij deze code vinden we geen melding");
  });

  it("does not open a report with the right locator and a wrong secret", async () => {
    const code = receiptCodeIn(await (await t.app.request("/melden", await report(valid))).text());
    const wrong = `${code.slice(0, 10)}${code[10] === "0" ? "1" : "0"}${code.slice(11)}`;
    const res = await t.app.request("/opvolgen", form({ code: wrong }));
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain(valid.description);
  });
});

describe("an unexpected failure", () => {
  it("answers a generic 500 with no stack or message, logs names only, and leaves no half report", async () => {
    const logged: unknown[] = [];
    const failing = createApp({
      ...t.deps,
      logger: { error: (...args: unknown[]) => void logged.push(args) },
      cases: {
        ...t.deps.cases,
        createCase: async () => {
          throw new TypeError("cannot store SECRET-REPORT-TEXT");
        },
      },
    });
    const before = await caseItems(t);
    const res = await failing.request("/melden", await report({ ...valid, description: "SECRET-REPORT-TEXT" }));
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain("Er ging iets mis");
    expect(html).not.toMatch(/SECRET-REPORT-TEXT|TypeError|at .+:\d+/);
    expect(JSON.stringify(logged)).not.toContain("SECRET");
    expect(JSON.stringify(logged)).toContain("TypeError");
    expect(await caseItems(t)).toHaveLength(before.length);

    const json = await failing.request("/melden", await report(valid, { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" }));
    expect(json.status).toBe(500);
    expect(await json.json()).toEqual({ error: { kind: "internal", message: expect.objectContaining({ nl: expect.any(String) }) } });
  });
});
