// Static assets: the report form's small proof-of-work script (pow.js), the receipt's copy and print (receipt.js), the
// file pickers' size check (files.js); hub.css, made of the theme tokens, the NL Design
// System component CSS the pages use and the hub's own layout; and staff.css with what only staff pages use (tables).
// Built once at start-up (local runner, tests); in the cloud the same files go to S3.
//
// The theme (@utrecht/design-tokens dist/theme.css, ~88 KB) declares ~1,240 tokens; the CSS below uses a few hundred.
// `buildStylesheet` keeps only the theme's declarations that the component CSS and hub.css reference with
// `var(--name…)`, directly or through another token, under the theme's own selector, without its comments. A token
// left out is one nothing can read, so the pages look the same (test/stylesheet.test.ts compares them in Chromium).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const COMPONENTS = [
  "alert",
  "body",
  "button",
  "checkbox",
  "code",
  "data-list",
  "document",
  "form-field",
  "form-field-description",
  "form-field-error-message",
  "form-fieldset",
  "form-label",
  "heading-1",
  "heading-2",
  "link",
  "ordered-list",
  "page",
  "paragraph",
  "radio-button",
  "select",
  "skip-link",
  "textarea",
  "textbox",
  "unordered-list",
];

/**
 * Button variants no page uses (the pages use primary-action and secondary-action only): their rules are left out,
 * about 18 KB, and with them the tokens only they read. Using one of these variants means taking it off this list.
 */
const UNUSED_BUTTON_VARIANTS = /\.utrecht-button--(?:subtle|warning|danger|ready)\b/;

/** Components only staff pages use: a stylesheet of their own, so the reporter's pages do not carry them. */
const STAFF_COMPONENTS = ["table"];

/** The one rule of the generated theme file; the pages put this class on <body>. */
const THEME_SELECTOR = ".utrecht-theme";

export interface Asset {
  contentType: string;
  body: string;
}

export async function buildAssets(): Promise<Map<string, Asset>> {
  // The report form's proof of work (docs/decisions.md 24), the receipt's copy and print buttons and the file
  // pickers' size check: plain JS, no build step, no third-party code.
  const script = (name: string) => readFile(join(dirname(fileURLToPath(import.meta.url)), name), "utf8");
  const javascript = "text/javascript; charset=utf-8";
  return new Map([
    ["hub.css", { contentType: "text/css; charset=utf-8", body: await buildStylesheet() }],
    ["staff.css", { contentType: "text/css; charset=utf-8", body: await buildStylesheet({ components: STAFF_COMPONENTS, hubLayout: false, layout: "staff.css" }) }],
    ["pow.js", { contentType: javascript, body: await script("pow.js") }],
    ["receipt.js", { contentType: javascript, body: await script("receipt.js") }],
    ["files.js", { contentType: javascript, body: await script("files.js") }],
  ]);
}

export interface StylesheetOptions {
  /**
   * Keep the whole theme, comments and all (the component CSS is the same as in the app's). Only for tests that
   * compare the trimmed stylesheet against the full theme; the app never sets it.
   */
  allTokens?: boolean;
  /** The NL Design System components to include; the reporter's and most staff pages' set by default. */
  components?: readonly string[];
  /** Include the hub's own layout (styles/hub.css); only the main stylesheet does. */
  hubLayout?: boolean;
  /** A layout file of its own under styles/ (staff.css: statistics' charts and tables, and their print). */
  layout?: string;
}

export async function buildStylesheet(options: StylesheetOptions = {}): Promise<string> {
  const components = options.components ?? COMPONENTS;
  const require = createRequire(import.meta.url);
  const packageFile = (name: string, file: string) => join(dirname(require.resolve(`${name}/package.json`)), file);
  const sources = [
    packageFile("@utrecht/design-tokens", "dist/theme.css"),
    // The packages' minified builds (their index.css is the same with whitespace and comments).
    ...components.map((component) => packageFile(`@utrecht/${component}-css`, "dist/index.min.css")),
    ...(options.hubLayout === false ? [] : [join(dirname(fileURLToPath(import.meta.url)), "styles/hub.css")]),
    ...(options.layout ? [join(dirname(fileURLToPath(import.meta.url)), "styles", options.layout)] : []),
  ];
  const [theme = "", ...rest] = await Promise.all(sources.map((file) => readFile(file, "utf8")));
  // The component CSS is the same in both modes: only the theme's tokens are trimmed, or not.
  const componentCss = rest.map((text, i) => (components[i] === "button" ? dropRules(stripComments(text), UNUSED_BUTTON_VARIANTS) : text));
  if (options.allTokens) return [theme, ...componentCss].join("\n");
  const css = componentCss.map(stripComments).join("\n");
  return `${trimTheme(theme, css).css}\n${css}`;
}

export interface TokenDeclaration {
  name: string;
  value: string;
}

