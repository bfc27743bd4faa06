// `@meldpunt/web/staff`: the staff side's pages, text catalogues, tables and charts. Only the staff routes import
// it, so in the api Lambda it is part of the lazily loaded staff chunk (./index.ts says what is shared).
export { C as CaseText } from "./case-text";
export { AuditTrailPage } from "./pages/audit-trail";
export { CaseFilePage, type CaseFileProps, deadlineText } from "./pages/case-file";
export { DashboardPage, type DashboardProps, dashboardCsvPath, dashboardPath } from "./pages/dashboard";
export { type DemoMail, DemoMailPage, type DemoMailSummary, DemoPostPage } from "./pages/demo-post";
export { DeskQueuePage, type DeskQueueProps } from "./pages/desk-queue";
export { type ForwardCaseProps, ForwardCasePage } from "./pages/forward-case";
export { LibraryEntryPage, type LibraryEntryProps, LibraryFormPage, type LibraryFormProps, LibraryListPage, type LibraryListProps, LibraryReviewPage, type LibraryReviewProps } from "./pages/library";
export { L as LibraryText } from "./library-text";
export { type MemberConfigProps, MemberConfigPage } from "./pages/member-config";
export { MemberReportPage, type MemberReportProps, memberReportCsvPath, memberReportPath } from "./pages/member-report";
export { OnboardMemberPage, type OnboardMemberProps, OWN_BESTUURLIJK, OWN_DESK } from "./pages/onboard-member";
export { OperatorMembersPage, type OperatorMembersProps } from "./pages/operator-members";
export { StaffPage, type StaffPageProps } from "./pages/staff";
export { StaffListPage, type StaffListProps } from "./pages/staff-list";
export { VpSignalPage } from "./pages/vp-signal";
export { S } from "./staff-text";
export { csvText, dashboardTables, figureTable, reportCsv, reportTables, type ShownTable, tableCsv, trendTable } from "./stats-tables";
export { B as BoardText, cellText, periodText, R as ReportText } from "./stats-text";
