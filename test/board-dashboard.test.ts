// The board's dashboard and members' own reports over HTTP (issue 6 items 3–4, docs/decisions.md 37), on the real
// embedded hub with the demo cases: the board sees only protected figures (no count from 1 to 4 on any page or CSV,
// no breakdown of a member under 10), every CSV is its table, nothing leads to a case; a member admin sees its own
// figures exactly with the period before, and no one else's; the board gets no member report.
import type { Member } from "@meldpunt/domain";
import {
  type CaseFacts,
  crossMemberView,
  FIGURES,
  figureDefinition,
  halfYearOf,
  memberView,
  parsePeriod,
  periodsUpTo,
  previousPeriod,
  REPORT_FIGURES,
} from "@meldpunt/domain/staff";
import { startLocalHub, type LocalHub } from "@meldpunt/local";
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, logIn, send } from "./support/browserless";
import { caseItems, TEST_SCRYPT_COST, tempDir } from "./support/local";
import { requestsBetween, storeRequestCounter } from "./support/store-requests";

let hub: LocalHub;
let dir: Awaited<ReturnType<typeof tempDir>>;
let cases: (CaseFacts & { id: string })[];
let members: Member[];
const jars: Record<string, CookieJar> = {};

beforeAll(async () => {
  dir = await tempDir();
  hub = await startLocalHub({ dataDir: dir.path, port: 0, scryptCost: TEST_SCRYPT_COST, logLevel: "SILENT", demoCases: true });
  // Every case as stored, straight from the table (a test-only Scan): the figures below are counted from these.
  cases = (await caseItems(hub)) as unknown as (CaseFacts & { id: string })[];
  members = await hub.deps.region.listMembers();
  for (const [user, start] of [
    ["bestuur", "/bestuur"],
    ["beheer-hoorn", "/beheer/hoorn/verslag"],
    ["beheer-archief", "/beheer/westfries-archief/verslag"],
    ["bi-hoorn", "/medewerker"],
  ] as const) {
    jars[user] = new CookieJar();
    const { back } = await logIn(jars[user], `${hub.url}${start}`, user, DEMO_PASSWORD);
    expect(back.res.status).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await hub?.close();
  await dir?.remove();
});

const get = (user: string, path: string) => send(jars[user] as CookieJar, `${hub.url}${path}`);
async function html(user: string, path: string): Promise<string> {
  const res = await get(user, path);
  expect([path, res.status]).toEqual([path, 200]);
  return res.text();
}

// --- Reading what a page and a CSV show ---------------------------------------------------------------------------------

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&")
    .trim();

interface PageTable {
  id: string;
  header: string[];
  kinds: string[];
  rows: { key: string; cells: string[] }[];
}

/** Every statistics table of a page: its header, the kind of each column, and each row's header and cells. */
function tablesIn(page: string): PageTable[] {
  return [...page.matchAll(/<table [^>]*data-table="([^"]+)"[^>]*>([\s\S]*?)<\/table>/g)].map(([, id = "", body = ""]) => {
    const head = /<thead[^>]*>([\s\S]*?)<\/thead>/.exec(body)?.[1] ?? "";
    const header = [...head.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) => textOf(m[1] ?? ""));
    const kinds = [...head.matchAll(/<th([^>]*)>/g)].slice(1).map((m) => /data-kind="([^"]*)"/.exec(m[1] ?? "")?.[1] ?? "");
    const tbody = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? "";
    const rows = [...tbody.matchAll(/<tr [^>]*data-row="([^"]*)"[^>]*>([\s\S]*?)<\/tr>/g)].map(([, key = "", row = ""]) => ({
      key,
      cells: [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => textOf(m[1] ?? "")),
    }));
    return { id, header, kinds, rows };
  });
}

/** RFC 4180 with the separator of the language; the byte order mark must be there. */
function parseCsv(text: string, separator = ";"): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === separator) {
      row.push(field);
      field = "";
    } else if (!quoted && ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      field += ch;
    }
  }
  expect(row).toEqual([]);
  return rows;
}

