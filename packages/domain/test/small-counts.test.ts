// Small-count protection (DESIGN §4, issue 6): examples with known answers, then properties over generated tables.
// The properties check the protection against an independent solver: a hidden cell must not follow from the linear
// equations of the table's sums, for the board and for a member that knows its own row exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NOT_SHOWN, type ProtectedTable, protect, SMALL_COUNT_RULES, type StatColumn, type StatRow, type StatTable } from "../src/staff-side";

const label = (text: string) => ({ nl: text, en: text });
const members = (n: number): StatRow[] => Array.from({ length: n }, (_, i) => ({ key: `m${i}`, label: label(`Lid ${i}`), kind: "member" }));
const REGION: StatRow = { key: "totaal", label: label("Regio"), kind: "region" };
const count = (key: string): StatColumn => ({ key, label: label(key), kind: "count" });

/** Member totals as the `meldingen` figure shows them: one count column, a rate beside it, the region below. */
function totalsTable(totals: number[], fte = 100): StatTable {
  const region = totals.reduce((a, b) => a + b, 0);
  const all = [...totals, region];
  const fteOf = (r: number) => (r < totals.length ? fte : fte * totals.length);
  return {
    figure: "meldingen",
    period: "2026",
    rows: [...members(totals.length), REGION],
    columns: [count("aantal"), { key: "rate", label: label("rate"), kind: "rate", of: 0 }],
    cells: all.map((v, r) => [v, (v * 1000) / fteOf(r)]),
    caseTotals: all,
    totalColumn: 0,
    totalRow: true,
  };
}

/** A breakdown where every case has one value: the last column sums the others and is the member's total. */
function breakdownTable(interior: number[][]): StatTable {
  const rows = interior.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const region = (rows[0] ?? []).map((_, i) => rows.reduce((sum, row) => sum + (row[i] ?? 0), 0));
  const cells = [...rows, region];
  const sum = region.length - 1;
  return {
    figure: "relatie",
    period: "2026",
    rows: [...members(interior.length), REGION],
    columns: region.map((_, i) => count(i === sum ? "totaal" : `v${i}`)),
    cells,
    caseTotals: cells.map((row) => row[sum] ?? 0),
    totalColumn: sum,
    sumColumn: sum,
    totalRow: true,
  };
}

