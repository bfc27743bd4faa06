// A member's logo on its pages (issue 3, item 7; docs/decisions.md 28). The member admin uploads it on the settings
// page; it is checked by content like an attachment (PNG or JPEG only, metadata stripped), kept as an item of its own
// beside the configuration (the region is read on every request; a logo there would be read with it), and served from
// the hub's own origin under a name that changes with its content, so pages make no third-party request and a
// browser may keep it for good.
import type { LogoRef, MemberId } from "./model";

/**
 * Small on purpose: a logo is shown about 48 px high, where a few kilobytes suffice, and every page of the member
 * carries it (the report form must stay under its 150 KiB budget, bench/README.md).
 */
export const MAX_LOGO_BYTES = 5 * 1024;

export type LogoType = LogoRef["type"];

/** Logos by member and content hash: a new one never overwrites the one the configuration still names. */
export interface MemberLogos {
  get(member: MemberId, hash: string): Promise<{ type: LogoType; bytes: Uint8Array } | undefined>;
  /** Stores a logo of the member; returns the content's hash, which names it. */
  put(member: MemberId, logo: { type: LogoType; bytes: Uint8Array }): Promise<string>;
  remove(member: MemberId, hash: string): Promise<void>;
}

/** The path a page links the logo at; the app serves it (and only the current one). */
export const logoPath = (member: MemberId, logo: LogoRef) => `/assets/thema/${member}/logo-${logo.hash}.${logo.type === "png" ? "png" : "jpg"}`;

