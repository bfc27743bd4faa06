// Use cases: a member admin edits their member's configuration; the hub operator onboards a member with its desks.
// Every change is checked against the whole region first, so a broken configuration is never stored.
import * as z from "zod/mini";
import { DeskSchema, type Desk, type Member, MemberSchema } from "./model";
import type { RegionStore } from "./ports";
import { type RegionConfig, validateRegion } from "./region";
import { parseOrThrow } from "./validation";

async function currentRegion(region: RegionStore): Promise<RegionConfig> {
  const [members, desks] = await Promise.all([region.listMembers(), region.listDesks()]);
  return { members, desks };
}

function withMember(config: RegionConfig, member: Member): RegionConfig {
  return { ...config, members: [...config.members.filter((m) => m.id !== member.id), member] };
}

/**
 * Stores a new version of a member's configuration (`member.version` = stored version + 1) if the region stays valid.
 * One conditional write: a concurrent edit of the same member fails with ConflictError.
 */
export async function saveMemberConfig(region: RegionStore, raw: unknown): Promise<Member> {
  const member = parseOrThrow(MemberSchema, raw);
  validateRegion(withMember(await currentRegion(region), member));
  await region.putMember(member);
  return member;
}

export const OnboardingSchema = z.object({ member: MemberSchema, desks: z.array(DeskSchema).check(z.maxLength(20)) });

/**
 * Adds a member and the desks it brings (version 1 each). The desks are written first and the member last: until the
 * member exists nothing routes to its desks, so a failure halfway leaves no route to a half-made member.
 */
export async function onboardMember(region: RegionStore, raw: unknown): Promise<{ member: Member; desks: Desk[] }> {
  const { member, desks } = parseOrThrow(OnboardingSchema, raw);
  const config = await currentRegion(region);
  validateRegion({ members: [...config.members, member], desks: [...config.desks, ...desks] });
  for (const desk of desks) await region.putDesk(desk);
  await region.putMember(member);
  return { member, desks };
}
