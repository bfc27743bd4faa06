import { type MemberId, MemberIdSchema, ValidationError } from "@meldpunt/domain";

/** Re-checks a member id at the boundary where it becomes a file name or a key lookup (no path traversal). */
export function checkMemberId(member: string): MemberId {
  const result = MemberIdSchema.safeParse(member);
  if (!result.success) {
    throw new ValidationError([
      { field: "member", message: { nl: "Ongeldige organisatie-id.", en: "Invalid member id." } },
    ]);
  }
  return result.data;
}
