// A region's configuration (its members and desks) and the checks that keep routing safe: every route ends at a
// desk that exists, is of the right kind and serves the member; no conflict alternate is the conflicted desk itself.
import { HubError } from "./errors";
import type { Desk, DeskId, DeskType, Member, MemberId } from "./model";
import { HUB_MEMBER_ID } from "./report";
import type { Label } from "./taxonomy";

export interface RegionConfig {
  members: Member[];
  desks: Desk[];
}

/** The named routes and alternates of a member, as they appear in messages and the routing table. */
export type RouteName = keyof Member["routes"] | "alternates.receivingDesk" | "alternates.gemeentesecretaris" | "desk";

export interface ConfigProblem {
  member: MemberId;
  route: RouteName;
  message: Label;
}

export class ConfigurationError extends HubError {
  constructor(readonly problems: ConfigProblem[]) {
    super("validation", {
      nl: `De configuratie klopt niet: ${problems.map((p) => `${p.member} (${p.route}): ${p.message.nl}`).join("; ")}`,
      en: `The configuration is not valid: ${problems.map((p) => `${p.member} (${p.route}): ${p.message.en}`).join("; ")}`,
    });
    this.name = "ConfigurationError";
  }
}

/** Which kinds of desk may end each route. Regional intake may end any route: it forwards. */
export const ROUTE_DESK_TYPES: Record<keyof Member["routes"], DeskType[]> = {
  vp: ["vp", "intake"],
  integriteit: ["integriteit", "intake"],
  bestuurlijk: ["bestuurlijk", "intake"],
  burgemeester: ["bestuurlijk", "intake"],
};

/** Routes a member must have, by kind. A GR has no burgemeester; its bestuur's members come in through intake. */
export const REQUIRED_ROUTES: Record<Member["kind"], (keyof Member["routes"])[]> = {
  gemeente: ["vp", "integriteit", "bestuurlijk", "burgemeester"],
  gr: ["vp", "integriteit"],
  regio: ["integriteit"],
};

export function findProblems(config: RegionConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const desks = new Map(config.desks.map((d) => [d.id, d]));
  const memberIds = new Set(config.members.map((m) => m.id));
  const problem = (member: MemberId, route: RouteName, nl: string, en: string) => problems.push({ member, route, message: { nl, en } });

  const twice = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const id of twice(config.members.map((m) => m.id))) problem(id, "desk", "Deze organisatie staat er twee keer in.", "This organisation appears twice.");
  for (const id of twice(config.desks.map((d) => d.id))) problem(config.desks.find((d) => d.id === id)?.owner ?? id, "desk", `Balie ${id} staat er twee keer in.`, `Desk ${id} appears twice.`);
  if (!memberIds.has(HUB_MEMBER_ID)) problem(HUB_MEMBER_ID, "integriteit", "De regio zelf ontbreekt (regionale intake).", "The region itself is missing (regional intake).");
  for (const desk of config.desks) {
    if (!memberIds.has(desk.owner)) problem(desk.owner, "desk", `Balie ${desk.id} hoort bij een onbekende organisatie.`, `Desk ${desk.id} belongs to an unknown organisation.`);
    for (const served of desk.serves) {
      if (!memberIds.has(served)) problem(served, "desk", `Balie ${desk.id} bedient een onbekende organisatie.`, `Desk ${desk.id} serves an unknown organisation.`);
    }
  }

  for (const member of config.members) {
    const routes = member.routes;
    for (const route of REQUIRED_ROUTES[member.kind]) {
      if (!routes[route]) problem(member.id, route, "Deze route ontbreekt.", "This route is missing.");
    }
    for (const route of Object.keys(ROUTE_DESK_TYPES) as (keyof Member["routes"])[]) {
      const deskId = routes[route];
      if (!deskId) continue;
      const desk = desks.get(deskId);
      if (!desk) {
        problem(member.id, route, `Balie ${deskId} bestaat niet.`, `Desk ${deskId} does not exist.`);
      } else if (!ROUTE_DESK_TYPES[route].includes(desk.type)) {
        problem(member.id, route, `Balie ${deskId} is van het verkeerde soort (${desk.type}).`, `Desk ${deskId} is of the wrong kind (${desk.type}).`);
      } else if (desk.type !== "intake" && !desk.serves.includes(member.id)) {
        problem(member.id, route, `Balie ${deskId} bedient deze organisatie niet.`, `Desk ${deskId} does not serve this organisation.`);
      }
    }
    if (routes.burgemeester && routes.burgemeester === routes.bestuurlijk) {
      problem(
        member.id,
        "burgemeester",
        "Een melding over de burgemeester mag niet bij de balie van de burgemeester uitkomen (route via de griffier).",
        "A report about the mayor must not end at the mayor's desk (route via the clerk).",
      );
    }
    if (member.kind === "regio") continue;

    const alternates = member.alternates ?? {};
    const checkAlternate = (name: "receivingDesk" | "gemeentesecretaris", conflicted: (DeskId | undefined)[]) => {
      const route = `alternates.${name}` as const;
      const deskId = alternates[name];
      if (!deskId) return problem(member.id, route, "Deze uitwijkbalie ontbreekt.", "This alternate desk is missing.");
      const desk = desks.get(deskId);
      if (!desk) return problem(member.id, route, `Balie ${deskId} bestaat niet.`, `Desk ${deskId} does not exist.`);
      // Staff of the alternate must be able to read the case, which stays the member's: intake reads every member's.
      if (desk.type !== "intake" && !desk.serves.includes(member.id)) {
        problem(member.id, route, `Uitwijkbalie ${deskId} bedient deze organisatie niet.`, `Alternate desk ${deskId} does not serve this organisation.`);
      }
      if (conflicted.includes(deskId)) {
        problem(member.id, route, `De uitwijkbalie ${deskId} is zelf de balie met het belangenconflict.`, `The alternate ${deskId} is itself the conflicted desk.`);
      }
    };
    checkAlternate("receivingDesk", [routes.integriteit, routes.vp]);
    checkAlternate("gemeentesecretaris", [routes.integriteit]);
  }
  return problems;
}

/** Refuses a broken configuration with a message that names each member, route and problem. */
export function validateRegion(config: RegionConfig): RegionConfig {
  const problems = findProblems(config);
  if (problems.length > 0) throw new ConfigurationError(problems);
  return config;
}
