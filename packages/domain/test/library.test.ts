// The casuïstiek library's rules as pure domain code with in-memory ports: the automatic check blocks each kind of
// identifying detail and lets ordinary text through; only a closed case can be described, by the desk that holds it;
// the author never approves their own; and nothing of the entry points back at the case.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type AuditEvent,
  type AuditLog,
  type CaseRecord,
  ConflictError,
  encodeContent,
  ForbiddenError,
  type LibraryStore,
  type Member,
  NotFoundError,
  ValidationError,
} from "../src";
import {
  approveLibraryEntry,
  checkLibraryText,
  commentOnLibraryEntry,
  findContactDetails,
  findIdentifying,
  type LibraryComment,
  type LibraryDeps,
  type LibraryEntry,
  libraryReview,
  libraryVoiceOf,
  listLibrary,
  memberPhrases,
  namePhrases,
  normalisePersonName,
  openLibraryEntry,
  prepareLibraryEntry,
  rejectLibraryEntry,
  submitLibraryEntry,
} from "../src/staff-side";

const kinds = (text: string, known: Parameters<typeof findIdentifying>[1] = { names: [] }) => findIdentifying(text, known).map((f) => `${f.kind}:${f.found}`);

describe("the automatic check", () => {
  it("blocks names known to the case: the whole name and each part that could identify on its own", () => {
    const known = { names: ["Jàn de Vries", "Fatima El Amrani"] };
    // Reported once, as the longest: not "Jan" and "Vries" again.
    expect(kinds("Het ging om Jan de Vries.", known)).toEqual(["name:Jan de Vries"]);
    expect(kinds("Vries zei het tegen jan.", known)).toEqual(["name:Vries", "name:jan"]);
    expect(kinds("Mevrouw El-Amrani meldde het.", known)).toEqual(["name:Amrani"]);
    expect(kinds("Fatima belde.", known)).toEqual(["name:Fatima"]);
    // "de" and "el" alone are no names; a contact name of ordinary words ("De melder") blocks nothing.
    expect(kinds("De melder sprak met de leidinggevende en el cetera.", { names: ["Jan de Vries", "Fatima El Amrani", "De melder"] })).toEqual([]);
    expect(namePhrases("De melder")).toEqual([]);
  });

  it("blocks the member's name, but not the generic word of it", () => {
    const member = { id: "stede-broec", name: "Gemeente Stede Broec" };
    expect(memberPhrases(member)).toEqual([
      ["gemeente", "stede", "broec"],
      ["stede", "broec"],
    ]);
    expect(kinds("Bij de Gemeente Stede Broec gebeurde het, in Stede Broec.", { names: [], member })).toEqual(["member:Gemeente Stede Broec", "member:Stede Broec"]);
    expect(kinds("Bij een kleine gemeente gebeurde het.", { names: [], member })).toEqual([]);
    expect(kinds("In SED-organisatie en bij de SED.", { names: [], member: { id: "sed", name: "SED-organisatie" } })).toEqual(["member:SED-organisatie", "member:SED"]);
    // A member that allows naming is not looked for (the use case leaves `member` out).
    expect(kinds("Bij de Gemeente Stede Broec.", { names: [] })).toEqual([]);
  });

  it("blocks e-mail addresses, also spelled out", () => {
    for (const address of ["j.devries@hoorn.nl", "info@gemeente-hoorn.example", "jan [at] hoorn.nl", "jan (at) hoorn (punt) nl"]) {
      expect(findContactDetails(`Mail ${address} gerust.`).map((f) => f.kind), address).toEqual(["email"]);
    }
  });

  it("blocks Dutch and international phone numbers in the usual ways of writing them", () => {
    for (const number of [
      "06-12345678",
      "06 1234 5678",
      "0612345678",
      "06 12 34 56 78",
      "+31 6 12345678",
      "+31 (0)6-1234 5678",
      "+31612345678",
      "0031 20 123 4567",
      "020-1234567",
      "0229 123 456",
      "(072) 512 34 56",
      "088-1234567",
      "0800-1234",
      "0900 1234567",
      "+32 2 123 45 67",
    ]) {
      expect(findContactDetails(`Bel ${number} maar.`), number).toEqual([{ kind: "phone", found: number }]);
    }
    // After another number in the same run.
    expect(findContactDetails("In 2019 0612345678 gebeld.")).toEqual([{ kind: "phone", found: "0612345678" }]);
  });

  it("blocks exact dates: dd-mm-yyyy, d month yyyy in Dutch and English, ISO", () => {
    for (const date of ["12-03-2024", "1-3-2024", "12/03/2024", "12.03.2024", "3-4-24", "2024-03-12", "3 maart 2024", "3e mrt. 2024", "12 mei", "1 Januari 2023", "3 March 2024", "3rd of March", "March 3, 2024", "May 5th"]) {
      expect(findIdentifying(`Het was ${date}, toen.`, { names: [] }), date).toEqual([{ kind: "date", found: date }]);
    }
    expect(kinds("Gesprek op 2024-03-12T10:00:00Z.")).toEqual(["date:2024-03-12"]);
  });

  it("lets ordinary text through: years, months with a year, counts, amounts, times, articles, postcodes and ordinary words", () => {
    const text = [
      "In 2023 kwamen er 12 meldingen binnen; 3 gesprekken in maart 2024 en in May 2024.",
      "Artikel 125 Ambtenarenwet, paragraaf 1.2.10, hoofdstuk 8:2 Awb; € 1.000,50 en 0,5 fte; 10-15 medewerkers.",
      "Postcode 1621 AB, van 09.00 tot 17.00 uur en 09.00-10.00; een score van 12-3; 2 + 3 = 5; 1 op de 5.",
      "The coordinator may march on; 3 may be enough. De gemeente, de melder, de leidinggevende en een collega.",
      "Het team van 20 mensen; 40 uur; 3 keer per week; 2e helft van het jaar; week 12.",
    ].join(" ");
    expect(findIdentifying(text, { names: ["De melder"], member: { id: "hoorn", name: "Gemeente Hoorn" } })).toEqual([]);
  });

  it("matches the case's person tags through the member's key, as tagPerson normalises a name", async () => {
    const tagOf = async (normalised: string) => createHmac("sha256", "k").update(normalised).digest("base64url");
    const tags = [await tagOf(normalisePersonName("Piet  Jansen")), await tagOf(normalisePersonName("Ösçar"))];
    const fields = { title: "Een titel", situation: "Piet Jansen deed het.", dilemma: "Oscar wist ervan.", route: "Geen.", outcome: "Geen.", lessons: "Piet is een naam." };
    const issues = await checkLibraryText(fields, { names: [] }, { tags, tagOf });
    expect(issues.map((i) => i.field)).toEqual(["situation", "dilemma"]);
    expect(issues[0]?.message.nl).toBe('Situatie: bevat een naam die in de melding voorkomt ("Piet Jansen"). Haal dit weg of schrijf het algemener.');
    expect(issues[1]?.message.en).toContain('Dilemma: contains a name that occurs in the case ("Oscar")');
  });

  it("names the field and what was found, without the text around it", async () => {
    const fields = { title: "Titel", situation: "Een lange tekst die niet terug mag komen. Bel 06-12345678 of mail a@b.nl op 1 mei 2024. En meer.", dilemma: "x", route: "x", outcome: "x", lessons: "x" };
    const [issue] = await checkLibraryText(fields, { names: [] });
    expect(issue?.field).toBe("situation");
    expect(issue?.message.nl).toBe('Situatie: bevat een telefoonnummer ("06-12345678"), een e-mailadres ("a@b.nl"), een precieze datum ("1 mei 2024"). Haal dit weg of schrijf het algemener.');
    expect(issue?.message.nl).not.toContain("lange tekst");
  });
});

