// The demo region of DESIGN §6: West-Friesland. Headcounts are illustrative.
// Arrangements: the three joint bodies share the region's external vertrouwenspersoon; Westfries Archief has no
// bureau of its own and delegates integrity reports to the Hoorn BI. Every municipality has a griffier's route for
// reports about the burgemeester; a report about someone on the receiving desk goes to regional intake, and one about
// the gemeentesecretaris to the burgemeester's desk.
import { type Desk, HUB_MEMBER_ID, MeasureSchema, type Member } from "@meldpunt/domain";
import { proposeOwnDesk } from "@meldpunt/domain/staff";

const MUNICIPALITIES: [id: string, name: string, fte: number][] = [
  ["hoorn", "Gemeente Hoorn", 820],
  ["enkhuizen", "Gemeente Enkhuizen", 210],
  ["medemblik", "Gemeente Medemblik", 390],
  ["koggenland", "Gemeente Koggenland", 180],
  ["drechterland", "Gemeente Drechterland", 95],
  ["stede-broec", "Gemeente Stede Broec", 110],
  ["opmeer", "Gemeente Opmeer", 120],
];

/** House colours of some demo members (illustrative, each readable on white): their pages show them. */
const THEMES: Record<string, string> = { hoorn: "#a4101b", enkhuizen: "#005a8c", medemblik: "#1d6b3a", koggenland: "#5b2a86" };

const SHARED_VP = "regio-vp-extern";
const INTAKE = "regio-intake";
const MEASURES = MeasureSchema.options;

function desk(id: string, type: Desk["type"], name: string, owner: string, serves: string[] = [owner]): Desk {
  return { id, type, name, owner, serves, version: 1 };
}

export function demoRegion(): { members: Member[]; desks: Desk[] } {
  const members: Member[] = [];
  const desks: Desk[] = [
    desk(INTAKE, "intake", "Regionale intake", HUB_MEMBER_ID),
    desk(SHARED_VP, "vp", "Externe vertrouwenspersoon West-Friesland", HUB_MEMBER_ID, ["sed", "westfries-archief", "odnhn"]),
  ];
  members.push({
    id: HUB_MEMBER_ID,
    name: "Gemeenschappelijk Meldpunt West-Friesland",
    kind: "regio",
    fte: 0,
    routes: { integriteit: INTAKE },
    retentionYears: 10,
    version: 1,
  });

  for (const [id, name, fte] of MUNICIPALITIES) {
    // Each municipality has the desks onboarding proposes, except Hoorn's bureau, which also serves Westfries Archief.
    const own = (route: keyof Member["routes"]) => {
      const { id: deskId, type, name: deskName } = proposeOwnDesk({ id, name }, route);
      return desk(deskId, type, deskName, id);
    };
    desks.push(
      own("vp"),
      id === "hoorn" ? desk("hoorn-integriteit", "integriteit", "Bureau Integriteit Hoorn", id, ["hoorn", "westfries-archief"]) : own("integriteit"),
      own("bestuurlijk"),
      own("burgemeester"),
    );
    members.push({
      id,
      name,
      kind: "gemeente",
      fte,
      routes: { vp: `${id}-vp`, integriteit: `${id}-integriteit`, bestuurlijk: `${id}-bestuurlijk`, burgemeester: `${id}-griffier` },
      alternates: { receivingDesk: INTAKE, gemeentesecretaris: `${id}-bestuurlijk` },
      ...(THEMES[id] ? { theme: { primaryColor: THEMES[id] } } : {}),
      measures: MEASURES,
      retentionYears: 10,
      version: 1,
    });
  }

  desks.push(desk("sed-integriteit", "integriteit", "Integriteitscoördinator SED-organisatie", "sed"));
  members.push(
    {
      id: "sed",
      name: "SED-organisatie",
      kind: "gr",
      fte: 560,
      routes: { vp: SHARED_VP, integriteit: "sed-integriteit" },
      alternates: { receivingDesk: INTAKE, gemeentesecretaris: INTAKE },
      measures: MEASURES,
      retentionYears: 10,
      version: 1,
    },
    {
      id: "westfries-archief",
      name: "Westfries Archief",
      kind: "gr",
      fte: 35,
      routes: { vp: SHARED_VP, integriteit: "hoorn-integriteit" },
      alternates: { receivingDesk: INTAKE, gemeentesecretaris: INTAKE },
      measures: MEASURES,
      retentionYears: 20,
      version: 1,
    },
  );
  desks.push(desk("odnhn-integriteit", "integriteit", "Integriteitscoördinator Omgevingsdienst Noord-Holland Noord", "odnhn"));
  members.push({
    id: "odnhn",
    name: "Omgevingsdienst Noord-Holland Noord",
    kind: "gr",
    fte: 240,
    routes: { vp: SHARED_VP, integriteit: "odnhn-integriteit" },
    alternates: { receivingDesk: INTAKE, gemeentesecretaris: INTAKE },
    measures: MEASURES,
    retentionYears: 10,
    version: 1,
  });
  return { members, desks };
}
