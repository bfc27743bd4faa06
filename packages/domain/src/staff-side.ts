// `@meldpunt/domain/staff`: the use cases only staff run (desks, member admins, the board, the operator) and the
// scheduled jobs, with the rules only they use. Imported from here, they stay out of the reporter side's bundle
// chunks; the core they build on is `@meldpunt/domain` (./index.ts says which module goes where).
export * from "./authorization";
export * from "./case-file";
export * from "./configure-region";
export * from "./set-member-logo";
export * from "./deadline-job";
export * from "./library";
export * from "./lifecycle";
export * from "./queue";
export * from "./reporting";
export * from "./retention";
export * from "./save-staff";
export * from "./signals";
export * from "./small-counts";
export * from "./staff";
export * from "./stat-table";
export * from "./statistics";
export * from "./statistics-job";
export * from "./transfer";
export * from "./vp-signal";
