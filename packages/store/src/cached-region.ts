// The region's configuration (members and desks) changes a few times a year and is read on every submission and every
// staff page: a short-lived copy in memory saves two queries a request. A save through this same store clears it at
// once; a save by another instance (another Lambda) is seen within `ttlMs` (docs/decisions.md 33).
import type { Desk, Member, RegionStore } from "@meldpunt/domain";

/** How long a copy of the region may be used (docs/decisions.md 33). */
export const REGION_CACHE_MS = 5_000;

export function cacheRegion(region: RegionStore, options: { ttlMs: number; now?: () => number }): RegionStore {
  const now = options.now ?? Date.now;
  let members: { at: number; value: Promise<Member[]> } | undefined;
  let desks: { at: number; value: Promise<Desk[]> } | undefined;
  const fresh = (entry: { at: number } | undefined) => entry !== undefined && now() - entry.at < options.ttlMs;
  // A failed read is not kept: the next request asks the store again.
  const remember = <T>(load: () => Promise<T>, set: (entry: { at: number; value: Promise<T> } | undefined) => void) => {
    const value = load();
    set({ at: now(), value });
    value.catch(() => set(undefined));
    return value;
  };
  const listMembers = () => (fresh(members) ? (members as { value: Promise<Member[]> }).value : remember(() => region.listMembers(), (e) => (members = e)));
  const listDesks = () => (fresh(desks) ? (desks as { value: Promise<Desk[]> }).value : remember(() => region.listDesks(), (e) => (desks = e)));
  return {
    listMembers,
    listDesks,
    getMember: async (id) => (await listMembers()).find((m) => m.id === id),
    getDesk: async (id) => (await listDesks()).find((d) => d.id === id),
    async putMember(member) {
      members = undefined;
      await region.putMember(member);
      members = undefined;
    },
    async putDesk(desk) {
      desks = undefined;
      await region.putDesk(desk);
      desks = undefined;
    },
  };
}
