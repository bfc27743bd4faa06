import { ErrorSummary, type Errors, Field, fieldAria } from "../form";
import { href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { T } from "../text";

/** Where the receipt code is typed; `notice` says why the reporter is here again (the mailbox was closed). */
export function FollowUpPage(props: { lang: Lang; errors?: Errors; notice?: string }) {
  const { lang } = props;
  const errors = props.errors ?? {};
  return (
    <Layout lang={lang} title={tr(lang, T.followUpTitle)} path="/opvolgen" hasErrors={Object.keys(errors).length > 0}>
      <h1 class="utrecht-heading-1">{tr(lang, T.followUpTitle)}</h1>
      {props.notice ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">{props.notice}</p>
        </div>
      ) : null}
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

