// The tables of the board's dashboard and a member's report as they are shown: every cell written once, as text, so the
// page and its CSV carry exactly the same table (docs/decisions.md 37).
import {
  type BoardDashboard,
  figureDefinition,
  type FigureId,
  KEY_FIGURES,
  type MemberReport,
  type ProtectedTable,
  type StatColumn,
  type StatTable,
  type TREND_FIGURES,
} from "@meldpunt/domain/staff";
import { type Lang, tr } from "./i18n";
import { B, cellText, periodText, R } from "./stats-text";

export interface ShownTable {
  /** Stable: the anchor on the page and the name of its CSV. */
  id: string;
  title: string;
  /** Exactly what is counted. */
  description: string;
  /** The period(s) the table is about, for its caption. */
  period: string;
  rowHeader: string;
  rows: { key: string; label: string }[];
  columns: { key: string; label: string; kind: StatColumn["kind"] }[];
  /** What each cell shows, exactly as the CSV carries it. */
  cells: string[][];
  /** The same cells as numbers where they are numbers (for charts); a marker or no value otherwise. */
  values: (number | string | undefined)[][];
}

/** One figure's table as the statistics gave it: rows are members and the region (or the one member). */
export function figureTable(lang: Lang, id: string, table: ProtectedTable | StatTable): ShownTable {
  const figure = figureDefinition(table.figure);
  return {
    id,
    title: tr(lang, figure.title),
    description: tr(lang, figure.description),
    period: periodText(lang, table.period),
    rowHeader: tr(lang, B.organisationHeader),
    rows: table.rows.map((row) => ({ key: row.key, label: tr(lang, row.label) })),
    columns: table.columns.map((column) => ({ key: column.key, label: tr(lang, column.label), kind: column.kind })),
    cells: table.cells.map((row) => row.map((value, i) => cellText(lang, table.columns[i]?.kind ?? "count", value))),
    values: table.cells.map((row) => [...row]),
  };
}

/** The trend: per half-year, the region's row of a few figures, as each half-year's own tables show it. */
export function trendTable(lang: Lang, dashboard: BoardDashboard): ShownTable {
  const picks: { figure: (typeof TREND_FIGURES)[number]; column: string }[] = [
    { figure: "meldingen", column: "aantal" },
    { figure: "meldingen", column: "per-1000-fte" },
    { figure: "adviescontacten", column: "aantal" },
    { figure: "adviescontacten", column: "per-1000-fte" },
    { figure: "wbk-bevestiging", column: "percentage" },
    { figure: "wbk-terugkoppeling", column: "percentage" },
  ];
  const columns = picks.map(({ figure, column }) => {
    const definition = figureDefinition(figure);
    const found = definition.columns.find((c) => c.key === column) as StatColumn;
    const title = tr(lang, definition.title);
    const label = found.kind === "count" ? title : found.kind === "percent" ? `% ${title.charAt(0).toLowerCase()}${title.slice(1)}` : `${title}: ${tr(lang, found.label).toLowerCase()}`;
    return { key: `${figure}.${column}`, label, kind: found.kind };
  });
  const values = dashboard.trend.map(({ views }) =>
    picks.map(({ figure, column }) => {
      const table = views[figure];
      if (!table) return undefined;
      const region = table.cells[table.cells.length - 1];
      return region?.[table.columns.findIndex((c) => c.key === column)];
    }),
  );
  return {
    id: "trend",
    title: tr(lang, B.trendTitle),
    description: tr(lang, B.trendDescription),
    period: `${periodText(lang, dashboard.trend[0]?.period ?? "")} – ${periodText(lang, dashboard.period)}`,
    rowHeader: tr(lang, B.periodHeader),
    rows: dashboard.trend.map(({ period }) => ({ key: period, label: periodText(lang, period) })),
    columns,
    cells: values.map((row) => row.map((value, i) => cellText(lang, columns[i]?.kind ?? "count", value))),
    values,
  };
}

/** Every table of a dashboard by its id: the trend, then each figure of the half-year, then the annual totals. */
export function dashboardTables(lang: Lang, dashboard: BoardDashboard): Map<string, ShownTable> {
  const tables = new Map<string, ShownTable>([["trend", trendTable(lang, dashboard)]]);
  for (const views of [dashboard.views, dashboard.annual]) {
    for (const [id, table] of Object.entries(views) as [FigureId, ProtectedTable][]) tables.set(id, figureTable(lang, id, table));
  }
  return tables;
}

