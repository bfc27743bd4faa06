// One figure of the dashboard or a report: heading, what is counted, the chart (if any) beside its data table, and the
// link to the table's CSV. The table is the text alternative of the chart and the source of the CSV alike.
import type { Label } from "@meldpunt/domain";
import type { Child } from "hono/jsx";
import { BarChart, type Bar, describe } from "./charts";
import { FilterSelect } from "./form";
import { type Lang, tr } from "./i18n";
import type { ShownTable } from "./stats-tables";
import { B, periodText } from "./stats-text";

export function StatFigure(props: { lang: Lang; table: ShownTable; level?: 2 | 3; chart?: Child; csv?: { href: string; label: string } }) {
  const { table } = props;
  const heading = `${table.id}-heading`;
  const Heading = props.level === 2 ? "h2" : "h3";
  return (
    <section class="hub-figure" aria-labelledby={heading} data-figure={table.id}>
      <Heading class={`utrecht-heading-${props.level ?? 3} hub-figure-title`} id={heading}>
        {table.title}
      </Heading>
      <p class="utrecht-paragraph hub-figure-description">{table.description}</p>
      <div class="hub-figure-body">
        {props.chart ? <div class="hub-figure-chart">{props.chart}</div> : null}
        {/* A region of its own, reachable by keyboard, so a table wider than the page can be scrolled. */}
        <section class="hub-table-scroll" aria-labelledby={`${table.id}-caption`} tabindex={0}>
          <table class={`utrecht-table hub-table hub-stat-table${table.columns.length > 10 ? " hub-stat-table--many" : ""}`} data-table={table.id}>
            <caption class="utrecht-table__caption hub-stat-caption" id={`${table.id}-caption`}>
              {`${table.title} (${table.period})`}
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {table.rowHeader}
                </th>
                {table.columns.map((column) => (
                  <th class="utrecht-table__header-cell" scope="col" data-kind={column.kind}>
                    <span class="hub-column-label">{column.label}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {table.rows.map((row, r) => (
                <tr class="utrecht-table__row" data-row={row.key}>
                  <th class="utrecht-table__header-cell" scope="row">
                    {row.label}
                  </th>
                  {(table.cells[r] ?? []).map((text) => (
                    <td class="utrecht-table__cell">{text}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      {props.csv ? (
        <p class="utrecht-paragraph hub-no-print">
          <a class="utrecht-link" href={props.csv.href} download>
            {props.csv.label}
            <span class="hub-visually-hidden">: {table.title}</span>
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** What a chart writes for a cell: its number, its marker, or "not shown" for "—". */
function barOf(lang: Lang, label: string, value: number | string | undefined, text: string): Bar {
  return typeof value === "number" ? { label, value, text } : { label, text: text === "—" ? tr(lang, B.chartNotShown) : text };
}

/** Bars for one column of a table, a bar per row. */
export function columnBars(lang: Lang, table: ShownTable, key: string): Bar[] {
  const c = table.columns.findIndex((column) => column.key === key);
  return table.rows.map((row, r) => barOf(lang, row.label, table.values[r]?.[c], table.cells[r]?.[c] ?? "—"));
}

/** Bars for one row of a table (the region's, the last), a bar per column of the given kind. */
export function rowBars(lang: Lang, table: ShownTable, kind: ShownTable["columns"][number]["kind"], r = table.rows.length - 1): Bar[] {
  return table.columns.flatMap((column, c) => (column.kind === kind ? [barOf(lang, column.label, table.values[r]?.[c], table.cells[r]?.[c] ?? "—")] : []));
}

/** A bar chart of some bars of a table, described in words. */
export function TableBarChart(props: { lang: Lang; table: ShownTable; title: string; bars: Bar[] }) {
  const { lang, table } = props;
  return (
    <BarChart
      id={`chart-${table.id}`}
      title={props.title}
      description={`${table.period}. ${describe(props.bars)}. ${tr(lang, B.chartSeeTable)}`}
      bars={props.bars}
    />
  );
}

/** The fixed periods to choose from (a GET form, no free dates: DESIGN §4), on the dashboard and the member report. */
export function PeriodChooser(props: { lang: Lang; action: string; label: Label; periods: readonly string[]; selected: string }) {
  const { lang } = props;
  return (
    <form method="get" action={props.action} class="hub-filters hub-no-print">
      {lang === "en" ? <input type="hidden" name="lang" value="en" /> : null}
      <FilterSelect
        id="periode"
        name="periode"
        label={tr(lang, props.label)}
        options={props.periods.map((p) => ({ value: p, label: periodText(lang, p) }))}
        selected={props.selected}
      />
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        {tr(lang, B.show)}
      </button>
    </form>
  );
}
