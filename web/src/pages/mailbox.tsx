// The reporter's mailbox: status, timeline, messages both ways, files, and on an advice contact consent and closing,
// on an oral report the review of the written record. Every form is a plain POST that works without JavaScript.
import { type FileInspector, MAX_ATTACHMENTS, MAX_MESSAGE, type MailboxFile, type MailboxView, megabytes, TAXONOMY } from "@meldpunt/domain";
import type { Child } from "hono/jsx";
import { ErrorSummary, type Errors, Field, fieldAria } from "../form";
import { formatBytes, formatDate, href, type Lang, tr } from "../i18n";
import { brandOf, Layout } from "../layout";
import { EVENT_FOR_REPORTER, FILE_TYPE_TEXT, M } from "../mailbox-text";
import { fill, STATE_FOR_REPORTER, T } from "../text";

/** The allow-list as the file picker's hint; the server decides by content (docs/decisions.md 26). */
export const FILE_ACCEPT = ".pdf,.jpg,.jpeg,.png,.heic,.docx,.txt,.eml";

export interface MailboxProps {
  lang: Lang;
  view: MailboxView;
  csrf: string;
  /** What just happened (a message sent, consent saved), announced at the top. */
  notice?: string;
  errors?: Errors;
  /** What the reporter typed, kept when a form comes back with an error. */
  values?: { text?: string; correction?: string };
  /** Files were sent with a form that came back: they must be chosen again. */
  filesLost?: boolean;
  fileLimits: FileLimits;
}

function FileList(props: { lang: Lang; files: MailboxFile[] }) {
  const { lang } = props;
  if (props.files.length === 0) return null;
  return (
    <ul class="utrecht-unordered-list hub-files" aria-label={tr(lang, M.filesLabel)}>
      {props.files.map((f) => (
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(lang, `/brievenbus/bijlage/${f.id}`)} download>
            {f.name}
          </a>{" "}
          ({tr(lang, FILE_TYPE_TEXT[f.type])}, {formatBytes(lang, f.bytes)})
        </li>
      ))}
    </ul>
  );
}

/** A form of the mailbox: POST, the session's CSRF token and the language with it. */
function MailboxForm(props: { lang: Lang; csrf: string; action: string; files?: boolean; children: Child }) {
  return (
    <form method="post" action={href(props.lang, props.action)} enctype={props.files ? "multipart/form-data" : undefined} novalidate>
      <input type="hidden" name="csrf" value={props.csrf} />
      <input type="hidden" name="lang" value={props.lang} />
      {props.children}
    </form>
  );
}

