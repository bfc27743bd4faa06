// Everything but the KMS keyring, which lives at `@meldpunt/crypto/kms` so the local runner never loads the KMS SDK.
export { encryptionContextAad, createEnvelopeSealer, openWithKey, sealWithKey } from "./envelope";
export { createLocalKeyring, type LocalKeyring } from "./local-keyring";
export { createReceiptCodes } from "./receipt";
export { createSubmissionTokens } from "./submission-tokens";
export { createProofOfWork, leadingZeroBits, POW_BITS_DEFAULT, POW_FALLBACK_DELAY_DEFAULT, type ProofOfWorkOptions } from "./proof-of-work";
export { createMailboxSessions, type MailboxSession, type MailboxSessions } from "./mailbox-sessions";
export { createAuditHasher } from "./audit-hasher";
