// The retention job (docs/decisions.md 39) on the real embedded hub: dynalite, real envelope encryption under local
// member keys, the local blob store, the demo region (Hoorn keeps 10 years, Westfries Archief 20). Cases are reported
// and closed through the domain's own use cases, "years ago" by an injected clock, and the job runs "now". Then the
// failures: a case changed between read and delete, a file store that fails halfway, and a rerun.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { createApp } from "@meldpunt/api";
import { type BlobStore, type CaseRecord, submitReport, UnavailableError } from "@meldpunt/domain";
import {
  caseStep,
  type RetentionJobDeps,
  runRetentionJob,
  tagPerson,
  transitionCase,
} from "@meldpunt/domain/staff";
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { createDeletionLedger } from "@meldpunt/store";
import { embeddedDynamoClient } from "@meldpunt/store/embedded";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, logIn } from "./support/browserless";
import { form, rawItems, testHub } from "./support/local";

const at = (iso: string) => ({ now: () => new Date(iso) });
const NOW = "2040-06-15T03:00:00.000Z";
const TAGGED = "Karel Geheimnaam";

type Hub = Awaited<ReturnType<typeof testHub>>;
interface Reported {
  record: CaseRecord;
  code: string;
}

/** A web report received on `receivedAt`, with a text file, optionally tagged with a person. */
async function report(hub: Hub, member: string, receivedAt: string, options: { wants?: "melding" | "advies"; tag?: boolean } = {}): Promise<Reported> {
  const deps = { ...hub.deps, clock: at(receivedAt) };
  const { receiptCode } = await submitReport(
    deps,
    { member, wants: options.wants ?? "melding", reporterType: "medewerker", anonymity: "anoniem", subcategories: ["omgang.pesten"], description: "Mijn teamleider scheldt mij uit. GEHEIM-INHOUD", formToken: deps.tokens.issue() },
    { files: [{ name: "verslag.txt", bytes: new TextEncoder().encode("Verslag van het gesprek. GEHEIM-BIJLAGE") }] },
  );
  let [record] = await deps.cases.findByReceiptLocator(deps.receipts.parse(receiptCode)?.locator ?? "");
  if (!record) throw new Error("report not stored");
  if (options.tag) {
    await tagPerson(deps, { member, caseId: record.id, desk: record.desk, by: "demo-bi-hoorn" }, TAGGED);
    record = (await deps.cases.getCase(member, record.id)) as CaseRecord;
  }
  return { record, code: receiptCode };
}

/** Moves the case along its lifecycle, each step at its own moment. */
async function steps(hub: Hub, reported: Reported, moves: [to: string, when: string, extra?: Record<string, unknown>][]): Promise<Reported> {
  let record = reported.record;
  for (const [to, when, extra] of moves) {
    record = await transitionCase(
      { ...hub.deps, clock: at(when) },
      { member: record.member, caseId: record.id, desk: record.desk, to, seen: caseStep(record), by: "demo-bi-hoorn", ...extra },
    );
  }
  return { ...reported, record };
}

/** A report closed after triage at `closedAt` (no suspicion). */
const closedReport = async (hub: Hub, member: string, receivedAt: string, closedAt: string, tag = false) =>
  steps(hub, await report(hub, member, receivedAt, { tag }), [
    ["bevestigd", receivedAt],
    ["triage", receivedAt],
    ["gesloten", closedAt, { closeReason: "geen-vermoeden" }],
  ]);

const blobOf = (r: Reported) => ({ member: r.record.member, caseId: r.record.id, blobId: r.record.attachments?.[0]?.id ?? "" });

async function signInStatus(hub: Hub, code: string): Promise<number> {
  return (await createApp(hub.deps).request("/opvolgen", form({ code }))).status;
}

