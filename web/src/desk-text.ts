// Texts of the desk's pages (queue, forwarding), Dutch first.
import type { Label } from "@meldpunt/domain";

export const D = {
  queueTitle: { nl: "Werkvoorraad van {desk}", en: "Queue of {desk}" },
  queueIntro: {
    nl: "De meldingen van deze balie, wat het eerst moet eerst. Alleen gegevens, geen inhoud.",
    en: "This desk's reports, the first due first. Data only, no content.",
  },
  queueEmpty: { nl: "Er liggen geen meldingen bij deze balie.", en: "There are no reports at this desk." },
  forwarded: { nl: "De melding is doorgestuurd. Deze balie kan haar niet meer openen.", en: "The report was forwarded. This desk can no longer open it." },
  receivedHeader: { nl: "Ontvangen", en: "Received" },
  memberHeader: { nl: "Organisatie", en: "Organisation" },
  subjectHeader: { nl: "Onderwerp", en: "Subject" },
  kindHeader: { nl: "Soort", en: "Kind" },
  stateHeader: { nl: "Status", en: "Status" },
  ackDueHeader: { nl: "Bevestigen uiterlijk", en: "Acknowledge by" },
  feedbackDueHeader: { nl: "Terugkoppelen uiterlijk", en: "Feedback by" },
  actionsHeader: { nl: "Acties", en: "Actions" },
  forward: { nl: "Doorsturen", en: "Forward" },
  openCase: { nl: "openen", en: "open" },
  forwardTitle: { nl: "Melding doorsturen", en: "Forward a report" },
  forwardIntro: {
    nl: "Stuur deze melding naar een andere balie. Gaat ze naar een andere organisatie, dan wordt ze opnieuw versleuteld met de sleutel van die organisatie en kan deze balie haar daarna niet meer openen.",
    en: "Send this report to another desk. If it goes to another organisation, it is encrypted again under that organisation's key and this desk can no longer open it.",
  },
  toDeskLabel: { nl: "Naar balie", en: "To desk" },
  toMemberLabel: { nl: "Voor organisatie (alleen nodig als de balie er meer bedient)", en: "For organisation (only needed if the desk serves several)" },
  toMemberSame: { nl: "Dezelfde organisatie", en: "The same organisation" },
  reasonLabel: { nl: "Reden", en: "Reason" },
  reasonHint: {
    nl: "Waarom gaat de melding daarheen? De reden wordt versleuteld bewaard in het verloop van de melding.",
    en: "Why does the report go there? The reason is kept, encrypted, in the report's history.",
  },
  forwardButton: { nl: "Doorsturen", en: "Forward" },
  kinds: { nl: "Melding", en: "Report" },
  adviceKind: { nl: "Adviescontact", en: "Advice contact" },
} satisfies Record<string, Label>;
