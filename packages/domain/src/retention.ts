// The retention job (DESIGN §3; docs/decisions.md 39): deletes each member's cases whose retention term has ended,
// with their files and person-tag entries, and records each deletion in the member's audit trail. Deleting the case
// item deletes its wrapped data key, so no copy of its ciphertext left elsewhere can be opened any more
// (crypto-shredding; the table's backups keep the item for 35 days, see the decision). A plain function over ports:
// the local runner runs it on the daily timer, the cloud on a schedule.
//
// The rule: a case is kept while it is open, whatever its age. Once closed (`gesloten` or `doorverwezen`), it is kept
// for its member's `retentionYears` counted from the moment it was closed: the first entry of its history in a closed
// state (the Archiefwet counts from the end of the matter, not from its start; a closed case has no way back to an
// open state, so the first closing entry is the closing). An advice contact follows the same rule: DESIGN gives the
// vertrouwenspersoon no term of its own. A closed case without a closing entry cannot be dated and is kept (counted as
// `undated`). The term is that of the member whose case it is when the job reads it: a case transferred to another
// member has the receiving member's term.
import type { AuditLog } from "./audit";
import { SYSTEM_ACTOR } from "./deadline-job";
import { addMonths } from "./deadlines";
import { ConflictError, HubError } from "./errors";
import { isClosed } from "./lifecycle";
import type { CaseId, CaseRecord, DeskId, HistoryEntry, MemberId, Page } from "./model";
import type { BlobStore, CaseStore, Clock, RegionStore, SignalIndex } from "./ports";

/** What the job reads of a closed case: metadata in clear, never content, a sealed part or the data key. */
export type RetentionFacts = Pick<CaseRecord, "id" | "state" | "attachments" | "personTags" | "version"> & {
  history: readonly Pick<HistoryEntry, "at" | "state">[];
};

/** When the case was closed; undefined while it is open (or, closed, when no history entry says when). */
export function closedAt(c: Pick<RetentionFacts, "state" | "history">): string | undefined {
  return isClosed(c.state) ? c.history.find((h) => isClosed(h.state))?.at : undefined;
}

/** The moment a closed case's term ends: `retentionYears` calendar years after its closing (29 February: the 28th). */
export function retentionEndsAt(closedAt: string, retentionYears: number): Date {
  return addMonths(new Date(closedAt), 12 * retentionYears);
}

/**
 * A deletion once begun: everything a later run needs to finish it after the case item is gone (ids and keyed hashes,
 * never content). Written before the case is deleted, removed after its last trace is.
 */
export interface PendingDeletion {
  member: MemberId;
  caseId: CaseId;
  /** The version read: the case is deleted only while it is still that version of this member's case. */
  version: number;
  /** The day it was closed (YYYY-MM-DD), for the audit entry's detail `gesloten:<day>`. */
  closedOn: string;
  /** Its attachments' blob ids. */
  attachments: string[];
  /** Its person tags: its entries in the signal index. */
  personTags: string[];
}

/** Deletions begun and not yet finished, per member (a partition of its own, read without a Scan). */
export interface DeletionLedger {
  /** Idempotent: beginning the same deletion twice writes the same record. */
  begin(deletion: PendingDeletion): Promise<void>;
  pending(member: MemberId): Promise<PendingDeletion[]>;
  /** Idempotent. */
  end(member: MemberId, caseId: CaseId): Promise<void>;
}

export interface RetentionJobDeps {
  cases: Pick<CaseStore, "listClosedCases" | "deleteCase">;
  region: Pick<RegionStore, "listMembers" | "listDesks">;
  blobs: Pick<BlobStore, "delete">;
  signals: Pick<SignalIndex, "remove">;
  ledger: DeletionLedger;
  audit: Pick<AuditLog, "append">;
  clock: Clock;
}

/** For logs: counts only, never an id. */
export interface RetentionJobSummary {
  /** Closed cases read. */
  closedCases: number;
  /** Cases deleted with their files and tag entries (those an earlier run began included). */
  deleted: number;
  /** Of those, deletions an earlier run began and this run finished. */
  resumed: number;
  /** Files (blobs) deleted. */
  files: number;
  /** Signal index entries deleted. */
  tagEntries: number;
  /** Expired, but changed since they were read: kept; the next run decides again. */
  changed: number;
  /** Closed without a closing entry in their history: kept, as no term can start. */
  undated: number;
  /** Deletions that failed (store, files or audit trail unavailable): the next run finishes them. */
  failures: number;
}

