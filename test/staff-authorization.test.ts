// Authorization and CSRF over real HTTP, as tables: every staff route the app registers × every demo role (and no
// session) × own and foreign member and desk, against one embedded hub. The expected outcome of each request comes
// from the permission table (`can` over PERMISSIONS, the action each route names) and how the app answers: allowed →
// the route's own status (200, 303, or 400/409 for the deliberately empty or stale bodies posted here), refused →
// 403 with the "no access" page (never a CSRF or session refusal), a case that is not on the named desk → 404. A
// literal summary per role, written from DESIGN §3 and not from the table, checks the table itself. Then every
// state-changing route refuses a POST without, with a wrong, with another session's, or with a query-string token.
import type { CaseRecord } from "@meldpunt/domain";
import { type Action, approveLibraryEntry, can, caseStep, type Staff, submitLibraryEntry, transitionCase } from "@meldpunt/domain/staff";
import { DEMO_ACCOUNTS } from "@meldpunt/local/demo-staff";
import { createApp } from "@meldpunt/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawItems, reportOverHttp, staffSession, testHub } from "./support/local";

let hub: Awaited<ReturnType<typeof testHub>>;

/** A logged-in demo account: its hub record, session cookie and CSRF token. */
interface Role {
  username: string;
  staff: Staff;
  cookie: string;
  csrf: string;
}
/** Every demo account, and `anonym`: no session at all. */
let roles: (Role | { username: "anonym"; staff?: undefined; cookie?: undefined; csrf?: undefined })[] = [];

/** A case route's target: the desk and member in the URL, the case, and whether that case is really on that desk. */
interface CaseTarget {
  label: string;
  desk: string;
  member: string;
  id: string;
  attachment: string;
  holds: boolean;
  /** A variant of one account's own desk, asked by that account only (any other is refused there like at A–F). */
  only?: string;
}
let caseTargets: CaseTarget[] = [];
const DESKS = ["hoorn-integriteit", "hoorn-vp", "regio-vp-extern", "regio-intake", "sed-integriteit"];
const MEMBERS = ["hoorn", "westfries-archief", "sed", "regio"];
let region: { desks: Awaited<ReturnType<typeof hub.deps.region.listDesks>>; members: Awaited<ReturnType<typeof hub.deps.region.listMembers>> };
let libraryEntry = "";
/** Two demo mails: one to the Hoorn coordinator, one to someone outside the hub. */
const demoMails: { label: string; id: string; to: string }[] = [];
const cases: Record<string, CaseRecord> = {};

const demoMailbox = () => {
  if (!hub.deps.demoMail) throw new Error("the local hub keeps its mail for /demo/post");
  return hub.deps.demoMail;
};

const FILE = (label: string) => ({ name: `${label}.txt`, bytes: new TextEncoder().encode(`Bijlage bij melding ${label}.\n`) });

