// Texts of the reporter's mailbox, in plain Dutch (B1) with English.
import type { AttachmentType, HistoryEvent, Label } from "@meldpunt/domain";

export const M = {
  title: { nl: "Uw brievenbus", en: "Your mailbox" },
  intro: {
    nl: "Hier leest u wat er met uw melding gebeurt en kunt u de balie schrijven. Alleen wie uw code heeft, komt hier.",
    en: "Here you read what happens to your report and can write to the desk. Only someone with your code gets here.",
  },
  newMessages: { nl: "Er zijn {count} nieuwe berichten van de balie.", en: "There are {count} new messages from the desk." },
  newMessage: { nl: "Er is een nieuw bericht van de balie.", en: "There is a new message from the desk." },
  messagesTitle: { nl: "Berichten", en: "Messages" },
  noMessages: { nl: "Nog geen berichten.", en: "No messages yet." },
  fromDesk: { nl: "Van de balie", en: "From the desk" },
  fromYou: { nl: "Van u", en: "From you" },
  feedback: { nl: "Terugkoppeling van de balie", en: "Feedback from the desk" },
  correction: { nl: "Uw correctie op het verslag", en: "Your correction of the record" },
  isNew: { nl: "nieuw", en: "new" },
  filesLabel: { nl: "Bijlagen", en: "Attachments" },
  writeTitle: { nl: "Schrijf de balie", en: "Write to the desk" },
  writeLabel: { nl: "Uw bericht", en: "Your message" },
  writeHint: {
    nl: "Beantwoord een vraag van de balie, of vul uw melding aan. Noem alleen namen als u dat wilt.",
    en: "Answer a question from the desk, or add to your report. Only give names if you want to.",
  },
  send: { nl: "Bericht versturen", en: "Send message" },
  sent: { nl: "Uw bericht is verstuurd.", en: "Your message has been sent." },
  filesFieldLabel: { nl: "Bestanden toevoegen (niet verplicht)", en: "Add files (optional)" },
  filesHint: {
    nl: "Hoogstens 5 bestanden van elk hoogstens {file}{together}: pdf, jpg, png, heic, docx, txt of eml. Uit foto's halen we de locatie en andere gegevens. In documenten (pdf, docx) kan uw naam staan bij de eigenschappen: controleer dat eerst.",
    en: "At most 5 files of at most {file} each{together}: pdf, jpg, png, heic, docx, txt or eml. We remove the location and other data from photos. Documents (pdf, docx) may carry your name in their properties: check that first.",
  },
  /** Where a deployment takes less in one request than five whole files (the cloud: docs/cloud.md). */
  filesTogether: { nl: ", samen hoogstens {total}", en: ", {total} together at most" },
  /** Said by /assets/files.js before anything is sent; the server says the same if it gets there. */
  filesTooLarge: {
    nl: "Uw bestanden zijn te groot: elk hoogstens {file}, samen hoogstens {total}. Kies minder of kleinere bestanden; er is nog niets verstuurd.",
    en: "Your files are too large: each at most {file}, {total} together at most. Choose fewer or smaller files; nothing has been sent yet.",
  },
  filesAgain: {
    nl: "Kies uw bestanden opnieuw: om uw privacy te beschermen bewaren we niets voordat het formulier goed is verstuurd.",
    en: "Choose your files again: to protect your privacy we keep nothing until the form has been sent correctly.",
  },
  consentTitle: { nl: "Toestemming voor doorverwijzen", en: "Consent to a referral" },
  consentNone: {
    nl: "U hebt geen toestemming gegeven. De vertrouwenspersoon verwijst uw vraag niet door en doet niets zonder u.",
    en: "You have not given consent. The confidential advisor will not refer your question and does nothing without you.",
  },
  consentGiven: {
    nl: "U hebt toestemming gegeven op {date}. De vertrouwenspersoon mag uw vraag doorverwijzen naar de integriteitsbalie. U kunt dit intrekken zolang dat nog niet is gebeurd.",
    en: "You gave consent on {date}. The confidential advisor may refer your question to the integrity desk. You can withdraw it as long as that has not happened.",
  },
  giveConsent: { nl: "Ik geef toestemming om door te verwijzen", en: "I consent to a referral" },
  withdrawConsent: { nl: "Ik trek mijn toestemming in", en: "I withdraw my consent" },
  consentSaved: { nl: "Uw keuze over toestemming is opgeslagen.", en: "Your choice about consent has been saved." },
  closeTitle: { nl: "Uw vraag afsluiten", en: "Close your question" },
  closeText: {
    nl: "Bent u geholpen, of wilt u niet verder? Dan kunt u uw vraag afsluiten. Er gebeurt daarna niets meer mee.",
    en: "Have you been helped, or do you not want to go on? Then you can close your question. Nothing more happens with it.",
  },
  close: { nl: "Mijn vraag afsluiten", en: "Close my question" },
  closed: { nl: "Deze melding is afgesloten. U kunt de berichten nog lezen.", en: "This report is closed. You can still read the messages." },
  reviewTitle: { nl: "Controleer het verslag", en: "Check the record" },
  reviewText: {
    nl: "De balie heeft uw melding opgeschreven. Klopt het verslag hieronder? U kunt het bevestigen of een correctie sturen.",
    en: "The desk wrote down your report. Is the record below correct? You can confirm it or send a correction.",
  },
  reviewAgree: { nl: "Het verslag klopt", en: "The record is correct" },
  correctionLabel: { nl: "Wat klopt er niet?", en: "What is not correct?" },
  sendCorrection: { nl: "Correctie versturen", en: "Send correction" },
  reviewDone: { nl: "U hebt het verslag bevestigd.", en: "You confirmed the record." },
  reviewCorrected: { nl: "U hebt een correctie op het verslag gestuurd.", en: "You sent a correction of the record." },
  recordTitle: { nl: "Het verslag van de balie", en: "The desk's record" },
  signOut: { nl: "Brievenbus sluiten", en: "Close the mailbox" },
  signedOut: { nl: "Uw brievenbus is gesloten. Met uw code kunt u hem weer openen.", en: "Your mailbox is closed. You can open it again with your code." },
  sessionEnded: {
    nl: "Uw brievenbus is gesloten omdat u een tijd niets deed. Vul uw code opnieuw in.",
    en: "Your mailbox was closed because you were inactive for a while. Enter your code again.",
  },
  question: { nl: "Uw vraag", en: "Your question" },
} satisfies Record<string, Label>;

