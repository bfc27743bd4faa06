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
  signalLink: { nl: "Een anoniem signaal aan het management geven (alleen aantallen)", en: "Give management an anonymous signal (counts only)" },
  registerLink: { nl: "Een melding registreren (telefoon, gesprek, e-mail of brief)", en: "Register a report (phone, meeting, e-mail or letter)" },
  counts: {
    nl: "{open} open meldingen: {overdue} te laat, {dueSoon} binnen 2 dagen, {unread} met een nieuw bericht van de melder.",
    en: "{open} open reports: {overdue} overdue, {dueSoon} due within 2 days, {unread} with a new message from the reporter.",
  },
  filterTitle: { nl: "Filteren", en: "Filter" },
  filterAll: { nl: "Alle", en: "All" },
  filterButton: { nl: "Toon", en: "Show" },
  trackHeader: { nl: "Spoor", en: "Track" },
  deadlineFilter: { nl: "Termijn", en: "Deadline" },
  unreadFilter: { nl: "Alleen met een nieuw bericht van de melder", en: "Only with a new message from the reporter" },
  matching: { nl: "{matching} meldingen, pagina {page} van {pages}.", en: "{matching} reports, page {page} of {pages}." },
  attentionHeader: { nl: "Let op", en: "Attention" },
  badgeOverdue: { nl: "Te laat", en: "Overdue" },
  badgeDueSoon: { nl: "Binnen 2 dagen", en: "Within 2 days" },
  /** An advice contact has no Wbk feedback term. */
  noFeedbackTerm: { nl: "Niet van toepassing", en: "Not applicable" },
  badgeUnread: { nl: "Nieuw bericht", en: "New message" },
  feedbackGiven: { nl: "Gegeven", en: "Given" },
  pagesLabel: { nl: "Pagina's", en: "Pages" },
  pageN: { nl: "Pagina {n}", en: "Page {n}" },
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

/** A queue badge names the deadline: which promise is at stake decides what the desk does first. */
export const DEADLINE_BADGES: Record<"overdue" | "due-soon", Record<"ontvangst" | "antwoord" | "terugkoppeling", Label>> = {
  overdue: {
    ontvangst: { nl: "Ontvangstbevestiging te laat", en: "Acknowledgement overdue" },
    antwoord: { nl: "Antwoord aan de vraagsteller te laat", en: "Answer to the person asking overdue" },
    terugkoppeling: { nl: "Terugkoppeling te laat", en: "Feedback overdue" },
  },
  "due-soon": {
    ontvangst: { nl: "Ontvangstbevestiging binnen 2 dagen", en: "Acknowledgement within 2 days" },
    antwoord: { nl: "Antwoord aan de vraagsteller binnen 2 dagen", en: "Answer to the person asking within 2 days" },
    terugkoppeling: { nl: "Terugkoppeling binnen 2 dagen", en: "Feedback within 2 days" },
  },
};
