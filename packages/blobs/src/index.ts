// Sealed attachments. The local adapter is the default entry point; the S3 adapter has its own (`@meldpunt/blobs/s3`)
// so that only the Lambda bundle loads it.
export { checkBlobKey } from "./blob-key";
export { createLocalBlobStore, type LocalBlobStoreOptions } from "./local-blob-store";