export function MailboxPage(props: MailboxProps) {
  const { lang, view, csrf } = props;
  const errors = props.errors ?? {};
  const summary = { ...errors, ...(props.filesLost && !errors.files ? { files: tr(lang, M.filesAgain) } : {}) };
  const newCount = view.messages.filter((m) => m.isNew).length;
  const row = (label: string, value: string) => (
    <div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">{label}</dt>
      <dd class="utrecht-data-list__item-value">{value}</dd>
    </div>
  );
  const button = (label: string, name?: string, value?: string) => (
    <button type="submit" class="utrecht-button utrecht-button--primary-action" name={name} value={value}>
      {label}
    </button>
  );
  const reviewing = view.recordReview === "open";
  return (
    <Layout lang={lang} title={tr(lang, M.title)} path="/brievenbus" hasErrors={Object.keys(summary).length > 0} brand={brandOf(view.member)}>
      <h1 class="utrecht-heading-1">{tr(lang, M.title)}</h1>
      <p class="utrecht-paragraph">{tr(lang, M.intro)}</p>
      {props.notice || newCount > 0 ? (
        <div class="utrecht-alert" role="status">
          {props.notice ? <p class="utrecht-paragraph">{props.notice}</p> : null}
          {newCount > 0 ? <p class="utrecht-paragraph">{newCount === 1 ? tr(lang, M.newMessage) : fill(tr(lang, M.newMessages), { count: String(newCount) })}</p> : null}
        </div>
      ) : null}
      <ErrorSummary lang={lang} errors={summary} />

      <dl class="utrecht-data-list">
        {row(tr(lang, T.statusLabel), tr(lang, STATE_FOR_REPORTER[view.state]))}
        {row(tr(lang, T.organisationLabel), view.memberName)}
        {row(tr(lang, T.deskLabel), view.deskName)}
        {row(tr(lang, T.categoryLabel), view.categories.map((c) => tr(lang, TAXONOMY[c].label)).join(", "))}
        {row(tr(lang, T.receivedLabel), formatDate(lang, view.receivedAt))}
        {row(tr(lang, view.kind === "melding" ? T.ackDueLabel : T.answerDueLabel), formatDate(lang, view.ackDueAt))}
        {view.kind === "melding" ? row(tr(lang, T.feedbackDueLabel), formatDate(lang, view.feedbackDueAt)) : null}
      </dl>
      {view.closed ? <p class="utrecht-paragraph">{tr(lang, M.closed)}</p> : null}

      <h2 class="utrecht-heading-2">{tr(lang, M.messagesTitle)}</h2>
      {view.messages.length === 0 ? <p class="utrecht-paragraph">{tr(lang, M.noMessages)}</p> : null}
      {view.messages.map((m) => (
        <article class="hub-message" aria-labelledby={`message-${m.id}`}>
          <h3 class="utrecht-heading-3" id={`message-${m.id}`}>
            {tr(lang, m.kind === "terugkoppeling" ? M.feedback : m.kind === "correctie" ? M.correction : m.from === "balie" ? M.fromDesk : M.fromYou)},{" "}
            {formatDate(lang, m.at)}
            {m.isNew ? ` (${tr(lang, M.isNew)})` : ""}
          </h3>
          <p class="utrecht-paragraph hub-report-text">{m.text}</p>
          <FileList lang={lang} files={m.files} />
        </article>
      ))}

      {view.closed ? null : (
        <section aria-labelledby="write-title">
          <h2 class="utrecht-heading-2" id="write-title">
            {tr(lang, M.writeTitle)}
          </h2>
          <MailboxForm lang={lang} csrf={csrf} action="/brievenbus/bericht" files>
            <Field field="text" label={tr(lang, M.writeLabel)} hint={tr(lang, M.writeHint)} errors={errors}>
              <textarea class="utrecht-textarea hub-textarea" id="text" name="text" rows={6} maxlength={MAX_MESSAGE} {...fieldAria("text", errors, true)}>
                {props.values?.text ?? ""}
              </textarea>
            </Field>
            <FilesField lang={lang} errors={summary} limits={props.fileLimits} />
            {button(tr(lang, M.send))}
          </MailboxForm>
        </section>
      )}

      {view.consent && !view.closed ? (
        <section aria-labelledby="consent-title">
          <h2 class="utrecht-heading-2" id="consent-title">
            {tr(lang, M.consentTitle)}
          </h2>
          <p class="utrecht-paragraph" id="consent">
            {view.consent.given && view.consent.at ? fill(tr(lang, M.consentGiven), { date: formatDate(lang, view.consent.at) }) : tr(lang, M.consentNone)}
          </p>
          <MailboxForm lang={lang} csrf={csrf} action="/brievenbus/toestemming">
            {view.consent.given ? button(tr(lang, M.withdrawConsent), "consent", "nee") : button(tr(lang, M.giveConsent), "consent", "ja")}
          </MailboxForm>
          <h2 class="utrecht-heading-2" id="close">
            {tr(lang, M.closeTitle)}
          </h2>
          <p class="utrecht-paragraph">{tr(lang, M.closeText)}</p>
          <MailboxForm lang={lang} csrf={csrf} action="/brievenbus/afsluiten">
            {button(tr(lang, M.close))}
          </MailboxForm>
        </section>
      ) : null}

      <h2 class="utrecht-heading-2">{tr(lang, view.recordReview ? M.recordTitle : view.kind === "advies" ? M.question : T.yourTextTitle)}</h2>
      <p class="utrecht-paragraph hub-report-text" data-testid="report-text">
        {view.description}
      </p>
      <FileList lang={lang} files={view.files} />

      {reviewing ? (
        <section aria-labelledby="review-title">
          <h2 class="utrecht-heading-2" id="review-title">
            {tr(lang, M.reviewTitle)}
          </h2>
          <p class="utrecht-paragraph">{tr(lang, M.reviewText)}</p>
          <MailboxForm lang={lang} csrf={csrf} action="/brievenbus/verslag">
            {button(tr(lang, M.reviewAgree), "review", "akkoord")}
          </MailboxForm>
          <MailboxForm lang={lang} csrf={csrf} action="/brievenbus/verslag">
            <Field field="correction" label={tr(lang, M.correctionLabel)} errors={errors}>
              <textarea class="utrecht-textarea hub-textarea" id="correction" name="correction" rows={4} maxlength={MAX_MESSAGE} {...fieldAria("correction", errors, false)}>
                {props.values?.correction ?? ""}
              </textarea>
            </Field>
            {button(tr(lang, M.sendCorrection), "review", "correctie")}
          </MailboxForm>
        </section>
      ) : null}

      <h2 class="utrecht-heading-2">{tr(lang, T.timelineTitle)}</h2>
      <ol class="utrecht-ordered-list">
        {view.timeline.map((entry) => {
          const event = entry.event ? EVENT_FOR_REPORTER[entry.event] : undefined;
          return (
            <li class="utrecht-ordered-list__item">
              {formatDate(lang, entry.at)}: {tr(lang, event ?? STATE_FOR_REPORTER[entry.state])}
            </li>
          );
        })}
      </ol>

      <MailboxForm lang={lang} csrf={csrf} action="/brievenbus/afmelden">
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {tr(lang, M.signOut)}
        </button>
      </MailboxForm>
      {view.closed ? null : <script src={FILES_SCRIPT_PATH} defer></script>}
    </Layout>
  );
}

/** How much a form may carry: the inspector's limits (a deployment's, docs/cloud.md). */
export type FileLimits = Pick<FileInspector, "maxBytes" | "maxTotalBytes">;

export const FILES_SCRIPT_PATH = "/assets/files.js";

/**
 * The file picker of the report form, the mailbox and the case page: several files, the allow-list and the limits as
 * a hint. /assets/files.js (on the same pages) checks the sizes before anything is sent, from the data attributes.
 */
export function FilesField(props: { lang: Lang; errors: Errors; limits: FileLimits }) {
  const { lang, errors, limits } = props;
  const sizes = { file: megabytes(limits.maxBytes), total: megabytes(limits.maxTotalBytes) };
  const together = limits.maxTotalBytes < MAX_ATTACHMENTS * limits.maxBytes ? fill(tr(lang, M.filesTogether), sizes) : "";
  return (
    <Field field="files" label={tr(lang, M.filesFieldLabel)} hint={fill(tr(lang, M.filesHint), { ...sizes, together })} errors={errors}>
      <input
        class="utrecht-textbox hub-file-input"
        type="file"
        id="files"
        name="files"
        multiple
        accept={FILE_ACCEPT}
        data-max-file={String(limits.maxBytes)}
        data-max-total={String(limits.maxTotalBytes)}
        data-too-large={fill(tr(lang, M.filesTooLarge), sizes)}
        {...fieldAria("files", errors, true)}
      />
    </Field>
  );
}
