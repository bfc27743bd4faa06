// Form building blocks that keep errors announced and linked to their fields (WCAG 3.3.1, 3.3.3).
import type { FieldIssue } from "@meldpunt/domain";
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

export function describedBy(field: string, errors: Errors, hasHint: boolean): string | undefined {
  const ids = [hasHint ? `${field}-hint` : "", errors[field] ? `${field}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
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

export function Hint(props: { field: string; children: Child }) {
  return (
    <p class="utrecht-form-field-description" id={`${props.field}-hint`}>
      {props.children}
    </p>
  );
}
