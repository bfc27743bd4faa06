// The wegwijzer's text: plain Dutch (B1: short sentences, everyday words) with English beside it. `{member}` is
// filled in with the member's name on a member's start page.
import type { Label } from "@meldpunt/domain";

export const W = {
  title: { nl: "Wegwijzer: waar kunt u terecht?", en: "Signpost: where can you go?" },
  memberTitle: { nl: "Wegwijzer {member}", en: "Signpost {member}" },
  heading: { nl: "Iets gezien of meegemaakt dat niet deugt?", en: "Did you see or experience something wrong?" },
  memberHeading: { nl: "Iets gezien of meegemaakt bij {member} dat niet deugt?", en: "Did you see or experience something wrong at {member}?" },
  intro: {
    nl: "Werkt u bij een gemeente of gemeenschappelijke regeling in West-Friesland? Of woont u in de regio? Hier leest u waar u terecht kunt. U kiest zelf wat u doet. U hoeft uw naam niet te noemen.",
    en: "Do you work for a municipality or joint body in West-Friesland? Or do you live in the region? Here you can read where to go. You decide what you do. You do not have to give your name.",
  },
  memberIntro: {
    nl: "Werkt u bij {member}? Of heeft u met {member} te maken? Hier leest u waar u terecht kunt. U kiest zelf wat u doet. U hoeft uw naam niet te noemen.",
    en: "Do you work for {member}? Or do you deal with {member}? Here you can read where to go. You decide what you do. You do not have to give your name.",
  },
  doubt: {
    nl: "Twijfelt u of het erg genoeg is? Neem dan toch contact op. Een vertrouwenspersoon denkt met u mee.",
    en: "Not sure whether it is serious enough? Get in touch anyway. A confidential advisor will think it through with you.",
  },
  dangerNow: { nl: "Is er nu gevaar? Bel meteen 112.", en: "Is someone in danger right now? Call 112 at once." },
  chooseTitle: { nl: "Wat wilt u doen?", en: "What would you like to do?" },

  adviceTitle: { nl: "Eerst praten met een vertrouwenspersoon", en: "Talk to a confidential advisor first" },
  adviceWhat: {
    nl: "Een vertrouwenspersoon luistert naar u en geeft advies. Hij of zij helpt u kiezen wat u wilt doen. Ook als u een melding doet, kunt u steun krijgen.",
    en: "A confidential advisor (vertrouwenspersoon) listens to you and gives advice. They help you choose what to do. If you make a report, they can support you too.",
  },
  adviceControl: {
    nl: "U houdt zelf de regie. Er gebeurt niets zonder uw toestemming. De vertrouwenspersoon vertelt niemand iets als u dat niet wilt.",
    en: "You stay in control. Nothing happens without your consent. The confidential advisor tells no one anything unless you agree.",
  },
  adviceLink: { nl: "Vraag om contact met een vertrouwenspersoon", en: "Ask for contact with a confidential advisor" },

  reportTitle: { nl: "Een melding doen", en: "Make a report" },
  reportWhat: {
    nl: "Wilt u dat er iets gebeurt? Doe dan een melding. Uw melding komt bij de integriteitscoördinator van de organisatie. Die bekijkt wat er is gebeurd en wat er nodig is.",
    en: "Do you want something to be done? Then make a report. Your report goes to the organisation's integrity coordinator. They look at what happened and what is needed.",
  },
  reportExamples: {
    nl: "Het kan bijvoorbeeld gaan over pesten, intimidatie, discriminatie, fraude, diefstal, het lekken van informatie of misbruik van macht.",
    en: "It can be about bullying, intimidation, discrimination, fraud, theft, leaking information or abuse of power, for example.",
  },
  reportUnknown: {
    nl: "Weet u niet bij welke organisatie het hoort? Kies dan in het formulier 'Ik weet het niet'. De regionale intake zoekt het voor u uit.",
    en: "Do you not know which organisation it belongs to? Then choose 'I don't know' in the form. Regional intake will find out for you.",
  },
  reportConflict: {
    nl: "Gaat het over iemand die meldingen behandelt, zoals de vertrouwenspersoon of de integriteitscoördinator? Zeg dat in het formulier. Dan komt uw melding bij iemand anders terecht.",
    en: "Is it about someone who handles reports, such as the confidential advisor or the integrity coordinator? Say so in the form. Then your report goes to someone else.",
  },
  reportLink: { nl: "Een melding doen", en: "Make a report" },

  officialTitle: { nl: "Een melding over een bestuurder", en: "A report about an alderman, council member or mayor" },
  officialWhat: {
    nl: "Gaat uw melding over een wethouder, een raadslid of de burgemeester? Dan volgt uw melding een eigen route.",
    en: "Is your report about an alderman (wethouder), a council member (raadslid) or the mayor (burgemeester)? Then your report follows a route of its own.",
  },
  officialMunicipality: {
    nl: "Een melding over een wethouder of raadslid gaat naar de burgemeester. Een melding over de burgemeester gaat via de griffier.",
    en: "A report about an alderman or council member goes to the mayor. A report about the mayor goes through the council clerk (griffier).",
  },
  officialJointBody: {
    nl: "Gaat het over een bestuurder van een gemeenschappelijke regeling? Dan zorgt de regionale intake dat uw melding bij de juiste persoon komt.",
    en: "Is it about an official of a joint body? Then regional intake makes sure your report reaches the right person.",
  },
  officialRole: {
    nl: "Kies in het formulier wie de persoon is, bijvoorbeeld 'Wethouder'. Dan volgt uw melding de goede route.",
    en: "Choose in the form who the person is, for example 'Alderman'. Then your report takes the right route.",
  },
  officialLink: { nl: "Een melding over een bestuurder doen", en: "Report about an alderman, council member or mayor" },

  misstandTitle: { nl: "Een misstand melden als klokkenluider", en: "Report wrongdoing as a whistleblower" },
  misstandWhat: {
    nl: "Gaat het om iets dat de samenleving raakt? Bijvoorbeeld: de wet wordt overtreden. Of er is gevaar voor de gezondheid, de veiligheid of het milieu. Of de organisatie werkt niet meer zoals het hoort. Dat heet een maatschappelijke misstand.",
    en: "Does it affect society? For example: the law is broken. Or there is a danger to health, safety or the environment. Or the organisation no longer works as it should. That is called wrongdoing of public concern (maatschappelijke misstand).",
  },
  misstandProtection: {
    nl: "Heeft u goede redenen om te denken dat er een misstand is? Dan beschermt de Wet bescherming klokkenluiders u. U mag niet benadeeld worden omdat u het meldt, bijvoorbeeld door ontslag.",
    en: "Do you have good reasons to think there is wrongdoing? Then the Whistleblower Protection Act (Wet bescherming klokkenluiders) protects you. You may not be treated unfairly because you report it, for example by being dismissed.",
  },
  misstandExternal: {
    nl: "U kunt de misstand hier melden. U mag ook meteen naar het Huis voor Klokkenluiders gaan, of daar eerst advies vragen. Het Huis geeft gratis en vertrouwelijk advies. Het telefoonnummer is 088 133 10 00.",
    en: "You can report the wrongdoing here. You may also go straight to the Dutch Whistleblowers Authority (Huis voor Klokkenluiders), or ask them for advice first. Their advice is free and confidential. Their phone number is +31 88 133 10 00.",
  },
  misstandLink: { nl: "Een misstand melden", en: "Report wrongdoing" },

  emergencyTitle: { nl: "Direct gevaar of een misdrijf", en: "Immediate danger or a crime" },
  emergencyCall: { nl: "Is er nu gevaar voor iemand? Bel meteen 112.", en: "Is someone in danger right now? Call 112 at once." },
  emergencyPolice: {
    nl: "Wilt u aangifte doen van een misdrijf, zoals geweld, bedreiging of diefstal? Dat doet u bij de politie. Is het geen spoed? Bel de politie dan op 0900 8844.",
    en: "Do you want to report a crime, such as violence, threats or theft? You do that with the police. If it is not urgent, call the police on 0900 8844.",
  },
  emergencyAlso: {
    nl: "U kunt het daarna ook hier melden. Dan kan de organisatie maatregelen nemen.",
    en: "You can also report it here afterwards. Then the organisation can take measures.",
  },

  levelsTitle: { nl: "Met of zonder uw naam", en: "With or without your name" },
  levelsIntro: { nl: "U kiest in het formulier zelf of u uw naam noemt. Er zijn drie manieren.", en: "In the form you choose yourself whether you give your name. There are three ways." },
  anonymousTerm: { nl: "Anoniem.", en: "Anonymous." },
  anonymous: {
    nl: "U noemt uw naam niet. Ook het meldpunt weet niet wie u bent. We bewaren geen IP-adres en geen gegevens van uw browser. U volgt uw melding alleen met de code die u krijgt. Heeft het meldpunt vragen? Dan leest en beantwoordt u die met uw code in uw berichtenbox. Zonder de code kunnen we u niet bereiken.",
    en: "You do not give your name. Not even the reporting point knows who you are. We store no IP address and nothing about your browser. You follow your report only with the code you get. Does the reporting point have questions? You read and answer them with your code in your mailbox. Without the code we cannot reach you.",
  },
  confidentialTerm: { nl: "Vertrouwelijk.", en: "Confidential." },
  confidential: {
    nl: "U noemt uw naam, maar alleen het meldpunt weet wie u bent. Wij geven uw naam nooit door zonder uw toestemming.",
    en: "You give your name, but only the reporting point knows who you are. We never pass your name on without your consent.",
  },
  openTerm: { nl: "Open.", en: "Open." },
  open: {
    nl: "U noemt uw naam en die mag in het onderzoek worden gebruikt. Bijvoorbeeld als mensen worden gehoord. De persoon over wie het gaat, kan dan weten dat de melding van u komt.",
    en: "You give your name and it may be used in the inquiry, for example when people are interviewed. The person it is about may then know that the report comes from you.",
  },
  levelsCode: {
    nl: "Met uw naam kan het meldpunt u makkelijker iets vragen. Maar u kiest zelf. Ook met uw naam krijgt u een code om uw melding te volgen.",
    en: "With your name, the reporting point can ask you things more easily. But it is your choice. With your name you also get a code to follow your report.",
  },

  nextTitle: { nl: "Wat gebeurt er na uw melding?", en: "What happens after your report?" },
  nextCode: {
    nl: "Na het versturen krijgt u een code. Bewaar die goed. Met de code ziet u wat er met uw melding gebeurt.",
    en: "After sending you get a code. Keep it safe. With the code you can see what happens to your report.",
  },
  nextAck: { nl: "Binnen 7 dagen bevestigen we dat uw melding is ontvangen.", en: "Within 7 days we confirm that your report was received." },
  nextFeedback: { nl: "Binnen 3 maanden hoort u wat er met uw melding is gedaan.", en: "Within 3 months you hear what was done with your report." },
  followUpLink: { nl: "Heeft u al een code? Bekijk uw melding", en: "Do you already have a code? View your report" },
  otherMember: { nl: "Gaat het om een andere organisatie? Naar de wegwijzer van de regio", en: "Is it about another organisation? Go to the region's signpost" },
} satisfies Record<string, Label>;
