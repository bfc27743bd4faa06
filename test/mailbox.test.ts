// The reporter's mailbox and attachments on the real embedded hub (dynalite, local keys, files under the data folder):
// files are checked by content and stored sealed; nothing partial stays after a failure; messages go both ways and are
// sealed; consent, closing and the review of a written record; a transfer takes messages and files along.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type BlobStore,
  type CaseRecord,
  closeAdviceContact,
  openConsent,
  openMailbox,
  postReporterMessage,
  reviewRecord,
  sendDeskMessage,
  setReferralConsent,
  submitReport,
  UnavailableError,
  ValidationError,
} from "@meldpunt/domain";
import { ConsentRequiredError, transferCase } from "@meldpunt/domain/staff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseItems, form, issuedForm, mailboxCookie, rawItems, receiptCodeIn, type TestApp, testApp } from "./support/local";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const GPS_JPEG = readFile(join(import.meta.dirname, "../packages/attachments/test/fixtures/gps.jpg"));
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(120).fill(0)]);
const valid = { member: "hoorn", wants: "melding", reporterType: "medewerker", anonymity: "anoniem", subcategories: "omgang.pesten", description: "Mijn teamleider scheldt mij uit waar anderen bij zijn." };

/** The report form as a browser sends it with files: multipart, a fresh token, no nonce (the test wait is 0). */
async function multipart(values: Record<string, string>, files: { name: string; bytes: Uint8Array; type?: string }[]): Promise<RequestInit> {
  const body = new FormData();
  for (const [name, value] of Object.entries({ ...(await issuedForm(t.app)), ...values })) body.append(name, value);
  for (const f of files) body.append("files", new File([f.bytes as Uint8Array<ArrayBuffer>], f.name, { type: f.type ?? "application/octet-stream" }));
  return { method: "POST", headers: { Accept: "text/html" }, body };
}

/** Files of the blob store on disk. */
async function blobFiles(): Promise<string[]> {
  const root = join(t.dataDir, "blobs");
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function caseOf(code: string): Promise<CaseRecord> {
  const found = await t.deps.cases.findByReceiptLocator(t.deps.receipts.parse(code)?.locator ?? "");
  if (!found[0]) throw new Error("no case for code");
  return found[0];
}

/** Signs in with the code; returns a requester that carries the mailbox cookie, and the page's CSRF token. */
async function signIn(code: string) {
  const res = await t.app.request("/opvolgen", form({ code }));
  expect(res.status).toBe(303);
  const cookie = mailboxCookie(res);
  const get = (path: string) => t.app.request(path, { headers: { Accept: "text/html", Cookie: cookie } });
  const html = await (await get("/brievenbus")).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const post = (path: string, values: Record<string, string>, files: { name: string; bytes: Uint8Array }[] = []) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(values)) body.append(k, v);
    for (const f of files) body.append("files", new File([f.bytes as Uint8Array<ArrayBuffer>], f.name));
    return t.app.request(path, { method: "POST", headers: { Accept: "text/html", Cookie: cookie }, body });
  };
  return { get, post, csrf, cookie };
}

