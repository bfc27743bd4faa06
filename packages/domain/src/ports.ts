// Ports: what the domain needs from the outside world. Adapters implement them; wiring files choose them.
// Every call that touches a member's data names the member explicitly.
import type { CaseId, CaseRecord, CaseSummary, Desk, DeskId, Member, MemberId, Page, WrappedKey } from "./model";
import type { RetentionFacts } from "./retention";
import type { CaseFacts } from "./statistics";
import type { LibraryComment, LibraryEntry, LibraryEntryId, LibraryState, LibrarySummary } from "./library";

export interface Clock {
  now(): Date;
}

/** The encryption context bound to every data key and every ciphertext of a case. */
export interface KeyContext {
  member: MemberId;
  caseId: CaseId;
}

/** The member's own key (AWS KMS or a local key file) that wraps data keys; it never leaves its keyring. */
export interface MemberKeyring {
  generateDataKey(ctx: KeyContext): Promise<{ plaintext: Uint8Array; wrapped: WrappedKey }>;
  unwrapDataKey(ctx: KeyContext, wrapped: WrappedKey): Promise<Uint8Array>;
}

/**
 * Envelope encryption of a case: a fresh data key per case, the context as additional data. Several envelopes of one
 * case (the report, notes, messages) share its data key; `part` names each one, so one cannot stand in for another.
 */
export interface CaseSealer {
  sealNew(ctx: KeyContext, plaintext: Uint8Array): Promise<{ dataKey: WrappedKey; envelope: Uint8Array }>;
  /** Seals another part of an existing case under the case's data key. */
  seal(ctx: KeyContext, dataKey: WrappedKey, plaintext: Uint8Array, part: string): Promise<Uint8Array>;
  open(ctx: KeyContext, dataKey: WrappedKey, envelope: Uint8Array, part?: string): Promise<Uint8Array>;
  /**
   * Moves a case's envelopes to another context (a transfer to another member): opens each under the old data key and
   * seals it under a fresh data key of the new context. Nothing is written: the caller stores the result, or drops it.
   */
  reseal(
    from: { ctx: KeyContext; dataKey: WrappedKey },
    to: KeyContext,
    envelopes: SealedPart[],
  ): Promise<{ dataKey: WrappedKey; envelopes: SealedPart[] }>;
}

export interface SealedPart {
  envelope: Uint8Array;
  /** Absent for the report itself. */
  part?: string;
}

export interface IssuedReceipt {
  /** Shown to the reporter once, in groups; never stored, logged or put in a URL. */
  code: string;
  /** Non-secret part of the code, used to find the case. */
  locator: string;
  /** Slow hash of the secret part. */
  hash: string;
}

export interface ReceiptCodes {
  /** A fresh code; from a seed (24 bytes or more), always the same code for the same seed. */
  issue(seed?: Uint8Array): Promise<IssuedReceipt>;
  /** Reads what a person typed (any case, spaces, dashes, look-alike characters); undefined when it cannot be a code. */
  parse(input: string): { locator: string; secret: string } | undefined;
  /** Constant-time comparison against the stored slow hash. */
  verify(secret: string, hash: string): Promise<boolean>;
  /** Does the work of a verify and answers false: for a locator with no case, so that timing reveals nothing. */
  verifyNothing(secret: string): Promise<false>;
}

