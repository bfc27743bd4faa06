// Property tests: the inspector never throws, whatever the bytes; what it accepts, it accepts again unchanged.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyZip, createFileInspector, decodePlainText, isEmail, sniffType, stripHeicMetadata, stripJpegMetadata, stripPngMetadata } from "../src/index";
import { be, bytes, minimalDocx, PNG_SIGNATURE, pngChunk } from "./build";
import { heic } from "./heic-sample";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const png = bytes(PNG_SIGNATURE, pngChunk("IHDR", bytes(be(1, 4), be(1, 4), [8, 0, 0, 0, 0])), pngChunk("tEXt", "Author\0Jan"), pngChunk("IDAT", [0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1]), pngChunk("IEND"));
const samples = {
  jpeg: fixture("gps.jpg"),
  pdf: fixture("minimal.pdf"),
  eml: fixture("sample.eml"),
  png,
  heic: heic().file,
  heicIdat: heic({ exifInIdat: true, ilocVersion: 2, infeVersion: 3 }).file,
  docx: minimalDocx(),
};

/** A sample with some bytes overwritten, a slice cut out, or bytes inserted; or cut short. */
const mutated = fc
  .record({
    sample: fc.constantFrom(...Object.values(samples)),
    writes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    cut: fc.option(fc.tuple(fc.nat(), fc.nat({ max: 64 }))),
    insert: fc.option(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 }))),
    truncate: fc.option(fc.nat()),
  })
  .map(({ sample, writes, cut, insert, truncate }) => {
    let out: Uint8Array = sample.slice();
    for (const [at, value] of writes) out[at % out.length] = value;
    if (cut) {
      const at = cut[0] % out.length;
      out = bytes(out.subarray(0, at), out.subarray(at + cut[1]));
    }
    if (insert && out.length > 0) {
      const at = insert[0] % out.length;
      out = bytes(out.subarray(0, at), insert[1], out.subarray(at));
    }
    if (truncate !== null && out.length > 0) out = out.subarray(0, truncate % out.length);
    return out;
  });

/** Random bytes, some of them starting with a signature so the parsers behind it get exercised too. */
const random = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.tuple(fc.constantFrom([0xff, 0xd8, 0xff], PNG_SIGNATURE, [0x50, 0x4b, 0x03, 0x04], [0, 0, 0, 16, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0]), fc.uint8Array({ maxLength: 256 })).map(([head, tail]) => bytes(head, tail)),
);

const inspector = createFileInspector({ maxBytes: 64 * 1024 });

function neverThrows(input: Uint8Array): void {
  // The parts on their own, without the inspector's last-resort catch.
  sniffType(input);
  stripJpegMetadata(input);
  stripPngMetadata(input);
  stripHeicMetadata(input);
  classifyZip(input);
  const text = decodePlainText(input);
  if (text !== undefined) isEmail(text);
  const result = inspector.inspect(input);
  expect(typeof result.ok).toBe("boolean");
}

describe("inspector properties", () => {
  it("the samples are accepted as their own type", () => {
    for (const [name, sample] of Object.entries(samples)) expect(inspector.inspect(sample)).toMatchObject({ ok: true, type: name.replace("Idat", "") });
  });

  it("never throws on random bytes", () => {
    fc.assert(fc.property(random, neverThrows), { numRuns: 2000 });
  });

  it("never throws on mutations of the samples", () => {
    fc.assert(fc.property(mutated, neverThrows), { numRuns: 3000 });
  });

  it("what it accepts, it accepts again as the same type with the same bytes (stripping is idempotent)", () => {
    fc.assert(
      fc.property(fc.oneof(mutated, random), (input) => {
        const first = inspector.inspect(input);
        if (!first.ok) return;
        expect(inspector.inspect(first.bytes)).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });
});