describe("attachments with a report", () => {
  let code: string;
  let record: CaseRecord;

  beforeAll(async () => {
    const res = await t.app.request(
      "/melden",
      await multipart(valid, [
        { name: "C:\\Users\\jan\\foto van de kantine.jpg", bytes: await GPS_JPEG, type: "image/jpeg" },
        { name: "aantekeningen.txt", bytes: new TextEncoder().encode("Datum: 3 maart. Aanwezig: het hele team.") },
      ]),
    );
    expect(res.status).toBe(200);
    code = receiptCodeIn(await res.text());
    record = await caseOf(code);
  });

  it("lists them on the case by type and size only; names and bytes are sealed", async () => {
    expect(record.attachments?.map((a) => a.type)).toEqual(["jpeg", "txt"]);
    expect(record.attachments?.every((a) => a.from === "melder" && a.message === undefined)).toBe(true);
    const files = await blobFiles();
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file).toContain(join("blobs", "hoorn", record.id));
      const bytes = await readFile(file);
      expect(bytes.includes(Buffer.from("Aanwezig"))).toBe(false);
      expect(bytes.includes(Buffer.from("Exif"))).toBe(false);
    }
    const dump = JSON.stringify(await rawItems(t));
    expect(dump).not.toContain("kantine");
    expect(dump).not.toContain("aantekeningen");
  });

  it("shows them in the mailbox under their own names (without a path) and gives the photo back without metadata", async () => {
    const { get } = await signIn(code);
    const html = await (await get("/brievenbus")).text();
    expect(html).toContain("foto van de kantine.jpg");
    expect(html).not.toContain("Users");
    expect(html).toContain("aantekeningen.txt");
    const photo = record.attachments?.[0];
    const res = await get(`/brievenbus/bijlage/${photo?.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="bijlage-1.jpg"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect([bytes.at(-2), bytes.at(-1)]).toEqual([0xff, 0xd9]);
    expect(bytes.includes(Buffer.from("Exif\0\0"))).toBe(false);
    expect(bytes.includes(Buffer.from([0xff, 0xe1]))).toBe(false);
    expect(bytes.length).toBeLessThan((await GPS_JPEG).length);
  });

  it("gives no attachment without a mailbox session, nor one of another case", async () => {
    const other = await t.app.request("/melden", await multipart(valid, [{ name: "x.txt", bytes: new TextEncoder().encode("ander geval") }]));
    const otherCase = await caseOf(receiptCodeIn(await other.text()));
    const { get } = await signIn(code);
    expect((await get(`/brievenbus/bijlage/${otherCase.attachments?.[0]?.id}`)).status).toBe(404);
    const anonymous = await t.app.request(`/brievenbus/bijlage/${record.attachments?.[0]?.id}`, { headers: { Accept: "text/html" } });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain("Vul uw code opnieuw in");
  });
});

describe("a refused upload", () => {
  it("names the file and the reason, keeps the answers, and stores nothing", async () => {
    const cases = (await caseItems(t)).length;
    const blobs = (await blobFiles()).length;
    const res = await t.app.request("/melden", await multipart({ ...valid, description: "Zie de foto." }, [{ name: "foto.jpg", bytes: ELF, type: "image/jpeg" }]));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<a class="utrecht-link" href="#files">[^<]*‘foto.jpg’ kan niet worden toegevoegd: dit soort bestand kunnen we niet aannemen/);
    expect(html).toContain('aria-describedby="files-hint files-error"');
    expect(html).toContain("Zie de foto.");
    expect((await caseItems(t)).length).toBe(cases);
    expect((await blobFiles()).length).toBe(blobs);
  });

  it("asks for the files again when the form comes back for another reason", async () => {
    const res = await t.app.request("/melden", await multipart({ ...valid, description: "" }, [{ name: "a.txt", bytes: new TextEncoder().encode("tekst") }]));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Kies uw bestanden opnieuw");
  });

  it("refuses more than five files, and a form of more than the upload limit with 413", async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.txt`, bytes: new TextEncoder().encode(`bestand ${i}`) }));
    const res = await t.app.request("/melden", await multipart(valid, six));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Voeg hoogstens 5 bestanden toe");
    const huge = await t.app.request("/melden", await multipart(valid, Array.from({ length: 6 }, (_, i) => ({ name: `${i}.txt`, bytes: new Uint8Array(10 * 1024 * 1024).fill(65) }))));
    expect(huge.status).toBe(413);
  });

  it("leaves no file behind when storing fails halfway", async () => {
    let puts = 0;
    const failing: BlobStore = {
      ...t.deps.blobs,
      async put(key, sealed) {
        if (++puts === 2) throw new UnavailableError();
        return t.deps.blobs.put(key, sealed);
      },
    };
    const cases = (await caseItems(t)).length;
    const blobs = (await blobFiles()).length;
    const files = [1, 2, 3].map((i) => ({ name: `${i}.txt`, bytes: new TextEncoder().encode(`deel ${i}`) }));
    await expect(
      submitReport({ ...t.deps, blobs: failing }, { ...valid, subcategories: ["omgang.pesten"], formToken: t.deps.tokens.issue() }, { files }),
    ).rejects.toBeInstanceOf(UnavailableError);
    expect((await caseItems(t)).length).toBe(cases);
    expect((await blobFiles()).length).toBe(blobs);
  });

  it("stores nothing of a staff intake whose audit entry cannot be written", async () => {
    const cases = (await caseItems(t)).length;
    const blobs = (await blobFiles()).length;
    const seen: string[] = [];
    const files = [{ name: "verslag.txt", bytes: new TextEncoder().encode("gespreksverslag") }];
    const intake = { channel: "telefoon", by: "staff-hoorn-bi" };
    const refusing = async (ref: { member: string; caseId: string }) => {
      seen.push(`${ref.member}/${ref.caseId}`);
      throw new UnavailableError();
    };
    await expect(
      submitReport(t.deps, { ...valid, subcategories: ["omgang.pesten"], formToken: t.deps.tokens.issue() }, { files, intake, beforeStore: refusing }),
    ).rejects.toBeInstanceOf(UnavailableError);
    expect(seen).toHaveLength(1);
    expect((await caseItems(t)).length).toBe(cases);
    expect((await blobFiles()).length).toBe(blobs);
  });
});

