export { errorsByField } from "./form";
export { href, type Lang, langOf, tr } from "./i18n";
export { FollowUpPage, StatusPage } from "./pages/follow-up";
export { HomePage } from "./pages/home";
export { MessagePage } from "./pages/message";
export { ReceiptPage } from "./pages/receipt";
export { type ReportFormValues, ReportFormPage } from "./pages/report-form";
export { T } from "./text";
