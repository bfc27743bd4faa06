// The report form: one page that works without JavaScript. Nothing is stored until it is sent; a validation error
// brings the page back with everything the reporter typed and each message at its field.
import {
  Anonymity,
  Channels,
  MAX_DESCRIPTION,
  MAX_SHORT_TEXT,
  MAX_WITNESSES,
  type Member,
  Relations,
  ReporterTypes,
  Roles,
  UNKNOWN_MEMBER,
  Wishes,
} from "@meldpunt/domain";
import { ErrorSummary, type Errors, Field, FieldError, FIRST_SUBJECT_ID, fieldAria, RadioGroup, SubjectCheckboxes } from "../form";
import { href, type Lang, tr } from "../i18n";
import { brandOf, Layout } from "../layout";
import { M } from "../mailbox-text";
import { type FileLimits, FILES_SCRIPT_PATH, FilesField } from "./mailbox";

export const POW_SCRIPT_PATH = "/assets/pow.js";
import { R } from "../report-text";
import { T, WANTS_TEXT } from "../text";

export interface ReportFormValues {
  member?: string;
  wants?: string;
  reporterType?: string;
  subcategories?: string[];
  role?: string;
  relation?: string;
  personName?: string;
  description?: string;
  when?: string;
  where?: string;
  witnesses?: string;
  anonymity?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  notifyEmail?: string;
  /** Staff intake only. */
  channel?: string;
  receivedOn?: string;
}

const REPORT_FORM_ID = "report-form";

