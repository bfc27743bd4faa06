// PNG metadata stripping: a walk over the chunks that drops the text, EXIF and time chunks.
import { concatRanges, fourCC, startsWith, u32be } from "./bytes";

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** Text chunks (often author, software, comments, sometimes an XMP packet in iTXt), EXIF, and the last-modified time. */
const DROPPED = new Set(["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]);

function isChunkType(bytes: Uint8Array, at: number): boolean {
  for (let i = at; i < at + 4; i++) {
    const c = bytes[i] ?? 0;
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return true;
}

/**
 * The PNG without its metadata chunks, or "damaged" when the chunk structure does not hold (IHDR first, every length
 * within the file, IEND present). CRCs are not checked: a viewer does that, and a bad CRC reveals nothing. Bytes after
 * IEND are not kept: they are no part of the image and could carry anything.
 */
export function stripPngMetadata(bytes: Uint8Array): Uint8Array | "damaged" {
  if (!startsWith(bytes, PNG_SIGNATURE)) return "damaged";
  const keep: [number, number][] = [[0, PNG_SIGNATURE.length]];
  let pos: number = PNG_SIGNATURE.length;
  let first = true;
  while (pos + 12 <= bytes.length) {
    const length = u32be(bytes, pos);
    // The format caps a chunk at 2^31 - 1 bytes; the subtraction keeps the comparison safe from overflow.
    if (length > 0x7fffffff || length > bytes.length - pos - 12) return "damaged";
    if (!isChunkType(bytes, pos + 4)) return "damaged";
    const type = fourCC(bytes, pos + 4);
    if (first && type !== "IHDR") return "damaged";
    first = false;
    const end = pos + 12 + length;
    if (!DROPPED.has(type)) keep.push([pos, end]);
    pos = end;
    if (type === "IEND") return concatRanges(bytes, keep);
  }
  return "damaged";
}
