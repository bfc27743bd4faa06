// The regional board's dashboard (issue 6 item 3, docs/decisions.md 37): one half-year's protected figures across
// members, a trend over four half-years, the regional annual totals; each chart beside its table, each table as CSV.
// Nothing here links to, filters to or exports a single case: the only choice is a fixed half-year.
import type { BoardDashboard, PeriodId } from "@meldpunt/domain/staff";
import type { Child } from "hono/jsx";
import { ColumnChart, describe } from "../charts";
import { LinkParagraph } from "../form";
import { formatDate, href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { columnBars, rowBars, StatFigure, TableBarChart } from "../stat-figure";
import type { ShownTable } from "../stats-tables";
import { B, periodText } from "../stats-text";
import { fill, T } from "../text";
import { PeriodChooser } from "../stat-figure";

export interface DashboardProps {
  lang: Lang;
  dashboard: BoardDashboard;
  tables: Map<string, ShownTable>;
  /** The half-years to choose from, newest first. */
  periods: PeriodId[];
}

const SIDE_BY_SIDE = ["meldingen", "adviescontacten"];
const DEADLINES = ["wbk-bevestiging", "wbk-terugkoppeling", "doorlooptijden"];
const MIX = ["categorie", "omgang"];
const MORE = ["route", "afsluitreden", "conclusie", "relatie", "melder", "kanaal", "advies-onderwerp", "advies-relatie", "advies-verzuim", "advies-klacht"];

export const dashboardPath = "/bestuur";
export const dashboardCsvPath = (id: string, period: string) => `/bestuur/${id}.csv?periode=${period}`;

export function DashboardPage(props: DashboardProps) {
  const { lang, dashboard, tables } = props;
  const title = tr(lang, B.title);
  const query = `?periode=${dashboard.period}`;
  const figure = (id: string, chart?: (table: ShownTable) => Child, level: 2 | 3 = 3) => {
    const table = tables.get(id);
    if (!table) return null;
    return (
      <StatFigure
        lang={lang}
        table={table}
        level={level}
        chart={chart?.(table)}
        csv={{ href: href(lang, dashboardCsvPath(id, dashboard.period)), label: tr(lang, B.csv) }}
      />
    );
  };
  const rates = (table: ShownTable) => <TableBarChart lang={lang} table={table} title={fill(tr(lang, B.chartRates), { figure: table.title })} bars={columnBars(lang, table, "per-1000-fte")} />;
  const percent = (table: ShownTable) => (
    <TableBarChart lang={lang} table={table} title={`${table.title}: ${table.columns.find((c) => c.kind === "percent")?.label ?? ""}`} bars={columnBars(lang, table, "percentage")} />
  );
  const medians = (table: ShownTable) => <TableBarChart lang={lang} table={table} title={tr(lang, B.chartMedians)} bars={rowBars(lang, table, "median")} />;
  const regionCounts = (table: ShownTable) => (
    <TableBarChart lang={lang} table={table} title={fill(tr(lang, B.chartRegionRow), { figure: table.title })} bars={rowBars(lang, table, "count")} />
  );
  const trend = (table: ShownTable) => {
    const series = ["meldingen.aantal", "adviescontacten.aantal"].map((key) => ({
      name: table.columns.find((c) => c.key === key)?.label ?? key,
      bars: columnBars(lang, table, key),
    }));
    return (
      <ColumnChart
        id="chart-trend"
        title={tr(lang, B.chartTrend)}
        description={`${table.period}. ${series.map((s) => `${s.name}: ${describe(s.bars)}`).join(". ")}. ${tr(lang, B.chartSeeTable)}`}
        groups={table.rows.map((r) => r.label)}
        series={series}
      />
    );
  };

  return (
    <Layout tables lang={lang} title={`${title}: ${periodText(lang, dashboard.period)}`} path={dashboardPath} query={query}>
      <div class="hub-stats hub-stats--wide" data-testid="dashboard">
        <h1 class="utrecht-heading-1">
          {title}: {periodText(lang, dashboard.period)}
        </h1>
        <p class="utrecht-paragraph">{tr(lang, B.intro)}</p>
        <p class="utrecht-paragraph">{fill(tr(lang, B.asOf), { date: formatDate(lang, dashboard.asOf) })}</p>
        <PeriodChooser lang={lang} action={dashboardPath} label={B.periodLabel} periods={props.periods} selected={dashboard.period} />
        <h2 class="utrecht-heading-2">{tr(lang, B.protectionTitle)}</h2>
        <ul class="utrecht-unordered-list">
          {[B.protectionSmall, B.protectionBand, B.protectionDash, B.protectionTracks, B.halfYearsOnly].map((text) => (
            <li class="utrecht-unordered-list__item">{tr(lang, text)}</li>
          ))}
        </ul>
        <p class="utrecht-paragraph hub-no-print">{tr(lang, B.printHint)}</p>

        {figure("trend", trend, 2)}

        <h2 class="utrecht-heading-2">{tr(lang, B.membersTitle)}</h2>
        {SIDE_BY_SIDE.map((id) => figure(id, rates))}

        <h2 class="utrecht-heading-2">{tr(lang, B.wbkTitle)}</h2>
        {DEADLINES.map((id) => figure(id, id === "doorlooptijden" ? medians : percent))}

        <h2 class="utrecht-heading-2">{tr(lang, B.mixTitle)}</h2>
        {MIX.map((id) => figure(id, id === "categorie" ? regionCounts : undefined))}

        <h2 class="utrecht-heading-2">{tr(lang, B.moreTitle)}</h2>
        {MORE.map((id) => figure(id))}

        <h2 class="utrecht-heading-2">{fill(tr(lang, B.annualTitle), { year: dashboard.year })}</h2>
        <p class="utrecht-paragraph">{fill(tr(lang, B.annualIntro), { year: dashboard.year })}</p>
        {["maatregel", "spoor"].map((id) => figure(id))}
        {tables.has("spoor") ? null : <p class="utrecht-paragraph">{fill(tr(lang, B.tracksHidden), { year: dashboard.year })}</p>}

        <div class="hub-no-print">
          <LinkParagraph href={href(lang, "/medewerker")}>{tr(lang, T.backToStaff)}</LinkParagraph>
        </div>
      </div>
    </Layout>
  );
}