describe("messages both ways", () => {
  it("the desk asks, the reporter reads it once as new and answers with a file; all of it sealed", async () => {
    const res = await t.app.request("/melden", form({ ...(await issuedForm(t.app)), ...valid }));
    const code = receiptCodeIn(await res.text());
    const record = await caseOf(code);
    const ref = { member: record.member, caseId: record.id };
    await sendDeskMessage(t.deps, ref, { by: "staff-hoorn-bi", kind: "bericht", text: "Wanneer gebeurde dit voor het eerst?" });

    const { get, post, csrf } = await signIn(code);
    // signIn opened the mailbox once: the question was new then, and is read now.
    const page = await (await get("/brievenbus")).text();
    expect(page).toContain("Wanneer gebeurde dit voor het eerst?");
    expect(page).not.toContain("(nieuw)");
    expect((await t.deps.cases.getCase("hoorn", record.id))?.messages?.[0]?.readAt).toBeDefined();

    const answer = await post("/brievenbus/bericht", { csrf, text: "In januari, tijdens het teamoverleg." }, [{ name: "mail.txt", bytes: new TextEncoder().encode("doorgestuurde mail") }]);
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Location")).toBe("/brievenbus?gedaan=bericht");
    const after = await (await get("/brievenbus?gedaan=bericht")).text();
    expect(after).toContain("Uw bericht is verstuurd.");
    expect(after).toContain("In januari, tijdens het teamoverleg.");
    expect(after).toContain("mail.txt");

    const stored = await t.deps.cases.getCase("hoorn", record.id);
    expect(stored?.messages?.map((m) => [m.from, m.kind])).toEqual([
      ["balie", "bericht"],
      ["melder", "bericht"],
    ]);
    expect(stored?.attachments?.[0]).toMatchObject({ type: "txt", from: "melder", message: "1" });
    // The reporter's timing only to the day (decision 4): their message, its file, their reading of the question.
    const day = /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/;
    expect(stored?.messages?.[1]?.at).toMatch(day);
    expect(stored?.attachments?.[0]?.at).toMatch(day);
    expect(stored?.messages?.[0]?.readAt).toMatch(day);
    const dump = JSON.stringify(await rawItems(t));
    for (const secret of ["teamoverleg", "voor het eerst", "mail.txt"]) expect(dump).not.toContain(secret);
  });

  it("refuses a form without the session's CSRF token, and an empty message with the error at its field", async () => {
    const code = receiptCodeIn(await (await t.app.request("/melden", form({ ...(await issuedForm(t.app)), ...valid }))).text());
    const { post, csrf } = await signIn(code);
    expect((await post("/brievenbus/bericht", { text: "Zonder token." })).status).toBe(403);
    const empty = await post("/brievenbus/bericht", { csrf, text: "" });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain('<a class="utrecht-link" href="#text">Schrijf uw bericht.</a>');
    expect(html).toContain('aria-invalid="true"');
    expect((await caseOf(code)).messages).toBeUndefined();
  });

  it("asks for the code again when there is no session, and closing the mailbox ends it", async () => {
    const res = await t.app.request("/brievenbus", { headers: { Accept: "text/html" } });
    expect(res.status).toBe(401);
    const code = receiptCodeIn(await (await t.app.request("/melden", form({ ...(await issuedForm(t.app)), ...valid }))).text());
    const { post, csrf } = await signIn(code);
    const out = await post("/brievenbus/afmelden", { csrf });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join()).toMatch(/__Host-meldpunt-brievenbus=;.*Max-Age=0/);
    expect(await out.text()).toContain("Uw brievenbus is gesloten");
  });

  it("bounds a mailbox's sealed text, so the case stays one item", async () => {
    const submitted = await submitReport(t.deps, { ...valid, subcategories: ["omgang.pesten"], formToken: t.deps.tokens.issue() });
    const record = await caseOf(submitted.receiptCode);
    const ref = { member: record.member, caseId: record.id };
    const long = "x".repeat(5000);
    let refused: unknown;
    for (let i = 0; i < 80 && !refused; i++) refused = await postReporterMessage(t.deps, ref, long).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues[0]?.message.nl).toContain("tekstbestand");
    const stored = await t.deps.cases.getCase(ref.member, ref.caseId);
    expect(stored?.messages?.length).toBeGreaterThan(40);
  });
});

