// Interface text for staff: the staff pages of the hub and the embedded demo provider's login pages.
import type { Label } from "@meldpunt/domain";

export const S = {
  staffTitle: { nl: "Medewerkers", en: "Staff" },
  signedInAs: { nl: "U bent ingelogd als {name}.", en: "You are logged in as {name}." },
  emailLabel: { nl: "E-mailadres", en: "E-mail address" },
  rolesTitle: { nl: "Uw rollen", en: "Your roles" },
  noRoles: {
    nl: "U hebt nog geen rol in het meldpunt. Vraag de beheerder van uw organisatie om u toegang te geven.",
    en: "You have no role in the hub yet. Ask your organisation's administrator to give you access.",
  },
  deskServes: { nl: "{desk}, voor {members}", en: "{desk}, for {members}" },
  mayTitle: { nl: "Wat u mag doen", en: "What you may do" },
  queuesTitle: { nl: "Werkvoorraad", en: "Queues" },
  settingsTitle: { nl: "Instellingen van organisaties", en: "Settings of organisations" },
  wholeRegion: { nl: "de hele regio", en: "the whole region" },
  noCaseContent: {
    nl: "U kunt geen inhoud van meldingen lezen. Dat kunnen alleen medewerkers van de balie die de melding behandelt.",
    en: "You cannot read the content of reports. Only staff of the desk that handles a report can.",
  },
  logout: { nl: "Uitloggen", en: "Log out" },
  loggedOutTitle: { nl: "U bent uitgelogd", en: "You are logged out" },
  loggedOutText: {
    nl: "Werkt u op een gedeelde computer? Sluit dan ook de browser.",
    en: "Are you using a shared computer? Then close the browser as well.",
  },
  providerName: { nl: "Demo-inlogdienst van het meldpunt", en: "The hub's demo login service" },
  providerIntro: {
    nl: "Dit is de ingebouwde inlogdienst van het lokale meldpunt, alleen voor demonstraties. De demo-accounts en het wachtwoord staan in de uitvoer van het startcommando.",
    en: "This is the built-in login service of the local hub, for demonstrations only. The demo accounts and the password are printed by the start command.",
  },
  loginTitle: { nl: "Inloggen", en: "Log in" },
  usernameLabel: { nl: "Gebruikersnaam", en: "User name" },
  passwordLabel: { nl: "Wachtwoord", en: "Password" },
  loginButton: { nl: "Inloggen", en: "Log in" },
  loginWrong: { nl: "De gebruikersnaam of het wachtwoord klopt niet.", en: "The user name or the password is not correct." },
  providerLogoutTitle: { nl: "Ook bij de inlogdienst uitloggen?", en: "Also log out of the login service?" },
  providerLogoutText: {
    nl: "U bent uitgelogd bij het meldpunt. Logt u ook hier uit, dan vraagt de inlogdienst de volgende keer weer uw wachtwoord.",
    en: "You are logged out of the hub. If you also log out here, the login service asks for your password again next time.",
  },
  providerLogoutYes: { nl: "Ja, uitloggen", en: "Yes, log out" },
  providerLogoutNo: { nl: "Nee, ingelogd blijven", en: "No, stay logged in" },
  providerErrorTitle: { nl: "Inloggen lukt nu niet", en: "Logging in is not possible now" },
  providerErrorText: {
    nl: "De inlogdienst kon uw verzoek niet verwerken. Ga terug naar het meldpunt en probeer het opnieuw.",
    en: "The login service could not handle your request. Go back to the hub and try again.",
  },
  providerDoneTitle: { nl: "U bent uitgelogd bij de inlogdienst", en: "You are logged out of the login service" },
} satisfies Record<string, Label>;

