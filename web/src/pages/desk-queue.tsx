// A desk's queue: the cases of every member it serves, the first due first. Metadata only: no case content is
// decrypted for this page (the queue reads it from the store's projection of clear fields).
import { type CaseSummary, type Desk, type Member, TAXONOMY, Tracks } from "@meldpunt/domain";
import { LinkParagraph } from "../form";
import { formatDate, href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { D } from "../desk-text";
import { fill, STATE_FOR_STAFF, T } from "../text";

export function DeskQueuePage(props: { lang: Lang; desk: Desk; members: Pick<Member, "id" | "name">[]; cases: CaseSummary[]; forwarded?: boolean }) {
  const { lang, desk, cases } = props;
  const memberName = (id: string) => props.members.find((m) => m.id === id)?.name ?? id;
  const title = fill(tr(lang, D.queueTitle), { desk: desk.name });
  return (
    <Layout tables lang={lang} title={title} path={`/balie/${desk.id}`}>
      <h1 class="utrecht-heading-1">{title}</h1>
      {props.forwarded ? (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="utrecht-paragraph">{tr(lang, D.forwarded)}</p>
        </div>
      ) : null}
      <p class="utrecht-paragraph">{tr(lang, D.queueIntro)}</p>
      {cases.length === 0 ? (
        <p class="utrecht-paragraph">{tr(lang, D.queueEmpty)}</p>
      ) : (
        <table class="utrecht-table hub-table" data-testid="queue">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {[D.receivedHeader, D.memberHeader, D.subjectHeader, D.kindHeader, D.stateHeader, D.ackDueHeader, D.feedbackDueHeader, D.actionsHeader].map((h) => (
                <th class="utrecht-table__header-cell" scope="col">
                  {tr(lang, h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {cases.map((c) => (
              <tr class="utrecht-table__row" data-case={c.id}>
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
                <td class="utrecht-table__cell">{formatDate(lang, c.feedbackDueAt)}</td>
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={href(lang, `/balie/${desk.id}/${c.member}/${c.id}/doorsturen`)}>
                    {tr(lang, D.forward)}
                    <span class="hub-visually-hidden"> {formatDate(lang, c.receivedAt)}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LinkParagraph href={href(lang, "/medewerker")}>{tr(lang, T.backToStaff)}</LinkParagraph>
    </Layout>
  );
}
