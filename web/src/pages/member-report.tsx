// A member's own jaarverslag or half-year report (issue 6 item 4, docs/decisions.md 37): its exact figures in the tables
// integrity bureaus and confidential advisors publish, with the period before beside them; printable, and one CSV.
import type { Member } from "@meldpunt/domain";
import type { MemberReport, PeriodId } from "@meldpunt/domain/staff";
import { LinkParagraph } from "../form";
import { formatDate, href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { PeriodChooser, StatFigure } from "../stat-figure";
import type { ShownTable } from "../stats-tables";
import { periodText, R } from "../stats-text";
import { fill, T } from "../text";

export interface MemberReportProps {
  lang: Lang;
  member: Pick<Member, "id" | "name">;
  report: MemberReport;
  tables: ShownTable[];
  /** The periods to choose from, newest first. */
  periods: PeriodId[];
}

export const memberReportPath = (member: string) => `/beheer/${member}/verslag`;
export const memberReportCsvPath = (member: string, period: string) => `/beheer/${member}/verslag.csv?periode=${period}`;

export function MemberReportPage(props: MemberReportProps) {
  const { lang, member, report } = props;
  const path = memberReportPath(member.id);
  const annual = !report.period.includes("-H");
  const title = fill(tr(lang, annual ? R.titleYear : R.titleHalf), { period: periodText(lang, report.period), member: member.name });
  return (
    <Layout tables lang={lang} title={title} path={path} query={`?periode=${report.period}`}>
      <div class="hub-stats" data-testid="member-report">
        <h1 class="utrecht-heading-1">{title}</h1>
        <p class="utrecht-paragraph">{tr(lang, R.intro)}</p>
        <p class="utrecht-paragraph">{fill(tr(lang, R.asOf), { date: formatDate(lang, report.asOf) })}</p>
        <div class="utrecht-alert utrecht-alert--warning hub-no-print" role="note">
          <p class="utrecht-paragraph">{tr(lang, R.smallWarning)}</p>
        </div>
        <PeriodChooser lang={lang} action={path} label={R.periodLabel} periods={props.periods} selected={report.period} />
        <p class="utrecht-paragraph hub-no-print">{tr(lang, R.printHint)}</p>
        <div class="hub-no-print">
          <LinkParagraph href={href(lang, memberReportCsvPath(member.id, report.period))}>{tr(lang, R.csv)}</LinkParagraph>
        </div>
        {props.tables.map((table) => (
          <StatFigure lang={lang} table={table} level={2} />
        ))}
        <div class="hub-no-print">
          <LinkParagraph href={href(lang, "/medewerker")}>{tr(lang, T.backToStaff)}</LinkParagraph>
        </div>
      </div>
    </Layout>
  );
}
