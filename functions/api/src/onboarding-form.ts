// The onboarding form read as the domain's onboarding (a member and the desks it brings). Problems the form itself
// shows (a missing choice, a wrong code, a too-long name) are refused here at their fields; whether the region stays
// valid with the new member is the domain's question (onboardMember).
import {
  DeskSchema,
  type FieldIssue,
  type Label,
  MeasureSchema,
  type Member,
  MemberSchema,
  parseOrThrow,
  REQUIRED_ROUTES,
  ValidationError,
} from "@meldpunt/domain";
import { OWN_DESKS, proposeOwnDesk } from "@meldpunt/domain/staff";
import { OWN_BESTUURLIJK, OWN_DESK } from "@meldpunt/web/staff";
import * as z from "zod/mini";

type RouteKey = keyof Member["routes"];
const ROUTES = Object.keys(OWN_DESKS) as RouteKey[];
const ALTERNATES = ["receivingDesk", "gemeentesecretaris"] as const;

export const ONBOARDING_FIELDS = [
  "id",
  "name",
  "kind",
  "fte",
  "retentionYears",
  ...ROUTES.flatMap((route) => [`routes.${route}`, `names.${route}`]),
  ...ALTERNATES.map((name) => `alternates.${name}`),
];

/** The operator's own pages under /beheer/ (operator-routes.tsx): a member with such a code would have no settings page. */
export const RESERVED_CODES = ["organisaties", "aansluiten", "medewerkers"];

const MESSAGES: Record<string, Label> = {
  id: {
    nl: "Gebruik kleine letters, cijfers en streepjes (hoogstens 40 tekens), bijvoorbeeld schagen.",
    en: "Use lower-case letters, digits and hyphens (at most 40 characters), for example schagen.",
  },
  kind: { nl: "Kies gemeente of gemeenschappelijke regeling.", en: "Choose municipality or joint body." },
  fte: { nl: "Vul het aantal fte in: een getal van 0 tot 100.000.", en: "Fill in the headcount: a number from 0 to 100,000." },
  retentionYears: { nl: "Vul een bewaartermijn in van 1 tot 100 jaar.", en: "Fill in a retention period from 1 to 100 years." },
};
const CHOOSE_DESK: Label = { nl: "Kies een balie.", en: "Choose a desk." };
const CODE_TAKEN: Label = { nl: "Deze code is een pagina van het meldpunt. Kies een andere.", en: "This code is a page of the hub. Choose another one." };
const DeskNameSchema = z.pick(DeskSchema, { name: true });
/** What the form asks about the member itself; its routes are checked with the region (onboardMember). Never `regio`. */
const DetailsSchema = z.extend(z.pick(MemberSchema, { id: true, name: true, fte: true, retentionYears: true }), { kind: z.enum(["gemeente", "gr"]) });

/** The issues parseOrThrow finds, each moved to the form field `field` names. */
function issuesOf(schema: z.ZodMiniType, value: unknown, field: (name: string) => string, messages?: Record<string, Label>): FieldIssue[] {
  try {
    parseOrThrow(schema, value, messages);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.issues.map((issue) => ({ ...issue, field: field(issue.field) }));
  }
}

/** The member and its own desks as the form describes them, or a ValidationError with a message at each field. */
export function onboardingFromForm(form: Partial<Record<string, string>>): { member: unknown; desks: unknown[] } {
  const id = form.id ?? "";
  const name = form.name ?? "";
  const issues: FieldIssue[] = [];
  if (RESERVED_CODES.includes(id)) issues.push({ field: "id", message: CODE_TAKEN });

  const routes: Partial<Record<RouteKey, string>> = {};
  const desks: unknown[] = [];
  // A joint body has no bestuurlijk or burgemeester route: what the form says about them is not used.
  for (const route of REQUIRED_ROUTES[form.kind === "gr" ? "gr" : "gemeente"]) {
    const choice = form[`routes.${route}`];
    if (!choice) issues.push({ field: `routes.${route}`, message: CHOOSE_DESK });
    if (choice !== OWN_DESK) {
      routes[route] = choice;
      continue;
    }
    const proposal = proposeOwnDesk({ id, name }, route);
    const desk = { ...proposal, name: form[`names.${route}`] ?? proposal.name, owner: id, serves: [id], version: 1 };
    issues.push(...issuesOf(DeskNameSchema, desk, () => `names.${route}`));
    desks.push(desk);
    routes[route] = desk.id;
  }

  const alternate = (value: string | undefined) => (value === OWN_BESTUURLIJK ? proposeOwnDesk({ id, name }, "bestuurlijk").id : value);
  const member = {
    id,
    name,
    kind: form.kind,
    fte: Number(form.fte),
    retentionYears: Number(form.retentionYears),
    routes,
    alternates: Object.fromEntries(ALTERNATES.map((key) => [key, alternate(form[`alternates.${key}`])])),
    // Every measure to begin with; the member's admin narrows the list on the settings page.
    measures: [...MeasureSchema.options],
    version: 1,
  };
  issues.push(...issuesOf(DetailsSchema, member, (field) => field, MESSAGES));

  if (issues.length > 0) {
    // One message per field, in the order of the form.
    const first = issues.filter((issue, i) => issues.findIndex((other) => other.field === issue.field) === i);
    throw new ValidationError(first.sort((a, b) => ONBOARDING_FIELDS.indexOf(a.field) - ONBOARDING_FIELDS.indexOf(b.field)));
  }
  return { member, desks };
}
