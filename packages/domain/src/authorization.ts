// Who may do what, decided in one place: a pure function of a staff member's roles, the action, what the action
// concerns, and the region's desks. The HTTP edge asks `can` and answers 403 on a "no"; nothing else decides access.
import type { Desk, DeskId, Member, MemberId } from "./model";
import type { RoleName, Staff, StaffRole } from "./staff";
import type { Label } from "./taxonomy";

/**
 * Every action and what its scope names: `desk` is one member's cases on one desk (a desk serving several members
 * holds each member's cases apart), `member` is one member's own settings, `region` concerns no single member.
 */
export const ACTIONS = {
  "read-case-content": { concerns: "desk", label: { nl: "Meldingen lezen, met inhoud", en: "Read reports, including their content" } },
  "handle-case": {
    concerns: "desk",
    label: { nl: "Meldingen behandelen: status, berichten aan de melder, notities", en: "Handle reports: state, messages to the reporter, notes" },
  },
  "read-queue": { concerns: "desk", label: { nl: "De werkvoorraad van de balie zien", en: "See the desk's queue" } },
  "transfer-case": { concerns: "desk", label: { nl: "Meldingen doorsturen naar een andere balie", en: "Forward reports to another desk" } },
  "view-member-config": { concerns: "member", label: { nl: "De instellingen van de organisatie zien", en: "See the organisation's settings" } },
  "view-audit-trail": {
    concerns: "member",
    label: { nl: "Het logboek van de organisatie inzien en controleren (zonder inhoud)", en: "See and verify the organisation's audit trail (no content)" },
  },
  "edit-member-config": { concerns: "member", label: { nl: "De instellingen van de organisatie wijzigen", en: "Change the organisation's settings" } },
  "onboard-member": { concerns: "region", label: { nl: "Organisaties aansluiten en afsluiten", en: "Onboard and offboard organisations" } },
  "view-board-dashboard": {
    concerns: "region",
    label: { nl: "Regionale cijfers en trends zien (nooit een losse melding)", en: "See regional figures and trends (never a single report)" },
  },
  "view-member-report": {
    concerns: "member",
    label: {
      nl: "Het jaarverslag en halfjaarverslag van de organisatie maken: eigen cijfers, exact (geen losse melding)",
      en: "Make the organisation's annual and half-year report: its own figures, exact (no single report)",
    },
  },
  "write-library-entry": {
    concerns: "desk",
    label: { nl: "Van een afgesloten melding een beschrijving voor de casuïstiekbibliotheek maken", en: "Describe a closed case for the casuïstiek library" },
  },
  "review-library-entry": {
    concerns: "region",
    label: { nl: "Beschrijvingen voor de casuïstiekbibliotheek van anderen goedkeuren of terugsturen", en: "Approve or return other people's descriptions for the casuïstiek library" },
  },
  "read-library": { concerns: "region", label: { nl: "De casuïstiekbibliotheek lezen", en: "Read the casuïstiek library" } },
  "comment-library": { concerns: "region", label: { nl: "Reageren op beschrijvingen in de casuïstiekbibliotheek", en: "Comment on descriptions in the casuïstiek library" } },
} as const satisfies Record<string, { concerns: "desk" | "member" | "region"; label: Label }>;
export type Action = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];

/** What an action is about: a member and, for case data, the desk that holds it; nothing for regional actions. */
export interface Scope {
  member?: MemberId;
  desk?: DeskId;
}

/**
 * How far a role reaches: `own-desk` is the role's desk, and only for members that desk serves; `own-member` is the
 * role's member; `any` is every scope of the action's kind.
 */
export type Reach = "own-desk" | "own-member" | "any";

/**
 * The table. A role that is not listed for an action may not take it, anywhere. Member admins, the board and the
 * operator are never listed for case data (DESIGN §3): they read no report, not even a queue of metadata.
 */
