// The inspector as a whole: type by content, refusals with their reasons, and the files it returns unchanged.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyZip, createFileInspector, DEFAULT_MAX_BYTES, decodePlainText, isEmail, sniffType, zipEntryNames } from "../src/index";
import { bytes, le, minimalDocx, zip } from "./build";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const inspector = createFileInspector();
const refused = (reason: string) => ({ ok: false, reason });

// The first bytes of a 64-bit Linux ELF executable and of a Windows PE ("MZ" DOS stub pointing at "PE\0\0").
const elf = bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], new Array(8).fill(0), le(2, 2), le(0x3e, 2), le(1, 4), new Array(200).fill(0));
const pe = bytes("MZ", new Array(58).fill(0x90), le(64, 4), "PE\0\0", le(0x8664, 2), new Array(200).fill(0));

describe("type by content", () => {
  it("refuses executables whatever they are called", () => {
    expect(inspector.inspect(elf)).toEqual(refused("type-not-allowed"));
    expect(inspector.inspect(pe)).toEqual(refused("type-not-allowed"));
  });

  it("refuses a GIF and other binary data", () => {
    expect(inspector.inspect(bytes("GIF89a", le(1, 2), le(1, 2), [0, 0, 0, 0x3b]))).toEqual(refused("type-not-allowed"));
    expect(inspector.inspect(Uint8Array.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34]))).toEqual(refused("type-not-allowed"));
  });

  it("takes a minimal Word document for docx and returns it unchanged", () => {
    const docx = minimalDocx();
    expect(zipEntryNames(docx)).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    const result = inspector.inspect(docx);
    expect(result).toEqual({ ok: true, type: "docx", bytes: docx });
    // With an archive comment after the directory too.
    const commented = zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }, "made by hand");
    expect(classifyZip(commented)).toBe("docx");
  });

  it("refuses any other ZIP: an archive, a jar, a spreadsheet, a macro-enabled Word document", () => {
    expect(inspector.inspect(zip({ "notes.txt": "hello", "photo.jpg": "not really" }))).toEqual(refused("type-not-allowed"));
    expect(inspector.inspect(zip({ "META-INF/MANIFEST.MF": "Manifest-Version: 1.0\n", "Main.class": "\xca\xfe" }))).toEqual(refused("type-not-allowed"));
    expect(inspector.inspect(zip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" }))).toEqual(refused("type-not-allowed"));
    // A word/document.xml alone, without the package's content types, is not an Office document.
    expect(inspector.inspect(zip({ "word/document.xml": "<w:document/>" }))).toEqual(refused("type-not-allowed"));
    expect(inspector.inspect(minimalDocx({ "word/vbaProject.bin": "macro" }))).toEqual(refused("type-not-allowed"));
  });

  it("calls a ZIP whose directory cannot be read damaged", () => {
    const docx = minimalDocx();
    expect(inspector.inspect(docx.subarray(0, docx.length - 30))).toEqual(refused("damaged"));
    expect(inspector.inspect(docx.subarray(0, 200))).toEqual(refused("damaged"));
    // An end record pointing its directory past the end of the file.
    const pointing = docx.slice();
    pointing.set(le(0x7fffffff, 4), docx.length - 6);
    expect(inspector.inspect(pointing)).toEqual(refused("damaged"));
  });

  it("takes a PDF for pdf and returns it unchanged", () => {
    const pdf = fixture("minimal.pdf");
    expect(inspector.inspect(pdf)).toEqual({ ok: true, type: "pdf", bytes: pdf });
  });

  it("takes UTF-8 text for txt, with tabs, line ends, form feeds and a byte order mark", () => {
    const text = bytes([0xef, 0xbb, 0xbf], "Melding over afdeling Ruimte\r\n\tDatum: 14 maart, één keer gezien 👀\f\nEinde");
    expect(inspector.inspect(text)).toEqual({ ok: true, type: "txt", bytes: text });
    expect(sniffType(bytes("Note: this is not an e-mail\nIt only starts like a header.\n"))).toBe("txt");
  });

  it("refuses text with NUL or other control characters, and text that is not UTF-8", () => {
    expect(inspector.inspect(bytes("hello\0world"))).toEqual(refused("type-not-allowed"));
    expect(inspector.inspect(bytes("bell\x07"))).toEqual(refused("type-not-allowed"));
    expect(inspector.inspect(bytes("escape \x1b[31m red"))).toEqual(refused("type-not-allowed"));
    expect(inspector.inspect(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]))).toEqual(refused("type-not-allowed")); // "café" in Latin-1
    expect(inspector.inspect(Uint8Array.from(Buffer.from("\ufeffhallo", "utf16le")))).toEqual(refused("type-not-allowed"));
    expect(decodePlainText(Uint8Array.from([0xc0, 0x80]))).toBeUndefined(); // overlong NUL
  });

  it("takes an e-mail message for eml and returns it unchanged", () => {
    const eml = fixture("sample.eml");
    expect(inspector.inspect(eml)).toEqual({ ok: true, type: "eml", bytes: eml });
  });

  it("recognises e-mail headers by RFC 5322 shape and one of the usual fields", () => {
    expect(isEmail("Subject: hallo\n\nbody")).toBe(true);
    expect(isEmail("X-Mailer: x\nMIME-Version: 1.0\n")).toBe(true);
    expect(isEmail("Received: from a\n  by b\r\nfrom: c@d\r\n\r\n")).toBe(true);
    expect(isEmail("X-Custom: only\n\nbody")).toBe(false);
    expect(isEmail(" Subject: folded first line\n")).toBe(false);
    expect(isEmail("Subject: hallo\nthis line is no header\n\nbody")).toBe(false);
    expect(isEmail("Subject : space before the colon\n")).toBe(false);
    expect(isEmail("")).toBe(false);
  });

  it("decides by content, not by what a name or extension would say", () => {
    // A JPEG signature followed by a PE: still judged as a JPEG, and its broken structure refused.
    expect(inspector.inspect(bytes([0xff, 0xd8, 0xff], pe))).toEqual(refused("damaged"));
    // "%PDF-" must be at the very start.
    expect(sniffType(bytes(elf, "%PDF-1.7"))).toBeUndefined();
  });
});