describe("the retention job", () => {
  let hub: Hub;
  const c: Record<string, Reported> = {};

  beforeAll(async () => {
    hub = await testHub();
    // Hoorn keeps 10 years from closing: closed 10 years and a day ago is due, closed a day short of 10 years is not.
    c.expired = await closedReport(hub, "hoorn", "2030-05-01T10:00:00.000Z", "2030-06-14T10:00:00.000Z", true);
    c.dayShort = await closedReport(hub, "hoorn", "2030-05-01T10:00:00.000Z", "2030-06-16T03:00:00.000Z");
    // Open for twenty years: never due, whatever its age.
    c.open = await steps(hub, await report(hub, "hoorn", "2020-01-10T10:00:00.000Z"), [["bevestigd", "2020-01-11T10:00:00.000Z"]]);
    // Westfries Archief keeps 20 years: closed the same day as the expired Hoorn case, on Hoorn's own desk, and kept.
    c.archive = await closedReport(hub, "westfries-archief", "2030-05-01T10:00:00.000Z", "2030-06-14T10:00:00.000Z");
    // An advice contact follows the same rule.
    c.advice = await steps(hub, await report(hub, "hoorn", "2029-01-05T10:00:00.000Z", { wants: "advies" }), [["gesloten", "2029-02-01T10:00:00.000Z"]]);
    expect(c.archive.record.desk).toBe("hoorn-integriteit");
    expect(c.advice.record).toMatchObject({ kind: "advies", desk: "hoorn-vp" });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("deletes each member's expired closed cases with their files and tag entries, and audits each", async () => {
    expect(await signInStatus(hub, c.expired?.code ?? "")).toBe(303);
    const tag = c.expired?.record.personTags?.[0] ?? "";
    expect(await hub.deps.signals.casesWith("hoorn", tag)).toEqual([c.expired?.record.id]);

    const summary = await hub.runRetention({ clock: at(NOW) });
    expect(summary).toEqual({ closedCases: 4, deleted: 2, resumed: 0, files: 2, tagEntries: 1, changed: 0, undated: 0, failures: 0 });

    for (const gone of [c.expired, c.advice] as Reported[]) {
      expect(await hub.deps.cases.getCase("hoorn", gone.record.id)).toBeUndefined();
      expect(await hub.deps.blobs.get(blobOf(gone))).toBeUndefined();
    }
    expect(await hub.deps.signals.casesWith("hoorn", tag)).toEqual([]);
    for (const kept of [c.dayShort, c.open, c.archive] as Reported[]) {
      expect(await hub.deps.cases.getCase(kept.record.member, kept.record.id)).toMatchObject({ version: kept.record.version });
      expect(await hub.deps.blobs.get(blobOf(kept))).toBeInstanceOf(Uint8Array);
    }

    const { entries } = await hub.deps.audit.readAll("hoorn");
    const deletions = entries.filter((e) => e.action === "retention-delete");
    expect(deletions).toEqual([
      expect.objectContaining({ actor: "systeem", caseId: c.expired?.record.id, detail: "gesloten:2030-06-14", at: NOW }),
      expect.objectContaining({ actor: "systeem", caseId: c.advice?.record.id, detail: "gesloten:2029-02-01", at: NOW }),
    ]);
    expect(await hub.deps.audit.verify("hoorn")).toEqual({ ok: true, entries: entries.length });
    expect(JSON.stringify(deletions)).not.toMatch(/GEHEIM|Karel/);
  });

  it("leaves no trace of a deleted case: a raw scan of the table finds only its audit entries, and its code opens nothing", async () => {
    const items = await rawItems(hub);
    for (const gone of [c.expired, c.advice] as Reported[]) {
      const mentioning = items.filter((item) => JSON.stringify(item).includes(gone.record.id));
      // The trail keeps its lines (the transitions, the tag, the deletion): ids and codes, no content.
      expect(new Set(mentioning.map((item) => item.entity?.S))).toEqual(new Set(["audit"]));
      expect(JSON.stringify(items)).not.toContain(gone.record.receipt.locator);
    }
    // No file is left in the case's folder (the emptied folder itself stays; see docs/decisions.md 39).
    expect(await readdir(join(hub.dataDir, "blobs", "hoorn", c.expired?.record.id ?? ""))).toEqual([]);
    // After the scan: a refused attempt leaves a throttle count under the typed locator, as for any code.
    expect(await signInStatus(hub, c.expired?.code ?? "")).not.toBe(303);
    expect(await signInStatus(hub, c.dayShort?.code ?? "")).toBe(303);
  });

  it("shows the deletion to the member's admin in the audit trail, by date, in Dutch and English", async () => {
    const jar = new CookieJar();
    const { html } = await logIn(jar, `${hub.url}/beheer/hoorn/logboek`, "beheer-hoorn", DEMO_PASSWORD);
    expect(html).toContain("Verwijderd na afloop van de bewaartermijn");
    expect(html).toContain(c.expired?.record.id);
    expect(html).toContain("gesloten:2030-06-14");
    expect(html).toContain("15 jun 2040");
    const en = await (await fetch(`${hub.url}/beheer/hoorn/logboek?lang=en`, { headers: { Cookie: jar.header(hub.url) } })).text();
    expect(en).toContain("Deleted at the end of the retention period");
  });

  it("is a no-op when run again", async () => {
    const before = (await hub.deps.audit.readAll("hoorn")).entries.length;
    expect(await hub.runRetention({ clock: at(NOW) })).toMatchObject({ closedCases: 2, deleted: 0, failures: 0 });
    expect((await hub.deps.audit.readAll("hoorn")).entries.length).toBe(before);
  });

  it("uses each member's own term: the archive's case goes once its 20 years are over", async () => {
    expect(await hub.runRetention({ clock: at("2050-06-15T03:00:00.000Z") })).toMatchObject({ deleted: 2 });
    expect(await hub.deps.cases.getCase("westfries-archief", c.archive?.record.id ?? "")).toBeUndefined();
    expect(await hub.deps.cases.getCase("hoorn", c.open?.record.id ?? "")).toBeDefined();
    const { entries } = await hub.deps.audit.readAll("westfries-archief");
    expect(entries.filter((e) => e.action === "retention-delete").map((e) => e.caseId)).toEqual([c.archive?.record.id]);
  });
});

describe("the retention job when something goes wrong", () => {
  let hub: Hub;
  let deps: RetentionJobDeps;
  let client: ReturnType<typeof embeddedDynamoClient>;

  beforeAll(async () => {
    hub = await testHub();
    client = embeddedDynamoClient(hub.dynamoEndpoint);
    deps = { ...hub.deps, ledger: createDeletionLedger({ client, tableName: hub.tableName }), clock: at(NOW) };
  });
  afterAll(async () => {
    client?.destroy();
    await hub?.close();
  });

  it("keeps a case, whole, that changed between read and delete; the next run decides again", async () => {
    const changed = await closedReport(hub, "hoorn", "2030-05-01T10:00:00.000Z", "2030-06-01T10:00:00.000Z");
    const cases: RetentionJobDeps["cases"] = {
      listClosedCases: (...args) => hub.deps.cases.listClosedCases(...args),
      async deleteCase(member, caseId, version) {
        // The desk's write lands just after the job read the case.
        const now = (await hub.deps.cases.getCase(member, caseId)) as CaseRecord;
        await hub.deps.cases.updateCase({ ...now, version: now.version + 1 });
        return hub.deps.cases.deleteCase(member, caseId, version);
      },
    };
    expect(await runRetentionJob({ ...deps, cases })).toMatchObject({ deleted: 0, changed: 1, failures: 0 });
    expect(await hub.deps.cases.getCase("hoorn", changed.record.id)).toMatchObject({ version: changed.record.version + 1 });
    expect(await hub.deps.blobs.get(blobOf(changed))).toBeInstanceOf(Uint8Array);
    expect(await deps.ledger.pending("hoorn")).toEqual([]);
    expect((await hub.deps.audit.readAll("hoorn")).entries.some((e) => e.action === "retention-delete")).toBe(false);

    expect(await runRetentionJob(deps)).toMatchObject({ deleted: 1, changed: 0 });
    expect(await hub.deps.blobs.get(blobOf(changed))).toBeUndefined();
  });

  it("finishes on the next run what a run that failed halfway left, and then has nothing left to do", async () => {
    const left = await closedReport(hub, "hoorn", "2030-05-01T10:00:00.000Z", "2030-06-01T10:00:00.000Z", true);
    const failing: Pick<BlobStore, "delete"> = {
      async delete() {
        throw new UnavailableError({ cause: new Error("disk gone") });
      },
    };
    expect(await runRetentionJob({ ...deps, blobs: failing })).toMatchObject({ deleted: 0, failures: 1 });
    // The case (and its data key) is gone; its file is not, and the ledger still knows where it is.
    expect(await hub.deps.cases.getCase("hoorn", left.record.id)).toBeUndefined();
    expect(await hub.deps.blobs.get(blobOf(left))).toBeInstanceOf(Uint8Array);
    expect(await deps.ledger.pending("hoorn")).toEqual([expect.objectContaining({ caseId: left.record.id, attachments: [blobOf(left).blobId] })]);
    expect(await hub.deps.signals.casesWith("hoorn", left.record.personTags?.[0] ?? "")).toEqual([left.record.id]);

    expect(await runRetentionJob(deps)).toMatchObject({ deleted: 1, resumed: 1, files: 1, tagEntries: 1, failures: 0 });
    expect(await hub.deps.blobs.get(blobOf(left))).toBeUndefined();
    expect(await hub.deps.signals.casesWith("hoorn", left.record.personTags?.[0] ?? "")).toEqual([]);
    expect(await deps.ledger.pending("hoorn")).toEqual([]);
    const deletions = (await hub.deps.audit.readAll("hoorn")).entries.filter((e) => e.caseId === left.record.id && e.action === "retention-delete");
    expect(deletions).toHaveLength(1);

    const before = (await hub.deps.audit.readAll("hoorn")).entries.length;
    expect(await runRetentionJob(deps)).toEqual({ closedCases: 0, deleted: 0, resumed: 0, files: 0, tagEntries: 0, changed: 0, undated: 0, failures: 0 });
    expect((await hub.deps.audit.readAll("hoorn")).entries.length).toBe(before);
    expect(JSON.stringify(await rawItems(hub))).not.toContain(`RETENTION#`);
  });
});
