// The codes a desk records on its way through the lifecycle (DESIGN §2): why a case closed early, where it was referred,
// how it was investigated, what was concluded. In clear on the case: statistics and annual reports count them.
import type * as z from "zod/mini";
import type { Measure } from "./model";
import { type Label, labelled } from "./taxonomy";

/** The measures of DESIGN §2 in words, for the desk's form, the statistics and the reports alike. */
export const MEASURE_LABELS: Record<Measure, Label> = {
  geen: { nl: "Geen maatregel", en: "No measure" },
  gesprek: { nl: "Gesprek", en: "Talk" },
  "schriftelijke-waarschuwing": { nl: "Schriftelijke waarschuwing", en: "Written warning" },
  berisping: { nl: "Berisping", en: "Reprimand" },
  overplaatsing: { nl: "Overplaatsing", en: "Transfer to another post" },
  ontslag: { nl: "Ontslag of ontbinding", en: "Dismissal" },
  aangifte: { nl: "Aangifte bij de politie", en: "Report to the police" },
  anders: { nl: "Anders", en: "Other" },
};

export const CloseReasons = labelled({
  "geen-vermoeden": { nl: "Geen vermoeden van een integriteitsschending", en: "No suspicion of an integrity violation" },
  "onvoldoende-concreet": { nl: "Onvoldoende concreet", en: "Not concrete enough" },
  "melder-onbereikbaar": { nl: "Melder onbereikbaar", en: "Reporter unreachable" },
});
export type CloseReason = z.infer<typeof CloseReasons.schema>;

export const Referrals = labelled({
  "ander-lid": { nl: "Andere aangesloten organisatie", en: "Another member organisation" },
  klachtenregeling: { nl: "Klachtenregeling", en: "Complaints procedure" },
  politie: { nl: "Politie (aangifte)", en: "Police (criminal complaint)" },
  "huis-voor-klokkenluiders": { nl: "Huis voor Klokkenluiders", en: "Dutch Whistleblowers Authority" },
  integriteitsbalie: { nl: "Integriteitsbalie (na toestemming)", en: "Integrity desk (after consent)" },
  bedrijfsarts: { nl: "Bedrijfsarts", en: "Company doctor" },
  "p-en-o": { nl: "P&O", en: "HR" },
  anders: { nl: "Anders", en: "Other" },
});
export type Referral = z.infer<typeof Referrals.schema>;

export const Investigations = labelled({
  intern: { nl: "Intern onderzoek", en: "Internal investigation" },
  extern: { nl: "Extern onderzoek", en: "External investigation" },
});
export type Investigation = z.infer<typeof Investigations.schema>;

export const Conclusions = labelled({
  "schending-vastgesteld": { nl: "Schending vastgesteld", en: "Violation established" },
  "niet-vastgesteld": { nl: "Schending niet vastgesteld", en: "Violation not established" },
  "niet-vast-te-stellen": { nl: "Niet vast te stellen", en: "Cannot be established" },
});
export type Conclusion = z.infer<typeof Conclusions.schema>;
