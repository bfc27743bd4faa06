// `@meldpunt/web`: what every side shares (text, forms, language) and the reporter's pages. The staff pages, their
// text catalogues, tables and charts are in ./staff.ts (`@meldpunt/web/staff`). Rule: nothing staff-only is exported
// here, because esbuild's code splitting counts every re-export as reached, so whatever this file names lands in what
// the api Lambda's cold start loads (docs/decisions.md 41).
export { type Errors, errorsByField } from "./form";
export { href, hrefKeepingQuery, type Lang, langOf, tr } from "./i18n";
export { M as MailboxText } from "./mailbox-text";
export { FollowUpPage } from "./pages/follow-up";
export { MailboxPage, type MailboxProps } from "./pages/mailbox";
export { MessagePage } from "./pages/message";
export { ReceiptPage } from "./pages/receipt";
export { type ReportFormValues, ReportFormPage } from "./pages/report-form";
export { WegwijzerPage, type WegwijzerProps } from "./pages/wegwijzer";
export { T } from "./text";
export { W } from "./wegwijzer-text";
