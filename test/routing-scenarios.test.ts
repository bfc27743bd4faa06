// Routing in plain words, on the demo region of West-Friesland (DESIGN §2, §6; issue 4).
// Each scenario is a sentence a coordinator would recognise, with the reporter's answers and where the report must go:
// the desk, the track, whether it is a case or an advice contact, the member whose key seals it, and the reasons the
// reporter and the desk are shown. A reason is asserted exactly ({ nl, en }) or by the key sentence its Dutch must contain.
import {
  type CaseKind,
  ConfigurationError,
  concernedDesks,
  type Label,
  type Member,
  type PersonConcerned,
  type RegionConfig,
  type RouteName,
  type RoutingQuestion,
  routeReport,
  type Track,
  UNKNOWN_MEMBER,
  ValidationError,
  validateRegion,
} from "@meldpunt/domain";
import { demoRegion } from "@meldpunt/local/demo-region";
import { describe, expect, it } from "vitest";

const region = validateRegion(demoRegion());

// People a report can be about.
const p = (relation: PersonConcerned["relation"], role: PersonConcerned["role"]): PersonConcerned => ({ relation, role });
const COLLEAGUE = p("collega", "medewerker");
const MANAGER = p("leidinggevende", "leidinggevende");
const SENIOR_MANAGER = p("hoger-management", "leidinggevende");
const SECRETARY = p("hoger-management", "gemeentesecretaris");
const COORDINATOR = p("collega", "integriteitscoordinator");
const VP = p("onbekend", "vertrouwenspersoon");
const MAYOR = p("bestuurder", "burgemeester");
const ALDERMAN = p("bestuurder", "wethouder");
const COUNCILLOR = p("bestuurder", "raadslid");
const OUTSIDER = p("extern", "extern");
const UNKNOWN = p("onbekend", "onbekend");

// The fixed sentences, exactly as the reporter reads them.
const ADVICE: Label = {
  nl: "U vraagt advies of steun. Daarvoor is er de vertrouwenspersoon. Er gebeurt niets zonder uw toestemming.",
  en: "You ask for advice or support. That is what the confidential advisor is for. Nothing happens without your consent.",
};
const UNKNOWN_ORGANISATION: Label = {
  nl: "U wist niet bij welke organisatie dit hoort. De regionale intake zoekt dat uit en stuurt uw melding door.",
  en: "You did not know which organisation this concerns. Regional intake finds out and forwards your report.",
};
const BESTUURDER: Label = {
  nl: "Uw melding gaat over een bestuurder. Meldingen over bestuurders volgen een eigen regeling.",
  en: "Your report concerns an elected or appointed official. Such reports follow their own procedure.",
};
const BURGEMEESTER: Label = {
  nl: "Uw melding gaat over de burgemeester. Die behandelt de burgemeester dus niet zelf: ze gaat via de griffier.",
  en: "Your report concerns the mayor, so the mayor does not handle it: it goes through the clerk of the council.",
};
const ALSO_ADVICE: Label = {
  nl: "U kunt daarnaast met de vertrouwenspersoon praten, voor advies en steun.",
  en: "You can also talk to the confidential advisor, for advice and support.",
};
/** The whistleblower sentence, by its key phrase: the external route must be named. */
const WBK = "Huis voor Klokkenluiders";
const ownDesk = (member: string, desk: string): Label => ({
  nl: `Meldingen over integriteit bij ${member} gaan naar ${desk}.`,
  en: `Integrity reports about ${member} go to ${desk}.`,
});
const goesTo = (desk: string): Label => ({ nl: `Uw melding gaat naar ${desk}.`, en: `Your report goes to ${desk}.` });
/** An advice contact is a question, not a report. */
const questionGoesTo = (desk: string): Label => ({ nl: `Uw vraag gaat naar ${desk}.`, en: `Your question goes to ${desk}.` });
const conflictAt = (planned: string, alternate: string): Label => ({
  nl: `Uw melding gaat over iemand van ${planned}. Daarom gaat ze naar ${alternate}.`,
  en: `Your report concerns someone at ${planned}. So it goes to ${alternate}.`,
});
const questionConflictAt = (planned: string, alternate: string): Label => ({
  nl: `Uw vraag gaat over iemand van ${planned}. Daarom gaat ze naar ${alternate}.`,
  en: `Your question concerns someone at ${planned}. So it goes to ${alternate}.`,
});
const aboutSecretary = (alternate: string): Label => ({
  nl: `Uw melding gaat over de gemeentesecretaris of directeur. Daarom gaat ze naar ${alternate}.`,
  en: `Your report concerns the municipal secretary or director. So it goes to ${alternate}.`,
});

