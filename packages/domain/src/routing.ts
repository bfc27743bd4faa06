// Where a report goes and why (DESIGN §2). Pure and deterministic: the same answers and configuration always give
// the same desk, track and reasons. Reasons are short sentences for the reporter and for staff, in nl and en.
import * as z from "zod/mini";
import { ValidationError } from "./errors";
import { type CaseKind, type Desk, type DeskId, type Member, MemberIdSchema } from "./model";
import type { RegionConfig } from "./region";
import { HUB_MEMBER_ID, UNKNOWN_MEMBER } from "./report";
import { CategoryCodeSchema, type Label, Relations, Roles, type Role, type Track, Wishes } from "./taxonomy";

/** The people a report is about: at most ten, each with a relation to the reporter and a role in the organisation. */
export const PersonConcernedSchema = z.object({ relation: Relations.schema, role: Roles.schema });
export type PersonConcerned = z.infer<typeof PersonConcernedSchema>;

export const RoutingQuestionSchema = z.object({
  member: z.union([z.literal(UNKNOWN_MEMBER), MemberIdSchema]),
  wants: Wishes.schema,
  category: CategoryCodeSchema,
  persons: z.array(PersonConcernedSchema).check(z.maxLength(10)),
});
export type RoutingQuestion = z.infer<typeof RoutingQuestionSchema>;

export interface Route {
  /** The member whose key seals the case: the hub's own for a report whose organisation is unknown. */
  member: Member;
  desk: Desk;
  track: Track;
  kind: CaseKind;
  reasons: Label[];
}

const BESTUURDERS: Role[] = ["burgemeester", "wethouder", "raadslid", "bestuurder"];

export function routeReport(question: RoutingQuestion, config: RegionConfig): Route {
  const memberOf = (id: string) => config.members.find((m) => m.id === id);
  const deskOf = (id: DeskId | undefined) => config.desks.find((d) => d.id === id);
  const roles = new Set(question.persons.map((p) => p.role));
  const aboutBestuurder = BESTUURDERS.some((role) => roles.has(role)) || question.persons.some((p) => p.relation === "bestuurder");
  const track: Track = question.category === "misstand" ? "wbk" : aboutBestuurder ? "bestuurlijk" : "ambtelijk";
  const kind: CaseKind = question.wants === "advies" ? "advies" : "melding";
  const regionalIntake = () => {
    const intake = deskOf(memberOf(HUB_MEMBER_ID)?.routes.integriteit);
    if (!intake) throw new ConfigurationGap(HUB_MEMBER_ID, "integriteit");
    return intake;
  };

  const known = question.member === UNKNOWN_MEMBER ? undefined : memberOf(question.member);
  if (question.member !== UNKNOWN_MEMBER && (!known || known.id === HUB_MEMBER_ID)) {
    throw new ValidationError([
      { field: "member", message: { nl: "Kies een organisatie uit de lijst, of 'Ik weet het niet'.", en: "Choose an organisation from the list, or 'I don't know'." } },
    ]);
  }
  const reasons: Label[] = [];
  if (track === "wbk") reasons.push(kind === "advies" ? R.wbkAdvice : R.wbk);
  if (!known) {
    const hub = memberOf(HUB_MEMBER_ID);
    if (!hub) throw new ConfigurationGap(HUB_MEMBER_ID, "integriteit");
    reasons.unshift(R.unknownMember);
    if (question.wants === "beide") reasons.push(R.alsoAdvice);
    return { member: hub, desk: regionalIntake(), track, kind, reasons };
  }
  const member = known;
  const { routes } = member;

  const routeName: keyof Member["routes"] =
    kind === "advies" ? "vp" : track === "wbk" ? "integriteit" : roles.has("burgemeester") ? "burgemeester" : track === "bestuurlijk" ? "bestuurlijk" : "integriteit";
  // A joint body has no burgemeester or bestuurlijk desk of its own: regional intake finds the right organisation.
  const viaIntake = !routes[routeName] && (routeName === "bestuurlijk" || routeName === "burgemeester");
  const planned = viaIntake ? regionalIntake() : deskOf(routes[routeName]);
  if (!planned) throw new ConfigurationGap(member.id, routeName);
  if (kind === "advies") reasons.push(R.advice);
  else if (viaIntake) reasons.push(R.bestuurlijk, R.noBestuurlijkRoute(member));
  else if (routeName === "burgemeester") reasons.push(R.burgemeester);
  else if (routeName === "bestuurlijk") reasons.push(R.bestuurlijk);

  // A conflict of interest never lands in the conflicted person's queue: one hop to the configured alternate, and
  // regional intake when that alternate is itself concerned or not the kind of desk this contact belongs at.
  const concerned = concernedDesks(member, question.persons);
  const conflict = conflictAt(planned, roles);
  let desk = planned;
  if (conflict) {
    const alternate = deskOf(member.alternates?.[conflict]);
    if (!alternate) throw new ConfigurationGap(member.id, `alternates.${conflict}`);
    desk = fitsAsAlternate(alternate, kind, concerned) ? alternate : regionalIntake();
    reasons.push(conflict === "receivingDesk" ? R.conflictReceivingDesk(planned, desk, kind) : R.conflictSecretary(desk));
  } else if (concerned.includes(planned.id) && planned.type !== "intake") {
    desk = regionalIntake();
    reasons.push(R.conflictReceivingDesk(planned, desk, kind));
  } else if (viaIntake) {
    // Said above.
  } else if (routeName === "integriteit") {
    reasons.push(desk.owner === member.id ? R.ownDesk(member, desk) : R.delegatedDesk(member, desk));
  } else {
    reasons.push(kind === "advies" ? R.adviceGoesTo(desk) : R.goesTo(desk));
  }
  // "Both": the VP is there too, unless the report is about the vertrouwenspersoon.
  if (question.wants === "beide" && !roles.has("vertrouwenspersoon")) reasons.push(R.alsoAdvice);
  return { member, desk, track, kind, reasons };
}

