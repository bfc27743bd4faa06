// Interface text in plain Dutch (B1) and English. Labels of the domain (taxonomy, errors) live in the domain.
import { type CaseState, type Label, MEASURE_LABELS, type Measure, type Member, type Wish } from "@meldpunt/domain";

export const T = {
  hubName: { nl: "Gemeenschappelijk Meldpunt West-Friesland", en: "Joint Reporting Point West-Friesland" },
  skipLink: { nl: "Naar de inhoud", en: "Skip to content" },
  otherLanguage: { nl: "English", en: "Nederlands" },
  followUpLink: { nl: "Een melding opvolgen met uw code", en: "Follow up a report with your code" },
  reportTitle: { nl: "Een melding doen", en: "Make a report" },
  reportIntro: {
    nl: "U hoeft uw naam niet te noemen. We slaan uw IP-adres en browser niet op. Na het versturen krijgt u een code waarmee u uw melding kunt volgen.",
    en: "You do not have to give your name. We do not store your IP address or browser. After sending you get a code to follow your report.",
  },
  memberLabel: { nl: "Over welke organisatie gaat uw melding?", en: "Which organisation is your report about?" },
  memberHint: {
    nl: "Weet u het niet zeker? Kies dan 'Ik weet het niet'. De regionale intake zoekt het uit.",
    en: "Not sure? Choose 'I don't know'. Regional intake will find out.",
  },
  memberPlaceholder: { nl: "Kies een organisatie", en: "Choose an organisation" },
  memberUnknown: { nl: "Ik weet het niet", en: "I don't know" },
  municipalities: { nl: "Gemeenten", en: "Municipalities" },
  jointBodies: { nl: "Gemeenschappelijke regelingen", en: "Joint bodies" },
  wantsLegend: { nl: "Wat wilt u?", en: "What would you like?" },
  roleLabel: { nl: "Wie is de persoon over wie het gaat? (niet verplicht)", en: "Who is the person this is about? (optional)" },
  roleHint: {
    nl: "Zo komt uw melding nooit bij iemand terecht over wie ze gaat. Gaat het over meer mensen? Kies de persoon met de hoogste functie en noem de anderen in uw beschrijving. Noem hier geen naam.",
    en: "So that your report never reaches the person it is about. Is it about more people? Choose the one with the highest position and mention the others in your description. Do not give a name here.",
  },
  rolePlaceholder: { nl: "Weet ik niet of zeg ik liever niet", en: "I don't know or rather not say" },
  categoryLegend: { nl: "Waar gaat uw melding over?", en: "What is your report about?" },
  descriptionLabel: { nl: "Wat is er gebeurd?", en: "What happened?" },
  descriptionHint: {
    nl: "Beschrijf wat er is gebeurd, wanneer en waar. Noem alleen namen als u dat wilt.",
    en: "Describe what happened, when and where. Only give names if you want to.",
  },
  submitReport: { nl: "Melding versturen", en: "Send report" },
  errorSummaryTitle: { nl: "Er is een probleem", en: "There is a problem" },
  errorPrefix: { nl: "Fout", en: "Error" },
  receiptTitle: { nl: "Uw melding is ontvangen", en: "Your report has been received" },
  receiptSave: {
    nl: "Bewaar deze code goed. U ziet hem maar één keer. Met de code kunt u later zien wat er met uw melding gebeurt. Wij kunnen de code niet opnieuw maken.",
    en: "Keep this code safe. You will see it only once. With it you can later see what happens to your report. We cannot make the code again.",
  },
  receiptCodeLabel: { nl: "Uw code", en: "Your code" },
  receiptPrint: {
    nl: "Schrijf de code op of druk deze pagina af. Sla hem niet op een computer of telefoon van uw werk op.",
    en: "Write the code down or print this page. Do not store it on a computer or phone from work.",
  },
  whereTitle: { nl: "Waar is uw melding naartoe?", en: "Where did your report go?" },
  nextTitle: { nl: "Wat gebeurt er nu?", en: "What happens next?" },
  ackBy: { nl: "Uiterlijk op {date} bevestigen we dat uw melding is ontvangen.", en: "By {date} we confirm that your report was received." },
  feedbackBy: { nl: "Uiterlijk op {date} hoort u wat er met uw melding is gedaan.", en: "By {date} you will hear what was done with your report." },
  followUpTitle: { nl: "Uw melding opvolgen", en: "Follow up your report" },
  codeLabel: { nl: "Uw code", en: "Your code" },
  codeHint: {
    nl: "De code heeft 24 tekens in groepjes van vier. Hoofdletters of kleine letters maakt niet uit.",
    en: "The code has 24 characters in groups of four. Upper or lower case does not matter.",
  },
  showStatus: { nl: "Bekijk uw melding", en: "View your report" },
  statusTitle: { nl: "Uw melding", en: "Your report" },
  statusLabel: { nl: "Status", en: "Status" },
  organisationLabel: { nl: "Organisatie", en: "Organisation" },
  deskLabel: { nl: "Behandeld door", en: "Handled by" },
  receivedLabel: { nl: "Ontvangen op", en: "Received on" },
  ackDueLabel: { nl: "Bevestiging uiterlijk", en: "Confirmation by" },
  feedbackDueLabel: { nl: "Terugkoppeling uiterlijk", en: "Feedback by" },
  /** An advice contact's one promise: the vertrouwenspersoon responds by the date a report would be acknowledged. */
  answerDueLabel: { nl: "Reactie van de vertrouwenspersoon uiterlijk", en: "Response from the confidential advisor by" },
  categoryLabel: { nl: "Onderwerp", en: "Subject" },
  timelineTitle: { nl: "Verloop", en: "Timeline" },
  yourTextTitle: { nl: "Wat u schreef", en: "What you wrote" },
  backHome: { nl: "Terug naar de startpagina", en: "Back to the start page" },
  notFoundTitle: { nl: "Deze pagina bestaat niet", en: "This page does not exist" },
  errorTitle: { nl: "Er ging iets mis", en: "Something went wrong" },
  forbiddenTitle: { nl: "Geen toegang", en: "No access" },
  errorRetry: {
    nl: "Er is niets opgeslagen. Probeer het later opnieuw. Blijft het misgaan? Bel dan de vertrouwenspersoon van uw organisatie.",
    en: "Nothing was stored. Please try again later. If it keeps failing, call your organisation's confidential advisor.",
  },
  configTitle: { nl: "Instellingen van {member}", en: "Settings of {member}" },
  configIntro: {
    nl: "Hier ziet u hoe meldingen over uw organisatie worden verdeeld. Deze pagina toont nooit de inhoud van meldingen.",
    en: "This is how reports about your organisation are routed. This page never shows the content of reports.",
  },
  configSaved: { nl: "De instellingen zijn opgeslagen.", en: "The settings have been saved." },
  configDetails: { nl: "Gegevens", en: "Details" },
  kindLabel: { nl: "Soort", en: "Kind" },
  fteLabel: { nl: "Aantal fte", en: "Headcount (fte)" },
  fteHint: { nl: "Voor het aantal meldingen per 1.000 fte.", en: "For the number of reports per 1,000 fte." },
  retentionLabel: { nl: "Bewaartermijn (jaren)", en: "Retention period (years)" },
  measuresLabel: { nl: "Maatregelen die uw organisatie gebruikt", en: "Measures your organisation uses" },
  nameLabel: { nl: "Naam", en: "Name" },
  themeLabel: { nl: "Huiskleur (niet verplicht)", en: "House colour (optional)" },
  allowNamingLabel: {
    nl: "Onze organisatie mag bij naam genoemd worden in de regionale casuïstiekbibliotheek",
    en: "Our organisation may be named in the regional case library",
  },
  themeHint: { nl: "Als kleurcode, zoals #01689B. Leeg: de kleuren van de regio.", en: "As a colour code, like #01689B. Empty: the region's colours." },
  routesTitle: { nl: "Gegevens en routes", en: "Details and routes" },
  routeVp: { nl: "Advies en steun (vertrouwenspersoon)", en: "Advice and support (confidential advisor)" },
  routeIntegriteit: { nl: "Meldingen over medewerkers en klokkenluidersmeldingen", en: "Reports about staff, and whistleblower reports" },
  routeBestuurlijk: { nl: "Meldingen over bestuurders", en: "Reports about officials" },
  routeBurgemeester: { nl: "Meldingen over de burgemeester (griffier)", en: "Reports about the mayor (clerk)" },
  alternateReceiving: { nl: "Uitwijk als het gaat over iemand van de ontvangende balie", en: "Alternate when it concerns someone on the receiving desk" },
  alternateSecretary: { nl: "Uitwijk als het gaat over de gemeentesecretaris of directeur", en: "Alternate when it concerns the municipal secretary or director" },
  noRoute: { nl: "Geen eigen route (regionale intake)", en: "No route of its own (regional intake)" },
  saveConfig: { nl: "Instellingen opslaan", en: "Save settings" },
  logoTitle: { nl: "Logo", en: "Logo" },
  logoLabel: { nl: "Nieuw logo (niet verplicht)", en: "New logo (optional)" },
  logoHint: {
    nl: "PNG of JPEG, hoogstens 5 kB; het staat naast de naam van de organisatie boven haar pagina's, 48 pixels hoog. Leeg: alleen de naam.",
    en: "PNG or JPEG, at most 5 kB; it is shown beside the organisation's name above its pages, 48 pixels high. Empty: the name only.",
  },
  logoCurrent: { nl: "Het huidige logo:", en: "The current logo:" },
  logoCurrentAlt: { nl: "Logo van {member}", en: "Logo of {member}" },
  logoNone: { nl: "Er is nog geen logo.", en: "There is no logo yet." },
  saveLogo: { nl: "Logo opslaan", en: "Save logo" },
  removeLogo: { nl: "Logo verwijderen", en: "Remove logo" },
  routingTableTitle: { nl: "Zo worden meldingen verdeeld", en: "How reports are routed" },
  situationHeader: { nl: "Situatie", en: "Situation" },
  deskHeader: { nl: "Gaat naar", en: "Goes to" },
  trackHeader: { nl: "Spoor", en: "Track" },
  whyHeader: { nl: "Waarom", en: "Why" },
  tryTitle: { nl: "Probeer een routeringsvraag", en: "Try a routing question" },
  tryButton: { nl: "Laat zien waar dit heen gaat", en: "Show where this goes" },
  tryResult: { nl: "Dit gaat naar {desk} ({track}).", en: "This goes to {desk} ({track})." },
  backToStaff: { nl: "Terug naar uw overzicht", en: "Back to your overview" },
  backToQueue: { nl: "Terug naar de werkvoorraad", en: "Back to the queue" },
  tooLargeTitle: { nl: "Uw bericht is te groot", en: "Your message is too large" },
} satisfies Record<string, Label>;

