// `?terug=` may only lead back into the hub: every form a browser could read as another origin falls back.
import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "../src";

describe("safeReturnPath", () => {
  it.each([
    ["/medewerker", "/medewerker"],
    ["/medewerker?lang=en", "/medewerker?lang=en"],
    ["/medewerker/a/../b", "/medewerker/b"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("keeps the local path %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    undefined,
    "",
    "//evil.example",
    "//evil.example/medewerker",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    " /medewerker",
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/..//evil.example",
    "/.%2e//evil.example",
    "/inloggen",
    "/inloggen/terug?code=x",
    `/${"a".repeat(600)}`,
  ])("falls back for %j", (input) => {
    expect(safeReturnPath(input)).toBe(DEFAULT_RETURN_PATH);
  });
});
