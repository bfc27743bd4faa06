// The hub operator's staff page: every staff record with its roles, and a form to add a staff member or replace one's
// name, e-mail and role. Staff records say who may do what; they hold nothing about cases.
import { type Desk, HUB_MEMBER_ID, type Member } from "@meldpunt/domain";
import { ROLE_LABELS, type RoleName, type Staff } from "@meldpunt/domain/staff";
import { ErrorSummary, type Errors, Field, fieldAria, LinkParagraph, RadioGroup } from "../form";
import { href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { roleText } from "../role-text";
import { O, S } from "../staff-text";

export interface StaffListProps {
  lang: Lang;
  staff: Staff[];
  members: Member[];
  desks: Desk[];
  csrf: string;
  saved?: boolean;
  /** What was posted, kept after a refusal. */
  values?: Partial<Record<string, string>>;
  errors?: Errors;
}

const ROLES: RoleName[] = ["desk-staff", "member-admin", "board", "operator"];

export function StaffListPage(props: StaffListProps) {
  const { lang } = props;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, "nl");
  const textbox = (field: string, type: "text" | "email", hasHint = false) => (
    <input class="utrecht-textbox utrecht-textbox--html-input" type={type} id={field} name={field} value={values[field] ?? ""} autocomplete="off" {...fieldAria(field, errors, hasHint)} />
  );
  const choices = (field: string, options: { id: string; name: string }[]) => (
    <select class="utrecht-select utrecht-select--html-select" id={field} name={field} {...fieldAria(field, errors, false)}>
      <option value="">{tr(lang, O.choose)}</option>
      {options.map((o) => (
        <option value={o.id} selected={values[field] === o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
  const title = tr(lang, O.staffListTitle);
  return (
    <Layout tables lang={lang} title={title} path="/beheer/medewerkers" hasErrors={Object.keys(errors).length > 0}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      {props.saved ? (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="utrecht-paragraph">{tr(lang, O.staffSaved)}</p>
        </div>
      ) : null}
      <p class="utrecht-paragraph">{tr(lang, O.staffListIntro)}</p>
      <table class="utrecht-table hub-table" data-testid="staff">
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, O.nameHeader)}</th>
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, S.emailLabel)}</th>
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, O.staffIdHeader)}</th>
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, O.rolesHeader)}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {[...props.staff].sort(byName).map((person) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">{person.name}</th>
              <td class="utrecht-table__cell">{person.email}</td>
              <td class="utrecht-table__cell">
                <code class="utrecht-code">{person.id}</code>
              </td>
              <td class="utrecht-table__cell">{person.roles.map((role) => roleText(lang, props, role)).join("; ")}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 class="utrecht-heading-2">{tr(lang, O.staffFormTitle)}</h2>
      <p class="utrecht-paragraph">{tr(lang, O.staffFormIntro)}</p>
      <form id="form" method="post" action={href(lang, "/beheer/medewerkers")} novalidate>
        <input type="hidden" name="csrf" value={props.csrf} />
        <Field field="id" label={tr(lang, O.staffIdLabel)} hint={tr(lang, O.staffIdHint)} errors={errors}>
          {textbox("id", "text", true)}
        </Field>
        <Field field="name" label={tr(lang, O.staffNameLabel)} errors={errors}>
          {textbox("name", "text")}
        </Field>
        <Field field="email" label={tr(lang, S.emailLabel)} errors={errors}>
          {textbox("email", "email")}
        </Field>
        <RadioGroup field="role" legend={tr(lang, O.roleLegend)} options={ROLES.map((role) => ({ value: role, label: tr(lang, ROLE_LABELS[role]) }))} checked={values.role} errors={errors} />
        <Field field="desk" label={tr(lang, O.roleDeskLabel)} errors={errors}>
          {choices("desk", [...props.desks].sort(byName))}
        </Field>
        <Field field="member" label={tr(lang, O.roleMemberLabel)} errors={errors}>
          {choices("member", props.members.filter((m) => m.id !== HUB_MEMBER_ID).sort(byName))}
        </Field>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {tr(lang, O.saveStaff)}
        </button>
      </form>
      <LinkParagraph href={href(lang, "/beheer/organisaties")}>{tr(lang, O.backToMembers)}</LinkParagraph>
    </Layout>
  );
}
