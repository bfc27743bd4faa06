// A small hand-built region shared by the routing and validation tests.
import type { Desk, RegionConfig } from "../src";

export function desk(id: string, type: Desk["type"], name: string, owner: string, serves: string[] = [owner]): Desk {
  return { id, type, name, owner, serves, version: 1 };
}

/** Regional intake, one gemeente with all four desks, one GR with its own VP that delegates integrity to the gemeente. */
export function smallRegion(): RegionConfig {
  return {
    members: [
      { id: "regio", name: "Meldpunt Regio", kind: "regio", fte: 0, routes: { integriteit: "intake" }, retentionYears: 10, version: 1 },
      {
        id: "alfa",
        name: "Gemeente Alfa",
        kind: "gemeente",
        fte: 300,
        routes: { vp: "alfa-vp", integriteit: "alfa-bi", bestuurlijk: "alfa-burgemeester", burgemeester: "alfa-griffier" },
        alternates: { receivingDesk: "intake", gemeentesecretaris: "alfa-burgemeester" },
        retentionYears: 10,
        version: 1,
      },
      {
        id: "beta",
        name: "GR Beta",
        kind: "gr",
        fte: 40,
        routes: { vp: "beta-vp", integriteit: "alfa-bi" },
        alternates: { receivingDesk: "intake", gemeentesecretaris: "intake" },
        retentionYears: 10,
        version: 1,
      },
    ],
    desks: [
      desk("intake", "intake", "Regionale intake", "regio"),
      desk("alfa-vp", "vp", "Vertrouwenspersoon Alfa", "alfa"),
      desk("alfa-bi", "integriteit", "Bureau Integriteit Alfa", "alfa", ["alfa", "beta"]),
      desk("alfa-burgemeester", "bestuurlijk", "Burgemeester Alfa", "alfa"),
      desk("alfa-griffier", "bestuurlijk", "Griffier Alfa", "alfa"),
      desk("beta-vp", "vp", "Vertrouwenspersoon Beta", "beta"),
    ],
  };
}
