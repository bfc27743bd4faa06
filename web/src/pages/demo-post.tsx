// The embedded default's outgoing mail for demo staff: a list of the .eml messages and one message as plain text.
// Only the local runner has it (docs/decisions.md 31); what the hub mails names no case, so neither does this page.
import { LinkParagraph } from "../form";
import { href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { DEMO_POST as P } from "../staff-text";

export interface DemoMailSummary {
  /** The file name, which the message's own page takes. */
  name: string;
  from: string;
  to: string[];
  subject: string;
  /** ISO 8601; empty when the file's date could not be read. */
  date: string;
}

export interface DemoMail extends DemoMailSummary {
  text: string;
}

const dateTimes: Partial<Record<Lang, Intl.DateTimeFormat>> = {};

function sentAt(lang: Lang, iso: string) {
  if (!iso) return "";
  dateTimes[lang] ??= new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" });
  return <time datetime={iso}>{dateTimes[lang].format(new Date(iso))}</time>;
}

export function DemoPostPage(props: { lang: Lang; mails: DemoMailSummary[] }) {
  const { lang } = props;
  const title = tr(lang, P.title);
  return (
    <Layout tables lang={lang} title={title} path="/demo/post">
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{tr(lang, P.intro)}</p>
      {props.mails.length === 0 ? (
        <p class="utrecht-paragraph" data-testid="demo-post-empty">
          {tr(lang, P.empty)}
        </p>
      ) : (
        <table class="utrecht-table hub-table" data-testid="demo-post">
          <caption class="utrecht-table__caption">{tr(lang, P.caption)}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{tr(lang, P.subjectHeader)}</th>
              <th class="utrecht-table__header-cell" scope="col">{tr(lang, P.toHeader)}</th>
              <th class="utrecht-table__header-cell" scope="col">{tr(lang, P.dateHeader)}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {props.mails.map((mail) => (
              <tr class="utrecht-table__row" data-mail={mail.name}>
                <th class="utrecht-table__header-cell" scope="row">
                  <a class="utrecht-link" href={href(lang, `/demo/post/${mail.name}`)}>
                    {mail.subject}
                  </a>
                </th>
                <td class="utrecht-table__cell">{mail.to.join(", ")}</td>
                <td class="utrecht-table__cell">{sentAt(lang, mail.date)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export function DemoMailPage(props: { lang: Lang; mail: DemoMail }) {
  const { lang, mail } = props;
  const row = (key: string, value: unknown) => (
    <div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">{key}</dt>
      <dd class="utrecht-data-list__item-value">{value}</dd>
    </div>
  );
  return (
    <Layout lang={lang} title={mail.subject} path={`/demo/post/${mail.name}`}>
      <LinkParagraph href={href(lang, "/demo/post")}>{tr(lang, P.back)}</LinkParagraph>
      <h1 class="utrecht-heading-1">{mail.subject}</h1>
      <dl class="utrecht-data-list">
        {row(tr(lang, P.fromHeader), mail.from)}
        {row(tr(lang, P.toHeader), mail.to.join(", "))}
        {row(tr(lang, P.dateHeader), sentAt(lang, mail.date))}
      </dl>
      <h2 class="utrecht-heading-2">{tr(lang, P.textTitle)}</h2>
      <pre class="hub-report-text" data-testid="demo-mail-text">
        {mail.text}
      </pre>
    </Layout>
  );
}
