// Form building blocks that keep errors announced and linked to their fields (WCAG 3.3.1, 3.3.3).
import { CATEGORY_CODES, type FieldIssue, TAXONOMY } from "@meldpunt/domain";
import type { Child } from "hono/jsx";
import { type Lang, tr } from "./i18n";
import { T } from "./text";

export type Errors = Record<string, string>;

export function errorsByField(lang: Lang, issues: FieldIssue[]): Errors {
  return Object.fromEntries(issues.map((issue) => [issue.field, tr(lang, issue.message)]));
}

/** A list of every problem, each a link to the field it concerns; `anchors` maps a field to the id to focus. */
export function ErrorSummary(props: { lang: Lang; errors: Errors; anchors?: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error hub-error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 class="utrecht-heading-2" id="error-summary-title">
        {tr(props.lang, T.errorSummaryTitle)}
      </h2>
      <ul class="utrecht-unordered-list">
        {entries.map(([field, message]) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`#${props.anchors?.[field] ?? field}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The attributes that tie an input to its hint and its error, so a screen reader reads them with the field. */
export function fieldAria(field: string, errors: Errors, hasHint: boolean) {
  const ids = [hasHint ? `${field}-hint` : "", errors[field] ? `${field}-error` : ""].filter(Boolean);
  return { "aria-invalid": errors[field] ? ("true" as const) : undefined, "aria-describedby": ids.length ? ids.join(" ") : undefined };
}

export function FieldError(props: { field: string; errors: Errors }) {
  const message = props.errors[props.field];
  if (!message) return null;
  return (
    <p class="utrecht-form-field-error-message" id={`${props.field}-error`}>
      {message}
    </p>
  );
}

/** A labelled field with its hint and error above the input; the input's id must be `field`. */
export function Field(props: { field: string; label: string; hint?: string; errors: Errors; children: Child }) {
  const { field, errors } = props;
  return (
    <div class={`utrecht-form-field${errors[field] ? " utrecht-form-field--invalid" : ""}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={field}>
          {props.label}
        </label>
      </div>
      {props.hint ? (
        <p class="utrecht-form-field-description" id={`${field}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError field={field} errors={errors} />
      <div class="utrecht-form-field__input">{props.children}</div>
    </div>
  );
}

/** A paragraph holding one link, such as "back to the start page". */
export function LinkParagraph(props: { href: string; children: Child }) {
  return (
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href={props.href}>
        {props.children}
      </a>
    </p>
  );
}

interface ChoiceGroupProps {
  field: string;
  legend: string;
  options: { value: string; label: string }[];
  errors: Errors;
}

/** A group of radio buttons in a fieldset; each option's id is `<field>-<value>`, the first is where errors link. */
export function RadioGroup(props: ChoiceGroupProps & { checked?: string }) {
  return <ChoiceGroup {...props} type="radio" checked={props.checked === undefined ? [] : [props.checked]} />;
}

/** The same for several choices: the form sends the field once for every box that is ticked. */
export function CheckboxGroup(props: ChoiceGroupProps & { checked: readonly string[] }) {
  return <ChoiceGroup {...props} type="checkbox" />;
}

function ChoiceGroup(props: ChoiceGroupProps & { type: "radio" | "checkbox"; checked: readonly string[] }) {
  const { field, errors, type } = props;
  const control = type === "radio" ? "radio-button" : "checkbox";
  return (
    <fieldset
      class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${errors[field] ? " utrecht-form-fieldset--invalid" : ""}`}
      aria-describedby={fieldAria(field, errors, false)["aria-describedby"]}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{props.legend}</legend>
      <FieldError field={field} errors={errors} />
      {props.options.map(({ value, label }) => (
        <div class={`utrecht-form-field utrecht-form-field--${type}`}>
          <div class="utrecht-form-field__input">
            <input
              class={`utrecht-${control} utrecht-${control}--html-input`}
              type={type}
              id={`${field}-${value}`}
              name={field}
              value={value}
              checked={props.checked.includes(value)}
              aria-invalid={errors[field] ? "true" : undefined}
            />
          </div>
          <div class={`utrecht-form-field__label utrecht-form-field__label--${type}`}>
            <label class={`utrecht-form-label utrecht-form-label--${type}`} for={`${field}-${value}`}>
              {label}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** Where an error of the subjects links: the first box of the first category. */
export const FIRST_SUBJECT_ID = `subcategories-${CATEGORY_CODES[0]}.${Object.keys(TAXONOMY[CATEGORY_CODES[0]].sub)[0]}`;

/** Every subject of the taxonomy as boxes, a group per category, sent as `subcategories` (report form, library). */
export function SubjectCheckboxes(props: { lang: Lang; checked: readonly string[] }) {
  return CATEGORY_CODES.map((category) => (
    <CheckboxGroup
      field="subcategories"
      legend={tr(props.lang, TAXONOMY[category].label)}
      options={Object.entries(TAXONOMY[category].sub).map(([key, label]) => ({ value: `${category}.${key}`, label: tr(props.lang, label) }))}
      checked={props.checked}
      errors={{}}
    />
  ));
}

/**
 * One select of a GET filter form (queue, library, period): label above, the choices, the current one selected;
 * `emptyLabel` adds a first choice "all" that sends nothing.
 */
export function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  selected?: string;
  emptyLabel?: string;
}) {
  return (
    <div class="utrecht-form-field hub-filter">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={props.id}>
          {props.label}
        </label>
      </div>
      <div class="utrecht-form-field__input">
        <select class="utrecht-select utrecht-select--html-select" id={props.id} name={props.name}>
          {props.emptyLabel === undefined ? null : <option value="">{props.emptyLabel}</option>}
          {props.options.map((o) => (
            <option value={o.value} selected={props.selected === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