/** The choices of what a reporter wants, in the reporter's words. */
export const WANTS_TEXT: Record<Wish, Label> = {
  advies: { nl: "Eerst praten met een vertrouwenspersoon (advies of steun; er gebeurt niets zonder uw toestemming)", en: "Talk to a confidential advisor first (advice or support; nothing happens without your consent)" },
  melding: { nl: "Een melding doen, zodat er iets mee gebeurt", en: "Make a report, so that something is done about it" },
  beide: { nl: "Allebei", en: "Both" },
};

/** The routes and conflict alternates of a member, as its settings and onboarding pages name them. */
export const ROUTE_LABELS: Record<keyof Member["routes"], Label> = {
  vp: T.routeVp,
  integriteit: T.routeIntegriteit,
  bestuurlijk: T.routeBestuurlijk,
  burgemeester: T.routeBurgemeester,
};
export const ALTERNATE_LABELS = [
  ["alternates.receivingDesk", T.alternateReceiving],
  ["alternates.gemeentesecretaris", T.alternateSecretary],
] as const;

/** The measures in words: the domain's, so the form, the statistics and the reports say the same. */
export const MEASURE_TEXT: Record<Measure, Label> = MEASURE_LABELS;

/** States as the desk names them (DESIGN §2). */
export const STATE_FOR_STAFF: Record<CaseState, Label> = {
  ontvangen: { nl: "Ontvangen", en: "Received" },
  bevestigd: { nl: "Bevestigd", en: "Acknowledged" },
  triage: { nl: "Triage", en: "Triage" },
  vooronderzoek: { nl: "Vooronderzoek", en: "Preliminary inquiry" },
  feitenonderzoek: { nl: "Feitenonderzoek", en: "Fact-finding investigation" },
  rapport: { nl: "Rapport", en: "Report" },
  besluit: { nl: "Besluit", en: "Decision" },
  maatregel: { nl: "Maatregel", en: "Measure" },
  "afdoening-lijn": { nl: "Afdoening in de lijn", en: "Handled by the line manager" },
  doorverwezen: { nl: "Doorverwezen", en: "Referred" },
  gesloten: { nl: "Gesloten", en: "Closed" },
};

/** States in the reporter's words: no internal steps or names of investigations. */
export const STATE_FOR_REPORTER: Record<CaseState, Label> = {
  ontvangen: { nl: "Ontvangen", en: "Received" },
  bevestigd: { nl: "Ontvangst bevestigd", en: "Receipt confirmed" },
  triage: { nl: "Wordt beoordeeld", en: "Being assessed" },
  vooronderzoek: { nl: "In behandeling", en: "Being handled" },
  feitenonderzoek: { nl: "In behandeling", en: "Being handled" },
  rapport: { nl: "In behandeling", en: "Being handled" },
  besluit: { nl: "In behandeling", en: "Being handled" },
  maatregel: { nl: "In behandeling", en: "Being handled" },
  "afdoening-lijn": { nl: "In behandeling", en: "Being handled" },
  doorverwezen: { nl: "Doorverwezen", en: "Referred" },
  gesloten: { nl: "Afgesloten", en: "Closed" },
};

export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