export function ReportFormPage(props: {
  lang: Lang;
  members: Pick<Member, "id" | "name" | "kind" | "theme">[];
  /** Issued with the form: sending the same form twice gives one report. */
  formToken: string;
  /** The proof-of-work challenge bound to the token (docs/decisions.md 24); /assets/pow.js fills `powNonce` from it. */
  powChallenge: string;
  /** A message for the whole form at the top (sent too early without a proof of work: wait and send again). */
  notice?: string;
  /** The GET's query (?organisatie=…&wens=…), kept by the language switch. */
  query?: string;
  values?: ReportFormValues;
  errors?: Errors;
  /** The form came back after files were sent with it: they must be chosen again. */
  filesLost?: boolean;
  fileLimits: FileLimits;
  /**
   * Staff register a report received by phone, in a meeting, by e-mail or letter on this form too: it asks how and
   * when it came in, posts to the desk with the session's CSRF token, and needs no proof of work.
   */
  intake?: { desk: string; csrf: string };
}) {
  const { lang, members, intake } = props;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  // Files cannot be put back in a file picker: a form that comes back asks for them again (decisions 26).
  const summary = { ...errors, ...(props.filesLost && !errors.files ? { files: tr(lang, M.filesAgain) } : {}) };
  const group = (kind: Member["kind"]) =>
    members
      .filter((m) => m.kind === kind)
      .map((m) => (
        <option value={m.id} selected={values.member === m.id}>
          {m.name}
        </option>
      ));
  const text = (field: keyof ReportFormValues, label: string, max: number, hint?: string, type = "text") => (
    <Field field={field} label={label} hint={hint} errors={errors}>
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type={type}
        id={field}
        name={field}
        maxlength={max}
        value={(values[field] as string | undefined) ?? ""}
        {...fieldAria(field, errors, Boolean(hint))}
      />
    </Field>
  );
  const select = (field: "role" | "relation", label: string, options: readonly string[], labels: Record<string, { nl: string; en: string }>, hint?: string) => (
    <Field field={field} label={label} hint={hint} errors={errors}>
      <select class="utrecht-select utrecht-select--html-select" id={field} name={field} {...fieldAria(field, errors, Boolean(hint))}>
        <option value="">{tr(lang, T.rolePlaceholder)}</option>
        {options.map((code) => (
          <option value={code} selected={values[field] === code}>
            {tr(lang, labels[code] as { nl: string; en: string })}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <Layout
      lang={lang}
      title={tr(lang, intake ? R.intakeTitle : T.reportTitle)}
      path={intake ? `/balie/${intake.desk}/registreren` : "/melden"}
      query={props.query}
      hasErrors={Object.keys(summary).length > 0 || Boolean(props.notice)}
      brand={brandOf(members.find((m) => m.id === values.member))}
      languageForm={intake ? undefined : REPORT_FORM_ID}
    >
      <h1 class="utrecht-heading-1">{tr(lang, intake ? R.intakeTitle : T.reportTitle)}</h1>
      {props.notice ? (
        <div class="utrecht-alert utrecht-alert--warning" role="alert" data-testid="form-notice">
          <p class="utrecht-paragraph">{props.notice}</p>
        </div>
      ) : null}
      <ErrorSummary lang={lang} errors={summary} anchors={{ subcategories: FIRST_SUBJECT_ID, reporterType: "reporterType-medewerker", anonymity: "anonymity-anoniem", wants: "wants-advies" }} />
      <p class="utrecht-paragraph">{tr(lang, intake ? R.intakeIntro : T.reportIntro)}</p>
      <form
        id={REPORT_FORM_ID}
        method="post"
        action={href(lang, intake ? `/balie/${intake.desk}/registreren` : "/melden")}
        enctype="multipart/form-data"
        novalidate
        data-pow={intake ? undefined : true}
      >
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="formToken" value={props.formToken} />
        {intake ? (
          <input type="hidden" name="csrf" value={intake.csrf} />
        ) : (
          <>
            <input type="hidden" name="powChallenge" value={props.powChallenge} />
            <input type="hidden" name="powNonce" value="" />
          </>
        )}

        <Field field="member" label={tr(lang, T.memberLabel)} hint={intake ? undefined : tr(lang, T.memberHint)} errors={errors}>
          <select class="utrecht-select utrecht-select--html-select" id="member" name="member" required {...fieldAria("member", errors, !intake)}>
            <option value="">{tr(lang, T.memberPlaceholder)}</option>
            <optgroup label={tr(lang, T.municipalities)}>{group("gemeente")}</optgroup>
            <optgroup label={tr(lang, T.jointBodies)}>{group("gr")}</optgroup>
            {/* Staff register a report for a member their desk handles; only a reporter may not know which. */}
            {intake ? null : (
              <option value={UNKNOWN_MEMBER} selected={values.member === UNKNOWN_MEMBER}>
                {tr(lang, T.memberUnknown)}
              </option>
            )}
          </select>
        </Field>

        {intake ? (
          <>
            <RadioGroup
              field="channel"
              legend={tr(lang, R.channelLegend)}
              options={Channels.codes.filter((c) => c !== "webformulier").map((code) => ({ value: code, label: tr(lang, Channels.labels[code]) }))}
              checked={values.channel ?? "telefoon"}
              errors={errors}
            />
            {text("receivedOn", tr(lang, R.receivedOnLabel), 10, tr(lang, R.receivedOnHint), "date")}
          </>
        ) : null}

        <RadioGroup
          field="wants"
          legend={tr(lang, T.wantsLegend)}
          options={Wishes.codes.map((code) => ({ value: code, label: tr(lang, WANTS_TEXT[code]) }))}
          checked={values.wants ?? "melding"}
          errors={errors}
        />

        <RadioGroup
          field="reporterType"
          legend={tr(lang, R.reporterTypeLegend)}
          options={ReporterTypes.codes.map((code) => ({ value: code, label: tr(lang, ReporterTypes.labels[code]) }))}
          checked={values.reporterType}
          errors={errors}
        />

        <h2 class="utrecht-heading-2">{tr(lang, R.whatTitle)}</h2>
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" aria-describedby={fieldAria("subcategories", errors, true)["aria-describedby"]}>
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{tr(lang, T.categoryLegend)}</legend>
          <p class="utrecht-form-field-description" id="subcategories-hint">
            {tr(lang, R.subcategoriesHint)}
          </p>
          <FieldError field="subcategories" errors={errors} />
          <SubjectCheckboxes lang={lang} checked={values.subcategories ?? []} />
        </fieldset>

        <Field field="description" label={tr(lang, intake ? R.recordLabel : T.descriptionLabel)} hint={tr(lang, intake ? R.recordHint : T.descriptionHint)} errors={errors}>
          <textarea class="utrecht-textarea hub-textarea" id="description" name="description" rows={10} maxlength={MAX_DESCRIPTION} required {...fieldAria("description", errors, true)}>
            {values.description ?? ""}
          </textarea>
        </Field>
        {text("when", tr(lang, R.whenLabel), MAX_SHORT_TEXT, tr(lang, R.whenHint))}
        {text("where", tr(lang, R.whereLabel), MAX_SHORT_TEXT)}

        <h2 class="utrecht-heading-2">{tr(lang, R.whoTitle)}</h2>
        {select("role", tr(lang, T.roleLabel), Roles.codes, Roles.labels, tr(lang, T.roleHint))}
        {select("relation", tr(lang, R.relationLabel), Relations.codes, Relations.labels)}
        {text("personName", tr(lang, R.personNameLabel), 200, tr(lang, R.personNameHint))}
        <Field field="witnesses" label={tr(lang, R.witnessesLabel)} hint={tr(lang, R.witnessesHint)} errors={errors}>
          <textarea class="utrecht-textarea hub-textarea" id="witnesses" name="witnesses" rows={4} maxlength={MAX_WITNESSES} {...fieldAria("witnesses", errors, true)}>
            {values.witnesses ?? ""}
          </textarea>
        </Field>
        <FilesField lang={lang} errors={summary} limits={props.fileLimits} />

        <h2 class="utrecht-heading-2">{tr(lang, R.howTitle)}</h2>
        <RadioGroup
          field="anonymity"
          legend={tr(lang, R.anonymityLegend)}
          options={Anonymity.codes.map((code) => ({ value: code, label: tr(lang, R.anonymityChoice[code]) }))}
          checked={values.anonymity ?? "anoniem"}
          errors={errors}
        />
        <p class="utrecht-paragraph">{tr(lang, R.contactIntro)}</p>
        {text("contactName", tr(lang, R.contactNameLabel), 200)}
        {text("contactPhone", tr(lang, R.contactPhoneLabel), 40, undefined, "tel")}
        {text("contactEmail", tr(lang, R.contactEmailLabel), 254, undefined, "email")}
        {text("notifyEmail", tr(lang, R.notifyEmailLabel), 254, tr(lang, R.notifyEmailHint), "email")}

        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {tr(lang, T.submitReport)}
        </button>
      </form>
      {/* No inline script (CSP script-src 'self'); without it the form still works, after a short wait. */}
      {intake ? null : <script src={POW_SCRIPT_PATH} defer></script>}
      <script src={FILES_SCRIPT_PATH} defer></script>
    </Layout>
  );
}
