// Texts of the board's dashboard and a member's report (docs/decisions.md 37), and how their numbers are written.
import type { Label } from "@meldpunt/domain";
import type { StatColumn } from "@meldpunt/domain/staff";
import type { Lang } from "./i18n";

export const B = {
  staffLink: { nl: "Regionale cijfers: het dashboard van het bestuur", en: "Regional figures: the board's dashboard" },
  title: { nl: "Regionale cijfers", en: "Regional figures" },
  intro: {
    nl: "Cijfers over de meldingen en adviescontacten van alle aangesloten organisaties, per halfjaar. Nooit een losse melding: kleine aantallen zijn beschermd, zodat niemand herkenbaar is.",
    en: "Figures on the reports and advice contacts of every member organisation, per half-year. Never a single report: small numbers are protected, so that no one can be recognised.",
  },
  periodLabel: { nl: "Halfjaar", en: "Half-year" },
  show: { nl: "Toon", en: "Show" },
  asOf: { nl: "Geteld op {date}. Een periode die nog loopt of net voorbij is, kan nog veranderen.", en: "Counted on {date}. A period that is still running or just ended may still change." },
  protectionTitle: { nl: "Zo leest u de tabellen", en: "How to read the tables" },
  protectionSmall: { nl: "<5: een aantal van 1 tot en met 4.", en: "<5: a number from 1 to 4." },
  protectionBand: {
    nl: "5–9: een organisatie met 5 tot en met 9 in deze periode; van zo'n organisatie staat alleen dit totaal er.",
    en: "5–9: an organisation with 5 to 9 in this period; of such an organisation only this total is shown.",
  },
  protectionDash: {
    nl: "—: niet getoond, zodat een klein aantal niet uit de andere cijfers is terug te rekenen (of er is geen cijfer, zoals een percentage van minder dan 20 meldingen).",
    en: "—: not shown, so that a small number cannot be worked back from the other figures (or there is no figure, such as a percentage of fewer than 20 reports).",
  },
  protectionTracks: {
    nl: "Per organisatie tellen alleen ambtelijke meldingen mee. Meldingen over bestuurders en klokkenluidersmeldingen (Wbk) en de maatregelen staan alleen in de regionale jaartotalen.",
    en: "Per organisation only reports about staff count. Reports about officials, whistleblower reports (Wbk) and measures are only in the regional annual totals.",
  },
  halfYearsOnly: {
    nl: "Het dashboard toont halfjaren en geen jaren: een jaar naast zijn halfjaren zou elk beschermd getal van het andere halfjaar prijsgeven (jaar min halfjaar).",
    en: "The dashboard shows half-years, not years: a year beside its half-years would give away every protected number of the other half (year minus half-year).",
  },
  printHint: {
    nl: "Afdrukken: gebruik de afdrukknop van uw browser. De afdruk laat de keuzes en downloadlinks weg.",
    en: "Printing: use your browser's print button. The printout leaves out the choices and download links.",
  },
  trendTitle: { nl: "Trend over vier halfjaren (regio)", en: "Trend over four half-years (region)" },
  trendDescription: {
    nl: "Per halfjaar de cijfers van de regio als geheel, zoals het dashboard van dat halfjaar ze toont: meldingen en adviescontacten (aantal en per 1.000 fte) en de Wbk-termijnen.",
    en: "Per half-year the figures of the region as a whole, as that half-year's dashboard shows them: reports and advice contacts (number and per 1,000 fte) and the Wbk deadlines.",
  },
  periodHeader: { nl: "Periode", en: "Period" },
  organisationHeader: { nl: "Organisatie", en: "Organisation" },
  membersTitle: { nl: "Organisaties naast elkaar", en: "Organisations side by side" },
  wbkTitle: { nl: "Wbk-termijnen en doorlooptijden", en: "Wbk deadlines and lead times" },
  mixTitle: { nl: "Waar meldingen over gaan", en: "What reports are about" },
  moreTitle: { nl: "Meer cijfers van dit halfjaar", en: "More figures of this half-year" },
  annualTitle: { nl: "Regionale jaartotalen {year}", en: "Regional annual totals {year}" },
  annualIntro: {
    nl: "Maatregelen en het spoor van meldingen (ook over bestuurders en Wbk) alleen als totaal van de hele regio over een heel jaar: {year}, het jaar dat met of vóór het gekozen halfjaar eindigt.",
    en: "Measures and the track of reports (also about officials and Wbk) only as the whole region's total over a whole year: {year}, the year that ends with or before the chosen half-year.",
  },
  tracksHidden: {
    nl: "De tabel met meldingen naar spoor staat hier niet: in een helft van {year} kwamen in de regio minder dan 5 meldingen binnen, en het jaartotaal zou dat aantal verraden.",
    en: "The table of reports by track is not shown: in one half of {year} the region received fewer than 5 reports, and the year's total would give that number away.",
  },
  csv: { nl: "Download deze tabel als CSV", en: "Download this table as CSV" },
  chartNotShown: { nl: "niet getoond", en: "not shown" },
  chartOf: { nl: "{figure}, {period}. {values}", en: "{figure}, {period}. {values}" },
  chartSeeTable: { nl: "De cijfers staan ook in de tabel hierbij.", en: "The figures are also in the table with it." },
  region: { nl: "Regio", en: "Region" },
  hubTenant: { nl: "Organisatie nog onbekend (regionale intake)", en: "Organisation not known yet (regional intake)" },
  chartRates: { nl: "{figure} per 1.000 fte", en: "{figure} per 1,000 fte" },
  chartPercent: { nl: "{column}, per organisatie", en: "{column}, per organisation" },
  chartMedians: { nl: "Mediaan aantal dagen in de regio", en: "Median number of days in the region" },
  chartRegionRow: { nl: "{figure} in de regio", en: "{figure} in the region" },
  chartTrend: { nl: "Meldingen en adviescontacten per halfjaar in de regio", en: "Reports and advice contacts per half-year in the region" },
  noFigure: { nl: "Voor deze periode is er geen cijfer.", en: "There is no figure for this period." },
} satisfies Record<string, Label>;

