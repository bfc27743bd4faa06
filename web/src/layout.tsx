import type { Child } from "hono/jsx";
import { href, type Lang, tr } from "./i18n";
import { T } from "./text";

export const STYLESHEET_PATH = "/assets/hub.css";

export function Layout(props: { lang: Lang; title: string; path: string; hasErrors?: boolean; children: Child }) {
  const { lang } = props;
  const other: Lang = lang === "nl" ? "en" : "nl";
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${props.hasErrors ? `${tr(lang, T.errorPrefix)}: ` : ""}${props.title} - ${tr(lang, T.hubName)}`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body class="utrecht-theme utrecht-document utrecht-body">
        <a class="utrecht-skip-link" href="#main">
          {tr(lang, T.skipLink)}
        </a>
        <div class="utrecht-page hub-page">
          <header class="hub-header">
            <a class="utrecht-link hub-brand" href={href(lang, "/")}>
              {tr(lang, T.hubName)}
            </a>
            <a class="utrecht-link" href={href(other, props.path)} lang={other} hreflang={other}>
              {tr(lang, T.otherLanguage)}
            </a>
          </header>
          <main id="main" class="hub-main">
            {props.children}
          </main>
        </div>
      </body>
    </html>
  );
}
