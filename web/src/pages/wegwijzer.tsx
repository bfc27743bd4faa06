// The wegwijzer: the start page of the region (`/`) and of each member (`/organisatie/<member>`). It helps a person
// who may be frightened choose one of five ways, says what anonymous, confidential and open mean, and what happens
// next. Every link stays on the hub: the Huis voor Klokkenluiders and the police are named, never linked (DESIGN §3).
import type { Label, Member } from "@meldpunt/domain";
import { LinkParagraph } from "../form";
import { href, type Lang, tr } from "../i18n";
import { brandOf, Layout } from "../layout";
import { fill } from "../text";
import { W } from "../wegwijzer-text";

export interface WegwijzerProps {
  lang: Lang;
  /** On a member's start page: its name in the heading, and the report form's links choose it. */
  member?: Pick<Member, "id" | "name" | "kind" | "theme">;
  /** The request's query string, kept by the language switch. */
  query?: string;
}

/** The five ways in the order the page offers them: each an anchor of the section that explains it. */
const WAYS = [
  { id: "vertrouwenspersoon", title: W.adviceTitle },
  { id: "melding", title: W.reportTitle },
  { id: "bestuurder", title: W.officialTitle },
  { id: "klokkenluider", title: W.misstandTitle },
  { id: "nood", title: W.emergencyTitle },
];

/**
 * The report form, preset for a way: `wens` (what the reporter wants) and, on a member's page, `organisatie`. The
 * form reads those; `over=bestuurder` and `categorie=misstand` are hints it may use to ask the right questions first.
 */
function formHref(lang: Lang, member: WegwijzerProps["member"], params: Record<string, string>): string {
  const query = new URLSearchParams(member ? { organisatie: member.id, ...params } : params);
  return href(lang, `/melden?${query}`);
}

function Paragraph(props: { text: string }) {
  return <p class="utrecht-paragraph">{props.text}</p>;
}

export function WegwijzerPage(props: WegwijzerProps) {
  const { lang, member } = props;
  const t = (label: Label) => fill(tr(lang, label), { member: member?.name ?? "" });
  const form = (params: Record<string, string>) => formHref(lang, member, params);
  return (
    <Layout lang={lang} title={t(member ? W.memberTitle : W.title)} path={member ? `/organisatie/${member.id}` : "/"} query={props.query} brand={brandOf(member)}>
      <h1 class="utrecht-heading-1">{t(member ? W.memberHeading : W.heading)}</h1>
      <Paragraph text={t(member ? W.memberIntro : W.intro)} />
      <Paragraph text={t(W.doubt)} />
      <p class="utrecht-paragraph">
        <strong>{t(W.dangerNow)}</strong>
      </p>

      <nav aria-labelledby="ways-title">
        <h2 class="utrecht-heading-2" id="ways-title">
          {t(W.chooseTitle)}
        </h2>
        <ol class="utrecht-ordered-list">
          {WAYS.map((way) => (
            <li class="utrecht-ordered-list__item">
              <a class="utrecht-link" href={`#${way.id}`}>
                {t(way.title)}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <h2 class="utrecht-heading-2" id="vertrouwenspersoon">
        {t(W.adviceTitle)}
      </h2>
      <Paragraph text={t(W.adviceWhat)} />
      <Paragraph text={t(W.adviceControl)} />
      <LinkParagraph href={form({ wens: "advies" })}>{t(W.adviceLink)}</LinkParagraph>

      <h2 class="utrecht-heading-2" id="melding">
        {t(W.reportTitle)}
      </h2>
      <Paragraph text={t(W.reportWhat)} />
      <Paragraph text={t(W.reportExamples)} />
      {member ? null : <Paragraph text={t(W.reportUnknown)} />}
      <Paragraph text={t(W.reportConflict)} />
      <LinkParagraph href={form({ wens: "melding" })}>{t(W.reportLink)}</LinkParagraph>

      <h2 class="utrecht-heading-2" id="bestuurder">
        {t(W.officialTitle)}
      </h2>
      <Paragraph text={t(W.officialWhat)} />
      {/* A joint body has no bestuurlijk or griffier route of its own: regional intake takes those (docs/decisions.md 10). */}
      {member?.kind === "gr" ? null : <Paragraph text={t(W.officialMunicipality)} />}
      {member?.kind === "gemeente" ? null : <Paragraph text={t(W.officialJointBody)} />}
      <Paragraph text={t(W.officialRole)} />
      <LinkParagraph href={form({ wens: "melding", over: "bestuurder" })}>{t(W.officialLink)}</LinkParagraph>

      <h2 class="utrecht-heading-2" id="klokkenluider">
        {t(W.misstandTitle)}
      </h2>
      <Paragraph text={t(W.misstandWhat)} />
      <Paragraph text={t(W.misstandProtection)} />
      <Paragraph text={t(W.misstandExternal)} />
      <LinkParagraph href={form({ wens: "melding", categorie: "misstand" })}>{t(W.misstandLink)}</LinkParagraph>

      <h2 class="utrecht-heading-2" id="nood">
        {t(W.emergencyTitle)}
      </h2>
      <Paragraph text={t(W.emergencyCall)} />
      <Paragraph text={t(W.emergencyPolice)} />
      <Paragraph text={t(W.emergencyAlso)} />

      <h2 class="utrecht-heading-2">{t(W.levelsTitle)}</h2>
      <Paragraph text={t(W.levelsIntro)} />
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <strong>{t(W.anonymousTerm)}</strong> {t(W.anonymous)}
        </li>
        <li class="utrecht-unordered-list__item">
          <strong>{t(W.confidentialTerm)}</strong> {t(W.confidential)}
        </li>
        <li class="utrecht-unordered-list__item">
          <strong>{t(W.openTerm)}</strong> {t(W.open)}
        </li>
      </ul>
      <Paragraph text={t(W.levelsCode)} />

      <h2 class="utrecht-heading-2">{t(W.nextTitle)}</h2>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">{t(W.nextCode)}</li>
        <li class="utrecht-unordered-list__item">{t(W.nextAck)}</li>
        <li class="utrecht-unordered-list__item">{t(W.nextFeedback)}</li>
      </ul>
      <LinkParagraph href={href(lang, "/opvolgen")}>{t(W.followUpLink)}</LinkParagraph>
      {member ? <LinkParagraph href={href(lang, "/")}>{t(W.otherMember)}</LinkParagraph> : null}
    </Layout>
  );
}
