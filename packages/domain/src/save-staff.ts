// Use case: the hub operator adds a staff member or replaces one's name, e-mail and roles. A role must name a desk or
// a member that exists, or its holder would get a role that grants nothing (or a later desk of that id).
import * as z from "zod/mini";
import { type FieldIssue, ValidationError } from "./errors";
import type { RegionStore } from "./ports";
import { HUB_MEMBER_ID } from "./report";
import { MAX_ROLES, type Staff, StaffSchema, type StaffStore } from "./staff";
import type { Label } from "./taxonomy";
import { parseOrThrow } from "./validation";

const StaffInputSchema = z.omit(StaffSchema, { version: true });

const MESSAGES: Record<string, Label> = {
  id: {
    nl: "Vul het inlog-id in zoals de inlogdienst het geeft: zonder spaties, hoogstens 255 tekens.",
    en: "Fill in the login id as the login service gives it: no spaces, at most 255 characters.",
  },
  email: { nl: "Vul een geldig e-mailadres in.", en: "Fill in a valid e-mail address." },
  // Each part of each role at its own field (`roles.<i>.desk`), so a form can show it where it is chosen.
  ...Object.fromEntries(
    Array.from({ length: MAX_ROLES }, (_, i) => [
      [`roles.${i}.role`, { nl: "Kies een rol.", en: "Choose a role." }],
      [`roles.${i}.desk`, { nl: "Kies een balie.", en: "Choose a desk." }],
      [`roles.${i}.member`, { nl: "Kies een organisatie.", en: "Choose an organisation." }],
    ]).flat(),
  ),
};

/** Stores the staff member as version 1, or as the next version of the stored record with the same id. */
export async function saveStaffMember(staff: StaffStore, region: Pick<RegionStore, "getDesk" | "getMember">, raw: unknown): Promise<Staff> {
  const input = parseOrThrow(StaffInputSchema, raw, MESSAGES);
  const issues: FieldIssue[] = [];
  for (const [i, role] of input.roles.entries()) {
    if (role.role === "desk-staff" && !(await region.getDesk(role.desk))) {
      issues.push({ field: `roles.${i}.desk`, message: { nl: `Balie ${role.desk} bestaat niet.`, en: `Desk ${role.desk} does not exist.` } });
    }
    // The hub's own tenant has no settings to administer: the operator configures it.
    if (role.role === "member-admin" && (role.member === HUB_MEMBER_ID || !(await region.getMember(role.member)))) {
      issues.push({
        field: `roles.${i}.member`,
        message: { nl: "Kies een aangesloten organisatie (niet de regio zelf).", en: "Choose a member organisation (not the region itself)." },
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const current = await staff.getStaff(input.id);
  const record = { ...input, version: (current?.version ?? 0) + 1 };
  await staff.putStaff(record);
  return record;
}
