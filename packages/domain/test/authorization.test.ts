// The authorization table as a table: every role against every action, on its own and on a foreign desk or member.
import { describe, expect, it } from "vitest";
import { ACTION_NAMES, type Action, type AccessRegion, can, grantsOf, type Scope, type StaffRole } from "../src/staff-side";

// A small region shaped like the demo: Hoorn's bureau also serves the Westfries Archief (delegated), one external VP
// serves two joint bodies, regional intake holds the hub's own cases and any member's that must avoid its own desks.
const region: AccessRegion & { members: { id: string }[] } = {
  members: [{ id: "hoorn" }, { id: "westfries-archief" }, { id: "sed" }, { id: "regio" }],
  desks: [
    { id: "hoorn-integriteit", type: "integriteit", serves: ["hoorn", "westfries-archief"] },
    { id: "hoorn-vp", type: "vp", serves: ["hoorn"] },
    { id: "sed-integriteit", type: "integriteit", serves: ["sed"] },
    { id: "regio-vp-extern", type: "vp", serves: ["sed", "westfries-archief"] },
    { id: "regio-intake", type: "intake", serves: ["regio"] },
  ],
};

const who: Record<string, StaffRole[]> = {
  "BI Hoorn": [{ role: "desk-staff", desk: "hoorn-integriteit" }],
  "VP Hoorn": [{ role: "desk-staff", desk: "hoorn-vp" }],
  "external VP": [{ role: "desk-staff", desk: "regio-vp-extern" }],
  intake: [{ role: "desk-staff", desk: "regio-intake" }],
  "admin Hoorn": [{ role: "member-admin", member: "hoorn" }],
  "admin Archief": [{ role: "member-admin", member: "westfries-archief" }],
  board: [{ role: "board" }],
  operator: [{ role: "operator" }],
  "no roles": [],
};

const caseOf = (member: string, desk: string): Scope => ({ member, desk });
const Y = true;
const N = false;