// ---------------------------------------------------------------------------------------------------------------------

const NOW = new Date("2026-05-04T10:00:00.000Z");
const CASE_ID = "01HZX4Q8M2R7T9V3W5Y6A8B0CD";

function memoryLibrary(): LibraryStore & { entries: Map<string, LibraryEntry>; comments: LibraryComment[] } {
  const entries = new Map<string, LibraryEntry>();
  const comments: LibraryComment[] = [];
  return {
    entries,
    comments,
    async createEntry(entry) {
      if (entries.has(entry.id) || entry.version !== 1) throw new ConflictError();
      entries.set(entry.id, structuredClone(entry));
    },
    async getEntry(id) {
      return structuredClone(entries.get(id));
    },
    async updateEntry(entry) {
      if (entries.get(entry.id)?.version !== entry.version - 1) throw new ConflictError();
      entries.set(entry.id, structuredClone(entry));
    },
    async findByRef(ref) {
      return [...entries.values()].find((e) => e.ref === ref);
    },
    async listEntries(state, filter = {}) {
      return [...entries.values()]
        .filter((e) => e.state === state && (filter.year === undefined || e.year === filter.year))
        .map(({ situation: _s, dilemma: _d, route: _r, outcome: _o, lessons: _l, ref: _f, ...rest }) => rest);
    },
    async addComment(comment) {
      const full = { ...comment, seq: comments.filter((c) => c.entry === comment.entry).length + 1 };
      comments.push(full);
      return full;
    },
    async listComments(entry) {
      return comments.filter((c) => c.entry === entry);
    },
  };
}