beforeAll(async () => {
  hub = await testHub();
  const sessions = await Promise.all(DEMO_ACCOUNTS.map(async (a) => ({ username: a.username, staff: a.staff, ...(await staffSession(hub.url, a.username)) })));
  roles = [...sessions, { username: "anonym" }];

  // One case on each desk a demo account works on, each with a file. F: an unknown organisation, held by intake.
  const made = await Promise.all(
    (
      [
        ["A", { member: "hoorn" }],
        ["B", { member: "westfries-archief" }],
        ["C", { member: "hoorn", wants: "advies" }],
        ["D", { member: "sed" }],
        ["E", { member: "sed", wants: "advies" }],
        ["F", { member: "onbekend" }],
      ] as const
    ).map(async ([label, values]) => [label, (await reportOverHttp(hub, { description: `Melding ${label} voor de tabel.`, ...values }, [FILE(label)])).record] as const),
  );
  for (const [label, record] of made) cases[label] = record;
  const where = Object.fromEntries(made.map(([label, r]) => [label, `${r.member}/${r.desk}`]));
  expect(where).toEqual({
    A: "hoorn/hoorn-integriteit",
    B: "westfries-archief/hoorn-integriteit",
    C: "hoorn/hoorn-vp",
    D: "sed/sed-integriteit",
    E: "sed/regio-vp-extern",
    F: "regio/regio-intake",
  });
  // A is closed and described in the library (published), so the library's routes have an entry and a closed case.
  let a = cases.A as CaseRecord;
  const by = "demo-bi-hoorn";
  for (const [to, extra] of [["bevestigd", {}], ["triage", {}], ["gesloten", { closeReason: "geen-vermoeden" }]] as const) {
    a = await transitionCase(hub.deps, { member: a.member, caseId: a.id, desk: a.desk, by, to, seen: caseStep(a), ...extra });
  }
  cases.A = a;
  const { id } = await submitLibraryEntry(hub.deps, { member: a.member, caseId: a.id, desk: a.desk, by }, {
    title: "Kleineren in overleggen",
    situation: "Een medewerker meldde dat een leidinggevende haar in elk overleg kleineerde.",
    dilemma: "Meteen een onderzoek, of eerst een gesprek met de leidinggevende?",
    route: "Na triage is de melding afgesloten: geen vermoeden van een schending.",
    outcome: "Een gesprek tussen medewerker, leidinggevende en P&O.",
    lessons: "Maak in de terugkoppeling duidelijk waarom er geen onderzoek komt.",
    subcategories: ["omgang.pesten"],
    year: String(new Date().getUTCFullYear()),
  });
  await approveLibraryEntry(hub.deps, { id, by: "demo-bi-sed" });
  libraryEntry = id;
  for (const to of ["m.deboer@hoorn.example", "iemand@voorbeeld.nl"]) {
    await hub.mailer.send({ to: [to], subject: "Demo", text: "Een bericht voor /demo/post." });
    const name = (await demoMailbox().list()).find((m) => m.to.includes(to))?.name ?? "";
    demoMails.push({ label: `mail to ${to}`, id: name, to });
  }

  const target = (label: string, desk: string, member: string, of: string, only?: string): CaseTarget => {
    const record = cases[of] as CaseRecord;
    const holds = record.desk === desk && record.member === member;
    return { label: only ? `${label} (${desk}/${member}, case ${of})` : label, desk, member, id: record.id, attachment: record.attachments?.[0]?.id ?? "", holds, ...(only ? { only } : {}) };
  };
  caseTargets = [
    // Every case where it is: its own desk's for one account, another desk's for every other.
    ...made.map(([label, r]) => target(label, r.desk, r.member, label)),
    // Each desk account's own desk with a member it serves, but a case that is on another desk: not found there.
    target("own desk, served member, case elsewhere", "hoorn-integriteit", "hoorn", "C", "bi-hoorn"),
    target("own desk, served member, case elsewhere", "hoorn-vp", "hoorn", "A", "vp-hoorn"),
    target("own desk, served member, case elsewhere", "regio-vp-extern", "westfries-archief", "B", "vp-regio"),
    target("own desk, served member, case elsewhere", "regio-intake", "hoorn", "A", "intake"),
    target("own desk, served member, case elsewhere", "sed-integriteit", "sed", "E", "bi-sed"),
    // Its own desk with a member that desk does not serve (intake serves every member).
    target("own desk, member not served", "hoorn-integriteit", "sed", "D", "bi-hoorn"),
    target("own desk, member not served", "hoorn-vp", "sed", "E", "vp-hoorn"),
    target("own desk, member not served", "regio-vp-extern", "hoorn", "C", "vp-regio"),
    target("own desk, member not served", "sed-integriteit", "hoorn", "A", "bi-sed"),
  ];
  expect(caseTargets.every((t) => t.attachment !== "")).toBe(true);
  region = { desks: await hub.deps.region.listDesks(), members: await hub.deps.region.listMembers() };
}, 60_000);

afterAll(async () => {
  await hub?.close();
});

type Kind = "public" | "signed-in" | "mail" | "region" | "member" | "desk" | "case";
type Target = { label: string; desk?: string; member?: string; id?: string; attachment?: string; holds?: boolean; to?: string; only?: string };

interface Row {
  /** A short name, used in the summaries. */
  name: string;
  method: "GET" | "POST";
  /** The path as the app registers it (hono's `app.routes`). */
  route: string;
  kind: Kind;
  /** The right the route needs, as the permission table names it. */
  action?: Action;
  path: (t: Target) => string;
  /** Form fields besides the CSRF token: empty or incomplete on purpose, so an allowed POST is refused by validation. */
  body?: Record<string, string>;
  /** The status when authorization lets the request through, and the case (if any) is on the desk. */
  allowed: number | ((t: Target) => number);
}

