import type { ReportStatus } from "@meldpunt/domain";
import { TAXONOMY } from "@meldpunt/domain";
import { ErrorSummary, type Errors, Field, fieldAria, LinkParagraph } from "../form";
import { formatDate, href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { STATE_FOR_REPORTER, T } from "../text";

export function FollowUpPage(props: { lang: Lang; errors?: Errors }) {
  const { lang } = props;
  const errors = props.errors ?? {};
  return (
    <Layout lang={lang} title={tr(lang, T.followUpTitle)} path="/opvolgen" hasErrors={Object.keys(errors).length > 0}>
      <h1 class="utrecht-heading-1">{tr(lang, T.followUpTitle)}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      {/* POST, so that the code never appears in a URL, a history entry or a server log. */}
      <form method="post" action={href(lang, "/opvolgen")} novalidate>
        <input type="hidden" name="lang" value={lang} />
        <Field field="code" label={tr(lang, T.codeLabel)} hint={tr(lang, T.codeHint)} errors={errors}>
          <input
            class="utrecht-textbox utrecht-textbox--html-input hub-code-input"
            type="text"
            id="code"
            name="code"
            required
            autocomplete="off"
            spellcheck={false}
            autocapitalize="characters"
            maxlength={60}
            {...fieldAria("code", errors, true)}
          />
        </Field>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {tr(lang, T.showStatus)}
        </button>
      </form>
    </Layout>
  );
}

export function StatusPage(props: { lang: Lang; status: ReportStatus }) {
  const { lang, status } = props;
  const row = (label: string, value: string) => (
    <div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">{label}</dt>
      <dd class="utrecht-data-list__item-value">{value}</dd>
    </div>
  );
  return (
    <Layout lang={lang} title={tr(lang, T.statusTitle)} path="/opvolgen">
      <h1 class="utrecht-heading-1">{tr(lang, T.statusTitle)}</h1>
      <dl class="utrecht-data-list">
        {row(tr(lang, T.statusLabel), tr(lang, STATE_FOR_REPORTER[status.state]))}
        {row(tr(lang, T.organisationLabel), status.memberName)}
        {row(tr(lang, T.deskLabel), status.deskName)}
        {row(tr(lang, T.categoryLabel), status.categories.map((c) => tr(lang, TAXONOMY[c].label)).join(", "))}
        {row(tr(lang, T.receivedLabel), formatDate(lang, status.receivedAt))}
        {row(tr(lang, T.ackDueLabel), formatDate(lang, status.ackDueAt))}
        {row(tr(lang, T.feedbackDueLabel), formatDate(lang, status.feedbackDueAt))}
      </dl>
      <h2 class="utrecht-heading-2">{tr(lang, T.timelineTitle)}</h2>
      <ol class="utrecht-ordered-list">
        {status.timeline.map((entry) => (
          <li class="utrecht-ordered-list__item">
            {formatDate(lang, entry.at)}: {tr(lang, STATE_FOR_REPORTER[entry.state])}
          </li>
        ))}
      </ol>
      <h2 class="utrecht-heading-2">{tr(lang, T.yourTextTitle)}</h2>
      <p class="utrecht-paragraph hub-report-text" data-testid="report-text">
        {status.description}
      </p>
      <LinkParagraph href={href(lang, "/")}>{tr(lang, T.backHome)}</LinkParagraph>
    </Layout>
  );
}