// [who, action, scope, allowed]
const TABLE: [string, Action, Scope, boolean][] = [
  // Desk staff see cases of the members their desk serves, and nothing of anyone else.
  ["BI Hoorn", "read-case-content", caseOf("hoorn", "hoorn-integriteit"), Y],
  ["BI Hoorn", "read-case-content", caseOf("westfries-archief", "hoorn-integriteit"), Y],
  ["BI Hoorn", "read-queue", caseOf("westfries-archief", "hoorn-integriteit"), Y],
  ["BI Hoorn", "read-case-content", caseOf("sed", "hoorn-integriteit"), N],
  ["BI Hoorn", "read-case-content", caseOf("hoorn", "hoorn-vp"), N],
  ["BI Hoorn", "read-queue", caseOf("sed", "sed-integriteit"), N],
  ["BI Hoorn", "view-member-config", { member: "hoorn" }, N],
  ["BI Hoorn", "view-board-dashboard", {}, N],
  // Forwarding is for the desk that holds the case, nobody else.
  ["BI Hoorn", "transfer-case", caseOf("westfries-archief", "hoorn-integriteit"), Y],
  ["BI Hoorn", "transfer-case", caseOf("sed", "sed-integriteit"), N],
  ["intake", "transfer-case", caseOf("hoorn", "regio-intake"), Y],
  ["admin Hoorn", "transfer-case", caseOf("hoorn", "hoorn-integriteit"), N],
  ["operator", "transfer-case", caseOf("hoorn", "hoorn-integriteit"), N],
  ["VP Hoorn", "read-case-content", caseOf("hoorn", "hoorn-vp"), Y],
  ["VP Hoorn", "read-case-content", caseOf("hoorn", "hoorn-integriteit"), N],
  ["external VP", "read-case-content", caseOf("sed", "regio-vp-extern"), Y],
  ["external VP", "read-case-content", caseOf("westfries-archief", "regio-vp-extern"), Y],
  ["external VP", "read-case-content", caseOf("hoorn", "regio-vp-extern"), N],
  ["external VP", "read-case-content", caseOf("sed", "sed-integriteit"), N],
  ["intake", "read-case-content", caseOf("regio", "regio-intake"), Y],
  // A report about Hoorn's coordinator lands at intake and stays Hoorn's: intake reads it there, and only there.
  ["intake", "read-case-content", caseOf("hoorn", "regio-intake"), Y],
  ["intake", "read-case-content", caseOf("hoorn", "hoorn-integriteit"), N],
  ["intake", "edit-member-config", { member: "regio" }, N],
  // Member admins configure their own member only, and read no case, not even their own member's queue.
  ["admin Hoorn", "view-member-config", { member: "hoorn" }, Y],
  ["admin Hoorn", "edit-member-config", { member: "hoorn" }, Y],
  ["admin Hoorn", "edit-member-config", { member: "westfries-archief" }, N],
  ["admin Hoorn", "read-case-content", caseOf("hoorn", "hoorn-integriteit"), N],
  ["admin Hoorn", "read-queue", caseOf("hoorn", "hoorn-integriteit"), N],
  ["admin Archief", "edit-member-config", { member: "westfries-archief" }, Y],
  ["admin Archief", "view-member-config", { member: "westfries-archief" }, Y],
  ["admin Archief", "edit-member-config", { member: "hoorn" }, N],
  ["admin Archief", "view-member-config", { member: "hoorn" }, N],
  ["admin Archief", "edit-member-config", { member: "sed" }, N],
  ["admin Archief", "read-case-content", caseOf("westfries-archief", "hoorn-integriteit"), N],
  ["admin Archief", "onboard-member", {}, N],
  // The board sees regional figures only.
  ["board", "view-board-dashboard", {}, Y],
  ["board", "read-case-content", caseOf("hoorn", "hoorn-integriteit"), N],
  ["board", "view-member-config", { member: "hoorn" }, N],
  ["board", "onboard-member", {}, N],
  // The operator onboards members and sees their configuration, but changes none and reads no case.
  ["operator", "onboard-member", { member: "nieuw-lid" }, Y],
  ["operator", "onboard-member", {}, Y],
  ["operator", "view-member-config", { member: "sed" }, Y],
  ["operator", "edit-member-config", { member: "sed" }, N],
  ["operator", "read-case-content", caseOf("regio", "regio-intake"), N],
  ["operator", "read-queue", caseOf("hoorn", "hoorn-integriteit"), N],
  ["operator", "view-board-dashboard", {}, N],
  // A scope that does not name what the action concerns is refused, never read as "everything".
  ["BI Hoorn", "read-case-content", { member: "hoorn" }, N],
  ["BI Hoorn", "read-case-content", { desk: "hoorn-integriteit" }, N],
  ["admin Hoorn", "edit-member-config", {}, N],
  ["admin Hoorn", "edit-member-config", { member: "hoorn", desk: "hoorn-integriteit" }, N],
  ["no roles", "view-board-dashboard", {}, N],
  // Handling a case (state, messages, notes, tags, intake) goes exactly as far as reading it.
  ["BI Hoorn", "handle-case", caseOf("westfries-archief", "hoorn-integriteit"), Y],
  ["BI Hoorn", "handle-case", caseOf("hoorn", "hoorn-vp"), N],
  ["VP Hoorn", "handle-case", caseOf("hoorn", "hoorn-vp"), Y],
  ["external VP", "handle-case", caseOf("hoorn", "regio-vp-extern"), N],
  ["admin Hoorn", "handle-case", caseOf("hoorn", "hoorn-integriteit"), N],
  // The audit trail (ids and codes only) is the member admin's, of their own member; no desk, board or operator reads it.
  ["admin Hoorn", "view-audit-trail", { member: "hoorn" }, Y],
  ["admin Hoorn", "view-audit-trail", { member: "sed" }, N],
  ["BI Hoorn", "view-audit-trail", { member: "hoorn" }, N],
  ["board", "view-audit-trail", { member: "hoorn" }, N],
  ["operator", "view-audit-trail", { member: "hoorn" }, N],
  // A member's own report (exact figures, no case) is its admin's; no desk (not even one serving the member), no other
  // member's admin, no board or operator makes it.
  ["admin Hoorn", "view-member-report", { member: "hoorn" }, Y],
  ["admin Hoorn", "view-member-report", { member: "westfries-archief" }, N],
  ["admin Archief", "view-member-report", { member: "westfries-archief" }, Y],
  ["admin Archief", "view-member-report", { member: "hoorn" }, N],
  ["BI Hoorn", "view-member-report", { member: "hoorn" }, N],
  ["BI Hoorn", "view-member-report", { member: "westfries-archief" }, N],
  ["external VP", "view-member-report", { member: "sed" }, N],
  ["intake", "view-member-report", { member: "hoorn" }, N],
  ["board", "view-member-report", { member: "hoorn" }, N],
  ["operator", "view-member-report", { member: "hoorn" }, N],
  ["admin Hoorn", "view-member-report", {}, N],
  ["admin Hoorn", "view-board-dashboard", {}, N],
  // The casuïstiek library: the desk that holds a closed case describes it; any desk member reviews (never their own:
  // the use case checks the author); every desk and the board read and comment; admins and the operator none of it.
  ["BI Hoorn", "write-library-entry", caseOf("hoorn", "hoorn-integriteit"), Y],
  ["BI Hoorn", "write-library-entry", caseOf("westfries-archief", "hoorn-integriteit"), Y],
  ["BI Hoorn", "write-library-entry", caseOf("sed", "sed-integriteit"), N],
  ["VP Hoorn", "write-library-entry", caseOf("hoorn", "hoorn-integriteit"), N],
  ["external VP", "write-library-entry", caseOf("sed", "regio-vp-extern"), Y],
  ["board", "write-library-entry", caseOf("hoorn", "hoorn-integriteit"), N],
  ["admin Hoorn", "write-library-entry", caseOf("hoorn", "hoorn-integriteit"), N],
  ["operator", "write-library-entry", caseOf("hoorn", "hoorn-integriteit"), N],
  ["BI Hoorn", "write-library-entry", { member: "hoorn" }, N],
  ["BI Hoorn", "review-library-entry", {}, Y],
  ["external VP", "review-library-entry", {}, Y],
  ["intake", "review-library-entry", {}, Y],
  ["board", "review-library-entry", {}, N],
  ["admin Hoorn", "review-library-entry", {}, N],
  ["operator", "review-library-entry", {}, N],
  ["BI Hoorn", "read-library", {}, Y],
  ["VP Hoorn", "read-library", {}, Y],
  ["board", "read-library", {}, Y],
  ["admin Hoorn", "read-library", {}, N],
  ["operator", "read-library", {}, N],
  ["no roles", "read-library", {}, N],
  ["intake", "comment-library", {}, Y],
  ["board", "comment-library", {}, Y],
  ["admin Archief", "comment-library", {}, N],
  ["operator", "comment-library", {}, N],
];