/** The hub operator's pages: members and desks, onboarding a member, staff. */
export const O = {
  operatorLink: { nl: "Organisaties, balies en medewerkers beheren", en: "Manage organisations, desks and staff" },
  membersTitle: { nl: "Organisaties en balies", en: "Organisations and desks" },
  membersIntro: {
    nl: "De organisaties die bij het meldpunt zijn aangesloten en hun balies. Deze pagina's tonen nooit de inhoud van meldingen.",
    en: "The organisations that are members of the hub, and their desks. These pages never show the content of reports.",
  },
  onboardLink: { nl: "Een organisatie aansluiten", en: "Onboard an organisation" },
  staffLink: { nl: "Medewerkers en hun rollen", en: "Staff and their roles" },
  backToMembers: { nl: "Terug naar organisaties en balies", en: "Back to organisations and desks" },
  nameHeader: { nl: "Naam", en: "Name" },
  kindHeader: { nl: "Soort", en: "Kind" },
  fteHeader: { nl: "Fte", en: "FTE" },
  desksTitle: { nl: "Balies", en: "Desks" },
  deskHeader: { nl: "Balie", en: "Desk" },
  ownerHeader: { nl: "Van", en: "Belongs to" },
  servesHeader: { nl: "Behandelt meldingen over", en: "Handles reports about" },
  servesEveryone: { nl: "Alle organisaties", en: "Every organisation" },
  onboardTitle: { nl: "Een organisatie aansluiten", en: "Onboard an organisation" },
  onboardIntro: {
    nl: "Sluit een gemeente of gemeenschappelijke regeling aan. Kies per route een eigen balie of een balie die er al is; een balie die er al is, gaat dan ook deze organisatie bedienen.",
    en: "Onboard a municipality or joint body. For each route, choose a desk of its own or one that exists; an existing desk then serves this organisation too.",
  },
  detailsTitle: { nl: "Gegevens", en: "Details" },
  idLabel: { nl: "Code", en: "Code" },
  idHint: {
    nl: "Kleine letters, cijfers en streepjes, bijvoorbeeld schagen. De code komt in adressen en in de codes van de balies en kan later niet veranderen.",
    en: "Lower-case letters, digits and hyphens, for example schagen. The code goes into addresses and desk codes and cannot change later.",
  },
  memberNameLabel: { nl: "Naam", en: "Name" },
  memberNameHint: { nl: "Bijvoorbeeld Gemeente Schagen.", en: "For example Gemeente Schagen." },
  kindLegend: { nl: "Soort organisatie", en: "Kind of organisation" },
  routesTitle: { nl: "Balies per route", en: "Desks for each route" },
  onlyGemeente: { nl: "{route} (alleen voor een gemeente)", en: "{route} (municipalities only)" },
  deskLabel: { nl: "Balie", en: "Desk" },
  ownDesk: { nl: "Een eigen balie (nieuw)", en: "A desk of its own (new)" },
  ownDeskName: { nl: "Naam van de eigen balie", en: "Name of its own desk" },
  ownDeskHint: { nl: "Leeg laten: {name}. Code: {id}.", en: "Leave empty: {name}. Code: {id}." },
  namePlaceholder: { nl: "<naam>", en: "<name>" },
  codePlaceholder: { nl: "<code>", en: "<code>" },
  alternatesTitle: { nl: "Uitwijk bij een belangenconflict", en: "Alternates for a conflict of interest" },
  alternatesIntro: {
    nl: "Gaat een melding over iemand van de balie die haar zou krijgen, dan gaat ze hierheen. Een balie van een andere organisatie gaat dan ook deze organisatie bedienen.",
    en: "When a report concerns someone on the desk that would receive it, it goes here instead. A desk of another organisation then serves this organisation too.",
  },
  ownBestuurlijk: { nl: "De eigen balie bestuurlijke integriteit (nieuw)", en: "Its own desk for officials (new)" },
  onboardButton: { nl: "Organisatie aansluiten", en: "Onboard the organisation" },
  staffListTitle: { nl: "Medewerkers van het meldpunt", en: "Staff of the hub" },
  staffListIntro: {
    nl: "Wie inlogt, krijgt de rollen die hier staan. Wie de inlogdienst kent maar hier niet staat, komt er niet in.",
    en: "Whoever logs in gets the roles listed here. Someone the login service knows but who is not listed here gets no access.",
  },
  staffSaved: { nl: "De medewerker is opgeslagen.", en: "The staff member has been saved." },
  staffIdHeader: { nl: "Inlog-id", en: "Login id" },
  rolesHeader: { nl: "Rollen", en: "Roles" },
  staffFormTitle: { nl: "Een medewerker toevoegen of wijzigen", en: "Add or change a staff member" },
  staffFormIntro: {
    nl: "Staat het inlog-id hierboven al, dan vervangt u de naam, het e-mailadres en de rollen van die medewerker.",
    en: "If the login id is listed above, you replace that staff member's name, e-mail address and roles.",
  },
  staffIdLabel: { nl: "Inlog-id (OIDC-subject)", en: "Login id (OIDC subject)" },
  staffIdHint: {
    nl: "Het id dat de inlogdienst voor deze persoon geeft (de claim sub). Bij Cognito is dat de sub van de gebruiker (een lange code met streepjes); bij de ingebouwde demo-inlogdienst is het demo-<gebruikersnaam>.",
    en: "The id the login service gives this person (the sub claim). In Cognito it is the user's sub (a long code with hyphens); in the built-in demo login service it is demo-<user name>.",
  },
  staffNameLabel: { nl: "Naam", en: "Name" },
  roleLegend: { nl: "Rol", en: "Role" },
  roleDeskLabel: { nl: "Balie (bij medewerker van een balie)", en: "Desk (for desk staff)" },
  roleMemberLabel: { nl: "Organisatie (bij beheerder van een organisatie)", en: "Organisation (for an organisation administrator)" },
  choose: { nl: "Kies", en: "Choose" },
  saveStaff: { nl: "Medewerker opslaan", en: "Save staff member" },
} satisfies Record<string, Label>;