async function csv(user: string, path: string, separator = ";"): Promise<string[][]> {
  const res = await get(user, path);
  expect([path, res.status]).toEqual([path, 200]);
  expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[A-Za-z0-9.-]+\.csv"$/);
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  // A fetch would drop the byte order mark when decoding: look at the bytes.
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), separator);
}

/** "6,1" → 6.1; a marker stays text. */
const numberOf = (text: string) => (/^-?\d+(,\d+)?$/.test(text) ? Number(text.replace(",", ".")) : text);
const shown = (value: number | undefined) => (value === undefined ? "—" : Math.round(value * 10) / 10);

// --- The board ----------------------------------------------------------------------------------------------------------

// The demo cases lie in the two years before the hub started: so do the periods looked at here.
const NOW = new Date();
const CURRENT = halfYearOf(NOW);
const HALF_YEARS = periodsUpTo(CURRENT, 5);
const LAST_YEAR = `${NOW.getUTCFullYear() - 1}`;
const asOf = () => new Date();

describe("the board's dashboard", () => {
  it("offers fixed half-years only: a year, free dates or anything else is refused", async () => {
    const page = await html("bestuur", "/bestuur");
    expect([...page.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])).toEqual(periodsUpTo(CURRENT, 6).reverse());
    // By default the last half-year that has ended.
    expect(page).toContain(`<option value="${previousPeriod(CURRENT)}" selected="">`);
    for (const period of ["2025", "2025-03", "2025-01-01", "2025-H3", "2025-H1 "]) {
      expect([period, (await get("bestuur", `/bestuur?periode=${encodeURIComponent(period)}`)).status]).toEqual([period, 400]);
      expect([period, (await get("bestuur", `/bestuur/meldingen.csv?periode=${encodeURIComponent(period)}`)).status]).toEqual([period, 400]);
    }
    expect((await get("bestuur", "/bestuur/bestaat-niet.csv?periode=2026-H1")).status).toBe(404);
  });

  it("shows protected figures only: no count from 1 to 4 on any page or CSV, and every CSV is its table", async () => {
    let tablesSeen = 0;
    let countsSeen = 0;
    for (const period of HALF_YEARS) {
      const page = await html("bestuur", `/bestuur?periode=${period}`);
      const tables = tablesIn(page);
      expect(tables.map((t) => t.id)).toEqual(expect.arrayContaining(["trend", "meldingen", "adviescontacten", "wbk-bevestiging", "doorlooptijden", "categorie", "maatregel"]));
      // The year's tracks, unless a half of that year has a hidden region total (the year would give it away); then the page says so.
      expect([period, tables.some((t) => t.id === "spoor") !== page.includes("De tabel met meldingen naar spoor staat hier niet")]).toEqual([period, true]);
      for (const table of tables) {
        for (const row of table.rows) {
          for (const [i, cell] of row.cells.slice(1).entries()) {
            if (table.kinds[i] !== "count") continue;
            countsSeen++;
            const value = numberOf(cell);
            expect({ period, table: table.id, row: row.key, column: table.header[i + 1], cell }).toEqual({
              period,
              table: table.id,
              row: row.key,
              column: table.header[i + 1],
              cell: typeof value === "number" && value > 0 && value < 5 ? "a count of 5 or more" : cell,
            });
          }
        }
        const file = await csv("bestuur", `/bestuur/${table.id}.csv?periode=${period}`);
        expect({ period, table: table.id, file }).toEqual({ period, table: table.id, file: [table.header, ...table.rows.map((r) => r.cells)] });
        tablesSeen++;
      }
    }
    expect(tablesSeen).toBeGreaterThan(80);
    expect(countsSeen).toBeGreaterThan(5000);
  });

  it("publishes exactly the region's counts where it shows them, and no breakdown of a member under 10", async () => {
    const period = previousPeriod(previousPeriod(CURRENT));
    const tables = new Map(tablesIn(await html("bestuur", `/bestuur?periode=${period}`)).map((t) => [t.id, t]));
    let membersWithoutBreakdown = 0;
    let numbersCompared = 0;
    for (const figure of FIGURES) {
      // Wbk figures depend on the moment of counting: the page's and this test's differ by a little.
      if (figure.crossMember !== "per-member" || figure.id.startsWith("wbk")) continue;
      const table = tables.get(figure.id);
      if (!table) throw new Error(`no table ${figure.id}`);
      const exact = crossMemberView(figure.id, { cases, members, period, asOf: asOf() }, { minCount: 1, minDenominator: 0, minMemberTotal: 0 });
      if (!exact) throw new Error(`no view ${figure.id}`);
      for (const row of table.rows) {
        const r = exact.rows.findIndex((x) => x.key === row.key);
        expect(r, `${figure.id} ${row.key}`).toBeGreaterThanOrEqual(0);
        const cells = row.cells.slice(1);
        for (const [i, cell] of cells.entries()) {
          const value = numberOf(cell);
          if (typeof value === "number") numbersCompared++;
          if (typeof value === "number") expect([figure.id, row.key, i, value]).toEqual([figure.id, row.key, i, shown(exact.cells[r]?.[i] as number)]);
        }
        if (exact.rows[r]?.kind === "member" && (exact.caseTotals[r] ?? 0) < 10) {
          membersWithoutBreakdown++;
          // Only the member's total (and its rate) may show, in bands; everything else is "—".
          const allowed = new Set<number>(figure.totalColumn === undefined ? [] : [figure.totalColumn]);
          for (const [i, column] of figure.columns.entries()) if (column.kind === "rate" && allowed.has(column.of)) allowed.add(i);
          const breakdown = cells.filter((_, i) => !allowed.has(i));
          expect({ figure: figure.id, member: row.key, breakdown }).toEqual({ figure: figure.id, member: row.key, breakdown: breakdown.map(() => "—") });
          for (const i of allowed) expect(figure.columns[i]?.kind === "rate" ? ["0", "—"] : ["0", "<5", "5–9"]).toContain(cells[i]);
        }
      }
    }
    expect(membersWithoutBreakdown).toBeGreaterThan(10);
    expect(numbersCompared).toBeGreaterThan(50);
  });

  it("leads to no case: no case id, no desk link, no link but the dashboard's own, in any page or CSV", async () => {
    const ids = cases.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(100);
    for (const period of HALF_YEARS) {
      const page = await html("bestuur", `/bestuur?periode=${period}`);
      const links = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1] as string);
      for (const link of links) expect(link).toMatch(/^(#main|\/(|bestuur(\/[a-z-]+\.csv)?(\?.*)?|medewerker|assets\/[a-z]+\.css)(\?lang=en)?)$/);
      expect(page).not.toContain("/balie/");
      for (const id of ids) expect(page).not.toContain(id);
      for (const table of tablesIn(page)) {
        const text = (await get("bestuur", `/bestuur/${table.id}.csv?periode=${period}`).then((r) => r.text())) as string;
        for (const id of ids) expect(text).not.toContain(id);
        expect(text).not.toContain("/balie/");
      }
    }
  });

  it("is linked from the board's staff page, and refused to everyone else", async () => {
    expect(await html("bestuur", "/medewerker")).toContain('href="/bestuur"');
    for (const user of ["beheer-hoorn", "bi-hoorn"]) {
      expect((await get(user, "/bestuur")).status).toBe(403);
      expect((await get(user, `/bestuur/meldingen.csv?periode=${CURRENT}`)).status).toBe(403);
      expect(await html(user, "/medewerker")).not.toContain('href="/bestuur"');
    }
  });

  it("speaks English too, with the English list separator in its CSV", async () => {
    const page = await html("bestuur", `/bestuur?periode=${CURRENT}&lang=en`);
    expect(page).toContain("Regional figures");
    const table = tablesIn(page).find((t) => t.id === "meldingen");
    expect(await csv("bestuur", `/bestuur/meldingen.csv?periode=${CURRENT}&lang=en`, ",")).toEqual([table?.header, ...(table?.rows.map((r) => r.cells) ?? [])]);
  });

  // Last in this block: from here on the dashboard reads the job's counts.
  it("reads the statistics job's counts once it has run: the same tables, and no case read from the store", async () => {
    const period = previousPeriod(CURRENT);
    const counter = storeRequestCounter(hub.dynamoEndpoint);
    try {
      const measure = async () => {
        // Once first: the region's copy (5 s) may have run out, and its two Queries are not the dashboard's.
        await html("bestuur", `/bestuur?periode=${period}`);
        const before = counter.snapshot();
        const page = await html("bestuur", `/bestuur?periode=${period}`);
        return { page, requests: requestsBetween(before, counter.snapshot()).byOperation };
      };
      const live = await measure();
      const summary = await hub.runStatistics();
      expect(summary.members).toBe(members.length);
      const frozen = await measure();
      // Counted from every member's cases on every desk that serves it (one Query each) before; one Query after.
      expect(live.requests.Query).toBeGreaterThan(members.length);
      expect(frozen.requests.Query).toBe(1);
      // The same tables, except where the moment of counting matters (Wbk deadlines that passed in between).
      const comparable = (page: string) => tablesIn(page).filter((t) => t.id !== "trend" && !t.id.startsWith("wbk"));
      expect(comparable(frozen.page)).toEqual(comparable(live.page));
      expect(comparable(frozen.page).length).toBeGreaterThan(10);
    } finally {
      counter.stop();
    }
  });
});

