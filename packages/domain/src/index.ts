// The domain's core: the model, ports and errors every adapter uses, and the use cases a reporter's request runs
// (submitting, signing in with the receipt code, the mailbox) with what they need. The staff side's use cases and the
// scheduled jobs are in ./staff-side.ts (`@meldpunt/domain/staff`). Rule: a module belongs here only if the reporter
// side needs it; this barrel must never re-export a staff module, because esbuild's code splitting counts every
// `export *` as reached, so whatever it names lands in what the api Lambda's cold start loads (docs/decisions.md 41).
export * from "./attachments";
export * from "./audit";
export * from "./deadlines";
export * from "./errors";
export * from "./follow-up";
export * from "./consent";
export * from "./mailbox";
export * from "./model";
export * from "./outcomes";
export * from "./ports";
export * from "./region";
export * from "./report";
export * from "./routing";
export * from "./routing-table";
export * from "./submit-report";
export * from "./taxonomy";
export * from "./member-logo";
export * from "./theme";
export * from "./validation";
