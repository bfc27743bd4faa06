// Forwarding a case between desks and members on the real store and real member keys: across members every envelope
// is resealed under the receiving member's key; a failure at any step leaves the case wholly with the sender.
import {
  type CaseRecord,
  type CaseSealer,
  type CaseStore,
  ConflictError,
  decodeContent,
  openMailbox,
  signInWithReceipt,
  IntegrityError,
  NotFoundError,
  submitReport,
  UnavailableError,
  ValidationError,
} from "@meldpunt/domain";
import { ConsentRequiredError, historyPart, transferCase } from "@meldpunt/domain/staff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "./support/local";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
/** As the store gives it back: the sealer's Buffers become plain Uint8Arrays. */
const asStored = (record: CaseRecord) => structuredClone(record);

/** A fresh report to Hoorn; returns its case and receipt code. */
async function hoornCase(description = "De teamleider pest een collega al maanden."): Promise<{ record: CaseRecord; code: string }> {
  const submitted = await submitReport(t.deps, { member: "hoorn", wants: "melding", reporterType: "medewerker", anonymity: "anoniem", subcategories: ["omgang.pesten"], description });
  const candidates = await t.deps.cases.findByReceiptLocator(t.deps.receipts.parse(submitted.receiptCode)?.locator ?? "");
  const record = candidates[0];
  if (!record) throw new Error("submitted case not found");
  return { record, code: submitted.receiptCode };
}

const move = (record: CaseRecord, toDesk: string, extra: Record<string, string> = {}) => ({
  member: record.member,
  caseId: record.id,
  fromDesk: record.desk,
  toDesk,
  reason: "Hoort bij de SED-organisatie: de melder werkt daar.",
  by: "staff-hoorn-bi",
  ...extra,
});

describe("transfer to another member", () => {
  it("reseals every envelope under the receiving member's key; the sender keeps no access", async () => {
    const { record, code } = await hoornCase();
    const moved = await transferCase(t.deps, move(record, "sed-integriteit"));

    expect(moved).toMatchObject({ member: "sed", desk: "sed-integriteit", version: 2, state: record.state });
    expect(await t.deps.cases.getCase("hoorn", record.id)).toBeUndefined();
    const stored = await t.deps.cases.getCase("sed", record.id);
    expect(stored).toEqual(asStored(moved));

    const sed = { member: "sed", caseId: record.id };
    const hoorn = { member: "hoorn", caseId: record.id };
    expect(decodeContent(await t.deps.sealer.open(sed, moved.dataKey, moved.content)).description).toContain("pest een collega");
    // Neither the old key and context nor the new key under the old context opens anything any more.
    await expect(t.deps.sealer.open(hoorn, record.dataKey, moved.content)).rejects.toBeInstanceOf(IntegrityError);
    await expect(t.deps.sealer.open(hoorn, moved.dataKey, moved.content)).rejects.toBeInstanceOf(IntegrityError);
    expect(moved.dataKey.keyId).toBe("local:sed");

    const entry = moved.history.at(-1);
    expect(entry).toMatchObject({ event: "doorgestuurd", by: "staff-hoorn-bi", from: { member: "hoorn", desk: "hoorn-integriteit" }, to: { member: "sed", desk: "sed-integriteit" } });
    expect(text(await t.deps.sealer.open(sed, moved.dataKey, entry?.note as Uint8Array, historyPart(moved.history.length - 1)))).toContain("SED-organisatie");

    // The reporter's code still works, and shows where the report is now.
    const status = await openMailbox(t.deps, await signInWithReceipt(t.deps, code));
    expect(status.deskName).toBe("Integriteitscoördinator SED-organisatie");
  });

  it("carries earlier sealed notes along, and a case can travel on (via regional intake back to a member)", async () => {
    const { record } = await hoornCase();
    const atIntake = await transferCase(t.deps, move(record, "regio-intake", { reason: "Niet van ons." }));
    expect(atIntake.member).toBe("regio");
    const atArchive = await transferCase(t.deps, move(atIntake, "hoorn-integriteit", { toMember: "westfries-archief", reason: "Het archief.", by: "staff-intake" }));
    expect(atArchive).toMatchObject({ member: "westfries-archief", desk: "hoorn-integriteit", version: 3 });
    const ctx = { member: "westfries-archief", caseId: record.id };
    const notes = await Promise.all(
      atArchive.history.map((h, i) => (h.note ? t.deps.sealer.open(ctx, atArchive.dataKey, h.note, historyPart(i)).then(text) : undefined)),
    );
    expect(notes.filter(Boolean)).toEqual(["Niet van ons.", "Het archief."]);
  });

  it("asks which member when the receiving desk serves several and not the case's own", async () => {
    const { record } = await hoornCase();
    const refused = transferCase(t.deps, move(record, "regio-vp-extern"));
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ issues: [{ field: "toMember" }] });
  });
});

