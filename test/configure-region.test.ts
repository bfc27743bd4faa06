// Editing and onboarding members on the real store: a change that would break routing is refused and stores nothing.
import { ConfigurationError, ConflictError, type Desk, routeReport } from "@meldpunt/domain";
import { onboardMember, saveMemberConfig } from "@meldpunt/domain/staff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "./support/local";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const region = () => t.deps.region;
const config = async () => ({ members: await region().listMembers(), desks: await region().listDesks() });

describe("saving a member's configuration", () => {
  it("refuses an alternate desk that does not serve the member: its staff could not read the case", async () => {
    const opmeer = await region().getMember("opmeer");
    if (!opmeer) throw new Error("demo member missing");
    const refused = saveMemberConfig(region(), { ...opmeer, alternates: { ...opmeer.alternates, receivingDesk: "hoorn-integriteit" }, version: opmeer.version + 1 });
    await expect(refused).rejects.toMatchObject({ problems: [{ member: "opmeer", route: "alternates.receivingDesk" }] });
  });

  it("stores a valid change as the next version, and routing follows it", async () => {
    // Hoorn's bureau takes Opmeer's conflict cases: it must serve Opmeer first.
    const bureau = await region().getDesk("hoorn-integriteit");
    if (!bureau) throw new Error("demo desk missing");
    await region().putDesk({ ...bureau, serves: [...bureau.serves, "opmeer"], version: bureau.version + 1 });
    const opmeer = await region().getMember("opmeer");
    if (!opmeer) throw new Error("demo member missing");
    const saved = await saveMemberConfig(region(), { ...opmeer, fte: 125, alternates: { ...opmeer.alternates, receivingDesk: "hoorn-integriteit" }, version: opmeer.version + 1 });
    expect(await region().getMember("opmeer")).toEqual(saved);
    const route = routeReport(
      { member: "opmeer", wants: "melding", category: "omgang", persons: [{ relation: "collega", role: "integriteitscoordinator" }] },
      await config(),
    );
    expect(route.desk.id).toBe("hoorn-integriteit");
  });

  it("refuses a change that breaks routing, naming member, route and problem, and stores nothing", async () => {
    const before = await region().getMember("enkhuizen");
    if (!before) throw new Error("demo member missing");
    const broken = { ...before, routes: { ...before.routes, burgemeester: before.routes.bestuurlijk }, version: before.version + 1 };
    const refused = saveMemberConfig(region(), broken);
    await expect(refused).rejects.toBeInstanceOf(ConfigurationError);
    await expect(refused).rejects.toMatchObject({ problems: [{ member: "enkhuizen", route: "burgemeester" }] });
    expect(await region().getMember("enkhuizen")).toEqual(before);
  });

  it("refuses a stale version (someone else saved first)", async () => {
    const medemblik = await region().getMember("medemblik");
    if (!medemblik) throw new Error("demo member missing");
    await saveMemberConfig(region(), { ...medemblik, fte: 400, version: medemblik.version + 1 });
    await expect(saveMemberConfig(region(), { ...medemblik, fte: 401, version: medemblik.version + 1 })).rejects.toBeInstanceOf(ConflictError);
    expect((await region().getMember("medemblik"))?.fte).toBe(400);
  });
});

