// Setting a member's logo, for its member admin (docs/decisions.md 28): staff side only.
import { saveMemberConfig } from "./configure-region";
import { NotFoundError, ValidationError } from "./errors";
import { type LogoType, MAX_LOGO_BYTES, type MemberLogos } from "./member-logo";
import type { LogoRef, Member, MemberId } from "./model";
import type { FileInspector, RegionStore } from "./ports";
import type { Label } from "./taxonomy";

const LOGO_TYPES: readonly string[] = ["png", "jpeg"] satisfies LogoType[];

const LOGO_REFUSED: Record<"too-large" | "type", Label> = {
  "too-large": {
    nl: `Dit logo is te groot: hoogstens ${MAX_LOGO_BYTES / 1024} kB. Sla het kleiner op (ongeveer 48 pixels hoog is genoeg).`,
    en: `This logo is too large: at most ${MAX_LOGO_BYTES / 1024} kB. Save it smaller (about 48 pixels high is enough).`,
  },
  type: { nl: "Kies een logo als PNG- of JPEG-afbeelding.", en: "Choose a logo as a PNG or JPEG image." },
};

/**
 * Sets (or with `bytes` undefined removes) a member's logo. The new logo is stored first, the configuration that names
 * it after, with the version the page showed; the old logo is removed last. A failure in between leaves the old
 * configuration and its logo as they were (and at worst an unnamed logo item, never served).
 */
export async function setMemberLogo(
  deps: { region: RegionStore; logos: MemberLogos; inspector: FileInspector },
  member: MemberId,
  change: { version: number; bytes?: Uint8Array },
): Promise<Member> {
  const current = await deps.region.getMember(member);
  if (!current || current.kind === "regio") throw new NotFoundError();
  const { logo: old, ...theme } = current.theme ?? {};
  let logo: LogoRef | undefined;
  if (change.bytes) {
    if (change.bytes.length > MAX_LOGO_BYTES) throw new ValidationError([{ field: "logo", message: LOGO_REFUSED["too-large"] }]);
    const inspected = deps.inspector.inspect(change.bytes);
    const type = inspected.ok && LOGO_TYPES.includes(inspected.type) ? (inspected.type as LogoType) : undefined;
    if (!inspected.ok || !type) throw new ValidationError([{ field: "logo", message: LOGO_REFUSED.type }]);
    logo = { type, hash: await deps.logos.put(member, { type, bytes: inspected.bytes }) };
  }
  const nextTheme = { ...theme, ...(logo ? { logo } : {}) };
  const { theme: _theme, ...rest } = current;
  const saved = await saveMemberConfig(deps.region, { ...rest, ...(Object.keys(nextTheme).length ? { theme: nextTheme } : {}), version: change.version + 1 });
  if (old && old.hash !== logo?.hash) await deps.logos.remove(member, old.hash);
  return saved;
}
