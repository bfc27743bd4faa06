import { describe, expect, it } from "vitest";
import { type Desk, HUB_MEMBER_ID, type Member, routeReport } from "../src";

const member = (id: string, name: string, integriteit: string): Member => ({
  id,
  name,
  kind: id === HUB_MEMBER_ID ? "regio" : "gemeente",
  fte: 100,
  routes: { integriteit },
  retentionYears: 10,
  version: 1,
});
const desk = (id: string, owner: string, name: string): Desk => ({ id, type: "integriteit", name, owner, serves: [owner], version: 1 });

describe("routing (first rules)", () => {
  it("sends a report to the member's own integrity desk on the staff track", () => {
    const route = routeReport({ member: member("hoorn", "Gemeente Hoorn", "hoorn-bi"), desk: desk("hoorn-bi", "hoorn", "Bureau Integriteit Hoorn"), category: "omgang" });
    expect(route.desk.id).toBe("hoorn-bi");
    expect(route.track).toBe("ambtelijk");
    expect(route.kind).toBe("melding");
    expect(route.reasons).toEqual([
      { nl: "Meldingen over integriteit bij Gemeente Hoorn gaan naar Bureau Integriteit Hoorn.", en: "Integrity reports about Gemeente Hoorn go to Bureau Integriteit Hoorn." },
    ]);
  });

  it("explains a delegated desk", () => {
    const route = routeReport({ member: member("wfa", "Westfries Archief", "hoorn-bi"), desk: desk("hoorn-bi", "hoorn", "Bureau Integriteit Hoorn"), category: "financieel" });
    expect(route.reasons[0]?.nl).toBe("Westfries Archief laat integriteitsmeldingen behandelen door Bureau Integriteit Hoorn.");
  });

  it("puts a misstand on the wbk track and names the external route", () => {
    const route = routeReport({ member: member("hoorn", "Gemeente Hoorn", "hoorn-bi"), desk: desk("hoorn-bi", "hoorn", "BI"), category: "misstand" });
    expect(route.track).toBe("wbk");
    expect(route.reasons).toHaveLength(2);
    expect(route.reasons[1]?.nl).toContain("Huis voor Klokkenluiders");
  });

  it("explains regional intake for an unknown organisation", () => {
    const route = routeReport({ member: member(HUB_MEMBER_ID, "Meldpunt", "intake"), desk: desk("intake", HUB_MEMBER_ID, "Regionale intake"), category: "omgang" });
    expect(route.reasons[0]?.nl).toContain("regionale intake");
  });
});
