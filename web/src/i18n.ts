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

// Made on first use: building an ICU formatter costs milliseconds that a cold start without dates should not pay.
const dateFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};

export function formatDate(lang: Lang, date: Date | string): string {
  dateFormats[lang] ??= new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeZone: "Europe/Amsterdam" });
  return dateFormats[lang].format(typeof date === "string" ? new Date(date) : date);
}
