// The casuïstiek library's pages (DESIGN §4): the published entries with filters, one entry with its comments, the
// form that describes a closed case, and the drafts awaiting review. No page names or links to a case, except the form,
// which is reached from the case and links back to it. Server-rendered; every form works without JavaScript.
import {
  CATEGORY_CODES,
  type CategoryCode,
  type SubcategoryCode,
  subcategoryLabel,
  TAXONOMY,
} from "@meldpunt/domain";
import {
  type LibraryComment,
  type LibraryDraft,
  type LibraryEntry,
  type LibraryFilter,
  type LibrarySummary,
  MAX_LIBRARY_COMMENT,
  MAX_LIBRARY_TEXT,
  MAX_LIBRARY_TITLE,
  MAX_REJECTION_REASON,
} from "@meldpunt/domain/staff";
import type { Child } from "hono/jsx";
import { ErrorSummary, type Errors, Field, FieldError, FilterSelect, FIRST_SUBJECT_ID, fieldAria, LinkParagraph, SubjectCheckboxes } from "../form";
import { formatDate, href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { L, LIBRARY_FIELD_LABELS, LIBRARY_HINTS, LIBRARY_STATE_TEXT } from "../library-text";
import { fill } from "../text";
import { DataTable } from "../data-table";

const categoriesText = (lang: Lang, categories: readonly CategoryCode[]) => categories.map((c) => tr(lang, TAXONOMY[c].label)).join(", ");
const subjectsText = (lang: Lang, subs: readonly SubcategoryCode[]) =>
  subs.map((s) => `${tr(lang, TAXONOMY[s.slice(0, s.indexOf(".")) as CategoryCode].label)}: ${tr(lang, subcategoryLabel(s))}`).join("; ");

function Notice(props: { text?: string }) {
  return props.text ? (
    <div class="utrecht-alert utrecht-alert--ok" role="status">
      <p class="utrecht-paragraph">{props.text}</p>
    </div>
  ) : null;
}

function Row(props: { label: string; children: Child }) {
  return (
    <div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">{props.label}</dt>
      <dd class="utrecht-data-list__item-value">{props.children}</dd>
    </div>
  );
}

function Hidden(props: { lang: Lang; csrf: string }) {
  return (
    <>
      <input type="hidden" name="csrf" value={props.csrf} />
      <input type="hidden" name="lang" value={props.lang} />
    </>
  );
}

/** The list's query string for a filter, so that the language switch keeps it. */
export function libraryQuery(filter: LibraryFilter): string {
  const params = new URLSearchParams();
  if (filter.categorie) params.set("categorie", filter.categorie);
  if (filter.jaar) params.set("jaar", filter.jaar);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export interface LibraryListProps {
  lang: Lang;
  entries: LibrarySummary[];
  years: number[];
  filter: LibraryFilter;
  /** Desk staff: a link to the drafts awaiting review. */
  mayReview: boolean;
}

export function LibraryListPage(props: LibraryListProps) {
  const { lang, filter } = props;
  const title = tr(lang, L.libraryTitle);
  const select = (name: "categorie" | "jaar", label: string, options: { value: string; label: string }[]) => (
    <FilterSelect id={`filter-${name}`} name={name} label={label} options={options} selected={filter[name]} emptyLabel={tr(lang, L.filterAll)} />
  );
  return (
    <Layout tables lang={lang} title={title} path="/bibliotheek" query={libraryQuery(filter)}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{tr(lang, L.libraryIntro)}</p>
      {props.mayReview ? <LinkParagraph href={href(lang, "/bibliotheek/te-beoordelen")}>{tr(lang, L.reviewLink)}</LinkParagraph> : null}
      <form method="get" action="/bibliotheek" class="hub-filters" aria-labelledby="filter-title">
        <h2 class="utrecht-heading-2" id="filter-title">
          {tr(lang, L.filterTitle)}
        </h2>
        {lang === "en" ? <input type="hidden" name="lang" value="en" /> : null}
        {select(
          "categorie",
          tr(lang, L.filterCategory),
          CATEGORY_CODES.map((c) => ({ value: c, label: tr(lang, TAXONOMY[c].label) })),
        )}
        {select(
          "jaar",
          tr(lang, L.filterYear),
          props.years.map((y) => ({ value: String(y), label: String(y) })),
        )}
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {tr(lang, L.filterShow)}
        </button>
      </form>
      <p class="utrecht-paragraph" data-testid="library-count">
        {fill(tr(lang, L.count), { n: String(props.entries.length) })}
      </p>
      {props.entries.length === 0 ? (
        <p class="utrecht-paragraph">{tr(lang, L.none)}</p>
      ) : (
        <DataTable lang={lang} testId="library" headers={[L.colTitle, L.colSubjects, L.colYear, L.colPublished]}>
            {props.entries.map((e) => (
              <tr class="utrecht-table__row" data-entry={e.id}>
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={href(lang, `/bibliotheek/${e.id}`)}>
                    {e.title}
                  </a>
                </td>
                <td class="utrecht-table__cell">{categoriesText(lang, e.categories)}</td>
                <td class="utrecht-table__cell">{String(e.year)}</td>
                <td class="utrecht-table__cell">{e.publishedOn ? formatDate(lang, e.publishedOn) : ""}</td>
              </tr>
            ))}
          </DataTable>
      )}
    </Layout>
  );
}

export interface LibraryEntryProps {
  lang: Lang;
  entry: Omit<LibraryEntry, "ref">;
  comments: LibraryComment[];
  /** The viewer wrote it. */
  mine: boolean;
  /** The viewer may approve or return drafts (desk staff), and this one is not theirs. */
  mayReview: boolean;
  mayComment: boolean;
  csrf: string;
  /** Member names for the comments' voices. */
  memberNames: Record<string, string>;
  notice?: string;
  errors?: Errors;
  values?: { text?: string; reason?: string };
}

export function LibraryEntryPage(props: LibraryEntryProps) {
  const { lang, entry } = props;
  const errors = props.errors ?? {};
  const path = `/bibliotheek/${entry.id}`;
  const voice = (c: LibraryComment) =>
    c.voice.role === "board" ? tr(lang, L.voiceBoard) : fill(tr(lang, L.voiceDesk), { member: props.memberNames[c.voice.member ?? ""] ?? c.voice.member ?? "" });
  const reviewing = entry.state === "concept" && props.mayReview && !props.mine;
  return (
    <Layout lang={lang} title={entry.title} path={path} hasErrors={Object.keys(errors).length > 0}>
      <h1 class="utrecht-heading-1">{entry.title}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={lang} errors={errors} anchors={{ form: "review-title" }} />
      {entry.state === "concept" && props.mine ? <p class="utrecht-paragraph">{tr(lang, L.mineConcept)}</p> : null}
      {entry.state === "afgewezen" ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">{tr(lang, L.returnedNotice)}</p>
        </div>
      ) : null}
      <dl class="utrecht-data-list">
        {entry.state !== "gepubliceerd" ? <Row label={tr(lang, L.stateLabel)}>{tr(lang, LIBRARY_STATE_TEXT[entry.state])}</Row> : null}
        {entry.state === "afgewezen" && entry.rejection ? <Row label={tr(lang, L.rejectionLabel)}>{entry.rejection}</Row> : null}
        <Row label={tr(lang, L.subjectsLabel)}>{subjectsText(lang, entry.subcategories)}</Row>
        <Row label={tr(lang, L.yearLabel)}>{String(entry.year)}</Row>
        {entry.publishedOn ? (
          <Row label={tr(lang, L.publishedLabel)}>{formatDate(lang, entry.publishedOn)}</Row>
        ) : (
          <Row label={tr(lang, L.submittedLabel)}>{formatDate(lang, entry.submittedOn)}</Row>
        )}
      </dl>
      {(["situation", "dilemma", "route", "outcome", "lessons"] as const).map((field) => (
        <section aria-labelledby={`${field}-title`}>
          <h2 class="utrecht-heading-2" id={`${field}-title`}>
            {tr(lang, LIBRARY_FIELD_LABELS[field])}
          </h2>
          <p class="utrecht-paragraph hub-report-text" data-testid={`entry-${field}`}>
            {entry[field]}
          </p>
        </section>
      ))}

      {reviewing ? (
        <section aria-labelledby="review-title">
          <h2 class="utrecht-heading-2" id="review-title">
            {tr(lang, L.approveTitle)}
          </h2>
          <p class="utrecht-paragraph">{tr(lang, L.approveIntro)}</p>
          <form method="post" action={href(lang, `${path}/goedkeuren`)}>
            <Hidden lang={lang} csrf={props.csrf} />
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              {tr(lang, L.approve)}
            </button>
          </form>
          <form method="post" action={href(lang, `${path}/terugsturen`)} novalidate>
            <Hidden lang={lang} csrf={props.csrf} />
            <Field field="reason" label={tr(lang, L.reasonLabel)} hint={tr(lang, L.reasonHint)} errors={errors}>
              <textarea class="utrecht-textarea hub-textarea" id="reason" name="reason" rows={3} maxlength={MAX_REJECTION_REASON} {...fieldAria("reason", errors, true)}>
                {props.values?.reason ?? ""}
              </textarea>
            </Field>
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
              {tr(lang, L.reject)}
            </button>
          </form>
        </section>
      ) : null}

      {entry.state === "gepubliceerd" ? (
        <section aria-labelledby="comments-title">
          <h2 class="utrecht-heading-2" id="comments-title">
            {tr(lang, L.commentsTitle)}
          </h2>
          {props.comments.length === 0 ? <p class="utrecht-paragraph">{tr(lang, L.commentsNone)}</p> : null}
          {props.comments.map((c) => (
            <article class="hub-message" aria-labelledby={`comment-${c.seq}`} data-testid="comment">
              <h3 class="utrecht-heading-3" id={`comment-${c.seq}`}>
                {voice(c)}, {formatDate(lang, c.at)}
              </h3>
              <p class="utrecht-paragraph hub-report-text">{c.text}</p>
            </article>
          ))}
          {props.mayComment ? (
            <form method="post" action={href(lang, `${path}/reactie`)} novalidate>
              <Hidden lang={lang} csrf={props.csrf} />
              <Field field="text" label={tr(lang, L.commentLabel)} hint={tr(lang, L.commentHint)} errors={errors}>
                <textarea class="utrecht-textarea hub-textarea" id="text" name="text" rows={4} maxlength={MAX_LIBRARY_COMMENT} {...fieldAria("text", errors, true)}>
                  {props.values?.text ?? ""}
                </textarea>
              </Field>
              <button type="submit" class="utrecht-button utrecht-button--primary-action">
                {tr(lang, L.commentSend)}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}

      {entry.state === "gepubliceerd" ? (
        <LinkParagraph href={href(lang, "/bibliotheek")}>{tr(lang, L.backToLibrary)}</LinkParagraph>
      ) : (
        <LinkParagraph href={href(lang, "/bibliotheek/te-beoordelen")}>{tr(lang, L.backToReview)}</LinkParagraph>
      )}
    </Layout>
  );
}

export interface LibraryFormProps {
  lang: Lang;
  /** The closed case it describes: only to post back and to link back to the case. */
  source: { desk: string; member: string; caseId: string };
  draft: LibraryDraft;
  csrf: string;
  /** Why no description can be written from this case (it is not closed): shown instead of the form. */
  refusal?: string;
  errors?: Errors;
  /** What was posted, when the form comes back. */
  values?: Partial<Record<"title" | "situation" | "dilemma" | "route" | "outcome" | "lessons" | "year", string>> & { subcategories?: string[] };
}

export function LibraryFormPage(props: LibraryFormProps) {
  const { lang, source, draft } = props;
  const errors = props.errors ?? {};
  const values = { ...draft.values, ...props.values };
  const query = `?balie=${encodeURIComponent(source.desk)}&organisatie=${encodeURIComponent(source.member)}&melding=${encodeURIComponent(source.caseId)}`;
  const casePath = `/balie/${source.desk}/${source.member}/${source.caseId}`;
  const title = tr(lang, L.newTitle);
  const area = (field: "situation" | "dilemma" | "route" | "outcome" | "lessons") => (
    <Field field={field} label={tr(lang, LIBRARY_FIELD_LABELS[field])} hint={tr(lang, LIBRARY_HINTS[field])} errors={errors}>
      <textarea class="utrecht-textarea hub-textarea" id={field} name={field} rows={5} maxlength={MAX_LIBRARY_TEXT} {...fieldAria(field, errors, true)}>
        {values[field] ?? ""}
      </textarea>
    </Field>
  );
  return (
    <Layout lang={lang} title={title} path="/bibliotheek/nieuw" query={query} hasErrors={Object.keys(errors).length > 0}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary lang={lang} errors={errors} anchors={{ subcategories: FIRST_SUBJECT_ID, form: "library-form" }} />
      {props.refusal || draft.exists ? (
        <div class="utrecht-alert" role="status">
          <p class="utrecht-paragraph">{props.refusal ?? (draft.exists ? tr(lang, L.exists[draft.exists]) : "")}</p>
        </div>
      ) : (
        <>
          <p class="utrecht-paragraph">{tr(lang, L.newIntro)}</p>
          <p class="utrecht-paragraph">{tr(lang, L.newCheck)}</p>
          {draft.rejection !== undefined ? (
            <div class="utrecht-alert" role="status">
              <p class="utrecht-paragraph">{tr(lang, L.revising)}</p>
              <p class="utrecht-paragraph">
                {tr(lang, L.rejectionLabel)}: {draft.rejection}
              </p>
            </div>
          ) : null}
          <form method="post" action={href(lang, `/bibliotheek/nieuw${query}`)} id="library-form" novalidate>
            <Hidden lang={lang} csrf={props.csrf} />
            <Field field="title" label={tr(lang, LIBRARY_FIELD_LABELS.title)} hint={tr(lang, L.titleHint)} errors={errors}>
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                type="text"
                id="title"
                name="title"
                maxlength={MAX_LIBRARY_TITLE}
                value={values.title ?? ""}
                {...fieldAria("title", errors, true)}
              />
            </Field>
            {area("situation")}
            {area("dilemma")}
            {area("route")}
            {area("outcome")}
            {area("lessons")}
            <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" aria-describedby={fieldAria("subcategories", errors, false)["aria-describedby"]}>
              <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{tr(lang, L.subjectsLegend)}</legend>
              <FieldError field="subcategories" errors={errors} />
              <SubjectCheckboxes lang={lang} checked={values.subcategories ?? []} />
            </fieldset>
            <Field field="year" label={tr(lang, LIBRARY_FIELD_LABELS.year)} hint={tr(lang, L.yearHint)} errors={errors}>
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                type="text"
                inputmode="numeric"
                id="year"
                name="year"
                maxlength={4}
                size={6}
                value={values.year ?? ""}
                {...fieldAria("year", errors, true)}
              />
            </Field>
            <button type="submit" class="utrecht-button utrecht-button--primary-action">
              {tr(lang, L.submit)}
            </button>
          </form>
        </>
      )}
      <LinkParagraph href={href(lang, casePath)}>{tr(lang, L.backToCase)}</LinkParagraph>
    </Layout>
  );
}

export interface LibraryReviewProps {
  lang: Lang;
  awaiting: (LibrarySummary & { mine: boolean })[];
  returned: LibrarySummary[];
  notice?: string;
}

export function LibraryReviewPage(props: LibraryReviewProps) {
  const { lang } = props;
  const title = tr(lang, L.reviewTitle);
  return (
    <Layout tables lang={lang} title={title} path="/bibliotheek/te-beoordelen">
      <h1 class="utrecht-heading-1">{title}</h1>
      <Notice text={props.notice} />
      <p class="utrecht-paragraph">{tr(lang, L.reviewIntro)}</p>
      {props.awaiting.length === 0 ? (
        <p class="utrecht-paragraph">{tr(lang, L.reviewNone)}</p>
      ) : (
        <DataTable lang={lang} testId="awaiting" headers={[L.colTitle, L.colSubjects, L.colYear, L.colSubmitted]}>
            {props.awaiting.map((e) => (
              <tr class="utrecht-table__row" data-entry={e.id}>
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={href(lang, `/bibliotheek/${e.id}`)}>
                    {e.title}
                  </a>
                  {e.mine ? ` ${tr(lang, L.mineMark)}` : ""}
                </td>
                <td class="utrecht-table__cell">{categoriesText(lang, e.categories)}</td>
                <td class="utrecht-table__cell">{String(e.year)}</td>
                <td class="utrecht-table__cell">{formatDate(lang, e.submittedOn)}</td>
              </tr>
            ))}
          </DataTable>
      )}
      <h2 class="utrecht-heading-2">{tr(lang, L.returnedTitle)}</h2>
      {props.returned.length === 0 ? (
        <p class="utrecht-paragraph">{tr(lang, L.returnedNone)}</p>
      ) : (
        <ul class="utrecht-unordered-list" data-testid="returned">
          {props.returned.map((e) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={href(lang, `/bibliotheek/${e.id}`)}>
                {e.title}
              </a>
              {e.rejection ? ` — ${tr(lang, L.rejectionLabel)}: ${e.rejection}` : ""}
            </li>
          ))}
        </ul>
      )}
      <LinkParagraph href={href(lang, "/bibliotheek")}>{tr(lang, L.backToLibrary)}</LinkParagraph>
    </Layout>
  );
}
