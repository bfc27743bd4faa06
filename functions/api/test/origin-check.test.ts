// The api's check that a request came through CloudFront (docs/decisions.md 43).
import { describe, expect, it } from "vitest";
import { ORIGIN_HEADER, originCheck } from "../src/origin-check";

describe("originCheck", () => {
  const key = "Qk5vTjJ0aGlzaXNhbm9yaWdpbmtleWZvcnRlc3RzMDAx";
  const fromCloudFront = originCheck(key);

  it("takes a request with the key in the origin header", () => {
    expect(fromCloudFront({ [ORIGIN_HEADER]: key, accept: "text/html" })).toBe(true);
  });

  it("refuses one without the header, with another value, a prefix of it, or the header more than once", () => {
    expect(fromCloudFront({ accept: "text/html" })).toBe(false);
    expect(fromCloudFront(undefined)).toBe(false);
    expect(fromCloudFront({ [ORIGIN_HEADER]: "" })).toBe(false);
    expect(fromCloudFront({ [ORIGIN_HEADER]: key.slice(0, -1) })).toBe(false);
    expect(fromCloudFront({ [ORIGIN_HEADER]: `${key}x` })).toBe(false);
    expect(fromCloudFront({ [ORIGIN_HEADER]: [key, key] })).toBe(false);
    expect(fromCloudFront({ [ORIGIN_HEADER.toUpperCase()]: key })).toBe(false);
  });

  it("takes every request where no key is set (tests, a local run of the bundle)", () => {
    expect(originCheck(undefined)({})).toBe(true);
    expect(originCheck("")({})).toBe(true);
  });
});
