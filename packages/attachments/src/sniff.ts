// Type detection by content alone. A file's name and the browser's claimed type are chosen by whoever sends it;
// the first bytes and the structure are what a program opening the file will actually act on.
import type { AttachmentType } from "@meldpunt/domain";
import { ascii, startsWith } from "./bytes";
import { isHeic } from "./heic";
import { JPEG_SIGNATURE } from "./jpeg";
import { PNG_SIGNATURE } from "./png";
import { decodePlainText, isEmail } from "./text";
import { classifyZip, ZIP_SIGNATURE } from "./zip";

const PDF_SIGNATURE = ascii("%PDF-");

/**
 * The allowed type the content is, undefined when it is none of them (executables, GIF, other ZIPs, binary data), or
 * "damaged" when it starts like a ZIP but its directory cannot be read (we cannot tell whether it is a docx).
 * Image structure is checked later, when the metadata is stripped.
 */
export function sniffType(bytes: Uint8Array): AttachmentType | "damaged" | undefined {
  if (startsWith(bytes, PDF_SIGNATURE)) return "pdf";
  if (startsWith(bytes, JPEG_SIGNATURE)) return "jpeg";
  if (startsWith(bytes, PNG_SIGNATURE)) return "png";
  if (isHeic(bytes)) return "heic";
  if (startsWith(bytes, ZIP_SIGNATURE)) {
    const zip = classifyZip(bytes);
    return zip === "other" ? undefined : zip;
  }
  const text = decodePlainText(bytes);
  if (text === undefined) return undefined;
  return isEmail(text) ? "eml" : "txt";
}
