import { logoPath, type Member } from "@meldpunt/domain";
import type { Child } from "hono/jsx";
import { href, hrefKeepingQuery, type Lang, tr } from "./i18n";
import { T } from "./text";

export const STYLESHEET_PATH = "/assets/hub.css";

/** What a page shows of the member it is about: name, logo and house colour (validated readable on white). */
export interface MemberBrand {
  id: string;
  name: string;
  primaryColor?: string;
  /** The logo's address on the hub (logoPath). */
  logo?: string;
}

/** The member's look, or none for the hub's own tenant (its pages are the region's). */
export function brandOf(member: Pick<Member, "id" | "name" | "kind" | "theme"> | undefined): MemberBrand | undefined {
  if (!member || member.kind === "regio") return undefined;
  const { primaryColor, logo } = member.theme ?? {};
  return { id: member.id, name: member.name, ...(primaryColor ? { primaryColor } : {}), ...(logo ? { logo: logoPath(member.id, logo) } : {}) };
}

/** Served by the app from the member's configuration (docs/decisions.md 28). */
export const themePath = (member: string) => `/assets/thema/${member}.css`;
/** Tables are for staff pages only: their CSS is a stylesheet of its own (web/src/assets.ts). */
const TABLE_STYLESHEET_PATH = "/assets/staff.css";

/**
 * The page frame. The header's link to the other language keeps the reporter's place: the page's own `path` plus the
 * request's `query` (a page that has parameters passes it, e.g. `/melden?wens=advies` <-> `/melden?wens=advies&lang=en`).
 * The path always comes from the page, never from the request, so the link cannot leave the hub.
 * A page that answers a POST (receipt, status, a form with errors) passes its GET path and no query: the switch opens
 * that page afresh with GET, so it never resubmits a form and never carries a receipt code or anything posted.
 * A page whose form holds a lot of typing (the report form) names it in `languageForm`: the switch is then a button of
 * that form that posts it back to be shown in the other language, nothing checked or stored, so no answer is lost.
 */
export function Layout(props: {
  lang: Lang;
  title: string;
  path: string;
  query?: string;
  hasErrors?: boolean;
  tables?: boolean;
  /** The member a page is about: its name in the header and its colours (the region's look without it). */
  brand?: MemberBrand;
  /** The id of the form whose answers the language switch carries along (see above). */
  languageForm?: string;
  children: Child;
}) {
  const { lang, brand } = props;
  const other: Lang = lang === "nl" ? "en" : "nl";
  const header = (
    <>
      {/*
        Enter in a field sends a form through its first submit button in the page, which would be the switch below:
        this hidden one, first, keeps Enter what it is everywhere else, "send".
      */}
      {props.languageForm ? <button type="submit" form={props.languageForm} hidden tabindex={-1} /> : null}
      <span>
        <a class="utrecht-link hub-brand" href={href(lang, "/")}>
          {tr(lang, T.hubName)}
        </a>
        {brand ? (
          <span class="hub-member-name">
            {/* The name beside it says who this is: the image adds nothing for a screen reader. */}
            {brand.logo ? <img class="hub-member-logo" src={brand.logo} alt="" height="48" /> : null}
            {brand.name}
          </span>
        ) : null}
      </span>
      {props.languageForm ? (
        <button
          class="utrecht-link hub-link-button"
          type="submit"
          form={props.languageForm}
          formaction={hrefKeepingQuery(other, props.path, props.query)}
          formnovalidate
          name="taal"
          value={other}
          lang={other}
        >
          {tr(lang, T.otherLanguage)}
        </button>
      ) : (
        <a class="utrecht-link" href={hrefKeepingQuery(other, props.path, props.query)} lang={other} hreflang={other}>
          {tr(lang, T.otherLanguage)}
        </a>
      )}
    </>
  );
  return (
    <Document
      lang={lang}
      title={props.title}
      siteName={tr(lang, T.hubName)}
      hasErrors={props.hasErrors}
      tables={props.tables}
      themeHref={brand?.primaryColor ? themePath(brand.id) : undefined}
      header={header}
    >
      {props.children}
    </Document>
  );
}

/** The document around every page, the hub's and the demo provider's: head, skip link, header and main. */
export function Document(props: {
  lang: Lang;
  title: string;
  siteName: string;
  hasErrors?: boolean;
  tables?: boolean;
  /** A member's theme stylesheet, after the hub's so that its tokens win. */
  themeHref?: string;
  header: Child;
  children: Child;
}) {
  const { lang } = props;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${props.hasErrors ? `${tr(lang, T.errorPrefix)}: ` : ""}${props.title} - ${props.siteName}`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        {props.tables ? <link rel="stylesheet" href={TABLE_STYLESHEET_PATH} /> : null}
        {props.themeHref ? <link rel="stylesheet" href={props.themeHref} /> : null}
      </head>
      <body class="utrecht-theme utrecht-document utrecht-body">
        <a class="utrecht-skip-link" href="#main">
          {tr(lang, T.skipLink)}
        </a>
        <div class="utrecht-page hub-page">
          <header class="hub-header">{props.header}</header>
          <main id="main" class="hub-main">
            {props.children}
          </main>
        </div>
      </body>
    </html>
  );
}
