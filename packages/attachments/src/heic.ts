// HEIC (HEIF with HEVC) recognition and metadata removal, on the ISO base media file format (ISO/IEC 14496-12) box
// structure and the HEIF item model (ISO/IEC 23008-12): metadata is stored as items, found through `iinf` (what each
// item is) and `iloc` (where its bytes are).
//
// The metadata bytes are overwritten with zeros rather than removed. Removing them would shift every byte after them,
// and `iloc` locates every item, the image tiles included, by absolute file offset (and `stco`-style tables may too):
// all would have to be rewritten, with a real chance of breaking the image. Zeroing keeps every offset valid, and
// viewers treat an all-zero Exif or XMP item as absent. What remains is the item's size and its entry in `iinf`.
import { fourCC, u16be, u32be, uintBE } from "./bytes";

/** HEIF brands for HEVC images and sequences, and the generic image brands a HEIC may carry alone. */
const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]);
/** AVIF (AV1 in HEIF) is not on the list; it also lists mif1, so its own brands must rule it out. */
const AVIF_BRANDS = new Set(["avif", "avis"]);
/** Item types that hold metadata: EXIF, and `mime` items, which is how HEIF stores XMP. */
const METADATA_ITEM_TYPES = new Set(["Exif", "mime"]);

/** The brands of a leading `ftyp` box (major brand first), or undefined when the file does not start with one. */
export function ftypBrands(bytes: Uint8Array): string[] | undefined {
  if (fourCC(bytes, 4) !== "ftyp") return undefined;
  const size = u32be(bytes, 0);
  if (size < 16 || size > bytes.length) return undefined;
  const brands = [fourCC(bytes, 8)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(fourCC(bytes, at));
  return brands;
}

export function isHeic(bytes: Uint8Array): boolean {
  const brands = ftypBrands(bytes);
  if (!brands) return false;
  return brands.some((b) => HEIC_BRANDS.has(b)) && !brands.some((b) => AVIF_BRANDS.has(b));
}

type Box = { type: string; start: number; payload: number; end: number };

class Damaged extends Error {}

/** The boxes laid end to end in [start, end). Throws Damaged on a size that does not fit; caught below. */
function boxes(bytes: Uint8Array, start: number, end: number): Box[] {
  const out: Box[] = [];
  let pos = start;
  while (pos < end) {
    if (pos + 8 > end) throw new Damaged();
    let size = u32be(bytes, pos);
    const type = fourCC(bytes, pos + 4);
    let payload = pos + 8;
    if (size === 1) {
      // 64-bit largesize follows the type.
      if (pos + 16 > end) throw new Damaged();
      const large = uintBE(bytes, pos + 8, 8);
      if (large === undefined) throw new Damaged();
      size = large;
      payload = pos + 16;
    } else if (size === 0) {
      size = end - pos; // "to the end of the enclosing space"
    }
    if (size < payload - pos || size > end - pos) throw new Damaged();
    out.push({ type, start: pos, payload, end: pos + size });
    pos += size;
  }
  return out;
}

/** A forward reader over [at, end) that throws Damaged instead of reading past the end. */
class Cursor {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
    private readonly end: number,
  ) {}
  need(n: number): void {
    if (this.at + n > this.end) throw new Damaged();
  }
  skip(n: number): void {
    this.need(n);
    this.at += n;
  }
  /** An unsigned big-endian integer of 0, 1, 2, 4 or 8 bytes. */
  uint(size: number): number {
    this.need(size);
    let value: number | undefined;
    if (size === 1) value = this.bytes[this.at];
    else if (size === 2) value = u16be(this.bytes, this.at);
    else value = uintBE(this.bytes, this.at, size);
    if (value === undefined) throw new Damaged();
    this.at += size;
    return value;
  }
}

/** The ids of metadata items listed in an `iinf` box (infe versions 2 and 3; older entries have no item type). */
function metadataItemIds(bytes: Uint8Array, iinf: Box): Set<number> {
  const ids = new Set<number>();
  const c = new Cursor(bytes, iinf.payload, iinf.end);
  const version = c.uint(1);
  c.skip(3); // flags
  c.uint(version === 0 ? 2 : 4); // entry count: the entries are the boxes that follow
  for (const infe of boxes(bytes, c.at, iinf.end)) {
    if (infe.type !== "infe") continue;
    const e = new Cursor(bytes, infe.payload, infe.end);
    const v = e.uint(1);
    e.skip(3); // flags
    if (v < 2) continue;
    const id = e.uint(v === 2 ? 2 : 4);
    e.skip(2); // item_protection_index
    e.need(4);
    if (METADATA_ITEM_TYPES.has(fourCC(bytes, e.at))) ids.add(id);
  }
  return ids;
}

