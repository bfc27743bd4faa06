// The desk's case page and lifecycle on the real embedded hub (dynalite, local keys, the embedded provider): every
// legal transition accepted and every illegal one refused; two tabs resolved by the step each saw; the audit trail as a
// keyed hash chain in which altering or deleting any entry is found; no content without an audit entry (fail closed).
import { DeleteItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { createAuditHasher } from "@meldpunt/crypto";
import {
  type AuditLog,
  type CaseRecord,
  type Member,
  CaseStateSchema,
  ConflictError,
  UnavailableError,
  ValidationError,
  verifyAuditChain,
} from "@meldpunt/domain";
import {
  addInternalNote,
  can,
  caseStep,
  ConsentRequiredError,
  messageReporter,
  nextStates,
  openCaseFile,
  recordVpFacts,
  saveMemberConfig,
  saveStaffMember,
  tagPerson,
  transitionCase,
  vpSignal,
} from "@meldpunt/domain/staff";
import { DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { embeddedDynamoClient } from "@meldpunt/store/embedded";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, follow, logIn, send } from "./support/browserless";
import { form, issuedForm, rawItems, receiptCodeIn, testHub, viewMailbox } from "./support/local";

let hub: Awaited<ReturnType<typeof testHub>>;
beforeAll(async () => {
  hub = await testHub();
});
afterAll(async () => {
  await hub?.close();
});

const BY = "demo-bi-hoorn";
const csrfIn = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

async function report(values: Record<string, string> = {}): Promise<{ record: CaseRecord; code: string }> {
  const res = await fetch(
    `${hub.url}/melden`,
    form({ ...(await issuedForm(hub.url)), member: "hoorn", wants: "melding", reporterType: "medewerker", anonymity: "anoniem", subcategories: "omgang.pesten", description: "Mijn leidinggevende intimideert het team.", ...values }),
  );
  const code = receiptCodeIn(await res.text());
  const [record] = await hub.deps.cases.findByReceiptLocator(hub.deps.receipts.parse(code)?.locator ?? "");
  if (!record) throw new Error("report not stored");
  return { record, code };
}

const move = (record: CaseRecord, to: string, extra: Record<string, unknown> = {}) =>
  transitionCase(hub.deps, { member: record.member, caseId: record.id, desk: record.desk, to, seen: caseStep(record), by: BY, ...extra });

describe("the lifecycle", () => {
  /** What each need is answered with when a test walks the table. */
  const DETAIL = { closeReason: "geen-vermoeden", referral: "klachtenregeling", investigation: "intern", conclusion: "niet-vastgesteld", measures: ["gesprek"] };

  /**
   * Walks each path of the table from a fresh case (made by `fresh`): at every state tries every state not offered,
   * which must be refused, then takes each offered one not taken yet. Answers the transitions taken.
   */
  async function walkTable(fresh: () => Promise<CaseRecord>): Promise<string[]> {
    const visited = new Set<string>();
    const walk = async (path: string[]) => {
      let record = await fresh();
      for (const to of path) record = await move(record, to, DETAIL);
      const offered = nextStates(record).map((s) => s.to);
      for (const to of CaseStateSchema.options.filter((s) => !offered.includes(s))) {
        const error = await move(record, to, DETAIL).catch((e: unknown) => e);
        expect({ kind: record.kind, from: record.state, to, refused: error instanceof ValidationError }).toEqual({ kind: record.kind, from: record.state, to, refused: true });
      }
      // Refused steps leave the case as it was.
      expect(caseStep((await hub.deps.cases.getCase(record.member, record.id)) as CaseRecord)).toBe(caseStep(record));
      for (const to of offered) {
        const key = `${record.state}->${to}`;
        if (visited.has(key)) continue;
        visited.add(key);
        await walk([...path, to]);
      }
    };
    await walk([]);
    return [...visited].sort();
  }

  it("accepts every legal transition of a report and refuses every other state from every state", async () => {
    expect(await walkTable(async () => (await report()).record)).toEqual(
      [
        "afdoening-lijn->gesloten",
        "besluit->gesloten",
        "besluit->maatregel",
        "bevestigd->triage",
        "feitenonderzoek->rapport",
        "maatregel->gesloten",
        "ontvangen->bevestigd",
        "rapport->besluit",
        "triage->afdoening-lijn",
        "triage->doorverwezen",
        "triage->gesloten",
        "triage->vooronderzoek",
        "vooronderzoek->feitenonderzoek",
        "vooronderzoek->gesloten",
      ].sort(),
    );
  });

  it("accepts every legal transition of an advice contact and refuses every other state from every state", async () => {
    const fresh = async () => {
      const { record } = await report({ wants: "advies" });
      expect({ kind: record.kind, desk: record.desk }).toEqual({ kind: "advies", desk: "hoorn-vp" });
      return record;
    };
    // Contact → advice or support → closed; a referral (not to the integrity desk: that needs consent, below) from either.
    expect(await walkTable(fresh)).toEqual(["bevestigd->doorverwezen", "bevestigd->gesloten", "ontvangen->bevestigd", "ontvangen->doorverwezen", "ontvangen->gesloten"]);
  });

  it("records what a transition needs, and refuses it without", async () => {
    let { record } = await report();
    record = await move(record, "bevestigd");
    record = await move(record, "triage");
    const missing = await move(record, "gesloten").catch((e: unknown) => e);
    expect((missing as ValidationError).issues).toEqual([{ field: "closeReason", message: expect.objectContaining({ nl: "Kies waarom de melding wordt afgesloten." }) }]);
    record = await move(record, "vooronderzoek");
    record = await move(record, "feitenonderzoek", { investigation: "extern" });
    record = await move(record, "rapport");
    record = await move(record, "besluit", { conclusion: "schending-vastgesteld" });
    const closeEarly = await move(record, "gesloten").catch((e: unknown) => e);
    expect((closeEarly as ValidationError).issues[0]?.message.nl).toContain("leg eerst de maatregel vast");
    const foreign = await move(record, "maatregel", { measures: ["bestaat-niet"] }).catch((e: unknown) => e);
    expect(foreign).toBeInstanceOf(ValidationError);
    record = await move(record, "maatregel", { measures: ["berisping", "gesprek"] });
    record = await move(record, "gesloten");
    expect(record.outcome).toEqual({ investigation: "extern", conclusion: "schending-vastgesteld", measures: ["berisping", "gesprek"] });
    expect(record.history.map((h) => [h.state, h.detail ?? ""])).toEqual([
      ["ontvangen", ""],
      ["bevestigd", ""],
      ["triage", ""],
      ["vooronderzoek", ""],
      ["feitenonderzoek", "extern"],
      ["rapport", ""],
      ["besluit", "schending-vastgesteld"],
      ["maatregel", "berisping,gesprek"],
      ["gesloten", ""],
    ]);
  });

  it("refers an advice contact to the integrity desk only with the reporter's consent", async () => {
    const { record } = await report({ wants: "advies" });
    expect(record.kind).toBe("advies");
    await expect(move(record, "doorverwezen", { referral: "integriteitsbalie" })).rejects.toBeInstanceOf(ConsentRequiredError);
    const referred = await move(record, "doorverwezen", { referral: "bedrijfsarts" });
    expect(referred.outcome?.referral).toBe("bedrijfsarts");
  });

  it("resolves two tabs by the step each saw: the second move is refused and says so, the first stays", async () => {
    const { record } = await report();
    const tab1 = move(record, "bevestigd");
    const tab2 = move(record, "bevestigd");
    const results = await Promise.allSettled([tab1, tab2]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    // A tab that saw the old step is refused even after the other's write, with a message that its change was not saved.
    const stale = await move(record, "bevestigd").catch((e: unknown) => e);
    expect((stale as ConflictError).userMessage.nl).toContain("Uw wijziging is niet opgeslagen");
    expect((await hub.deps.cases.getCase(record.member, record.id))?.history.filter((h) => h.state === "bevestigd")).toHaveLength(1);
  });
  it("is not refused by a write that does not move the case (the reporter reading a message)", async () => {
    const { record, code } = await report();
    await messageReporter(hub.deps, { member: record.member, caseId: record.id, desk: record.desk, by: BY }, { kind: "bericht", text: "Een vraag." });
    const seenByDesk = (await hub.deps.cases.getCase(record.member, record.id)) as CaseRecord;
    // The reporter opens the mailbox: the question is marked read, the version moves, the step does not.
    await viewMailbox((p, i) => fetch(`${hub.url}${p}`, i), code);
    const now = (await hub.deps.cases.getCase(record.member, record.id)) as CaseRecord;
    expect(now.version).toBeGreaterThan(seenByDesk.version);
    expect((await move(seenByDesk, "bevestigd")).state).toBe("bevestigd");
  });
});

describe("the audit trail", () => {
  it("records the read before the content is returned, and returns nothing when it cannot record", async () => {
    const { record } = await report({ description: "AUDIT-EERST" });
    const ref = { member: record.member, caseId: record.id, desk: record.desk, by: BY };
    const before = (await hub.deps.audit.readAll("hoorn")).entries.length;
    const file = await openCaseFile(hub.deps, ref);
    expect(file.content.description).toBe("AUDIT-EERST");
    const after = await hub.deps.audit.readAll("hoorn");
    expect(after.entries.at(-1)).toMatchObject({ seq: before + 1, actor: BY, action: "read-case", caseId: record.id });

    let opened = false;
    const failing: AuditLog = { ...hub.deps.audit, append: async () => Promise.reject(new UnavailableError()) };
    const sealer = {
      ...hub.deps.sealer,
      open: async (...args: Parameters<typeof hub.deps.sealer.open>) => {
        opened = true;
        return hub.deps.sealer.open(...args);
      },
    };
    await expect(openCaseFile({ ...hub.deps, audit: failing, sealer }, ref)).rejects.toBeInstanceOf(UnavailableError);
    expect(opened).toBe(false);
  });

  it("gives concurrent appends each their own place in one unbroken chain", async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => hub.deps.audit.append({ member: "enkhuizen", actor: `staff-${i}`, action: "read-case" }, new Date())));
    const { entries, head } = await hub.deps.audit.readAll("enkhuizen");
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(head).toMatchObject({ seq: 12, hash: entries[11]?.hash });
    const hasher = createAuditHasher({ key: await readFile(join(hub.dataDir, "auth", "audit.key")) });
    expect(verifyAuditChain(entries, head, hasher)).toEqual({ ok: true, entries: 12 });
  });

  it("finds any altered, deleted or truncated entry, also when the head is lowered to hide it", async () => {
    for (let i = 0; i < 5; i++) await hub.deps.audit.append({ member: "drechterland", actor: "staff-x", action: "read-case", detail: `n${i}` }, new Date());
    const hasher = createAuditHasher({ key: await readFile(join(hub.dataDir, "auth", "audit.key")) });
    const { entries, head } = await hub.deps.audit.readAll("drechterland");
    expect(verifyAuditChain(entries, head, hasher).ok).toBe(true);
    const [, second, third, fourth] = entries;
    if (!second || !third || !fourth || !head) throw new Error("too few entries");
    // In the store itself, as someone with write access to the table would.
    const client = embeddedDynamoClient(hub.dynamoEndpoint);
    const key = (seq: number) => ({ pk: "AUDIT#drechterland", sk: `E#${String(seq).padStart(12, "0")}` });
    try {
      await client.send(new PutItemCommand({ TableName: hub.tableName, Item: marshall({ ...key(2), entity: "audit", ...second, actor: "iemand-anders" }) }));
      const altered = await hub.deps.audit.readAll("drechterland");
      expect(verifyAuditChain(altered.entries, altered.head, hasher)).toEqual({ ok: false, seq: 2, problem: "altered" });
      // Recomputing a plain hash does not help without the key.
      await client.send(new PutItemCommand({ TableName: hub.tableName, Item: marshall({ ...key(2), entity: "audit", ...second }) }));
      await client.send(new DeleteItemCommand({ TableName: hub.tableName, Key: marshall(key(3)) }));
      const deleted = await hub.deps.audit.readAll("drechterland");
      expect(verifyAuditChain(deleted.entries, deleted.head, hasher)).toEqual({ ok: false, seq: 3, problem: "missing" });
      await client.send(new PutItemCommand({ TableName: hub.tableName, Item: marshall({ ...key(3), entity: "audit", ...third }) }));
      await client.send(new DeleteItemCommand({ TableName: hub.tableName, Key: marshall(key(5)) }));
      const truncated = await hub.deps.audit.readAll("drechterland");
      expect(verifyAuditChain(truncated.entries, truncated.head, hasher)).toEqual({ ok: false, seq: 5, problem: "tail-missing" });
      // Lowering the head to the entry now last, with its hash: the old signature does not fit, a new one needs the key.
      const headKey = { pk: "AUDIT#drechterland", sk: "HEAD" };
      await client.send(new PutItemCommand({ TableName: hub.tableName, Item: marshall({ ...headKey, entity: "audit-head", seq: 4, hash: fourth.hash, mac: head.mac }) }));
      expect(await hub.deps.audit.verify("drechterland")).toEqual({ ok: false, seq: 4, problem: "head-invalid" });
      // Deleting the head as well.
      await client.send(new DeleteItemCommand({ TableName: hub.tableName, Key: marshall(headKey) }));
      expect(await hub.deps.audit.verify("drechterland")).toEqual({ ok: false, seq: 4, problem: "head-invalid" });
      // A head one behind, signed by the hub (a crash between an entry's write and the head's), is no alarm.
      const behind = { seq: 4, hash: fourth.hash };
      await client.send(new PutItemCommand({ TableName: hub.tableName, Item: marshall({ ...headKey, entity: "audit-head", ...behind, mac: hasher.headMac(behind) }) }));
      await client.send(new PutItemCommand({ TableName: hub.tableName, Item: marshall({ ...key(5), entity: "audit", ...entries[4] }) }));
      expect(await hub.deps.audit.verify("drechterland")).toEqual({ ok: true, entries: 5 });
    } finally {
      client.destroy();
    }
  });
});