describe("size", () => {
  it("refuses an empty file", () => {
    expect(inspector.inspect(new Uint8Array())).toEqual(refused("empty"));
  });

  it("refuses a file over maxBytes before looking at it, and takes one of exactly maxBytes", () => {
    expect(inspector.maxBytes).toBe(DEFAULT_MAX_BYTES);
    expect(DEFAULT_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(inspector.inspect(new Uint8Array(DEFAULT_MAX_BYTES + 1))).toEqual(refused("too-large"));
    const small = createFileInspector({ maxBytes: 16 });
    expect(small.inspect(bytes("a".repeat(16)))).toEqual({ ok: true, type: "txt", bytes: bytes("a".repeat(16)) });
    expect(small.inspect(bytes(elf))).toEqual(refused("too-large"));
  });

  it("rejects a maxBytes that is not a positive integer", () => {
    for (const maxBytes of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => createFileInspector({ maxBytes })).toThrow(RangeError);
  });
});

describe("ZIP64", () => {
  it("reads the directory through the ZIP64 end record", () => {
    const plain = minimalDocx();
    const eocd = plain.length - 22;
    const count = 3;
    // The ZIP64 end record (56 bytes) and its locator go between the directory and the classic end record.
    const offset = new DataView(plain.buffer).getUint32(eocd + 16, true);
    const directorySize = new DataView(plain.buffer).getUint32(eocd + 12, true);
    const zip64Record = bytes([0x50, 0x4b, 0x06, 0x06], le(44, 8), le(45, 2), le(45, 2), le(0, 4), le(0, 4), le(count, 8), le(count, 8), le(directorySize, 8), le(offset, 8));
    const locator = bytes([0x50, 0x4b, 0x06, 0x07], le(0, 4), le(eocd, 8), le(1, 4));
    const end = bytes([0x50, 0x4b, 0x05, 0x06], le(0, 4), le(0xffff, 2), le(0xffff, 2), le(0xffffffff, 4), le(0xffffffff, 4), le(0, 2));
    const file = bytes(plain.subarray(0, eocd), zip64Record, locator, end);
    expect(classifyZip(file)).toBe("docx");
    // Without the locator the markers cannot be resolved.
    expect(classifyZip(bytes(plain.subarray(0, eocd), end))).toBe("damaged");
  });
});
