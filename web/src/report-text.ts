// Texts of the report form beyond the first version's, in plain Dutch (B1) with English.
import type { AnonymityLevel, Label } from "@meldpunt/domain";

export const R = {
  intakeTitle: { nl: "Een melding registreren", en: "Register a report" },
  intakeIntro: {
    nl: "Voor een melding die binnenkwam per telefoon, in een gesprek, per e-mail of per brief. U krijgt een code voor de melder; daarmee controleert de melder uw verslag in de brievenbus.",
    en: "For a report received by phone, in a meeting, by e-mail or by letter. You get a code for the reporter, with which they check your record in the mailbox.",
  },
  channelLegend: { nl: "Hoe kwam de melding binnen?", en: "How did the report come in?" },
  receivedOnLabel: { nl: "Datum van ontvangst", en: "Date of receipt" },
  receivedOnHint: { nl: "Leeg: vandaag.", en: "Empty: today." },
  recordLabel: { nl: "Verslag van de melding", en: "Record of the report" },
  recordHint: {
    nl: "Schrijf op wat de melder vertelde. De melder kan dit verslag lezen en verbeteren.",
    en: "Write down what the reporter told. The reporter can read and correct this record.",
  },
  intakeReceipt: {
    nl: "Geef deze code aan de melder, mondeling of per brief, en niet per e-mail van het werk. Met de code leest de melder uw verslag in de brievenbus en kan het bevestigen of verbeteren.",
    en: "Give this code to the reporter, in person or by letter, not by work e-mail. With it the reporter reads your record in the mailbox and can confirm or correct it.",
  },
  reporterTypeLegend: { nl: "Wie bent u?", en: "Who are you?" },
  whatTitle: { nl: "Wat is er gebeurd?", en: "What happened?" },
  subcategoriesHint: { nl: "Kies alles wat past. Twijfelt u? Kies wat het meest in de buurt komt.", en: "Choose all that apply. In doubt? Choose what comes closest." },
  whenLabel: { nl: "Wanneer was dit? (niet verplicht)", en: "When was this? (optional)" },
  whenHint: { nl: "Een periode is genoeg, zoals 'voorjaar 2026' of 'de afgelopen maanden'.", en: "A period is enough, like 'spring 2026' or 'the past few months'." },
  whereLabel: { nl: "Waar was dit? (niet verplicht)", en: "Where was this? (optional)" },
  whoTitle: { nl: "Over wie gaat het?", en: "Who is it about?" },
  relationLabel: { nl: "Wat is deze persoon van u? (niet verplicht)", en: "What is this person to you? (optional)" },
  personNameLabel: { nl: "Naam van de persoon (niet verplicht)", en: "Name of the person (optional)" },
  personNameHint: {
    nl: "Alleen de balie kan deze naam lezen. We bewaren hem versleuteld.",
    en: "Only the desk can read this name. We keep it encrypted.",
  },
  witnessesLabel: { nl: "Getuigen en bewijs (niet verplicht)", en: "Witnesses and evidence (optional)" },
  witnessesHint: { nl: "Wie heeft het ook gezien? Zijn er berichten, e-mails of documenten?", en: "Who else saw it? Are there messages, e-mails or documents?" },
  howTitle: { nl: "Hoe wilt u melden?", en: "How do you want to report?" },
  anonymityLegend: { nl: "Mag de balie weten wie u bent?", en: "May the desk know who you are?" },
  anonymityChoice: {
    anoniem: { nl: "Anoniem: niemand weet wie u bent. U volgt uw melding met uw code.", en: "Anonymous: nobody knows who you are. You follow your report with your code." },
    vertrouwelijk: {
      nl: "Vertrouwelijk: alleen de balie weet wie u bent, en geeft dat niet door zonder uw toestemming.",
      en: "Confidential: only the desk knows who you are, and does not pass it on without your consent.",
    },
    open: { nl: "Open: uw naam mag in het onderzoek worden gebruikt.", en: "Open: your name may be used in the inquiry." },
  } satisfies Record<AnonymityLevel, Label>,
  contactIntro: {
    nl: "Meldt u vertrouwelijk of open? Vul dan uw naam in en een telefoonnummer of e-mailadres. Meldt u anoniem? Laat deze velden leeg.",
    en: "Reporting confidentially or openly? Fill in your name and a phone number or e-mail address. Reporting anonymously? Leave these fields empty.",
  },
  contactNameLabel: { nl: "Uw naam", en: "Your name" },
  contactPhoneLabel: { nl: "Uw telefoonnummer", en: "Your phone number" },
  contactEmailLabel: { nl: "Uw e-mailadres", en: "Your e-mail address" },
  notifyEmailLabel: { nl: "Bericht als er iets nieuws is (niet verplicht)", en: "Notice when there is news (optional)" },
  notifyEmailHint: {
    nl: "Wij sturen alleen 'er is een nieuw bericht', nooit de inhoud. Ook bij anoniem melden kan dit; gebruik dan een adres dat niet naar u te herleiden is.",
    en: "We only send 'there is a new message', never the content. This works with anonymous reporting too; then use an address that cannot be traced to you.",
  },
  receiptCopy: {
    nl: "Kopiëren kan ook: selecteer de code en kopieer hem naar een plek die alleen u kunt zien.",
    en: "You can also copy it: select the code and copy it to a place only you can see.",
  },
  copyCode: { nl: "Kopieer de code", en: "Copy the code" },
  printPage: { nl: "Druk deze pagina af", en: "Print this page" },
  codeCopied: { nl: "De code is gekopieerd.", en: "The code has been copied." },
  codeNotCopied: { nl: "Kopiëren lukte niet. Selecteer de code en kopieer hem zelf.", en: "Copying did not work. Select the code and copy it yourself." },
  receiptSaved: { nl: "Ik heb mijn code opgeschreven of bewaard", en: "I have written down or saved my code" },
  receiptDone: { nl: "Klaar", en: "Done" },
  adviceReceiptTitle: { nl: "Uw vraag is ontvangen", en: "Your question has been received" },
  adviceAnswerBy: {
    nl: "Uiterlijk op {date} reageert de vertrouwenspersoon. Met uw code leest u het antwoord. Er gebeurt niets zonder uw toestemming.",
    en: "By {date} the confidential advisor responds. With your code you read the answer. Nothing happens without your consent.",
  },
} as const;