interface Scenario {
  name: string;
  ask: RoutingQuestion;
  desk: string;
  track: Track;
  kind: CaseKind;
  /** The member whose key seals the case. */
  member: string;
  reasons: (Label | string)[];
  /** Words no reason may contain, in Dutch: a reason must not promise a route the report does not take. */
  never?: string[];
}

const SCENARIOS: Scenario[] = [
  {
    name: "An employee of the Westfries Archief, which has no bureau of its own, reports harassment by her department head: it goes to the Hoorn bureau, under the Archief's own key",
    ask: { member: "westfries-archief", wants: "melding", category: "omgang", persons: [MANAGER] },
    desk: "hoorn-integriteit",
    track: "ambtelijk",
    kind: "melding",
    member: "westfries-archief",
    reasons: [{ nl: "Westfries Archief laat integriteitsmeldingen behandelen door Bureau Integriteit Hoorn.", en: "Westfries Archief has integrity reports handled by Bureau Integriteit Hoorn." }],
  },
  {
    name: "A Hoorn employee reports a colleague for bullying: the Hoorn bureau integriteit",
    ask: { member: "hoorn", wants: "melding", category: "omgang", persons: [COLLEAGUE] },
    desk: "hoorn-integriteit",
    track: "ambtelijk",
    kind: "melding",
    member: "hoorn",
    reasons: [ownDesk("Gemeente Hoorn", "Bureau Integriteit Hoorn")],
  },
  {
    name: "A report about a wethouder of Medemblik goes to the burgemeester's desk on the bestuurlijk track",
    ask: { member: "medemblik", wants: "melding", category: "belangen", persons: [ALDERMAN] },
    desk: "medemblik-bestuurlijk",
    track: "bestuurlijk",
    kind: "melding",
    member: "medemblik",
    reasons: [BESTUURDER, goesTo("Bestuurlijke integriteit Medemblik (burgemeester)")],
  },
  {
    name: "A report about the burgemeester of Enkhuizen goes through the griffier, not to the burgemeester",
    ask: { member: "enkhuizen", wants: "melding", category: "bevoegdheden", persons: [MAYOR] },
    desk: "enkhuizen-griffier",
    track: "bestuurlijk",
    kind: "melding",
    member: "enkhuizen",
    reasons: [BURGEMEESTER, goesTo("Griffier Enkhuizen (meldingen over de burgemeester)")],
  },
  {
    name: "A report about the integrity coordinator of Koggenland goes to regional intake, never to her own queue",
    ask: { member: "koggenland", wants: "melding", category: "informatie", persons: [COORDINATOR] },
    desk: "regio-intake",
    track: "ambtelijk",
    kind: "melding",
    member: "koggenland",
    reasons: [conflictAt("Integriteitscoördinator Koggenland", "Regionale intake")],
  },
  {
    name: "A report about the gemeentesecretaris of Opmeer goes to the burgemeester's desk, not to the bureau that answers to him",
    ask: { member: "opmeer", wants: "melding", category: "financieel", persons: [SECRETARY] },
    desk: "opmeer-bestuurlijk",
    track: "ambtelijk",
    kind: "melding",
    member: "opmeer",
    reasons: [aboutSecretary("Bestuurlijke integriteit Opmeer (burgemeester)")],
  },
  {
    name: "A report about the director of the SED-organisatie goes to regional intake",
    ask: { member: "sed", wants: "melding", category: "bevoegdheden", persons: [SECRETARY] },
    desk: "regio-intake",
    track: "ambtelijk",
    kind: "melding",
    member: "sed",
    reasons: [aboutSecretary("Regionale intake")],
  },
  {
    name: "A resident who does not know which organisation it is reports a civil servant: regional intake, sealed under the hub's own key",
    ask: { member: UNKNOWN_MEMBER, wants: "melding", category: "middelen", persons: [UNKNOWN] },
    desk: "regio-intake",
    track: "ambtelijk",
    kind: "melding",
    member: "regio",
    reasons: [UNKNOWN_ORGANISATION],
  },
  {
    name: "A Drechterland employee reports a danger to the environment that management covers up: the bureau on the wbk track, with the Huis voor Klokkenluiders named",
    ask: { member: "drechterland", wants: "melding", category: "misstand", persons: [SENIOR_MANAGER] },
    desk: "drechterland-integriteit",
    track: "wbk",
    kind: "melding",
    member: "drechterland",
    reasons: [WBK, ownDesk("Gemeente Drechterland", "Integriteitscoördinator Drechterland")],
  },
  {
    name: "A Hoorn employee only wants advice about her manager: the Hoorn vertrouwenspersoon, as an advice contact and not a case",
    ask: { member: "hoorn", wants: "advies", category: "omgang", persons: [MANAGER] },
    desk: "hoorn-vp",
    track: "ambtelijk",
    kind: "advies",
    member: "hoorn",
    reasons: [ADVICE, questionGoesTo("Vertrouwenspersoon Hoorn")],
  },
  {
    name: "An SED employee wants advice: the external vertrouwenspersoon the three joint bodies share",
    ask: { member: "sed", wants: "advies", category: "omgang", persons: [COLLEAGUE] },
    desk: "regio-vp-extern",
    track: "ambtelijk",
    kind: "advies",
    member: "sed",
    reasons: [ADVICE, questionGoesTo("Externe vertrouwenspersoon West-Friesland")],
  },
  {
    name: "A Westfries Archief employee wants advice: the same shared external vertrouwenspersoon, under the Archief's key",
    ask: { member: "westfries-archief", wants: "advies", category: "belangen", persons: [MANAGER] },
    desk: "regio-vp-extern",
    track: "ambtelijk",
    kind: "advies",
    member: "westfries-archief",
    reasons: [ADVICE, questionGoesTo("Externe vertrouwenspersoon West-Friesland")],
  },
  {
    name: "An Omgevingsdienst employee wants advice: the same shared external vertrouwenspersoon, under the Omgevingsdienst's key",
    ask: { member: "odnhn", wants: "advies", category: "omgang", persons: [] },
    desk: "regio-vp-extern",
    track: "ambtelijk",
    kind: "advies",
    member: "odnhn",
    reasons: [ADVICE, questionGoesTo("Externe vertrouwenspersoon West-Friesland")],
  },
  {
    name: "Someone at Stede Broec wants advice about the vertrouwenspersoon herself: regional intake, still as an advice contact",
    ask: { member: "stede-broec", wants: "advies", category: "omgang", persons: [VP] },
    desk: "regio-intake",
    track: "ambtelijk",
    kind: "advies",
    member: "stede-broec",
    reasons: [ADVICE, questionConflictAt("Vertrouwenspersoon Stede Broec", "Regionale intake")],
  },
  {
    name: "An Omgevingsdienst employee wants advice about the shared external vertrouwenspersoon: regional intake",
    ask: { member: "odnhn", wants: "advies", category: "omgang", persons: [VP] },
    desk: "regio-intake",
    track: "ambtelijk",
    kind: "advies",
    member: "odnhn",
    reasons: [ADVICE, questionConflictAt("Externe vertrouwenspersoon West-Friesland", "Regionale intake")],
  },
  {
    name: "A former employee of Medemblik reports expense fraud by his former manager: the Medemblik coordinator",
    ask: { member: "medemblik", wants: "melding", category: "financieel", persons: [MANAGER] },
    desk: "medemblik-integriteit",
    track: "ambtelijk",
    kind: "melding",
    member: "medemblik",
    reasons: [ownDesk("Gemeente Medemblik", "Integriteitscoördinator Medemblik")],
  },
  {
    name: "A Hoorn report about a colleague and a wethouder together follows the bestuurlijk route",
    ask: { member: "hoorn", wants: "melding", category: "belangen", persons: [COLLEAGUE, ALDERMAN] },
    desk: "hoorn-bestuurlijk",
    track: "bestuurlijk",
    kind: "melding",
    member: "hoorn",
    reasons: [BESTUURDER, goesTo("Bestuurlijke integriteit Hoorn (burgemeester)")],
  },
  {
    name: "An Enkhuizen report about a manager and the integrity coordinator together goes to regional intake",
    ask: { member: "enkhuizen", wants: "melding", category: "omgang", persons: [MANAGER, COORDINATOR] },
    desk: "regio-intake",
    track: "ambtelijk",
    kind: "melding",
    member: "enkhuizen",
    reasons: [conflictAt("Integriteitscoördinator Enkhuizen", "Regionale intake")],
  },
  {
    name: "A Westfries Archief report about the coordinator who handles its reports (at the Hoorn bureau) goes to regional intake",
    ask: { member: "westfries-archief", wants: "melding", category: "informatie", persons: [COORDINATOR] },
    desk: "regio-intake",
    track: "ambtelijk",
    kind: "melding",
    member: "westfries-archief",
    reasons: [conflictAt("Bureau Integriteit Hoorn", "Regionale intake")],
  },
  {
    name: "A Koggenland employee wants both to report and to talk: a case at the coordinator, and the vertrouwenspersoon is offered",
    ask: { member: "koggenland", wants: "beide", category: "omgang", persons: [COLLEAGUE] },
    desk: "koggenland-integriteit",
    track: "ambtelijk",
    kind: "melding",
    member: "koggenland",
    reasons: [ownDesk("Gemeente Koggenland", "Integriteitscoördinator Koggenland"), ALSO_ADVICE],
  },
  {
    name: "A report about the burgemeester of Hoorn by someone who also wants to talk: the griffier, and the vertrouwenspersoon is offered",
    ask: { member: "hoorn", wants: "beide", category: "omgang", persons: [MAYOR] },
    desk: "hoorn-griffier",
    track: "bestuurlijk",
    kind: "melding",
    member: "hoorn",
    reasons: [BURGEMEESTER, goesTo("Griffier Hoorn (meldingen over de burgemeester)"), ALSO_ADVICE],
  },
  {
    name: "A misstand about a wethouder of Opmeer: the whistleblower procedure wins over the bestuurlijk route",
    ask: { member: "opmeer", wants: "melding", category: "misstand", persons: [ALDERMAN] },
    desk: "opmeer-integriteit",
    track: "wbk",
    kind: "melding",
    member: "opmeer",
    reasons: [WBK, ownDesk("Gemeente Opmeer", "Integriteitscoördinator Opmeer")],
  },
  {
    name: "A report about a raadslid of Drechterland goes to the burgemeester's desk on the bestuurlijk track",
    ask: { member: "drechterland", wants: "melding", category: "prive", persons: [COUNCILLOR] },
    desk: "drechterland-bestuurlijk",
    track: "bestuurlijk",
    kind: "melding",
    member: "drechterland",
    reasons: [BESTUURDER, goesTo("Bestuurlijke integriteit Drechterland (burgemeester)")],
  },
  {
    name: "A report about a bestuurder of Stede Broec whose role the reporter does not know still follows the bestuurlijk route",
    ask: { member: "stede-broec", wants: "melding", category: "bevoegdheden", persons: [p("bestuurder", "onbekend")] },
    desk: "stede-broec-bestuurlijk",
    track: "bestuurlijk",
    kind: "melding",
    member: "stede-broec",
    reasons: [BESTUURDER, goesTo("Bestuurlijke integriteit Stede Broec (burgemeester)")],
  },
  {
    name: "A misstand from someone who does not know the organisation: regional intake on the wbk track, with the Huis voor Klokkenluiders named",
    ask: { member: UNKNOWN_MEMBER, wants: "melding", category: "misstand", persons: [UNKNOWN] },
    desk: "regio-intake",
    track: "wbk",
    kind: "melding",
    member: "regio",
    reasons: [UNKNOWN_ORGANISATION, WBK],
  },
  {
    name: "An Omgevingsdienst employee reports a colleague who leaks information: its own coordinator",
    ask: { member: "odnhn", wants: "melding", category: "informatie", persons: [COLLEAGUE] },
    desk: "odnhn-integriteit",
    track: "ambtelijk",
    kind: "melding",
    member: "odnhn",
    reasons: [ownDesk("Omgevingsdienst Noord-Holland Noord", "Integriteitscoördinator Omgevingsdienst Noord-Holland Noord")],
  },
  {
    name: "A hired worker at the SED-organisatie reports a misstand by its director: regional intake on the wbk track",
    ask: { member: "sed", wants: "melding", category: "misstand", persons: [SECRETARY] },
    desk: "regio-intake",
    track: "wbk",
    kind: "melding",
    member: "sed",
    reasons: [WBK, aboutSecretary("Regionale intake")],
  },
  {
    name: "A Hoorn employee wants advice about the burgemeester: the Hoorn vertrouwenspersoon, as an advice contact",
    ask: { member: "hoorn", wants: "advies", category: "bevoegdheden", persons: [MAYOR] },
    desk: "hoorn-vp",
    track: "bestuurlijk",
    kind: "advies",
    member: "hoorn",
    reasons: [ADVICE, questionGoesTo("Vertrouwenspersoon Hoorn")],
  },
  {
    name: "A resident of Enkhuizen reports a civil servant who accepted a gift: the Enkhuizen coordinator",
    ask: { member: "enkhuizen", wants: "melding", category: "belangen", persons: [p("onbekend", "medewerker")] },
    desk: "enkhuizen-integriteit",
    track: "ambtelijk",
    kind: "melding",
    member: "enkhuizen",
    reasons: [ownDesk("Gemeente Enkhuizen", "Integriteitscoördinator Enkhuizen")],
  },
  {
    name: "A Medemblik employee in a labour conflict that is no integrity matter: the coordinator, who records and refers it",
    ask: { member: "medemblik", wants: "melding", category: "geen", persons: [MANAGER] },
    desk: "medemblik-integriteit",
    track: "ambtelijk",
    kind: "melding",
    member: "medemblik",
    reasons: [ownDesk("Gemeente Medemblik", "Integriteitscoördinator Medemblik")],
  },
  {
    name: "A Koggenland employee reports aggression by a visitor from outside: the Koggenland coordinator",
    ask: { member: "koggenland", wants: "melding", category: "omgang", persons: [OUTSIDER] },
    desk: "koggenland-integriteit",
    track: "ambtelijk",
    kind: "melding",
    member: "koggenland",
    reasons: [ownDesk("Gemeente Koggenland", "Integriteitscoördinator Koggenland")],
  },
  {
    name: "Someone who does not know the organisation and only wants advice: regional intake, as an advice contact under the hub's key",
    ask: { member: UNKNOWN_MEMBER, wants: "advies", category: "omgang", persons: [] },
    desk: "regio-intake",
    track: "ambtelijk",
    kind: "advies",
    member: "regio",
    reasons: [UNKNOWN_ORGANISATION],
  },
  {
    // A GR has no bestuurlijk or burgemeester route of its own (validateRegion does not ask for one): regional intake.
    name: "An SED employee reports a member of the SED's bestuur: regional intake on the bestuurlijk track, under the SED's key",
    ask: { member: "sed", wants: "melding", category: "belangen", persons: [p("bestuurder", "bestuurder")] },
    desk: "regio-intake",
    track: "bestuurlijk",
    kind: "melding",
    member: "sed",
    reasons: [BESTUURDER, "De regionale intake brengt uw melding bij de juiste organisatie."],
  },
  {
    name: "A Westfries Archief employee reports a burgemeester who chairs its bestuur: regional intake, as the Archief has no griffier",
    ask: { member: "westfries-archief", wants: "melding", category: "bevoegdheden", persons: [MAYOR] },
    desk: "regio-intake",
    track: "bestuurlijk",
    kind: "melding",
    member: "westfries-archief",
    reasons: [BESTUURDER, "Westfries Archief heeft geen eigen route voor meldingen over bestuurders."],
    // A GR has no griffier: the reporter must not be told the report goes via one.
    never: ["griffier"],
  },
  {
    // The alternate is checked against the other people in the report too: the gemeentesecretaris alternate,
    // hoorn-bestuurlijk, is the burgemeester's own desk (concernedDesks names it), so regional intake takes it.
    name: "A misstand about the gemeentesecretaris and the burgemeester of Hoorn together never lands on the burgemeester's desk",
    ask: { member: "hoorn", wants: "melding", category: "misstand", persons: [SECRETARY, MAYOR] },
    desk: "regio-intake",
    track: "wbk",
    kind: "melding",
    member: "hoorn",
    reasons: [WBK, "Regionale intake"],
  },
];

