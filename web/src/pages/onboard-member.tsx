// The hub operator onboards a member: its details, for each route a desk of its own or an existing one, and the two
// conflict alternates. The own desks' ids and names are proposed from the member's code and name. No case content.
import { type Desk, type Member, REQUIRED_ROUTES } from "@meldpunt/domain";
import { OWN_DESKS, proposeOwnDesk } from "@meldpunt/domain/staff";
import type { Child } from "hono/jsx";
import { ErrorSummary, type Errors, Field, fieldAria, LinkParagraph, RadioGroup } from "../form";
import { href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { KIND_TEXT, O } from "../staff-text";
import { ALTERNATE_LABELS, fill, ROUTE_LABELS, T } from "../text";

/** The choice "a desk of its own" in a route's select: never a desk id (ids are slugs, without "+"). */
export const OWN_DESK = "+eigen";
/** The choice "its own new bestuurlijk desk" in an alternate's select. */
export const OWN_BESTUURLIJK = "+eigen-bestuurlijk";

type RouteKey = keyof Member["routes"];

export interface OnboardMemberProps {
  lang: Lang;
  desks: Desk[];
  csrf: string;
  /** What was posted, kept after a refusal. */
  values?: Partial<Record<string, string>>;
  errors?: Errors;
}

export function OnboardMemberPage(props: OnboardMemberProps) {
  const { lang } = props;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const desks = [...props.desks].sort((a, b) => a.name.localeCompare(b.name, "nl"));
  const intake = desks.filter((d) => d.type === "intake");
  const proposalFor = { id: values.id ?? tr(lang, O.codePlaceholder), name: values.name ?? tr(lang, O.namePlaceholder) };
  const option = (value: string, label: string, field: string, fallback?: string) => (
    <option value={value} selected={(values[field] ?? fallback) === value}>
      {label}
    </option>
  );
  const select = (field: string, children: Child) => (
    <select class="utrecht-select utrecht-select--html-select" id={field} name={field} {...fieldAria(field, errors, false)}>
      {children}
    </select>
  );
  const title = tr(lang, O.onboardTitle);
  return (
    <Layout lang={lang} title={title} path="/beheer/aansluiten" hasErrors={Object.keys(errors).length > 0}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      <p class="utrecht-paragraph">{tr(lang, O.onboardIntro)}</p>
      <form id="form" method="post" action={href(lang, "/beheer/aansluiten")} novalidate>
        <input type="hidden" name="csrf" value={props.csrf} />
        <h2 class="utrecht-heading-2">{tr(lang, O.detailsTitle)}</h2>
        <Field field="id" label={tr(lang, O.idLabel)} hint={tr(lang, O.idHint)} errors={errors}>
          <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id="id" name="id" value={values.id ?? ""} autocomplete="off" spellcheck={false} {...fieldAria("id", errors, true)} />
        </Field>
        <Field field="name" label={tr(lang, O.memberNameLabel)} hint={tr(lang, O.memberNameHint)} errors={errors}>
          <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id="name" name="name" value={values.name ?? ""} {...fieldAria("name", errors, true)} />
        </Field>
        <RadioGroup
          field="kind"
          legend={tr(lang, O.kindLegend)}
          options={(["gemeente", "gr"] as const).map((kind) => ({ value: kind, label: tr(lang, KIND_TEXT[kind]) }))}
          checked={values.kind ?? "gemeente"}
          errors={errors}
        />
        <Field field="fte" label={tr(lang, T.fteLabel)} hint={tr(lang, T.fteHint)} errors={errors}>
          <input class="utrecht-textbox utrecht-textbox--html-input" type="number" id="fte" name="fte" min="0" max="100000" value={values.fte ?? ""} {...fieldAria("fte", errors, true)} />
        </Field>
        <Field field="retentionYears" label={tr(lang, T.retentionLabel)} errors={errors}>
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            type="number"
            id="retentionYears"
            name="retentionYears"
            min="1"
            max="100"
            value={values.retentionYears ?? "10"}
            {...fieldAria("retentionYears", errors, false)}
          />
        </Field>

        <h2 class="utrecht-heading-2">{tr(lang, O.routesTitle)}</h2>
        {(Object.keys(OWN_DESKS) as RouteKey[]).map((route) => {
          const routeField = `routes.${route}`;
          const nameField = `names.${route}`;
          const proposal = proposeOwnDesk(proposalFor, route);
          const legend = REQUIRED_ROUTES.gr.includes(route) ? tr(lang, ROUTE_LABELS[route]) : fill(tr(lang, O.onlyGemeente), { route: tr(lang, ROUTE_LABELS[route]) });
          return (
            <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
              <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
              <Field field={routeField} label={tr(lang, O.deskLabel)} errors={errors}>
                {select(routeField, [
                  option(OWN_DESK, tr(lang, O.ownDesk), routeField, OWN_DESK),
                  ...desks.filter((d) => d.type === OWN_DESKS[route].type).map((d) => option(d.id, d.name, routeField)),
                ])}
              </Field>
              <Field field={nameField} label={tr(lang, O.ownDeskName)} hint={fill(tr(lang, O.ownDeskHint), proposal)} errors={errors}>
                <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id={nameField} name={nameField} value={values[nameField] ?? ""} {...fieldAria(nameField, errors, true)} />
              </Field>
            </fieldset>
          );
        })}

        <h2 class="utrecht-heading-2">{tr(lang, O.alternatesTitle)}</h2>
        <p class="utrecht-paragraph">{tr(lang, O.alternatesIntro)}</p>
        {ALTERNATE_LABELS.map(([field, label]) => (
          <Field field={field} label={tr(lang, label)} errors={errors}>
            {select(field, [
              ...intake.map((d) => option(d.id, d.name, field, intake[0]?.id)),
              option(OWN_BESTUURLIJK, tr(lang, O.ownBestuurlijk), field),
              ...desks.filter((d) => d.type !== "intake").map((d) => option(d.id, d.name, field)),
            ])}
          </Field>
        ))}
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {tr(lang, O.onboardButton)}
        </button>
      </form>
      <LinkParagraph href={href(lang, "/beheer/organisaties")}>{tr(lang, O.backToMembers)}</LinkParagraph>
    </Layout>
  );
}