export const KIND_TEXT = {
  gemeente: { nl: "Gemeente", en: "Municipality" },
  gr: { nl: "Gemeenschappelijke regeling", en: "Joint body" },
  regio: { nl: "Het meldpunt zelf", en: "The hub itself" },
} satisfies Record<string, Label>;

export const DESK_TYPE_TEXT = {
  vp: { nl: "Vertrouwenspersoon", en: "Confidential advisor" },
  integriteit: { nl: "Integriteit", en: "Integrity" },
  bestuurlijk: { nl: "Bestuurlijke integriteit", en: "Officials' integrity" },
  intake: { nl: "Regionale intake", en: "Regional intake" },
} satisfies Record<string, Label>;

/** The embedded default's outgoing mail, shown to demo staff at /demo/post (docs/decisions.md 31). */
export const DEMO_POST = {
  link: { nl: "Demo-post: de e-mail die het meldpunt verstuurde", en: "Demo mail: the e-mail the hub sent" },
  title: { nl: "Demo-post", en: "Demo mail" },
  intro: {
    nl: "Het lokale meldpunt verstuurt geen echte e-mail: elk bericht wordt als .eml-bestand in de gegevensmap bewaard. Hier staat de e-mail aan u, het nieuwste eerst. In de cloud gaat het via Amazon SES naar de ontvangers.",
    en: "The local hub sends no real e-mail: each message is kept as an .eml file in the data folder. The e-mail to you is listed here, newest first. In the cloud it goes to its recipients through Amazon SES.",
  },
  caption: { nl: "Verstuurde e-mail, het nieuwste eerst", en: "E-mail sent, newest first" },
  empty: { nl: "Er is nog geen e-mail aan u verstuurd.", en: "No e-mail has been sent to you yet." },
  subjectHeader: { nl: "Onderwerp", en: "Subject" },
  toHeader: { nl: "Aan", en: "To" },
  fromHeader: { nl: "Van", en: "From" },
  dateHeader: { nl: "Verstuurd", en: "Sent" },
  textTitle: { nl: "Tekst", en: "Text" },
  back: { nl: "Terug naar de demo-post", en: "Back to the demo mail" },
} satisfies Record<string, Label>;