describe("small-count protection, by example", () => {
  it("shows a member's total below 10 in bands and hides one more total so that none follows by subtraction", () => {
    const shown = protect(totalsTable([12, 7, 3, 0, 25]));
    // 7 and 3 are banded; Lid 1, knowing its own 7, could work out Lid 2's 3 from the region's 47: Lid 0's 12 goes too.
    expect(shown.cells.map((row) => row[0])).toEqual([NOT_SHOWN, "5–9", "<5", 0, 25, 47]);
    // A rate gives its count back: it is shown only beside a shown count.
    expect(shown.cells.map((row) => row[1])).toEqual([NOT_SHOWN, NOT_SHOWN, NOT_SHOWN, 0, 250, 94]);
  });

  it("hides the breakdown of a member below 10 and every cell that would give it away", () => {
    const table = breakdownTable([
      [10, 6, 2],
      [20, 15, 8],
      [3, 2, 1],
    ]);
    // Lid 2 (6 cases): its total as a band, no breakdown; Lid 0's 2 is "<5". With three members, each knowing its own
    // row, any other published member cell would give Lid 2's back through the region's sums: only the region remains.
    expect(protect(table).cells).toEqual([
      [NOT_SHOWN, NOT_SHOWN, "<5", NOT_SHOWN],
      [NOT_SHOWN, NOT_SHOWN, NOT_SHOWN, NOT_SHOWN],
      [NOT_SHOWN, NOT_SHOWN, NOT_SHOWN, "5–9"],
      [33, 23, 11, 67],
    ]);
  });

  it("keeps the breakdowns of larger members when enough small cells hide each other", () => {
    const table = breakdownTable([
      [30, 25, 12],
      [40, 35, 20],
      [25, 30, 15],
      [2, 1, 3],
      [1, 3, 0],
      [0, 2, 2],
    ]);
    const shown = protect(table);
    // Three members below 10 hide each other: even one of them, knowing its own row, faces two unknowns per column.
    expect(shown.cells.slice(0, 3)).toEqual(table.cells.slice(0, 3));
    expect(shown.cells.slice(3, 6)).toEqual([
      [NOT_SHOWN, NOT_SHOWN, NOT_SHOWN, "5–9"],
      [NOT_SHOWN, NOT_SHOWN, NOT_SHOWN, "<5"],
      [NOT_SHOWN, NOT_SHOWN, NOT_SHOWN, "<5"],
    ]);
    expect(shown.cells[6]).toEqual(table.cells[6]);
  });

  it("shows a percentage only over 20 cases or more, and only when its counts are shown", () => {
    const table = (onTime: number, late: number): StatTable => ({
      figure: "wbk-bevestiging",
      period: "2026",
      rows: [REGION],
      columns: [count("op-tijd"), count("te-laat"), count("beoordeeld"), { key: "pct", label: label("%"), kind: "percent", of: 0, per: 2 }],
      cells: [[onTime, late, onTime + late, (100 * onTime) / (onTime + late)]],
      caseTotals: [onTime + late],
      sumColumn: 2,
      totalRow: false,
    });
    expect(protect(table(19, 0)).cells[0]).toEqual([19, 0, 19, NOT_SHOWN]);
    expect(protect(table(15, 5)).cells[0]).toEqual([15, 5, 20, 75]);
    // 3 late is "<5"; 22 on time beside the 25 assessed would give it back, so 22 goes, and with it the percentage.
    expect(protect(table(22, 3)).cells[0]).toEqual([NOT_SHOWN, "<5", 25, NOT_SHOWN]);
  });

  it("changes nothing in a table without small counts", () => {
    const table = breakdownTable([
      [10, 16, 12],
      [20, 15, 18],
    ]);
    expect(protect(table).cells).toEqual(table.cells);
  });
});

// --- Properties over generated tables ------------------------------------------------------------------------------

type Shape = "single" | "subset" | "several" | "totals";

/** Like the figures make them: counts mostly small (that is where protection works), sometimes large. */
const countArb = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 60 }) });

const tableArb = fc
  .record({
    shape: fc.constantFrom<Shape>("single", "subset", "several", "totals"),
    regional: fc.boolean(),
    members: fc.integer({ min: 1, max: 6 }),
    columns: fc.integer({ min: 2, max: 5 }),
    seed: fc.array(countArb, { minLength: 60, maxLength: 60 }),
    extra: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 7, maxLength: 7 }),
    medians: fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: 7, maxLength: 7 }),
  })
  .map(({ shape, regional, members: m, columns: k, seed, extra, medians }) => generated(shape, regional ? 0 : m, shape === "totals" ? 1 : k, seed, extra, medians));

