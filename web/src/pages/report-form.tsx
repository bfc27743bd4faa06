import { CATEGORY_CODES, MAX_DESCRIPTION, type Member, Roles, TAXONOMY, UNKNOWN_MEMBER, Wishes } from "@meldpunt/domain";
import { ErrorSummary, type Errors, Field, fieldAria, RadioGroup } from "../form";
import { href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { T, WANTS_TEXT } from "../text";

export interface ReportFormValues {
  member?: string;
  wants?: string;
  category?: string;
  role?: string;
  description?: string;
}

export function ReportFormPage(props: {
  lang: Lang;
  members: Pick<Member, "id" | "name" | "kind">[];
  values?: ReportFormValues;
  errors?: Errors;
}) {
  const { lang, members } = props;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const firstCategory = `category-${CATEGORY_CODES[0]}`;
  const group = (kind: Member["kind"]) =>
    members
      .filter((m) => m.kind === kind)
      .map((m) => (
        <option value={m.id} selected={values.member === m.id}>
          {m.name}
        </option>
      ));
  return (
    <Layout lang={lang} title={tr(lang, T.reportTitle)} path="/melden" hasErrors={Object.keys(errors).length > 0}>
      <h1 class="utrecht-heading-1">{tr(lang, T.reportTitle)}</h1>
      <ErrorSummary lang={lang} errors={errors} anchors={{ category: firstCategory }} />
      <p class="utrecht-paragraph">{tr(lang, T.reportIntro)}</p>
      <form method="post" action={href(lang, "/melden")} novalidate>
        <input type="hidden" name="lang" value={lang} />
        <Field field="member" label={tr(lang, T.memberLabel)} hint={tr(lang, T.memberHint)} errors={errors}>
          <select class="utrecht-select utrecht-select--html-select" id="member" name="member" required {...fieldAria("member", errors, true)}>
            <option value="">{tr(lang, T.memberPlaceholder)}</option>
            <optgroup label={tr(lang, T.municipalities)}>{group("gemeente")}</optgroup>
            <optgroup label={tr(lang, T.jointBodies)}>{group("gr")}</optgroup>
            <option value={UNKNOWN_MEMBER} selected={values.member === UNKNOWN_MEMBER}>
              {tr(lang, T.memberUnknown)}
            </option>
          </select>
        </Field>

        <RadioGroup
          field="wants"
          legend={tr(lang, T.wantsLegend)}
          options={Wishes.codes.map((code) => ({ value: code, label: tr(lang, WANTS_TEXT[code]) }))}
          checked={values.wants ?? "melding"}
          errors={errors}
        />

        <RadioGroup
          field="category"
          legend={tr(lang, T.categoryLegend)}
          options={CATEGORY_CODES.map((code) => ({ value: code, label: tr(lang, TAXONOMY[code].label) }))}
          checked={values.category}
          errors={errors}
        />

        <Field field="role" label={tr(lang, T.roleLabel)} hint={tr(lang, T.roleHint)} errors={errors}>
          <select class="utrecht-select utrecht-select--html-select" id="role" name="role" {...fieldAria("role", errors, true)}>
            <option value="">{tr(lang, T.rolePlaceholder)}</option>
            {Roles.codes.map((code) => (
              <option value={code} selected={values.role === code}>
                {tr(lang, Roles.labels[code])}
              </option>
            ))}
          </select>
        </Field>

        <Field field="description" label={tr(lang, T.descriptionLabel)} hint={tr(lang, T.descriptionHint)} errors={errors}>
          <textarea
            class="utrecht-textarea hub-textarea"
            id="description"
            name="description"
            rows={10}
            maxlength={MAX_DESCRIPTION}
            required
            {...fieldAria("description", errors, true)}
          >
            {values.description ?? ""}
          </textarea>
        </Field>

        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {tr(lang, T.submitReport)}
        </button>
      </form>
    </Layout>
  );
}