describe("the case page over HTTP", () => {
  async function asCoordinator(path: string) {
    const jar = new CookieJar();
    const { html } = await logIn(jar, `${hub.url}${path}`, "bi-hoorn", DEMO_PASSWORD);
    return { jar, html };
  }

  it("shows the content to the desk, moves the case, asks the reporter, keeps a note from them, and records feedback", async () => {
    const { record, code } = await report({ description: "ZAAK-INHOUD voor de balie." });
    const base = `${hub.url}/balie/hoorn-integriteit/hoorn/${record.id}`;
    const { jar, html } = await asCoordinator(`/balie/hoorn-integriteit/hoorn/${record.id}`);
    expect(html).toContain("ZAAK-INHOUD voor de balie.");
    expect(html).toContain("Dat staat in het logboek");
    const post = async (path: string, values: Record<string, string>) => {
      const body = new FormData();
      for (const [k, v] of Object.entries({ csrf: csrfIn(html), seen: caseStep((await hub.deps.cases.getCase("hoorn", record.id)) as CaseRecord), ...values })) body.append(k, v);
      return follow(jar, `${base}${path}`, { method: "POST", body });
    };
    const acknowledged = await post("/status", { to: "bevestigd" });
    expect(acknowledged.url).toBe(`${base}?gedaan=status`);
    expect(await acknowledged.res.text()).toContain("De status is gewijzigd.");
    const illegal = await post("/status", { to: "rapport" });
    expect(illegal.res.status).toBe(400);
    expect(await illegal.res.text()).toContain("kan de melding alleen naar: triage");

    await post("/bericht", { text: "Kunt u zeggen wie er nog meer bij was?", kind: "bericht" });
    const mailbox = await (await viewMailbox((p, i) => fetch(`${hub.url}${p}`, i), code)).text();
    expect(mailbox).toContain("Kunt u zeggen wie er nog meer bij was?");
    expect(mailbox).not.toContain("demo-bi-hoorn");

    await post("/notitie", { note: "INTERN: eerst met P&O overleggen." });
    expect(await (await viewMailbox((p, i) => fetch(`${hub.url}${p}`, i), code)).text()).not.toContain("INTERN");
    await post("/bericht", { text: "Wij hebben uw melding onderzocht en maatregelen genomen.", kind: "terugkoppeling" });
    const stored = await hub.deps.cases.getCase("hoorn", record.id);
    expect(stored?.feedbackAt).toBeDefined();
    expect(stored?.notes).toHaveLength(1);
    const page = await (await send(jar, base)).text();
    expect(page).toContain("INTERN: eerst met P&amp;O overleggen.");
    expect(page).toMatch(/Terugkoppeling uiterlijk<\/dt><dd[^>]*>[^<]*\(gedaan op/);

    const actions = (await hub.deps.audit.readAll("hoorn")).entries.filter((e) => e.caseId === record.id).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["read-case", "transition", "message", "note"]));
  });

  it("refuses a measure of the catalogue that is not in the member's own list, and offers only the member's", async () => {
    const hoorn = (await hub.deps.region.getMember("hoorn")) as Member;
    const own = ["geen", "gesprek", "berisping"];
    // Another member keeps the whole catalogue: overplaatsing is a valid measure, only not one of Hoorn's.
    expect((await hub.deps.region.getMember("sed"))?.measures).toContain("overplaatsing");
    await saveMemberConfig(hub.deps.region, { ...hoorn, measures: own, version: hoorn.version + 1 });
    try {
      let { record } = await report();
      for (const [to, extra] of [
        ["bevestigd", {}],
        ["triage", {}],
        ["vooronderzoek", {}],
        ["feitenonderzoek", { investigation: "intern" }],
        ["rapport", {}],
        ["besluit", { conclusion: "schending-vastgesteld" }],
      ] as const) {
        record = await move(record, to, extra);
      }
      const path = `/balie/hoorn-integriteit/hoorn/${record.id}`;
      const { jar, html } = await asCoordinator(path);
      expect([...html.matchAll(/id="measures-([a-z-]+)" name="measures"/g)].map((m) => m[1])).toEqual(own);
      const post = (measures: string[]) => {
        const body = new URLSearchParams({ csrf: csrfIn(html), seen: caseStep(record), to: "maatregel" });
        for (const m of measures) body.append("measures", m);
        return send(jar, `${hub.url}${path}/status`, { method: "POST", body });
      };
      for (const measures of [["overplaatsing"], ["gesprek", "overplaatsing"]]) {
        const res = await post(measures);
        expect({ measures, status: res.status }).toEqual({ measures, status: 400 });
        expect(await res.text()).toContain("Kies ten minste één maatregel van uw organisatie");
      }
      expect((await hub.deps.cases.getCase("hoorn", record.id))?.state).toBe("besluit");
      expect((await post(["gesprek"])).status).toBe(303);
      expect((await hub.deps.cases.getCase("hoorn", record.id))?.outcome?.measures).toEqual(["gesprek"]);
      // Only the step taken is in the trail: a refused one is not a transition.
      const steps = (await hub.deps.audit.readAll("hoorn")).entries.filter((e) => e.caseId === record.id && e.action === "transition" && e.detail === "maatregel");
      expect(steps).toHaveLength(1);
    } finally {
      const now = (await hub.deps.region.getMember("hoorn")) as Member;
      await saveMemberConfig(hub.deps.region, { ...now, measures: hoorn.measures, version: now.version + 1 });
    }
  });

  it("refuses staff of another desk and the member's admin, and a form without the session's token", async () => {
    const { record } = await report();
    const path = `/balie/hoorn-integriteit/hoorn/${record.id}`;
    for (const username of ["vp-hoorn", "bi-sed", "beheer-hoorn"]) {
      const jar = new CookieJar();
      const { back } = await logIn(jar, `${hub.url}${path}`, username, DEMO_PASSWORD);
      expect({ username, status: back.res.status }).toEqual({ username, status: 403 });
    }
    const { jar } = await asCoordinator(path);
    const res = await send(jar, `${hub.url}${path}/status`, { method: "POST", body: new URLSearchParams({ to: "bevestigd", seen: "ontvangen#1" }) });
    expect(res.status).toBe(403);
    expect((await hub.deps.cases.getCase("hoorn", record.id))?.state).toBe("ontvangen");
  });
});

