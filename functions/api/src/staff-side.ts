// Every staff page in one sub-app: login, and the operator's, member admins' and desks' pages. The wiring hands it to
// createApp where staff can log in (AppDeps.staffSide), so a deployment without staff login never loads this code.
import type { LibraryStore } from "@meldpunt/domain";
import { Hono } from "hono";
import { adminRoutes } from "./admin-routes";
import type { AppEnv, StaffSideDeps } from "./app";
import { boardRoutes } from "./board-routes";
import { caseRoutes } from "./case-routes";
import { demoPostRoutes } from "./demo-post-routes";
import { deskRoutes } from "./desk-routes";
import { libraryRoutes } from "./library-routes";
import { operatorRoutes } from "./operator-routes";
import { reportRoutes } from "./report-routes";
import { staffRoutes } from "./staff-routes";

/** The casuïstiek library's store, where the wiring has one (the local hub); without it the library's pages are absent. */
export function staffSide(deps: StaffSideDeps & { library?: LibraryStore }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route("/", staffRoutes(deps.auth, deps.region, { demoMail: deps.demoMail !== undefined }));
  // Before the member settings: its /beheer/:member would otherwise catch the operator's /beheer/… pages.
  app.route("/", operatorRoutes(deps.auth, deps.region, deps.auth.staff));
  app.route("/", adminRoutes(deps.auth, deps.region, deps.audit, deps));
  // The board's dashboard and members' own reports: aggregates of case metadata, never a case (decision 37).
  app.route("/", boardRoutes(deps.auth, deps));
  app.route("/", reportRoutes(deps.auth, deps));
  app.route("/", deskRoutes(deps.auth, deps));
  app.route("/", caseRoutes(deps.auth, deps));
  // The casuïstiek library: de-identified descriptions of closed cases, never a link back to one.
  if (deps.library) app.route("/", libraryRoutes(deps.auth, { ...deps, library: deps.library }));
  if (deps.demoMail) app.route("/", demoPostRoutes(deps.auth, deps.region, deps.demoMail));
  return app;
}
