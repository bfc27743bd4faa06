// Every part of a blob key is re-checked here, before it becomes a path segment or an S3 object key: a member slug and
// two 26-character Crockford ids, so no "..", "/", "\" or empty part can ever reach the file system or the bucket.
import { type BlobKey, CaseIdSchema, MemberIdSchema, ValidationError } from "@meldpunt/domain";

function invalid(field: keyof BlobKey, nl: string, en: string): ValidationError {
  return new ValidationError([{ field, message: { nl, en } }]);
}

/** The checked key, or a ValidationError naming the first bad part. Copies the parts, so a caller cannot change them later. */
export function checkBlobKey(key: BlobKey): BlobKey {
  const member = MemberIdSchema.safeParse(key?.member);
  if (!member.success) throw invalid("member", "Ongeldige organisatie-id.", "Invalid member id.");
  const caseId = CaseIdSchema.safeParse(key.caseId);
  if (!caseId.success) throw invalid("caseId", "Ongeldig zaaknummer.", "Invalid case id.");
  // A blob id has exactly the shape of a case id (26 Crockford characters), so the case id's schema checks it.
  const blobId = CaseIdSchema.safeParse(key.blobId);
  if (!blobId.success) throw invalid("blobId", "Ongeldige bijlage-id.", "Invalid attachment id.");
  return { member: member.data, caseId: caseId.data, blobId: blobId.data };
}

/** The three checked parts, in the order both adapters store them: `<member>/<caseId>/<blobId>`. */
export function blobKeyParts(key: BlobKey): [string, string, string] {
  const checked = checkBlobKey(key);
  return [checked.member, checked.caseId, checked.blobId];
}
