// findProblems / validateRegion on a small hand-built region: each rule once, and the refusal's message.
import { describe, expect, it } from "vitest";
import { ConfigurationError, type Desk, findProblems, HubError, type Member, type RegionConfig, validateRegion } from "../src";
import { desk, smallRegion } from "./small-region";


function memberIn(config: RegionConfig, id: string): Member {
  const member = config.members.find((m) => m.id === id);
  if (!member) throw new Error(`no member ${id}`);
  return member;
}

function deskIn(config: RegionConfig, id: string): Desk {
  const found = config.desks.find((d) => d.id === id);
  if (!found) throw new Error(`no desk ${id}`);
  return found;
}

/** The small region with one change made to it. */
function broken(change: (config: RegionConfig) => void): RegionConfig {
  const config = smallRegion();
  change(config);
  return config;
}

function refusal(config: RegionConfig): ConfigurationError {
  try {
    validateRegion(config);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error("expected a ConfigurationError");
}

describe("a valid region", () => {
  it("has no problems, and validateRegion hands it back unchanged", () => {
    const config = smallRegion();
    expect(findProblems(config)).toEqual([]);
    expect(validateRegion(config)).toBe(config);
    expect(config).toEqual(smallRegion());
  });

  it("lets regional intake end any route of a member (intake forwards)", () => {
    const config = broken((c) => {
      const alfa = memberIn(c, "alfa");
      alfa.routes.vp = "intake";
      alfa.routes.integriteit = "intake";
      alfa.routes.bestuurlijk = "intake";
      alfa.alternates = { receivingDesk: "alfa-griffier", gemeentesecretaris: "alfa-griffier" };
    });
    expect(findProblems(config)).toEqual([]);
  });

  it("accepts a VP desk shared by the gemeente and the GR when it serves both", () => {
    const config = broken((c) => {
      memberIn(c, "beta").routes.vp = "alfa-vp";
      deskIn(c, "alfa-vp").serves.push("beta");
    });
    expect(findProblems(config)).toEqual([]);
  });
});

describe("findProblems: routes", () => {
  it.each([
    ["alfa", "vp"],
    ["alfa", "integriteit"],
    ["alfa", "bestuurlijk"],
    ["alfa", "burgemeester"],
    ["beta", "vp"],
    ["beta", "integriteit"],
    ["regio", "integriteit"],
  ] as const)("a missing required route: %s has no %s route", (memberId, route) => {
    const config = broken((c) => {
      const routes = memberIn(c, memberId).routes;
      if (route === "integriteit") routes.integriteit = "";
      else delete routes[route];
    });
    expect(findProblems(config)).toEqual([{ member: memberId, route, message: { nl: "Deze route ontbreekt.", en: "This route is missing." } }]);
  });

  it("does not require a bestuurlijk or burgemeester route of a GR, nor a vp route of the region", () => {
    const config = smallRegion();
    expect(memberIn(config, "beta").routes.bestuurlijk).toBeUndefined();
    expect(memberIn(config, "beta").routes.burgemeester).toBeUndefined();
    expect(memberIn(config, "regio").routes.vp).toBeUndefined();
    expect(findProblems(config)).toEqual([]);
  });

  it("a route to a desk that does not exist", () => {
    const config = broken((c) => {
      memberIn(c, "alfa").routes.integriteit = "alfa-weg";
    });
    expect(findProblems(config)).toEqual([
      { member: "alfa", route: "integriteit", message: { nl: "Balie alfa-weg bestaat niet.", en: "Desk alfa-weg does not exist." } },
    ]);
  });

  it.each([
    ["vp", "alfa-bi", "integriteit"],
    ["integriteit", "alfa-vp", "vp"],
    ["bestuurlijk", "alfa-vp", "vp"],
    ["burgemeester", "alfa-bi", "integriteit"],
  ] as const)("a desk of the wrong kind: the %s route ends at %s", (route, deskId, type) => {
    const config = broken((c) => {
      memberIn(c, "alfa").routes[route] = deskId;
    });
    expect(findProblems(config)).toContainEqual({
      member: "alfa",
      route,
      message: { nl: `Balie ${deskId} is van het verkeerde soort (${type}).`, en: `Desk ${deskId} is of the wrong kind (${type}).` },
    });
    expect(findProblems(config).filter((p) => p.route === route)).toHaveLength(1);
  });

  it("a desk that does not serve the member", () => {
    const config = broken((c) => {
      memberIn(c, "beta").routes.vp = "alfa-vp";
    });
    expect(findProblems(config)).toEqual([
      { member: "beta", route: "vp", message: { nl: "Balie alfa-vp bedient deze organisatie niet.", en: "Desk alfa-vp does not serve this organisation." } },
    ]);
  });

  it("a delegated integrity desk that does not (any longer) serve the GR", () => {
    const config = broken((c) => {
      deskIn(c, "alfa-bi").serves = ["alfa"];
    });
    expect(findProblems(config)).toEqual([
      {
        member: "beta",
        route: "integriteit",
        message: { nl: "Balie alfa-bi bedient deze organisatie niet.", en: "Desk alfa-bi does not serve this organisation." },
      },
    ]);
  });

  it("a report about the burgemeester that would end at the burgemeester's own desk", () => {
    const config = broken((c) => {
      memberIn(c, "alfa").routes.burgemeester = "alfa-burgemeester";
    });
    expect(findProblems(config)).toEqual([
      {
        member: "alfa",
        route: "burgemeester",
        message: {
          nl: "Een melding over de burgemeester mag niet bij de balie van de burgemeester uitkomen (route via de griffier).",
          en: "A report about the mayor must not end at the mayor's desk (route via the clerk).",
        },
      },
    ]);
  });
});

describe("findProblems: alternates", () => {
  it.each([
    ["alfa", "receivingDesk"],
    ["alfa", "gemeentesecretaris"],
    ["beta", "receivingDesk"],
    ["beta", "gemeentesecretaris"],
  ] as const)("a missing alternate: %s has no %s alternate", (memberId, name) => {
    const config = broken((c) => {
      delete memberIn(c, memberId).alternates?.[name];
    });
    expect(findProblems(config)).toEqual([
      { member: memberId, route: `alternates.${name}`, message: { nl: "Deze uitwijkbalie ontbreekt.", en: "This alternate desk is missing." } },
    ]);
  });

  it("a member without any alternates misses both", () => {
    const config = broken((c) => {
      delete memberIn(c, "alfa").alternates;
    });
    expect(findProblems(config).map((p) => [p.member, p.route])).toEqual([
      ["alfa", "alternates.receivingDesk"],
      ["alfa", "alternates.gemeentesecretaris"],
    ]);
  });

  it("an alternate desk that does not exist", () => {
    const config = broken((c) => {
      const alfa = memberIn(c, "alfa");
      alfa.alternates = { ...alfa.alternates, gemeentesecretaris: "nergens" };
    });
    expect(findProblems(config)).toEqual([
      { member: "alfa", route: "alternates.gemeentesecretaris", message: { nl: "Balie nergens bestaat niet.", en: "Desk nergens does not exist." } },
    ]);
  });

  it.each([
    ["alfa", "receivingDesk", "alfa-bi"],
    ["alfa", "receivingDesk", "alfa-vp"],
    ["alfa", "gemeentesecretaris", "alfa-bi"],
    // The GR's integrity desk is the delegated one of the gemeente: that is the conflicted desk for the GR.
    ["beta", "receivingDesk", "alfa-bi"],
    ["beta", "receivingDesk", "beta-vp"],
    ["beta", "gemeentesecretaris", "alfa-bi"],
  ] as const)("an alternate that is the conflicted desk itself: %s %s → %s", (memberId, name, deskId) => {
    const config = broken((c) => {
      const member = memberIn(c, memberId);
      member.alternates = { ...member.alternates, [name]: deskId };
    });
    expect(findProblems(config)).toEqual([
      {
        member: memberId,
        route: `alternates.${name}`,
        message: { nl: `De uitwijkbalie ${deskId} is zelf de balie met het belangenconflict.`, en: `The alternate ${deskId} is itself the conflicted desk.` },
      },
    ]);
  });

  it("does not ask the region itself for alternates", () => {
    const config = smallRegion();
    expect(memberIn(config, "regio").alternates).toBeUndefined();
    expect(findProblems(config)).toEqual([]);
  });
});

describe("findProblems: members and desks", () => {
  it("the missing region (regional intake)", () => {
    const config = broken((c) => {
      c.members = c.members.filter((m) => m.id !== "regio");
    });
    expect(findProblems(config)).toEqual([
      { member: "regio", route: "integriteit", message: { nl: "De regio zelf ontbreekt (regionale intake).", en: "The region itself is missing (regional intake)." } },
      { member: "regio", route: "desk", message: { nl: "Balie intake hoort bij een onbekende organisatie.", en: "Desk intake belongs to an unknown organisation." } },
      { member: "regio", route: "desk", message: { nl: "Balie intake bedient een onbekende organisatie.", en: "Desk intake serves an unknown organisation." } },
    ]);
  });

  it("a desk that belongs to an unknown organisation", () => {
    const config = broken((c) => {
      c.desks.push(desk("gamma-vp", "vp", "Vertrouwenspersoon Gamma", "gamma", ["alfa"]));
    });
    expect(findProblems(config)).toEqual([
      { member: "gamma", route: "desk", message: { nl: "Balie gamma-vp hoort bij een onbekende organisatie.", en: "Desk gamma-vp belongs to an unknown organisation." } },
    ]);
  });

  it("a desk that serves an unknown organisation", () => {
    const config = broken((c) => {
      deskIn(c, "alfa-bi").serves.push("gamma");
    });
    expect(findProblems(config)).toEqual([
      { member: "gamma", route: "desk", message: { nl: "Balie alfa-bi bedient een onbekende organisatie.", en: "Desk alfa-bi serves an unknown organisation." } },
    ]);
  });

  it("reports every problem at once, not only the first", () => {
    const config = broken((c) => {
      memberIn(c, "alfa").routes.vp = "weg";
      memberIn(c, "beta").routes.vp = "alfa-vp";
      delete memberIn(c, "beta").alternates?.gemeentesecretaris;
    });
    expect(findProblems(config).map((p) => `${p.member} ${p.route}`)).toEqual(["alfa vp", "beta vp", "beta alternates.gemeentesecretaris"]);
  });
});

describe("validateRegion refuses a broken configuration", () => {
  it("with a ConfigurationError that carries the problems", () => {
    const config = broken((c) => {
      memberIn(c, "alfa").routes.integriteit = "alfa-weg";
    });
    expect(() => validateRegion(config)).toThrow(ConfigurationError);
    const error = refusal(config);
    expect(error).toBeInstanceOf(HubError);
    expect(error.name).toBe("ConfigurationError");
    expect(error.kind).toBe("validation");
    expect(error.problems).toEqual(findProblems(config));
  });

  it("whose message names the member, the route and the problem, in Dutch and English", () => {
    const error = refusal(
      broken((c) => {
        memberIn(c, "alfa").routes.integriteit = "alfa-weg";
      }),
    );
    expect(error.userMessage).toEqual({
      nl: "De configuratie klopt niet: alfa (integriteit): Balie alfa-weg bestaat niet.",
      en: "The configuration is not valid: alfa (integriteit): Desk alfa-weg does not exist.",
    });
    expect(error.message).toBe("validation: The configuration is not valid: alfa (integriteit): Desk alfa-weg does not exist.");
  });

  it("and lists several problems in one message", () => {
    const error = refusal(
      broken((c) => {
        memberIn(c, "alfa").routes.burgemeester = "alfa-burgemeester";
        delete memberIn(c, "beta").alternates?.receivingDesk;
      }),
    );
    expect(error.userMessage.nl).toBe(
      "De configuratie klopt niet: alfa (burgemeester): Een melding over de burgemeester mag niet bij de balie van de burgemeester uitkomen (route via de griffier).; beta (alternates.receivingDesk): Deze uitwijkbalie ontbreekt.",
    );
    expect(error.userMessage.en).toBe(
      "The configuration is not valid: alfa (burgemeester): A report about the mayor must not end at the mayor's desk (route via the clerk).; beta (alternates.receivingDesk): This alternate desk is missing.",
    );
  });
});
