// A member's own jaarverslag and half-year report (issue 6 item 4, docs/decisions.md 37): its exact figures with the
// period before, from its cases' metadata only; a page and one CSV. Its admin's right (`view-member-report`).
import { type CaseStore, type Clock, NotFoundError, type RegionStore } from "@meldpunt/domain";
import { defaultReportPeriod, loadCaseFacts, memberReport, memberReportPeriods, reportPeriodOptions } from "@meldpunt/domain/staff";
import type { Lang } from "@meldpunt/web";
import { MemberReportPage, reportCsv, reportTables } from "@meldpunt/web/staff";
import { type Context, Hono } from "hono";
import { csvResponse } from "./csv";
import { requireStaff, type StaffAuth, type StaffVariables } from "./require-staff";
import { page } from "./respond";

type Env = { Variables: StaffVariables & { lang: Lang } };

export interface ReportDeps {
  region: RegionStore;
  cases: Pick<CaseStore, "listCaseFacts">;
  clock: Clock;
}

export function reportRoutes(auth: StaffAuth, deps: ReportDeps): Hono<Env> {
  const app = new Hono<Env>();
  const member = (c: Context) => c.req.param("member") ?? "";
  const reporter = requireStaff({ auth, region: deps.region, right: (c) => ({ action: "view-member-report", scope: { member: member(c) } }) });

  /** The report of the period asked for (`?periode=2026` or `2026-H1`), by default last year. */
  async function report(c: Context<Env>) {
    const now = deps.clock.now();
    const found = await deps.region.getMember(member(c));
    // The hub's own tenant publishes no report of its own: its cases are the region's until forwarded.
    if (!found || found.kind === "regio") throw new NotFoundError();
    const period = c.req.query("periode") || defaultReportPeriod(now);
    const periods = memberReportPeriods(period);
    const cases = await loadCaseFacts(deps.cases, [found.id], await deps.region.listDesks(), periods);
    const built = memberReport({ cases, member: found, period, asOf: now });
    return { found, built, tables: reportTables(c.get("lang"), built), now };
  }

  app.get("/beheer/:member/verslag", reporter, async (c) => {
    const { found, built, tables, now } = await report(c);
    return page(c, <MemberReportPage lang={c.get("lang")} member={found} report={built} tables={tables} periods={reportPeriodOptions(now)} />);
  });

  app.get("/beheer/:member/verslag.csv", reporter, async (c) => {
    const { found, built, tables } = await report(c);
    return csvResponse(c, `verslag-${found.id}-${built.period}.csv`, reportCsv(c.get("lang"), built, tables));
  });

  return app;
}
