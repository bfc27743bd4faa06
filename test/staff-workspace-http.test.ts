// The desk's workspace over real HTTP on the embedded hub, as logged-in demo staff use it: downloading a reporter's
// file (audited before it is opened, refused to other desks with nothing audited), tagging the person concerned (the
// signal count on the case page, per desk and member, no name stored), the VP's light registration, the queue's
// filters and pages (and that it decrypts nothing), the member admin's audit trail page (paging, a failed verdict after
// tampering), and handing a desk over: a successor sees the whole dossier, someone taken off the desk is refused at once.
import { DeleteItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { type CaseRecord, postReporterMessage, UnavailableError } from "@meldpunt/domain";
import { caseStep, saveStaffMember } from "@meldpunt/domain/staff";
import { DEMO_ACCOUNTS } from "@meldpunt/local/demo-staff";
import { embeddedDynamoClient } from "@meldpunt/store/embedded";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { rawItems, reportOverHttp, staffSession, testHub } from "./support/local";

let hub: Awaited<ReturnType<typeof testHub>>;
type Session = Awaited<ReturnType<typeof staffSession>>;
const staff: Record<string, Session> = {};

beforeAll(async () => {
  hub = await testHub();
  for (const [username, session] of await Promise.all(["bi-hoorn", "vp-hoorn", "bi-sed", "intake", "beheer-archief"].map(async (u) => [u, await staffSession(hub.url, u)] as const))) {
    staff[username] = session;
  }
});
afterAll(async () => {
  await hub?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const as = (username: string) => staff[username] as Session;

async function get(session: Session, path: string): Promise<{ status: number; location: string; text: string; res: Response; bytes: Uint8Array }> {
  const res = await fetch(`${hub.url}${path}`, { headers: { Accept: "text/html", Cookie: session.cookie }, redirect: "manual" });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, location: res.headers.get("Location") ?? "", text: new TextDecoder().decode(bytes), res, bytes };
}

/** A form as the case page posts it, with the session's CSRF token. */
async function post(session: Session, path: string, values: Record<string, string>): Promise<{ status: number; location: string; text: string }> {
  const res = await fetch(`${hub.url}${path}`, {
    method: "POST",
    headers: { Accept: "text/html", Cookie: session.cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf: session.csrf, ...values }).toString(),
    redirect: "manual",
  });
  return { status: res.status, location: res.headers.get("Location") ?? "", text: await res.text() };
}

const stored = async (record: Pick<CaseRecord, "member" | "id">) => (await hub.deps.cases.getCase(record.member, record.id)) as CaseRecord;
const trail = async (member: string) => (await hub.deps.audit.readAll(member)).entries;
const caseBase = (record: Pick<CaseRecord, "member" | "id" | "desk">) => `/balie/${record.desk}/${record.member}/${record.id}`;
const decode = (html: string) => html.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'");

describe("a reporter's file, downloaded by the desk", () => {
  const FILE = { name: "gespreksverslag-mijn-naam.txt", bytes: new TextEncoder().encode("BIJLAGE-INHOUD: wat er in het overleg van 3 maart gezegd is.\n") };

  it("gives the desk the exact bytes under a neutral name, with the download in the member's audit trail first", async () => {
    const { record } = await reportOverHttp(hub, { member: "hoorn", description: "Zie het verslag in de bijlage." }, [FILE]);
    const attachment = record.attachments?.[0]?.id ?? "";
    const base = caseBase(record);
    const page = await get(as("bi-hoorn"), base);
    expect(page.status).toBe(200);
    // The page links the file by its id; its name (sealed) is shown as the reporter gave it.
    expect(page.text).toContain(`href="${base}/bijlage/${attachment}"`);
    expect(page.text).toContain(FILE.name);

    const before = (await trail("hoorn")).length;
    const download = await get(as("bi-hoorn"), `${base}/bijlage/${attachment}`);
    expect(download.status).toBe(200);
    expect(download.bytes).toEqual(FILE.bytes);
    expect(Object.fromEntries(["Content-Disposition", "X-Content-Type-Options", "Cache-Control"].map((h) => [h, download.res.headers.get(h)]))).toEqual({
      "Content-Disposition": 'attachment; filename="bijlage-1.txt"',
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    });
    expect((await trail("hoorn")).slice(before)).toEqual([
      expect.objectContaining({ seq: before + 1, actor: "demo-bi-hoorn", action: "download-attachment", caseId: record.id, detail: attachment }),
    ]);
  });

  it("opens nothing when the download cannot be audited", async () => {
    const { record } = await reportOverHttp(hub, { member: "hoorn", description: "Nog een bijlage." }, [FILE]);
    const path = `${caseBase(record)}/bijlage/${record.attachments?.[0]?.id}`;
    const append = vi.spyOn(hub.deps.audit, "append").mockRejectedValue(new UnavailableError());
    const open = vi.spyOn(hub.deps.sealer, "open");
    const blob = vi.spyOn(hub.deps.blobs, "get");
    const refused = await get(as("bi-hoorn"), path);
    expect(refused.status).toBe(503);
    expect(refused.text).not.toContain("BIJLAGE-INHOUD");
    expect(append).toHaveBeenCalledTimes(1);
    expect(open).not.toHaveBeenCalled();
    expect(blob).not.toHaveBeenCalled();
  });

  it("refuses another desk, another member's desk and intake, and audits none of them", async () => {
    const { record } = await reportOverHttp(hub, { member: "hoorn", description: "Een bijlage voor de balie alleen." }, [FILE]);
    const attachment = record.attachments?.[0]?.id ?? "";
    const before = await trail("hoorn");
    const answers = {
      "vp-hoorn at Hoorn's bureau": (await get(as("vp-hoorn"), `${caseBase(record)}/bijlage/${attachment}`)).status,
      "bi-sed at Hoorn's bureau": (await get(as("bi-sed"), `${caseBase(record)}/bijlage/${attachment}`)).status,
      "vp-hoorn at its own desk": (await get(as("vp-hoorn"), `/balie/hoorn-vp/hoorn/${record.id}/bijlage/${attachment}`)).status,
      "intake at its own desk": (await get(as("intake"), `/balie/regio-intake/hoorn/${record.id}/bijlage/${attachment}`)).status,
    };
    expect(answers).toEqual({ "vp-hoorn at Hoorn's bureau": 403, "bi-sed at Hoorn's bureau": 403, "vp-hoorn at its own desk": 404, "intake at its own desk": 404 });
    expect(await trail("hoorn")).toEqual(before);
  });
});

describe("a case address that is not a case id", () => {
  it("is not found on every case page, however long, and never reaches the store as a key", async () => {
    for (const id of ["A".repeat(2044), "niet-een-id", "0".repeat(25)]) {
      for (const path of [`/balie/hoorn-integriteit/hoorn/${id}`, `/balie/hoorn-integriteit/hoorn/${id}/doorsturen`]) {
        expect({ path: path.slice(0, 60), status: (await get(as("bi-hoorn"), path)).status }).toEqual({ path: path.slice(0, 60), status: 404 });
      }
    }
  });
});

describe("tagging the person concerned over HTTP", () => {
  const NAME = "Gerrit Zonneveld";
  const signals = (html: string) => /data-testid="signals">(.*?)<\/ul>/s.exec(html)?.[1]?.replace(/<[^>]+>/g, " ").trim() ?? "";

  it("shows the signal count of the same person on the same desk and member only, by tag, with the name stored nowhere", async () => {
    const [one, two, advice, sed] = await Promise.all([
      reportOverHttp(hub, { member: "hoorn", description: "Eerste melding over iemand." }),
      reportOverHttp(hub, { member: "hoorn", description: "Tweede melding over dezelfde." }),
      reportOverHttp(hub, { member: "hoorn", wants: "advies", description: "Een vraag over dezelfde." }),
      reportOverHttp(hub, { member: "sed", description: "Een melding bij een andere organisatie." }),
    ]).then((all) => all.map((r) => r.record));
    if (!one || !two || !advice || !sed) throw new Error("reports not stored");
    expect([one.desk, two.desk, advice.desk, sed.desk]).toEqual(["hoorn-integriteit", "hoorn-integriteit", "hoorn-vp", "sed-integriteit"]);
    const tag = async (who: string, record: CaseRecord, name: string) => {
      const res = await post(as(who), `${caseBase(record)}/persoon`, { name });
      expect({ status: res.status, location: res.location }).toEqual({ status: 303, location: `${caseBase(record)}?gedaan=persoon` });
    };
    const shown = async (who: string, record: CaseRecord) => {
      const page = await get(as(who), caseBase(record));
      expect(page.text).not.toMatch(/zonneveld/i);
      return signals(page.text);
    };

    await tag("bi-hoorn", one, NAME);
    expect(await shown("bi-hoorn", one)).toMatch(/^Persoon 1: 0 eerdere meldingen op deze balie/);
    // Another spelling of the same name, on the same desk: one earlier report.
    await tag("bi-hoorn", two, "gerrit  ZONNEVELD");
    const counted = await shown("bi-hoorn", two);
    expect(counted).toBe("Persoon 1: 1 eerdere melding op deze balie gaat over dezelfde persoon.");
    // The same name on the member's other desk, and at another member: neither counts the other.
    await tag("vp-hoorn", advice, NAME);
    await tag("bi-sed", sed, NAME);
    expect(await shown("vp-hoorn", advice)).toMatch(/^Persoon 1: 0 eerdere/);
    expect(await shown("bi-sed", sed)).toMatch(/^Persoon 1: 0 eerdere/);
    expect(await shown("bi-hoorn", two)).toMatch(/^Persoon 1: 1 eerdere/);
    expect(await shown("bi-hoorn", one)).toMatch(/^Persoon 1: 1 eerdere/);

    const tagged = async (member: string) =>
      (await trail(member))
        .filter((e) => e.action === "tag-person")
        .map((e) => [e.caseId, e.actor, e.detail ?? ""])
        .filter(([id]) => [one.id, two.id, advice.id, sed.id].includes(id as string));
    expect(await tagged("hoorn")).toEqual([
      [one.id, "demo-bi-hoorn", ""],
      [two.id, "demo-bi-hoorn", ""],
      [advice.id, "demo-vp-hoorn", ""],
    ]);
    expect(await tagged("sed")).toEqual([[sed.id, "demo-bi-sed", ""]]);
    const [a, b] = await Promise.all([stored(one), stored(two)]);
    expect(a.personTags).toHaveLength(1);
    expect(a.personTags).toEqual(b.personTags);
    expect(JSON.stringify(await rawItems(hub))).not.toMatch(/zonneveld/i);
  });

  it("refuses a name too short, at its field", async () => {
    const { record } = await reportOverHttp(hub, { member: "hoorn", description: "Zonder naam." });
    const res = await post(as("bi-hoorn"), `${caseBase(record)}/persoon`, { name: " " });
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#name"');
    expect((await stored(record)).personTags).toBeUndefined();
  });
});

describe("the VP's light registration over HTTP", () => {
  const radio = (html: string, id: string) => html.match(new RegExp(`<input[^>]*id="${id}"[^>]*>`))?.[0] ?? "";

  it("records sick leave and a formal complaint on an advice contact, shows them, and audits it", async () => {
    const { record } = await reportOverHttp(hub, { member: "hoorn", wants: "advies", description: "Ik ben ziek thuis door een collega." });
    const base = caseBase(record);
    const res = await post(as("vp-hoorn"), `${base}/vp`, { sickLeave: "ja", formalComplaint: "nee" });
    expect({ status: res.status, location: res.location }).toEqual({ status: 303, location: `${base}?gedaan=vp` });
    expect((await stored(record)).vp).toEqual({ sickLeave: true, formalComplaint: false });
    const page = (await get(as("vp-hoorn"), `${base}?gedaan=vp`)).text;
    expect(radio(page, "sickLeave-ja")).toMatch(/checked/);
    expect(radio(page, "sickLeave-nee")).not.toMatch(/checked/);
    expect(radio(page, "formalComplaint-nee")).toMatch(/checked/);
    expect((await trail("hoorn")).filter((e) => e.caseId === record.id && e.action === "record-facts")).toEqual([expect.objectContaining({ actor: "demo-vp-hoorn" })]);
  });

  it("refuses it on a report, at its field, and records nothing", async () => {
    const { record } = await reportOverHttp(hub, { member: "hoorn", description: "Een gewone melding." });
    const res = await post(as("bi-hoorn"), `${caseBase(record)}/vp`, { sickLeave: "ja" });
    expect(res.status).toBe(400);
    expect(res.text).toContain("Dit hoort alleen bij een adviescontact.");
    expect((await stored(record)).vp).toBeUndefined();
    expect((await trail("hoorn")).some((e) => e.caseId === record.id && e.action === "record-facts")).toBe(false);
  });
});

describe("the queue over HTTP", () => {
  const QUEUE = "/balie/sed-integriteit";
  const rows = (html: string) => [...html.matchAll(/<tr class="utrecht-table__row" data-case="([0-9A-Z]{26})" data-urgency="([a-z-]*)"/g)].map((m) => ({ id: m[1] as string, urgency: m[2] as string }));
  /** The filter form as a browser sends it: every select, chosen or not; the box only when ticked. */
  const filtered = (chosen: Record<string, string>) => `${QUEUE}?${new URLSearchParams({ status: "", onderwerp: "", spoor: "", termijn: "", ...chosen })}`;
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

  /** Registered by SED's coordinator as a phone report received `daysAgo` days ago. */
  async function registered(daysAgo: number): Promise<string> {
    const before = new Set((await hub.deps.cases.listOpenCases("sed", "sed-integriteit")).map((c) => c.id));
    const res = await post(as("bi-sed"), `${QUEUE}/registreren`, {
      formToken: hub.deps.tokens.issue(),
      channel: "telefoon",
      receivedOn: day(daysAgo),
      member: "sed",
      wants: "melding",
      reporterType: "medewerker",
      anonymity: "anoniem",
      subcategories: "omgang.pesten",
      description: `Telefonisch, ${daysAgo} dagen geleden.`,
    });
    expect(res.status).toBe(200);
    const added = (await hub.deps.cases.listOpenCases("sed", "sed-integriteit")).filter((c) => !before.has(c.id));
    expect(added).toHaveLength(1);
    return (added[0] as { id: string }).id;
  }

  it("filters by track, overdue, due soon and unread messages as the form sends them, and pages with the filter kept", { timeout: 30_000 }, async () => {
    const ordinary = await Promise.all(Array.from({ length: 52 }, (_, i) => reportOverHttp(hub, { member: "sed", description: `Gewone melding ${i}.` }).then((r) => r.record)));
    const { record: wbk } = await reportOverHttp(hub, { member: "sed", subcategories: "misstand.schending-voorschrift", description: "Een misstand." });
    expect(wbk.track).toBe("wbk");
    const overdue = await registered(10);
    const dueSoon = await registered(6);
    const unread = ordinary[0] as CaseRecord;
    await postReporterMessage(hub.deps, { member: "sed", caseId: unread.id }, "Nog een aanvulling van de melder.");

    const open = await hub.deps.cases.listOpenCases("sed", "sed-integriteit");
    const ids = (html: string) => rows(html).map((r) => r.id);
    const page = async (path: string) => {
      const res = await get(as("bi-sed"), path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      return res.text;
    };

    const all = await page(QUEUE);
    expect(all).toMatch(new RegExp(`data-testid="queue-counts">${open.length} open meldingen: 1 te laat, 1 binnen 2 dagen, 1 met een nieuw bericht`));
    expect(rows(all)).toHaveLength(50);
    // The first due first: the overdue acknowledgement, then the one due soon.
    expect(rows(all).slice(0, 2)).toEqual([
      { id: overdue, urgency: "overdue" },
      { id: dueSoon, urgency: "due-soon" },
    ]);
    expect(ids(await page(filtered({ spoor: "wbk" })))).toEqual([wbk.id]);
    expect(ids(await page(filtered({ termijn: "te-laat" })))).toEqual([overdue]);
    expect(ids(await page(filtered({ termijn: "binnenkort" })))).toEqual([dueSoon]);
    expect(ids(await page(filtered({ ongelezen: "1" })))).toEqual([unread.id]);
    expect(ids(await page(filtered({ spoor: "wbk", ongelezen: "1" })))).toEqual([]);

    // Pages of the ambtelijk track: every such case once, the filter kept in the links between them.
    const first = await page(filtered({ spoor: "ambtelijk" }));
    const ambtelijk = open.filter((c) => c.track === "ambtelijk").map((c) => c.id);
    expect(first).toContain(`${ambtelijk.length} meldingen, pagina 1 van 2.`);
    const next = [...decode(first).matchAll(/href="(\/balie\/sed-integriteit\?[^"]*pagina=2[^"]*)"/g)].map((m) => m[1]);
    expect(next).toEqual(["/balie/sed-integriteit?spoor=ambtelijk&pagina=2"]);
    const second = await page(next[0] as string);
    expect(second).toContain('aria-current="page">Pagina 2');
    expect([...ids(first), ...ids(second)].sort()).toEqual([...ambtelijk].sort());
    expect(ids(second)).toHaveLength(ambtelijk.length - 50);
    // Past the last page: the last page.
    expect(ids(await page(`${QUEUE}?spoor=ambtelijk&pagina=9`))).toEqual(ids(second));
    expect((await get(as("bi-sed"), `${QUEUE}?pagina=0`)).status).toBe(400);
  });

  it("decrypts nothing: no data key is unwrapped and no envelope or file opened for any queue page", async () => {
    await reportOverHttp(hub, { member: "sed", description: "Voor de wachtrij." }, [{ name: "bijlage.txt", bytes: new TextEncoder().encode("Een bijlage.\n") }]);
    const keyring = hub.deps.tags as unknown as { unwrapDataKey: (...args: unknown[]) => Promise<Uint8Array> };
    const spies = [
      vi.spyOn(keyring, "unwrapDataKey"),
      vi.spyOn(hub.deps.sealer, "open"),
      vi.spyOn(hub.deps.sealer, "seal"),
      vi.spyOn(hub.deps.sealer, "reseal"),
      vi.spyOn(hub.deps.blobs, "get"),
    ];
    for (const path of [QUEUE, filtered({ spoor: "ambtelijk" }), `${QUEUE}?spoor=ambtelijk&pagina=2`, filtered({ termijn: "te-laat" }), filtered({ ongelezen: "1" })]) {
      const res = await get(as("bi-sed"), path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    expect(spies.map((s) => s.mock.calls.length)).toEqual([0, 0, 0, 0, 0]);
    // The spies do see a decryption: the case page's.
    const [first] = rows((await get(as("bi-sed"), QUEUE)).text);
    expect((await get(as("bi-sed"), `${QUEUE}/sed/${first?.id}`)).status).toBe(200);
    expect(spies[0]?.mock.calls.length).toBeGreaterThan(0);
    expect(spies[1]?.mock.calls.length).toBeGreaterThan(0);
  });
});

describe("the member admin's audit trail page over HTTP", () => {
  const MEMBER = "westfries-archief";
  const LOG = `/beheer/${MEMBER}/logboek`;
  const seqs = (html: string) => [...html.matchAll(/<tr class="utrecht-table__row"><td class="utrecht-table__cell">(\d+)<\/td>/g)].map((m) => Number(m[1]));
  const verdict = (html: string) => /data-testid="verdict"[^>]*>(.*?)<\/div>/s.exec(html)?.[1]?.replace(/<[^>]+>/g, "") ?? "";

  it("pages through the whole trail with ?verder=, newest first, and refuses a cursor it did not make", async () => {
    for (let i = 0; i < 105; i++) await hub.deps.audit.append({ member: MEMBER, actor: `staff-${i % 3}`, action: "read-case", detail: `n${i}` }, new Date());
    const total = (await trail(MEMBER)).length;
    expect(total).toBeGreaterThanOrEqual(105);
    const first = await get(as("beheer-archief"), LOG);
    expect(first.status).toBe(200);
    expect(seqs(first.text)).toEqual(Array.from({ length: 100 }, (_, i) => total - i));
    const older = decode(first.text).match(/href="(\/beheer\/westfries-archief\/logboek\?verder=[^"]+)"/)?.[1] ?? "";
    expect(older).not.toBe("");
    const second = await get(as("beheer-archief"), older);
    expect(seqs(second.text)).toEqual(Array.from({ length: total - 100 }, (_, i) => total - 100 - i));
    expect(second.text).not.toContain("?verder=");
    expect((await get(as("beheer-archief"), `${LOG}?verder=abc`)).status).toBe(400);
  });

  it("shows a failed verdict once an entry is altered in the store, and another once one is deleted", async () => {
    for (let i = (await trail(MEMBER)).length; i < 5; i++) await hub.deps.audit.append({ member: MEMBER, actor: "staff-x", action: "read-case" }, new Date());
    const ok = await get(as("beheer-archief"), `${LOG}?controleer=1`);
    expect(verdict(ok.text)).toMatch(/^Het logboek is in orde: \d+ regels/);
    expect(ok.text).toContain("utrecht-alert--ok");
    const items = (await rawItems(hub)).map((item) => ({ item, plain: unmarshall(item) }));
    const entry = (seq: number) => items.find(({ plain }) => plain.pk === `AUDIT#${MEMBER}` && plain.seq === seq);
    const second = entry(2);
    const third = entry(3);
    if (!second || !third) throw new Error("no audit entries in the store");
    const client = embeddedDynamoClient(hub.dynamoEndpoint);
    try {
      await client.send(new PutItemCommand({ TableName: hub.tableName, Item: { ...second.item, actor: { S: "iemand-anders" } } }));
      const altered = await get(as("beheer-archief"), `${LOG}?controleer=1`);
      expect(altered.status).toBe(200);
      expect(verdict(altered.text)).toBe("Regel 2 is gewijzigd. Meld dit aan de beheerder van het meldpunt.");
      expect(altered.text).toContain("utrecht-alert--error");

      await client.send(new PutItemCommand({ TableName: hub.tableName, Item: second.item }));
      await client.send(new DeleteItemCommand({ TableName: hub.tableName, Key: { pk: third.item.pk, sk: third.item.sk } as never }));
      expect(verdict((await get(as("beheer-archief"), `${LOG}?controleer=1`)).text)).toBe("Regel 3 ontbreekt. Meld dit aan de beheerder van het meldpunt.");
      await client.send(new PutItemCommand({ TableName: hub.tableName, Item: third.item }));
      expect(verdict((await get(as("beheer-archief"), `${LOG}?controleer=1`)).text)).toMatch(/^Het logboek is in orde/);
    } finally {
      client.destroy();
    }
  });
});

describe("handing the desk over, over HTTP", () => {
  const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)?.staff as (typeof DEMO_ACCOUNTS)[number]["staff"];
  const restore = async (username: string) => {
    const { version: _version, ...record } = account(username);
    await saveStaffMember(hub.deps.auth.staff, hub.deps.region, record);
  };

  it("shows a successor who joins the desk the whole dossier, and refuses the one taken off it on their next request", async () => {
    const { record } = await reportOverHttp(hub, { member: "hoorn", description: "OVERDRACHT-INHOUD: al maanden aan de gang." });
    const base = caseBase(record);
    const coordinator = as("bi-hoorn");
    expect((await post(coordinator, `${base}/notitie`, { note: "Eerste gesprek gevoerd." })).status).toBe(303);
    expect((await post(coordinator, `${base}/bericht`, { text: "Wanneer kunnen we u spreken?", kind: "bericht" })).status).toBe(303);
    expect((await post(coordinator, `${base}/status`, { to: "bevestigd", seen: caseStep(await stored(record)) })).status).toBe(303);
    try {
      // The external VP moves to Hoorn's bureau: the hub's record changes; the case does not move.
      const { version: _v, ...vp } = account("vp-regio");
      await saveStaffMember(hub.deps.auth.staff, hub.deps.region, { ...vp, roles: [{ role: "desk-staff", desk: "hoorn-integriteit" }] });
      const successor = await staffSession(hub.url, "vp-regio");
      const queue = await get(successor, "/balie/hoorn-integriteit");
      expect(queue.text).toContain(`data-case="${record.id}"`);
      const page = await get(successor, base);
      expect(page.status).toBe(200);
      for (const text of ["OVERDRACHT-INHOUD: al maanden aan de gang.", "Eerste gesprek gevoerd.", "Wanneer kunnen we u spreken?", "demo-bi-hoorn"]) expect(page.text).toContain(text);
      const history = /<ol class="utrecht-ordered-list">(.*?)<\/ol>/s.exec(page.text)?.[1]?.replace(/<[^>]+>/g, "|") ?? "";
      expect(history).toMatch(/Ontvangen \(melder\).*Bevestigd \(demo-bi-hoorn\)/s);
      expect((await trail("hoorn")).at(-1)).toMatchObject({ actor: "demo-vp-regio", action: "read-case", caseId: record.id });
      // The desk they left is closed to them.
      expect((await get(successor, "/balie/regio-vp-extern")).status).toBe(403);

      // The coordinator is taken off the desk while logged in: the very next request is refused.
      expect((await get(coordinator, base)).status).toBe(200);
      const { version: _w, ...leaver } = account("bi-hoorn");
      await saveStaffMember(hub.deps.auth.staff, hub.deps.region, { ...leaver, roles: [] });
      const before = await stored(record);
      const auditBefore = (await trail("hoorn")).length;
      expect((await get(coordinator, base)).status).toBe(403);
      expect((await get(coordinator, "/balie/hoorn-integriteit")).status).toBe(403);
      expect((await post(coordinator, `${base}/notitie`, { note: "Na vertrek." })).status).toBe(403);
      expect((await get(coordinator, "/medewerker")).status).toBe(200);
      expect((await stored(record)).version).toBe(before.version);
      expect((await trail("hoorn")).length).toBe(auditBefore);
    } finally {
      await restore("vp-regio");
      await restore("bi-hoorn");
    }
    expect((await get(coordinator, base)).status).toBe(200);
  });
});
