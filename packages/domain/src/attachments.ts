// Attachments of a report or a message (issue 3): checked by content, stripped of image metadata, sealed under the
// case's data key, stored as blobs. A failure at any step removes what this step already stored.
import { type FieldIssue, IntegrityError, ValidationError } from "./errors";
import type { AttachmentRef, Author, CaseRecord, WrappedKey } from "./model";
import type { AttachmentType, BlobStore, CaseSealer, FileInspector, KeyContext } from "./ports";
import type { Label } from "./taxonomy";

export const MAX_ATTACHMENTS = 5;
export const MAX_FILE_NAME = 200;

/** A file as the form sent it: the name is the reporter's, the bytes unchecked. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file that passed the inspector, with the id it will be stored under: `bytes` is what will be sealed. */
export interface CheckedFile {
  id: string;
  name: string;
  type: AttachmentType;
  bytes: Uint8Array;
}

/** The name a file is listed under: without any path, control characters or surrounding space, bounded. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, MAX_FILE_NAME);
  return clean || "bestand";
}

/** A limit in whole megabytes (units of 1,024², as the pages count sizes). */
export const megabytes = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`;

const refusals = (inspector: Pick<FileInspector, "maxBytes">): Record<"empty" | "too-large" | "type-not-allowed" | "damaged", Label> => ({
  empty: { nl: "dit bestand is leeg.", en: "this file is empty." },
  "too-large": { nl: `dit bestand is groter dan ${megabytes(inspector.maxBytes)}.`, en: `this file is larger than ${megabytes(inspector.maxBytes)}.` },
  "type-not-allowed": {
    nl: "dit soort bestand kunnen we niet aannemen. Toegestaan zijn pdf, jpg, png, heic, docx, txt en eml.",
    en: "we cannot accept this kind of file. Allowed are pdf, jpg, png, heic, docx, txt and eml.",
  },
  damaged: { nl: "dit bestand is beschadigd of onvolledig.", en: "this file is damaged or incomplete." },
});

/** Field issues for the files (field `files`), or none; each refused file is named with its reason. */
export function checkUploads(inspector: FileInspector, uploads: UploadedFile[]): { files: CheckedFile[]; issues: FieldIssue[] } {
  if (uploads.length > MAX_ATTACHMENTS) {
    return {
      files: [],
      issues: [{ field: "files", message: { nl: `Voeg hoogstens ${MAX_ATTACHMENTS} bestanden toe.`, en: `Add at most ${MAX_ATTACHMENTS} files.` } }],
    };
  }
  const total = uploads.reduce((sum, u) => sum + u.bytes.length, 0);
  if (total > inspector.maxTotalBytes) {
    const most = megabytes(inspector.maxTotalBytes);
    return {
      files: [],
      issues: [{ field: "files", message: { nl: `Uw bestanden zijn samen groter dan ${most}. Kies minder of kleinere bestanden.`, en: `Together your files are larger than ${most}. Choose fewer or smaller files.` } }],
    };
  }
  const files: CheckedFile[] = [];
  const refused: { name: string; why: Label }[] = [];
  const why = refusals(inspector);
  for (const upload of uploads) {
    const name = cleanFileName(upload.name);
    const verdict = inspector.inspect(upload.bytes);
    if (verdict.ok) files.push({ id: newAttachmentId(), name, type: verdict.type, bytes: verdict.bytes });
    else refused.push({ name, why: why[verdict.reason] });
  }
  if (refused.length === 0) return { files, issues: [] };
  // One message for the field, naming every refused file: a page shows one message per field.
  const message = {
    nl: refused.map((r) => `‘${r.name}’ kan niet worden toegevoegd: ${r.why.nl}`).join(" "),
    en: refused.map((r) => `‘${r.name}’ cannot be added: ${r.why.en}`).join(" "),
  };
  return { files: [], issues: [{ field: "files", message }] };
}

/** Throws a ValidationError at field `files` unless every upload passes. */
export function checkUploadsOrThrow(inspector: FileInspector, uploads: UploadedFile[]): CheckedFile[] {
  const { files, issues } = checkUploads(inspector, uploads);
  if (issues.length > 0) throw new ValidationError(issues);
  return files;
}

export const attachmentPart = (id: string) => `attachment:${id}`;

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A random id of the case-id shape (130 bits): names nothing, says nothing about the file. */
export function newAttachmentId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(26));
  return Array.from(bytes, (b) => CROCKFORD[b & 31]).join("");
}

export interface AttachmentDeps {
  blobs: BlobStore;
  sealer: CaseSealer;
}

/**
 * Seals each file under the case's data key and stores it. Either all are stored, or none: on a failure the ones
 * already stored are removed before the error goes on.
 */
export async function storeAttachments(
  deps: AttachmentDeps,
  ctx: KeyContext,
  dataKey: WrappedKey,
  files: CheckedFile[],
  meta: { at: string; from: Author; message?: string },
): Promise<AttachmentRef[]> {
  const refs: AttachmentRef[] = [];
  try {
    for (const { id, type, bytes } of files) {
      const sealed = await deps.sealer.seal(ctx, dataKey, bytes, attachmentPart(id));
      await deps.blobs.put({ member: ctx.member, caseId: ctx.caseId, blobId: id }, sealed);
      refs.push({ id, type, bytes: bytes.length, at: meta.at, from: meta.from, ...(meta.message ? { message: meta.message } : {}) });
    }
  } catch (error) {
    await discardAttachments(deps.blobs, ctx, files);
    throw error;
  }
  return refs;
}

/** Removes stored blobs that no case will point to. Best effort: a blob left behind is ciphertext nobody can reach. */
export async function discardAttachments(blobs: BlobStore, ctx: KeyContext, refs: Pick<AttachmentRef, "id">[]): Promise<void> {
  await Promise.allSettled(refs.map((r) => blobs.delete({ member: ctx.member, caseId: ctx.caseId, blobId: r.id })));
}

/** One attachment of a case, opened; undefined when the case lists no such attachment. A listed one must exist. */
export async function openAttachment(
  deps: AttachmentDeps,
  record: CaseRecord,
  id: string,
): Promise<{ ref: AttachmentRef; bytes: Uint8Array } | undefined> {
  const ref = record.attachments?.find((a) => a.id === id);
  if (!ref) return undefined;
  const ctx = { member: record.member, caseId: record.id };
  const sealed = await deps.blobs.get({ ...ctx, blobId: id });
  if (!sealed) throw new IntegrityError("missing-blob");
  return { ref, bytes: await deps.sealer.open(ctx, record.dataKey, sealed, attachmentPart(id)) };
}
