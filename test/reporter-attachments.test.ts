// The largest report a reporter may send (issue 3, "Attachments": up to 5 files of up to 10 MB each), end to end through
// the app on the real embedded hub: five files of exactly the inspector's limit (10 MiB) each are taken with the report,
// stored sealed, listed in the mailbox and downloaded back whole, the photo without its metadata.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createApp } from "@meldpunt/api";
import { decodeContent } from "@meldpunt/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseItems, form, issuedForm, mailboxCookie, receiptCodeIn, type TestApp, testApp } from "./support/local";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

const LIMIT = 10 * 1024 * 1024;
const GPS_JPEG = await readFile(join(import.meta.dirname, "../packages/attachments/test/fixtures/gps.jpg"));

/** `head`, then `fill` up to `size` bytes, then `tail`. */
function padded(head: string, size: number, tail = "", fill = "x"): Buffer {
  const body = Buffer.alloc(size - Buffer.byteLength(head) - Buffer.byteLength(tail), fill);
  return Buffer.concat([Buffer.from(head), body, Buffer.from(tail)]);
}

/** The phone photo grown to `size` bytes with comment segments after its start marker: all metadata to be stripped. */
function largePhoto(size: number): Buffer {
  const segments: Buffer[] = [];
  let missing = size - GPS_JPEG.length;
  while (missing > 0) {
    // A segment is 2 marker bytes, 2 length bytes and at most 65,533 bytes of payload; never leave less than a whole one.
    let payload = Math.min(65_533, missing - 4);
    if (missing - (payload + 4) > 0 && missing - (payload + 4) < 5) payload -= 5;
    const segment = Buffer.alloc(payload + 4, 0x43);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(payload + 2, 2);
    segments.push(segment);
    missing -= segment.length;
  }
  const photo = Buffer.concat([GPS_JPEG.subarray(0, 2), ...segments, GPS_JPEG.subarray(2)]);
  expect(photo.length).toBe(size);
  return photo;
}

