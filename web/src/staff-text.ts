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
