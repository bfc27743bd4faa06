// The vertrouwenspersoon's anonymous signal to a member's management: counts per subject over the last twelve months
// (under 5 as "<5", no total) and the VP's own remark, previewed here exactly as it will be sent.
import { type Desk, type Member, TAXONOMY } from "@meldpunt/domain";
import type { VpSignal } from "@meldpunt/domain/staff";
import { ErrorSummary, type Errors, Field, fieldAria, LinkParagraph } from "../form";
import { formatDate, href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { fill, T } from "../text";
import { DataTable } from "../data-table";

const V = {
  title: { nl: "Signaal aan het management", en: "Signal to management" },
  intro: {
    nl: "Laat het management van een organisatie weten wat er speelt, zonder iemand aan te wijzen. Het signaal bevat alleen aantallen per onderwerp over de afgelopen twaalf maanden (onder 5 als \"<5\", zonder totaal) en uw eigen toelichting.",
    en: "Let an organisation's management know what is going on, without pointing at anyone. The signal holds only counts per subject over the last twelve months (under 5 as \"<5\", without a total) and your own remark.",
  },
  member: { nl: "Organisatie", en: "Organisation" },
  choose: { nl: "Toon", en: "Show" },
  period: { nl: "Adviescontacten van {from} tot {to}", en: "Advice contacts from {from} to {to}" },
  subject: { nl: "Onderwerp", en: "Subject" },
  count: { nl: "Aantal", en: "Count" },
  none: { nl: "Geen adviescontacten in deze periode.", en: "No advice contacts in this period." },
  remark: { nl: "Uw toelichting", en: "Your remark" },
  remarkHint: {
    nl: "Noem geen namen, afdelingen van enkele mensen of data die iemand herkenbaar maken.",
    en: "Name no people, no teams of a few people and no dates that make someone recognisable.",
  },
  send: { nl: "Signaal versturen aan de beheerders van de organisatie", en: "Send the signal to the organisation's administrators" },
  sent: { nl: "Het signaal is verstuurd aan {n} beheerder(s).", en: "The signal was sent to {n} administrator(s)." },
};

export function VpSignalPage(props: {
  lang: Lang;
  desk: Desk;
  members: Pick<Member, "id" | "name">[];
  member: Pick<Member, "id" | "name">;
  signal: VpSignal;
  csrf: string;
  sent?: number;
  errors?: Errors;
  remark?: string;
}) {
  const { lang, desk, signal } = props;
  const errors = props.errors ?? {};
  const path = `/balie/${desk.id}/signaal`;
  return (
    <Layout tables lang={lang} title={tr(lang, V.title)} path={path} query={`?organisatie=${props.member.id}`} hasErrors={Object.keys(errors).length > 0}>
      <h1 class="utrecht-heading-1">{tr(lang, V.title)}</h1>
      {props.sent !== undefined ? (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <p class="utrecht-paragraph">{fill(tr(lang, V.sent), { n: String(props.sent) })}</p>
        </div>
      ) : null}
      <ErrorSummary lang={lang} errors={errors} />
      <p class="utrecht-paragraph">{tr(lang, V.intro)}</p>
      <form method="get" action={path}>
        {lang === "en" ? <input type="hidden" name="lang" value="en" /> : null}
        <Field field="organisatie" label={tr(lang, V.member)} errors={{}}>
          <select class="utrecht-select utrecht-select--html-select" id="organisatie" name="organisatie">
            {props.members.map((m) => (
              <option value={m.id} selected={m.id === props.member.id}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {tr(lang, V.choose)}
        </button>
      </form>
      <h2 class="utrecht-heading-2">{fill(tr(lang, V.period), { from: formatDate(lang, signal.from), to: formatDate(lang, signal.to) })}</h2>
      {signal.bySubject.length === 0 ? (
        <p class="utrecht-paragraph">{tr(lang, V.none)}</p>
      ) : (
        <DataTable lang={lang} testId="signal" headers={[V.subject, V.count]}>
            {signal.bySubject.map((s) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{tr(lang, TAXONOMY[s.category].label)}</td>
                <td class="utrecht-table__cell">{String(s.count)}</td>
              </tr>
            ))}
          </DataTable>
      )}
      <form method="post" action={href(lang, `${path}?organisatie=${props.member.id}`)} novalidate>
        <input type="hidden" name="csrf" value={props.csrf} />
        <input type="hidden" name="lang" value={lang} />
        <Field field="remark" label={tr(lang, V.remark)} hint={tr(lang, V.remarkHint)} errors={errors}>
          <textarea class="utrecht-textarea hub-textarea" id="remark" name="remark" rows={5} maxlength={2000} {...fieldAria("remark", errors, true)}>
            {props.remark ?? ""}
          </textarea>
        </Field>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {tr(lang, V.send)}
        </button>
      </form>
      <LinkParagraph href={href(lang, `/balie/${desk.id}`)}>{tr(lang, T.backToQueue)}</LinkParagraph>
    </Layout>
  );
}
