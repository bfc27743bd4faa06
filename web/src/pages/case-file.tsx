// The desk's case page: data, the reporter's text and files, what may happen next, the messages with the reporter,
// internal notes and the history. Shown only after the read is in the audit trail. `print` gives the same case file
// without forms, for investigators (its own audited read).
import {
  Anonymity,
  Channels,
  CloseReasons,
  Conclusions,
  type Desk,
  Investigations,
  MAX_MESSAGE,
  type Measure,
  Referrals,
  Relations,
  ReporterTypes,
  Tracks,
  subcategoryLabel,
} from "@meldpunt/domain";
import { type CaseFile, caseStep, type Need } from "@meldpunt/domain/staff";
import type { Child } from "hono/jsx";
import { ADVICE_STATE, C, EVENT_FOR_STAFF } from "../case-text";
import { CheckboxGroup, ErrorSummary, type Errors, Field, fieldAria, LinkParagraph, RadioGroup } from "../form";
import { formatBytes, formatDate, href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { FILE_TYPE_TEXT } from "../mailbox-text";
import { fill, MEASURE_TEXT, STATE_FOR_STAFF, T } from "../text";
import { type FileLimits, FILES_SCRIPT_PATH, FilesField } from "./mailbox";

export interface CaseFileProps {
  lang: Lang;
  desk: Desk;
  memberName: string;
  file: CaseFile;
  csrf: string;
  /** The member's own list of measures (DESIGN §2). */
  measures: readonly Measure[];
  /** Desk names, for the history's transfers. */
  deskNames: Record<string, string>;
  now: Date;
  notice?: string;
  errors?: Errors;
  fileLimits: FileLimits;
  values?: { text?: string; note?: string };
  print?: boolean;
}

const DAY = 24 * 60 * 60 * 1000;

/** A deadline as the queue and the case show it: the date, and whether it is met, near or past. */
export function deadlineText(lang: Lang, due: string, doneAt: string | undefined, now: Date): string {
  if (doneAt) return `${formatDate(lang, due)} (${fill(tr(lang, C.met), { date: formatDate(lang, doneAt) })})`;
  const left = new Date(due).getTime() - now.getTime();
  const badge = left < 0 ? tr(lang, C.overdue) : left <= 2 * DAY ? tr(lang, C.dueSoon) : undefined;
  return badge ? `${formatDate(lang, due)} (${badge})` : formatDate(lang, due);
}

const NEED_OPTIONS: Record<Exclude<Need, "measures">, { labels: Record<string, { nl: string; en: string }>; codes: readonly string[] }> = {
  closeReason: CloseReasons,
  referral: Referrals,
  investigation: Investigations,
  conclusion: Conclusions,
};

const NEED_LABELS: Record<Exclude<Need, "measures">, { nl: string; en: string }> = {
  closeReason: { nl: "Reden van afsluiten", en: "Reason for closing" },
  referral: { nl: "Doorverwezen naar", en: "Referred to" },
  investigation: { nl: "Soort onderzoek", en: "Kind of investigation" },
  conclusion: { nl: "Conclusie", en: "Conclusion" },
};

/** A transition's recorded code in words: which list it comes from follows from the state it led to. */
function detailText(lang: Lang, state: string, detail: string): string {
  const list = { gesloten: CloseReasons, doorverwezen: Referrals, feitenonderzoek: Investigations, besluit: Conclusions }[state];
  if (list) return tr(lang, (list.labels as Record<string, { nl: string; en: string }>)[detail] ?? { nl: detail, en: detail });
  if (state === "maatregel") return detail.split(",").map((m) => tr(lang, MEASURE_TEXT[m as Measure] ?? { nl: m, en: m })).join(", ");
  return detail;
}

export function CaseFilePage(props: CaseFileProps) {
  const { lang, desk, file, csrf } = props;
  const { record, content } = file;
  const errors = props.errors ?? {};
  const base = `/balie/${desk.id}/${record.member}/${record.id}`;
  const stateName = (state: typeof record.state) => tr(lang, (record.kind === "advies" ? ADVICE_STATE[state] : undefined) ?? STATE_FOR_STAFF[state]);
  const title = fill(tr(lang, record.kind === "advies" ? C.adviceTitle : C.title), { date: formatDate(lang, record.receivedAt) });
  const row = (label: string, value: Child) => (
    <div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">{label}</dt>
      <dd class="utrecht-data-list__item-value">{value}</dd>
    </div>
  );
  const hidden = (
    <>
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="lang" value={lang} />
    </>
  );
  const fileLinks = (files: CaseFile["files"]) =>
    files.length === 0 ? null : (
      <ul class="utrecht-unordered-list">
        {files.map((f) => (
          <li class="utrecht-unordered-list__item">
            {props.print ? (
              f.name
            ) : (
              <a class="utrecht-link" href={href(lang, `${base}/bijlage/${f.id}`)}>
                {f.name}
              </a>
            )}{" "}
            ({tr(lang, FILE_TYPE_TEXT[f.type])}, {formatBytes(lang, f.bytes)})
          </li>
        ))}
      </ul>
    );
  const contact = content.contact;
  return (
    <Layout tables lang={lang} title={props.print ? `${tr(lang, C.printTitle)}: ${title}` : title} path={props.print ? `${base}/afdrukken` : base} hasErrors={Object.keys(errors).length > 0}>
      <h1 class="utrecht-heading-1">{props.print ? `${tr(lang, C.printTitle)}: ${title}` : title}</h1>
      <div class="utrecht-alert" role="status">
        {props.notice ? <p class="utrecht-paragraph">{props.notice}</p> : null}
        <p class="utrecht-paragraph">{tr(lang, props.print ? C.printNotice : C.auditNotice)}</p>
      </div>
      <ErrorSummary lang={lang} errors={errors} anchors={{ measures: `measures-${props.measures[0] ?? "geen"}`, kind: "kind-bericht", form: "next-title" }} />

      <dl class="utrecht-data-list">
        {row(tr(lang, T.statusLabel), stateName(record.state))}
        {row(tr(lang, T.organisationLabel), props.memberName)}
        {row(tr(lang, T.receivedLabel), formatDate(lang, record.receivedAt))}
        {row(tr(lang, C.channelLabel), tr(lang, Channels.labels[record.channel]))}
        {row(
          tr(lang, record.kind === "melding" ? T.ackDueLabel : T.answerDueLabel),
          deadlineText(lang, record.ackDueAt, record.state === "ontvangen" ? undefined : record.history.find((h) => h.state !== "ontvangen")?.at, props.now),
        )}
        {record.kind === "melding" ? row(tr(lang, T.feedbackDueLabel), deadlineText(lang, record.feedbackDueAt, record.feedbackAt, props.now)) : null}
        {row(tr(lang, T.categoryLabel), record.subcategories.map((s) => tr(lang, subcategoryLabel(s))).join(", "))}
        {row(tr(lang, C.trackLabel), tr(lang, Tracks.labels[record.track]))}
        {row(tr(lang, C.relationLabel), tr(lang, Relations.labels[record.relation]))}
        {row(tr(lang, C.reporterTypeLabel), tr(lang, ReporterTypes.labels[record.reporterType]))}
        {content.anonymity ? row(tr(lang, C.anonymityLabel), tr(lang, Anonymity.labels[content.anonymity])) : null}
        {contact ? row(tr(lang, C.contactLabel), [contact.name, contact.phone, contact.email].filter(Boolean).join(" · ")) : null}
        {row(tr(lang, C.reasonsLabel), record.routeReasons.map((r) => tr(lang, r)).join(" "))}
        {record.kind === "advies"
          ? row(
              tr(lang, C.consentLabel),
              file.consent ? fill(tr(lang, file.consent.given ? C.consentGiven : C.consentWithdrawn), { date: formatDate(lang, file.consent.at) }) : tr(lang, C.consentNone),
            )
          : null}
        {record.recordReview ? row(tr(lang, C.reviewLabel), record.recordReview.status) : null}
      </dl>

      <h2 class="utrecht-heading-2">{tr(lang, C.contentTitle)}</h2>
      <p class="utrecht-paragraph hub-report-text" data-testid="case-text">
        {content.description}
      </p>
      <dl class="utrecht-data-list">
        {content.when ? row(tr(lang, C.whenLabel), content.when) : null}
        {content.where ? row(tr(lang, C.whereLabel), content.where) : null}
        {content.witnesses ? row(tr(lang, C.witnessesLabel), <span class="hub-report-text">{content.witnesses}</span>) : null}
        {content.personName ? row(tr(lang, C.personNameLabel), content.personName) : null}
      </dl>
      {file.files.length > 0 ? <h3 class="utrecht-heading-3">{tr(lang, C.filesTitle)}</h3> : null}
      {fileLinks(file.files)}

      {props.print ? null : (
        <section aria-labelledby="next-title">
          <h2 class="utrecht-heading-2" id="next-title">
            {tr(lang, C.nextTitle)}
          </h2>
          {file.next.length === 0 ? <p class="utrecht-paragraph">{tr(lang, C.nextNone)}</p> : null}
          {file.next.map(({ to, need }) => (
            <form method="post" action={href(lang, `${base}/status`)} class="hub-step" novalidate>
              {hidden}
              {/* The step this page showed: a move by someone else since is refused, not overwritten. */}
              <input type="hidden" name="seen" value={caseStep(record)} />
              <input type="hidden" name="to" value={to} />
              {need === "measures" ? (
                <CheckboxGroup
                  field="measures"
                  legend={tr(lang, { nl: "Maatregelen", en: "Measures" })}
                  options={props.measures.map((m) => ({ value: m, label: tr(lang, MEASURE_TEXT[m]) }))}
                  checked={[]}
                  errors={errors}
                />
              ) : need ? (
                // Each need occurs at most once among a state's next steps, so its field name is a unique id.
                <Field field={need} label={tr(lang, NEED_LABELS[need])} errors={errors}>
                  <select class="utrecht-select utrecht-select--html-select" id={need} name={need} {...fieldAria(need, errors, false)}>
                    {NEED_OPTIONS[need].codes.map((code) => (
                      <option value={code}>{tr(lang, NEED_OPTIONS[need].labels[code] as { nl: string; en: string })}</option>
                    ))}
                  </select>
                </Field>
              ) : null}
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                {fill(tr(lang, C.moveTo), { state: stateName(to) })}
              </button>
            </form>
          ))}
        </section>
      )}

      {record.kind === "advies" && !props.print ? (
        <section aria-labelledby="vp-title">
          <h2 class="utrecht-heading-2" id="vp-title">
            {tr(lang, C.vpTitle)}
          </h2>
          <form method="post" action={href(lang, `${base}/vp`)} novalidate>
            {hidden}
            {(
              [
                ["sickLeave", C.sickLeaveLegend, record.vp?.sickLeave],
                ["formalComplaint", C.complaintLegend, record.vp?.formalComplaint],
              ] as const
            ).map(([field, legend, value]) => (
              <RadioGroup
                field={field}
                legend={tr(lang, legend)}
                options={[
                  { value: "ja", label: tr(lang, C.yes) },
                  { value: "nee", label: tr(lang, C.no) },
                ]}
                checked={value === undefined ? undefined : value ? "ja" : "nee"}
                errors={errors}
              />
            ))}
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
              {tr(lang, C.saveVp)}
            </button>
          </form>
        </section>
      ) : null}

      <h2 class="utrecht-heading-2">{tr(lang, C.signalsTitle)}</h2>
      <p class="utrecht-paragraph">{tr(lang, C.signalsIntro)}</p>
      {file.signals.length > 0 ? (
        <ul class="utrecht-unordered-list" data-testid="signals">
          {file.signals.map((count, i) => (
            <li class="utrecht-unordered-list__item">{fill(tr(lang, count === 1 ? C.signalCountOne : C.signalCount), { n: String(i + 1), count: String(count) })}</li>
          ))}
        </ul>
      ) : null}
      {props.print ? null : (
        <form method="post" action={href(lang, `${base}/persoon`)} novalidate autocomplete="off">
          {hidden}
          <Field field="name" label={tr(lang, C.personNameField)} errors={errors}>
            <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id="name" name="name" maxlength={200} {...fieldAria("name", errors, false)} />
          </Field>
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            {tr(lang, C.tagPerson)}
          </button>
        </form>
      )}

      <h2 class="utrecht-heading-2">{tr(lang, C.messagesTitle)}</h2>
      {file.messages.length === 0 ? <p class="utrecht-paragraph">{tr(lang, C.messagesNone)}</p> : null}
      {file.messages.map((m) => (
        <article class="hub-message" aria-labelledby={`message-${m.id}`}>
          <h3 class="utrecht-heading-3" id={`message-${m.id}`}>
            {m.kind === "correctie"
              ? tr(lang, C.correctionFrom)
              : m.from === "melder"
                ? tr(lang, C.fromReporter)
                : fill(tr(lang, m.kind === "terugkoppeling" ? C.feedbackFrom : C.fromDesk), { by: m.by ?? "" })}
            , {formatDate(lang, m.at)}
            {m.isNew ? ` (${tr(lang, C.isNew)})` : ""}
          </h3>
          <p class="utrecht-paragraph hub-report-text">{m.text}</p>
          {fileLinks(m.files)}
        </article>
      ))}
      {props.print || record.state === "gesloten" ? null : (
        <form method="post" action={href(lang, `${base}/bericht`)} enctype="multipart/form-data" novalidate>
          {hidden}
          <Field field="text" label={tr(lang, C.writeLabel)} hint={tr(lang, C.writeHint)} errors={errors}>
            <textarea class="utrecht-textarea hub-textarea" id="text" name="text" rows={5} maxlength={MAX_MESSAGE} {...fieldAria("text", errors, true)}>
              {props.values?.text ?? ""}
            </textarea>
          </Field>
          <RadioGroup
            field="kind"
            legend={tr(lang, C.kindLegend)}
            options={[
              { value: "bericht", label: tr(lang, C.kindMessage) },
              { value: "terugkoppeling", label: tr(lang, C.kindFeedback) },
            ]}
            checked="bericht"
            errors={errors}
          />
          <FilesField lang={lang} errors={errors} limits={props.fileLimits} />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            {tr(lang, C.send)}
          </button>
        </form>
      )}

      <h2 class="utrecht-heading-2">{tr(lang, C.notesTitle)}</h2>
      <p class="utrecht-paragraph">{tr(lang, C.notesIntro)}</p>
      {file.notes.length === 0 ? <p class="utrecht-paragraph">{tr(lang, C.notesNone)}</p> : null}
      {file.notes.map((n) => (
        <article class="hub-message" aria-labelledby={`note-${n.id}`}>
          <h3 class="utrecht-heading-3" id={`note-${n.id}`}>
            {n.by}, {formatDate(lang, n.at)}
          </h3>
          <p class="utrecht-paragraph hub-report-text">{n.text}</p>
        </article>
      ))}
      {props.print ? null : (
        <form method="post" action={href(lang, `${base}/notitie`)} novalidate>
          {hidden}
          <Field field="note" label={tr(lang, C.noteLabel)} errors={errors}>
            <textarea class="utrecht-textarea hub-textarea" id="note" name="note" rows={3} maxlength={MAX_MESSAGE} {...fieldAria("note", errors, false)}>
              {props.values?.note ?? ""}
            </textarea>
          </Field>
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            {tr(lang, C.addNote)}
          </button>
        </form>
      )}

      <h2 class="utrecht-heading-2">{tr(lang, C.historyTitle)}</h2>
      <ol class="utrecht-ordered-list">
        {record.history.map((h) => (
          <li class="utrecht-ordered-list__item">
            {formatDate(lang, h.at)}: {h.event ? `${tr(lang, EVENT_FOR_STAFF[h.event])} (${stateName(h.state)})` : stateName(h.state)}
            {h.event === "doorgestuurd" && h.to ? ` — ${fill(tr(lang, C.forwarded), { desk: props.deskNames[h.to.desk] ?? h.to.desk })}` : ""}
            {h.detail ? ` — ${detailText(lang, h.state, h.detail)}` : ""} ({h.by})
          </li>
        ))}
      </ol>

      {props.print ? null : (
        <>
          <LinkParagraph href={href(lang, `${base}/afdrukken`)}>{tr(lang, C.print)}</LinkParagraph>
          <LinkParagraph href={href(lang, `${base}/doorsturen`)}>{tr(lang, { nl: "Doorsturen naar een andere balie", en: "Forward to another desk" })}</LinkParagraph>
          {/* The casuïstiek library: from a closed case only; the description never links back here. */}
          {record.state === "gesloten" ? (
            <LinkParagraph href={href(lang, `/bibliotheek/nieuw?balie=${desk.id}&organisatie=${record.member}&melding=${record.id}`)}>
              {tr(lang, { nl: "Beschrijven voor de casuïstiekbibliotheek", en: "Describe for the casuïstiek library" })}
            </LinkParagraph>
          ) : null}
          <LinkParagraph href={href(lang, `/balie/${desk.id}`)}>{tr(lang, T.backToQueue)}</LinkParagraph>
        </>
      )}
      {props.print ? null : <script src={FILES_SCRIPT_PATH} defer></script>}
    </Layout>
  );
}