describe("transfer within a member", () => {
  it("keeps the case's key and moves only the desk", async () => {
    const { record } = await hoornCase();
    const moved = await transferCase(t.deps, move(record, "hoorn-bestuurlijk", { reason: "Gaat eigenlijk over een wethouder." }));
    expect(moved).toMatchObject({ member: "hoorn", desk: "hoorn-bestuurlijk", version: 2 });
    expect(moved.dataKey).toEqual(record.dataKey);
    expect(moved.content).toEqual(record.content);
    expect(await t.deps.cases.getCase("hoorn", record.id)).toEqual(asStored(moved));
  });

  it("refuses the desk it is already on, a desk that does not exist, and a case that is not on the sender's desk", async () => {
    const { record } = await hoornCase();
    await expect(transferCase(t.deps, move(record, "sed-integriteit", { fromDesk: "hoorn-vp" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(transferCase(t.deps, move(record, "hoorn-integriteit"))).rejects.toBeInstanceOf(ValidationError);
    await expect(transferCase(t.deps, move(record, "bestaat-niet"))).rejects.toBeInstanceOf(ValidationError);
    expect(await t.deps.cases.getCase("hoorn", record.id)).toEqual(record);
  });

  it("refuses an advice contact without the reporter's consent", async () => {
    const submitted = await submitReport(t.deps, { member: "hoorn", wants: "advies", reporterType: "medewerker", anonymity: "anoniem", subcategories: ["omgang.pesten"], description: "Ik wil eerst praten." });
    const [contact] = await t.deps.cases.findByReceiptLocator(t.deps.receipts.parse(submitted.receiptCode)?.locator ?? "");
    if (!contact) throw new Error("no contact");
    await expect(transferCase(t.deps, move(contact, "hoorn-integriteit"))).rejects.toBeInstanceOf(ConsentRequiredError);
    expect(await t.deps.cases.getCase("hoorn", contact.id)).toEqual(contact);
  });
});

describe("a failure at any step leaves the case readable and unchanged at the sender", () => {
  const failing = (what: string) => () => Promise.reject(new UnavailableError({ cause: new Error(what) }));
  const steps: [string, (sealer: CaseSealer, cases: CaseStore) => { sealer?: Partial<CaseSealer>; cases?: Partial<CaseStore> }][] = [
    ["opening the sender's envelopes", () => ({ sealer: { reseal: failing("unwrap") } })],
    ["sealing the reason under the new key", () => ({ sealer: { seal: failing("seal") } })],
    ["writing the moved case", () => ({ cases: { updateCase: failing("write") } })],
    ["a concurrent change (stale version)", () => ({ cases: { updateCase: () => Promise.reject(new ConflictError()) } })],
  ];
  for (const [step, inject] of steps) {
    it(`fails at ${step}`, async () => {
      const { record } = await hoornCase();
      const faults = inject(t.deps.sealer, t.deps.cases);
      const deps = {
        ...t.deps,
        sealer: { ...t.deps.sealer, ...faults.sealer },
        cases: { ...t.deps.cases, ...faults.cases },
      };
      await expect(transferCase(deps, move(record, "sed-integriteit"))).rejects.toBeInstanceOf(Error);
      const after = await t.deps.cases.getCase("hoorn", record.id);
      expect(after).toEqual(record);
      expect(decodeContent(await t.deps.sealer.open({ member: "hoorn", caseId: record.id }, record.dataKey, record.content)).description).toContain("pest");
      expect(await t.deps.cases.getCase("sed", record.id)).toBeUndefined();
    });
  }

  it("lets only one of two transfers of the same read win", async () => {
    const { record } = await hoornCase();
    const results = await Promise.allSettled([
      transferCase(t.deps, move(record, "sed-integriteit")),
      transferCase(t.deps, move(record, "hoorn-bestuurlijk", { reason: "Wethouder." })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(ConflictError);
  });
});

describe("what a transfer leaves behind", () => {
  it("starts the deadline notices over at the receiving desk", async () => {
    const { record } = await hoornCase();
    const told = { ...record, notified: { ackOverdue: record.ackDueAt }, version: record.version + 1 };
    await t.deps.cases.updateCase(told);
    const within = await transferCase(t.deps, move(told, "hoorn-bestuurlijk", { reason: "Over een wethouder." }));
    expect(within.notified).toBeUndefined();
    const { record: other } = await hoornCase();
    const toldOther = { ...other, notified: { ackOverdue: other.ackDueAt }, version: other.version + 1 };
    await t.deps.cases.updateCase(toldOther);
    expect((await transferCase(t.deps, move(toldOther, "sed-integriteit"))).notified).toBeUndefined();
  });
});