describe("can: the role × action × scope table", () => {
  it.each(TABLE)("%s: %s %o → %s", (name, action, scope, allowed) => {
    expect(can({ roles: who[name] ?? [] }, action, scope, region)).toBe(allowed);
  });

  it("a desk that does not exist serves no one", () => {
    expect(can({ roles: [{ role: "desk-staff", desk: "gone" }] }, "read-case-content", caseOf("hoorn", "gone"), region)).toBe(false);
    expect(can({ roles: [{ role: "desk-staff", desk: "gone" }] }, "read-case-content", caseOf("regio", "gone"), region)).toBe(false);
  });

  it("several roles add up, each within its own reach", () => {
    const both = { roles: [...(who["VP Hoorn"] ?? []), ...(who["admin Archief"] ?? [])] };
    expect(can(both, "read-case-content", caseOf("hoorn", "hoorn-vp"), region)).toBe(true);
    expect(can(both, "edit-member-config", { member: "westfries-archief" }, region)).toBe(true);
    expect(can(both, "edit-member-config", { member: "hoorn" }, region)).toBe(false);
  });
});

describe("no case content outside the desks (DESIGN §3)", () => {
  const everyCaseScope = region.desks.flatMap((d) => region.members.map((m) => caseOf(m.id, d.id)));
  for (const name of ["admin Hoorn", "admin Archief", "board", "operator"]) {
    it(`${name} can read no case and no queue anywhere`, () => {
      for (const action of ["read-case-content", "read-queue", "handle-case"] as const) {
        for (const scope of everyCaseScope) expect(can({ roles: who[name] ?? [] }, action, scope, region), `${action} ${JSON.stringify(scope)}`).toBe(false);
      }
    });
  }
});

