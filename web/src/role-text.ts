// A staff member's role in words, with the desk (and the members it serves) or the member it concerns.
import type { Desk, Member } from "@meldpunt/domain";
import { deskServes, ROLE_LABELS, type StaffRole } from "@meldpunt/domain/staff";
import { type Lang, tr } from "./i18n";
import { S } from "./staff-text";
import { fill } from "./text";

export interface RoleContext {
  members: Pick<Member, "id" | "name">[];
  desks: Pick<Desk, "id" | "name" | "type" | "serves">[];
}

export function memberName(context: RoleContext, id: string): string {
  return context.members.find((m) => m.id === id)?.name ?? id;
}

/** "<desk>, for <members>": which members' cases a desk holds. */
export function deskServesText(lang: Lang, context: RoleContext, deskId: string, members: string[]): string {
  const desk = context.desks.find((d) => d.id === deskId)?.name ?? deskId;
  return fill(tr(lang, S.deskServes), { desk, members: members.map((id) => memberName(context, id)).join(", ") });
}

export function roleText(lang: Lang, context: RoleContext, role: StaffRole): string {
  const label = tr(lang, ROLE_LABELS[role.role]);
  if (role.role === "desk-staff") {
    const desk = context.desks.find((d) => d.id === role.desk);
    const members = desk ? context.members.filter((m) => deskServes(desk, m.id)).map((m) => m.id) : [];
    return `${label}: ${deskServesText(lang, context, role.desk, members)}`;
  }
  if (role.role === "member-admin") return `${label}: ${memberName(context, role.member)}`;
  return label;
}