/** An alternate must not be concerned itself, and an advice contact stays with a VP (or intake), a report away from one. */
function fitsAsAlternate(desk: Desk, kind: CaseKind, concerned: DeskId[]): boolean {
  if (desk.type === "intake") return true;
  if (concerned.includes(desk.id)) return false;
  return kind === "advies" ? desk.type === "vp" : desk.type !== "vp";
}

/** The desks a report concerns, for a member: where the people it is about work, or answer to. */
export function concernedDesks(member: Member, persons: PersonConcerned[]): DeskId[] {
  const ids = new Set<DeskId | undefined>();
  for (const { role } of persons) {
    if (role === "integriteitscoordinator" || role === "gemeentesecretaris") ids.add(member.routes.integriteit);
    if (role === "vertrouwenspersoon") ids.add(member.routes.vp);
    if (role === "burgemeester") ids.add(member.routes.bestuurlijk);
  }
  return [...ids].filter((id): id is DeskId => id !== undefined);
}

function conflictAt(desk: Desk, roles: Set<Role>): "receivingDesk" | "gemeentesecretaris" | undefined {
  if ((desk.type === "integriteit" && roles.has("integriteitscoordinator")) || (desk.type === "vp" && roles.has("vertrouwenspersoon"))) {
    return "receivingDesk";
  }
  if (desk.type === "integriteit" && roles.has("gemeentesecretaris")) return "gemeentesecretaris";
  return undefined;
}

/** A route that validateRegion would have refused; reaching it means an unvalidated configuration was used. */
export class ConfigurationGap extends Error {
  constructor(member: string, route: string) {
    super(`configuration of ${member} has no usable ${route} route`);
    this.name = "ConfigurationGap";
  }
}

