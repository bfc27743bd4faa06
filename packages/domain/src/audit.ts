// The audit trail per member (DESIGN §3, workspace issue): every read of case content, download, print, transition,
// message, note and transfer, as a chain in which each entry's keyed hash covers the one before it. An entry is written
// BEFORE the content it records is returned (fail closed): no audit entry, no content.
import type { CaseId, MemberId, Page } from "./model";
import type { Clock } from "./ports";

export const AUDIT_ACTIONS = [
  "read-case",
  "download-attachment",
  "print-case",
  "transition",
  "message",
  "note",
  "tag-person",
  "transfer",
  "register-intake",
  "record-facts",
  /** The case's sealed report opened to check a casuïstiek description for names (library.ts); no entry id. */
  "library-check",
  /** The retention job deleted the case (retention.ts), by `systeem`; the detail `gesloten:<day>` says when it closed. */
  "retention-delete",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  member: MemberId;
  /** A staff id or `systeem`; never a name. */
  actor: string;
  action: AuditAction;
  caseId?: CaseId;
  /** A code (the new state, an attachment id): never content. */
  detail?: string;
}

export interface AuditEntry extends AuditEvent {
  /** 1, 2, 3, … per member, without gaps. */
  seq: number;
  at: string;
  /** The hash of the entry before (64 zeros before the first). */
  prev: string;
  hash: string;
}

export const GENESIS_HASH = "0".repeat(64);

/**
 * The head: the last entry's number and hash, signed. Without the signature someone with write access to the table
 * could delete the newest entries and lower the head to match, and the shortened chain would still verify.
 */
export interface AuditHead {
  seq: number;
  hash: string;
  mac: string;
}

/** A keyed hash (HMAC-SHA256 under the hub's audit key): without the key nobody can forge a consistent chain or head. */
export interface AuditHasher {
  hash(entry: Omit<AuditEntry, "hash">): string;
  headMac(head: Omit<AuditHead, "mac">): string;
}

export interface AuditLog {
  /** Appends after the member's last entry; concurrent appends each get their own place. */
  append(event: AuditEvent, at: Date): Promise<AuditEntry>;
  /** A page of the member's entries, newest first (the admin's page). */
  list(member: MemberId, page: { limit: number; cursor?: string }): Promise<Page<AuditEntry>>;
  /** Every entry, oldest first, and the signed head the log recorded (none before the first entry), for verification. */
  readAll(member: MemberId): Promise<{ entries: AuditEntry[]; head?: AuditHead }>;
  /** `verifyAuditChain` over the member's whole log, with the log's own key. */
  verify(member: MemberId): Promise<ChainVerdict>;
}

/**
 * Writes the audit entry of an action on a case. Called before the action: anything that fails here stops it before
 * any content is opened or changed.
 */
export function audited(deps: { audit: AuditLog; clock: Clock }, ref: { member: MemberId; caseId: CaseId; by: string }, action: AuditAction, detail?: string) {
  return deps.audit.append({ member: ref.member, actor: ref.by, action, caseId: ref.caseId, ...(detail ? { detail } : {}) }, deps.clock.now());
}

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; seq: number; problem: "altered" | "missing" | "tail-missing" | "head-invalid" };

/**
 * Checks a member's chain: each entry's hash, each link to the one before, no gap in the numbers, and a signed head
 * that names an entry of the chain. Altering, deleting or inserting any entry is found, also at the end: the head can
 * only be lowered with the key. A head behind the last entry is a crash between the entry's write and the head's
 * (the store has no transactions) and is accepted; the entries after it are still checked as a chain.
 */
export function verifyAuditChain(entries: AuditEntry[], head: AuditHead | undefined, hasher: AuditHasher): ChainVerdict {
  let prev = GENESIS_HASH;
  for (const [i, entry] of entries.entries()) {
    if (entry.seq !== i + 1) return { ok: false, seq: i + 1, problem: "missing" };
    const { hash, ...rest } = entry;
    if (entry.prev !== prev) return { ok: false, seq: entry.seq, problem: entry.seq === 1 ? "altered" : "missing" };
    if (hasher.hash(rest) !== hash) return { ok: false, seq: entry.seq, problem: "altered" };
    prev = hash;
  }
  if (!head) return entries.length === 0 ? { ok: true, entries: 0 } : { ok: false, seq: entries.length, problem: "head-invalid" };
  if (hasher.headMac({ seq: head.seq, hash: head.hash }) !== head.mac) return { ok: false, seq: head.seq, problem: "head-invalid" };
  if (head.seq > entries.length) return { ok: false, seq: entries.length + 1, problem: "tail-missing" };
  if (entries[head.seq - 1]?.hash !== head.hash) return { ok: false, seq: head.seq, problem: "head-invalid" };
  return { ok: true, entries: entries.length };
}

/** The canonical text an entry's hash covers: every field, in a fixed order. */
export function auditCanonical(entry: Omit<AuditEntry, "hash">): string {
  return JSON.stringify([entry.prev, entry.seq, entry.at, entry.member, entry.actor, entry.action, entry.caseId ?? "", entry.detail ?? ""]);
}

/** The canonical text a head's signature covers; a prefix keeps it apart from any entry's text. */
export function auditHeadCanonical(head: Omit<AuditHead, "mac">): string {
  return JSON.stringify(["head", head.seq, head.hash]);
}
