// The reporter's decision about referring an advice contact (eigen regie, DESIGN §2), sealed under the case's data key
// like everything the reporter says (issue 3, item 5). In clear the case shows only that the reporter changed it (a
// history event `toestemming`), never whether consent was given or withdrawn: whoever reads the table without the
// member's key cannot tell that a frightened reporter agreed to take things further. What needs the answer (the
// referral, a transfer, the VP's case page, the reporter's mailbox) opens it.
import * as z from "zod/mini";
import type { CaseRecord } from "./model";
import type { CaseSealer } from "./ports";

export const CONSENT_PART = "consent";

const ConsentSchema = z.object({ v: z.literal(1), given: z.boolean(), at: z.iso.datetime() });

export interface Consent {
  given: boolean;
  /** When the reporter gave or withdrew it. */
  at: Date;
}

export function sealConsent(sealer: Pick<CaseSealer, "seal">, record: Pick<CaseRecord, "member" | "id" | "dataKey">, consent: Consent): Promise<Uint8Array> {
  const plain = new TextEncoder().encode(JSON.stringify({ v: 1, given: consent.given, at: consent.at.toISOString() }));
  return sealer.seal({ member: record.member, caseId: record.id }, record.dataKey, plain, CONSENT_PART);
}

/** The reporter's last decision; undefined when they never made one. */
export async function openConsent(sealer: Pick<CaseSealer, "open">, record: Pick<CaseRecord, "member" | "id" | "dataKey" | "consent">): Promise<Consent | undefined> {
  if (!record.consent) return undefined;
  const plain = await sealer.open({ member: record.member, caseId: record.id }, record.dataKey, record.consent, CONSENT_PART);
  const { given, at } = z.parse(ConsentSchema, JSON.parse(new TextDecoder().decode(plain)));
  return { given, at: new Date(at) };
}

/** Whether an advice contact may leave the vertrouwenspersoon: only with the reporter's consent, opened to check. */
export async function hasReferralConsent(sealer: Pick<CaseSealer, "open">, record: Pick<CaseRecord, "member" | "id" | "dataKey" | "consent">): Promise<boolean> {
  return (await openConsent(sealer, record))?.given === true;
}