const CASE_ROUTE = "/balie/:desk/:member/:case{[0-9A-HJKMNP-TV-Z]{26}}";
const ENTRY_ROUTE = "/bibliotheek/:id{[0-9A-HJKMNP-TV-Z]{26}}";
const casePath = (t: Target) => `/balie/${t.desk}/${t.member}/${t.id}`;
const libraryQuery = (t: Target) => `?balie=${t.desk}&organisatie=${t.member}&melding=${t.id}`;
/** The hub's own tenant has no settings page and no report of its own. */
const notRegio = (status: number) => (t: Target) => (t.member === "regio" ? 404 : status);
/** Only a VP desk gives signals to management; on any other desk the page does not exist. */
const vpOnly = (status: number) => (t: Target) => (region.desks.find((d) => d.id === t.desk)?.type === "vp" ? status : 404);
/** Only a closed case is described for the library; for an open one the form says why not (400). */
const closedOnly = (t: Target) => (t.id === cases.A?.id ? 200 : 400);
const signalPath = (t: Target) => `/balie/${t.desk}/signaal?organisatie=${region.desks.find((d) => d.id === t.desk)?.serves[0]}`;

const ROWS: Row[] = [
  // Login itself: the same for everyone, with or without a session.
  { name: "login", method: "GET", route: "/inloggen", kind: "public", path: () => "/inloggen", allowed: 303 },
  { name: "login-callback", method: "GET", route: "/inloggen/terug", kind: "public", path: () => "/inloggen/terug?code=x&state=y", allowed: 400 },
  { name: "logged-out", method: "GET", route: "/uitgelogd", kind: "public", path: () => "/uitgelogd", allowed: 200 },
  { name: "logout", method: "POST", route: "/uitloggen", kind: "public", path: () => "/uitloggen", allowed: 303 },
  // Any staff member with a record in the hub.
  { name: "staff-home", method: "GET", route: "/medewerker", kind: "signed-in", path: () => "/medewerker", allowed: 200 },
  { name: "demo-post", method: "GET", route: "/demo/post", kind: "signed-in", path: () => "/demo/post", allowed: 200 },
  // One demo mail: only its addressee sees it; to anyone else it does not exist.
  { name: "demo-mail", method: "GET", route: "/demo/post/:name", kind: "mail", path: (t) => `/demo/post/${t.id}`, allowed: 200 },
  // The operator's pages.
  { name: "members", method: "GET", route: "/beheer/organisaties", kind: "region", action: "onboard-member", path: () => "/beheer/organisaties", allowed: 200 },
  { name: "onboard-form", method: "GET", route: "/beheer/aansluiten", kind: "region", action: "onboard-member", path: () => "/beheer/aansluiten", allowed: 200 },
  { name: "onboard", method: "POST", route: "/beheer/aansluiten", kind: "region", action: "onboard-member", path: () => "/beheer/aansluiten", allowed: 400 },
  { name: "staff-list", method: "GET", route: "/beheer/medewerkers", kind: "region", action: "onboard-member", path: () => "/beheer/medewerkers", allowed: 200 },
  { name: "staff-save", method: "POST", route: "/beheer/medewerkers", kind: "region", action: "onboard-member", path: () => "/beheer/medewerkers", allowed: 400 },
  // A member's own pages.
  { name: "audit-trail", method: "GET", route: "/beheer/:member/logboek", kind: "member", action: "view-audit-trail", path: (t) => `/beheer/${t.member}/logboek`, allowed: 200 },
  { name: "config", method: "GET", route: "/beheer/:member", kind: "member", action: "view-member-config", path: (t) => `/beheer/${t.member}`, allowed: notRegio(200) },
  { name: "config-save", method: "POST", route: "/beheer/:member", kind: "member", action: "edit-member-config", path: (t) => `/beheer/${t.member}`, allowed: notRegio(400) },
  { name: "config-logo", method: "POST", route: "/beheer/:member/logo", kind: "member", action: "edit-member-config", path: (t) => `/beheer/${t.member}/logo`, allowed: notRegio(400) },
  { name: "config-try", method: "POST", route: "/beheer/:member/proberen", kind: "member", action: "view-member-config", path: (t) => `/beheer/${t.member}/proberen`, allowed: 400 },
  { name: "member-report", method: "GET", route: "/beheer/:member/verslag", kind: "member", action: "view-member-report", path: (t) => `/beheer/${t.member}/verslag`, allowed: notRegio(200) },
  { name: "member-report-csv", method: "GET", route: "/beheer/:member/verslag.csv", kind: "member", action: "view-member-report", path: (t) => `/beheer/${t.member}/verslag.csv`, allowed: notRegio(200) },
  // The board.
  { name: "dashboard", method: "GET", route: "/bestuur", kind: "region", action: "view-board-dashboard", path: () => "/bestuur", allowed: 200 },
  { name: "dashboard-csv", method: "GET", route: "/bestuur/:file{[a-z0-9-]{1,40}\\.csv}", kind: "region", action: "view-board-dashboard", path: () => "/bestuur/trend.csv", allowed: 200 },
  // A desk's own pages: allowed when the desk handles at least one member for the staff member.
  { name: "queue", method: "GET", route: "/balie/:desk", kind: "desk", action: "read-queue", path: (t) => `/balie/${t.desk}`, allowed: 200 },
  { name: "intake-form", method: "GET", route: "/balie/:desk/registreren", kind: "desk", action: "handle-case", path: (t) => `/balie/${t.desk}/registreren`, allowed: 200 },
  { name: "intake", method: "POST", route: "/balie/:desk/registreren", kind: "desk", action: "handle-case", path: (t) => `/balie/${t.desk}/registreren`, allowed: 400 },
  { name: "signal-form", method: "GET", route: "/balie/:desk/signaal", kind: "desk", action: "handle-case", path: signalPath, allowed: vpOnly(200) },
  { name: "signal", method: "POST", route: "/balie/:desk/signaal", kind: "desk", action: "handle-case", path: signalPath, allowed: vpOnly(400) },
  // One case.
  { name: "forward-form", method: "GET", route: "/balie/:desk/:member/:case{[0-9A-HJKMNP-TV-Z]{26}}/doorsturen", kind: "case", action: "transfer-case", path: (t) => `${casePath(t)}/doorsturen`, allowed: 200 },
  { name: "forward", method: "POST", route: "/balie/:desk/:member/:case{[0-9A-HJKMNP-TV-Z]{26}}/doorsturen", kind: "case", action: "transfer-case", path: (t) => `${casePath(t)}/doorsturen`, allowed: 400 },
  { name: "case", method: "GET", route: CASE_ROUTE, kind: "case", action: "read-case-content", path: casePath, allowed: 200 },
  { name: "print", method: "GET", route: `${CASE_ROUTE}/afdrukken`, kind: "case", action: "read-case-content", path: (t) => `${casePath(t)}/afdrukken`, allowed: 200 },
  {
    name: "attachment",
    method: "GET",
    route: `${CASE_ROUTE}/bijlage/:id{[0-9A-HJKMNP-TV-Z]{26}}`,
    kind: "case",
    action: "read-case-content",
    path: (t) => `${casePath(t)}/bijlage/${t.attachment}`,
    allowed: 200,
  },
  { name: "status", method: "POST", route: `${CASE_ROUTE}/status`, kind: "case", action: "handle-case", path: (t) => `${casePath(t)}/status`, allowed: 400 },
  { name: "message", method: "POST", route: `${CASE_ROUTE}/bericht`, kind: "case", action: "handle-case", path: (t) => `${casePath(t)}/bericht`, allowed: 400 },
  { name: "person", method: "POST", route: `${CASE_ROUTE}/persoon`, kind: "case", action: "handle-case", path: (t) => `${casePath(t)}/persoon`, allowed: 400 },
  // An answer that is neither ja nor nee: refused by validation on any case, advice contact or not.
  { name: "vp-facts", method: "POST", route: `${CASE_ROUTE}/vp`, kind: "case", action: "handle-case", path: (t) => `${casePath(t)}/vp`, body: { sickLeave: "misschien" }, allowed: 400 },
  { name: "note", method: "POST", route: `${CASE_ROUTE}/notitie`, kind: "case", action: "handle-case", path: (t) => `${casePath(t)}/notitie`, allowed: 400 },
  // The casuïstiek library: regional, except describing a case (the case named in the query).
  { name: "library", method: "GET", route: "/bibliotheek", kind: "region", action: "read-library", path: () => "/bibliotheek", allowed: 200 },
  { name: "library-review", method: "GET", route: "/bibliotheek/te-beoordelen", kind: "region", action: "review-library-entry", path: () => "/bibliotheek/te-beoordelen", allowed: 200 },
  { name: "library-new-form", method: "GET", route: "/bibliotheek/nieuw", kind: "case", action: "write-library-entry", path: (t) => `/bibliotheek/nieuw${libraryQuery(t)}`, allowed: closedOnly },
  { name: "library-new", method: "POST", route: "/bibliotheek/nieuw", kind: "case", action: "write-library-entry", path: (t) => `/bibliotheek/nieuw${libraryQuery(t)}`, allowed: 400 },
  { name: "library-entry", method: "GET", route: ENTRY_ROUTE, kind: "region", action: "read-library", path: () => `/bibliotheek/${libraryEntry}`, allowed: 200 },
  // The entry is published already: approving it again is a conflict (409), not a refusal.
  { name: "library-approve", method: "POST", route: `${ENTRY_ROUTE}/goedkeuren`, kind: "region", action: "review-library-entry", path: () => `/bibliotheek/${libraryEntry}/goedkeuren`, allowed: 409 },
  { name: "library-return", method: "POST", route: `${ENTRY_ROUTE}/terugsturen`, kind: "region", action: "review-library-entry", path: () => `/bibliotheek/${libraryEntry}/terugsturen`, allowed: 400 },
  { name: "library-comment", method: "POST", route: `${ENTRY_ROUTE}/reactie`, kind: "region", action: "comment-library", path: () => `/bibliotheek/${libraryEntry}/reactie`, allowed: 400 },
];