const FILES = [
  { name: "jaarrekening.pdf", type: "pdf", bytes: padded("%PDF-1.7\n%", LIMIT, "\n%%EOF\n") },
  { name: "kantine.jpg", type: "jpeg", bytes: largePhoto(LIMIT) },
  { name: "logboek.txt", type: "txt", bytes: padded("Logboek van de kas\n", LIMIT, "\n", "a") },
  { name: "doorgestuurd.eml", type: "eml", bytes: padded("From: collega@voorbeeld.nl\r\nSubject: declaraties\r\n\r\n", LIMIT, "\r\n", "b") },
  { name: "notulen.pdf", type: "pdf", bytes: padded("%PDF-1.4\n%", LIMIT, "\n%%EOF\n", "n") },
] as const;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("five files of 10 MB each", () => {
  it("are taken with the report, stored sealed, listed in the mailbox and downloaded back, the photo stripped", { timeout: 120_000 }, async () => {
    for (const f of FILES) expect(f.bytes.length).toBe(LIMIT);
    expect(t.deps.inspector.maxBytes).toBe(LIMIT);

    const body = new FormData();
    const values = {
      ...(await issuedForm(t.app)),
      member: "medemblik",
      wants: "melding",
      reporterType: "medewerker",
      anonymity: "anoniem",
      subcategories: "financieel.fraude",
      description: "Vijf grote bestanden: de kas klopt al maanden niet.",
    };
    for (const [name, value] of Object.entries(values)) body.append(name, value);
    for (const f of FILES) body.append("files", new File([new Uint8Array(f.bytes)], f.name, { type: "application/octet-stream" }));
    const res = await t.app.request("/melden", { method: "POST", headers: { Accept: "text/html" }, body });
    const receipt = await res.text();
    expect(res.status).toBe(200);
    const code = receiptCodeIn(receipt);

    const [record] = await t.deps.cases.findByReceiptLocator(t.deps.receipts.parse(code)?.locator ?? "");
    if (!record) throw new Error("no case for the code");
    expect(record.attachments).toHaveLength(5);
    expect(record.attachments?.map((a) => a.type)).toEqual(FILES.map((f) => f.type));
    const content = decodeContent(await t.deps.sealer.open({ member: record.member, caseId: record.id }, record.dataKey, record.content));
    expect(content.files?.map((f) => f.name)).toEqual(FILES.map((f) => f.name));
    // Stored as they came, but for the photo, which lost its comments, EXIF and XMP.
    const photoRef = record.attachments?.[1];
    expect(photoRef?.bytes).toBeLessThan(GPS_JPEG.length);
    expect(record.attachments?.filter((_, i) => i !== 1).map((a) => a.bytes)).toEqual([LIMIT, LIMIT, LIMIT, LIMIT]);

    // In the mailbox: five files listed, and each comes back whole.
    const signIn = await t.app.request("/opvolgen", form({ code }));
    expect(signIn.status).toBe(303);
    const cookie = mailboxCookie(signIn);
    const get = (path: string) => t.app.request(path, { headers: { Accept: "text/html", Cookie: cookie } });
    const mailbox = await (await get("/brievenbus")).text();
    const links = [...mailbox.matchAll(/href="\/brievenbus\/bijlage\/([0-9A-Z]{26})"[^>]*>([^<]+)</g)].map((m) => ({ id: m[1], name: m[2] }));
    expect(links).toEqual(record.attachments?.map((a, i) => ({ id: a.id, name: FILES[i]?.name })));
    // The size as the limit names it (units of 1,024, as a file manager counts): a file at the limit is "10 MB".
    // (The photo is listed at its stripped size, a little less.)
    expect(mailbox.match(/, 10 MB\)/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(mailbox).not.toContain("10,5 MB");
    for (const [i, f] of FILES.entries()) {
      const download = await get(`/brievenbus/bijlage/${record.attachments?.[i]?.id}`);
      expect(download.status).toBe(200);
      const bytes = new Uint8Array(await download.arrayBuffer());
      if (f.type === "jpeg") {
        expect(bytes.length).toBe(photoRef?.bytes);
        expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
        expect(Buffer.from(bytes).includes(Buffer.from([0xff, 0xfe]))).toBe(false);
        expect(Buffer.from(bytes).includes(Buffer.from("Exif\0\0", "latin1"))).toBe(false);
      } else {
        expect({ name: f.name, length: bytes.length, sha256: sha256(bytes) }).toEqual({ name: f.name, length: LIMIT, sha256: sha256(f.bytes) });
      }
    }
  });

  it("one byte more is refused, with the file named, and nothing is stored", async () => {
    const body = new FormData();
    const values = { ...(await issuedForm(t.app)), member: "medemblik", wants: "melding", reporterType: "medewerker", anonymity: "anoniem", subcategories: "financieel.fraude", description: "Eén byte te veel." };
    for (const [name, value] of Object.entries(values)) body.append(name, value);
    body.append("files", new File([new Uint8Array(padded("%PDF-1.7\n%", LIMIT + 1, "\n%%EOF\n"))], "te-groot.pdf"));
    const before = (await caseItems(t)).length;
    const res = await t.app.request("/melden", { method: "POST", headers: { Accept: "text/html" }, body });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/href="#files"[^>]*>[^<]*te-groot\.pdf/);
    expect((await caseItems(t)).length).toBe(before);
  });
});

describe("a deployment that takes less in one request (the Lambda: 4 MB in all)", () => {
  it("says so in the hint and refuses files over it together, at the field, with the text kept and nothing stored", async () => {
    // The hub's own inspector with the limits a deployment gives it (the Lambda: createFileInspector(LAMBDA_UPLOADS)).
    const app = createApp({ ...t.deps, inspector: { ...t.deps.inspector, maxBytes: 1024 * 1024, maxTotalBytes: 1024 * 1024 } });
    const form = await (await app.request("/melden", { headers: { Accept: "text/html" } })).text();
    expect(form).toContain("Hoogstens 5 bestanden van elk hoogstens 1 MB, samen hoogstens 1 MB:");
    // Each file alone is within the limit; together they are not.
    const body = new FormData();
    const values = { ...(await issuedForm(app)), member: "medemblik", wants: "melding", reporterType: "medewerker", anonymity: "anoniem", subcategories: "financieel.fraude", description: "Twee stukken van de boekhouding." };
    for (const [name, value] of Object.entries(values)) body.append(name, value);
    for (const name of ["a.txt", "b.txt"]) body.append("files", new File([new Uint8Array(600 * 1024).fill(0x61)], name));
    const before = (await caseItems(t)).length;
    const res = await app.request("/melden", { method: "POST", headers: { Accept: "text/html" }, body });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toMatch(/href="#files"[^>]*>Uw bestanden zijn samen groter dan 1 MB\. Kies minder of kleinere bestanden\./);
    expect(page).toContain("Twee stukken van de boekhouding.</textarea>");
    expect((await caseItems(t)).length).toBe(before);
  });

  it("is 10 MB a file and no total of its own in the embedded default", async () => {
    const form = await (await t.app.request("/melden", { headers: { Accept: "text/html" } })).text();
    expect(form).toContain('id="files-hint">Hoogstens 5 bestanden van elk hoogstens 10 MB: pdf');
  });
});
