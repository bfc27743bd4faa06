// JPEG: a real photo-like file with GPS EXIF, XMP and a comment loses all of it and keeps its image data; the
// keep/drop rules per segment; damaged structures.
import { readFileSync } from "node:fs";
import exifr from "exifr";
import { describe, expect, it } from "vitest";
import { createFileInspector, stripJpegMetadata } from "../src/index";
import { bytes, findAll, segment } from "./build";

const fixture = new Uint8Array(readFileSync(new URL("./fixtures/gps.jpg", import.meta.url)));
const inspector = createFileInspector();

/** The markers of a JPEG's header, up to and including SOS, by walking segment lengths. */
function headerMarkers(jpeg: Uint8Array): number[] {
  const markers: number[] = [];
  let pos = 2;
  for (;;) {
    const marker = jpeg[pos + 1] ?? 0;
    markers.push(marker);
    if (marker === 0xda) return markers;
    pos += 2 + (((jpeg[pos + 2] ?? 0) << 8) | (jpeg[pos + 3] ?? 0));
  }
}

/** From the SOS marker to the end. */
function scanToEnd(jpeg: Uint8Array): Uint8Array {
  let pos = 2;
  while (jpeg[pos + 1] !== 0xda) pos += 2 + (((jpeg[pos + 2] ?? 0) << 8) | (jpeg[pos + 3] ?? 0));
  return jpeg.subarray(pos);
}

const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
/** A header with a quantisation table, frame and scan header, and a few bytes of scan data with stuffing and a restart. */
const tables = bytes(segment(0xdb, [0, ...new Array(64).fill(1)]), segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]));
const scan = bytes(segment(0xda, [1, 1, 0, 0, 63, 0]), [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]);

describe("JPEG metadata stripping", () => {
  it("removes GPS EXIF, XMP and the comment from a real JPEG and leaves the image data byte for byte", async () => {
    // Before: the fixture carries everything a phone photo would.
    const gps = await exifr.gps(fixture);
    expect(gps?.latitude).toBeCloseTo(52.6428, 4);
    expect(gps?.longitude).toBeCloseTo(5.0597, 4);
    const before = await exifr.parse(fixture, { tiff: true, xmp: true, iptc: true, icc: false, jfif: false });
    expect(before?.Make).toBe("Meldpunt Testcamera");
    expect(before?.creator).toBe("Jan Melder");
    expect(headerMarkers(fixture)).toContain(0xe1);
    expect(headerMarkers(fixture)).toContain(0xfe);

    const result = inspector.inspect(fixture);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.type).toBe("jpeg");
    const out = result.bytes;

    expect(await exifr.gps(out)).toBeUndefined();
    expect(await exifr.parse(out, { tiff: true, xmp: true, iptc: true, icc: false, jfif: false })).toBeUndefined();
    const markers = headerMarkers(out);
    expect(markers).not.toContain(0xe1);
    expect(markers).not.toContain(0xfe);
    // JFIF and the ICC profile Chromium wrote stay, as do the tables and frame header.
    expect(markers).toContain(0xe0);
    expect(markers).toContain(0xe2);
    expect(markers.filter((m) => m < 0xe0 || m > 0xef)).toEqual(headerMarkers(fixture).filter((m) => m < 0xe0 || (m > 0xef && m !== 0xfe)));
    for (const text of ["Exif", "http://ns.adobe.com/xap", "Jan Melder", "Meldpunt Testcamera"]) {
      expect(findAll(out, [...new TextEncoder().encode(text)])).toEqual([]);
    }
    expect(Buffer.from(scanToEnd(out)).equals(Buffer.from(scanToEnd(fixture)))).toBe(true);
    expect(out.subarray(-2)).toEqual(Uint8Array.from(EOI));
  });

  it("keeps APP0, APP2 ICC and APP14 and drops APP1, APP2 MPF, APP3..APP13, APP15 and COM", () => {
    const keep = [segment(0xe0, "JFIF\0\x01\x02\0\0\x01\0\x01\0\0"), segment(0xe2, "ICC_PROFILE\0\x01\x01icc"), segment(0xee, "Adobe\0\x64\0\0\0\0\x02")];
    const drop = [
      segment(0xe1, "Exif\0\0MM"),
      segment(0xe2, "MPF\0MM\0*"),
      ...Array.from({ length: 11 }, (_, i) => segment(0xe3 + i, `app${3 + i}`)),
      segment(0xef, "app15"),
      segment(0xfe, "comment"),
    ];
    const file = bytes(SOI, keep[0] ?? [], drop[0] ?? [], keep[1] ?? [], ...drop.slice(1), keep[2] ?? [], tables, scan, EOI);
    const out = stripJpegMetadata(file);
    expect(out).toEqual(bytes(SOI, ...keep, tables, scan, EOI));
  });

  it("drops metadata between scans, keeps tables there, and drops whatever follows EOI", () => {
    const secondScan = bytes(segment(0xc4, [0, ...new Array(16).fill(0)]), segment(0xfe, "between"), scan);
    const trailer = bytes(SOI, segment(0xe1, "Exif\0\0second image"), EOI);
    const out = stripJpegMetadata(bytes(SOI, tables, scan, secondScan, EOI, trailer));
    expect(out).toEqual(bytes(SOI, tables, scan, segment(0xc4, [0, ...new Array(16).fill(0)]), scan, EOI));
  });

  it("accepts fill bytes before a marker", () => {
    const file = bytes(SOI, [0xff, 0xff], segment(0xfe, "x"), [0xff], tables, scan, EOI);
    expect(stripJpegMetadata(file)).toEqual(bytes(SOI, [0xff], tables, scan, EOI));
  });

  it("calls a broken structure damaged", () => {
    const full = bytes(SOI, segment(0xe1, "Exif\0\0"), tables, scan, EOI);
    // Cut inside a segment, inside the scan data, and just before EOI.
    for (const cut of [3, 10, full.length - 5, full.length - 1]) expect(stripJpegMetadata(full.subarray(0, cut))).toBe("damaged");
    // A segment length running past the end, a length below 2, a non-marker where a marker must be, EOI before a scan.
    expect(stripJpegMetadata(bytes(SOI, [0xff, 0xe1, 0x40, 0x00, 1, 2, 3]))).toBe("damaged");
    expect(stripJpegMetadata(bytes(SOI, [0xff, 0xe1, 0x00, 0x01], tables, scan, EOI))).toBe("damaged");
    expect(stripJpegMetadata(bytes(SOI, [0x00], tables, scan, EOI))).toBe("damaged");
    expect(stripJpegMetadata(bytes(SOI, tables, EOI))).toBe("damaged");
    expect(inspector.inspect(fixture.subarray(0, fixture.length - 200))).toEqual({ ok: false, reason: "damaged" });
    expect(inspector.inspect(fixture.subarray(0, 400))).toEqual({ ok: false, reason: "damaged" });
  });
});
