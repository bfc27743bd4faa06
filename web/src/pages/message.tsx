// A page with a heading and one message: not found, too large, something went wrong.
import { LinkParagraph } from "../form";
import { href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { T } from "../text";

export function MessagePage(props: { lang: Lang; title: string; message?: string }) {
  const { lang } = props;
  return (
    <Layout lang={lang} title={props.title} path="/">
      <h1 class="utrecht-heading-1">{props.title}</h1>
      {props.message ? <p class="utrecht-paragraph">{props.message}</p> : null}
      <LinkParagraph href={href(lang, "/")}>{tr(lang, T.backHome)}</LinkParagraph>
    </Layout>
  );
}
