// Everything but the KMS keyring, which lives at `@meldpunt/crypto/kms` so the local runner never loads the KMS SDK.
export { encryptionContextAad, createEnvelopeSealer, openWithKey, sealWithKey } from "./envelope";
export { createRandomIds } from "./ids";
export { createLocalKeyring, type LocalKeyring } from "./local-keyring";
export { createReceiptCodes } from "./receipt";
