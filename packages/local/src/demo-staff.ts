// Demo staff for every role of DESIGN §1. Their roles are seeded into the hub's store like any staff member's; the
// login names and the one demo password exist only in the embedded OpenID provider, never in the app.
import type { Staff } from "@meldpunt/domain/staff";

/** Printed by `pnpm start`. Demo only: the embedded provider is the only place that knows it. */
export const DEMO_PASSWORD = "meldpunt-demo";

export interface DemoAccount {
  /** What one types on the provider's login page. */
  username: string;
  /** The job, as the runner prints it. */
  job: string;
  /** The hub's record; `id` is the OIDC subject the provider issues. */
  staff: Staff;
}

function account(username: string, job: string, name: string, email: string, roles: Staff["roles"]): DemoAccount {
  return { username, job, staff: { id: `demo-${username}`, name, email, roles, version: 1 } };
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  account("bi-hoorn", "coördinator Bureau Integriteit Hoorn", "Marieke de Boer", "m.deboer@hoorn.example", [
    { role: "desk-staff", desk: "hoorn-integriteit" },
  ]),
  account("vp-hoorn", "vertrouwenspersoon Hoorn", "Jeroen Visser", "j.visser@hoorn.example", [{ role: "desk-staff", desk: "hoorn-vp" }]),
  account("vp-regio", "externe vertrouwenspersoon (SED, Westfries Archief, ODNHN)", "Fatima El Amrani", "f.elamrani@vp-westfriesland.example", [
    { role: "desk-staff", desk: "regio-vp-extern" },
  ]),
  account("intake", "regionale intake", "Pieter Smit", "p.smit@meldpunt-westfriesland.example", [{ role: "desk-staff", desk: "regio-intake" }]),
  account("bi-sed", "integriteitscoördinator SED-organisatie", "Linda Kok", "l.kok@sed-wf.example", [{ role: "desk-staff", desk: "sed-integriteit" }]),
  account("beheer-hoorn", "beheerder Gemeente Hoorn", "Ruud Jansen", "r.jansen@hoorn.example", [{ role: "member-admin", member: "hoorn" }]),
  account("beheer-archief", "beheerder Westfries Archief", "Els Mulder", "e.mulder@westfriesarchief.example", [
    { role: "member-admin", member: "westfries-archief" },
  ]),
  account("bestuur", "lid regionaal bestuur", "Henk Dekker", "h.dekker@meldpunt-westfriesland.example", [{ role: "board" }]),
  account("operator", "beheerder van het meldpunt", "Sarah Bos", "s.bos@meldpunt-westfriesland.example", [{ role: "operator" }]),
];
