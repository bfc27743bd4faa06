// Small-count protection for every view across members (DESIGN §4): a pure step from an exact StatTable to what the
// board and other members may see. A member's own figures never pass through here: it sees them exactly.
//
// 1. A member's case total is shown alone, in bands, when it is below 10 ("<5", "5–9"); the region's total as "<5"
//    when it is 1–4. These cells are protected on their own (as the `meldingen` figure shows them), so every table
//    that shows the same totals hides the same ones and no table gives away what another hides.
// 2. A member below 10 shows no breakdown ("—"); any other count from 1 to 4 is "<5".
// 3. Secondary suppression: further cells become "—" until no hidden cell follows from the published cells and the
//    table's sums. A hidden cell follows exactly when it is a bridge in the graph whose nodes are the table's lines
//    (rows, columns) and whose edges are its hidden cells (the sums make every line's hidden cells add up to a known
//    number; a cycle of hidden cells can shift by ±d around the cycle without changing any sum). This is checked for
//    the board, and for every member that knows its own row exactly: with its row known, no other member's hidden
//    cell may follow. An exposed cell is covered by the cheapest cells that close a cycle through it (a shortest path
//    from its row to its column; the cost is the counts hidden, totals last).
// 4. A rate, percentage or median is shown only when the counts it comes from are shown (it would give them back),
//    a percentage or median only over at least 20 cases.
// What is not claimed: an attacker who also reasons with bounds (a "<5" is 1–4, a count is never negative) may narrow
// a hidden cell to a range; no hidden cell follows exactly from the equations.
import type { Marker, ProtectedTable, StatTable } from "./stat-table";

export interface SmallCountRules {
  /** Counts from 1 to minCount − 1 are shown as "<minCount". */
  minCount: number;
  /** A percentage or a median only over at least this many cases. */
  minDenominator: number;
  /** A member's breakdown only with at least this many cases in the period; below it, its total alone, in bands. */
  minMemberTotal: number;
}

/** DESIGN §4. */
export const SMALL_COUNT_RULES: SmallCountRules = { minCount: 5, minDenominator: 20, minMemberTotal: 10 };

export const NOT_SHOWN = "—" satisfies Marker;

export function protect(table: StatTable, rules: SmallCountRules = SMALL_COUNT_RULES): ProtectedTable {
  const value = (r: number, i: number) => table.cells[r]?.[i] ?? 0;
  const marks: (Marker | undefined)[][] = table.rows.map(() => table.columns.map(() => undefined));
  const mark = (r: number, i: number, marker: Marker) => {
    (marks[r] as (Marker | undefined)[])[i] = marker;
  };
  const isMember = (r: number) => table.rows[r]?.kind === "member";
  const small = `<${rules.minCount}` as const;
  const band = `${rules.minCount}–${rules.minMemberTotal - 1}` as const;
  const counts = table.columns.flatMap((column, i) => (column.kind === "count" ? [i] : []));
  const total = table.totalColumn;

  if (total !== undefined) {
    for (const r of table.rows.keys()) {
      const v = value(r, total);
      if (v > 0 && v < (isMember(r) ? rules.minMemberTotal : rules.minCount)) mark(r, total, v < rules.minCount ? small : band);
    }
    secure(table, marks, mark, [total], { rowsAdd: false, columnsAdd: table.totalRow });
  }
  for (const r of table.rows.keys()) {
    const breakdownHidden = isMember(r) && (table.caseTotals[r] ?? 0) < rules.minMemberTotal;
    for (const i of counts) {
      if (i === total) continue;
      const v = value(r, i);
      if (breakdownHidden) mark(r, i, NOT_SHOWN);
      else if (v > 0 && v < rules.minCount) mark(r, i, small);
    }
  }
  secure(table, marks, mark, counts, {
    rowsAdd: table.sumColumn !== undefined,
    columnsAdd: table.totalRow,
    ...(total !== undefined ? { locked: total } : {}),
    ...(table.sumColumn !== undefined ? { sums: table.sumColumn } : {}),
  });

  const shown = (r: number, i: number) => marks[r]?.[i] === undefined;
  const cells = table.rows.map((_, r) =>
    table.columns.map((column, i): number | Marker => {
      const v = table.cells[r]?.[i];
      if (v === undefined) return NOT_SHOWN;
      const visible =
        column.kind === "count"
          ? shown(r, i)
          : column.kind === "rate"
            ? shown(r, column.of)
            : column.kind === "percent"
              ? value(r, column.per) >= rules.minDenominator && shown(r, column.of) && shown(r, column.per)
              : value(r, column.n) >= rules.minDenominator && shown(r, column.n);
      return visible ? v : (marks[r]?.[i] ?? NOT_SHOWN);
    }),
  );
  return { ...table, cells };
}

interface Lines {
  /** Each row's count cells add up to its sum column. */
  rowsAdd: boolean;
  /** Each count column's member cells add up to the region row. */
  columnsAdd: boolean;
  /** A column whose cells are settled already and must not be hidden here. */
  locked?: number;
  /** A column of totals: hidden only when nothing else will do, like the region's row. */
  sums?: number;
}