export interface CaseStore {
  /** Conditional: never overwrites an existing case; throws ConflictError if the id exists. */
  createCase(record: CaseRecord): Promise<void>;
  getCase(member: MemberId, caseId: CaseId): Promise<CaseRecord | undefined>;
  /** Replaces the case if its stored version is `record.version - 1`; otherwise throws ConflictError. */
  updateCase(record: CaseRecord): Promise<void>;
  /** Cases carrying this receipt locator (a locator may, rarely, be shared: the secret tells them apart). */
  findByReceiptLocator(locator: string): Promise<CaseRecord[]>;
  /** One member's cases on a desk, the first due first (closed ones last). Metadata only. */
  listDeskQueue(member: MemberId, desk: DeskId, page: { limit: number; cursor?: string }): Promise<Page<CaseSummary>>;
  /**
   * Every open case of one member on a desk, the first due first. Metadata only; the work grows with the desk's open
   * cases, never with its closed ones (they sort after every open case in the same index).
   */
  listOpenCases(member: MemberId, desk: DeskId): Promise<CaseSummary[]>;
  /**
   * What statistics read (docs/decisions.md 37): the metadata of one member's cases on these desks received in
   * `[from, to)`, as CaseFacts. Never content, a sealed part or a data key; history entries carry `at`, `state` and
   * `event` only. Today the work grows with every case of the member on those desks (issue 6 item 6 may replace it).
   */
  listCaseFacts(member: MemberId, desks: readonly DeskId[], received: { from: Date; to: Date }): Promise<CaseFacts[]>;
  /** One member's closed cases on a desk, for the retention job (retention.ts): metadata only, in no useful order. */
  listClosedCases(member: MemberId, desk: DeskId, page: { limit: number; cursor?: string }): Promise<Page<RetentionFacts>>;
  /**
   * Deletes the case, and with it its wrapped data key, if it is still this member's case at this version; a case
   * that is gone already counts as deleted (a later run finishing an earlier one). Otherwise throws ConflictError.
   */
  deleteCase(member: MemberId, caseId: CaseId, version: number): Promise<void>;
}

export interface RegionStore {
  getMember(member: MemberId): Promise<Member | undefined>;
  listMembers(): Promise<Member[]>;
  /** Create (version 1) or replace the stored version `member.version - 1`. */
  putMember(member: Member): Promise<void>;
  getDesk(desk: DeskId): Promise<Desk | undefined>;
  listDesks(): Promise<Desk[]>;
  putDesk(desk: Desk): Promise<void>;
}

/**
 * Makes a submission idempotent: the form carries a token, and all that a retry of the same form must reproduce (the
 * case id, the receipt code) derives from it under a server-side key, so nothing secret needs to be stored for it.
 */
export interface SubmissionTokens {
  /** A fresh token for a form. */
  issue(): string;
  derive(token: string): { caseId: CaseId; receiptSeed: Uint8Array };
  /** A keyed fingerprint of the token and what was submitted: tells a retry from another report with the same token. */
  fingerprint(token: string, submitted: unknown): string;
}

/** The outcome of checking a report form's proof of work (docs/decisions.md 24). */
export type ProofVerdict =
  | { ok: true; by: "nonce" | "waited" }
  /** Sent without a solved nonce sooner than the wait: the same challenge, sent again after `retryAfterSeconds`, passes. */
  | { ok: false; reason: "too-early"; retryAfterSeconds: number }
  /** No challenge, one of another form, or a tampered one. */
  | { ok: false; reason: "invalid" };

/**
 * A small proof of work per report form (DESIGN §3, docs/decisions.md 24): the form carries a challenge bound to its
 * token and the second it was issued, under a server-side key. A nonce solves it (the page's script finds one); a
 * form sent without one passes only once it is old enough (the way without JavaScript). Nothing is stored.
 */
export interface ProofOfWork {
  /** Leading zero bits a nonce must give. */
  readonly bits: number;
  /** How long a form without a solved nonce must have been open before it is accepted, in seconds. */
  readonly fallbackDelaySeconds: number;
  challenge(formToken: string, now: Date): string;
  verify(formToken: string, challenge: string | undefined, nonce: string | undefined, now: Date): ProofVerdict;
}

/** Whether an attempt with a receipt code may go ahead now, or after how many seconds at the earliest. */
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Throttles receipt logins per locator (docs/decisions.md 20; the policy is `receiptThrottleVerdict` in follow-up.ts).
 * It keeps the locator and counters only: nothing about who tries, and nothing about whether the locator has a case.
 */
export interface ReceiptThrottle {
  /**
   * Asked before any slow hash is computed. An allowed attempt is counted as a failure at once, in one conditional
   * write, so parallel guesses cannot all pass on one reading of the counter; a refused one writes nothing.
   */
  check(locator: string, now: Date): Promise<ThrottleVerdict>;
  /** The code matched: the locator's count starts over. */
  recordSuccess(locator: string): Promise<void>;
}