/** A table of the given shape; `m` member rows above the region, or the region's row alone. */
function generated(shape: Shape, m: number, k: number, seed: number[], extra: number[], medians: number[]): StatTable {
  const interior = Array.from({ length: Math.max(m, 1) }, (_, r) => Array.from({ length: k }, (_, j) => seed[(r * k + j) % seed.length] ?? 0));
  const additive = shape === "single" || shape === "subset";
  const withSum = interior.map((row) => (additive ? [...row, row.reduce((a, b) => a + b, 0)] : row));
  const lines = m > 0 ? [...withSum, withSum[0]?.map((_, i) => withSum.reduce((s, row) => s + (row[i] ?? 0), 0)) ?? []] : withSum;
  const sum = additive ? k : undefined;
  // The member's number of cases: the sum itself, or at least it (a subset), or any number (several values per case).
  const memberTotals = withSum.map((row, r) => (shape === "single" || shape === "totals" ? (row[sum ?? 0] ?? 0) : (sum !== undefined ? (row[sum] ?? 0) : 0) + (extra[r] ?? 0)));
  const caseTotals = m > 0 ? [...memberTotals, memberTotals.reduce((a, b) => a + b, 0)] : memberTotals;
  const counts = lines[0]?.length ?? 0;
  const derived: StatColumn[] = [
    { key: "rate", label: label("rate"), kind: "rate", of: 0 },
    { key: "median", label: label("median"), kind: "median", n: 0 },
    ...(sum !== undefined ? [{ key: "pct", label: label("%"), kind: "percent", of: 0, per: sum } as const] : []),
  ];
  return {
    figure: shape,
    period: "2026",
    rows: m > 0 ? [...members(m), REGION] : [REGION],
    columns: [...Array.from({ length: counts }, (_, i) => count(`c${i}`)), ...derived],
    cells: lines.map((row, r) => [
      ...row,
      ((row[0] ?? 0) * 1000) / 250,
      (row[0] ?? 0) > 0 ? medians[r] : undefined,
      ...(sum !== undefined ? [(row[sum] ?? 0) > 0 ? (100 * (row[0] ?? 0)) / (row[sum] ?? 1) : undefined] : []),
    ]),
    caseTotals,
    ...(shape === "single" ? { totalColumn: k } : shape === "totals" ? { totalColumn: 0 } : {}),
    ...(sum !== undefined ? { sumColumn: sum } : {}),
    totalRow: m > 0,
  };
}

const countColumns = (t: StatTable) => t.columns.flatMap((c, i) => (c.kind === "count" ? [i] : []));

/**
 * The hidden count cells that follow exactly from the published cells and the table's sums (with `knownRow` known
 * too). Independent of the protection's graph: it solves the linear equations. A hidden cell follows when its unit
 * vector lies in the row space of the equations over the hidden cells, i.e. when adding it does not raise the rank.
 */
function hiddenThatFollow(table: StatTable, shown: ProtectedTable, knownRow?: number): string[] {
  const counts = countColumns(table);
  const unknown: [number, number][] = [];
  for (const r of table.rows.keys()) for (const i of counts) if (r !== knownRow && typeof shown.cells[r]?.[i] !== "number") unknown.push([r, i]);
  const at = new Map(unknown.map(([r, i], v) => [`${r},${i}`, v]));
  const equations: number[][] = [];
  const equation = (terms: [number, number, number][]) => {
    const row = new Array(unknown.length).fill(0);
    for (const [r, i, coefficient] of terms) {
      const v = at.get(`${r},${i}`);
      if (v !== undefined) row[v] += coefficient;
    }
    equations.push(row);
  };
  const last = table.rows.length - 1;
  if (table.sumColumn !== undefined) {
    for (const r of table.rows.keys()) equation(counts.map((i) => [r, i, i === table.sumColumn ? -1 : 1]));
  }
  if (table.totalRow) {
    for (const i of counts) equation(table.rows.map((_, r) => [r, i, r === last ? -1 : 1]));
  }
  const base = rank(equations);
  return unknown.filter((_, v) => rank([...equations, unknown.map((__, w) => (w === v ? 1 : 0))]) === base).map(([r, i]) => `${table.rows[r]?.key}/${table.columns[i]?.key}`);
}

function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let rank = 0;
  const width = m[0]?.length ?? 0;
  for (let col = 0; col < width && rank < m.length; col++) {
    const pivot = m.findIndex((row, r) => r >= rank && Math.abs(row[col] ?? 0) > 1e-9);
    if (pivot < 0) continue;
    [m[rank], m[pivot]] = [m[pivot] as number[], m[rank] as number[]];
    const p = m[rank] as number[];
    for (const [r, row] of m.entries()) {
      if (r === rank) continue;
      const f = (row[col] ?? 0) / (p[col] as number);
      if (f !== 0) for (let c = col; c < width; c++) row[c] = (row[c] ?? 0) - f * (p[c] ?? 0);
    }
    rank++;
  }
  return rank;
}