describe("the demo region", () => {
  it("is a valid configuration", () => {
    expect(() => validateRegion(demoRegion())).not.toThrow();
  });

  it("has at least 25 routing scenarios, each with a unique name", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
  });
});

describe("routing scenarios", () => {
  it.each(SCENARIOS)("$name", (s) => {
    const route = routeReport(s.ask, region);
    expect({ desk: route.desk.id, track: route.track, kind: route.kind, member: route.member.id }).toEqual({
      desk: s.desk,
      track: s.track,
      kind: s.kind,
      member: s.member,
    });
    expect(region.desks).toContain(route.desk);
    expect(route.reasons.map((r) => r.nl)).toHaveLength(s.reasons.length);
    s.reasons.forEach((want, i) => {
      if (typeof want === "string") expect(route.reasons[i]?.nl).toContain(want);
      else expect(route.reasons[i]).toEqual(want);
    });
    for (const word of s.never ?? []) expect(route.reasons.map((r) => r.nl).join(" ")).not.toContain(word);
    for (const reason of route.reasons) {
      expect(reason.nl.trim().length).toBeGreaterThan(0);
      expect(reason.en.trim().length).toBeGreaterThan(0);
      expect(reason.en).not.toBe(reason.nl);
    }
    if (s.ask.member !== UNKNOWN_MEMBER) expect(concernedDesks(route.member, s.ask.persons)).not.toContain(route.desk.id);
  });

  it("names the Whistleblowers Authority in English too", () => {
    const route = routeReport({ member: "hoorn", wants: "melding", category: "misstand", persons: [] }, region);
    expect(route.reasons[0]).toEqual({
      nl: "U meldt een vermoeden van een maatschappelijke misstand. Dat behandelen we volgens de Wet bescherming klokkenluiders. U kunt ook terecht bij het Huis voor Klokkenluiders.",
      en: "You report a suspected wrongdoing in the public interest. It is handled under the Whistleblower Protection Act. You can also turn to the Whistleblowers Authority (Huis voor Klokkenluiders).",
    });
  });
});