/**
 * A member's report as tables in the shape annual reports print them: one row per value (category, route, …) and
 * the period and the one before as columns. The key figures first.
 */
export function reportTables(lang: Lang, report: MemberReport): ShownTable[] {
  const period = `${periodText(lang, report.period)} / ${periodText(lang, report.previous)}`;
  const columns = [report.period, report.previous].map((p) => ({ key: p, label: periodText(lang, p) }));
  const figures = new Map(report.figures.map((f) => [f.id, f]));
  const cell = (table: StatTable, key: string) => {
    const i = table.columns.findIndex((c) => c.key === key);
    return { value: table.cells[0]?.[i], kind: table.columns[i]?.kind ?? "count" };
  };

  const keyValues = KEY_FIGURES.map(({ figure, column }) => {
    const found = figures.get(figure);
    return found ? [cell(found.current, column), cell(found.previous, column)] : [];
  });
  const key: ShownTable = {
    id: "kerncijfers",
    title: tr(lang, R.keyTitle),
    description: tr(lang, R.keyDescription),
    period,
    rowHeader: tr(lang, R.figureHeader),
    rows: KEY_FIGURES.map(({ figure, column, label }) => ({ key: `${figure}.${column}`, label: tr(lang, label) })),
    columns: columns.map((c) => ({ ...c, kind: "count" })),
    cells: keyValues.map((row) => row.map(({ value, kind }) => cellText(lang, kind, value))),
    values: keyValues.map((row) => row.map(({ value }) => value)),
  };

  const each = report.figures.map(({ id, current, previous }): ShownTable => {
    const figure = figureDefinition(id);
    const rows = current.columns.map((column, i) => ({ column, values: [current.cells[0]?.[i], previous.cells[0]?.[i]] }));
    return {
      id,
      title: tr(lang, figure.title),
      description: tr(lang, figure.description),
      period,
      rowHeader: tr(lang, R.figureHeader),
      rows: rows.map(({ column }) => ({ key: column.key, label: tr(lang, column.label) })),
      // A column of this table is a period; what kind of number each cell is, its row says.
      columns: columns.map((c) => ({ ...c, kind: "count" })),
      cells: rows.map(({ column, values }) => values.map((value) => cellText(lang, column.kind, value))),
      values: rows.map(({ values }) => values),
    };
  });
  return [key, ...each];
}

// --- CSV ----------------------------------------------------------------------------------------------------------------

/**
 * CSV for Excel: UTF-8 with a byte order mark (else Excel reads it as ANSI and the markers "5–9" and "—" break), CRLF,
 * the list separator of the language's Excel (";" in Dutch, whose decimal comma it would split on, "," in English),
 * quotes where a cell needs them. A cell that starts like a formula (=, +, -, @) gets a leading apostrophe, so a
 * name cannot run as one in a spreadsheet; numbers and markers never start that way.
 */
export function csvText(lang: Lang, rows: readonly (readonly string[])[]): string {
  const separator = lang === "nl" ? ";" : ",";
  const field = (text: string) => {
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `\uFEFF${rows.map((row) => row.map(field).join(separator)).join("\r\n")}\r\n`;
}

/** One table as CSV: its header row, then a row per line of the table, every cell as the page shows it. */
export function tableCsv(lang: Lang, table: ShownTable): string {
  return csvText(lang, [[table.rowHeader, ...table.columns.map((c) => c.label)], ...table.rows.map((row, r) => [row.label, ...(table.cells[r] ?? [])])]);
}

/** A whole report as one CSV: each table's rows under its title, the two periods as columns. */
export function reportCsv(lang: Lang, report: MemberReport, tables: readonly ShownTable[]): string {
  return csvText(lang, [
    [tr(lang, R.tableHeader), tr(lang, R.figureHeader), periodText(lang, report.period), periodText(lang, report.previous)],
    ...tables.flatMap((table) => table.rows.map((row, r) => [table.title, row.label, ...(table.cells[r] ?? [])])),
  ]);
}