/**
 * Keyed hashes of a person's name under a secret of the member's own (DESIGN §2, signals): the same name gives the same
 * tag within a member, no tag can be turned back into a name, and none matches across members. Local: HMAC under a
 * key derived from the member's key file (shredded with it); cloud: KMS GenerateMac with the member's HMAC key.
 */
export interface PersonTags {
  tag(member: MemberId, normalisedName: string): Promise<string>;
}

/** Which cases of a member carry a person tag: the index behind "N earlier reports concern the same person". */
export interface SignalIndex {
  add(member: MemberId, tag: string, caseId: CaseId): Promise<void>;
  casesWith(member: MemberId, tag: string): Promise<CaseId[]>;
  /** Idempotent: removing an entry that is not there is no error (the retention job). */
  remove(member: MemberId, tag: string, caseId: CaseId): Promise<void>;
}

/** Where an attachment's sealed bytes live: one object per attachment, under its member and case. */
export interface BlobKey {
  member: MemberId;
  caseId: CaseId;
  /** Random, 26 Crockford characters like a case id; names nothing. */
  blobId: string;
}

/**
 * Stores sealed attachments (files under the data folder locally, S3 in the cloud). It only ever sees ciphertext: the
 * caller seals each file under the case's data key before `put` and opens it after `get`.
 */
export interface BlobStore {
  /** Never overwrites: putting an existing key throws ConflictError. */
  put(key: BlobKey, sealed: Uint8Array): Promise<void>;
  get(key: BlobKey): Promise<Uint8Array | undefined>;
  /** Idempotent: deleting a missing blob is not an error. */
  delete(key: BlobKey): Promise<void>;
}

/** The file types a reporter may attach (docs/decisions.md 26). */
export type AttachmentType = "pdf" | "jpeg" | "png" | "heic" | "docx" | "txt" | "eml";

export type InspectedFile =
  /** `bytes` is what may be stored: for images, the file with its metadata (EXIF, GPS, XMP, comments) removed. */
  | { ok: true; type: AttachmentType; bytes: Uint8Array }
  /** Why the file is refused, as a code the page words for the reporter. */
  | { ok: false; reason: "empty" | "too-large" | "type-not-allowed" | "damaged" };

/** Decides a file's type from its content (never its name or the browser's claim) and strips image metadata. Pure. */
export interface FileInspector {
  /** The largest file it takes. */
  readonly maxBytes: number;
  /** The most all files of one form may weigh together (a deployment's request limit, docs/cloud.md). */
  readonly maxTotalBytes: number;
  inspect(bytes: Uint8Array): InspectedFile;
}

/** A plain-text e-mail: no HTML, no attachments. */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
}

/**
 * Sends e-mail to staff (Amazon SES in the cloud; in the embedded default each message is written as an .eml file under
 * the data folder). What the hub sends this way names no case and carries no case content: a notice says how many
 * and where to look, never what.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * The casuïstiek library's entries and their comments (library.ts). Not sealed under any member's key: an entry is
 * de-identified and shared with the whole region, and holds no case id, member or desk (docs/store.md, "Library").
 */
export interface LibraryStore {
  /** Conditional: version 1, never overwrites. */
  createEntry(entry: LibraryEntry): Promise<void>;
  getEntry(id: LibraryEntryId): Promise<LibraryEntry | undefined>;
  /** Replaces the entry if its stored version is `entry.version - 1`; otherwise ConflictError. */
  updateEntry(entry: LibraryEntry): Promise<void>;
  /** The entry that carries this one-way reference of a case, if any. */
  findByRef(ref: string): Promise<LibraryEntry | undefined>;
  /** Entries in one state, the newest year first, optionally of one year; without their sections or reference. */
  listEntries(state: LibraryState, filter?: { year?: number }): Promise<LibrarySummary[]>;
  /** Appends a comment after the entry's last one; the store numbers it. */
  addComment(comment: Omit<LibraryComment, "seq">): Promise<LibraryComment>;
  listComments(entry: LibraryEntryId): Promise<LibraryComment[]>;
}
