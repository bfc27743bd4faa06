// Seeds the demo region and its staff once: an existing member, desk or staff member is left as it is (an admin may
// have changed it).
import { ConflictError, type Member, type MemberLogos, type RegionStore, validateRegion } from "@meldpunt/domain";
import type { StaffStore } from "@meldpunt/domain/staff";
import { demoLogo } from "./demo-logos";
import { demoRegion } from "./demo-region";
import { DEMO_ACCOUNTS } from "./demo-staff";

const ignoreExisting = (error: unknown) => {
  if (!(error instanceof ConflictError)) throw error;
};

/** With `logos`, the members with a house colour get a demo logo in it (demo-logos.ts). */
export async function seedDemoRegion(region: RegionStore, logos?: MemberLogos): Promise<{ memberIds: string[] }> {
  // A broken demo region must stop the start-up, not route reports wrongly.
  const { members, desks } = validateRegion(demoRegion());
  for (const desk of desks) await region.putDesk(desk).catch(ignoreExisting);
  for (const member of members) await region.putMember(await withLogo(member, logos)).catch(ignoreExisting);
  return { memberIds: members.map((m) => m.id) };
}

async function withLogo(member: Member, logos: MemberLogos | undefined): Promise<Member> {
  const colour = member.theme?.primaryColor;
  if (!logos || !colour) return member;
  const hash = await logos.put(member.id, { type: "png", bytes: demoLogo(colour) });
  return { ...member, theme: { ...member.theme, logo: { type: "png", hash } } };
}

export async function seedDemoStaff(staff: StaffStore): Promise<void> {
  for (const account of DEMO_ACCOUNTS) await staff.putStaff(account.staff).catch(ignoreExisting);
}
