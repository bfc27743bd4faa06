// Properties of routing over generated valid regions (issue 4): for every valid configuration and every answer set,
// routing returns a desk that exists, serves the member (or is intake), and is never a desk the report concerns.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CATEGORY_CODES,
  concernedDesks,
  type Desk,
  findProblems,
  HUB_MEMBER_ID,
  type Member,
  type PersonConcerned,
  type RegionConfig,
  type RouteName,
  type RoutingQuestion,
  Relations,
  type Role,
  Roles,
  routeReport,
  UNKNOWN_MEMBER,
  validateRegion,
  Wishes,
} from "../src";

const INTAKE = "regio-intake";

/** The random choices of one gemeente or GR; indices are taken modulo the number of candidates. */
const choiceArb = fc.record({
  /** Use a shared VP desk of the region instead of an own one. */
  sharedVp: fc.boolean(),
  sharedVpIndex: fc.nat(),
  /** A GR's integrity reports: its own bureau, or delegated to a gemeente's bureau. */
  delegates: fc.boolean(),
  delegateIndex: fc.nat(),
  /** A GR with a bestuurlijk desk of its own (it never has a burgemeester route). */
  grBestuurlijk: fc.boolean(),
  receivingAlternate: fc.nat(),
  secretaryAlternate: fc.nat(),
});
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
type Choice = ValueOf<typeof choiceArb>;

const planArb = fc.record({
  gemeenten: fc.integer({ min: 1, max: 4 }),
  grs: fc.integer({ min: 0, max: 3 }),
  sharedVps: fc.integer({ min: 0, max: 2 }),
  choices: fc.array(choiceArb, { minLength: 7, maxLength: 7 }),
});
type Plan = ValueOf<typeof planArb>;

const member = (id: string, name: string, kind: Member["kind"], routes: Member["routes"]): Member => ({
  id,
  name,
  kind,
  fte: 100,
  routes,
  retentionYears: 10,
  version: 1,
});
const desk = (id: string, type: Desk["type"], owner: string): Desk => ({ id, type, name: `Balie ${id}`, owner, serves: [], version: 1 });

/** Builds a region that is valid by construction: every desk serves the members routed to it, alternates avoid the conflicted desks. */
function buildRegion(plan: Plan): RegionConfig {
  const desks: Desk[] = [desk(INTAKE, "intake", HUB_MEMBER_ID)];
  const members: Member[] = [member(HUB_MEMBER_ID, "Meldpunt", "regio", { integriteit: INTAKE })];
  const shared = Array.from({ length: plan.sharedVps }, (_, i) => desk(`regio-vp-${i}`, "vp", HUB_MEMBER_ID));
  desks.push(...shared);
  const choice = (i: number): Choice => plan.choices[i % plan.choices.length] as Choice;
  const vpFor = (id: string, c: Choice): string => {
    const vp = c.sharedVp ? shared[c.sharedVpIndex % Math.max(shared.length, 1)] : undefined;
    if (vp) return vp.id;
    desks.push(desk(`${id}-vp`, "vp", id));
    return `${id}-vp`;
  };

  const gemeenten: Member[] = [];
  for (let i = 0; i < plan.gemeenten; i++) {
    const id = `gem-${i}`;
    desks.push(desk(`${id}-bi`, "integriteit", id), desk(`${id}-bestuurlijk`, "bestuurlijk", id), desk(`${id}-griffier`, "bestuurlijk", id));
    gemeenten.push(
      member(id, `Gemeente ${i}`, "gemeente", {
        vp: vpFor(id, choice(i)),
        integriteit: `${id}-bi`,
        bestuurlijk: `${id}-bestuurlijk`,
        burgemeester: `${id}-griffier`,
      }),
    );
  }
  const grs: Member[] = [];
  for (let j = 0; j < plan.grs; j++) {
    const id = `gr-${j}`;
    const c = choice(plan.gemeenten + j);
    let integriteit = `${id}-bi`;
    if (c.delegates) integriteit = `gem-${c.delegateIndex % plan.gemeenten}-bi`;
    else desks.push(desk(integriteit, "integriteit", id));
    const routes: Member["routes"] = { vp: vpFor(id, c), integriteit };
    if (c.grBestuurlijk) {
      desks.push(desk(`${id}-bestuur`, "bestuurlijk", id));
      routes.bestuurlijk = `${id}-bestuur`;
    }
    grs.push(member(id, `GR ${j}`, "gr", routes));
  }
  members.push(...gemeenten, ...grs);

  // Every desk serves its owner (when the owner is a gemeente or GR) and every member whose route ends at it.
  for (const d of desks) {
    const users = members.filter((m) => Object.values(m.routes).includes(d.id)).map((m) => m.id);
    const owner = d.owner === HUB_MEMBER_ID ? [] : [d.owner];
    d.serves = [...new Set([...owner, ...users])];
    if (d.serves.length === 0) d.serves = [HUB_MEMBER_ID];
  }

  // Alternates: any desk (intake, the member's own bestuurlijk desk, another member's desk) but the conflicted one.
  [...gemeenten, ...grs].forEach((m, i) => {
    const c = choice(i);
    // Intake and the member's own desks first: fc.nat() favours small indices, so these are picked often.
    const near = (d: Desk) => (d.type === "intake" ? 0 : d.owner === m.id ? 1 : Object.values(m.routes).includes(d.id) ? 2 : 3);
    const ordered = [...desks].sort((a, b) => near(a) - near(b));
    const pick = (index: number, avoid: (string | undefined)[]) => {
      const candidates = ordered.filter((d) => !avoid.includes(d.id));
      return (candidates[index % candidates.length] as Desk).id;
    };
    m.alternates = {
      receivingDesk: pick(c.receivingAlternate, [m.routes.integriteit, m.routes.vp]),
      gemeentesecretaris: pick(c.secretaryAlternate, [m.routes.integriteit]),
    };
    // An alternate's staff must be able to read the member's cases: it serves the member (intake serves everyone).
    for (const id of Object.values(m.alternates)) {
      const alternate = desks.find((d) => d.id === id);
      if (alternate && alternate.type !== "intake" && !alternate.serves.includes(m.id)) alternate.serves.push(m.id);
    }
  });
  return { members, desks };
}

