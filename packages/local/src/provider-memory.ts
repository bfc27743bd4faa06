// Storage for the embedded provider's short-lived state (login interactions, provider sessions, codes, tokens), in
// memory and per provider instance. A restart logs everyone out of the demo provider, which is all a demo needs;
// oidc-provider's own in-memory adapter would do the same but is shared by every instance in the process.
import type { Adapter, AdapterFactory, AdapterPayload } from "oidc-provider";

/** Expired entries are dropped when read, and swept whenever this many have been written. */
const SWEEP_EVERY = 500;

export function memoryAdapters(): AdapterFactory {
  const items = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const sessionsByUid = new Map<string, string>();
  const keysByGrant = new Map<string, Set<string>>();
  let writes = 0;

  function read(key: string): AdapterPayload | undefined {
    const item = items.get(key);
    if (!item) return undefined;
    if (item.expiresAt > Date.now()) return item.payload;
    items.delete(key);
    return undefined;
  }

  function sweep() {
    const now = Date.now();
    for (const [key, item] of items) if (item.expiresAt <= now) items.delete(key);
    for (const [uid, key] of sessionsByUid) if (!items.has(key)) sessionsByUid.delete(uid);
    for (const [grant, keys] of keysByGrant) {
      for (const key of keys) if (!items.has(key)) keys.delete(key);
      if (keys.size === 0) keysByGrant.delete(grant);
    }
  }

  return (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id);
        items.set(key, { payload, expiresAt: Date.now() + expiresIn * 1000 });
        if (model === "Session" && payload.uid) sessionsByUid.set(payload.uid, key);
        if (payload.grantId) keysByGrant.set(payload.grantId, (keysByGrant.get(payload.grantId) ?? new Set()).add(key));
        if (++writes % SWEEP_EVERY === 0) sweep();
      },
      async find(id) {
        return read(keyOf(id));
      },
      async findByUid(uid) {
        const key = sessionsByUid.get(uid);
        return key ? read(key) : undefined;
      },
      // The device flow, the only user of user codes, is not enabled.
      async findByUserCode() {
        return undefined;
      },
      async consume(id) {
        const payload = read(keyOf(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        items.delete(keyOf(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of keysByGrant.get(grantId) ?? []) items.delete(key);
        keysByGrant.delete(grantId);
      },
    };
  };
}
