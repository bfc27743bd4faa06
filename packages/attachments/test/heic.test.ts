// HEIC: in a minimal ISO-BMFF file (heic-sample.ts) with an image item, an Exif item and an XMP (`mime`) item, the
// metadata items' bytes become zeros and nothing else changes.
import exifr from "exifr";
import { describe, expect, it } from "vitest";
import { createFileInspector, ftypBrands, isHeic, stripHeicMetadata } from "../src/index";
import { be, box, bytes, findAll } from "./build";
import { exifPayload, heic, imagePayload, type Options, xmpPayload } from "./heic-sample";

function expectStripped(built: ReturnType<typeof heic>, out: Uint8Array | "damaged") {
  expect(out).not.toBe("damaged");
  if (out === "damaged") return;
  const { file, exif, xmp } = built;
  expect(out.length).toBe(file.length);
  expect(out.subarray(exif, exif + exifPayload.length).every((b) => b === 0)).toBe(true);
  expect(out.subarray(xmp, xmp + xmpPayload.length).every((b) => b === 0)).toBe(true);
  // Every other byte is as it was.
  const expected = file.slice();
  expected.fill(0, exif, exif + exifPayload.length);
  expected.fill(0, xmp, xmp + xmpPayload.length);
  expect(out).toEqual(expected);
}

describe("HEIC recognition", () => {
  it("reads the ftyp brands and takes the HEIC ones, not AVIF or plain MP4", () => {
    expect(ftypBrands(heic().file)).toEqual(["heic", "mif1", "heic"]);
    expect(isHeic(heic({ brands: ["mif1", "heic"] }).file)).toBe(true);
    expect(isHeic(heic({ brands: ["msf1", "iso8"] }).file)).toBe(true);
    expect(isHeic(heic({ brands: ["avif", "mif1", "miaf"] }).file)).toBe(false);
    expect(isHeic(heic({ brands: ["mif1", "avif"] }).file)).toBe(false);
    expect(isHeic(heic({ brands: ["isom", "isom", "mp41"] }).file)).toBe(false);
    expect(createFileInspector().inspect(heic({ brands: ["avif", "mif1"] }).file)).toEqual({ ok: false, reason: "type-not-allowed" });
  });
});

describe("HEIC metadata stripping", () => {
  it("zeroes the Exif and XMP items and leaves every other byte as it was", async () => {
    const built = heic();
    expect((await exifr.gps(built.file))?.latitude).toBeCloseTo(52.6428, 4);
    const result = createFileInspector().inspect(built.file);
    expect(result.ok && result.type).toBe("heic");
    if (!result.ok) return;
    expectStripped(built, result.bytes);
    expect(findAll(result.bytes, [...new TextEncoder().encode("Jan Melder")])).toEqual([]);
    expect(await exifr.gps(result.bytes).catch(() => undefined)).toBeUndefined();
    // The image item is untouched.
    expect(result.bytes.subarray(built.image, built.image + imagePayload.length)).toEqual(imagePayload);
  });

  it.each([
    { ilocVersion: 0 },
    { ilocVersion: 2 },
    { infeVersion: 3 },
    { ilocVersion: 2, infeVersion: 3 },
    { baseOffset: true },
    { exifInIdat: true },
    { exifInIdat: true, baseOffset: true, ilocVersion: 2 },
  ] as Options[])("handles iloc/infe variant %o", (options) => {
    const built = heic(options);
    expectStripped(built, stripHeicMetadata(built.file));
  });

  it("leaves a HEIC without metadata items as it was", () => {
    const file = bytes(box("ftyp", ["heic", be(0, 4), "mif1"]), box("meta", [box("hdlr", [be(0, 4), "pict", be(0, 12), "\0"], 0)], 0), box("mdat", [imagePayload]));
    expect(stripHeicMetadata(file)).toEqual(file);
  });

  it("calls an extent outside the file, or a broken box structure, damaged", () => {
    expect(stripHeicMetadata(heic({ exifLengthExtra: 10_000 }).file)).toBe("damaged");
    expect(stripHeicMetadata(heic({ exifInIdat: true, exifLengthExtra: 1 }).file)).toBe("damaged");
    const { file } = heic();
    expect(stripHeicMetadata(file.subarray(0, file.length - 1))).toBe("damaged");
    const badSize = file.slice();
    badSize.set(be(3, 4), new DataView(file.buffer).getUint32(0)); // the meta box, after ftyp, claims 3 bytes
    expect(stripHeicMetadata(badSize)).toBe("damaged");
    expect(createFileInspector().inspect(file.subarray(0, 200))).toEqual({ ok: false, reason: "damaged" });
  });
});
