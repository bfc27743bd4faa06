// The Mailer port's adapters: the embedded default's .eml files (here) and Amazon SES (`@meldpunt/mailer/ses`).
export { decodeWords, encodeQuotedPrintable, encodeSubject, formatEml, isMailAddress, type ParsedEml, parseEml } from "./eml";
export { createLocalMailbox, createLocalMailer, type LocalMailbox, type LocalMailerOptions, type StoredMail, type StoredMailSummary } from "./local-mailer";
