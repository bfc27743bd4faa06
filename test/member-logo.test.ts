// Members' logos (issue 3, item 7; docs/decisions.md 28) on the real embedded hub over HTTP: the demo's themed members
// show theirs in the header of their pages, served from the hub's own origin under their content's hash; a member
// admin uploads a new one (checked by content, metadata stripped, small), removes it, and saving the other settings
// keeps it. axe-core checks the settings page and a page that shows a logo.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { demoLogo } from "@meldpunt/local/demo-logos";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoViolations, logInAt, useChromium } from "./support/browser";
import { staffSession, testHub } from "./support/local";

const GPS_JPEG = await readFile(fileURLToPath(new URL("../packages/attachments/test/fixtures/gps.jpg", import.meta.url)));
const html = { Accept: "text/html" };

let hub: Awaited<ReturnType<typeof testHub>>;
beforeAll(async () => {
  hub = await testHub();
});
afterAll(async () => {
  await hub?.close();
});

const logoIn = (page: string) => /<img class="hub-member-logo" src="([^"]+)" alt="" height="48"/.exec(page)?.[1];
const get = (path: string) => fetch(`${hub.url}${path}`, { headers: html });

/** A PNG with a text chunk (an author's name) before its end, as an image editor leaves it. */
function pngWithText(png: Uint8Array): Uint8Array {
  const iend = png.length - 12;
  const text = Buffer.from("Author\0Jan Jansen", "latin1");
  const chunk = Buffer.alloc(12 + text.length);
  chunk.writeUInt32BE(text.length, 0);
  chunk.write("tEXt", 4, "latin1");
  text.copy(chunk, 8);
  // The CRC is not checked by the inspector's stripping; any value keeps the file's shape.
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

async function upload(session: { cookie: string; csrf: string }, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type: string }) {
  const body = new FormData();
  body.append("csrf", session.csrf);
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (file) body.append("logo", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  return fetch(`${hub.url}/beheer/hoorn/logo`, { method: "POST", headers: { ...html, Cookie: session.cookie }, body, redirect: "manual" });
}

const hoorn = async () => (await hub.deps.region.getMember("hoorn"))?.theme;

describe("the demo's logos", () => {
  it("show in the header of a themed member's pages, from the hub, and never for a member without a colour", async () => {
    const start = await (await get("/organisatie/hoorn")).text();
    const src = logoIn(start);
    expect(src).toMatch(/^\/assets\/thema\/hoorn\/logo-[0-9a-f]{16}\.png$/);
    expect(logoIn(await (await get("/melden?organisatie=hoorn")).text())).toBe(src);
    expect(logoIn(await (await get("/organisatie/drechterland")).text())).toBeUndefined();
    expect(logoIn(await (await get("/")).text())).toBeUndefined();

    const res = await get(src as string);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/png");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(1, 4)).toString("latin1")).toBe("PNG");
    // Another hash, another member's path or no logo at all: nothing.
    expect((await get("/assets/thema/hoorn/logo-0000000000000000.png")).status).toBe(404);
    expect((await get((src as string).replace("/hoorn/", "/enkhuizen/"))).status).toBe(404);
    expect((await get("/assets/thema/drechterland/logo-0000000000000000.png")).status).toBe(404);
  });
});

describe("a member admin's logo", () => {
  it("replaces the logo with an upload whose metadata is gone; the old address is served no more", async () => {
    const before = await hoorn();
    const oldSrc = logoIn(await (await get("/organisatie/hoorn")).text());
    const admin = await staffSession(hub.url, "beheer-hoorn");
    const member = await hub.deps.region.getMember("hoorn");
    const res = await upload(admin, { version: String(member?.version) }, { name: "logo.jpg", bytes: GPS_JPEG, type: "image/jpeg" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/beheer/hoorn?opgeslagen=1");
    const after = await hoorn();
    expect(after?.logo?.type).toBe("jpeg");
    expect(after?.logo?.hash).not.toBe(before?.logo?.hash);
    // The colour stays as it was.
    expect(after?.primaryColor).toBe(before?.primaryColor);

    const src = logoIn(await (await get("/organisatie/hoorn")).text());
    expect(src).toBe(`/assets/thema/hoorn/logo-${after?.logo?.hash}.jpg`);
    const served = Buffer.from(await (await get(src as string)).arrayBuffer());
    expect(served.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    for (const marker of ["Exif", "GPS", "http://ns.adobe.com/xap", "Jan"]) expect(served.includes(Buffer.from(marker, "latin1"))).toBe(false);
    expect(served.length).toBeLessThan(GPS_JPEG.length);
    expect((await get(oldSrc as string)).status).toBe(404);
  });

  it("keeps showing the old logo when the save is refused as stale, and deletes it once a new one is named", async () => {
    const before = (await hoorn())?.logo;
    const src = logoIn(await (await get("/organisatie/hoorn")).text());
    const admin = await staffSession(hub.url, "beheer-hoorn");
    const stale = String(((await hub.deps.region.getMember("hoorn"))?.version ?? 0) - 1);
    const refused = await upload(admin, { version: stale }, { name: "logo.png", bytes: demoLogo("#123456"), type: "image/png" });
    expect(refused.status).toBe(409);
    expect((await hoorn())?.logo).toEqual(before);
    expect((await get(src as string)).status).toBe(200);

    const version = String((await hub.deps.region.getMember("hoorn"))?.version);
    expect((await upload(admin, { version }, { name: "logo.png", bytes: demoLogo("#234567"), type: "image/png" })).status).toBe(303);
    const now = (await hoorn())?.logo;
    expect(now?.hash).not.toBe(before?.hash);
    expect(await hub.deps.logos.get("hoorn", before?.hash as string)).toBeUndefined();
    expect(await hub.deps.logos.get("hoorn", now?.hash as string)).toMatchObject({ type: "png" });
  });

  it("keeps the logo when the other settings are saved", async () => {
    const logo = (await hoorn())?.logo;
    const admin = await staffSession(hub.url, "beheer-hoorn");
    const page = await (await fetch(`${hub.url}/beheer/hoorn`, { headers: { ...html, Cookie: admin.cookie } })).text();
    // The settings form as the page fills it, sent back unchanged.
    const form = /<form method="post" action="\/beheer\/hoorn"[^>]*>([\s\S]*?)<\/form>/.exec(page)?.[1] ?? "";
    const body = new URLSearchParams();
    for (const m of form.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"[^>]*>/g)) {
      if (!/type="checkbox"/.test(m[0]) || /checked/.test(m[0])) body.append(m[1] as string, (m[2] as string).replaceAll("&amp;", "&"));
    }
    for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      const selected = /<option value="([^"]*)" selected/.exec(m[2] as string)?.[1];
      if (selected !== undefined) body.append(m[1] as string, selected);
    }
    const res = await fetch(`${hub.url}/beheer/hoorn`, { method: "POST", headers: { ...html, Cookie: admin.cookie, "Content-Type": "application/x-www-form-urlencoded" }, body, redirect: "manual" });
    expect(res.status).toBe(303);
    expect(body.get("name")).toBe("Gemeente Hoorn");
    expect((await hoorn())?.logo).toEqual(logo);
  });

  it("refuses a file too large or not an image, at its field, and keeps the logo it had", async () => {
    const logo = (await hoorn())?.logo;
    const admin = await staffSession(hub.url, "beheer-hoorn");
    const version = String((await hub.deps.region.getMember("hoorn"))?.version);
    const large = Buffer.concat([GPS_JPEG, Buffer.alloc(5 * 1024)]);
    const cases: [string, { name: string; bytes: Uint8Array; type: string }, string][] = [
      ["too large", { name: "groot.jpg", bytes: large, type: "image/jpeg" }, "Dit logo is te groot: hoogstens 5 kB."],
      ["a text file called .png", { name: "logo.png", bytes: Buffer.from("geen afbeelding"), type: "image/png" }, "Kies een logo als PNG- of JPEG-afbeelding."],
      ["a PDF", { name: "logo.pdf", bytes: Buffer.from("%PDF-1.4\n%%EOF\n"), type: "application/pdf" }, "Kies een logo als PNG- of JPEG-afbeelding."],
    ];
    for (const [what, file, message] of cases) {
      const res = await upload(admin, { version }, file);
      const page = await res.text();
      expect({ what, status: res.status }).toEqual({ what, status: 400 });
      expect(page).toContain(message);
      // Announced and linked to its field.
      expect(page).toMatch(/<a [^>]*href="#logo"/);
      expect(page).toMatch(/id="logo"[^>]*aria-invalid="true"/);
    }
    const nothing = await upload(admin, { version });
    expect(nothing.status).toBe(400);
    expect(await nothing.text()).toContain("Kies een afbeelding om als logo op te slaan.");
    expect((await hoorn())?.logo).toEqual(logo);
  });

  it("removes the logo: the pages show the name only", async () => {
    const admin = await staffSession(hub.url, "beheer-hoorn");
    const version = String((await hub.deps.region.getMember("hoorn"))?.version);
    const res = await upload(admin, { version, verwijderen: "1" });
    expect(res.status).toBe(303);
    expect((await hoorn())?.logo).toBeUndefined();
    expect((await hoorn())?.primaryColor).toBe("#a4101b");
    const start = await (await get("/organisatie/hoorn")).text();
    expect(logoIn(start)).toBeUndefined();
    expect(start).toContain('<span class="hub-member-name">Gemeente Hoorn</span>');
  });

  it("is another member admin's to change only for their own member", async () => {
    const other = await staffSession(hub.url, "beheer-archief");
    const version = String((await hub.deps.region.getMember("hoorn"))?.version);
    const res = await upload(other, { version }, { name: "logo.png", bytes: demoLogo("#005a8c"), type: "image/png" });
    expect(res.status).toBe(403);
    expect((await hoorn())?.logo).toBeUndefined();
  });

  it("strips a PNG's text chunks too", async () => {
    const admin = await staffSession(hub.url, "beheer-hoorn");
    const version = String((await hub.deps.region.getMember("hoorn"))?.version);
    const res = await upload(admin, { version }, { name: "logo.png", bytes: pngWithText(demoLogo("#a4101b")), type: "image/png" });
    expect(res.status).toBe(303);
    const src = logoIn(await (await get("/organisatie/hoorn")).text());
    const served = Buffer.from(await (await get(src as string)).arrayBuffer());
    expect(served.includes(Buffer.from("tEXt", "latin1"))).toBe(false);
    expect(served.includes(Buffer.from("Jan Jansen", "latin1"))).toBe(false);
  });
});

describe("in Chromium, with axe-core", () => {
  const browser = useChromium();

  it("finds no violations on the settings page with a logo and an error, and on a member's page that shows its logo", async () => {
    const page = await (await browser().newContext()).newPage();
    await page.goto(`${hub.url}/organisatie/hoorn`);
    expect(await page.locator("header img.hub-member-logo").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expectNoViolations(page, "a member's start page with its logo");
    await logInAt(page, `${hub.url}/beheer/hoorn`, "beheer-hoorn");
    await expectNoViolations(page, "member settings with a logo");
    await page.setInputFiles("#logo", { name: "logo.txt", mimeType: "text/plain", buffer: Buffer.from("geen afbeelding") });
    await page.click("section[aria-labelledby=logo-title] button.utrecht-button--primary-action");
    await page.waitForSelector("#logo-error");
    await expectNoViolations(page, "member settings with a refused logo");
  });
});
