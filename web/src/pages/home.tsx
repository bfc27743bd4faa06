import { href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { T } from "../text";

export function HomePage(props: { lang: Lang }) {
  const { lang } = props;
  return (
    <Layout lang={lang} title={tr(lang, T.homeTitle)} path="/">
      <h1 class="utrecht-heading-1">{tr(lang, T.homeTitle)}</h1>
      <p class="utrecht-paragraph">{tr(lang, T.homeIntro)}</p>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(lang, "/melden")}>
            {tr(lang, T.startReport)}
          </a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={href(lang, "/opvolgen")}>
            {tr(lang, T.followUpLink)}
          </a>
        </li>
      </ul>
      <p class="utrecht-paragraph">{tr(lang, T.emergency)}</p>
    </Layout>
  );
}
