// The taxonomy of DESIGN §2. Codes are stable (they are stored and counted); labels may change.
import * as z from "zod/mini";

export interface Label {
  readonly nl: string;
  readonly en: string;
}

interface CategoryDef {
  readonly label: Label;
  readonly sub: Readonly<Record<string, Label>>;
}

export const TAXONOMY = {
  financieel: {
    label: { nl: "Financieel", en: "Financial" },
    sub: {
      fraude: { nl: "Fraude", en: "Fraud" },
      diefstal: { nl: "Diefstal of verduistering", en: "Theft or embezzlement" },
      corruptie: { nl: "Corruptie of omkoping", en: "Corruption or bribery" },
      declaratiefraude: { nl: "Declaratie- of urenfraude", en: "Expense or timesheet fraud" },
    },
  },
  belangen: {
    label: { nl: "Belangenverstrengeling", en: "Conflict of interest" },
    sub: {
      nevenwerkzaamheden: { nl: "Nevenwerkzaamheden", en: "Outside activities" },
      bevoordeling: { nl: "Bevoordeling", en: "Favouritism" },
      geschenken: { nl: "Giften of geschenken", en: "Gifts" },
      "financiele-belangen": { nl: "Financiële belangen", en: "Financial interests" },
    },
  },
  informatie: {
    label: { nl: "Omgaan met informatie", en: "Handling of information" },
    sub: {
      lekken: { nl: "Lekken van informatie", en: "Leaking information" },
      "onbevoegd-raadplegen": { nl: "Onbevoegd raadplegen van systemen", en: "Unauthorised access to systems" },
      manipulatie: { nl: "Manipulatie van informatie", en: "Manipulating information" },
    },
  },
  bevoegdheden: {
    label: { nl: "Misbruik van bevoegdheden of positie", en: "Abuse of powers or position" },
    sub: {
      machtsmisbruik: { nl: "Machtsmisbruik", en: "Abuse of power" },
    },
  },
  omgang: {
    label: { nl: "Ongewenste omgangsvormen", en: "Unwanted behaviour" },
    sub: {
      pesten: { nl: "Pesten", en: "Bullying" },
      "seksuele-intimidatie": { nl: "Seksuele intimidatie", en: "Sexual harassment" },
      discriminatie: { nl: "Discriminatie", en: "Discrimination" },
      "agressie-geweld": { nl: "Agressie en geweld (ook verbaal)", en: "Aggression and violence (including verbal)" },
      intimidatie: { nl: "Intimidatie", en: "Intimidation" },
      overig: { nl: "Overige ongewenste omgangsvormen", en: "Other unwanted behaviour" },
    },
  },
  middelen: {
    label: { nl: "Gebruik van dienstmiddelen en regels", en: "Use of resources and rules" },
    sub: {
      "oneigenlijk-gebruik": { nl: "Oneigenlijk gebruik van dienstmiddelen", en: "Improper use of resources" },
      "interne-regels": { nl: "Niet naleven van interne regels", en: "Breaking internal rules" },
      verspilling: { nl: "Verspilling", en: "Waste" },
    },
  },
  prive: {
    label: { nl: "Misdragingen in de privésfeer", en: "Misconduct in private life" },
    sub: {
      misdraging: { nl: "Misdraging in de privésfeer", en: "Misconduct in private life" },
    },
  },
  misstand: {
    label: { nl: "Maatschappelijke misstand (klokkenluider)", en: "Wrongdoing in the public interest (whistleblower)" },
    sub: {
      "schending-voorschrift": { nl: "Schending van een wettelijk voorschrift", en: "Breach of a statutory rule" },
      "gevaar-gezondheid-veiligheid-milieu": {
        nl: "Gevaar voor volksgezondheid, veiligheid of milieu",
        en: "Danger to public health, safety or the environment",
      },
      "gevaar-functioneren": {
        nl: "Gevaar voor het goed functioneren van de organisatie",
        en: "Danger to the proper functioning of the organisation",
      },
      unierecht: { nl: "Inbreuk op het Unierecht", en: "Breach of Union law" },
    },
  },
  geen: {
    label: { nl: "Geen integriteitskwestie", en: "Not an integrity matter" },
    sub: {
      klacht: { nl: "Klacht", en: "Complaint" },
      arbeidsconflict: { nl: "Arbeidsconflict", en: "Labour conflict" },
      overig: { nl: "Overig", en: "Other" },
    },
  },
} as const satisfies Record<string, CategoryDef>;

export type CategoryCode = keyof typeof TAXONOMY;
export const CATEGORY_CODES = Object.keys(TAXONOMY) as [CategoryCode, ...CategoryCode[]];
export const CategoryCodeSchema = z.enum(CATEGORY_CODES);

