// Seeds the demo region once: an existing member or desk is left as it is (an admin may have changed it).
import { ConflictError, type RegionStore, validateRegion } from "@meldpunt/domain";
import { demoRegion } from "./demo-region";

export async function seedDemoRegion(region: RegionStore): Promise<{ memberIds: string[] }> {
  // A broken demo region must stop the start-up, not route reports wrongly.
  const { members, desks } = validateRegion(demoRegion());
  const ignoreExisting = (error: unknown) => {
    if (!(error instanceof ConflictError)) throw error;
  };
  for (const desk of desks) await region.putDesk(desk).catch(ignoreExisting);
  for (const member of members) await region.putMember(member).catch(ignoreExisting);
  return { memberIds: members.map((m) => m.id) };
}
