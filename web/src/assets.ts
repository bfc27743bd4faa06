// Static assets: one stylesheet made of the theme tokens, the NL Design System component CSS the pages use, and
// the hub's own layout. Built once at start-up (local runner, tests); in the cloud the same files go to S3.
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
  "table",
  "textarea",
  "textbox",
  "unordered-list",
];

export interface Asset {
  contentType: string;
  body: string;
}

export async function buildAssets(): Promise<Map<string, Asset>> {
  const require = createRequire(import.meta.url);
  const packageFile = (name: string, file: string) => join(dirname(require.resolve(`${name}/package.json`)), file);
  const sources = [
    packageFile("@utrecht/design-tokens", "dist/theme.css"),
    ...COMPONENTS.map((component) => packageFile(`@utrecht/${component}-css`, "dist/index.min.css")),
    join(dirname(fileURLToPath(import.meta.url)), "styles/hub.css"),
  ];
  const parts = await Promise.all(sources.map((file) => readFile(file, "utf8")));
  return new Map([["hub.css", { contentType: "text/css; charset=utf-8", body: parts.join("\n") }]]);
}
