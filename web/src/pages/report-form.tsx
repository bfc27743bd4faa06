import { CATEGORY_CODES, MAX_DESCRIPTION, type Member, TAXONOMY, UNKNOWN_MEMBER } from "@meldpunt/domain";
import { ErrorSummary, type Errors, Field, FieldError, fieldAria } from "../form";
import { href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { T } from "../text";

export interface ReportFormValues {
  member?: string;
  category?: string;
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

        <fieldset
          class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${errors.category ? " utrecht-form-fieldset--invalid" : ""}`}
          aria-describedby={fieldAria("category", errors, false)["aria-describedby"]}
        >
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{tr(lang, T.categoryLegend)}</legend>
          <FieldError field="category" errors={errors} />
          {CATEGORY_CODES.map((code) => (
            <div class="utrecht-form-field utrecht-form-field--radio">
              <div class="utrecht-form-field__input">
                <input
                  class="utrecht-radio-button utrecht-radio-button--html-input"
                  type="radio"
                  id={`category-${code}`}
                  name="category"
                  value={code}
                  checked={values.category === code}
                  aria-invalid={errors.category ? "true" : undefined}
                />
              </div>
              <div class="utrecht-form-field__label utrecht-form-field__label--radio">
                <label class="utrecht-form-label utrecht-form-label--radio" for={`category-${code}`}>
                  {tr(lang, TAXONOMY[code].label)}
                </label>
              </div>
            </div>
          ))}
        </fieldset>

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
