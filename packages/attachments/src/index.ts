// @meldpunt/attachments: the FileInspector for files a reporter attaches (docs/decisions.md 26).
//
// What it does:
// - Decides the type from the content alone (magic bytes and structure; never the file name or the browser's claimed
//   type) and refuses anything not on the list: pdf, jpeg, png, heic, docx, txt, eml. An executable renamed to .pdf,
//   a GIF, a spreadsheet or any other ZIP is "type-not-allowed".
// - Removes image metadata before anything is stored, because a photo's GPS position, camera serial and time can
//   identify the person who took it: JPEG loses EXIF, XMP, IPTC/Photoshop, vendor blocks and comments (jpeg.ts), PNG
//   its text, EXIF and time chunks (png.ts), HEIC has its Exif and XMP items overwritten with zeros (heic.ts).
//
// What it does NOT do: pdf, docx, txt and eml are returned unchanged. Their metadata (a PDF's or Word document's
// author, organisation, software and edit times; a docx's tracked changes and comments with reviewers' names; an
// e-mail's headers, addresses and servers) is kept, and so are images embedded inside them. The reporting page must
// warn the reporter about this before upload. Also kept: an image's pixels (a face, a badge, a document in view).
//
// Pure: no file system, no native code, no dependencies; `inspect` never throws.
import type { FileInspector, InspectedFile } from "@meldpunt/domain";
import { stripHeicMetadata } from "./heic";
import { stripJpegMetadata } from "./jpeg";
import { stripPngMetadata } from "./png";
import { sniffType } from "./sniff";

export { ftypBrands, isHeic, stripHeicMetadata } from "./heic";
export { stripJpegMetadata } from "./jpeg";
export { stripPngMetadata } from "./png";
export { sniffType } from "./sniff";
export { decodePlainText, isEmail } from "./text";
export { classifyZip, zipEntryNames } from "./zip";

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Five files of `maxBytes` unless the deployment takes less in one request (the Lambda: docs/cloud.md). */
export function createFileInspector(options: { maxBytes?: number; maxTotalBytes?: number } = {}): FileInspector {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxTotalBytes = options.maxTotalBytes ?? 5 * maxBytes;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new RangeError("maxBytes must be a positive integer");
  if (!Number.isSafeInteger(maxTotalBytes) || maxTotalBytes < maxBytes) throw new RangeError("maxTotalBytes must be an integer of at least maxBytes");
  return {
    maxBytes,
    maxTotalBytes,
    inspect(bytes: Uint8Array): InspectedFile {
      if (bytes.length === 0) return { ok: false, reason: "empty" };
      // Before any parsing, so an oversized upload costs nothing more than its length check.
      if (bytes.length > maxBytes) return { ok: false, reason: "too-large" };
      try {
        return inspectContent(bytes);
      } catch {
        // The parsers check every bound and are property-tested not to throw; this only keeps the promise if one
        // still did. Refusing is the safe answer: nothing unexamined is stored.
        return { ok: false, reason: "damaged" };
      }
    },
  };
}

function inspectContent(bytes: Uint8Array): InspectedFile {
  const type = sniffType(bytes);
  if (type === undefined) return { ok: false, reason: "type-not-allowed" };
  if (type === "damaged") return { ok: false, reason: "damaged" };
  const stripped =
    type === "jpeg" ? stripJpegMetadata(bytes) : type === "png" ? stripPngMetadata(bytes) : type === "heic" ? stripHeicMetadata(bytes) : bytes;
  if (stripped === "damaged") return { ok: false, reason: "damaged" };
  return { ok: true, type, bytes: stripped };
}
