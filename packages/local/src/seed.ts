// Seeds the demo region and its staff once: an existing member, desk or staff member is left as it is (an admin may
// have changed it).
import { ConflictError, type RegionStore, validateRegion } from "@meldpunt/domain";
import type { StaffStore } from "@meldpunt/domain/staff";
import { demoRegion } from "./demo-region";
import { DEMO_ACCOUNTS } from "./demo-staff";

const ignoreExisting = (error: unknown) => {
  if (!(error instanceof ConflictError)) throw error;
};

export async function seedDemoRegion(region: RegionStore): Promise<{ memberIds: string[] }> {
  // A broken demo region must stop the start-up, not route reports wrongly.
  const { members, desks } = validateRegion(demoRegion());
  for (const desk of desks) await region.putDesk(desk).catch(ignoreExisting);
  for (const member of members) await region.putMember(member).catch(ignoreExisting);
  return { memberIds: members.map((m) => m.id) };
}

export async function seedDemoStaff(staff: StaffStore): Promise<void> {
  for (const account of DEMO_ACCOUNTS) await staff.putStaff(account.staff).catch(ignoreExisting);
}