describe("answers that name no member of the region", () => {
  it.each([
    ["an organisation outside the region", "gouda"],
    ["the hub itself", "regio"],
  ])("are refused for %s, on the member field", (_, member) => {
    let error: unknown;
    try {
      routeReport({ member, wants: "melding", category: "omgang", persons: [] }, region);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((i) => i.field)).toEqual(["member"]);
    expect(issues[0]?.message.nl).toContain("Kies een organisatie");
  });
});

// ---------------------------------------------------------------------------------------------------------------------

function memberIn(config: RegionConfig, id: string): Member {
  const member = config.members.find((m) => m.id === id);
  if (!member) throw new Error(`no member ${id}`);
  return member;
}

interface Broken {
  name: string;
  change: (config: RegionConfig) => void;
  member: string;
  route: RouteName;
  /** What the Dutch message must say. */
  says: string;
}

const BROKEN: Broken[] = [
  {
    name: "Enkhuizen's integrity route points at a desk that does not exist",
    change: (c) => {
      memberIn(c, "enkhuizen").routes.integriteit = "enkhuizen-bureau";
    },
    member: "enkhuizen",
    route: "integriteit",
    says: "Balie enkhuizen-bureau bestaat niet.",
  },
  {
    name: "Medemblik's vertrouwenspersoon route ends at the burgemeester's desk, a desk of the wrong kind",
    change: (c) => {
      memberIn(c, "medemblik").routes.vp = "medemblik-bestuurlijk";
    },
    member: "medemblik",
    route: "vp",
    says: "Balie medemblik-bestuurlijk is van het verkeerde soort (bestuurlijk).",
  },
  {
    name: "The Omgevingsdienst sends its integrity reports to the Hoorn bureau, which does not serve it",
    change: (c) => {
      memberIn(c, "odnhn").routes.integriteit = "hoorn-integriteit";
    },
    member: "odnhn",
    route: "integriteit",
    says: "Balie hoorn-integriteit bedient deze organisatie niet.",
  },
  {
    name: "The shared external vertrouwenspersoon no longer serves the Omgevingsdienst, which still routes to it",
    change: (c) => {
      const shared = c.desks.find((d) => d.id === "regio-vp-extern");
      if (shared) shared.serves = ["sed", "westfries-archief"];
    },
    member: "odnhn",
    route: "vp",
    says: "Balie regio-vp-extern bedient deze organisatie niet.",
  },
  {
    name: "Koggenland sends reports about the burgemeester to the burgemeester's own desk instead of the griffier",
    change: (c) => {
      memberIn(c, "koggenland").routes.burgemeester = "koggenland-bestuurlijk";
    },
    member: "koggenland",
    route: "burgemeester",
    says: "mag niet bij de balie van de burgemeester uitkomen (route via de griffier)",
  },
  {
    name: "Stede Broec has no griffier's route for reports about the burgemeester",
    change: (c) => {
      delete memberIn(c, "stede-broec").routes.burgemeester;
    },
    member: "stede-broec",
    route: "burgemeester",
    says: "Deze route ontbreekt.",
  },
  {
    name: "The Westfries Archief has no vertrouwenspersoon route",
    change: (c) => {
      delete memberIn(c, "westfries-archief").routes.vp;
    },
    member: "westfries-archief",
    route: "vp",
    says: "Deze route ontbreekt.",
  },
  {
    name: "Drechterland's alternate for a report about the coordinator is the coordinator's own desk",
    change: (c) => {
      const m = memberIn(c, "drechterland");
      m.alternates = { ...m.alternates, receivingDesk: "drechterland-integriteit" };
    },
    member: "drechterland",
    route: "alternates.receivingDesk",
    says: "De uitwijkbalie drechterland-integriteit is zelf de balie met het belangenconflict.",
  },
  {
    name: "The SED-organisatie's alternate for a report about the vertrouwenspersoon is the shared external vertrouwenspersoon itself",
    change: (c) => {
      const m = memberIn(c, "sed");
      m.alternates = { ...m.alternates, receivingDesk: "regio-vp-extern" };
    },
    member: "sed",
    route: "alternates.receivingDesk",
    says: "De uitwijkbalie regio-vp-extern is zelf de balie met het belangenconflict.",
  },
  {
    name: "Hoorn's alternate for a report about the gemeentesecretaris is the bureau that answers to him",
    change: (c) => {
      const m = memberIn(c, "hoorn");
      m.alternates = { ...m.alternates, gemeentesecretaris: "hoorn-integriteit" };
    },
    member: "hoorn",
    route: "alternates.gemeentesecretaris",
    says: "De uitwijkbalie hoorn-integriteit is zelf de balie met het belangenconflict.",
  },
  {
    name: "Opmeer has no alternate for a report about the gemeentesecretaris",
    change: (c) => {
      delete memberIn(c, "opmeer").alternates?.gemeentesecretaris;
    },
    member: "opmeer",
    route: "alternates.gemeentesecretaris",
    says: "Deze uitwijkbalie ontbreekt.",
  },
  {
    name: "The Westfries Archief's alternate is a desk that does not exist",
    change: (c) => {
      const m = memberIn(c, "westfries-archief");
      m.alternates = { ...m.alternates, receivingDesk: "archief-uitwijk" };
    },
    member: "westfries-archief",
    route: "alternates.receivingDesk",
    says: "Balie archief-uitwijk bestaat niet.",
  },
  {
    name: "The region itself (regional intake) is missing",
    change: (c) => {
      c.members = c.members.filter((m) => m.id !== "regio");
    },
    member: "regio",
    route: "integriteit",
    says: "De regio zelf ontbreekt (regionale intake).",
  },
];

describe("broken configurations are refused", () => {
  it.each(BROKEN)("$name", (b) => {
    const config = demoRegion();
    b.change(config);
    let error: unknown;
    try {
      validateRegion(config);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const refusal = error as ConfigurationError;
    const problem = refusal.problems.find((x) => x.member === b.member && x.route === b.route);
    expect(problem, `no problem for ${b.member} (${b.route}) in ${JSON.stringify(refusal.problems)}`).toBeDefined();
    expect(problem?.message.nl).toContain(b.says);
    expect(problem?.message.en.length).toBeGreaterThan(0);
    expect(refusal.userMessage.nl).toContain(`${b.member} (${b.route}): `);
    expect(refusal.userMessage.nl).toContain(b.says);
    expect(refusal.userMessage.en).toContain(`${b.member} (${b.route}): ${problem?.message.en}`);
  });
});