/** More extents than any real image has; stops a crafted `iloc` of zero-size fields from spinning. */
const MAX_EXTENTS = 100_000;

type Location = { constructionMethod: number; dataReferenceIndex: number; extents: { offset: number; length: number }[] };

/** Every item's location from an `iloc` box (versions 0, 1 and 2), extent offsets already including base_offset. */
function itemLocations(bytes: Uint8Array, iloc: Box): Map<number, Location> {
  const locations = new Map<number, Location>();
  const c = new Cursor(bytes, iloc.payload, iloc.end);
  const version = c.uint(1);
  c.skip(3); // flags
  if (version > 2) throw new Damaged();
  const sizes = c.uint(1);
  const offsetSize = sizes >> 4;
  const lengthSize = sizes & 15;
  const more = c.uint(1);
  const baseOffsetSize = more >> 4;
  const indexSize = version === 0 ? 0 : more & 15;
  for (const size of [offsetSize, lengthSize, baseOffsetSize, indexSize]) if (size !== 0 && size !== 4 && size !== 8) throw new Damaged();
  const itemCount = c.uint(version < 2 ? 2 : 4);
  let totalExtents = 0;
  for (let i = 0; i < itemCount; i++) {
    const id = c.uint(version < 2 ? 2 : 4);
    const constructionMethod = version === 0 ? 0 : c.uint(2) & 15;
    const dataReferenceIndex = c.uint(2);
    const baseOffset = c.uint(baseOffsetSize);
    const extentCount = c.uint(2);
    const extents: Location["extents"] = [];
    totalExtents += extentCount;
    if (totalExtents > MAX_EXTENTS) throw new Damaged();
    for (let k = 0; k < extentCount; k++) {
      c.skip(indexSize); // extent_index: only used by construction method 2
      const offset = baseOffset + c.uint(offsetSize);
      extents.push({ offset, length: c.uint(lengthSize) });
    }
    locations.set(id, { constructionMethod, dataReferenceIndex, extents });
  }
  return locations;
}

/** Zeroes the metadata items of one `meta` box in `out`. */
function zeroMetadataItems(bytes: Uint8Array, out: Uint8Array, meta: Box): void {
  // meta is a FullBox: 4 bytes of version and flags before its children.
  if (meta.payload + 4 > meta.end) throw new Damaged();
  const children = boxes(bytes, meta.payload + 4, meta.end);
  const ids = new Set<number>();
  for (const iinf of children.filter((b) => b.type === "iinf")) for (const id of metadataItemIds(bytes, iinf)) ids.add(id);
  if (ids.size === 0) return;
  const locations = new Map<number, Location>();
  for (const iloc of children.filter((b) => b.type === "iloc")) for (const [id, loc] of itemLocations(bytes, iloc)) locations.set(id, loc);
  const idat = children.find((b) => b.type === "idat");
  for (const id of ids) {
    const loc = locations.get(id);
    // No location, or data in another file (data_reference_index > 0): nothing of it is in these bytes.
    if (loc?.dataReferenceIndex !== 0) continue;
    let origin: number;
    let limit: number;
    if (loc.constructionMethod === 0) {
      origin = 0;
      limit = bytes.length;
    } else if (loc.constructionMethod === 1 && idat) {
      // Offsets into the meta box's own `idat` payload.
      origin = idat.payload;
      limit = idat.end;
    } else {
      // Built from other items (method 2), or an idat that is missing: we cannot find the bytes to clear, so refuse.
      throw new Damaged();
    }
    for (const { offset, length } of loc.extents) {
      const start = origin + offset;
      // A zero length means "to the end of the data".
      const end = length === 0 ? limit : start + length;
      if (start > limit || end > limit || end < start) throw new Damaged();
      out.fill(0, start, end);
    }
  }
}

/**
 * A copy of the HEIC with the bytes of every Exif and XMP (`mime`) item of its top-level `meta` box set to zero, or
 * "damaged" when the box structure, `iinf` or `iloc` does not hold together or an extent points outside the file.
 */
export function stripHeicMetadata(bytes: Uint8Array): Uint8Array | "damaged" {
  try {
    const out = bytes.slice();
    for (const box of boxes(bytes, 0, bytes.length)) if (box.type === "meta") zeroMetadataItems(bytes, out, box);
    return out;
  } catch (e) {
    if (e instanceof Damaged) return "damaged";
    throw e;
  }
}
