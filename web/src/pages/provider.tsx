// Pages of the embedded demo OpenID provider (local default only): login, the logout question, and a message page.
// They are served by the provider on its own origin, with the hub's stylesheet, and make no other request.
import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import { ErrorSummary, type Errors, Field, fieldAria } from "../form";
import { type Lang, tr } from "../i18n";
import { Document } from "../layout";
import { S } from "../staff-text";

function ProviderLayout(props: { lang: Lang; title: string; hasErrors?: boolean; children: Child }) {
  const { lang } = props;
  const header = <p class="utrecht-paragraph hub-brand">{tr(lang, S.providerName)}</p>;
  return (
    <Document lang={lang} title={props.title} siteName={tr(lang, S.providerName)} hasErrors={props.hasErrors} header={header}>
      {props.children}
    </Document>
  );
}

export function ProviderLoginPage(props: { lang: Lang; action: string; username?: string; failed?: boolean }) {
  const { lang } = props;
  const errors: Errors = props.failed ? { username: tr(lang, S.loginWrong) } : {};
  return (
    <ProviderLayout lang={lang} title={tr(lang, S.loginTitle)} hasErrors={props.failed}>
      <h1 class="utrecht-heading-1">{tr(lang, S.loginTitle)}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      <p class="utrecht-paragraph">{tr(lang, S.providerIntro)}</p>
      <form method="post" action={props.action} novalidate>
        <Field field="username" label={tr(lang, S.usernameLabel)} errors={errors}>
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            type="text"
            id="username"
            name="username"
            value={props.username ?? ""}
            required
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            maxlength={100}
            {...fieldAria("username", errors, false)}
          />
        </Field>
        <Field field="password" label={tr(lang, S.passwordLabel)} errors={{}}>
          <input class="utrecht-textbox utrecht-textbox--html-input" type="password" id="password" name="password" required autocomplete="current-password" maxlength={200} />
        </Field>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {tr(lang, S.loginButton)}
        </button>
      </form>
    </ProviderLayout>
  );
}

/** `form` is the provider's own hidden form (with its CSRF token); the buttons submit it. */
export function ProviderLogoutPage(props: { lang: Lang; form: string }) {
  const { lang } = props;
  return (
    <ProviderLayout lang={lang} title={tr(lang, S.providerLogoutTitle)}>
      <h1 class="utrecht-heading-1">{tr(lang, S.providerLogoutTitle)}</h1>
      <p class="utrecht-paragraph">{tr(lang, S.providerLogoutText)}</p>
      {raw(props.form)}
      <p class="utrecht-paragraph">
        <button type="submit" form="op.logoutForm" name="logout" value="yes" class="utrecht-button utrecht-button--primary-action">
          {tr(lang, S.providerLogoutYes)}
        </button>{" "}
        <button type="submit" form="op.logoutForm" class="utrecht-button utrecht-button--secondary-action">
          {tr(lang, S.providerLogoutNo)}
        </button>
      </p>
    </ProviderLayout>
  );
}

export function ProviderMessagePage(props: { lang: Lang; title: string; message?: string }) {
  return (
    <ProviderLayout lang={props.lang} title={props.title}>
      <h1 class="utrecht-heading-1">{props.title}</h1>
      {props.message ? <p class="utrecht-paragraph">{props.message}</p> : null}
    </ProviderLayout>
  );
}
