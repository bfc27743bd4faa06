// A member's configuration for its member admin (edit) and the hub operator (view): routes, alternates, the routing
// table that results, and a routing question to try. Rights come from `can` through requireStaff; no case content.
import {
  type AuditLog,
  ConfigurationError,
  type FileInspector,
  type Label,
  type LogoRef,
  type Member,
  type MemberLogos,
  NotFoundError,
  type RegionStore,
  RoutingQuestionSchema,
  routeReport,
  routingTable,
  ValidationError,
} from "@meldpunt/domain";
import { can, saveMemberConfig, setMemberLogo } from "@meldpunt/domain/staff";
import { type Errors, errorsByField, type Lang, tr } from "@meldpunt/web";
import { AuditTrailPage, MemberConfigPage, type MemberConfigProps } from "@meldpunt/web/staff";
import { type Context, Hono } from "hono";
import * as z from "zod/mini";
import { toProblem } from "./http-errors";
import { requireStaff, type StaffAuth, type StaffVariables } from "./require-staff";
import { formFiles, formList, formText, limitForm, page } from "./respond";

type Env = { Variables: StaffVariables & { lang: Lang } };

const ROUTE_FIELDS = ["routes.vp", "routes.integriteit", "routes.bestuurlijk", "routes.burgemeester"] as const;
const ALTERNATE_FIELDS = ["alternates.receivingDesk", "alternates.gemeentesecretaris"] as const;
const CONFIG_FIELDS = ["version", "name", "fte", "retentionYears", "theme.primaryColor", "allowNamingInLibrary", ...ROUTE_FIELDS, ...ALTERNATE_FIELDS] as const;

