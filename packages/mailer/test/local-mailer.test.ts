// The local mailer against a temp folder: RFC 5322 files an independent parser (postal-mime) reads back, mode 0600,
// names that sort by time, and the reader the demo page uses.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UnavailableError, ValidationError } from "@meldpunt/domain";
import PostalMime from "postal-mime";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalMailbox, createLocalMailer, encodeQuotedPrintable, parseEml } from "../src/index";

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "meldpunt-mail-"));
  dir = join(root, "mail");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const at = (iso: string) => ({ now: () => new Date(iso) });
const SUBJECT = "Termijnen bij Integriteitscoördinator SED-organisatie / Deadlines at Integriteitscoördinator SED-organisatie";
const TEXT = "Eerste regel: één melding, ‘aanhalingstekens’ en € = 5.\n\nEen heel lange regel ".concat("zonder einde ".repeat(20), "\nlaatste regel met spatie aan het eind ");

describe("the local mailer", () => {
  it("writes an RFC 5322 message that a mail parser reads back, UTF-8 subject and body included", async () => {
    await createLocalMailer({ dir, sender: "meldpunt@localhost", clock: at("2030-06-15T08:00:00.000Z") }).send({
      to: ["m.deboer@hoorn.example", "a.collega@hoorn.example"],
      subject: SUBJECT,
      text: TEXT,
    });
    const [name] = await readdir(dir);
    expect(name).toMatch(/^20300615T080000\.000Z-\d{6}-[0-9a-f]{8}\.eml$/);
    const raw = await readFile(join(dir, name as string), "utf8");
    // CRLF only, no line over 78 characters, nothing but ASCII on the wire.
    expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of raw.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
    expect([...raw].every((ch) => ch.charCodeAt(0) < 128)).toBe(true);
    expect(raw).toContain("\r\nDate: Sat, 15 Jun 2030 08:00:00 +0000\r\n");
    expect(raw).toMatch(/\r\nMessage-ID: <[^>]+@localhost>\r\n/);
    expect(raw).toContain("\r\nMIME-Version: 1.0\r\n");
    expect(raw).toContain("\r\nContent-Type: text/plain; charset=utf-8\r\n");
    expect(raw).toMatch(/\r\nSubject: =\?UTF-8\?B\?/);

    const parsed = await PostalMime.parse(raw);
    expect(parsed.subject).toBe(SUBJECT);
    expect(parsed.from?.address).toBe("meldpunt@localhost");
    expect(parsed.to?.map((a) => a.address)).toEqual(["m.deboer@hoorn.example", "a.collega@hoorn.example"]);
    expect(new Date(parsed.date as string).toISOString()).toBe("2030-06-15T08:00:00.000Z");
    // postal-mime ends a text part with a line break of its own.
    expect(parsed.text?.replace(/\r\n/g, "\n").replace(/\n$/, "")).toBe(TEXT);
    expect(parsed.html).toBeUndefined();
    expect(parsed.attachments).toEqual([]);

    // Our own reader agrees with it.
    expect(parseEml(raw)).toMatchObject({ subject: SUBJECT, text: TEXT, to: ["m.deboer@hoorn.example", "a.collega@hoorn.example"], date: "2030-06-15T08:00:00.000Z" });
  });

  it("keeps a plain ASCII subject as it is", async () => {
    await createLocalMailer({ dir, sender: "meldpunt@localhost" }).send({ to: ["a@b.example"], subject: "Deadlines", text: "x" });
    const [name] = await readdir(dir);
    expect(await readFile(join(dir, name as string), "utf8")).toContain("\r\nSubject: Deadlines\r\n");
  });

  it("writes files of mode 0600 in a folder of mode 0700", async () => {
    await createLocalMailer({ dir, sender: "meldpunt@localhost" }).send({ to: ["a@b.example"], subject: "s", text: "t" });
    const [name] = await readdir(dir);
    expect((await stat(join(dir, name as string))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it("refuses a recipient or subject that would forge a header", async () => {
    const mailer = createLocalMailer({ dir, sender: "meldpunt@localhost" });
    await expect(mailer.send({ to: ["a@b.example\r\nBcc: x@y.example"], subject: "s", text: "t" })).rejects.toBeInstanceOf(ValidationError);
    await expect(mailer.send({ to: ["a@b.example, x@y.example"], subject: "s", text: "t" })).rejects.toBeInstanceOf(ValidationError);
    await expect(mailer.send({ to: ["a@b.example"], subject: "s\r\nBcc: x@y.example", text: "t" })).rejects.toBeInstanceOf(ValidationError);
    await expect(mailer.send({ to: [], subject: "s", text: "t" })).rejects.toBeInstanceOf(ValidationError);
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  it("answers UnavailableError when the folder cannot be written", async () => {
    await writeFile(join(root, "file"), "not a folder");
    const mailer = createLocalMailer({ dir: join(root, "file", "mail"), sender: "meldpunt@localhost" });
    await expect(mailer.send({ to: ["a@b.example"], subject: "s", text: "t" })).rejects.toBeInstanceOf(UnavailableError);
  });
});

describe("the local mailbox", () => {
  it("lists the messages newest first and reads one back; other names are not found", async () => {
    const times = ["2030-06-15T08:00:00.000Z", "2030-06-18T08:00:00.000Z", "2030-06-16T08:00:00.000Z"];
    for (const [i, time] of times.entries()) {
      await createLocalMailer({ dir, sender: "meldpunt@localhost", clock: at(time) }).send({ to: ["a@b.example"], subject: `Bericht ${i} – één`, text: `tekst ${i}` });
    }
    await writeFile(join(dir, "notes.txt"), "not a message");
    const mailbox = createLocalMailbox({ dir });
    const list = await mailbox.list();
    expect(list.map((m) => [m.subject, m.date])).toEqual([
      ["Bericht 1 – één", "2030-06-18T08:00:00.000Z"],
      ["Bericht 2 – één", "2030-06-16T08:00:00.000Z"],
      ["Bericht 0 – één", "2030-06-15T08:00:00.000Z"],
    ]);
    expect(list[0]).toMatchObject({ from: "meldpunt@localhost", to: ["a@b.example"] });
    expect(await mailbox.read(list[0]?.name as string)).toMatchObject({ subject: "Bericht 1 – één", text: "tekst 1" });
    expect(await mailbox.list(1)).toHaveLength(1);
    for (const name of ["notes.txt", "../mail/notes.txt", "20300615T080000.000Z-000001-00000000.eml"]) expect(await mailbox.read(name)).toBeUndefined();
  });

  it("is empty before the first message", async () => {
    expect(await createLocalMailbox({ dir }).list()).toEqual([]);
  });
});

describe("quoted-printable", () => {
  it("breaks long lines softly and encodes '=', non-ASCII and trailing blanks", () => {
    const encoded = encodeQuotedPrintable(`${"a".repeat(100)}\nx = y é \n`);
    for (const line of encoded.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
    expect(encoded).toContain("x =3D y =C3=A9=20");
  });
});