describe("the queue over HTTP", () => {
  it("lists open cases with counts and badges, filters them, and leaves closed ones out", async () => {
    const { record: open } = await report({ member: "sed", description: "Open." });
    const { record: closing } = await report({ member: "sed", description: "Wordt gesloten." });
    let moved = await move(closing, "bevestigd");
    moved = await move(moved, "triage");
    await move(moved, "gesloten", { closeReason: "onvoldoende-concreet" });
    const jar = new CookieJar();
    const { html } = await logIn(jar, `${hub.url}/balie/sed-integriteit`, "bi-sed", DEMO_PASSWORD);
    expect(html).toContain(`data-case="${open.id}"`);
    expect(html).not.toContain(`data-case="${closing.id}"`);
    expect(html).toMatch(/data-testid="queue-counts">\d+ open meldingen: 0 te laat/);
    const financial = await (await send(jar, `${hub.url}/balie/sed-integriteit?onderwerp=financieel`)).text();
    expect(financial).not.toContain(`data-case="${open.id}"`);
    expect(financial).toContain('<option value="financieel" selected="">');
    const bad = await send(jar, `${hub.url}/balie/sed-integriteit?status=bestaat-niet`);
    expect(bad.status).toBe(400);
  });
});

describe("oral and written intake", () => {
  it("registers a phone report with a code for the reporter, who reviews the record in the mailbox", async () => {
    const jar = new CookieJar();
    const { html } = await logIn(jar, `${hub.url}/balie/hoorn-integriteit/registreren`, "bi-hoorn", DEMO_PASSWORD);
    expect(html).toContain("Een melding registreren");
    expect(html).not.toContain("pow.js");
    const formToken = /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const body = new FormData();
    const values = {
      csrf: csrfIn(html),
      formToken,
      channel: "telefoon",
      receivedOn: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10),
      member: "hoorn",
      wants: "melding",
      reporterType: "medewerker",
      anonymity: "vertrouwelijk",
      contactName: "De melder",
      contactPhone: "0612345678",
      subcategories: "financieel.declaratiefraude",
      description: "VERSLAG: de melder belde over declaraties van een collega.",
    };
    for (const [k, v] of Object.entries(values)) body.append(k, v);
    const res = await send(jar, `${hub.url}/balie/hoorn-integriteit/registreren`, { method: "POST", body });
    expect(res.status).toBe(200);
    const receipt = await res.text();
    expect(receipt).toContain("Geef deze code aan de melder");
    const code = receiptCodeIn(receipt);
    const [record] = await hub.deps.cases.findByReceiptLocator(hub.deps.receipts.parse(code)?.locator ?? "");
    expect(record).toMatchObject({ channel: "telefoon", state: "ontvangen", recordReview: { status: "open" }, desk: "hoorn-integriteit" });
    expect(record?.receivedAt.slice(0, 10)).toBe(values.receivedOn);
    expect(record?.history[0]?.by).toBe("demo-bi-hoorn");
    expect((await hub.deps.audit.readAll("hoorn")).entries.some((e) => e.action === "register-intake" && e.caseId === record?.id)).toBe(true);

    const mailbox = await (await viewMailbox((p, i) => fetch(`${hub.url}${p}`, i), code)).text();
    expect(mailbox).toContain("Controleer het verslag");
    expect(mailbox).toContain("VERSLAG: de melder belde");
  });

  it("refuses a member the desk does not handle, and a date in the future", async () => {
    const jar = new CookieJar();
    const { html } = await logIn(jar, `${hub.url}/balie/hoorn-integriteit/registreren`, "bi-hoorn", DEMO_PASSWORD);
    const post = async (extra: Record<string, string>) => {
      const body = new FormData();
      const base = { csrf: csrfIn(html), channel: "brief", member: "hoorn", wants: "melding", reporterType: "inwoner", anonymity: "anoniem", subcategories: "omgang.pesten", description: "Brief." };
      for (const [k, v] of Object.entries({ ...base, ...extra })) body.append(k, v);
      return send(jar, `${hub.url}/balie/hoorn-integriteit/registreren`, { method: "POST", body });
    };
    const foreign = await post({ member: "sed" });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('href="#member"');
    const future = await post({ receivedOn: "2099-01-01" });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain("De datum van ontvangst ligt in de toekomst");
  });
});

