// Stands in for `bowser` in the Lambda bundles (bench/bundle.ts `alias`). The SDK imports it only to describe a
// browser's user agent (`typeof window !== "undefined"`), which never happens in Node; without it, 33 KiB less.
export function parse(): never {
  throw new Error("bowser is left out of the Lambda bundle: there is no browser user agent to parse");
}