export const PERMISSIONS: Readonly<Record<Action, Partial<Record<RoleName, Reach>>>> = {
  "read-case-content": { "desk-staff": "own-desk" },
  "handle-case": { "desk-staff": "own-desk" },
  "read-queue": { "desk-staff": "own-desk" },
  "transfer-case": { "desk-staff": "own-desk" },
  "view-member-config": { "member-admin": "own-member", operator: "any" },
  "edit-member-config": { "member-admin": "own-member" },
  "view-audit-trail": { "member-admin": "own-member" },
  "onboard-member": { operator: "any" },
  "view-board-dashboard": { board: "any" },
  // A member's exact figures over all its desks: its admin only. Not desk staff: a shared desk (the external VP,
  // regional intake) would see the figures of desks it does not work on, and of every member it serves. Not the board
  // or the operator: exact small counts of one member are what the protection keeps from them (decision 37).
  "view-member-report": { "member-admin": "own-member" },
  // The casuïstiek library (library.ts): the desk that holds a closed case describes it; any desk member but the author
  // (the use case checks that) approves; every desk and the board read and discuss. It names no case, so reading it
  // reaches no case: the board still reads no report.
  "write-library-entry": { "desk-staff": "own-desk" },
  "review-library-entry": { "desk-staff": "any" },
  "read-library": { "desk-staff": "any", board: "any" },
  "comment-library": { "desk-staff": "any", board: "any" },
};

/** The part of the region that access depends on: which members each desk serves. */
export interface AccessRegion {
  desks: readonly Pick<Desk, "id" | "type" | "serves">[];
}

/**
 * Whether a desk handles a member's cases. Regional intake handles every member's: reports a member's own desks must
 * not receive (a conflict of interest) land there and stay that member's (docs/decisions.md 11).
 */
export function deskServes(desk: Pick<Desk, "type" | "serves">, member: MemberId): boolean {
  return desk.type === "intake" || desk.serves.includes(member);
}

export function can(staff: Pick<Staff, "roles">, action: Action, scope: Scope, region: AccessRegion): boolean {
  if (!fitsAction(action, scope)) return false;
  return staff.roles.some((role) => {
    const reach = PERMISSIONS[action][role.role];
    return reach !== undefined && reaches(role, reach, scope, region);
  });
}

/** A scope that does not name what the action concerns is refused rather than read as "everything". */
function fitsAction(action: Action, scope: Scope): boolean {
  switch (ACTIONS[action].concerns) {
    case "desk":
      return scope.member !== undefined && scope.desk !== undefined;
    case "member":
      return scope.member !== undefined && scope.desk === undefined;
    case "region":
      return true;
  }
}

function reaches(role: StaffRole, reach: Reach, scope: Scope, region: AccessRegion): boolean {
  switch (reach) {
    case "own-desk": {
      if (role.role !== "desk-staff" || role.desk !== scope.desk || scope.member === undefined) return false;
      const desk = region.desks.find((d) => d.id === role.desk);
      return desk !== undefined && deskServes(desk, scope.member);
    }
    case "own-member":
      return role.role === "member-admin" && role.member === scope.member;
    case "any":
      return true;
  }
}

export interface Grant {
  action: Action;
  scope: Scope;
}

/** Everything a staff member may do in the region, scope by scope: what a staff page shows them. */
export function grantsOf(staff: Pick<Staff, "roles">, region: AccessRegion & { members: readonly Pick<Member, "id">[] }): Grant[] {
  const candidates: Record<"desk" | "member" | "region", Scope[]> = {
    desk: region.desks.flatMap((desk) => region.members.filter((m) => deskServes(desk, m.id)).map((m) => ({ member: m.id, desk: desk.id }))),
    member: region.members.map((member) => ({ member: member.id })),
    region: [{}],
  };
  return ACTION_NAMES.flatMap((action) =>
    candidates[ACTIONS[action].concerns].filter((scope) => can(staff, action, scope, region)).map((scope) => ({ action, scope })),
  );
}

export const ROLE_LABELS: Record<RoleName, Label> = {
  "desk-staff": { nl: "Medewerker van een balie", en: "Desk staff" },
  "member-admin": { nl: "Beheerder van een organisatie", en: "Organisation administrator" },
  board: { nl: "Lid van het regionale bestuur", en: "Regional board member" },
  operator: { nl: "Beheerder van het meldpunt", en: "Hub operator" },
};
