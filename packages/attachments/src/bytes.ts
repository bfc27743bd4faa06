// Bounds-aware readers shared by the parsers. Callers check lengths first; these never read past the array.

export function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (at < 0 || at + prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

export function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

/** The 4-character code at `at` (box and chunk types), or "" when it does not fit. */
export function fourCC(bytes: Uint8Array, at: number): string {
  if (at < 0 || at + 4 > bytes.length) return "";
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

export function u16be(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

export function u32be(bytes: Uint8Array, at: number): number {
  return (((bytes[at] ?? 0) << 24) >>> 0) + (((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0));
}

export function u16le(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

export function u32le(bytes: Uint8Array, at: number): number {
  return u16le(bytes, at) + u16le(bytes, at + 2) * 0x10000;
}

/** A 64-bit little-endian count as a number, or undefined beyond 2^53 (no file we accept is that large). */
export function u64le(bytes: Uint8Array, at: number): number | undefined {
  const high = u32le(bytes, at + 4);
  if (high > 0x1fffff) return undefined;
  return high * 0x1_0000_0000 + u32le(bytes, at);
}

/** A big-endian unsigned integer of 0, 4 or 8 bytes (ISO-BMFF field sizes), or undefined beyond 2^53. */
export function uintBE(bytes: Uint8Array, at: number, size: number): number | undefined {
  if (size === 0) return 0;
  if (size === 4) return u32be(bytes, at);
  if (size === 8) {
    const high = u32be(bytes, at);
    if (high > 0x1fffff) return undefined;
    return high * 0x1_0000_0000 + u32be(bytes, at + 4);
  }
  return undefined;
}

/** Joins the kept [start, end) ranges of `bytes` into one new array. */
export function concatRanges(bytes: Uint8Array, ranges: readonly (readonly [number, number])[]): Uint8Array {
  let total = 0;
  for (const [start, end] of ranges) total += end - start;
  const out = new Uint8Array(total);
  let at = 0;
  for (const [start, end] of ranges) {
    out.set(bytes.subarray(start, end), at);
    at += end - start;
  }
  return out;
}
