// Dutch first, English second. The language is carried as `?lang=en` (never anything personal) and a hidden field.
import type { Label } from "@meldpunt/domain";

export type Lang = "nl" | "en";

export function langOf(value: unknown): Lang {
  return value === "en" ? "en" : "nl";
}

export function tr(lang: Lang, label: Label): string {
  return label[lang];
}

/** A path in the current language. */
export function href(lang: Lang, path: string): string {
  return lang === "en" ? `${path}${path.includes("?") ? "&" : "?"}lang=en` : path;
}

/**
 * `path` with a request's `query` (with or without its "?") in `lang`: every other parameter is kept as it came, only
 * `lang` is set or dropped. `/melden` with `?wens=advies` gives `/melden?wens=advies&lang=en` in English and back.
 */
export function hrefKeepingQuery(lang: Lang, path: string, query = ""): string {
  const params = new URLSearchParams(query);
  params.delete("lang");
  const rest = params.toString();
  return href(lang, rest ? `${path}?${rest}` : path);
}

// Made on first use: building an ICU formatter costs milliseconds that a cold start without dates should not pay.
const dateFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};

export function formatDate(lang: Lang, date: Date | string): string {
  dateFormats[lang] ??= new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeZone: "Europe/Amsterdam" });
  return dateFormats[lang].format(typeof date === "string" ? new Date(date) : date);
}

const sizeFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** A file size in kB or MB, as people read them in `lang`. */
export function formatBytes(lang: Lang, bytes: number): string {
  sizeFormats[lang] ??= new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 });
  const format = sizeFormats[lang];
  // In units of 1,024, as the reporter's own file manager counts (Windows does): the 10 MB limit is 10 × 1,024².
  return bytes >= 1024 * 1024 ? `${format.format(bytes / (1024 * 1024))} MB` : `${format.format(Math.max(1, Math.round(bytes / 1024)))} kB`;
}