const memberRows = (t: StatTable) => t.rows.flatMap((row, r) => (row.kind === "member" ? [r] : []));

describe("small-count protection, for any table", () => {
  it("publishes no count from 1 to 4, and no breakdown of a member below 10", () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const shown = protect(table);
        for (const r of table.rows.keys()) {
          for (const i of countColumns(table)) {
            const cell = shown.cells[r]?.[i];
            if (typeof cell === "number") expect(cell === 0 || cell >= SMALL_COUNT_RULES.minCount).toBe(true);
            const small = table.rows[r]?.kind === "member" && (table.caseTotals[r] ?? 0) < SMALL_COUNT_RULES.minMemberTotal;
            if (small && i !== table.totalColumn) expect(cell).toBe(NOT_SHOWN);
            if (small && i === table.totalColumn && typeof cell === "number") expect(cell).toBe(0);
          }
        }
      }),
    );
  });

  it("never changes a published number", () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const shown = protect(table);
        for (const [r, row] of shown.cells.entries()) for (const [i, cell] of row.entries()) if (typeof cell === "number") expect(cell).toBe(table.cells[r]?.[i]);
      }),
    );
  });

  it("never leaves exactly one hidden cell in a line whose total is known", () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const shown = protect(table);
        const hidden = (r: number, i: number) => typeof shown.cells[r]?.[i] !== "number";
        const counts = countColumns(table);
        if (table.sumColumn !== undefined) {
          for (const r of table.rows.keys()) expect(counts.filter((i) => hidden(r, i)).length).not.toBe(1);
        }
        if (table.totalRow) {
          for (const i of counts) expect([...table.rows.keys()].filter((r) => hidden(r, i)).length).not.toBe(1);
        }
      }),
    );
  });

  it("lets no hidden cell be solved from the published cells and sums, by the board or by a member knowing its own row", () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const shown = protect(table);
        expect(hiddenThatFollow(table, shown)).toEqual([]);
        for (const viewer of memberRows(table)) {
          const others = hiddenThatFollow(table, shown, viewer).filter((cell) => !cell.startsWith(`${REGION.key}/`));
          expect(others).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("shows a rate, percentage or median only beside the counts it comes from, percentages and medians over 20 or more", () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const shown = protect(table);
        const visible = (r: number, i: number) => typeof shown.cells[r]?.[i] === "number";
        for (const r of table.rows.keys()) {
          for (const [i, column] of table.columns.entries()) {
            if (!visible(r, i) || column.kind === "count") continue;
            if (column.kind === "rate") expect(visible(r, column.of)).toBe(true);
            if (column.kind === "percent") {
              expect(visible(r, column.of) && visible(r, column.per)).toBe(true);
              expect(table.cells[r]?.[column.per]).toBeGreaterThanOrEqual(SMALL_COUNT_RULES.minDenominator);
            }
            if (column.kind === "median") {
              expect(visible(r, column.n)).toBe(true);
              expect(table.cells[r]?.[column.n]).toBeGreaterThanOrEqual(SMALL_COUNT_RULES.minDenominator);
            }
          }
        }
      }),
    );
  });

  it("hides the same member totals in every table that shows them, so no table gives away what another hides", () => {
    fc.assert(
      fc.property(fc.array(fc.array(countArb, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (interior) => {
        const breakdown = breakdownTable(interior);
        const totals = totalsTable(interior.map((row) => row.reduce((a, b) => a + b, 0)));
        const sum = breakdown.totalColumn as number;
        expect(protect(breakdown).cells.map((row) => row[sum])).toEqual(protect(totals).cells.map((row) => row[0]));
      }),
    );
  });
});
