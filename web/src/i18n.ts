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

const dateFormats = {
  nl: new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/Amsterdam" }),
};

export function formatDate(lang: Lang, date: Date | string): string {
  return dateFormats[lang].format(typeof date === "string" ? new Date(date) : date);
}