describe("signals", () => {
  it("counts other cases on the desk about the same person, by a keyed tag only, whatever the spelling", async () => {
    const ids: string[] = [];
    for (const spelling of ["Jan de Vries", "jan  DE vriës", "J. de Vries"]) {
      const { record } = await report();
      ids.push(record.id);
      const result = await tagPerson(hub.deps, { member: "hoorn", caseId: record.id, desk: "hoorn-integriteit", by: BY }, spelling);
      expect(result.earlier).toBe(spelling === "jan  DE vriës" ? 1 : 0);
    }
    const [first, second] = await Promise.all(ids.slice(0, 2).map((id) => hub.deps.cases.getCase("hoorn", id)));
    expect(first?.personTags).toEqual(second?.personTags);
    expect(first?.personTags?.[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const dump = JSON.stringify(await rawItems(hub));
    expect(dump.toLowerCase()).not.toContain("vries");
    // The same name at another member gives another tag: no signal crosses members.
    expect(await hub.deps.tags.tag("sed", "jan de vries")).not.toBe(first?.personTags?.[0]);
  });
});

describe("the member admin's audit trail page", () => {
  it("lists who did what without content, verifies the chain, and is closed to desk staff", async () => {
    const { record } = await report({ description: "LOGBOEK-INHOUD" });
    await openCaseFile(hub.deps, { member: "hoorn", caseId: record.id, desk: "hoorn-integriteit", by: BY });
    const jar = new CookieJar();
    const { back, html } = await logIn(jar, `${hub.url}/beheer/hoorn/logboek?controleer=1`, "beheer-hoorn", DEMO_PASSWORD);
    expect(back.res.status).toBe(200);
    expect(html).toContain(record.id);
    expect(html).not.toContain("LOGBOEK-INHOUD");
    expect(html).toMatch(/data-testid="verdict"><p class="utrecht-paragraph">Het logboek is in orde: \d+ regels/);
    const desk = new CookieJar();
    expect((await logIn(desk, `${hub.url}/beheer/hoorn/logboek`, "bi-hoorn", DEMO_PASSWORD)).back.res.status).toBe(403);
  });
});

describe("an advice contact's light registration", () => {
  it("records sick leave and a formal complaint in clear, audited, and only on an advice contact", async () => {
    const { record } = await report({ wants: "advies" });
    const ref = { member: "hoorn", caseId: record.id, desk: record.desk, by: "demo-vp-hoorn" };
    await recordVpFacts(hub.deps, ref, { sickLeave: "ja", formalComplaint: "nee" });
    const stored = await hub.deps.cases.getCase("hoorn", record.id);
    expect(stored?.vp).toEqual({ sickLeave: true, formalComplaint: false });
    expect((await hub.deps.audit.readAll("hoorn")).entries.at(-1)).toMatchObject({ action: "record-facts", caseId: record.id });
    // A later answer replaces an earlier one, whatever happened to the case meanwhile.
    await recordVpFacts(hub.deps, ref, { sickLeave: "nee" });
    expect((await hub.deps.cases.getCase("hoorn", record.id))?.vp).toEqual({ sickLeave: false, formalComplaint: false });
    const { record: melding } = await report();
    await expect(recordVpFacts(hub.deps, { ...ref, caseId: melding.id, desk: melding.desk }, { sickLeave: "ja" })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("the reporter's e-mail notice", () => {
  it("tells a reporter who asked for it that a message waits, with no content, case or organisation in it", async () => {
    const { record } = await report({ notifyEmail: "melder@voorbeeld.nl", description: "NOTICE-INHOUD" });
    const before = (await hub.deps.demoMail?.list())?.length ?? 0;
    const result = await messageReporter(hub.deps, { member: "hoorn", caseId: record.id, desk: record.desk, by: BY }, { kind: "bericht", text: "VRAAG-INHOUD: wanneer?" });
    expect(result).toEqual({ notice: "sent" });
    const mails = (await hub.deps.demoMail?.list()) ?? [];
    expect(mails.length).toBe(before + 1);
    const mail = await hub.deps.demoMail?.read(mails[0]?.name ?? "");
    expect(mail?.to).toEqual(["melder@voorbeeld.nl"]);
    const text = JSON.stringify(mail);
    for (const secret of ["NOTICE-INHOUD", "VRAAG-INHOUD", record.id, "Hoorn", "integriteit", "Integriteit"]) expect(text).not.toContain(secret);
    expect(text).toContain("/opvolgen");

    const { record: quiet } = await report();
    expect(await messageReporter(hub.deps, { member: "hoorn", caseId: quiet.id, desk: quiet.desk, by: BY }, { kind: "bericht", text: "Zonder adres." })).toEqual({ notice: "none" });
    const failing = { ...hub.deps, notices: { hubUrl: hub.url, mailer: { send: async () => Promise.reject(new Error("smtp down")) } } };
    expect(await messageReporter(failing, { member: "hoorn", caseId: record.id, desk: record.desk, by: BY }, { kind: "bericht", text: "Nog een vraag." })).toEqual({ notice: "failed" });
    expect((await hub.deps.cases.getCase("hoorn", record.id))?.messages).toHaveLength(2);
  });
});

describe("handover", () => {
  it("gives a successor on the desk the whole dossier, and the one who left nothing", async () => {
    const { record } = await report({ description: "OVERDRACHT-INHOUD" });
    const ref = { member: "hoorn", caseId: record.id, desk: "hoorn-integriteit", by: BY };
    await addInternalNote(hub.deps, ref, "Eerste gesprek gevoerd.");
    await messageReporter(hub.deps, ref, { kind: "bericht", text: "Wanneer kunnen we u spreken?" });
    await move((await hub.deps.cases.getCase("hoorn", record.id)) as CaseRecord, "bevestigd");
    // The coordinator leaves the desk; a successor joins it. The case does not move.
    const desks = await hub.deps.region.listDesks();
    const successor = await saveStaffMember(hub.deps.auth.staff, hub.deps.region, { id: "opvolger-hoorn", name: "Opvolger", email: "opvolger@hoorn.example", roles: [{ role: "desk-staff", desk: "hoorn-integriteit" }] });
    const leaver = await saveStaffMember(hub.deps.auth.staff, hub.deps.region, { id: "vertrokken-hoorn", name: "Vertrokken", email: "vertrokken@hoorn.example", roles: [] });
    expect(can(successor, "read-case-content", { member: "hoorn", desk: "hoorn-integriteit" }, { desks })).toBe(true);
    expect(can(leaver, "read-case-content", { member: "hoorn", desk: "hoorn-integriteit" }, { desks })).toBe(false);
    const file = await openCaseFile(hub.deps, { ...ref, by: successor.id });
    expect(file.content.description).toBe("OVERDRACHT-INHOUD");
    expect(file.notes.map((n) => [n.by, n.text])).toEqual([[BY, "Eerste gesprek gevoerd."]]);
    expect(file.messages.map((m) => m.text)).toEqual(["Wanneer kunnen we u spreken?"]);
    expect(file.record.history.map((h) => h.state)).toEqual(["ontvangen", "bevestigd"]);
  });
});

describe("the VP's signal to management", () => {
  it("counts advice contacts per subject with counts under 5 as '<5' and no total, and mails only counts and the remark", async () => {
    const now = new Date();
    const contact = (categories: string[], daysAgo: number) => ({ kind: "advies" as const, categories: categories as never, receivedAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString() });
    const signal = vpSignal(
      [...Array.from({ length: 6 }, () => contact(["omgang"], 30)), contact(["belangen"], 10), contact(["omgang"], 400), { ...contact(["financieel"], 5), kind: "melding" as const }],
      now,
    );
    expect(signal.bySubject).toEqual([
      { category: "belangen", count: "<5" },
      { category: "omgang", count: 6 },
    ]);

    for (let i = 0; i < 5; i++) await report({ wants: "advies", subcategories: "omgang.pesten", description: `VP-INHOUD ${i}` });
    const jar = new CookieJar();
    const { html } = await logIn(jar, `${hub.url}/balie/hoorn-vp/signaal?organisatie=hoorn`, "vp-hoorn", DEMO_PASSWORD);
    expect(html).toMatch(/Ongewenste omgangsvormen<\/td><td class="utrecht-table__cell">\d+</);
    const before = (await hub.deps.demoMail?.list())?.length ?? 0;
    const body = new URLSearchParams({ csrf: csrfIn(html), remark: "Er speelt veel rond omgangsvormen." });
    const sent = await send(jar, `${hub.url}/balie/hoorn-vp/signaal?organisatie=hoorn`, { method: "POST", body });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain("Het signaal is verstuurd aan 1 beheerder(s).");
    const mails = (await hub.deps.demoMail?.list()) ?? [];
    expect(mails.length).toBe(before + 1);
    const mail = await hub.deps.demoMail?.read(mails[0]?.name ?? "");
    expect(mail?.to).toEqual(["r.jansen@hoorn.example"]);
    expect(mail?.text).toContain("Er speelt veel rond omgangsvormen.");
    expect(JSON.stringify(mail)).not.toContain("VP-INHOUD");
    // Only a VP desk gives signals.
    const bi = new CookieJar();
    expect((await logIn(bi, `${hub.url}/balie/hoorn-integriteit/signaal`, "bi-hoorn", DEMO_PASSWORD)).back.res.status).toBe(404);
  });
});
