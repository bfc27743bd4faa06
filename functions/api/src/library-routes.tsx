// The casuïstiek library (issue 6 item 5, docs/decisions.md 36): the published entries for every desk and the board, one
// entry with its comments, the form that describes a closed case (reached from the case's page, the only URL that names
// a case), and the drafts awaiting a second desk member. Rights come from `can`; the use cases add what `can` cannot
// know (the author never approves their own, only a closed case is described). Every POST carries the session's CSRF
// token (requireStaff) and answers with a redirect, or with its page and the errors at their fields.
import { CaseIdSchema, type FieldIssue, NotFoundError, ValidationError } from "@meldpunt/domain";
import {
  approveLibraryEntry,
  type Action,
  can,
  commentOnLibraryEntry,
  type LibraryDeps,
  type LibraryDraft,
  libraryReview,
  libraryVoiceOf,
  listLibrary,
  MAX_LIBRARY_SUBCATEGORIES,
  openLibraryEntry,
  prepareLibraryEntry,
  rejectLibraryEntry,
  submitLibraryEntry,
} from "@meldpunt/domain/staff";
import { errorsByField, href, type Lang, tr } from "@meldpunt/web";
import { LibraryEntryPage, LibraryFormPage, LibraryListPage, LibraryReviewPage, LibraryText } from "@meldpunt/web/staff";
import { type Context, Hono } from "hono";
import * as z from "zod/mini";
import { requireStaff, type StaffAuth, type StaffVariables } from "./require-staff";
import { formList, formText, limitForm, page } from "./respond";

type Env = { Variables: StaffVariables & { lang: Lang } };

const ENTRY = "/bibliotheek/:id{[0-9A-HJKMNP-TV-Z]{26}}";
const FORM_FIELDS = ["title", "situation", "dilemma", "route", "outcome", "lessons", "year"] as const;
type Done = keyof typeof LibraryText.done;
const doneText = (lang: Lang, value: string | undefined) => (value && value in LibraryText.done ? tr(lang, LibraryText.done[value as Done]) : undefined);

/** A choice among the subjects ("subcategories.3") is shown at the group as a whole. */
const grouped = (issues: FieldIssue[]) => issues.map((i) => (i.field.startsWith("subcategories") ? { ...i, field: "subcategories" } : i));