function world(state: CaseRecord["state"] = "gesloten", member: Partial<Member> = {}) {
  const record = {
    id: CASE_ID,
    member: "hoorn",
    desk: "hoorn-integriteit",
    kind: "melding",
    track: "ambtelijk",
    state,
    channel: "webformulier",
    categories: ["omgang"],
    subcategories: ["omgang.pesten"],
    relation: "leidinggevende",
    reporterType: "medewerker",
    receivedAt: "2025-02-03T00:00:00.000Z",
    ackDueAt: "2025-02-10T00:00:00.000Z",
    feedbackDueAt: "2025-05-03T00:00:00.000Z",
    routeReasons: [],
    receipt: { locator: "L", hash: "H" },
    dataKey: { keyId: "k", blob: new Uint8Array([1]) },
    content: encodeContent({ description: "Mijn leidinggevende Karel Appel pest mij.", personName: "Karel Appel", contact: { name: "Sanne Bakker", email: "s@x.nl" } }),
    history: [],
    personTags: [] as string[],
    version: 5,
  } as CaseRecord;
  const audit: AuditEvent[] = [];
  let opened = 0;
  const library = memoryLibrary();
  const tagOf = async (_member: string, normalised: string) => createHmac("sha256", "hoorn").update(normalised).digest("base64url");
  const deps: LibraryDeps & { auditEvents: AuditEvent[]; opened: () => number } = {
    cases: {
      getCase: async (m, id) => (m === record.member && id === record.id ? structuredClone(record) : undefined),
    } as LibraryDeps["cases"],
    region: {
      getMember: async (id) => (id === "hoorn" ? ({ id: "hoorn", name: "Gemeente Hoorn", ...member } as Member) : undefined),
    } as LibraryDeps["region"],
    sealer: {
      open: async (_ctx, _key, envelope) => {
        opened++;
        return envelope;
      },
    } as LibraryDeps["sealer"],
    tags: { tag: tagOf },
    audit: {
      append: async (event: AuditEvent) => {
        audit.push(event);
        return { ...event, seq: audit.length, at: NOW.toISOString(), prev: "", hash: "" };
      },
    } as unknown as AuditLog,
    clock: { now: () => NOW },
    library,
    auditEvents: audit,
    opened: () => opened,
  };
  return { record, deps, library };
}

const REF = { member: "hoorn", caseId: CASE_ID, desk: "hoorn-integriteit", by: "staff-author" };
const GOOD = {
  title: "Pesten door een leidinggevende",
  situation: "Een medewerker meldde dat haar leidinggevende haar in overleggen kleineerde.",
  dilemma: "Eerst een gesprek, of meteen een onderzoek?",
  route: "Na triage een vooronderzoek, daarna een gesprek met de leidinggevende.",
  outcome: "Een waarschuwing en coaching.",
  lessons: "Leg afspraken schriftelijk vast.",
  subcategories: ["omgang.pesten"],
  year: "2025",
};