export function adminRoutes(auth: StaffAuth, region: RegionStore, audit: AuditLog, logoDeps: { region: RegionStore; logos: MemberLogos; inspector: FileInspector }): Hono<Env> {
  const app = new Hono<Env>();
  const member = (c: Context) => c.req.param("member") ?? "";
  const auditor = requireStaff({ auth, region, right: (c) => ({ action: "view-audit-trail", scope: { member: member(c) } }) });

  // The organisation's audit trail: ids and codes only, newest first; `?controleer=1` verifies the whole chain.
  app.get("/beheer/:member/logboek", auditor, async (c) => {
    const found = await region.getMember(member(c));
    if (!found) throw new NotFoundError();
    const cursor = c.req.query("verder");
    const [page_, verdict] = await Promise.all([
      audit.list(found.id, { limit: 100, ...(cursor ? { cursor } : {}) }),
      c.req.query("controleer") === "1" ? audit.verify(found.id) : undefined,
    ]);
    return page(c, <AuditTrailPage lang={c.get("lang")} member={found} entries={page_.items} cursor={page_.cursor} verdict={verdict} />);
  });
  const view = requireStaff({ auth, region, right: (c) => ({ action: "view-member-config", scope: { member: member(c) } }) });
  const edit = requireStaff({ auth, region, right: (c) => ({ action: "edit-member-config", scope: { member: member(c) } }) });

  async function render(c: Context<Env>, extra: Partial<MemberConfigProps> & { member?: Member }, status: 200 | 400 | 409 = 200) {
    const [members, desks] = await Promise.all([region.listMembers(), region.listDesks()]);
    const current = members.find((m) => m.id === member(c));
    // The hub's own tenant is configured by the operator's onboarding, not here.
    if (!current || current.kind === "regio") throw new NotFoundError();
    const { record, session } = c.get("staff");
    const shown = extra.member ?? current;
    return page(
      c,
      <MemberConfigPage
        lang={c.get("lang")}
        member={shown}
        desks={desks}
        table={routingTable(current, { members, desks })}
        csrf={session.csrf}
        canEdit={can(record, "edit-member-config", { member: current.id }, { desks })}
        {...extra}
      />,
      status,
    );
  }

  app.get("/beheer/:member", view, (c) => render(c, { saved: c.req.query("opgeslagen") === "1" }));

  app.post("/beheer/:member", limitForm, edit, async (c) => {
    const lang = c.get("lang");
    const form = await formText(c, [...CONFIG_FIELDS]);
    const measures = await formList(c, "measures");
    const current = await region.getMember(member(c));
    if (!current || current.kind === "regio") throw new NotFoundError();
    const edited: Member = {
      ...current,
      name: form.name ?? "",
      fte: Number(form.fte),
      retentionYears: Number(form.retentionYears),
      routes: {
        vp: form["routes.vp"],
        integriteit: form["routes.integriteit"] ?? "",
        bestuurlijk: form["routes.bestuurlijk"],
        burgemeester: form["routes.burgemeester"],
      },
      alternates: { receivingDesk: form["alternates.receivingDesk"], gemeentesecretaris: form["alternates.gemeentesecretaris"] },
      measures: measures as Member["measures"],
      // The logo is set on a form of its own (below): this one keeps it.
      theme: themeOf(form["theme.primaryColor"], current.theme?.logo),
      // An unticked box sends nothing: naming is allowed only while the box is ticked (decision 36).
      allowNamingInLibrary: form.allowNamingInLibrary === "ja",
      // The version the form was made from: someone else's save in between makes this one a conflict.
      version: Number(form.version) + 1,
    };
    try {
      await saveMemberConfig(region, edited);
    } catch (error) {
      const errors = fieldErrors(lang, error);
      if (!errors) throw error;
      return render(c, { member: edited, errors }, toProblem(error).status as 400 | 409);
    }
    return c.redirect(`/beheer/${current.id}?opgeslagen=1${lang === "en" ? "&lang=en" : ""}`, 303);
  });

  // The member's logo (docs/decisions.md 28): a small image checked by content; `verwijderen` removes it.
  app.post("/beheer/:member/logo", limitForm, edit, async (c) => {
    const lang = c.get("lang");
    const { version, verwijderen } = await formText(c, ["version", "verwijderen"]);
    const [file] = await formFiles(c, "logo");
    const current = await region.getMember(member(c));
    if (!current || current.kind === "regio") throw new NotFoundError();
    if (!verwijderen && !file) return render(c, { errors: { logo: tr(lang, NO_LOGO) } }, 400);
    try {
      await setMemberLogo(logoDeps, current.id, { version: Number(version), ...(verwijderen ? {} : { bytes: file?.bytes }) });
    } catch (error) {
      const errors = fieldErrors(lang, error);
      if (!errors) throw error;
      return render(c, { errors }, toProblem(error).status as 400 | 409);
    }
    return c.redirect(`/beheer/${current.id}?opgeslagen=1${lang === "en" ? "&lang=en" : ""}`, 303);
  });

  app.post("/beheer/:member/proberen", limitForm, view, async (c) => {
    const form = await formText(c, ["wants", "category", "role"]);
    const question = z.safeParse(RoutingQuestionSchema, {
      member: member(c),
      wants: form.wants,
      category: form.category,
      persons: form.role ? [{ relation: "onbekend", role: form.role }] : [],
    });
    if (!question.success) throw new ValidationError([{ field: "wants", message: { nl: "Kies een van de mogelijkheden.", en: "Choose one of the options." } }]);
    const [members, desks] = await Promise.all([region.listMembers(), region.listDesks()]);
    const route = routeReport(question.data, { members, desks });
    return render(c, { trial: { wants: question.data.wants, category: question.data.category, role: form.role, route } });
  });

  return app;
}

const NO_LOGO: Label = { nl: "Kies een afbeelding om als logo op te slaan.", en: "Choose an image to save as the logo." };

/** The theme as the settings form leaves it: its colour, and the logo it had. */
function themeOf(primaryColor: string | undefined, logo: LogoRef | undefined): Member["theme"] {
  return primaryColor || logo ? { ...(primaryColor ? { primaryColor } : {}), ...(logo ? { logo } : {}) } : undefined;
}

/** A refused configuration as messages at its fields; undefined for any other error (it goes to the error page). */
function fieldErrors(lang: Lang, error: unknown): Errors | undefined {
  if (error instanceof ConfigurationError) {
    const field = (route: string) => (route.startsWith("alternates.") ? route : route === "desk" ? "form" : `routes.${route}`);
    return Object.fromEntries(error.problems.map((p) => [field(p.route), p.message[lang]]));
  }
  if (error instanceof ValidationError) return errorsByField(lang, error.issues);
  return undefined;
}