describe("an advice contact", () => {
  it("is referred only with the reporter's consent, which can be withdrawn, and the reporter can close it", async () => {
    const res = await t.app.request("/melden", form({ ...(await issuedForm(t.app)), ...valid, wants: "advies" }));
    const code = receiptCodeIn(await res.text());
    const record = await caseOf(code);
    expect(record.kind).toBe("advies");
    const move = { member: record.member, caseId: record.id, fromDesk: record.desk, toDesk: "hoorn-integriteit", reason: "Op verzoek van de melder.", by: "staff-vp" };
    await expect(transferCase(t.deps, move)).rejects.toBeInstanceOf(ConsentRequiredError);

    const { get, post, csrf } = await signIn(code);
    expect(await (await get("/brievenbus")).text()).toContain("U hebt geen toestemming gegeven");
    expect((await post("/brievenbus/toestemming", { csrf, consent: "ja" })).status).toBe(303);
    expect(await (await get("/brievenbus")).text()).toMatch(/U hebt toestemming gegeven op \d+ \w+ \d{4}/);
    // Sealed: the stored case says that the reporter decided, never what.
    const given = await caseOf(code);
    expect(await openConsent(t.deps.sealer, given)).toMatchObject({ given: true });
    const stored = JSON.stringify((await rawItems(t)).filter((item) => item.id?.S === record.id));
    expect(stored).toContain(record.id);
    expect(stored).not.toMatch(/gegeven|ingetrokken|"given"/);
    expect((await post("/brievenbus/toestemming", { csrf, consent: "nee" })).status).toBe(303);
    expect(await openConsent(t.deps.sealer, await caseOf(code))).toMatchObject({ given: false });
    expect(await (await get("/brievenbus")).text()).toContain("U hebt geen toestemming gegeven");
    await expect(transferCase(t.deps, move)).rejects.toBeInstanceOf(ConsentRequiredError);

    expect((await post("/brievenbus/afsluiten", { csrf })).status).toBe(303);
    const closed = await caseOf(code);
    expect(closed.state).toBe("gesloten");
    expect(closed.history.map((h) => h.event).filter(Boolean)).toEqual(["toestemming", "toestemming", "afgesloten-door-melder"]);
    for (const step of closed.history.filter((h) => h.by === "melder")) expect(step.at).toMatch(/T00:00:00\.000Z$/);
    const page = await (await get("/brievenbus")).text();
    expect(page).toContain("Deze melding is afgesloten");
    expect(page).not.toContain('action="/brievenbus/bericht"');
    expect(page).toContain("U sloot uw vraag af");
    const late = await post("/brievenbus/bericht", { csrf, text: "Toch nog iets." });
    expect(late.status).toBe(400);
  });

  it("has no consent for a report, and a report cannot be closed by the reporter", async () => {
    const submitted = await submitReport(t.deps, { ...valid, subcategories: ["omgang.pesten"], formToken: t.deps.tokens.issue() });
    const record = await caseOf(submitted.receiptCode);
    const ref = { member: record.member, caseId: record.id };
    await expect(setReferralConsent(t.deps, ref, true)).rejects.toBeInstanceOf(ValidationError);
    await expect(closeAdviceContact(t.deps, ref)).rejects.toBeInstanceOf(ValidationError);
    expect((await openMailbox(t.deps, ref)).consent).toBeUndefined();
  });
});