export const R = {
  staffLink: { nl: "Jaarverslag en halfjaarverslag van {member}", en: "Annual and half-year report of {member}" },
  titleYear: { nl: "Jaarverslag {period} van {member}", en: "Annual report {period} of {member}" },
  titleHalf: { nl: "Halfjaarverslag {period} van {member}", en: "Half-year report {period} of {member}" },
  intro: {
    nl: "De cijfers van uw eigen organisatie, exact, met de vorige periode ernaast: voor het jaarverslag integriteit en het jaarverslag van de vertrouwenspersoon. Alleen aantallen, geen losse melding.",
    en: "Your own organisation's figures, exact, with the previous period beside them: for the integrity annual report and the confidential advisor's annual report. Counts only, no single report.",
  },
  smallWarning: {
    nl: "Let op bij publiceren: een aantal van 1 tot en met 4 kan mensen herkenbaar maken. Overweeg zulke aantallen als '<5' te publiceren.",
    en: "Take care when publishing: a number from 1 to 4 may make people recognisable. Consider publishing such numbers as '<5'.",
  },
  periodLabel: { nl: "Periode", en: "Period" },
  keyTitle: { nl: "Kerncijfers", en: "Key figures" },
  keyDescription: {
    nl: "Elk kerncijfer komt uit een van de tabellen hieronder, waar staat wat er precies geteld is.",
    en: "Each key figure comes from one of the tables below, which say exactly what is counted.",
  },
  figureHeader: { nl: "Cijfer", en: "Figure" },
  csv: { nl: "Download het verslag als CSV", en: "Download the report as CSV" },
  tableHeader: { nl: "Tabel", en: "Table" },
  asOf: { nl: "Geteld op {date}. Een periode die nog loopt, of waarvan termijnen nog lopen, kan nog veranderen.", en: "Counted on {date}. A period that is still running, or whose deadlines are still running, may still change." },
  printHint: {
    nl: "Afdrukken: gebruik de afdrukknop van uw browser. De afdruk laat de keuzes en downloadlinks weg.",
    en: "Printing: use your browser's print button. The printout leaves out the choices and download links.",
  },
} satisfies Record<string, Label>;

/** "2026", "1e halfjaar 2026" / "first half of 2026". */
export function periodText(lang: Lang, id: string): string {
  const match = /^(\d{4})(?:-H([12]))?$/.exec(id);
  if (!match) return id;
  const [, year, half] = match;
  if (!half) return year as string;
  if (lang === "nl") return `${half === "1" ? "1e" : "2e"} halfjaar ${year}`;
  return `${half === "1" ? "first" : "second"} half of ${year}`;
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: digits, useGrouping: false });
    formats.set(key, format);
  }
  return format;
}

/**
 * A cell as the page and the CSV show it: a count as a whole number, a rate, percentage or median with one decimal at
 * most (in the language's notation), a protection marker as it is, no value as "—".
 */
export function cellText(lang: Lang, kind: StatColumn["kind"], value: number | string | undefined): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value;
  return numberFormat(lang, kind === "count" ? 0 : 1).format(value);
}
