// ZIP central directory reading, enough to tell a Word document from any other ZIP (a jar, a spreadsheet, an archive).
// The central directory, not the local headers, is what unzip tools and Word trust for the list of entries.
import { startsWith, u16le, u32le, u64le } from "./bytes";

export const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;

const EOCD = [0x50, 0x4b, 0x05, 0x06];
const ZIP64_LOCATOR = [0x50, 0x4b, 0x06, 0x07];
const ZIP64_EOCD = [0x50, 0x4b, 0x06, 0x06];
const CENTRAL_ENTRY = [0x50, 0x4b, 0x01, 0x02];
const names = new TextDecoder("utf-8");

/**
 * The entry names in the central directory, or "damaged" when the end-of-central-directory record or the directory
 * itself does not fit the file. Offsets are taken from the start of the file: we only call this on files that begin
 * with a local header, so nothing is prepended.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | "damaged" {
  // The end record is the last 22 bytes plus a comment of up to 65535 bytes: search backwards for it.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (startsWith(bytes, EOCD, at) && at + 22 + u16le(bytes, at + 20) <= bytes.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return "damaged";
  let count: number | undefined = u16le(bytes, eocd + 10);
  let size: number | undefined = u32le(bytes, eocd + 12);
  let offset: number | undefined = u32le(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: the real values are in the ZIP64 end record, found through the locator just before the end record.
    const locator = eocd - 20;
    if (!startsWith(bytes, ZIP64_LOCATOR, locator)) return "damaged";
    const record = u64le(bytes, locator + 8);
    if (record === undefined || !startsWith(bytes, ZIP64_EOCD, record) || record + 56 > bytes.length) return "damaged";
    count = u64le(bytes, record + 32);
    size = u64le(bytes, record + 40);
    offset = u64le(bytes, record + 48);
    if (count === undefined || size === undefined || offset === undefined) return "damaged";
  }
  const end = offset + size;
  if (end > bytes.length) return "damaged";
  const out: string[] = [];
  let pos = offset;
  // Each entry is at least 46 bytes, so a count larger than the directory can hold fails on the bounds check.
  for (let i = 0; i < count; i++) {
    if (pos + 46 > end || !startsWith(bytes, CENTRAL_ENTRY, pos)) return "damaged";
    const nameLength = u16le(bytes, pos + 28);
    const next = pos + 46 + nameLength + u16le(bytes, pos + 30) + u16le(bytes, pos + 32);
    if (next > end) return "damaged";
    out.push(names.decode(bytes.subarray(pos + 46, pos + 46 + nameLength)));
    pos = next;
  }
  return out;
}

/**
 * "docx" for a Word document: a ZIP whose directory has `[Content_Types].xml` (every Office Open XML package) and
 * `word/document.xml` (the main part of a Word document). A macro project (`vbaProject.bin`, as in .docm) makes it
 * "other": that is no longer a .docx in content, and it is code that staff would open.
 */
export function classifyZip(bytes: Uint8Array): "docx" | "other" | "damaged" {
  const entries = zipEntryNames(bytes);
  if (entries === "damaged") return "damaged";
  if (entries.some((n) => n.toLowerCase().endsWith("vbaproject.bin"))) return "other";
  return entries.includes("[Content_Types].xml") && entries.includes("word/document.xml") ? "docx" : "other";
}
