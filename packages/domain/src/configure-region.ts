// Use cases: a member admin edits their member's configuration; the hub operator onboards a member with its desks.
// Every change is checked against the whole region first, so a broken configuration is never stored.
import * as z from "zod/mini";
import { deskServes } from "./authorization";
import { type Desk, DeskSchema, type DeskType, type Member, MemberSchema } from "./model";
import type { RegionStore } from "./ports";
import { ConfigurationError, type RegionConfig, validateRegion } from "./region";
import { MIN_CONTRAST } from "./theme";
import { parseOrThrow } from "./validation";

const MEMBER_FIELD_MESSAGES = {
  "theme.primaryColor": {
    nl: `Kies een kleurcode als #01689B die goed leesbaar is op wit (contrast minstens ${String(MIN_CONTRAST).replace(".", ",")}:1).`,
    en: `Choose a colour code like #01689B that is readable on white (contrast at least ${MIN_CONTRAST}:1).`,
  },
};

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
  const member = parseOrThrow(MemberSchema, raw, MEMBER_FIELD_MESSAGES);
  validateRegion(withMember(await currentRegion(region), member));
  await region.putMember(member);
  return member;
}

type RouteKey = keyof Member["routes"];

/** The desk a member can have of its own on each route: its id suffix, its kind, and the name proposed for it. */
export const OWN_DESKS: Record<RouteKey, { suffix: string; type: DeskType; name: (member: string) => string }> = {
  vp: { suffix: "vp", type: "vp", name: (member) => `Vertrouwenspersoon ${member}` },
  integriteit: { suffix: "integriteit", type: "integriteit", name: (member) => `Integriteitscoördinator ${member}` },
  bestuurlijk: { suffix: "bestuurlijk", type: "bestuurlijk", name: (member) => `Bestuurlijke integriteit ${member} (burgemeester)` },
  burgemeester: { suffix: "griffier", type: "bestuurlijk", name: (member) => `Griffier ${member} (meldingen over de burgemeester)` },
};

/** A member's own desk on a route as onboarding proposes it: `<member>-<suffix>`, named without "Gemeente ". */
export function proposeOwnDesk(member: Pick<Member, "id" | "name">, route: RouteKey): Pick<Desk, "id" | "type" | "name"> {
  const own = OWN_DESKS[route];
  return { id: `${member.id}-${own.suffix}`, type: own.type, name: own.name(member.name.replace(/^Gemeente\s+/i, "")) };
}

export const OnboardingSchema = z.object({ member: MemberSchema, desks: z.array(DeskSchema).check(z.maxLength(20)) });

export interface Onboarded {
  member: Member;
  /** The desks it brought. */
  desks: Desk[];
  /** Existing desks that now serve it too (new versions): a shared VP, a delegated bureau, an alternate. */
  joined: Desk[];
}

/**
 * Adds a member with the desks it brings (version 1 each). Every existing desk that its routes or alternates name
 * starts serving it, as a new version of that desk: staff of a shared VP or a delegated bureau must be able to read
 * its cases (docs/decisions.md 11). The whole region is validated first; then the new desks are written, then the
 * joined desks (each conditional on the version read), and the member last: until the member exists nothing routes to
 * it, so a failure halfway leaves no route to a half-made member, and the same onboarding run again finishes it.
 */
export async function onboardMember(region: RegionStore, raw: unknown): Promise<Onboarded> {
  const { member, desks } = parseOrThrow(OnboardingSchema, raw);
  const config = await currentRegion(region);
  if (config.members.some((m) => m.id === member.id)) {
    throw new ConfigurationError([
      { member: member.id, route: "desk", message: { nl: "Er is al een organisatie met deze code.", en: "An organisation with this code exists already." } },
    ]);
  }
  const stored = new Map(config.desks.map((d) => [d.id, d]));
  // A desk of a member that does not exist yet was left by an earlier run of this onboarding that failed: replace it.
  const brought = desks.map((desk) => {
    const left = stored.get(desk.id);
    return left?.owner === member.id ? { ...desk, version: left.version + 1 } : desk;
  });
  const named = new Set([...Object.values(member.routes), ...Object.values(member.alternates ?? {})]);
  const joined = config.desks
    .filter((d) => named.has(d.id) && !deskServes(d, member.id) && !brought.some((b) => b.id === d.id))
    .map((d) => ({ ...d, serves: [...d.serves, member.id], version: d.version + 1 }));
  const replaced = new Set([...brought.filter((d) => d.version > 1), ...joined].map((d) => d.id));
  validateRegion({ members: [...config.members, member], desks: [...config.desks.filter((d) => !replaced.has(d.id)), ...brought, ...joined] });
  for (const desk of brought) await region.putDesk(desk);
  for (const desk of joined) await region.putDesk(desk);
  await region.putMember(member);
  return { member, desks: brought, joined };
}