// --- A member's own report ------------------------------------------------------------------------------------------------

describe("a member's own report", () => {
  const hoorn = () => members.find((m) => m.id === "hoorn") as Member;

  for (const period of [LAST_YEAR, previousPeriod(CURRENT)]) {
    it(`gives Hoorn's admin its exact figures for ${period}, with the period before beside them, on the page and in the CSV`, async () => {
      const previous = previousPeriod(period);
      const page = await html("beheer-hoorn", `/beheer/hoorn/verslag?periode=${period}`);
      const tables = new Map(tablesIn(page).map((t) => [t.id, t]));
      expect([...tables.keys()]).toEqual(["kerncijfers", ...REPORT_FIGURES]);
      const exact = (id: string, p: string) => memberView(id, { cases, member: hoorn(), period: p, asOf: asOf() });
      let nonZero = 0;
      for (const id of REPORT_FIGURES) {
        if (id.startsWith("wbk")) continue;
        const table = tables.get(id) as PageTable;
        expect(table.header.slice(1)).toEqual([period, previous].map((p) => (p.includes("-H") ? `${p.endsWith("1") ? "1e" : "2e"} halfjaar ${p.slice(0, 4)}` : p)));
        const [now, before] = [exact(id, period), exact(id, previous)];
        const expected = figureDefinition(id).columns.map((column, i) => [column.key, shown(now.cells[0]?.[i]), shown(before.cells[0]?.[i])]);
        expect([id, table.rows.map((r) => [r.key, ...r.cells.slice(1).map(numberOf)])]).toEqual([id, expected]);
        nonZero += expected.filter(([, a, b]) => typeof a === "number" && typeof b === "number" && a + b > 0).length;
      }
      expect(nonZero).toBeGreaterThan(10);
      // The key figures are cells of those tables, under their own names.
      const key = tables.get("kerncijfers") as PageTable;
      expect(key.rows.find((r) => r.key === "meldingen.aantal")?.cells.slice(1)).toEqual(tables.get("meldingen")?.rows.find((r) => r.key === "aantal")?.cells.slice(1));
      expect(key.rows.find((r) => r.key === "conclusie.schending-vastgesteld")?.cells.slice(1)).toEqual(
        tables.get("conclusie")?.rows.find((r) => r.key === "schending-vastgesteld")?.cells.slice(1),
      );
      // Exact: small numbers as they are (a member's own figures are not protected).
      expect(exact("meldingen", period).cells[0]?.[0]).toBe(numberOf(tables.get("meldingen")?.rows[0]?.cells[1] ?? ""));
      // One CSV: each table's rows under its title.
      const file = await csv("beheer-hoorn", `/beheer/hoorn/verslag.csv?periode=${period}`);
      expect(file[0]).toEqual(["Tabel", "Cijfer", ...(tables.get("kerncijfers")?.header.slice(1) ?? [])]);
      const titles = [...page.matchAll(/<caption[^>]*>([\s\S]*?)<\/caption>/g)].map((m) => textOf(m[1] ?? "").replace(/ \([^)]*\)$/, ""));
      expect(file.slice(1)).toEqual([...tables.values()].flatMap((t, i) => t.rows.map((r) => [titles[i], ...r.cells])));
    });
  }

  it("counts in fixed periods: a half-year and the other add up to their year", async () => {
    const count = async (period: string) =>
      numberOf((tablesIn(await html("beheer-hoorn", `/beheer/hoorn/verslag?periode=${period}`)).find((t) => t.id === "meldingen")?.rows[0]?.cells[1] ?? "")) as number;
    expect((await count(`${LAST_YEAR}-H1`)) + (await count(`${LAST_YEAR}-H2`))).toBe(await count(LAST_YEAR));
  });

  it("is its own admin's only: another member's admin, a desk and the board are refused", async () => {
    expect(await html("beheer-hoorn", "/medewerker")).toContain('href="/beheer/hoorn/verslag"');
    expect(await html("beheer-archief", "/medewerker")).toContain('href="/beheer/westfries-archief/verslag"');
    for (const [user, path] of [
      ["beheer-archief", `/beheer/hoorn/verslag?periode=${LAST_YEAR}`],
      ["beheer-archief", `/beheer/hoorn/verslag.csv?periode=${LAST_YEAR}`],
      ["beheer-hoorn", "/beheer/westfries-archief/verslag"],
      ["bestuur", `/beheer/hoorn/verslag?periode=${LAST_YEAR}`],
      ["bestuur", `/beheer/hoorn/verslag.csv?periode=${LAST_YEAR}`],
      ["bi-hoorn", "/beheer/hoorn/verslag"],
    ] as const) {
      expect([user, path, (await get(user, path)).status]).toEqual([user, path, 403]);
    }
    expect(await html("bestuur", "/medewerker")).not.toContain("/verslag");
    expect((await get("beheer-archief", "/beheer/westfries-archief/verslag?periode=2025-Q1")).status).toBe(400);
    const own = await html("beheer-archief", "/beheer/westfries-archief/verslag");
    expect(own).toContain(`Jaarverslag ${LAST_YEAR} van Westfries Archief`);
    expect(own).not.toContain("/balie/");
    for (const c of cases) expect(own).not.toContain(c.id);
  });
});

