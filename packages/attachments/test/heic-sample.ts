// Builds a minimal HEIC-structured ISO-BMFF file (a real .heic is hard to get offline): ftyp, a meta box with hdlr,
// pitm, iinf and iloc listing an image item, an Exif item and an XMP (`mime`) item, and an mdat with their bytes.
import piexif from "piexifjs";
import { be, box, bytes, findAll } from "./build";

export const exifPayload = bytes(
  be(6, 4), // exif_tiff_header_offset: skip "Exif\0\0"
  Uint8Array.from(
    Buffer.from(
      piexif.dump({
        "0th": { [piexif.ImageIFD.Make as number]: "Meldpunt Testcamera" },
        GPS: {
          [piexif.GPSIFD.GPSLatitudeRef as number]: "N",
          [piexif.GPSIFD.GPSLatitude as number]: [[52, 1], [38, 1], [3408, 100]],
          [piexif.GPSIFD.GPSLongitudeRef as number]: "E",
          [piexif.GPSIFD.GPSLongitude as number]: [[5, 1], [3, 1], [3492, 100]],
        },
      }),
      "latin1",
    ),
  ),
);
export const xmpPayload = bytes('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description dc:creator="Jan Melder"/></rdf:RDF></x:xmpmeta>');
// Stands in for HEVC-coded tiles: the test only needs bytes that must come through unchanged.
export const imagePayload = Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 0xff);

function infe(version: 2 | 3, id: number, type: string, extra = ""): Uint8Array {
  return box("infe", [be(id, version === 2 ? 2 : 4), be(0, 2), type, "\0", extra], version);
}

export type Options = {
  brands?: string[];
  ilocVersion?: 0 | 1 | 2;
  infeVersion?: 2 | 3;
  /** base_offset_size 8 with all offsets made relative to the mdat payload. */
  baseOffset?: boolean;
  /** Put the Exif item in the meta box's idat (construction method 1) instead of in mdat. */
  exifInIdat?: boolean;
  /** Added to the Exif extent's length, to point it past the data. */
  exifLengthExtra?: number;
};

/** Builds the file; returns it with where each payload ended up. */
export function heic(options: Options = {}): { file: Uint8Array; image: number; exif: number; xmp: number } {
  const { brands = ["heic", "mif1", "heic"], ilocVersion = 1, infeVersion = 2, baseOffset = false, exifInIdat = false, exifLengthExtra = 0 } = options;
  const ftyp = box("ftyp", [brands[0] ?? "", be(0, 4), ...brands.slice(1)]);
  const build = (mdatPayload: number) => {
    const idSize = ilocVersion === 2 ? 4 : 2;
    const base = baseOffset ? mdatPayload : 0;
    const item = (id: number, method: number, offset: number, length: number) =>
      bytes(be(id, idSize), ilocVersion === 0 ? [] : be(method, 2), be(0, 2), baseOffset ? be(base, 8) : [], be(1, 2), be(offset - base, 4), be(length, 4));
    const exifOffset = exifInIdat ? 0 : mdatPayload + imagePayload.length;
    const xmpOffset = mdatPayload + imagePayload.length + (exifInIdat ? 0 : exifPayload.length);
    const iloc = box(
      "iloc",
      [
        [0x44, baseOffset ? 0x80 : 0x00],
        be(3, ilocVersion === 2 ? 4 : 2),
        item(1, 0, mdatPayload, imagePayload.length),
        // In idat the offset is relative to the idat payload, so base_offset does not apply the same way: use none.
        exifInIdat ? bytes(be(2, idSize), be(1, 2), be(0, 2), baseOffset ? be(0, 8) : [], be(1, 2), be(0, 4), be(exifPayload.length + exifLengthExtra, 4)) : item(2, 0, exifOffset, exifPayload.length + exifLengthExtra),
        item(3, 0, xmpOffset, xmpPayload.length),
      ],
      ilocVersion,
    );
    const iinf = box("iinf", [be(3, 2), infe(infeVersion, 1, "hvc1"), infe(infeVersion, 2, "Exif"), infe(infeVersion, 3, "mime", "application/rdf+xml\0")], 0);
    const meta = box(
      "meta",
      [
        box("hdlr", [be(0, 4), "pict", be(0, 12), "\0"], 0),
        box("pitm", [be(1, 2)], 0),
        iinf,
        iloc,
        exifInIdat ? box("idat", [exifPayload]) : [],
      ],
      0,
    );
    const mdat = box("mdat", [imagePayload, exifInIdat ? [] : exifPayload, xmpPayload]);
    return bytes(ftyp, meta, mdat);
  };
  // Offsets depend only on sizes, which do not depend on the offsets: build once to measure, once for real.
  const draft = build(0);
  const mdatPayload = draft.length - imagePayload.length - (exifInIdat ? 0 : exifPayload.length) - xmpPayload.length;
  const file = build(mdatPayload);
  const exif = exifInIdat ? (findAll(file, [...new TextEncoder().encode("idat")])[0] ?? 0) + 4 : mdatPayload + imagePayload.length;
  return { file, image: mdatPayload, exif, xmp: mdatPayload + imagePayload.length + (exifInIdat ? 0 : exifPayload.length) };
}
