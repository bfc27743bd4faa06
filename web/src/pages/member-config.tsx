// A member's configuration for its admin and the hub operator: details, routes, the routing table that results, and a
// routing question to try. Never any case content.
import {
  CATEGORY_CODES,
  type Desk,
  MeasureSchema,
  type Member,
  ROUTE_DESK_TYPES,
  Roles,
  type Route,
  type RoutingTableRow,
  logoPath,
  TAXONOMY,
  Tracks,
  Wishes,
} from "@meldpunt/domain";
import { CheckboxGroup, ErrorSummary, type Errors, Field, fieldAria, RadioGroup } from "../form";
import { href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { ALTERNATE_LABELS, fill, MEASURE_TEXT, ROUTE_LABELS, T, WANTS_TEXT } from "../text";

export interface MemberConfigProps {
  lang: Lang;
  member: Member;
  desks: Desk[];
  table: RoutingTableRow[];
  csrf: string;
  canEdit: boolean;
  saved?: boolean;
  errors?: Errors;
  trial?: { wants: string; category: string; role?: string; route: Route };
}

type RouteKey = keyof Member["routes"];
const ROUTES = Object.keys(ROUTE_LABELS) as RouteKey[];

export function MemberConfigPage(props: MemberConfigProps) {
  const { lang, member, desks } = props;
  const errors = props.errors ?? {};
  const path = `/beheer/${member.id}`;
  const deskName = (id: string | undefined) => desks.find((d) => d.id === id)?.name ?? tr(lang, T.noRoute);
  const deskSelect = (name: string, selected: string | undefined, types: Desk["type"][] | undefined, optional: boolean) => (
    <select class="utrecht-select utrecht-select--html-select" id={name} name={name} {...fieldAria(name, errors, false)}>
      {optional ? <option value="">{tr(lang, T.noRoute)}</option> : null}
      {desks
        .filter((d) => !types || types.includes(d.type))
        .map((d) => (
          <option value={d.id} selected={d.id === selected}>
            {d.name}
          </option>
        ))}
    </select>
  );
  return (
    <Layout tables lang={lang} title={fill(tr(lang, T.configTitle), { member: member.name })} path={path} hasErrors={Object.keys(errors).length > 0}>
      <h1 class="utrecht-heading-1">{fill(tr(lang, T.configTitle), { member: member.name })}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      {props.saved ? (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="utrecht-paragraph">{tr(lang, T.configSaved)}</p>
        </div>
      ) : null}
      <p class="utrecht-paragraph">{tr(lang, T.configIntro)}</p>

      <h2 class="utrecht-heading-2">{tr(lang, T.routingTableTitle)}</h2>
      <table class="utrecht-table hub-table">
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, T.situationHeader)}</th>
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, T.deskHeader)}</th>
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, T.trackHeader)}</th>
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, T.whyHeader)}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.table.map((row) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">{tr(lang, row.question)}</th>
              <td class="utrecht-table__cell">{row.route.desk.name}</td>
              <td class="utrecht-table__cell">{tr(lang, Tracks.labels[row.route.track])}</td>
              <td class="utrecht-table__cell">{row.route.reasons.map((r) => tr(lang, r)).join(" ")}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 class="utrecht-heading-2">{tr(lang, T.tryTitle)}</h2>
      <form method="post" action={`${path}/proberen${lang === "en" ? "?lang=en" : ""}`}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <RadioGroup
          field="wants"
          legend={tr(lang, T.wantsLegend)}
          options={Wishes.codes.map((code) => ({ value: code, label: tr(lang, WANTS_TEXT[code]) }))}
          checked={props.trial?.wants ?? "melding"}
          errors={errors}
        />
        <Field field="category" label={tr(lang, T.categoryLegend)} errors={errors}>
          <select class="utrecht-select utrecht-select--html-select" id="category" name="category">
            {CATEGORY_CODES.map((code) => (
              <option value={code} selected={props.trial?.category === code}>
                {tr(lang, TAXONOMY[code].label)}
              </option>
            ))}
          </select>
        </Field>
        <Field field="role" label={tr(lang, T.roleLabel)} errors={errors}>
          <select class="utrecht-select utrecht-select--html-select" id="role" name="role">
            <option value="">{tr(lang, T.rolePlaceholder)}</option>
            {Roles.codes.map((code) => (
              <option value={code} selected={props.trial?.role === code}>
                {tr(lang, Roles.labels[code])}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {tr(lang, T.tryButton)}
        </button>
      </form>
      {props.trial ? (
        <div class="utrecht-alert utrecht-alert--info" role="status">
          <p class="utrecht-paragraph">
            {fill(tr(lang, T.tryResult), { desk: props.trial.route.desk.name, track: tr(lang, Tracks.labels[props.trial.route.track]) })}
          </p>
          <ul class="utrecht-unordered-list">
            {props.trial.route.reasons.map((r) => (
              <li class="utrecht-unordered-list__item">{tr(lang, r)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2 class="utrecht-heading-2">{tr(lang, T.routesTitle)}</h2>
      {props.canEdit ? (
        <form method="post" action={`${path}${lang === "en" ? "?lang=en" : ""}`} novalidate>
          <input type="hidden" name="csrf" value={props.csrf} />
          <input type="hidden" name="version" value={String(member.version)} />
          <Field field="name" label={tr(lang, T.nameLabel)} errors={errors}>
            <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id="name" name="name" maxlength={120} value={member.name} {...fieldAria("name", errors, false)} />
          </Field>
          <Field field="fte" label={tr(lang, T.fteLabel)} hint={tr(lang, T.fteHint)} errors={errors}>
            <input class="utrecht-textbox utrecht-textbox--html-input" type="number" id="fte" name="fte" min="0" max="100000" value={String(member.fte)} {...fieldAria("fte", errors, true)} />
          </Field>
          <Field field="retentionYears" label={tr(lang, T.retentionLabel)} errors={errors}>
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              type="number"
              id="retentionYears"
              name="retentionYears"
              min="1"
              max="100"
              value={String(member.retentionYears)}
              {...fieldAria("retentionYears", errors, false)}
            />
          </Field>
          <CheckboxGroup
            field="measures"
            legend={tr(lang, T.measuresLabel)}
            options={MeasureSchema.options.map((code) => ({ value: code, label: tr(lang, MEASURE_TEXT[code]) }))}
            checked={member.measures ?? []}
            errors={errors}
          />
          <Field field="theme.primaryColor" label={tr(lang, T.themeLabel)} hint={tr(lang, T.themeHint)} errors={errors}>
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              type="text"
              id="theme.primaryColor"
              name="theme.primaryColor"
              maxlength={7}
              value={member.theme?.primaryColor ?? ""}
              {...fieldAria("theme.primaryColor", errors, true)}
            />
          </Field>
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <div class="utrecht-form-field__input">
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id="allowNamingInLibrary"
                name="allowNamingInLibrary"
                value="ja"
                checked={member.allowNamingInLibrary === true}
              />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <label class="utrecht-form-label utrecht-form-label--checkbox" for="allowNamingInLibrary">
                {tr(lang, T.allowNamingLabel)}
              </label>
            </div>
          </div>
          {ROUTES.map((key) => (
            <Field field={`routes.${key}`} label={tr(lang, ROUTE_LABELS[key])} errors={errors}>
              {deskSelect(`routes.${key}`, member.routes[key], ROUTE_DESK_TYPES[key], key !== "integriteit")}
            </Field>
          ))}
          {ALTERNATE_LABELS.map(([field, label]) => (
            <Field field={field} label={tr(lang, label)} errors={errors}>
              {deskSelect(field, member.alternates?.[field === "alternates.receivingDesk" ? "receivingDesk" : "gemeentesecretaris"], undefined, true)}
            </Field>
          ))}
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            {tr(lang, T.saveConfig)}
          </button>
        </form>
      ) : (
        <dl class="utrecht-data-list">
          {ROUTES.map((key) => (
            <div class="utrecht-data-list__item">
              <dt class="utrecht-data-list__item-key">{tr(lang, ROUTE_LABELS[key])}</dt>
              <dd class="utrecht-data-list__item-value">{deskName(member.routes[key])}</dd>
            </div>
          ))}
        </dl>
      )}
      {props.canEdit ? <LogoForm lang={lang} member={member} csrf={props.csrf} errors={errors} /> : null}
    </Layout>
  );
}

/** The member's logo: shown as it is now, replaced by an upload (a form of its own: multipart), or removed. */
function LogoForm(props: { lang: Lang; member: Member; csrf: string; errors: Errors }) {
  const { lang, member, errors } = props;
  const logo = member.theme?.logo;
  return (
    <section aria-labelledby="logo-title">
      <h2 class="utrecht-heading-2" id="logo-title">
        {tr(lang, T.logoTitle)}
      </h2>
      {logo ? (
        <p class="utrecht-paragraph">
          {tr(lang, T.logoCurrent)} <img class="hub-member-logo" src={logoPath(member.id, logo)} alt={fill(tr(lang, T.logoCurrentAlt), { member: member.name })} height="48" />
        </p>
      ) : (
        <p class="utrecht-paragraph">{tr(lang, T.logoNone)}</p>
      )}
      <form method="post" action={href(lang, `/beheer/${member.id}/logo`)} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="csrf" value={props.csrf} />
        <input type="hidden" name="version" value={String(member.version)} />
        <Field field="logo" label={tr(lang, T.logoLabel)} hint={tr(lang, T.logoHint)} errors={errors}>
          <input class="utrecht-textbox utrecht-textbox--html-input" type="file" id="logo" name="logo" accept="image/png,image/jpeg" {...fieldAria("logo", errors, true)} />
        </Field>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {tr(lang, T.saveLogo)}
        </button>{" "}
        {logo ? (
          <button type="submit" class="utrecht-button utrecht-button--secondary-action" name="verwijderen" value="1">
            {tr(lang, T.removeLogo)}
          </button>
        ) : null}
      </form>
    </section>
  );
}