/** The reporter's own steps, as the timeline names them. */
export const EVENT_FOR_REPORTER: Partial<Record<HistoryEvent, Label>> = {
  terugkoppeling: { nl: "U kreeg terugkoppeling van de balie", en: "You received feedback from the desk" },
  toestemming: { nl: "U gaf of trok uw toestemming voor doorverwijzen (hieronder ziet u wat nu geldt)", en: "You gave or withdrew your consent to a referral (below you see what applies now)" },
  "afgesloten-door-melder": { nl: "U sloot uw vraag af", en: "You closed your question" },
  "verslag-bevestigd": { nl: "U bevestigde het verslag", en: "You confirmed the record" },
  "verslag-gecorrigeerd": { nl: "U stuurde een correctie op het verslag", en: "You sent a correction of the record" },
};

/** What an attachment is, in words (never its name in a URL or a header). */
export const FILE_TYPE_TEXT: Record<AttachmentType, Label> = {
  pdf: { nl: "PDF-document", en: "PDF document" },
  jpeg: { nl: "foto (JPEG)", en: "photo (JPEG)" },
  png: { nl: "afbeelding (PNG)", en: "image (PNG)" },
  heic: { nl: "foto (HEIC)", en: "photo (HEIC)" },
  docx: { nl: "Word-document", en: "Word document" },
  txt: { nl: "tekstbestand", en: "text file" },
  eml: { nl: "e-mail", en: "e-mail" },
};
