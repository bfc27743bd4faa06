// Demo logos for the members with a house colour: a small flag in that colour (band, white, band), made here as a PNG
// so the demo needs no image files. A real member uploads its own on its settings page (docs/decisions.md 28).
import { crc32, deflateSync } from "node:zlib";

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A 72 × 48 RGB PNG: three horizontal bands, `#rrggbb`, white, `#rrggbb`, with a one-pixel border in the colour. */
export function demoLogo(hex: string): Uint8Array {
  const [width, height] = [72, 48];
  const colour = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < width; x++) {
      const edge = x === 0 || y === 0 || x === width - 1 || y === height - 1;
      const band = y < height / 3 || y >= (2 * height) / 3;
      rows.push(...(edge || band ? colour : [255, 255, 255]));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter method variants, no interlace
  return Buffer.concat([SIGNATURE, chunk("IHDR", header), chunk("IDAT", deflateSync(Uint8Array.from(rows))), chunk("IEND", new Uint8Array())]);
}