// --- The store's read -----------------------------------------------------------------------------------------------------

describe("what statistics read from the store", () => {
  it("is metadata only: no content, no sealed part, no data key, history without its sealed notes", async () => {
    // The demo has transfers whose reason is sealed in the history: the read must leave it behind.
    expect(cases.some((c) => (c.history as unknown as { note?: unknown }[]).some((h) => h.note !== undefined))).toBe(true);
    const desks = (await hub.deps.region.listDesks()).map((d) => d.id);
    const all = { from: new Date(Date.UTC(2000, 0, 1)), to: new Date(Date.UTC(2100, 0, 1)) };
    const facts = (await Promise.all(members.map((m) => hub.deps.cases.listCaseFacts(m.id, desks, all)))).flat();
    expect(facts).toHaveLength(cases.length);
    const allowed = new Set(["member", "kind", "track", "channel", "categories", "subcategories", "relation", "reporterType", "receivedAt", "ackDueAt", "feedbackDueAt", "feedbackAt", "outcome", "vp", "history"]);
    for (const f of facts) {
      expect(Object.keys(f).filter((k) => !allowed.has(k))).toEqual([]);
      for (const h of f.history) expect(Object.keys(h).filter((k) => !["at", "state", "event"].includes(k))).toEqual([]);
    }
    // The period is a filter of the read: a half-year gives its cases only.
    const h1 = parsePeriod(previousPeriod(CURRENT));
    const some = (await Promise.all(members.map((m) => hub.deps.cases.listCaseFacts(m.id, desks, { from: h1.start, to: h1.end })))).flat();
    expect(some).toHaveLength(cases.filter((c) => new Date(c.receivedAt) >= h1.start && new Date(c.receivedAt) < h1.end).length);
  });
});
