// Test helpers that build small files of each format byte by byte: a ZIP writer (stored entries), PNG chunks,
// JPEG segments and ISO-BMFF boxes. Kept simple and separate from the code under test so they do not share its bugs.

export function bytes(...parts: (Uint8Array | number[] | string)[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === "string" ? new TextEncoder().encode(p) : p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

export function be(value: number, size: number): number[] {
  const out: number[] = [];
  for (let i = size - 1; i >= 0; i--) out.push(Math.floor(value / 2 ** (8 * i)) & 0xff);
  return out;
}

export function le(value: number, size: number): number[] {
  return be(value, size).reverse();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP with stored (uncompressed) entries, as any unzip tool and Word read them. */
export function zip(entries: Record<string, string | Uint8Array>, comment = ""): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = bytes(content);
    const nameBytes = bytes(name);
    const common = [...le(20, 2), ...le(0, 2), ...le(0, 2), ...le(0, 2), ...le(0x21, 2), ...le(crc32(data), 4), ...le(data.length, 4), ...le(data.length, 4), ...le(nameBytes.length, 2), ...le(0, 2)];
    const header = bytes([0x50, 0x4b, 0x03, 0x04], common, nameBytes);
    local.push(header, data);
    central.push(bytes([0x50, 0x4b, 0x01, 0x02], le(20, 2), common, le(0, 2), le(0, 2), le(0, 2), le(0, 4), le(offset, 4), nameBytes));
    offset += header.length + data.length;
  }
  const directory = bytes(...central);
  const count = Object.keys(entries).length;
  const end = bytes([0x50, 0x4b, 0x05, 0x06], le(0, 2), le(0, 2), le(count, 2), le(count, 2), le(directory.length, 4), le(offset, 4), le(comment.length, 2), comment);
  return bytes(...local, directory, end);
}

/** The smallest package Word opens: content types, the package relationship to the main part, and the main part. */
export function minimalDocx(extra: Record<string, string> = {}): Uint8Array {
  return zip({
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/document.xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Melding</w:t></w:r></w:p></w:body></w:document>',
    ...extra,
  });
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngChunk(type: string, data: Uint8Array | number[] | string = []): Uint8Array {
  const body = bytes(type, data);
  return bytes(be(body.length - 4, 4), body, be(crc32(body), 4));
}

/** A JPEG marker segment with its length. */
export function segment(marker: number, payload: Uint8Array | string | number[]): Uint8Array {
  const data = bytes(payload);
  return bytes([0xff, marker], be(data.length + 2, 2), data);
}

/** An ISO-BMFF box; a full box when version is given. */
export function box(type: string, payload: (Uint8Array | number[] | string)[], version?: number, flags = 0): Uint8Array {
  const head = version === undefined ? [] : [version, ...be(flags, 3)];
  const body = bytes(head, ...payload);
  return bytes(be(body.length + 8, 4), type, body);
}

/** Offsets of every occurrence of `needle` in `haystack`. */
export function findAll(haystack: Uint8Array, needle: number[]): number[] {
  const out: number[] = [];
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    out.push(i);
  }
  return out;
}