describe("writing a description", () => {
  it("is only possible from a closed case, on the desk that holds it", async () => {
    const open = world("besluit");
    const refused = await submitLibraryEntry(open.deps, REF, GOOD).catch((e: unknown) => e);
    expect((refused as ValidationError).issues).toEqual([{ field: "form", message: expect.objectContaining({ en: "Only a closed case can be described for the library." }) }]);
    await expect(prepareLibraryEntry(open.deps, REF)).rejects.toBeInstanceOf(ValidationError);
    expect(open.deps.auditEvents).toEqual([]);
    expect(open.library.entries.size).toBe(0);

    const closed = world();
    await expect(submitLibraryEntry(closed.deps, { ...REF, desk: "hoorn-vp" }, GOOD)).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitLibraryEntry(closed.deps, { ...REF, member: "sed" }, GOOD)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("starts from the case's subjects and year, and opens no sealed content to do so", async () => {
    const { deps } = world();
    expect(await prepareLibraryEntry(deps, REF)).toEqual({ values: { subcategories: ["omgang.pesten"], year: "2025" } });
    expect(deps.opened()).toBe(0);
    expect(deps.auditEvents).toEqual([]);
  });

  it("checks against the names in the sealed report, audited as a read first, and stores nothing when blocked", async () => {
    const { deps, library } = world();
    const blocked = await submitLibraryEntry(deps, REF, { ...GOOD, situation: "Karel pestte mevrouw Bakker.", lessons: "Bij de gemeente Hoorn gaat het goed." }).catch((e: unknown) => e);
    expect((blocked as ValidationError).issues.map((i) => [i.field, i.message.nl])).toEqual([
      ["situation", 'Situatie: bevat een naam die in de melding voorkomt ("Karel"), een naam die in de melding voorkomt ("Bakker"). Haal dit weg of schrijf het algemener.'],
      ["lessons", 'Lessen: bevat de naam van de organisatie ("gemeente Hoorn"). Haal dit weg of schrijf het algemener.'],
    ]);
    expect(deps.auditEvents).toEqual([{ member: "hoorn", actor: "staff-author", action: "library-check", caseId: CASE_ID }]);
    expect(library.entries.size).toBe(0);
  });

  it("lets a member that allows naming be named", async () => {
    const { deps, library } = world("gesloten", { allowNamingInLibrary: true });
    await submitLibraryEntry(deps, REF, { ...GOOD, lessons: "Bij de gemeente Hoorn gaat het goed." });
    expect(library.entries.size).toBe(1);
  });

  it("refuses a missing section, too many subjects and a year in the future, at their fields", async () => {
    const { deps } = world();
    const missing = await submitLibraryEntry(deps, REF, { ...GOOD, dilemma: "  ", subcategories: [], year: "25" }).catch((e: unknown) => e);
    expect((missing as ValidationError).issues.map((i) => i.field)).toEqual(["dilemma", "subcategories", "year"]);
    const future = await submitLibraryEntry(deps, REF, { ...GOOD, year: "2027" }).catch((e: unknown) => e);
    expect((future as ValidationError).issues.map((i) => i.field)).toEqual(["year"]);
    expect(deps.auditEvents).toEqual([]);
  });

  it("stores a draft that never names the case: no case id, member, desk, date of the case or name", async () => {
    const { deps, library, record } = world();
    const { id } = await submitLibraryEntry(deps, REF, GOOD);
    const [entry] = [...library.entries.values()];
    expect(entry).toMatchObject({ id, state: "concept", author: "staff-author", categories: ["omgang"], subcategories: ["omgang.pesten"], year: 2025, submittedOn: "2026-05-04", version: 1 });
    expect(id).not.toBe(record.id);
    const stored = JSON.stringify(entry);
    for (const forbidden of [record.id, "hoorn", "hoorn-integriteit", record.receivedAt.slice(0, 10), "Karel", "Bakker"]) expect(stored).not.toContain(forbidden);
    // The one reference is a keyed hash: it is not the case id, and it is kept out of what readers get.
    expect(entry?.ref).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const opened = await openLibraryEntry(deps, { id: "reviewer", mayReview: true }, id);
    expect(opened.entry).not.toHaveProperty("ref");
  });

  it("gives one case one entry: a second description is refused while the first is awaiting approval or published", async () => {
    const { deps, library } = world();
    await submitLibraryEntry(deps, REF, GOOD);
    const again = await submitLibraryEntry(deps, REF, GOOD).catch((e: unknown) => e);
    expect((again as ValidationError).issues[0]?.message.en).toBe("A description of this case is already awaiting approval in the library.");
    expect((await prepareLibraryEntry(deps, REF)).exists).toBe("concept");
    expect(library.entries.size).toBe(1);
  });
});

describe("approval", () => {
  it("needs a second desk member: the author can neither approve nor return their own", async () => {
    const { deps, library } = world();
    const { id } = await submitLibraryEntry(deps, REF, GOOD);
    await expect(approveLibraryEntry(deps, { id, by: "staff-author" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(rejectLibraryEntry(deps, { id, by: "staff-author" }, "Zelf terug")).rejects.toBeInstanceOf(ForbiddenError);
    expect(library.entries.get(id)?.state).toBe("concept");
    expect((await listLibrary(deps, {})).entries).toEqual([]);

    const published = await approveLibraryEntry(deps, { id, by: "staff-other" });
    expect(published).toMatchObject({ state: "gepubliceerd", reviewer: "staff-other", publishedOn: "2026-05-04", version: 2 });
    expect((await listLibrary(deps, {})).entries.map((e) => e.id)).toEqual([id]);
    // Approving twice is refused: it no longer awaits review.
    await expect(approveLibraryEntry(deps, { id, by: "staff-third" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("returns a draft with a reason to its author, who revises it from the case (same entry, checked again)", async () => {
    const { deps, library } = world();
    const { id } = await submitLibraryEntry(deps, REF, GOOD);
    await expect(rejectLibraryEntry(deps, { id, by: "staff-other" }, " ")).rejects.toBeInstanceOf(ValidationError);
    await rejectLibraryEntry(deps, { id, by: "staff-other" }, "Te herkenbaar: noem de afdeling niet.");
    expect(library.entries.get(id)).toMatchObject({ state: "afgewezen", rejection: "Te herkenbaar: noem de afdeling niet." });
    expect((await libraryReview(deps, "staff-author")).returned.map((e) => e.id)).toEqual([id]);
    expect((await libraryReview(deps, "staff-other")).returned).toEqual([]);
    // Only its author sees a returned draft.
    await expect(openLibraryEntry(deps, { id: "staff-other", mayReview: true }, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await openLibraryEntry(deps, { id: "staff-author", mayReview: true }, id)).mine).toBe(true);

    const draft = await prepareLibraryEntry(deps, REF);
    expect(draft).toMatchObject({ rejection: "Te herkenbaar: noem de afdeling niet.", values: { title: GOOD.title } });
    await expect(submitLibraryEntry(deps, REF, { ...GOOD, situation: "Op 3 maart 2025 belde Karel." })).rejects.toBeInstanceOf(ValidationError);
    expect(await submitLibraryEntry(deps, REF, { ...GOOD, situation: "Een medewerker meldde pesten." })).toEqual({ id, revised: true });
    expect(library.entries.get(id)).toMatchObject({ state: "concept", situation: "Een medewerker meldde pesten.", version: 3 });
    expect(library.entries.get(id)).not.toHaveProperty("rejection");
    expect(library.entries.size).toBe(1);
  });

  it("shows a draft to desk staff who may review, and to nobody else", async () => {
    const { deps } = world();
    const { id } = await submitLibraryEntry(deps, REF, GOOD);
    await expect(openLibraryEntry(deps, { id: "board-member", mayReview: false }, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await openLibraryEntry(deps, { id: "staff-other", mayReview: true }, id)).entry.state).toBe("concept");
    await expect(openLibraryEntry(deps, { id: "x", mayReview: true }, "not-an-id")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("reading and discussing", () => {
  it("filters by category and year, and refuses a filter that is not one of the choices", async () => {
    const { deps, library } = world();
    const { id } = await submitLibraryEntry(deps, REF, GOOD);
    await approveLibraryEntry(deps, { id, by: "staff-other" });
    expect((await listLibrary(deps, { categorie: "omgang", jaar: "2025" })).entries).toHaveLength(1);
    expect((await listLibrary(deps, { categorie: "financieel" })).entries).toHaveLength(0);
    expect((await listLibrary(deps, { jaar: "2024" })).entries).toHaveLength(0);
    expect((await listLibrary(deps, {})).years).toEqual([2025]);
    await expect(listLibrary(deps, { categorie: "bestaat-niet" })).rejects.toBeInstanceOf(ValidationError);
    expect(library.entries.size).toBe(1);
  });

  it("takes comments on published entries only, without e-mail addresses or phone numbers, as role and member", async () => {
    const { deps, library } = world();
    const { id } = await submitLibraryEntry(deps, REF, GOOD);
    const voice = libraryVoiceOf({ roles: [{ role: "desk-staff", desk: "sed-integriteit" }] }, { desks: [{ id: "sed-integriteit", owner: "sed" }] });
    expect(voice).toEqual({ role: "desk-staff", member: "sed" });
    expect(libraryVoiceOf({ roles: [{ role: "board" }] }, { desks: [] })).toEqual({ role: "board" });
    expect(libraryVoiceOf({ roles: [{ role: "operator" }] }, { desks: [] })).toBeUndefined();
    await expect(commentOnLibraryEntry(deps, { id, by: "s", voice }, "Herkenbaar!")).rejects.toBeInstanceOf(NotFoundError);
    await approveLibraryEntry(deps, { id, by: "staff-other" });
    const withPhone = await commentOnLibraryEntry(deps, { id, by: "s", voice }, "Bel me: 06-12345678").catch((e: unknown) => e);
    expect((withPhone as ValidationError).issues).toEqual([{ field: "text", message: expect.objectContaining({ nl: 'Reactie: bevat een telefoonnummer ("06-12345678"). Haal dit weg of schrijf het algemener.' }) }]);
    await expect(commentOnLibraryEntry(deps, { id, by: "s", voice }, "x".repeat(2001))).rejects.toBeInstanceOf(ValidationError);
    const comment = await commentOnLibraryEntry(deps, { id, by: "s", voice }, "Herkenbaar, wij kozen ook voor een gesprek.");
    expect(comment).toMatchObject({ entry: id, seq: 1, voice: { role: "desk-staff", member: "sed" } });
    expect(library.comments).toHaveLength(1);
  });
});
