// The routing table of a member: what happens to the typical reports, in words an admin can check
// ("a report about the integrity coordinator goes to regional intake because …"). Derived from routeReport only.
import type { Member } from "./model";
import type { RegionConfig } from "./region";
import { type Route, type RoutingQuestion, routeReport } from "./routing";
import type { Label } from "./taxonomy";

export interface RoutingTableRow {
  question: Label;
  route: Route;
}

type Situation = Omit<RoutingQuestion, "member">;

const SITUATIONS: [Label, Situation][] = [
  [{ nl: "Advies of steun", en: "Advice or support" }, { wants: "advies", category: "omgang", persons: [] }],
  [
    { nl: "Melding over een collega", en: "Report about a colleague" },
    { wants: "melding", category: "omgang", persons: [{ relation: "collega", role: "medewerker" }] },
  ],
  [
    { nl: "Melding over een leidinggevende", en: "Report about a manager" },
    { wants: "melding", category: "bevoegdheden", persons: [{ relation: "leidinggevende", role: "leidinggevende" }] },
  ],
  [{ nl: "Vermoeden van een maatschappelijke misstand", en: "Suspected wrongdoing in the public interest" }, { wants: "melding", category: "misstand", persons: [] }],
  [
    { nl: "Melding over een wethouder of raadslid", en: "Report about an alderman or council member" },
    { wants: "melding", category: "belangen", persons: [{ relation: "bestuurder", role: "wethouder" }] },
  ],
  [
    { nl: "Melding over de burgemeester", en: "Report about the mayor" },
    { wants: "melding", category: "belangen", persons: [{ relation: "bestuurder", role: "burgemeester" }] },
  ],
  [
    { nl: "Melding over de integriteitscoördinator", en: "Report about the integrity coordinator" },
    { wants: "melding", category: "informatie", persons: [{ relation: "collega", role: "integriteitscoordinator" }] },
  ],
  [
    { nl: "Advies over de vertrouwenspersoon", en: "Advice about the confidential advisor" },
    { wants: "advies", category: "omgang", persons: [{ relation: "extern", role: "vertrouwenspersoon" }] },
  ],
  [
    { nl: "Melding over de gemeentesecretaris of directeur", en: "Report about the municipal secretary or director" },
    { wants: "melding", category: "financieel", persons: [{ relation: "hoger-management", role: "gemeentesecretaris" }] },
  ],
];

/** One row per typical situation; a member of a validated region always has a route for each. */
export function routingTable(member: Member, config: RegionConfig): RoutingTableRow[] {
  return SITUATIONS.map(([question, situation]) => ({ question, route: routeReport({ member: member.id, ...situation }, config) }));
}