describe("onboarding a member", () => {
  const desks: Desk[] = [
    { id: "schagen-vp", type: "vp", name: "Vertrouwenspersoon Schagen", owner: "schagen", serves: ["schagen"], version: 1 },
    { id: "schagen-integriteit", type: "integriteit", name: "Integriteit Schagen", owner: "schagen", serves: ["schagen"], version: 1 },
    { id: "schagen-bestuurlijk", type: "bestuurlijk", name: "Bestuurlijke integriteit Schagen", owner: "schagen", serves: ["schagen"], version: 1 },
    { id: "schagen-griffier", type: "bestuurlijk", name: "Griffier Schagen", owner: "schagen", serves: ["schagen"], version: 1 },
  ];
  const schagen = {
    id: "schagen",
    name: "Gemeente Schagen",
    kind: "gemeente" as const,
    fte: 300,
    routes: { vp: "schagen-vp", integriteit: "schagen-integriteit", bestuurlijk: "schagen-bestuurlijk", burgemeester: "schagen-griffier" },
    alternates: { receivingDesk: "regio-intake", gemeentesecretaris: "schagen-bestuurlijk" },
    retentionYears: 10,
    version: 1,
  };

  it("refuses a member whose routes are incomplete and stores none of its desks", async () => {
    const incomplete = { ...schagen, routes: { vp: "schagen-vp", integriteit: "schagen-integriteit" } };
    await expect(onboardMember(region(), { member: incomplete, desks })).rejects.toBeInstanceOf(ConfigurationError);
    expect(await region().getMember("schagen")).toBeUndefined();
    expect(await region().getDesk("schagen-vp")).toBeUndefined();
  });

  it("refuses a member id that already exists", async () => {
    await expect(onboardMember(region(), { member: { ...schagen, id: "hoorn" }, desks: [] })).rejects.toBeInstanceOf(ConfigurationError);
  });

  it("adds the member and its desks, and reports route to them at once", async () => {
    await onboardMember(region(), { member: schagen, desks });
    expect((await region().getMember("schagen"))?.name).toBe("Gemeente Schagen");
    const route = routeReport({ member: "schagen", wants: "melding", category: "financieel", persons: [] }, await config());
    expect(route.desk.id).toBe("schagen-integriteit");
  });
});

describe("onboarding a member that uses existing desks", () => {
  const gr = (id: string) => ({
    id,
    name: `GR ${id}`,
    kind: "gr" as const,
    fte: 30,
    routes: { vp: "regio-vp-extern", integriteit: "odnhn-integriteit" },
    alternates: { receivingDesk: "sed-integriteit", gemeentesecretaris: "regio-intake" },
    retentionYears: 10,
    version: 1,
  });

  it("makes every existing desk its routes and alternates name serve it, as new versions; intake needs none", async () => {
    const [vp, bureau, alternate, intake] = await Promise.all(["regio-vp-extern", "odnhn-integriteit", "sed-integriteit", "regio-intake"].map((id) => region().getDesk(id)));
    const { joined } = await onboardMember(region(), { member: gr("gr-een"), desks: [] });
    expect(joined.map((d) => d.id).sort()).toEqual(["odnhn-integriteit", "regio-vp-extern", "sed-integriteit"]);
    for (const before of [vp, bureau, alternate]) {
      expect(await region().getDesk(before?.id ?? "")).toEqual({ ...before, serves: [...(before?.serves ?? []), "gr-een"], version: (before?.version ?? 0) + 1 });
    }
    expect(await region().getDesk("regio-intake")).toEqual(intake);
  });

  it("leaves no route to the member when a write fails halfway, and the same onboarding run again finishes it", async () => {
    const own = { id: "gr-twee-vp", type: "vp" as const, name: "Vertrouwenspersoon GR twee", owner: "gr-twee", serves: ["gr-twee"], version: 1 };
    const member = { ...gr("gr-twee"), routes: { vp: own.id, integriteit: "odnhn-integriteit" } };
    const failing = { ...region(), putMember: () => Promise.reject(new ConflictError()) };
    await expect(onboardMember(failing, { member, desks: [own] })).rejects.toBeInstanceOf(ConflictError);
    expect(await region().getMember("gr-twee")).toBeUndefined();
    expect((await region().getDesk("odnhn-integriteit"))?.serves).toContain("gr-twee");

    await onboardMember(region(), { member, desks: [{ ...own, name: "Vertrouwenspersoon van GR twee" }] });
    expect(await region().getDesk(own.id)).toEqual({ ...own, name: "Vertrouwenspersoon van GR twee", version: 2 });
    const route = routeReport({ member: "gr-twee", wants: "melding", category: "omgang", persons: [] }, await config());
    expect(route.desk.id).toBe("odnhn-integriteit");
  });
});