/** Hides further cells of `columns` until no hidden cell follows from the table's sums, for any viewer. */
function secure(table: StatTable, marks: (Marker | undefined)[][], mark: (r: number, i: number, m: Marker) => void, columns: number[], lines: Lines): void {
  const rows = table.rows.length;
  const free = rows + columns.length;
  // A line without a sum constrains nothing: all of them are one node, so only lines with a sum close a cycle.
  const rowNode = (r: number) => (lines.rowsAdd ? r : free);
  const columnNode = (j: number) => (lines.columnsAdd ? rows + j : free);
  const hidden = (r: number, j: number) => marks[r]?.[columns[j] as number] !== undefined;
  const members = table.rows.flatMap((row, r) => (row.kind === "member" ? [r] : []));
  const viewers: (number | undefined)[] = [undefined, ...members];
  // What hiding a cell costs: its count. A zero only when no count will do: counts are never negative, so a hidden
  // zero beside a small count leaves little doubt. A total only when nothing else will: the region's and the sums stay.
  const cost = (r: number, j: number) => {
    const v = table.cells[r]?.[columns[j] as number] ?? 0;
    const margin = table.rows[r]?.kind === "region" || columns[j] === lines.sums;
    return (v === 0 ? 1e3 : v) + (margin ? 1e6 : 0);
  };

  for (;;) {
    const found = viewers.map((viewer) => exposedCell(viewer)).find((x) => x !== undefined);
    if (!found) return;
    const path = cheapestCycle(found.viewer, found.bridge);
    if (!path) throw new Error(`small-count protection of ${table.figure} found no cells left to hide`);
    for (const { r, j } of path) mark(r, columns[j] as number, NOT_SHOWN);
  }

  /** The cells a viewer does not know, as edges between their lines. */
  function edgesFor(viewer: number | undefined, include: (r: number, j: number) => boolean): Edge[] {
    const edges: Edge[] = [];
    for (let r = 0; r < rows; r++) {
      if (r === viewer) continue;
      for (let j = 0; j < columns.length; j++) if (include(r, j) && rowNode(r) !== columnNode(j)) edges.push({ a: rowNode(r), b: columnNode(j), r, j });
    }
    return edges;
  }

  /** A hidden cell that follows for this viewer: the board may learn none, a member (knowing its own row) no other member's. */
  function exposedCell(viewer: number | undefined) {
    const bridge = bridges(free + 1, edgesFor(viewer, hidden)).find((e) => viewer === undefined || members.includes(e.r));
    return bridge && { viewer, bridge };
  }

  /**
   * The cheapest published cells that, hidden too, put the exposed cell on a cycle: a shortest path from its row to
   * its column over every other cell the viewer does not know (hidden ones cost nothing).
   */
  function cheapestCycle(viewer: number | undefined, bridge: Edge): { r: number; j: number }[] | undefined {
    const open = (r: number, j: number) => !(r === bridge.r && j === bridge.j) && (hidden(r, j) || columns[j] !== lines.locked);
    const around: Edge[][] = Array.from({ length: free + 1 }, () => []);
    for (const edge of edgesFor(viewer, open)) {
      around[edge.a]?.push(edge);
      around[edge.b]?.push(edge);
    }
    const distance = new Map<number, number>([[bridge.a, 0]]);
    const via = new Map<number, Edge>();
    const done = new Set<number>();
    for (;;) {
      let node: number | undefined;
      for (const [n, d] of distance) if (!done.has(n) && (node === undefined || d < (distance.get(node) as number))) node = n;
      if (node === undefined) return undefined;
      if (node === bridge.b) break;
      done.add(node);
      for (const edge of around[node] ?? []) {
        const next = edge.a === node ? edge.b : edge.a;
        const d = (distance.get(node) as number) + (hidden(edge.r, edge.j) ? 0 : cost(edge.r, edge.j));
        if (d < (distance.get(next) ?? Number.POSITIVE_INFINITY)) {
          distance.set(next, d);
          via.set(next, edge);
        }
      }
    }
    const path: { r: number; j: number }[] = [];
    for (let node = bridge.b; node !== bridge.a; ) {
      const edge = via.get(node) as Edge;
      if (!hidden(edge.r, edge.j)) path.push({ r: edge.r, j: edge.j });
      node = edge.a === node ? edge.b : edge.a;
    }
    return path;
  }
}

interface Edge {
  a: number;
  b: number;
  r: number;
  j: number;
}

/** Bridges of a multigraph (Tarjan): an edge on no cycle. Parallel edges are cycles, so edges are told apart by identity. */
function bridges(nodes: number, edges: Edge[]): Edge[] {
  const around: { to: number; edge: Edge }[][] = Array.from({ length: nodes }, () => []);
  for (const edge of edges) {
    around[edge.a]?.push({ to: edge.b, edge });
    around[edge.b]?.push({ to: edge.a, edge });
  }
  const found = new Set<Edge>();
  // Discovery time and the lowest time reachable through one back edge; an edge whose far side cannot reach above
  // its near side is a bridge.
  const order = new Map<number, number>();
  const low = new Map<number, number>();
  const visit = (node: number, via: Edge | undefined) => {
    order.set(node, order.size);
    low.set(node, order.size - 1);
    for (const { to, edge } of around[node] ?? []) {
      if (edge === via) continue;
      const seen = order.get(to);
      if (seen === undefined) {
        visit(to, edge);
        low.set(node, Math.min(low.get(node) as number, low.get(to) as number));
        if ((low.get(to) as number) > (order.get(node) as number)) found.add(edge);
      } else {
        low.set(node, Math.min(low.get(node) as number, seen));
      }
    }
  };
  for (let node = 0; node < nodes; node++) if (!order.has(node)) visit(node, undefined);
  return edges.filter((e) => found.has(e));
}
