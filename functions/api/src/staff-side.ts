// Every staff page in one sub-app: login, and the operator's, member admins' and desks' pages. The wiring hands it to
// createApp where staff can log in (AppDeps.staffSide), so a deployment without staff login never loads this code.
import { Hono } from "hono";
import { adminRoutes } from "./admin-routes";
import type { AppEnv, StaffSideDeps } from "./app";
import { caseRoutes } from "./case-routes";
import { demoPostRoutes } from "./demo-post-routes";
import { deskRoutes } from "./desk-routes";
import { operatorRoutes } from "./operator-routes";
import { staffRoutes } from "./staff-routes";

export function staffSide(deps: StaffSideDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route("/", staffRoutes(deps.auth, deps.region, { demoMail: deps.demoMail !== undefined }));
  // Before the member settings: its /beheer/:member would otherwise catch the operator's /beheer/… pages.
  app.route("/", operatorRoutes(deps.auth, deps.region, deps.auth.staff));
  app.route("/", adminRoutes(deps.auth, deps.region, deps.audit));
  app.route("/", deskRoutes(deps.auth, deps));
  app.route("/", caseRoutes(deps.auth, deps));
  if (deps.demoMail) app.route("/", demoPostRoutes(deps.auth, deps.region, deps.demoMail));
  return app;
}
