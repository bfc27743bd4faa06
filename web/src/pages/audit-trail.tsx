// The member admin's view of the organisation's audit trail: who read or changed which case when (ids and codes, never
// content), newest first, and a check of the whole chain.
import type { AuditEntry, ChainVerdict, Member } from "@meldpunt/domain";
import { LinkParagraph } from "../form";
import { href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { fill, T } from "../text";
import { DataTable } from "../data-table";

const A = {
  title: { nl: "Logboek van {member}", en: "Audit trail of {member}" },
  intro: {
    nl: "Elke keer dat iemand van een balie een melding van uw organisatie leest, afdrukt, een bestand opent of iets wijzigt, staat hier, en ook wat het meldpunt zelf doet (‘systeem’), zoals het verwijderen van een melding na afloop van uw bewaartermijn. Zonder inhoud. Elke regel is verbonden met de vorige, zodat wijzigen of weghalen opvalt.",
    en: "Every time someone on a desk reads, prints, opens a file of or changes a report of your organisation, it is listed here, and so is what the hub does by itself (‘systeem’), such as deleting a report once your retention period has ended. Without content. Each line is linked to the one before, so changing or removing one shows.",
  },
  verify: { nl: "Controleer het hele logboek", en: "Verify the whole audit trail" },
  ok: { nl: "Het logboek is in orde: {count} regels, niets gewijzigd of weggehaald.", en: "The audit trail is intact: {count} lines, nothing changed or removed." },
  altered: { nl: "Regel {seq} is gewijzigd. Meld dit aan de beheerder van het meldpunt.", en: "Line {seq} was changed. Report this to the hub's operator." },
  missing: { nl: "Regel {seq} ontbreekt. Meld dit aan de beheerder van het meldpunt.", en: "Line {seq} is missing. Report this to the hub's operator." },
  "tail-missing": { nl: "De laatste regels vanaf {seq} ontbreken. Meld dit aan de beheerder van het meldpunt.", en: "The last lines from {seq} on are missing. Report this to the hub's operator." },
  "head-invalid": {
    nl: "Het logboek is na regel {seq} niet door het meldpunt afgesloten: er kunnen regels aan het eind verwijderd zijn. Meld dit aan de beheerder van het meldpunt.",
    en: "The log was not closed by the hub after line {seq}: lines at the end may have been removed. Report this to the hub's operator.",
  },
  empty: { nl: "Het logboek is nog leeg.", en: "The audit trail is still empty." },
  seq: { nl: "Nr.", en: "No." },
  at: { nl: "Tijd", en: "Time" },
  actor: { nl: "Wie", en: "Who" },
  action: { nl: "Wat", en: "What" },
  case: { nl: "Melding", en: "Case" },
  detail: { nl: "Bijzonderheid", en: "Detail" },
  older: { nl: "Oudere regels", en: "Older lines" },
};

const ACTION_TEXT: Record<AuditEntry["action"], { nl: string; en: string }> = {
  "read-case": { nl: "Gelezen", en: "Read" },
  "download-attachment": { nl: "Bestand geopend", en: "File opened" },
  "print-case": { nl: "Afgedrukt", en: "Printed" },
  transition: { nl: "Status gewijzigd", en: "State changed" },
  message: { nl: "Bericht aan de melder", en: "Message to the reporter" },
  note: { nl: "Interne notitie", en: "Internal note" },
  "tag-person": { nl: "Persoon vastgelegd", en: "Person recorded" },
  transfer: { nl: "Doorgestuurd", en: "Forwarded" },
  "register-intake": { nl: "Melding geregistreerd", en: "Report registered" },
  "record-facts": { nl: "Adviescontact geregistreerd", en: "Advice contact registered" },
  "library-check": { nl: "Gelezen voor de controle van een bibliotheekbeschrijving", en: "Read to check a library description" },
  "retention-delete": { nl: "Verwijderd na afloop van de bewaartermijn", en: "Deleted at the end of the retention period" },
};

const timeFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};
function formatTime(lang: Lang, at: string): string {
  timeFormats[lang] ??= new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/Amsterdam" });
  return timeFormats[lang].format(new Date(at));
}

export function AuditTrailPage(props: { lang: Lang; member: Pick<Member, "id" | "name">; entries: AuditEntry[]; cursor?: string; verdict?: ChainVerdict }) {
  const { lang, member, verdict } = props;
  const title = fill(tr(lang, A.title), { member: member.name });
  const path = `/beheer/${member.id}/logboek`;
  const verdictText = !verdict
    ? undefined
    : verdict.ok
      ? fill(tr(lang, A.ok), { count: String(verdict.entries) })
      : fill(tr(lang, A[verdict.problem]), { seq: String(verdict.seq) });
  return (
    <Layout tables lang={lang} title={title} path={path}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{tr(lang, A.intro)}</p>
      {verdictText ? (
        <div class={`utrecht-alert ${verdict?.ok ? "utrecht-alert--ok" : "utrecht-alert--error"}`} role="status" data-testid="verdict">
          <p class="utrecht-paragraph">{verdictText}</p>
        </div>
      ) : null}
      <form method="get" action={path}>
        {lang === "en" ? <input type="hidden" name="lang" value="en" /> : null}
        <input type="hidden" name="controleer" value="1" />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {tr(lang, A.verify)}
        </button>
      </form>
      {props.entries.length === 0 ? (
        <p class="utrecht-paragraph">{tr(lang, A.empty)}</p>
      ) : (
        <DataTable lang={lang} testId="audit" headers={[A.seq, A.at, A.actor, A.action, A.case, A.detail]}>
            {props.entries.map((e) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{String(e.seq)}</td>
                <td class="utrecht-table__cell">{formatTime(lang, e.at)}</td>
                <td class="utrecht-table__cell">{e.actor}</td>
                <td class="utrecht-table__cell">{tr(lang, ACTION_TEXT[e.action])}</td>
                <td class="utrecht-table__cell">{e.caseId ?? ""}</td>
                <td class="utrecht-table__cell">{e.detail ?? ""}</td>
              </tr>
            ))}
          </DataTable>
      )}
      {props.cursor ? <LinkParagraph href={href(lang, `${path}?verder=${props.cursor}`)}>{tr(lang, A.older)}</LinkParagraph> : null}
      <LinkParagraph href={href(lang, "/medewerker")}>{tr(lang, T.backToStaff)}</LinkParagraph>
    </Layout>
  );
}