describe("the written record of an oral report", () => {
  async function oralCase(): Promise<{ code: string; record: CaseRecord }> {
    const submitted = await submitReport(t.deps, { ...valid, subcategories: ["omgang.pesten"], description: "Verslag van het telefoongesprek van 2 maart.", formToken: t.deps.tokens.issue() });
    const record = await caseOf(submitted.receiptCode);
    // As staff register an oral report (the workspace's intake): the channel, and a record for the reporter to review.
    const oral = { ...record, channel: "telefoon" as const, recordReview: { status: "open" as const }, version: record.version + 1 };
    await t.deps.cases.updateCase(oral);
    return { code: submitted.receiptCode, record: oral };
  }

  it("is shown for review; a correction is a message of its own kind, the record itself stays as written", async () => {
    const { code, record } = await oralCase();
    const { get, post, csrf } = await signIn(code);
    const page = await (await get("/brievenbus")).text();
    expect(page).toContain("Controleer het verslag");
    expect(page).toContain("Verslag van het telefoongesprek");
    const res = await post("/brievenbus/verslag", { csrf, review: "correctie", correction: "Het was op 3 maart, niet op 2 maart." });
    expect(res.status).toBe(303);
    const stored = await caseOf(code);
    expect(stored.recordReview?.status).toBe("gecorrigeerd");
    expect(stored.messages?.[0]).toMatchObject({ from: "melder", kind: "correctie" });
    expect(stored.content).toEqual(record.content);
    expect(await (await get("/brievenbus")).text()).not.toContain("Controleer het verslag");
  });

  it("can be agreed to; a report without a record has nothing to review", async () => {
    const { code, record } = await oralCase();
    await reviewRecord(t.deps, { member: record.member, caseId: record.id }, { agree: true });
    expect((await caseOf(code)).recordReview?.status).toBe("bevestigd");
    const submitted = await submitReport(t.deps, { ...valid, subcategories: ["omgang.pesten"], formToken: t.deps.tokens.issue() });
    const web = await caseOf(submitted.receiptCode);
    await expect(reviewRecord(t.deps, { member: web.member, caseId: web.id }, { agree: true })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("a transfer to another member", () => {
  it("reseals the messages and moves the files under the receiving member's key", async () => {
    const res = await t.app.request("/melden", await multipart(valid, [{ name: "bewijs.txt", bytes: new TextEncoder().encode("het bewijsstuk") }]));
    const code = receiptCodeIn(await res.text());
    const record = await caseOf(code);
    const ref = { member: record.member, caseId: record.id };
    await sendDeskMessage(t.deps, ref, { by: "staff-hoorn-bi", kind: "bericht", text: "Dank, we sturen dit door." });
    const moved = await transferCase(t.deps, { ...ref, fromDesk: record.desk, toDesk: "sed-integriteit", reason: "Werkt bij SED.", by: "staff-hoorn-bi" });
    expect(moved.member).toBe("sed");
    const files = await blobFiles();
    expect(files.some((f) => f.includes(join("hoorn", record.id)))).toBe(false);
    expect(files.some((f) => f.includes(join("sed", record.id)))).toBe(true);

    const view = await openMailbox(t.deps, { member: "sed", caseId: record.id });
    expect(view.messages[0]?.text).toBe("Dank, we sturen dit door.");
    expect(view.files.map((f) => f.name)).toEqual(["bewijs.txt"]);
    const { get } = await signIn(code);
    const download = await get(`/brievenbus/bijlage/${record.attachments?.[0]?.id}`);
    expect(await download.text()).toBe("het bewijsstuk");
  });
});