const R = {
  wbkAdvice: {
    nl: "Het gaat om een vermoeden van een maatschappelijke misstand. Advies daarover kunt u ook vragen bij het Huis voor Klokkenluiders.",
    en: "This concerns a suspected wrongdoing in the public interest. You can also ask the Whistleblowers Authority (Huis voor Klokkenluiders) for advice.",
  },
  unknownMember: {
    nl: "U wist niet bij welke organisatie dit hoort. De regionale intake zoekt dat uit en stuurt uw melding door.",
    en: "You did not know which organisation this concerns. Regional intake finds out and forwards your report.",
  },
  advice: {
    nl: "U vraagt advies of steun. Daarvoor is er de vertrouwenspersoon. Er gebeurt niets zonder uw toestemming.",
    en: "You ask for advice or support. That is what the confidential advisor is for. Nothing happens without your consent.",
  },
  wbk: {
    nl: "U meldt een vermoeden van een maatschappelijke misstand. Dat behandelen we volgens de Wet bescherming klokkenluiders. U kunt ook terecht bij het Huis voor Klokkenluiders.",
    en: "You report a suspected wrongdoing in the public interest. It is handled under the Whistleblower Protection Act. You can also turn to the Whistleblowers Authority (Huis voor Klokkenluiders).",
  },
  burgemeester: {
    nl: "Uw melding gaat over de burgemeester. Die behandelt de burgemeester dus niet zelf: ze gaat via de griffier.",
    en: "Your report concerns the mayor, so the mayor does not handle it: it goes through the clerk of the council.",
  },
  bestuurlijk: {
    nl: "Uw melding gaat over een bestuurder. Meldingen over bestuurders volgen een eigen regeling.",
    en: "Your report concerns an elected or appointed official. Such reports follow their own procedure.",
  },
  alsoAdvice: {
    nl: "U kunt daarnaast met de vertrouwenspersoon praten, voor advies en steun.",
    en: "You can also talk to the confidential advisor, for advice and support.",
  },
  ownDesk: (member: Member, desk: Desk): Label => ({
    nl: `Meldingen over integriteit bij ${member.name} gaan naar ${desk.name}.`,
    en: `Integrity reports about ${member.name} go to ${desk.name}.`,
  }),
  delegatedDesk: (member: Member, desk: Desk): Label => ({
    nl: `${member.name} laat integriteitsmeldingen behandelen door ${desk.name}.`,
    en: `${member.name} has integrity reports handled by ${desk.name}.`,
  }),
  noBestuurlijkRoute: (member: Member): Label => ({
    nl: `${member.name} heeft geen eigen route voor meldingen over bestuurders. De regionale intake brengt uw melding bij de juiste organisatie.`,
    en: `${member.name} has no route of its own for reports about officials. Regional intake brings your report to the right organisation.`,
  }),
  goesTo: (desk: Desk): Label => ({ nl: `Uw melding gaat naar ${desk.name}.`, en: `Your report goes to ${desk.name}.` }),
  adviceGoesTo: (desk: Desk): Label => ({ nl: `Uw vraag gaat naar ${desk.name}.`, en: `Your question goes to ${desk.name}.` }),
  conflictReceivingDesk: (planned: Desk, alternate: Desk, kind: CaseKind): Label =>
    kind === "advies"
      ? { nl: `Uw vraag gaat over iemand van ${planned.name}. Daarom gaat ze naar ${alternate.name}.`, en: `Your question concerns someone at ${planned.name}. So it goes to ${alternate.name}.` }
      : { nl: `Uw melding gaat over iemand van ${planned.name}. Daarom gaat ze naar ${alternate.name}.`, en: `Your report concerns someone at ${planned.name}. So it goes to ${alternate.name}.` },
  conflictSecretary: (alternate: Desk): Label => ({
    nl: `Uw melding gaat over de gemeentesecretaris of directeur. Daarom gaat ze naar ${alternate.name}.`,
    en: `Your report concerns the municipal secretary or director. So it goes to ${alternate.name}.`,
  }),
};
