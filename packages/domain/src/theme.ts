// A member's own colour on its pages (NL Design System tokens). A colour is taken only if text in it on white, and
// white text on it, stay readable: WCAG 2.1 AA asks a contrast of at least 4.5:1 (success criterion 1.4.3).
export const MIN_CONTRAST = 4.5;

/** Relative luminance of a `#rrggbb` colour (WCAG 2.1 definition). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export const isReadableOnWhite = (hex: string) => contrastRatio(hex, "#ffffff") >= MIN_CONTRAST;

/**
 * The stylesheet of a member's theme, linked after the hub's: its colour for links, the primary button and the
 * header line. The colour comes from the member's validated configuration (`#rrggbb`, readable on white) only.
 */
export function themeStylesheet(primaryColor: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(primaryColor)) throw new Error("not a #rrggbb colour");
  const c = primaryColor.toLowerCase();
  return [
    ".utrecht-theme{",
    `--utrecht-link-color:${c};`,
    `--utrecht-link-hover-color:${c};`,
    `--utrecht-button-primary-action-background-color:${c};`,
    `--utrecht-button-primary-action-border-color:${c};`,
    `--utrecht-button-primary-action-hover-background-color:color-mix(in srgb,${c} 80%,#000);`,
    `--utrecht-button-primary-action-hover-border-color:color-mix(in srgb,${c} 80%,#000);`,
    "}",
    `.hub-header{border-block-end-color:${c}}`,
  ].join("");
}