describe("the board in the casuïstiek library", () => {
  it("reads and discusses it, writes and reviews nothing, and reaches no case through it", () => {
    const board = { roles: who.board ?? [] };
    expect(can(board, "read-library", {}, region)).toBe(true);
    expect(can(board, "comment-library", {}, region)).toBe(true);
    for (const desk of region.desks) {
      for (const member of region.members) {
        for (const action of ["write-library-entry", "read-case-content", "read-queue", "handle-case"] as const) {
          expect(can(board, action, caseOf(member.id, desk.id), region), `${action} ${member.id} ${desk.id}`).toBe(false);
        }
      }
    }
  });
});

describe("grantsOf", () => {
  it("lists what the Hoorn bureau may do: both members it serves, on its own desk", () => {
    expect(grantsOf({ roles: who["BI Hoorn"] ?? [] }, region)).toEqual([
      { action: "read-case-content", scope: { member: "hoorn", desk: "hoorn-integriteit" } },
      { action: "read-case-content", scope: { member: "westfries-archief", desk: "hoorn-integriteit" } },
      { action: "handle-case", scope: { member: "hoorn", desk: "hoorn-integriteit" } },
      { action: "handle-case", scope: { member: "westfries-archief", desk: "hoorn-integriteit" } },
      { action: "read-queue", scope: { member: "hoorn", desk: "hoorn-integriteit" } },
      { action: "read-queue", scope: { member: "westfries-archief", desk: "hoorn-integriteit" } },
      { action: "transfer-case", scope: { member: "hoorn", desk: "hoorn-integriteit" } },
      { action: "transfer-case", scope: { member: "westfries-archief", desk: "hoorn-integriteit" } },
      { action: "write-library-entry", scope: { member: "hoorn", desk: "hoorn-integriteit" } },
      { action: "write-library-entry", scope: { member: "westfries-archief", desk: "hoorn-integriteit" } },
      { action: "review-library-entry", scope: {} },
      { action: "read-library", scope: {} },
      { action: "comment-library", scope: {} },
    ]);
  });

  it("lists every member's cases at intake for intake staff", () => {
    const grants = grantsOf({ roles: who.intake ?? [] }, region).filter((g) => g.action === "read-case-content");
    expect(grants.map((g) => g.scope)).toEqual(region.members.map((m) => ({ member: m.id, desk: "regio-intake" })));
  });

  it("lists the archive's admin's own member only", () => {
    expect(grantsOf({ roles: who["admin Archief"] ?? [] }, region)).toEqual([
      { action: "view-member-config", scope: { member: "westfries-archief" } },
      { action: "view-audit-trail", scope: { member: "westfries-archief" } },
      { action: "edit-member-config", scope: { member: "westfries-archief" } },
      { action: "view-member-report", scope: { member: "westfries-archief" } },
    ]);
  });

  it("covers every action for someone", () => {
    const granted = new Set(Object.values(who).flatMap((roles) => grantsOf({ roles }, region).map((g) => g.action)));
    expect([...granted].sort()).toEqual([...ACTION_NAMES].sort());
  });
});