export function libraryRoutes(auth: StaffAuth, deps: LibraryDeps): Hono<Env> {
  const app = new Hono<Env>();
  const regional = (action: Action) => requireStaff({ auth, region: deps.region, right: () => ({ action, scope: {} }) });
  const reader = regional("read-library");
  const reviewer = regional("review-library-entry");
  const commenter = regional("comment-library");
  /** The case a description is written from: named in the query of /bibliotheek/nieuw only. */
  const sourceOf = (c: Context<Env>) => ({ desk: c.req.query("balie") ?? "", member: c.req.query("organisatie") ?? "", caseId: c.req.query("melding") ?? "" });
  const writer = requireStaff({ auth, region: deps.region, right: (c) => ({ action: "write-library-entry", scope: { member: sourceOf(c).member, desk: sourceOf(c).desk } }) });

  const may = async (c: Context<Env>, action: Action) => can(c.get("staff").record, action, {}, { desks: await deps.region.listDesks() });

  app.get("/bibliotheek", reader, async (c) => {
    const query = Object.fromEntries((["categorie", "jaar"] as const).flatMap((k) => (c.req.query(k) ? [[k, c.req.query(k)]] : [])));
    const { entries, years, filter } = await listLibrary(deps, query);
    return page(c, <LibraryListPage lang={c.get("lang")} entries={entries} years={years} filter={filter} mayReview={await may(c, "review-library-entry")} />);
  });

  app.get("/bibliotheek/te-beoordelen", reviewer, async (c) => {
    const lang = c.get("lang");
    const { awaiting, returned } = await libraryReview(deps, c.get("staff").record.id);
    return page(c, <LibraryReviewPage lang={lang} awaiting={awaiting} returned={returned} notice={doneText(lang, c.req.query("gedaan"))} />);
  });

  // ---- Writing from a closed case ----------------------------------------------------------------------------------

  const refOf = (c: Context<Env>) => {
    const source = sourceOf(c);
    if (!z.safeParse(CaseIdSchema, source.caseId).success) throw new NotFoundError();
    return { source, ref: { member: source.member, caseId: source.caseId, desk: source.desk, by: c.get("staff").record.id } };
  };

  /** The form, or why there is none (the case is not closed), with what came back from a refused submission. */
  async function form(c: Context<Env>, extra: { errors?: Record<string, string>; values?: Record<string, unknown>; status?: 200 | 400 | 409 } = {}) {
    const lang = c.get("lang");
    const { source, ref } = refOf(c);
    let draft: LibraryDraft = { values: { subcategories: [], year: "" } };
    let refusal: string | undefined;
    try {
      draft = await prepareLibraryEntry(deps, ref);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      refusal = error.issues.map((i) => tr(lang, i.message)).join(" ");
    }
    return page(
      c,
      <LibraryFormPage
        lang={lang}
        source={source}
        draft={draft}
        csrf={c.get("staff").session.csrf}
        refusal={refusal}
        errors={extra.errors}
        values={extra.values as Parameters<typeof LibraryFormPage>[0]["values"]}
      />,
      refusal ? 400 : (extra.status ?? 200),
    );
  }

  app.get("/bibliotheek/nieuw", writer, (c) => form(c));

  app.post("/bibliotheek/nieuw", limitForm, writer, async (c) => {
    const lang = c.get("lang");
    const values = { ...(await formText(c, [...FORM_FIELDS])), subcategories: await formList(c, "subcategories", MAX_LIBRARY_SUBCATEGORIES + 10) };
    const { ref } = refOf(c);
    try {
      await submitLibraryEntry(deps, ref, values);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return form(c, { errors: errorsByField(lang, grouped(error.issues)), values, status: 400 });
    }
    // Not to the entry's own page: the URL that names the case is never followed by the one that names the entry.
    return c.redirect(href(lang, "/bibliotheek/te-beoordelen?gedaan=ingediend"), 303);
  });

  // ---- One entry ---------------------------------------------------------------------------------------------------

  async function show(c: Context<Env>, extra: { errors?: Record<string, string>; values?: { text?: string; reason?: string }; status?: 200 | 400 } = {}) {
    const lang = c.get("lang");
    const { record } = c.get("staff");
    const [desks, members] = await Promise.all([deps.region.listDesks(), deps.region.listMembers()]);
    const mayReview = can(record, "review-library-entry", {}, { desks });
    const { entry, comments, mine } = await openLibraryEntry(deps, { id: record.id, mayReview }, c.req.param("id") ?? "");
    return page(
      c,
      <LibraryEntryPage
        lang={lang}
        entry={entry}
        comments={comments}
        mine={mine}
        mayReview={mayReview}
        mayComment={can(record, "comment-library", {}, { desks })}
        csrf={c.get("staff").session.csrf}
        memberNames={Object.fromEntries(members.map((m) => [m.id, m.name]))}
        notice={doneText(lang, c.req.query("gedaan"))}
        errors={extra.errors}
        values={extra.values}
      />,
      extra.status ?? 200,
    );
  }

  app.get(ENTRY, reader, (c) => show(c));

  const entryPath = (c: Context<Env>, done: Done) => href(c.get("lang"), `/bibliotheek/${c.req.param("id")}?gedaan=${done}`);

  app.post(`${ENTRY}/goedkeuren`, limitForm, reviewer, async (c) => {
    await approveLibraryEntry(deps, { id: c.req.param("id") ?? "", by: c.get("staff").record.id });
    return c.redirect(entryPath(c, "goedgekeurd"), 303);
  });

  app.post(`${ENTRY}/terugsturen`, limitForm, reviewer, async (c) => {
    const { reason } = await formText(c, ["reason"]);
    try {
      await rejectLibraryEntry(deps, { id: c.req.param("id") ?? "", by: c.get("staff").record.id }, reason);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return show(c, { errors: errorsByField(c.get("lang"), error.issues), values: { reason }, status: 400 });
    }
    return c.redirect(href(c.get("lang"), "/bibliotheek/te-beoordelen?gedaan=teruggestuurd"), 303);
  });

  app.post(`${ENTRY}/reactie`, limitForm, commenter, async (c) => {
    const { text } = await formText(c, ["text"]);
    const { record } = c.get("staff");
    try {
      const voice = libraryVoiceOf(record, { desks: await deps.region.listDesks() });
      await commentOnLibraryEntry(deps, { id: c.req.param("id") ?? "", by: record.id, voice }, text);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return show(c, { errors: errorsByField(c.get("lang"), error.issues), values: { text }, status: 400 });
    }
    return c.redirect(entryPath(c, "reactie"), 303);
  });

  return app;
}
