// The stylesheet keeps only the design tokens its CSS reads (web/src/assets.ts): nothing it reads may go missing, the
// theme's format is checked at start-up, and in Chromium /melden looks the same as with the whole theme.
import { buildAssets, buildStylesheet, dropRules, parseTheme, trimTheme, varReferences } from "@meldpunt/web/assets";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/browser";
import { testHub } from "./support/local";

/** Custom properties declared anywhere in `css` (`--name:` at the start of a declaration). */
function declared(css: string): Set<string> {
  return new Set([...css.matchAll(/(?<=[{;\s])(--[A-Za-z0-9_-]+)\s*:/g)].map((m) => m[1] ?? ""));
}

/** Names read with `var(--name)` and no fallback that `css` does not declare: they make their property unset. */
function unsetReads(css: string): string[] {
  const names = declared(css);
  const unset = new Set<string>();
  for (const m of css.matchAll(/var\(\s*(--[A-Za-z0-9_-]+)\s*\)/g)) if (!names.has(m[1] ?? "")) unset.add(m[1] ?? "");
  return [...unset].sort();
}

describe("the trimmed stylesheet", () => {
  let trimmed: string;
  let full: string;
  beforeAll(async () => {
    trimmed = (await buildAssets()).get("hub.css")?.body ?? "";
    full = await buildStylesheet({ allTokens: true });
  });

  it("declares every token it reads that the full theme declares", () => {
    const mine = declared(trimmed);
    const theirs = declared(full);
    // With or without a fallback: a dropped token would switch a var() to its fallback or make it unset.
    const missing = [...new Set(varReferences(trimmed))].filter((name) => theirs.has(name) && !mine.has(name));
    expect(missing).toEqual([]);
  });

  it("reads every var(--x) from a declaration or with a fallback, except where the full stylesheet does not either", () => {
    // The components read some optional tokens (button hints, for one) that no theme declares and that have no
    // fallback: a theme may set them. They are the same names with the full theme; trimming adds none.
    expect(unsetReads(trimmed)).toEqual(unsetReads(full));
    for (const name of unsetReads(trimmed)) expect(name).toMatch(/^--utrecht-/);
  });

  it("keeps the theme's selector, one rule of declarations, no comments, and is smaller", () => {
    const themeRule = trimmed.slice(0, trimmed.indexOf("}") + 1);
    expect(themeRule).toMatch(/^\.utrecht-theme\{(--[A-Za-z0-9_-]+:[^;{}]+;)*--[A-Za-z0-9_-]+:[^;{}]+\}$/);
    expect(trimmed).not.toContain("/*");
    expect(full).toContain("Do not edit directly");
    const kib = (css: string) => Buffer.byteLength(css) / 1024;
    expect(kib(trimmed)).toBeLessThan(kib(full) - 50);
  });

  it("builds in well under 200 ms", async () => {
    await buildAssets();
    const start = performance.now();
    await buildAssets();
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe("trimming the theme", () => {
  const theme = [
    "/**",
    " * Do not edit directly, this file was auto-generated.",
    " */",
    "",
    ".utrecht-theme {",
    "  --a: var(--b); /* through b */",
    "  --b: var(--c, 1px);",
    "  --c: 2px;;",
    '  --d: "Noto Sans", sans-serif;',
    "  --e: red;",
    "}",
    "",
  ].join("\n");

  it("keeps what is read, transitively, and drops the rest and the comments", () => {
    const result = trimTheme(theme, ".x{margin:var(--a);font-family:var( --d )}");
    expect(result).toEqual({ css: '.utrecht-theme{--a:var(--b);--b:var(--c, 1px);--c:2px;--d:"Noto Sans", sans-serif}', kept: 4, total: 5 });
  });

  it("fails loudly when the generated format changes", () => {
    const broken = {
      "two declarations on a line": theme.replace("  --e: red;", "  --e: red; --f: blue;"),
      "another selector": theme.replace(".utrecht-theme {", ":root {"),
      "a second rule": `${theme}.utrecht-theme--dark {\n  --e: black;\n}\n`,
      "a nested block": theme.replace("  --e: red;", "  @media print {"),
      "unbalanced brackets": theme.replace("  --e: red;", "  --e: rgb(0 0 0;"),
      "a comment in the value": theme.replace("  --e: red;", "  --e: /* x */ red;"),
      "no declarations": ".utrecht-theme {\n}\n",
    };
    for (const [why, text] of Object.entries(broken)) expect(() => parseTheme(text), why).toThrow(/unexpected theme\.css format/);
    expect(() => trimTheme(theme, ".x{color:var(--nothing-here)}")).toThrow(/references none/);
    expect(() => varReferences(".x{color:var(  )}")).toThrow(/cannot read the name/);
  });
});

describe("in Chromium, /melden with the trimmed and the full stylesheet", () => {
  let hub: Awaited<ReturnType<typeof testHub>>;
  let browser: Browser;
  let trimmedPage: Page;
  let fullPage: Page;
  let noThemePage: Page;

  beforeAll(async () => {
    const full = await buildStylesheet({ allTokens: true });
    const trimmed = (await buildAssets()).get("hub.css")?.body ?? "";
    hub = await testHub();
    browser = await launchChromium();
    trimmedPage = await browser.newPage();
    fullPage = await browser.newPage();
    noThemePage = await browser.newPage();
    // The same hub and page; only the stylesheet differs: the whole theme as before trimming, or no theme at all
    // (to show that these comparisons do notice tokens that are missing).
    const serve = (page: Page, body: string) =>
      page.route(`${hub.url}/assets/hub.css`, (route) => route.fulfill({ status: 200, contentType: "text/css; charset=utf-8", body }));
    await serve(fullPage, full);
    await serve(noThemePage, trimmed.slice(trimmed.indexOf("}") + 1));
    for (const page of [trimmedPage, fullPage, noThemePage]) await page.goto(`${hub.url}/melden`);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  const both = <T>(f: (page: Page) => Promise<T>) => Promise.all([f(trimmedPage), f(fullPage)]);

  async function style(page: Page, selector: string, property: string): Promise<string> {
    return page.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
  }

  /** Computed styles (custom properties left out: the trimmed sheet has fewer, by design) of every element, or of
   * the focused one. */
  async function styles(page: Page, which: "all" | "focused" = "all"): Promise<string[]> {
    return page.evaluate((which) => {
      const names = Array.from(getComputedStyle(document.body)).filter((p) => !p.startsWith("--"));
      const elements = which === "all" ? Array.from(document.querySelectorAll("*")) : [document.activeElement ?? document.body];
      return elements.map((el) => {
        const css = getComputedStyle(el);
        return `${el.tagName.toLowerCase()}#${el.id}.${el.className} { ${names.map((p) => `${p}: ${css.getPropertyValue(p)}`).join("; ")} }`;
      });
    }, which);
  }

  async function expectSame(state: string, which: "all" | "focused" = "all") {
    const [trimmed, full] = await both((page) => styles(page, which));
    expect(trimmed.length, state).toBe(full.length);
    if (which === "all") expect(trimmed.length, state).toBeGreaterThan(20);
    const differences = trimmed.filter((s, i) => s !== full[i]);
    expect({ state, differences }).toEqual({ state, differences: [] });
  }

  it("gives the button, body, heading and label the same styles", async () => {
    const checks: [string, string][] = [
      ["main button[type=submit]", "background-color"],
      ["body", "font-family"],
      ["h1", "font-size"],
      ["h1", "line-height"],
      [".utrecht-form-label", "color"],
      [".utrecht-form-label", "font-weight"],
    ];
    for (const [selector, property] of checks) {
      const [trimmed, full] = await both((page) => style(page, selector, property));
      expect({ selector, property, trimmed }).toEqual({ selector, property, trimmed: full });
    }
  });

  it("would notice missing tokens: without the theme the same properties change", async () => {
    for (const [selector, property] of [
      ["main button[type=submit]", "background-color"],
      ["body", "font-family"],
      ["h1", "line-height"],
      [".utrecht-form-label", "font-weight"],
    ] as const) {
      expect(await style(noThemePage, selector, property), `${selector} ${property}`).not.toBe(await style(trimmedPage, selector, property));
    }
    const [trimmed, bare] = [await styles(trimmedPage), await styles(noThemePage)];
    expect(trimmed.filter((s, i) => s !== bare[i]).length).toBeGreaterThan(20);
  });

  it("gives every element the same computed style, at rest, hovered, focused and with errors", async () => {
    await expectSame("at rest");
    await both((page) => page.hover("main button[type=submit]"));
    await expectSame("button hovered");
    // Keyboard focus, so :focus-visible applies as it does for a keyboard user: skip link, links, select, radios,
    // textarea, button.
    for (let tab = 1; tab <= 9; tab++) {
      await both((page) => page.keyboard.press("Tab"));
      await expectSame(`focus after ${tab} tabs`, "focused");
    }
    await both(async (page) => {
      await page.click("main button[type=submit]");
      await page.waitForSelector("[role=alert]");
    });
    await expectSame("errors shown");
  });
});

describe("what the reporter's pages do not carry", () => {
  it("leaves out the button variants no page uses, and nothing else of the button", async () => {
    const css = await buildStylesheet();
    for (const variant of ["subtle", "warning", "danger", "ready"]) expect(css).not.toContain(`.utrecht-button--${variant}`);
    for (const used of [".utrecht-button{", ".utrecht-button--primary-action", ".utrecht-button--secondary-action", ".utrecht-button:focus-visible"]) {
      expect(css).toContain(used);
    }
  });

  it("drops only rules all of whose selectors are unused, and keeps at-rules", () => {
    const css = ".a{x:1}.b,.a--no{y:2}.a--no,.a--no-too{z:3}@media print{.a--no{w:4}}";
    expect(dropRules(css, /\.a--no/)).toBe(".a{x:1}.b,.a--no{y:2}@media print{.a--no{w:4}}");
    expect(() => dropRules(".a{", /x/)).toThrow();
  });

  it("puts tables in a stylesheet of their own, linked by the staff pages that show one", async () => {
    const assets = await buildAssets();
    expect(assets.get("hub.css")?.body).not.toContain(".utrecht-table");
    const staff = assets.get("staff.css")?.body ?? "";
    expect(staff).toContain(".utrecht-table");
    // Its tokens come along: everything it reads that the theme declares, it declares.
    const full = await buildStylesheet({ allTokens: true, components: ["table"], hubLayout: false });
    const reads = [...staff.matchAll(/var\(\s*(--[A-Za-z0-9_-]+)/g)].map((m) => m[1] ?? "");
    const missing = reads.filter((name) => declared(full).has(name) && !declared(staff).has(name));
    expect(missing).toEqual([]);
  });
});
