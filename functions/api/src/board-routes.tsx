// The regional board's dashboard (issue 6 item 3, docs/decisions.md 37): the region's case metadata, never content,
// through the protected cross-member views; a page and a CSV per table, for one fixed half-year. No route here takes
// a case id, and no page or file links to one.
import { type CaseStore, type Clock, NotFoundError, type RegionStore } from "@meldpunt/domain";
import {
  boardDashboard,
  boardHalfYears,
  boardPeriodOptions,
  boardRowOrder,
  defaultBoardPeriod,
  FIGURES,
  loadHalfYearTallies,
  type StatisticsSnapshots,
} from "@meldpunt/domain/staff";
import { type Lang, tr } from "@meldpunt/web";
import { BoardText, DashboardPage, dashboardTables, tableCsv } from "@meldpunt/web/staff";
import { type Context, Hono } from "hono";
import { csvResponse } from "./csv";
import { requireStaff, type StaffAuth, type StaffVariables } from "./require-staff";
import { page } from "./respond";

type Env = { Variables: StaffVariables & { lang: Lang } };

export interface BoardDeps {
  region: RegionStore;
  cases: Pick<CaseStore, "listCaseFacts">;
  /** The statistics job's counts; what it has not counted is counted from the cases meanwhile. */
  statistics: StatisticsSnapshots;
  clock: Clock;
}

export function boardRoutes(auth: StaffAuth, deps: BoardDeps): Hono<Env> {
  const app = new Hono<Env>();
  const board = requireStaff({ auth, region: deps.region, right: () => ({ action: "view-board-dashboard", scope: {} }) });

  /** The dashboard of the half-year asked for (`?periode=2026-H1`), by default the last one that has ended. */
  async function dashboard(c: Context<Env>) {
    const now = deps.clock.now();
    const period = c.req.query("periode") || defaultBoardPeriod(now);
    const halfYears = boardHalfYears(period);
    const [members, desks] = await Promise.all([deps.region.listMembers(), deps.region.listDesks()]);
    const { tallies, asOf } = await loadHalfYearTallies(
      { cases: deps.cases, snapshots: deps.statistics, clock: deps.clock },
      members.map((m) => m.id),
      desks,
      halfYears,
    );
    // The hub's own tenant holds the reports whose organisation is not known yet: named as such, not as the hub.
    const rows = boardRowOrder(members).map((m) => (m.kind === "regio" ? { ...m, name: tr(c.get("lang"), BoardText.hubTenant) } : m));
    const built = boardDashboard({ tallies, members: rows, period, asOf });
    return { built, tables: dashboardTables(c.get("lang"), built), now };
  }

  app.get("/bestuur", board, async (c) => {
    const { built, tables, now } = await dashboard(c);
    return page(c, <DashboardPage lang={c.get("lang")} dashboard={built} tables={tables} periods={boardPeriodOptions(now)} />);
  });

  app.get("/bestuur/:file{[a-z0-9-]{1,40}\\.csv}", board, async (c) => {
    const id = c.req.param("file").slice(0, -".csv".length);
    if (id !== "trend" && !FIGURES.some((f) => f.id === id)) throw new NotFoundError();
    const { built, tables } = await dashboard(c);
    const table = tables.get(id);
    if (!table) throw new NotFoundError();
    return csvResponse(c, `regio-${id}-${built.period}.csv`, tableCsv(c.get("lang"), table));
  });

  return app;
}
