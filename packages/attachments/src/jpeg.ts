// JPEG metadata stripping: a walk over the marker segments that keeps the image and drops what can identify someone.
//
// Note: the EXIF orientation tag goes with EXIF. A photo taken in portrait on a phone that stores the pixels sideways
// and relies on that tag will show rotated to staff. We accept that: rotating would mean re-encoding the image, and
// keeping one tag would mean rewriting EXIF, which is the very block that carries GPS, camera serials and time.
import { concatRanges, startsWith, u16be } from "./bytes";

export const JPEG_SIGNATURE = [0xff, 0xd8, 0xff] as const;

const SOS = 0xda;
const EOI = 0xd9;
const ICC_PROFILE = [..."ICC_PROFILE\0"].map((c) => c.charCodeAt(0));

/**
 * Whether a segment is dropped. APP1 holds EXIF (GPS, camera, serials, times) and XMP; APP3..APP13 and APP15 hold
 * vendor and IPTC/Photoshop blocks; COM is free text. APP2 is kept only for an ICC profile (needed for colour): its
 * other users are MPF, which indexes extra images appended after EOI (those are dropped, see below), and FlashPix.
 * APP0 (JFIF) and APP14 (Adobe: tells a decoder the colour transform, needed for CMYK) are kept.
 */
function dropSegment(marker: number, bytes: Uint8Array, payloadStart: number): boolean {
  if (marker === 0xe1 || marker === 0xfe || marker === 0xef) return true;
  if (marker >= 0xe3 && marker <= 0xed) return true;
  if (marker === 0xe2) return !startsWith(bytes, ICC_PROFILE, payloadStart);
  return false;
}

/**
 * The JPEG with its metadata segments removed, or "damaged" when the marker structure does not hold together.
 *
 * Every other marker and the entropy-coded image data are copied unchanged. The walk goes on through the scans (a
 * progressive JPEG has several, with tables in between) up to EOI, dropping metadata segments found between scans too,
 * and stops there: bytes after EOI are not kept, because phones append extra images there (MPF previews, depth maps,
 * motion-photo videos), each with its own EXIF. A file that ends before EOI is damaged.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | "damaged" {
  if (!startsWith(bytes, [0xff, 0xd8])) return "damaged";
  const keep: [number, number][] = [[0, 2]];
  let pos = 2;
  let sawScan = false;
  for (;;) {
    // A marker: 0xFF, optionally more 0xFF fill bytes, then the marker code.
    const segmentStart = pos;
    if (bytes[pos] !== 0xff) return "damaged";
    while (bytes[pos] === 0xff) pos++;
    if (pos >= bytes.length) return "damaged";
    const marker = bytes[pos] ?? 0;
    pos++;
    if (marker === EOI) {
      if (!sawScan) return "damaged";
      keep.push([segmentStart, pos]);
      return concatRanges(bytes, keep);
    }
    if (marker === 0x00 || marker === 0xd8) return "damaged";
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      // Standalone markers (TEM, RSTn) carry no length.
      keep.push([segmentStart, pos]);
      continue;
    }
    if (pos + 2 > bytes.length) return "damaged";
    const length = u16be(bytes, pos);
    if (length < 2 || pos + length > bytes.length) return "damaged";
    const end = pos + length;
    if (!dropSegment(marker, bytes, pos + 2)) keep.push([segmentStart, end]);
    pos = end;
    if (marker !== SOS) continue;
    sawScan = true;
    // Entropy-coded data: 0xFF is stuffed as FF 00, restart markers FF D0..D7 belong to the data; any other marker
    // ends it. 0xFF fill bytes before that marker stay with the data, which is harmless.
    const scanStart = pos;
    for (;;) {
      const ff = bytes.indexOf(0xff, pos);
      if (ff < 0 || ff + 1 >= bytes.length) return "damaged";
      const next = bytes[ff + 1] ?? 0;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) pos = ff + 2;
      else if (next === 0xff) pos = ff + 1;
      else {
        pos = ff;
        break;
      }
    }
    keep.push([scanStart, pos]);
  }
}
