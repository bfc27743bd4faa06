// PNG: text, EXIF and time chunks go, the image chunks stay in order; broken chunk structure is damaged.
import { deflateSync } from "node:zlib";
import exifr from "exifr";
import piexif from "piexifjs";
import { describe, expect, it } from "vitest";
import { createFileInspector, stripPngMetadata } from "../src/index";
import { be, bytes, PNG_SIGNATURE, pngChunk } from "./build";

// A 2x2 RGB image: IHDR (width, height, bit depth 8, colour type 2), and one IDAT of filter byte + pixels per row.
const ihdr = pngChunk("IHDR", bytes(be(2, 4), be(2, 4), [8, 2, 0, 0, 0]));
const idat = pngChunk("IDAT", new Uint8Array(deflateSync(Uint8Array.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]))));
const iend = pngChunk("IEND");
const gama = pngChunk("gAMA", bytes(be(45455, 4)));
// EXIF as a PNG eXIf chunk holds it: the TIFF structure without the "Exif\0\0" prefix.
const tiff = Uint8Array.from(
  Buffer.from(
    piexif.dump({ "0th": { [piexif.ImageIFD.Make as number]: "Meldpunt Testcamera" }, GPS: { [piexif.GPSIFD.GPSLatitudeRef as number]: "N", [piexif.GPSIFD.GPSLatitude as number]: [[52, 1], [38, 1], [3408, 100]], [piexif.GPSIFD.GPSLongitudeRef as number]: "E", [piexif.GPSIFD.GPSLongitude as number]: [[5, 1], [3, 1], [3492, 100]] } }).slice(6),
    "latin1",
  ),
);
const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Jan Melder</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>';
const metadata = [
  pngChunk("tEXt", "Author\0Jan Melder"),
  pngChunk("zTXt", bytes("Comment\0", [0], new Uint8Array(deflateSync(Buffer.from("kamer 2.14"))))),
  pngChunk("iTXt", bytes("XML:com.adobe.xmp\0", [0, 0], "\0\0", xmp)),
  pngChunk("eXIf", tiff),
  pngChunk("tIME", bytes(be(2024, 2), [3, 14, 9, 26, 53])),
];
const png = bytes(PNG_SIGNATURE, ihdr, metadata[0] ?? [], gama, ...metadata.slice(1, 4), idat, metadata[4] ?? [], iend);

describe("PNG metadata stripping", () => {
  it("drops tEXt, zTXt, iTXt, eXIf and tIME and keeps IHDR, the other chunks, IDAT and IEND in order", async () => {
    expect((await exifr.gps(png))?.latitude).toBeCloseTo(52.6428, 4);
    const result = createFileInspector().inspect(png);
    expect(result).toEqual({ ok: true, type: "png", bytes: bytes(PNG_SIGNATURE, ihdr, gama, idat, iend) });
    if (!result.ok) return;
    expect(await exifr.gps(result.bytes)).toBeUndefined();
    expect(await exifr.parse(result.bytes, { tiff: true, xmp: true, ihdr: false })).toBeUndefined();
  });

  it("drops what follows IEND", () => {
    expect(stripPngMetadata(bytes(PNG_SIGNATURE, ihdr, idat, iend, "PK\x03\x04 appended"))).toEqual(bytes(PNG_SIGNATURE, ihdr, idat, iend));
  });

  it("calls a broken chunk structure damaged", () => {
    const good = bytes(PNG_SIGNATURE, ihdr, idat, iend);
    for (const cut of [PNG_SIGNATURE.length + 5, good.length - 12, good.length - 1]) expect(stripPngMetadata(good.subarray(0, cut))).toBe("damaged");
    // IDAT claiming more bytes than the file has; a chunk type that is not letters; no IHDR first.
    const longIdat = idat.slice();
    longIdat.set(be(0x7fff0000, 4), 0);
    expect(stripPngMetadata(bytes(PNG_SIGNATURE, ihdr, longIdat, iend))).toBe("damaged");
    expect(stripPngMetadata(bytes(PNG_SIGNATURE, ihdr, be(0, 4), "I\0AT", be(0, 4), iend))).toBe("damaged");
    expect(stripPngMetadata(bytes(PNG_SIGNATURE, idat, ihdr, iend))).toBe("damaged");
    expect(createFileInspector().inspect(good.subarray(0, good.length - 1))).toEqual({ ok: false, reason: "damaged" });
  });
});