const regionArb = planArb.map(buildRegion);

/** The roles that make a desk conflicted come up more often than their share of the list. */
const roleArb = fc.oneof(
  { arbitrary: fc.constantFrom<Role>("integriteitscoordinator", "gemeentesecretaris", "vertrouwenspersoon", "burgemeester"), weight: 1 },
  { arbitrary: fc.constantFrom(...Roles.codes), weight: 2 },
);
const personArb: fc.Arbitrary<PersonConcerned> = fc.record({ relation: fc.constantFrom(...Relations.codes), role: roleArb });
const answersArb = fc.record({
  memberIndex: fc.nat(),
  wants: fc.constantFrom(...Wishes.codes),
  category: fc.constantFrom(...CATEGORY_CODES),
  persons: fc.array(personArb, { maxLength: 3 }),
});

/** A region and a question about one of its members, or about an unknown organisation. */
const caseArb = fc.tuple(regionArb, answersArb).map(([region, a]) => {
  const choices = [...region.members.filter((m) => m.id !== HUB_MEMBER_ID).map((m) => m.id), UNKNOWN_MEMBER];
  const question: RoutingQuestion = { member: choices[a.memberIndex % choices.length] as string, wants: a.wants, category: a.category, persons: a.persons };
  return { region, question };
});

describe("generated regions", () => {
  it("are valid", () => {
    fc.assert(
      fc.property(regionArb, (region) => {
        expect(findProblems(region)).toEqual([]);
        expect(validateRegion(region)).toBe(region);
      }),
      { numRuns: 200 },
    );
  });
});

describe("routeReport, for every valid region and every answer set", () => {
  it("returns a desk that exists, may receive the member's report, and is not a desk the report concerns", () => {
    fc.assert(
      fc.property(caseArb, ({ region, question }) => {
        validateRegion(region);
        const route = routeReport(question, region);

        expect(region.desks).toContain(route.desk);
        expect(region.members).toContain(route.member);
        if (question.member === UNKNOWN_MEMBER) {
          expect(route.member.id).toBe(HUB_MEMBER_ID);
          expect(route.desk.type).toBe("intake");
          return;
        }
        expect(route.member.id).toBe(question.member);
        expect(route.desk.serves.includes(route.member.id) || route.desk.type === "intake").toBe(true);
        expect(concernedDesks(route.member, question.persons)).not.toContain(route.desk.id);
        // An advice contact stays with a vertrouwenspersoon (or intake); a report never lands at one.
        if (route.kind === "advies") expect(["vp", "intake"]).toContain(route.desk.type);
        else expect(route.desk.type).not.toBe("vp");
      }),
      { numRuns: 1000 },
    );
  });

  it("puts a misstand on the wbk track, and advice with the VP as an advice contact, explained in nl and en", () => {
    fc.assert(
      fc.property(caseArb, ({ region, question }) => {
        const route = routeReport(question, region);
        expect(route.track === "wbk").toBe(question.category === "misstand");
        expect(route.kind).toBe(question.wants === "advies" ? "advies" : "melding");
        expect(route.reasons.length).toBeGreaterThan(0);
        for (const reason of route.reasons) {
          expect(reason.nl.length).toBeGreaterThan(0);
          expect(reason.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(caseArb, ({ region, question }) => {
        expect(routeReport(structuredClone(question), structuredClone(region))).toEqual(routeReport(question, region));
      }),
      { numRuns: 200 },
    );
  });
});

describe("findProblems", () => {
  const brokenArb = fc.tuple(regionArb, fc.nat(), fc.nat()).map(([region, memberIndex, routeIndex]) => {
    const m = region.members[memberIndex % region.members.length] as Member;
    const named: RouteName[] = [
      ...(Object.keys(m.routes) as (keyof Member["routes"])[]).filter((r) => m.routes[r]),
      ...(Object.keys(m.alternates ?? {}).map((a) => `alternates.${a}`) as RouteName[]),
    ];
    const route = named[routeIndex % named.length] as RouteName;
    const missing = `weg-${routeIndex % 1000}`;
    if (route === "alternates.receivingDesk" || route === "alternates.gemeentesecretaris") {
      m.alternates = { ...m.alternates, [route.slice("alternates.".length)]: missing };
    } else if (route !== "desk") {
      m.routes[route] = missing;
    }
    return { region, member: m.id, route, missing };
  });

  it("reports exactly the member and route whose desk does not exist", () => {
    fc.assert(
      fc.property(brokenArb, ({ region, member, route, missing }) => {
        expect(findProblems(region)).toEqual([{ member, route, message: { nl: `Balie ${missing} bestaat niet.`, en: `Desk ${missing} does not exist.` } }]);
      }),
      { numRuns: 200 },
    );
  });
});
