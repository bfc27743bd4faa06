// routeReport and concernedDesks on a small hand-built region (the demo region's scenarios are in test/routing-scenarios.test.ts).
import { describe, expect, it } from "vitest";
import {
  concernedDesks,
  HUB_MEMBER_ID,
  type Member,
  type PersonConcerned,
  type RegionConfig,
  type RoutingQuestion,
  routeReport,
  UNKNOWN_MEMBER,
  ValidationError,
  validateRegion,
} from "../src";
import { desk, smallRegion } from "./small-region";


const region = validateRegion(smallRegion());

function memberIn(config: RegionConfig, id: string): Member {
  const member = config.members.find((m) => m.id === id);
  if (!member) throw new Error(`no member ${id}`);
  return member;
}

const ask = (member: string, persons: PersonConcerned[] = [], more: Partial<RoutingQuestion> = {}): RoutingQuestion => ({
  member,
  wants: "melding",
  category: "omgang",
  persons,
  ...more,
});
const colleague: PersonConcerned = { relation: "collega", role: "medewerker" };
const coordinator: PersonConcerned = { relation: "collega", role: "integriteitscoordinator" };

describe("routeReport", () => {
  it("sends a report to the member's own integrity desk and says so", () => {
    expect(routeReport(ask("alfa", [colleague]), region)).toEqual({
      member: memberIn(region, "alfa"),
      desk: region.desks.find((d) => d.id === "alfa-bi"),
      track: "ambtelijk",
      kind: "melding",
      reasons: [{ nl: "Meldingen over integriteit bij Gemeente Alfa gaan naar Bureau Integriteit Alfa.", en: "Integrity reports about Gemeente Alfa go to Bureau Integriteit Alfa." }],
    });
  });

  it("explains a delegated integrity desk, and seals the case under the GR's own key", () => {
    const route = routeReport(ask("beta", [colleague], { category: "financieel" }), region);
    expect(route.desk.id).toBe("alfa-bi");
    expect(route.member.id).toBe("beta");
    expect(route.reasons).toEqual([
      { nl: "GR Beta laat integriteitsmeldingen behandelen door Bureau Integriteit Alfa.", en: "GR Beta has integrity reports handled by Bureau Integriteit Alfa." },
    ]);
  });

  it("sends a report about the coordinator to the configured alternate, and explains why instead of naming the usual desk", () => {
    const route = routeReport(ask("alfa", [coordinator]), region);
    expect(route.desk.id).toBe("intake");
    expect(route.member.id).toBe("alfa");
    expect(route.reasons).toEqual([
      { nl: "Uw melding gaat over iemand van Bureau Integriteit Alfa. Daarom gaat ze naar Regionale intake.", en: "Your report concerns someone at Bureau Integriteit Alfa. So it goes to Regionale intake." },
    ]);
  });

  it("takes the conflict alternate in one hop: another member's integrity desk as alternate is not routed again", () => {
    // Beta gets a bureau of its own, with the gemeente's bureau as the alternate for reports about its coordinator.
    const config = smallRegion();
    config.desks.push(desk("beta-bi", "integriteit", "Bureau Integriteit Beta", "beta"));
    const beta = memberIn(config, "beta");
    beta.routes.integriteit = "beta-bi";
    beta.alternates = { receivingDesk: "alfa-bi", gemeentesecretaris: "alfa-bi" };
    validateRegion(config);

    const route = routeReport(ask("beta", [coordinator]), config);
    // Alfa's bureau is an integrity desk and the person is "a coordinator", but not Alfa's: no second hop to Alfa's alternate.
    expect(route.desk.id).toBe("alfa-bi");
    expect(route.member.id).toBe("beta");
    expect(route.reasons).toEqual([
      { nl: "Uw melding gaat over iemand van Bureau Integriteit Beta. Daarom gaat ze naar Bureau Integriteit Alfa.", en: "Your report concerns someone at Bureau Integriteit Beta. So it goes to Bureau Integriteit Alfa." },
    ]);
  });

  it("sends a report about the gemeentesecretaris to the gemeentesecretaris alternate", () => {
    const route = routeReport(ask("alfa", [{ relation: "hoger-management", role: "gemeentesecretaris" }]), region);
    expect([route.desk.id, route.track]).toEqual(["alfa-burgemeester", "ambtelijk"]);
    expect(route.reasons).toEqual([
      {
        nl: "Uw melding gaat over de gemeentesecretaris of directeur. Daarom gaat ze naar Burgemeester Alfa.",
        en: "Your report concerns the municipal secretary or director. So it goes to Burgemeester Alfa.",
      },
    ]);
  });

  it("sends a report about the burgemeester along the griffier's route, and advice to the VP as a contact", () => {
    const aboutMayor: PersonConcerned = { relation: "bestuurder", role: "burgemeester" };
    expect(routeReport(ask("alfa", [aboutMayor]), region)).toMatchObject({ desk: { id: "alfa-griffier" }, track: "bestuurlijk", kind: "melding" });
    expect(routeReport(ask("alfa", [aboutMayor], { wants: "advies" }), region)).toMatchObject({ desk: { id: "alfa-vp" }, track: "bestuurlijk", kind: "advies" });
  });

  it("sends an unknown organisation to regional intake under the hub's own member", () => {
    const route = routeReport(ask(UNKNOWN_MEMBER), region);
    expect([route.member.id, route.desk.id, route.kind]).toEqual([HUB_MEMBER_ID, "intake", "melding"]);
  });

  it.each(["gamma", HUB_MEMBER_ID])("refuses %s as the reporter's organisation with a message on the member field", (member) => {
    let error: unknown;
    try {
      routeReport(ask(member), region);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field)).toEqual(["member"]);
  });

  it("is deterministic and leaves the configuration as it was", () => {
    const question = ask("alfa", [colleague, coordinator, { relation: "bestuurder", role: "wethouder" }], { wants: "beide", category: "belangen" });
    const first = routeReport(question, region);
    const second = routeReport(structuredClone(question), region);
    expect(second).toEqual(first);
    expect(routeReport(question, structuredClone(region))).toEqual(first);
    expect(region).toEqual(smallRegion());
  });
});

describe("concernedDesks", () => {
  const alfa = memberIn(region, "alfa");
  const beta = memberIn(region, "beta");

  it("is empty for a report about nobody or about ordinary staff and wethouders", () => {
    expect(concernedDesks(alfa, [])).toEqual([]);
    expect(concernedDesks(alfa, [colleague, { relation: "bestuurder", role: "wethouder" }, { relation: "extern", role: "extern" }])).toEqual([]);
  });

  it("names the integrity desk for the coordinator and the gemeentesecretaris, once", () => {
    expect(concernedDesks(alfa, [coordinator, { relation: "hoger-management", role: "gemeentesecretaris" }])).toEqual(["alfa-bi"]);
  });

  it("names the VP desk for the vertrouwenspersoon and the burgemeester's desk for the burgemeester", () => {
    expect(concernedDesks(alfa, [{ relation: "onbekend", role: "vertrouwenspersoon" }, { relation: "bestuurder", role: "burgemeester" }])).toEqual([
      "alfa-vp",
      "alfa-burgemeester",
    ]);
  });

  it("names the delegated desk for a GR, and nothing for a route the GR does not have", () => {
    expect(concernedDesks(beta, [coordinator])).toEqual(["alfa-bi"]);
    expect(concernedDesks(beta, [{ relation: "bestuurder", role: "burgemeester" }])).toEqual([]);
  });
});
