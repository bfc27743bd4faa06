// The region's short-lived copy: reads within the time come from memory, a save here clears it at once, a failed read
// is not kept, and after the time the store is asked again.
import type { Desk, Member, RegionStore } from "@meldpunt/domain";
import { describe, expect, it } from "vitest";
import { cacheRegion } from "../src";

function counting(members: Member[]) {
  const calls: string[] = [];
  let fail = false;
  const region: RegionStore = {
    listMembers: async () => {
      calls.push("listMembers");
      if (fail) throw new Error("down");
      return structuredClone(members);
    },
    listDesks: async () => {
      calls.push("listDesks");
      return [] as Desk[];
    },
    getMember: async () => undefined,
    getDesk: async () => undefined,
    putMember: async (m) => {
      calls.push("putMember");
      members = [m];
    },
    putDesk: async () => undefined,
  };
  return { region, calls, setFail: (v: boolean) => (fail = v) };
}

const member = (name: string, version = 1): Member => ({ id: "hoorn", name, kind: "gemeente", fte: 1, routes: { integriteit: "x" }, retentionYears: 10, version });

describe("cacheRegion", () => {
  it("reads once within the time, and again after it", async () => {
    let t = 0;
    const { region, calls } = counting([member("A")]);
    const cached = cacheRegion(region, { ttlMs: 5000, now: () => t });
    await cached.listMembers();
    expect((await cached.getMember("hoorn"))?.name).toBe("A");
    expect(calls).toEqual(["listMembers"]);
    t = 5000;
    await cached.listMembers();
    expect(calls).toEqual(["listMembers", "listMembers"]);
  });

  it("shows a save made through it at once", async () => {
    const { region } = counting([member("A")]);
    const cached = cacheRegion(region, { ttlMs: 60_000, now: () => 0 });
    expect((await cached.getMember("hoorn"))?.name).toBe("A");
    await cached.putMember(member("B", 2));
    expect((await cached.getMember("hoorn"))?.name).toBe("B");
  });

  it("does not keep a failed read", async () => {
    const { region, calls, setFail } = counting([member("A")]);
    const cached = cacheRegion(region, { ttlMs: 60_000, now: () => 0 });
    setFail(true);
    await expect(cached.listMembers()).rejects.toThrow("down");
    setFail(false);
    expect((await cached.listMembers())[0]?.name).toBe("A");
    expect(calls).toEqual(["listMembers", "listMembers"]);
  });
});
