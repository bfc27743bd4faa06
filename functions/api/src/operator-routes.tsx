// The hub operator's pages: the members and their desks, onboarding a member, and staff assignments. Every route
// needs the right "onboard-member" (the operator's, docs/decisions.md 16); none of them shows case content.
import { type ConfigProblem, ConfigurationError, type RegionStore, ValidationError } from "@meldpunt/domain";
import { onboardMember, type StaffStore, saveStaffMember } from "@meldpunt/domain/staff";
import { type Errors, errorsByField, href, type Lang } from "@meldpunt/web";
import { OnboardMemberPage, type OnboardMemberProps, OperatorMembersPage, StaffListPage, type StaffListProps } from "@meldpunt/web/staff";
import { type Context, Hono } from "hono";
import { toProblem } from "./http-errors";
import { ONBOARDING_FIELDS, onboardingFromForm } from "./onboarding-form";
import { requireStaff, type StaffAuth, type StaffVariables } from "./require-staff";
import { formText, limitForm, page } from "./respond";

type Env = { Variables: StaffVariables & { lang: Lang } };

const STAFF_FIELDS = ["id", "name", "email", "role", "desk", "member"] as const;

export function operatorRoutes(auth: StaffAuth, region: RegionStore, staffStore: StaffStore): Hono<Env> {
  const app = new Hono<Env>();
  const operator = requireStaff({ auth, region, right: () => ({ action: "onboard-member", scope: {} }) });

  app.get("/beheer/organisaties", operator, async (c) => {
    const [members, desks] = await Promise.all([region.listMembers(), region.listDesks()]);
    return page(c, <OperatorMembersPage lang={c.get("lang")} members={members} desks={desks} />);
  });

  async function renderOnboarding(c: Context<Env>, extra: Partial<OnboardMemberProps> = {}, status: 200 | 400 = 200) {
    const desks = await region.listDesks();
    return page(c, <OnboardMemberPage lang={c.get("lang")} desks={desks} csrf={c.get("staff").session.csrf} {...extra} />, status);
  }

  app.get("/beheer/aansluiten", operator, (c) => renderOnboarding(c));

  app.post("/beheer/aansluiten", limitForm, operator, async (c) => {
    const lang = c.get("lang");
    const form = await formText(c, ONBOARDING_FIELDS);
    try {
      await onboardMember(region, onboardingFromForm(form));
    } catch (error) {
      const errors = onboardingErrors(lang, error, form.id);
      if (!errors) throw error;
      return renderOnboarding(c, { values: form, errors }, toProblem(error).status as 400);
    }
    return c.redirect(href(lang, `/beheer/${form.id}?opgeslagen=1`), 303);
  });

  async function renderStaff(c: Context<Env>, extra: Partial<StaffListProps> = {}, status: 200 | 400 = 200) {
    const [staff, members, desks] = await Promise.all([staffStore.listStaff(), region.listMembers(), region.listDesks()]);
    return page(c, <StaffListPage lang={c.get("lang")} staff={staff} members={members} desks={desks} csrf={c.get("staff").session.csrf} {...extra} />, status);
  }

  app.get("/beheer/medewerkers", operator, (c) => renderStaff(c, { saved: c.req.query("opgeslagen") === "1" }));

  app.post("/beheer/medewerkers", limitForm, operator, async (c) => {
    const lang = c.get("lang");
    const form = await formText(c, [...STAFF_FIELDS]);
    // One role per form; the schema keeps only what that role needs (a desk or a member).
    const role = { role: form.role, desk: form.desk, member: form.member };
    try {
      await saveStaffMember(staffStore, region, { id: form.id, name: form.name, email: form.email, roles: [role] });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // The form's one role is `roles.0`: its parts are the form's fields role, desk and member.
      const issues = error.issues.map((issue) => ({ ...issue, field: issue.field.replace(/^roles\.0\./, "") }));
      return renderStaff(c, { values: form, errors: errorsByField(lang, issues) }, toProblem(error).status as 400);
    }
    return c.redirect(href(lang, "/beheer/medewerkers?opgeslagen=1"), 303);
  });

  return app;
}

/** A refused onboarding as messages at its fields; undefined for any other error (it goes to the error page). */
function onboardingErrors(lang: Lang, error: unknown, memberId: string | undefined): Errors | undefined {
  if (error instanceof ConfigurationError) return Object.fromEntries(error.problems.map((p) => [problemField(p, memberId), p.message[lang]]));
  if (error instanceof ValidationError) {
    // The member's fields are the form's (`member.routes.vp` is `routes.vp`); anything else, such as a desk id the form
    // never offered, is shown for the form as a whole.
    const fieldOf = (field: string) => {
      const own = field.replace(/^member\./, "");
      return ONBOARDING_FIELDS.includes(own) ? own : "form";
    };
    return errorsByField(lang, error.issues.map((issue) => ({ ...issue, field: fieldOf(issue.field) })));
  }
  return undefined;
}

/** Where a region problem shows: desk-level ones concern the codes made from the member's code; other members' at the form. */
function problemField(problem: ConfigProblem, memberId: string | undefined): string {
  if (problem.route === "desk") return "id";
  if (problem.member !== memberId) return "form";
  return problem.route.startsWith("alternates.") ? problem.route : `routes.${problem.route}`;
}
