// The one shape every statistic takes (issue 6): a plain table of numbers that pages, charts and CSV render, and that
// the small-count protection reads. What a cell means is said by its column, so the protection needs no figure logic.
import type { Label } from "./taxonomy";

/** A member of the region, or the region itself: the sum of the members above it. */
export interface StatRow {
  key: string;
  label: Label;
  kind: "member" | "region";
}

/**
 * `count`: a number of cases. The others are derived from counts in the same row, and so can give them away:
 * `rate` is column `of` per 1,000 fte, `percent` is 100 × column `of` / column `per`, `median` is over column `n` cases.
 */
export type StatColumn = { key: string; label: Label } & (
  | { kind: "count" }
  | { kind: "rate"; of: number }
  | { kind: "percent"; of: number; per: number }
  | { kind: "median"; n: number }
);

export interface StatTable {
  figure: string;
  period: string;
  rows: StatRow[];
  columns: StatColumn[];
  /** rows × columns; undefined where the figure has no value (a rate without fte, a median of no cases). */
  cells: (number | undefined)[][];
  /** Each row's number of cases of the figure's kind in the period: the rule on per-member breakdowns reads it. */
  caseTotals: number[];
  /** The count column that shows `caseTotals`, if the table shows them. */
  totalColumn?: number;
  /** The count column that is the sum of every other count column in its row. */
  sumColumn?: number;
  /** The last row is the region: in every count column, the sum of the member rows above it. */
  totalRow: boolean;
}

/** A count from 1 to 4 ("<5"), a member's total from 5 to 9 ("5–9"), or a cell not published ("—"). */
export type Marker = `<${number}` | `${number}–${number}` | "—";

/** What a cross-member view shows: every number in it is exact, everything else is a marker. */
export type ProtectedTable = Omit<StatTable, "cells"> & { cells: (number | Marker)[][] };