/** Subcategories are written `level1.level2`, so a code alone says where it belongs. */
export type SubcategoryCode = {
  [K in CategoryCode]: `${K}.${keyof (typeof TAXONOMY)[K]["sub"] & string}`;
}[CategoryCode];
export const SUBCATEGORY_CODES = CATEGORY_CODES.flatMap((c) =>
  Object.keys(TAXONOMY[c].sub).map((s) => `${c}.${s}`),
) as [SubcategoryCode, ...SubcategoryCode[]];
export const SubcategoryCodeSchema = z.enum(SUBCATEGORY_CODES);

export function categoryOf(sub: SubcategoryCode): CategoryCode {
  return sub.slice(0, sub.indexOf(".")) as CategoryCode;
}

export function subcategoryLabel(sub: SubcategoryCode): Label {
  const [cat, key] = sub.split(".") as [CategoryCode, string];
  const subs: Readonly<Record<string, Label>> = TAXONOMY[cat].sub;
  return subs[key] as Label;
}

export function labelled<const T extends string>(entries: Record<T, Label>) {
  const codes = Object.keys(entries) as [T, ...T[]];
  return { labels: entries, codes, schema: z.enum(codes) };
}

export const Tracks = labelled({
  ambtelijk: { nl: "Ambtelijk", en: "Staff" },
  bestuurlijk: { nl: "Bestuurlijk", en: "Administrative (bestuurder)" },
  wbk: { nl: "Wet bescherming klokkenluiders", en: "Whistleblower Protection Act" },
});
export type Track = z.infer<typeof Tracks.schema>;

export const Relations = labelled({
  leidinggevende: { nl: "Leidinggevende", en: "Manager" },
  "hoger-management": { nl: "Hoger management", en: "Senior management" },
  collega: { nl: "Collega", en: "Colleague" },
  bestuurder: { nl: "Bestuurder", en: "Elected or appointed official" },
  extern: { nl: "Iemand van buiten de organisatie", en: "Someone outside the organisation" },
  meerdere: { nl: "Meerdere personen", en: "Several people" },
  onbekend: { nl: "Onbekend of zeg ik liever niet", en: "Unknown or rather not say" },
});
export type Relation = z.infer<typeof Relations.schema>;

export const ReporterTypes = labelled({
  medewerker: { nl: "Medewerker", en: "Employee" },
  "oud-medewerker": { nl: "Oud-medewerker", en: "Former employee" },
  ingehuurd: { nl: "Ingehuurd of uitzendkracht", en: "Contractor or temporary worker" },
  inwoner: { nl: "Inwoner", en: "Resident" },
  anders: { nl: "Anders", en: "Other" },
});
export type ReporterType = z.infer<typeof ReporterTypes.schema>;

export const Channels = labelled({
  webformulier: { nl: "Webformulier", en: "Web form" },
  telefoon: { nl: "Telefoon", en: "Telephone" },
  gesprek: { nl: "Gesprek", en: "Meeting" },
  email: { nl: "E-mail", en: "E-mail" },
  brief: { nl: "Brief", en: "Letter" },
});
export type Channel = z.infer<typeof Channels.schema>;

/** The role of a person a report concerns: what routing needs to avoid a conflicted desk and find the bestuurlijk route. */
export const Roles = labelled({
  medewerker: { nl: "Medewerker", en: "Employee" },
  leidinggevende: { nl: "Leidinggevende", en: "Manager" },
  gemeentesecretaris: { nl: "Gemeentesecretaris of directeur", en: "Municipal secretary or director" },
  integriteitscoordinator: { nl: "Integriteitscoördinator", en: "Integrity coordinator" },
  vertrouwenspersoon: { nl: "Vertrouwenspersoon", en: "Confidential advisor" },
  burgemeester: { nl: "Burgemeester", en: "Mayor" },
  wethouder: { nl: "Wethouder", en: "Alderman" },
  raadslid: { nl: "Raadslid", en: "Council member" },
  bestuurder: { nl: "Andere bestuurder", en: "Other official" },
  extern: { nl: "Iemand van buiten de organisatie", en: "Someone outside the organisation" },
  onbekend: { nl: "Onbekend", en: "Unknown" },
});
export type Role = z.infer<typeof Roles.schema>;

/** What the reporter asks for: advice and support (the VP, not a case), a report, or both. */
export const Wishes = labelled({
  advies: { nl: "Advies of steun", en: "Advice or support" },
  melding: { nl: "Een melding doen", en: "Make a report" },
  beide: { nl: "Allebei", en: "Both" },
});
export type Wish = z.infer<typeof Wishes.schema>;