const targetsOf = (kind: Kind): Target[] =>
  kind === "case" ? caseTargets : kind === "mail" ? demoMails : kind === "desk" ? DESKS.map((desk) => ({ label: desk, desk })) : kind === "member" ? MEMBERS.map((member) => ({ label: member, member })) : [{ label: "-" }];

/** The registered staff routes, once each: what `staffSide` (the sub-app the hub mounts) answers. */
function registeredStaffRoutes(): string[] {
  if (!hub.deps.staffSide) throw new Error("the local hub mounts a staff side");
  const side = hub.deps.staffSide(hub.deps);
  const mounted = new Set(createApp(hub.deps).routes.map((r) => `${r.method} ${r.path}`));
  const routes = [...new Set(side.routes.map((r) => `${r.method} ${r.path}`))];
  // What the sub-app registers is what the hub's app serves.
  expect(routes.filter((r) => !mounted.has(r))).toEqual([]);
  return routes.sort();
}

const NO_ACCESS = "U hebt geen toegang tot deze pagina.";
const CSRF_REFUSED = "Dit formulier is niet geaccepteerd.";
const SESSION_ENDED = "Uw sessie is verlopen.";

interface Answer {
  status: number;
  location: string;
  refusal?: "authorization" | "csrf" | "session" | "other";
}