export interface TrimmedTheme {
  /** `.utrecht-theme{--a:…;--b:…}`: the referenced declarations, in the theme's order. */
  css: string;
  kept: number;
  total: number;
}

/** The theme's declarations that `css` references with `var(--name…)`, directly or through other tokens. */
export function trimTheme(theme: string, css: string): TrimmedTheme {
  const declarations = parseTheme(theme);
  const values = new Map<string, string[]>();
  for (const { name, value } of declarations) values.set(name, [...(values.get(name) ?? []), value]);
  const used = new Set<string>();
  const pending = varReferences(css);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (used.has(name)) continue;
    used.add(name);
    for (const value of values.get(name) ?? []) pending.push(...varReferences(value));
  }
  const kept = declarations.filter(({ name }) => used.has(name));
  // Something this CSS reads must come from the theme; none at all means the names or the format changed.
  if (kept.length === 0) throw new Error(`design tokens: the CSS references none of the theme's ${declarations.length} tokens`);
  return { css: `${THEME_SELECTOR}{${kept.map(({ name, value }) => `${name}:${value}`).join(";")}}`, kept: kept.length, total: declarations.length };
}

const DECLARATION_LINE = /^ {2}(--[A-Za-z0-9_-]+): (.+?);+(?: \/\*[^*]*\*\/)?$/;

/**
 * The generated theme file: a comment, then `.utrecht-theme {`, one `  --name: value;` per line (some with a
 * trailing comment), and `}`. Anything else throws, naming the line, so a new format fails at start-up instead of
 * silently dropping tokens.
 */
export function parseTheme(theme: string): TokenDeclaration[] {
  const lines = theme.replace(/^\s*\/\*[\s\S]*?\*\/\s*/, "").trimEnd().split("\n");
  const fail = (line: number, why: string): never => {
    throw new Error(`design tokens: unexpected theme.css format (${why}) at rule line ${line + 1}: ${JSON.stringify(lines[line]?.slice(0, 120))}`);
  };
  if (lines[0] !== `${THEME_SELECTOR} {`) fail(0, `expected "${THEME_SELECTOR} {"`);
  if (lines.at(-1) !== "}") fail(lines.length - 1, 'expected "}" to end the one rule');
  const declarations: TokenDeclaration[] = [];
  for (let i = 1; i < lines.length - 1; i++) {
    const match = DECLARATION_LINE.exec(lines[i] ?? "");
    if (!match?.[1] || !match[2]) fail(i, "expected one `  --name: value;` per line");
    const [, name = "", value = ""] = match ?? [];
    if (/[{}]|\/\*/.test(value) || !oneValue(value)) fail(i, "a value with braces, a comment, a semicolon or unbalanced brackets/quotes");
    declarations.push({ name, value });
  }
  if (declarations.length === 0) fail(0, "no declarations");
  return declarations;
}

/** Every name in `var(--name`; throws on a `var(` whose argument is not a plain custom property name. */
export function varReferences(css: string): string[] {
  const names = [...css.matchAll(/var\(\s*(--[A-Za-z0-9_-]+)\s*[,)]/g)].map((match) => match[1] ?? "");
  const calls = css.match(/var\(/g)?.length ?? 0;
  if (names.length !== calls) throw new Error(`design tokens: ${calls - names.length} var( calls this build cannot read the name of`);
  return names;
}

/** Balanced brackets and quotes, and no semicolon outside quotes: one declaration's value. */
function oneValue(value: string): boolean {
  let depth = 0;
  let quote = "";
  for (const ch of value) {
    if (quote) quote = ch === quote ? "" : quote;
    else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ";") return false;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0 && quote === "";
}

/** Removes /* comments *\/ outside strings; a space stands in for one that separated two tokens. */
export function stripComments(css: string): string {
  let out = "";
  let i = 0;
  while (i < css.length) {
    const ch = css[i] ?? "";
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== ch && css[j] !== "\n") j += css[j] === "\\" ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      if (end < 0) throw new Error("stylesheet: unterminated comment");
      i = end + 2;
      if (out !== "" && !/\s$/.test(out) && i < css.length && !/\s/.test(css[i] ?? "")) out += " ";
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Leaves out every top-level rule all of whose selectors match `unused`; at-rules and other rules stay as they are. */
export function dropRules(css: string, unused: RegExp): string {
  const kept: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === "{") depth++;
    else if (css[i] === "}" && --depth === 0) {
      const rule = css.slice(start, i + 1);
      const selectors = rule.slice(0, rule.indexOf("{")).split(",");
      if (rule.trimStart().startsWith("@") || !selectors.every((selector) => unused.test(selector))) kept.push(rule);
      start = i + 1;
    }
  }
  if (depth !== 0) throw new Error("unbalanced braces in component CSS: its format changed");
  return kept.join("") + css.slice(start);
}
