// Each member's look on its own pages (issue 3, "Look"): its name in the header and its house colour as theme tokens,
// from its configuration; the region's look elsewhere. A colour that would not be readable on white is refused.
import { contrastRatio, isReadableOnWhite, ValidationError } from "@meldpunt/domain";
import { saveMemberConfig } from "@meldpunt/domain/staff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { form, issuedForm, receiptCodeIn, type TestApp, testApp, viewMailbox } from "./support/local";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const page = async (path: string) => (await t.app.request(path, { headers: { Accept: "text/html" } })).text();
const THEME_LINK = '<link rel="stylesheet" href="/assets/thema/hoorn.css"/>';

describe("a member's theme", () => {
  it("is served as a stylesheet of tokens from the member's colour; a member without one has none", async () => {
    const res = await t.app.request("/assets/thema/hoorn.css");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
    const css = await res.text();
    expect(css).toContain("--utrecht-button-primary-action-background-color:#a4101b;");
    expect(css).toContain("--utrecht-link-color:#a4101b;");
    expect((await t.app.request("/assets/thema/opmeer.css")).status).toBe(404);
    expect((await t.app.request("/assets/thema/bestaat-niet.css")).status).toBe(404);
  });

  it("dresses the member's start page, its report form, the receipt and the mailbox; the region's pages keep the region's look", async () => {
    const start = await page("/organisatie/hoorn");
    expect(start).toContain(THEME_LINK);
    expect(start).toMatch(/<span class="hub-member-name"><img class="hub-member-logo" src="\/assets\/thema\/hoorn\/logo-[0-9a-f]{16}\.png" alt="" height="48"\/>Gemeente Hoorn<\/span>/);
    expect(await page("/melden?organisatie=hoorn")).toContain(THEME_LINK);
    expect(await page("/")).not.toContain("/assets/thema/");
    expect(await page("/melden")).not.toContain("/assets/thema/");
    expect(await page("/organisatie/opmeer")).not.toContain("/assets/thema/");

    const receipt = await (
      await t.app.request("/melden", form({ ...(await issuedForm(t.app)), member: "hoorn", wants: "melding", reporterType: "medewerker", anonymity: "anoniem", subcategories: "omgang.pesten", description: "Thema." }))
    ).text();
    expect(receipt).toContain(THEME_LINK);
    expect(await (await viewMailbox(t.app.request, receiptCodeIn(receipt))).text()).toContain(THEME_LINK);
  });

  it("accepts only a colour readable on white (WCAG 1.4.3: 4.5:1), with a message at the field", async () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(isReadableOnWhite("#767676")).toBe(true);
    expect(isReadableOnWhite("#777777")).toBe(false);
    const hoorn = await t.deps.region.getMember("hoorn");
    if (!hoorn) throw new Error("no demo member");
    const error = await saveMemberConfig(t.deps.region, { ...hoorn, theme: { primaryColor: "#ffd700" }, version: hoorn.version + 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ field: "theme.primaryColor", message: expect.objectContaining({ nl: expect.stringContaining("goed leesbaar is op wit (contrast minstens 4,5:1)") }) }]);
  });
});