const DEFAULT_PAGE_SIZE = 100;

export async function runRetentionJob(deps: RetentionJobDeps, options: { pageSize?: number } = {}): Promise<RetentionJobSummary> {
  const now = deps.clock.now();
  const [members, desks] = await Promise.all([deps.region.listMembers(), deps.region.listDesks()]);
  const summary: RetentionJobSummary = { closedCases: 0, deleted: 0, resumed: 0, files: 0, tagEntries: 0, changed: 0, undated: 0, failures: 0 };

  for (const member of members) {
    // First what an earlier run began: its case may be gone already, and then only the ledger knows its files.
    for (const pending of await deps.ledger.pending(member.id)) {
      if ((await attempt(deps, pending, now, summary)) === "deleted") summary.resumed++;
    }
    // Every desk, not only those serving the member now: a desk that no longer serves it still holds its old cases.
    for (const desk of desks) {
      for await (const c of closedCases(deps.cases, member.id, desk.id, options.pageSize ?? DEFAULT_PAGE_SIZE)) {
        summary.closedCases++;
        const closed = closedAt(c);
        if (closed === undefined) {
          summary.undated++;
          continue;
        }
        if (retentionEndsAt(closed, member.retentionYears).getTime() > now.getTime()) continue;
        const deletion: PendingDeletion = {
          member: member.id,
          caseId: c.id,
          version: c.version,
          closedOn: closed.slice(0, 10),
          attachments: (c.attachments ?? []).map((a) => a.id),
          personTags: c.personTags ?? [],
        };
        await attempt(deps, deletion, now, summary, { begin: true });
      }
    }
  }
  return summary;
}

/** One deletion, counted; a failure of a port leaves what the ledger needs for the next run, and the run goes on. */
async function attempt(deps: RetentionJobDeps, deletion: PendingDeletion, now: Date, summary: RetentionJobSummary, options: { begin?: boolean } = {}): Promise<"deleted" | "changed" | "failed"> {
  try {
    if (options.begin) await deps.ledger.begin(deletion);
    const outcome = await finish(deps, deletion, now);
    if (outcome === "deleted") {
      summary.deleted++;
      summary.files += deletion.attachments.length;
      summary.tagEntries += deletion.personTags.length;
    } else summary.changed++;
    return outcome;
  } catch (error) {
    // An outage (store, bucket, audit trail) is the next run's to finish; anything else is a bug and stops the job.
    if (!(error instanceof HubError)) throw error;
    summary.failures++;
    return "failed";
  }
}

/**
 * The order, and why: the ledger record is written first (by the caller), then the case item goes (conditional on its
 * version), then its files and tag entries, then the audit entry, and the ledger record last. A failure at any point
 * leaves the ledger record, from which the next run finishes the rest (each step is idempotent), so no file is ever
 * left that no run can find. The item goes before its files so that a case that changed meanwhile is left whole.
 */
async function finish(deps: RetentionJobDeps, deletion: PendingDeletion, now: Date): Promise<"deleted" | "changed"> {
  const { member, caseId } = deletion;
  try {
    await deps.cases.deleteCase(member, caseId, deletion.version);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Changed (or moved to another member) since it was read: nothing was deleted. The next run reads it again.
    await deps.ledger.end(member, caseId);
    return "changed";
  }
  for (const blobId of deletion.attachments) await deps.blobs.delete({ member, caseId, blobId });
  for (const tag of deletion.personTags) await deps.signals.remove(member, tag, caseId);
  // Recorded after the case is gone, so the trail never says a case was deleted that was not. A crash between this
  // entry and the ledger's end records it twice: the trail over-reports, never under-reports (docs/decisions.md 29).
  await deps.audit.append({ member, actor: SYSTEM_ACTOR, action: "retention-delete", caseId, detail: `gesloten:${deletion.closedOn}` }, now);
  await deps.ledger.end(member, caseId);
  return "deleted";
}

/** One member's closed cases on a desk, page by page. */
async function* closedCases(cases: RetentionJobDeps["cases"], member: MemberId, desk: DeskId, limit: number): AsyncGenerator<RetentionFacts> {
  let cursor: string | undefined;
  do {
    const page: Page<RetentionFacts> = await cases.listClosedCases(member, desk, { limit, ...(cursor ? { cursor } : {}) });
    yield* page.items;
    cursor = page.cursor;
  } while (cursor);
}
