// A desk's queue: the open cases of every member it serves, the first due first, with filters (a plain GET form),
// counts, deadline badges and pages. Metadata only: no case content is decrypted for this page.
import { CATEGORY_CODES, CaseStateSchema, type Desk, type Member, nextDeadline, TAXONOMY, Tracks } from "@meldpunt/domain";
import type { QueueFilter, QueueView } from "@meldpunt/domain/staff";
import { FilterSelect, LinkParagraph } from "../form";
import { formatDate, href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { D, DEADLINE_BADGES } from "../desk-text";
import { fill, STATE_FOR_STAFF, T } from "../text";
import { DataTable } from "../data-table";

export interface DeskQueueProps {
  lang: Lang;
  desk: Desk;
  members: Pick<Member, "id" | "name">[];
  view: QueueView;
  filter: QueueFilter;
  forwarded?: boolean;
}

/** The queue's query string for a filter (and page), so paging keeps the filter and the filter starts at page 1. */
function queueQuery(filter: QueueFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && !(key === "pagina" && value === 1)) params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function DeskQueuePage(props: DeskQueueProps) {
  const { lang, desk, view, filter } = props;
  const memberName = (id: string) => props.members.find((m) => m.id === id)?.name ?? id;
  const title = fill(tr(lang, D.queueTitle), { desk: desk.name });
  const path = `/balie/${desk.id}`;
  const select = (name: "status" | "onderwerp" | "spoor" | "termijn", label: string, options: { value: string; label: string }[]) => (
    <FilterSelect id={`filter-${name}`} name={name} label={label} options={options} selected={filter[name]} emptyLabel={tr(lang, D.filterAll)} />
  );
  const badges = (c: QueueView["items"][number]) => {
    const deadline = nextDeadline(c)?.deadline;
    const urgent = deadline && c.urgency ? tr(lang, DEADLINE_BADGES[c.urgency][deadline]) : "";
    return [urgent, c.deskUnread ? tr(lang, D.badgeUnread) : ""].filter(Boolean).join(", ");
  };
  const feedbackBy = (c: QueueView["items"][number]) =>
    c.kind === "advies" ? tr(lang, D.noFeedbackTerm) : c.feedbackAt ? tr(lang, D.feedbackGiven) : formatDate(lang, c.feedbackDueAt);
  return (
    <Layout tables lang={lang} title={title} path={path} query={queueQuery(filter)}>
      <h1 class="utrecht-heading-1">{title}</h1>
      {props.forwarded ? (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="utrecht-paragraph">{tr(lang, D.forwarded)}</p>
        </div>
      ) : null}
      <p class="utrecht-paragraph">{tr(lang, D.queueIntro)}</p>
      <LinkParagraph href={href(lang, `${path}/registreren`)}>{tr(lang, D.registerLink)}</LinkParagraph>
      {desk.type === "vp" ? <LinkParagraph href={href(lang, `${path}/signaal`)}>{tr(lang, D.signalLink)}</LinkParagraph> : null}
      <p class="utrecht-paragraph" data-testid="queue-counts">
        {fill(tr(lang, D.counts), {
          open: String(view.counts.open),
          overdue: String(view.counts.overdue),
          dueSoon: String(view.counts.dueSoon),
          unread: String(view.counts.unread),
        })}
      </p>

      <form method="get" action={path} class="hub-filters" aria-labelledby="filter-title">
        <h2 class="utrecht-heading-2" id="filter-title">
          {tr(lang, D.filterTitle)}
        </h2>
        {lang === "en" ? <input type="hidden" name="lang" value="en" /> : null}
        {select(
          "status",
          tr(lang, D.stateHeader),
          CaseStateSchema.options.filter((s) => s !== "gesloten" && s !== "doorverwezen").map((s) => ({ value: s, label: tr(lang, STATE_FOR_STAFF[s]) })),
        )}
        {select("onderwerp", tr(lang, D.subjectHeader), CATEGORY_CODES.map((code) => ({ value: code, label: tr(lang, TAXONOMY[code].label) })))}
        {select("spoor", tr(lang, D.trackHeader), Tracks.codes.map((code) => ({ value: code, label: tr(lang, Tracks.labels[code]) })))}
        {select("termijn", tr(lang, D.deadlineFilter), [
          { value: "te-laat", label: tr(lang, D.badgeOverdue) },
          { value: "binnenkort", label: tr(lang, D.badgeDueSoon) },
        ])}
        <div class="utrecht-form-field utrecht-form-field--checkbox hub-filter">
          <div class="utrecht-form-field__input">
            <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="filter-ongelezen" name="ongelezen" value="1" checked={filter.ongelezen === "1"} />
          </div>
          <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="filter-ongelezen">
              {tr(lang, D.unreadFilter)}
            </label>
          </div>
        </div>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {tr(lang, D.filterButton)}
        </button>
      </form>

      <p class="utrecht-paragraph" role="status">
        {fill(tr(lang, D.matching), { matching: String(view.matching), page: String(view.page), pages: String(view.pages) })}
      </p>
      {view.items.length === 0 ? (
        <p class="utrecht-paragraph">{tr(lang, D.queueEmpty)}</p>
      ) : (
        <DataTable lang={lang} testId="queue" headers={[D.receivedHeader, D.memberHeader, D.subjectHeader, D.kindHeader, D.stateHeader, D.ackDueHeader, D.feedbackDueHeader, D.attentionHeader, D.actionsHeader]}>
            {view.items.map((c) => (
              <tr class="utrecht-table__row" data-case={c.id} data-urgency={c.urgency ?? ""}>
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={href(lang, `/balie/${desk.id}/${c.member}/${c.id}`)}>
                    {formatDate(lang, c.receivedAt)}
                    <span class="hub-visually-hidden"> {tr(lang, D.openCase)}</span>
                  </a>
                </td>
                <td class="utrecht-table__cell">{memberName(c.member)}</td>
                <td class="utrecht-table__cell">
                  {c.categories.map((code) => tr(lang, TAXONOMY[code].label)).join(", ")} ({tr(lang, Tracks.labels[c.track])})
                </td>
                <td class="utrecht-table__cell">{tr(lang, c.kind === "advies" ? D.adviceKind : D.kinds)}</td>
                <td class="utrecht-table__cell">{tr(lang, STATE_FOR_STAFF[c.state])}</td>
                <td class="utrecht-table__cell">{formatDate(lang, c.ackDueAt)}</td>
                <td class="utrecht-table__cell">{feedbackBy(c)}</td>
                <td class="utrecht-table__cell">
                  <strong>{badges(c)}</strong>
                </td>
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={href(lang, `/balie/${desk.id}/${c.member}/${c.id}/doorsturen`)}>
                    {tr(lang, D.forward)}
                    <span class="hub-visually-hidden"> {formatDate(lang, c.receivedAt)}</span>
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
      )}
      {view.pages > 1 ? (
        <nav aria-label={tr(lang, D.pagesLabel)}>
          <ul class="utrecht-unordered-list">
            {Array.from({ length: view.pages }, (_, i) => i + 1).map((n) => (
              <li class="utrecht-unordered-list__item">
                {n === view.page ? (
                  <span aria-current="page">{fill(tr(lang, D.pageN), { n: String(n) })}</span>
                ) : (
                  <a class="utrecht-link" href={href(lang, `${path}${queueQuery({ ...filter, pagina: n })}`)}>
                    {fill(tr(lang, D.pageN), { n: String(n) })}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <LinkParagraph href={href(lang, "/medewerker")}>{tr(lang, T.backToStaff)}</LinkParagraph>
    </Layout>
  );
}