/** What a request should get; a location only where it matters (the login redirect), else any. */
type Expected = Omit<Answer, "location"> & { location?: string };

async function call(role: { cookie?: string }, method: "GET" | "POST", path: string, form?: { values: Record<string, string>; multipart?: boolean }): Promise<Answer> {
  const headers: Record<string, string> = { Accept: "text/html" };
  if (role.cookie) headers.Cookie = role.cookie;
  let body: BodyInit | undefined;
  if (method === "POST") {
    if (form?.multipart) {
      const data = new FormData();
      for (const [k, v] of Object.entries(form.values)) data.append(k, v);
      body = data;
    } else {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(form?.values ?? {}).toString();
    }
  }
  const res = await fetch(`${hub.url}${path}`, { method, headers, body, redirect: "manual" });
  const text = await res.text();
  const refusal =
    res.status !== 403 ? undefined : text.includes(CSRF_REFUSED) ? "csrf" : text.includes(SESSION_ENDED) ? "session" : text.includes(NO_ACCESS) ? "authorization" : "other";
  return { status: res.status, location: res.headers.get("Location") ?? "", ...(refusal ? { refusal } : {}) };
}

/** Runs `jobs` with at most `width` at a time. */
async function inParallel<T>(jobs: (() => Promise<T>)[], width = 8): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await (jobs[i] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

/** What the permission table and the app's answers say a request should get. */
function expected(role: Role | { staff?: undefined }, row: Row, t: Target): Expected {
  const allowed = typeof row.allowed === "number" ? row.allowed : row.allowed(t);
  const letIn: Expected = { status: allowed };
  if (row.kind === "public") return letIn;
  if (!role.staff) {
    // No session: a page goes to the login and comes back; a form is refused (it would be lost on a detour).
    return row.method === "GET"
      ? { status: 303, location: `/inloggen?terug=${encodeURIComponent(row.path(t))}` }
      : { status: 403, refusal: "session" };
  }
  const forbidden: Expected = { status: 403, refusal: "authorization" };
  const may = (scope: { member?: string; desk?: string }) => can(role.staff, row.action as Action, scope, region);
  switch (row.kind) {
    case "signed-in":
      return letIn;
    case "mail":
      return role.staff.email === t.to ? letIn : { status: 404 };
    case "region":
      return may({}) ? letIn : forbidden;
    case "member":
      return may({ member: t.member }) ? letIn : forbidden;
    case "desk":
      return region.members.some((m) => may({ member: m.id, desk: t.desk })) ? letIn : forbidden;
    case "case":
      if (!may({ member: t.member, desk: t.desk })) return forbidden;
      return t.holds ? letIn : { status: 404 };
  }
}

/** A request that got past authorization: not refused, not sent to the login, and not "no such case here". */
const letThrough = (a: Answer) => a.status !== 403 && a.status !== 404 && !a.location.startsWith("/inloggen?");

type Result = { role: string; row: Row; target: Target; answer: Answer };
let table: Promise<Result[]> | undefined;

/** Every role × every row × its targets, asked once (in parallel) for the tests below. */
function tableResults(): Promise<Result[]> {
  table ??= inParallel(
    roles.flatMap((role) =>
      ROWS.flatMap((row) =>
        // Without a session the answer does not depend on what the URL names: one target per route.
        targetsOf(row.kind)
          .filter((t) => !t.only || t.only === role.username)
          .slice(0, role.staff ? undefined : 1)
          .map((target) => async () => ({
            role: role.username,
            row,
            target,
            answer: await call(role, row.method, row.path(target), { values: { ...row.body, ...(role.csrf ? { csrf: role.csrf } : {}) } }),
          })),
      ),
    ),
  );
  return table;
}

describe("authorization over HTTP", () => {
  it("has a row for every staff route the app registers, and no row for a route it does not", () => {
    expect([...new Set(ROWS.map((r) => `${r.method} ${r.route}`))].sort()).toEqual(registeredStaffRoutes());
    expect(new Set(ROWS.map((r) => r.name)).size).toBe(ROWS.length);
  });

  it("answers every route × every role × own and foreign member and desk as the permission table says", { timeout: 60_000 }, async () => {
    const results = await tableResults();
    expect(results.length).toBeGreaterThan(1200);
    const mismatches = results
      .map(({ role, row, target, answer }) => ({ request: `${role} ${row.method} ${row.name} @ ${target.label}`, answer, expected: expected(roles.find((r) => r.username === role) as Role, row, target) }))
      .filter(({ answer, expected: want }) => !(answer.status === want.status && answer.refusal === want.refusal && (want.location === undefined || answer.location === want.location)));
    expect(mismatches.map(({ request, answer, expected: want }) => ({ request, got: answer, want }))).toEqual([]);
  });

  it("lets each role through to exactly the routes DESIGN §3 gives it", { timeout: 60_000 }, async () => {
    const results = await tableResults();
    const PUBLIC = ["login", "login-callback", "logged-out", "logout"];
    const SIGNED_IN = ["staff-home", "demo-post"];
    const DESK = [
      ...["queue", "intake-form", "intake", "forward-form", "forward", "case", "print", "attachment", "status", "message", "person", "vp-facts", "note"],
      ...["library", "library-review", "library-new-form", "library-new", "library-entry", "library-approve", "library-return", "library-comment"],
    ];
    const VP = ["signal-form", "signal"];
    const ADMIN = ["audit-trail", "config", "config-save", "config-logo", "config-try", "member-report", "member-report-csv"];
    const summary: Record<string, string[]> = {};
    for (const { role, row, answer } of results) if (letThrough(answer)) summary[role] = [...new Set([...(summary[role] ?? []), row.name])];
    const sorted = (names: string[]) => [...names].sort();
    expect(Object.fromEntries(Object.entries(summary).map(([role, names]) => [role, sorted(names)]))).toEqual({
      "bi-hoorn": sorted([...PUBLIC, ...SIGNED_IN, ...DESK, "demo-mail"]),
      "vp-hoorn": sorted([...PUBLIC, ...SIGNED_IN, ...DESK, ...VP]),
      "vp-regio": sorted([...PUBLIC, ...SIGNED_IN, ...DESK, ...VP]),
      intake: sorted([...PUBLIC, ...SIGNED_IN, ...DESK]),
      "bi-sed": sorted([...PUBLIC, ...SIGNED_IN, ...DESK]),
      "beheer-hoorn": sorted([...PUBLIC, ...SIGNED_IN, ...ADMIN]),
      "beheer-archief": sorted([...PUBLIC, ...SIGNED_IN, ...ADMIN]),
      bestuur: sorted([...PUBLIC, ...SIGNED_IN, "dashboard", "dashboard-csv", "library", "library-entry", "library-comment"]),
      operator: sorted([...PUBLIC, ...SIGNED_IN, "members", "onboard-form", "onboard", "staff-list", "staff-save", "config", "config-try"]),
      anonym: sorted(PUBLIC),
    });
  });

  it("shows case content only to the desk that holds the case, and each admin only their own member", { timeout: 60_000 }, async () => {
    const results = await tableResults();
    const reads = (name: string) =>
      results
        .filter((r) => r.row.name === name && r.answer.status === 200)
        .map((r) => `${r.role} ${r.target.label}`)
        .sort();
    const own = ["bi-hoorn A", "bi-hoorn B", "vp-hoorn C", "vp-regio E", "intake F", "bi-sed D"].sort();
    for (const name of ["case", "print", "attachment"]) expect({ name, reads: reads(name) }).toEqual({ name, reads: own });
    expect(reads("audit-trail")).toEqual(["beheer-archief westfries-archief", "beheer-hoorn hoorn"]);
    expect(reads("config")).toEqual(["beheer-archief westfries-archief", "beheer-hoorn hoorn", "operator hoorn", "operator sed", "operator westfries-archief"]);
    expect(reads("queue")).toEqual(["bi-hoorn hoorn-integriteit", "bi-sed sed-integriteit", "intake regio-intake", "vp-hoorn hoorn-vp", "vp-regio regio-vp-extern"]);
    // On their own desk: another member's case is refused outright; a served member's case that is elsewhere is absent.
    const onOwnDesk = (label: string) => [...new Set(results.filter((r) => r.row.kind === "case" && r.target.label.startsWith(label)).map((r) => r.answer.status))];
    expect(results.filter((r) => r.row.kind === "case" && r.target.only).length).toBe(9 * ROWS.filter((r) => r.kind === "case").length);
    expect(onOwnDesk("own desk, member not served")).toEqual([403]);
    expect(onOwnDesk("own desk, served member, case elsewhere")).toEqual([404]);
  });
});

/**
 * For each state-changing route: who posts where, with a body that the route takes (or refuses by validation or as a
 * conflict) once the token is right, and the status it then answers (`passes`). The keys must be every POST route.
 */
const CSRF_CASES: Record<string, { passes: number; role: string; target: (labels: Record<string, Target>) => Target; body?: () => Record<string, string> }> = {
  logout: { passes: 303, role: "bi-hoorn", target: () => ({ label: "-" }) },
  onboard: { passes: 400, role: "operator", target: () => ({ label: "-" }) },
  "staff-save": { passes: 303, role: "operator", target: () => ({ label: "-" }), body: () => ({ id: "nieuw-csrf", name: "Nieuw", email: "nieuw@voorbeeld.nl", role: "board" }) },
  "config-save": { passes: 400, role: "beheer-hoorn", target: () => ({ label: "hoorn", member: "hoorn" }) },
  // No file chosen: refused at its field once the token is right.
  "config-logo": { passes: 400, role: "beheer-hoorn", target: () => ({ label: "hoorn", member: "hoorn" }) },
  "config-try": { passes: 200, role: "beheer-hoorn", target: () => ({ label: "hoorn", member: "hoorn" }), body: () => ({ wants: "melding", category: "omgang" }) },
  intake: {
    passes: 200,
    role: "bi-sed",
    target: () => ({ label: "sed-integriteit", desk: "sed-integriteit" }),
    body: () => ({ channel: "brief", member: "sed", wants: "melding", reporterType: "inwoner", anonymity: "anoniem", subcategories: "omgang.pesten", description: "Per brief." }),
  },
  signal: { passes: 200, role: "vp-hoorn", target: () => ({ label: "hoorn-vp", desk: "hoorn-vp" }), body: () => ({ remark: "Veel vragen over omgangsvormen." }) },
  status: { passes: 303, role: "bi-sed", target: (t) => t.D as Target, body: () => ({ to: "bevestigd", seen: caseStep(cases.D as CaseRecord) }) },
  message: { passes: 303, role: "bi-sed", target: (t) => t.D as Target, body: () => ({ text: "Kunt u meer vertellen?", kind: "bericht" }) },
  person: { passes: 303, role: "bi-sed", target: (t) => t.D as Target, body: () => ({ name: "Iemand Anders" }) },
  "vp-facts": { passes: 303, role: "vp-hoorn", target: (t) => t.C as Target, body: () => ({ sickLeave: "ja", formalComplaint: "nee" }) },
  note: { passes: 303, role: "bi-sed", target: (t) => t.D as Target, body: () => ({ note: "Eerst overleggen." }) },
  "library-new": { passes: 400, role: "bi-hoorn", target: (t) => t.A as Target },
  "library-approve": { passes: 409, role: "bi-sed", target: () => ({ label: "-" }) },
  "library-return": { passes: 409, role: "bi-sed", target: () => ({ label: "-" }), body: () => ({ reason: "Te herkenbaar." }) },
  "library-comment": { passes: 303, role: "bestuur", target: () => ({ label: "-" }), body: () => ({ text: "Een nuttige les." }) },
  // Last: with the right token it moves case D away from SED's desk.
  forward: { passes: 303, role: "bi-sed", target: (t) => t.D as Target, body: () => ({ toDesk: "regio-intake", reason: "Betreft de coördinator." }) },
};

describe("CSRF over HTTP", () => {
  it("has a case for every state-changing staff route the app registers", () => {
    const posts = registeredStaffRoutes().filter((r) => r.startsWith("POST "));
    const covered = Object.keys(CSRF_CASES).map((name) => {
      const row = ROWS.find((r) => r.name === name);
      return `${row?.method} ${row?.route}`;
    });
    expect(covered.sort()).toEqual(posts);
  });

  it("refuses every POST without the session's token, with a wrong one, another session's, or one in the query; nothing is stored", { timeout: 30_000 }, async () => {
    const labels = Object.fromEntries(caseTargets.filter((t) => !t.only).map((t) => [t.label, t]));
    const before = JSON.stringify(await rawItems(hub));
    const mailBefore = (await demoMailbox().list()).length;
    const jobs = Object.entries(CSRF_CASES).flatMap(([name, spec]) => {
      const row = ROWS.find((r) => r.name === name) as Row;
      const role = roles.find((r) => r.username === spec.role) as Role;
      const other = roles.find((r) => r.username !== spec.role && r.csrf) as Role;
      const target = spec.target(labels);
      const values = spec.body?.() ?? {};
      const path = row.path(target);
      const wrong = `${role.csrf.slice(0, -1)}${role.csrf.endsWith("A") ? "B" : "A"}`;
      const variants: [string, string, { values: Record<string, string>; multipart?: boolean }][] = [
        ["none", path, { values }],
        ["empty", path, { values: { ...values, csrf: "" } }],
        ["wrong", path, { values: { ...values, csrf: wrong } }],
        ["wrong, multipart", path, { values: { ...values, csrf: wrong }, multipart: true }],
        ["another session's", path, { values: { ...values, csrf: other.csrf } }],
        ["in the query", `${path}${path.includes("?") ? "&" : "?"}csrf=${encodeURIComponent(role.csrf)}`, { values }],
      ];
      return variants.map(([variant, at, form]) => async () => ({ request: `${name} (${spec.role}), token ${variant}`, answer: await call(role, "POST", at, form) }));
    });
    const answers = await inParallel(jobs);
    expect(answers.length).toBe(Object.keys(CSRF_CASES).length * 6);
    expect(answers.filter((a) => a.answer.status !== 403 || a.answer.refusal !== "csrf")).toEqual([]);
    expect(JSON.stringify(await rawItems(hub))).toBe(before);
    expect((await demoMailbox().list()).length).toBe(mailBefore);

    // The same requests with the right token get past the check: the token was the only thing missing.
    const passed = await inParallel(
      Object.entries(CSRF_CASES).map(([name, spec]) => async () => {
        const row = ROWS.find((r) => r.name === name) as Row;
        const role = roles.find((r) => r.username === spec.role) as Role;
        const answer = await call(role, "POST", row.path(spec.target(labels)), { values: { ...spec.body?.(), csrf: role.csrf } });
        return [name, answer.status];
      }),
      1,
    );
    expect(Object.fromEntries(passed)).toEqual(Object.fromEntries(Object.entries(CSRF_CASES).map(([name, spec]) => [name, spec.passes])));
  });
});
