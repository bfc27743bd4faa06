// Texts of the casuïstiek library's pages, Dutch first. The field labels come from the domain (its check names them).
import type { Label } from "@meldpunt/domain";
import { LIBRARY_FIELD_LABELS, type LibraryState } from "@meldpunt/domain/staff";

export const L = {
  libraryTitle: { nl: "Casuïstiekbibliotheek", en: "Casuïstiek library" },
  libraryIntro: {
    nl: "Geanonimiseerde beschrijvingen van afgesloten meldingen uit de hele regio: welk dilemma speelde, welke route werd gekozen, hoe het afliep en wat anderen ervan kunnen leren. Geen beschrijving verwijst naar een melding.",
    en: "De-identified descriptions of closed cases from the whole region: the dilemma, the route taken, the outcome and what others can learn from it. No description refers to a case.",
  },
  filterTitle: { nl: "Zoeken", en: "Search" },
  filterCategory: { nl: "Onderwerp", en: "Subject" },
  filterYear: { nl: "Jaar", en: "Year" },
  filterAll: { nl: "Alle", en: "All" },
  filterShow: { nl: "Toon", en: "Show" },
  count: { nl: "{n} beschrijving(en)", en: "{n} description(s)" },
  none: { nl: "Er zijn (nog) geen beschrijvingen die hierbij passen.", en: "There are no descriptions that match (yet)." },
  colTitle: { nl: "Titel", en: "Title" },
  colSubjects: { nl: "Onderwerpen", en: "Subjects" },
  colYear: { nl: "Jaar", en: "Year" },
  colPublished: { nl: "Gepubliceerd", en: "Published" },
  colSubmitted: { nl: "Aangeboden", en: "Submitted" },
  reviewLink: { nl: "Beschrijvingen die wachten op beoordeling", en: "Descriptions awaiting review" },
  libraryLink: { nl: "Naar de casuïstiekbibliotheek", en: "To the casuïstiek library" },

  stateLabel: { nl: "Status", en: "Status" },
  publishedLabel: { nl: "Gepubliceerd op", en: "Published on" },
  submittedLabel: { nl: "Aangeboden op", en: "Submitted on" },
  yearLabel: { nl: "Jaar", en: "Year" },
  subjectsLabel: { nl: "Onderwerpen", en: "Subjects" },
  mineConcept: {
    nl: "Dit is uw eigen beschrijving. Een andere medewerker van een balie moet haar goedkeuren voordat zij in de bibliotheek komt.",
    en: "This is your own description. Another desk member must approve it before it goes into the library.",
  },
  returnedNotice: {
    nl: "Deze beschrijving is naar u teruggestuurd. Open de melding opnieuw en kies daar 'Beschrijven voor de casuïstiekbibliotheek': uw tekst staat er dan weer in.",
    en: "This description was sent back to you. Open the case again and choose 'Describe for the casuïstiek library' there: your text will be filled in again.",
  },
  rejectionLabel: { nl: "Reden van terugsturen", en: "Reason for sending it back" },
  approveTitle: { nl: "Beoordelen", en: "Review" },
  approveIntro: {
    nl: "Lees de beschrijving na: is niemand herkenbaar, ook niet door een combinatie van details (afdeling, functie, aantallen)? Keur haar dan goed; anders stuurt u haar terug met een reden.",
    en: "Check the description: is no one recognisable, not even through a combination of details (department, position, numbers)? Then approve it; otherwise send it back with a reason.",
  },
  approve: { nl: "Goedkeuren en publiceren", en: "Approve and publish" },
  reasonLabel: { nl: "Reden om terug te sturen", en: "Reason to send it back" },
  reasonHint: { nl: "De schrijver leest dit en past de beschrijving aan.", en: "The author reads this and revises the description." },
  reject: { nl: "Terugsturen naar de schrijver", en: "Send back to the author" },

  commentsTitle: { nl: "Reacties", en: "Comments" },
  commentsNone: { nl: "Nog geen reacties.", en: "No comments yet." },
  commentLabel: { nl: "Uw reactie", en: "Your comment" },
  commentHint: {
    nl: "Bij uw reactie staan uw rol en organisatie, niet uw naam. Noem geen namen, e-mailadressen of telefoonnummers.",
    en: "Your comment shows your role and organisation, not your name. Give no names, e-mail addresses or phone numbers.",
  },
  commentSend: { nl: "Reactie plaatsen", en: "Post comment" },
  voiceDesk: { nl: "Medewerker van een balie, {member}", en: "Desk staff, {member}" },
  voiceBoard: { nl: "Lid van het regionale bestuur", en: "Regional board member" },
  backToLibrary: { nl: "Terug naar de bibliotheek", en: "Back to the library" },
  backToReview: { nl: "Terug naar de beschrijvingen die wachten op beoordeling", en: "Back to the descriptions awaiting review" },

  newTitle: { nl: "Beschrijven voor de casuïstiekbibliotheek", en: "Describe for the casuïstiek library" },
  newIntro: {
    nl: "Beschrijf deze afgesloten melding zo dat niemand herkenbaar is: geen namen, geen organisatie, geen data, e-mailadressen of telefoonnummers, geen details die samen iemand aanwijzen. De beschrijving wordt los van de melding bewaard en verwijst er nooit naar.",
    en: "Describe this closed case so that no one is recognisable: no names, no organisation, no dates, e-mail addresses or phone numbers, no details that together point at someone. The description is stored apart from the case and never refers to it.",
  },
  newCheck: {
    nl: "Bij het aanbieden controleert het meldpunt de tekst op namen uit de melding (dat staat in het logboek van de organisatie), de naam van de organisatie, e-mailadressen, telefoonnummers en precieze data. Daarna keurt een andere medewerker van een balie haar goed.",
    en: "When you submit it, the hub checks the text for names from the case (recorded in the organisation's audit trail), the organisation's name, e-mail addresses, phone numbers and exact dates. Then another desk member approves it.",
  },
  revising: { nl: "Deze beschrijving is teruggestuurd. Pas haar aan en bied haar opnieuw aan.", en: "This description was sent back. Revise it and submit it again." },
  exists: {
    concept: { nl: "Van deze melding ligt al een beschrijving ter beoordeling.", en: "A description of this case is already awaiting review." },
    gepubliceerd: { nl: "Van deze melding staat al een beschrijving in de bibliotheek.", en: "A description of this case is already in the library." },
  },
  titleHint: { nl: "Kort, zonder namen of plaats.", en: "Short, without names or place." },
  situationHint: { nl: "Wat speelde er, in algemene termen?", en: "What was going on, in general terms?" },
  dilemmaHint: { nl: "Waar moest de balie een keuze maken?", en: "Where did the desk have to choose?" },
  routeHint: { nl: "Welke stappen zijn gezet (triage, onderzoek, gesprek)?", en: "Which steps were taken (triage, investigation, a talk)?" },
  outcomeHint: { nl: "Hoe liep het af, welke maatregel volgde?", en: "How did it end, which measure followed?" },
  lessonsHint: { nl: "Wat kunnen andere organisaties hiervan leren?", en: "What can other organisations learn from this?" },
  subjectsLegend: { nl: "Onderwerpen (één tot vijf)", en: "Subjects (one to five)" },
  yearHint: { nl: "Alleen het jaar, zoals 2024.", en: "The year only, like 2024." },
  submit: { nl: "Aanbieden ter beoordeling", en: "Submit for review" },
  backToCase: { nl: "Terug naar de melding", en: "Back to the case" },

  reviewTitle: { nl: "Beschrijvingen die wachten op beoordeling", en: "Descriptions awaiting review" },
  reviewIntro: {
    nl: "Een beschrijving komt pas in de bibliotheek als een andere medewerker van een balie haar heeft goedgekeurd. Uw eigen beschrijvingen kunt u niet zelf goedkeuren.",
    en: "A description goes into the library only once another desk member has approved it. You cannot approve your own.",
  },
  reviewNone: { nl: "Er wachten geen beschrijvingen op beoordeling.", en: "No descriptions are awaiting review." },
  mineMark: { nl: "(uw eigen)", en: "(your own)" },
  returnedTitle: { nl: "Naar u teruggestuurd", en: "Sent back to you" },
  returnedNone: { nl: "Er is niets naar u teruggestuurd.", en: "Nothing was sent back to you." },

  done: {
    ingediend: { nl: "Uw beschrijving is aangeboden. Een andere medewerker van een balie beoordeelt haar.", en: "Your description was submitted. Another desk member will review it." },
    goedgekeurd: { nl: "De beschrijving is goedgekeurd en staat in de bibliotheek.", en: "The description was approved and is in the library." },
    teruggestuurd: { nl: "De beschrijving is teruggestuurd naar de schrijver.", en: "The description was sent back to its author." },
    reactie: { nl: "Uw reactie is geplaatst.", en: "Your comment was posted." },
  },
} as const;

export const LIBRARY_STATE_TEXT: Record<LibraryState, Label> = {
  concept: { nl: "Wacht op beoordeling", en: "Awaiting review" },
  afgewezen: { nl: "Teruggestuurd", en: "Sent back" },
  gepubliceerd: { nl: "Gepubliceerd", en: "Published" },
};

export const LIBRARY_HINTS = {
  title: L.titleHint,
  situation: L.situationHint,
  dilemma: L.dilemmaHint,
  route: L.routeHint,
  outcome: L.outcomeHint,
  lessons: L.lessonsHint,
} as const;

export { LIBRARY_FIELD_LABELS };
