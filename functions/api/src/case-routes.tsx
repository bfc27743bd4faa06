// The desk's case page and what staff do on it (workspace issue): read (audited first), change the state, write to the
// reporter, keep internal notes, download files (audited), print the case file (audited). Every POST carries the
// session's CSRF token (requireStaff), a step of the lifecycle the step of the case the page showed, and each answers
// with a redirect.
import { ConflictError, NotFoundError, ValidationError } from "@meldpunt/domain";
import {
  addInternalNote,
  type CaseFileDeps,
  type CaseRef,
  ConsentRequiredError,
  messageReporter,
  openCaseAttachment,
  openCaseFile,
  recordVpFacts,
  tagPerson,
  transitionCase,
} from "@meldpunt/domain/staff";
import { errorsByField, href, type Lang, tr } from "@meldpunt/web";
import { CaseFilePage, CaseText } from "@meldpunt/web/staff";
import { type Context, Hono } from "hono";
import type { StaffSideDeps } from "./app";
import { ATTACHMENT_HEADERS } from "./mailbox-routes";
import { requireStaff, type StaffAuth, type StaffVariables } from "./require-staff";
import { formFiles, formList, formText, limitForm, limitUpload, page } from "./respond";

type Env = { Variables: StaffVariables & { lang: Lang } };

/** A case's pages: the id must have a case id's shape, so nothing else reaches the store (a key over 2 KB is an error there). */
export const CASE = "/balie/:desk/:member/:case{[0-9A-HJKMNP-TV-Z]{26}}";
const DONE = { status: CaseText.done.status, bericht: CaseText.done.bericht, notitie: CaseText.done.notitie, persoon: CaseText.done.persoon, vp: CaseText.done.vp, berichtZonderMail: CaseText.done.berichtZonderMail };

export function caseRoutes(auth: StaffAuth, deps: CaseFileDeps & Pick<StaffSideDeps, "notices">): Hono<Env> {
  const app = new Hono<Env>();
  const scope = (c: Context<Env>) => ({ member: c.req.param("member") ?? "", desk: c.req.param("desk") ?? "" });
  const reader = requireStaff({ auth, region: deps.region, right: (c) => ({ action: "read-case-content", scope: scope(c) }) });
  const handler = requireStaff({ auth, region: deps.region, right: (c) => ({ action: "handle-case", scope: scope(c) }) });
  const refOf = (c: Context<Env>): CaseRef => ({ ...scope(c), caseId: c.req.param("case") ?? "", by: c.get("staff").record.id });

  /** The case page, with what came back from a form when it did. */
  async function show(c: Context<Env>, extra: { errors?: Record<string, string>; values?: { text?: string; note?: string }; status?: 200 | 400 | 403 | 409 } = {}, print = false) {
    const lang = c.get("lang");
    const file = await openCaseFile(deps, refOf(c), print ? "print-case" : "read-case");
    const [member, desks] = await Promise.all([deps.region.getMember(file.record.member), deps.region.listDesks()]);
    const desk = desks.find((d) => d.id === file.record.desk);
    if (!desk) throw new NotFoundError();
    const done = c.req.query("gedaan") as keyof typeof DONE | undefined;
    return page(
      c,
      <CaseFilePage
        lang={lang}
        fileLimits={deps.inspector}
        desk={desk}
        memberName={member?.name ?? file.record.member}
        file={file}
        csrf={c.get("staff").session.csrf}
        measures={member?.measures ?? []}
        deskNames={Object.fromEntries(desks.map((d) => [d.id, d.name]))}
        now={deps.clock.now()}
        notice={done && done in DONE ? tr(lang, DONE[done]) : undefined}
        errors={extra.errors}
        values={extra.values}
        print={print}
      />,
      extra.status ?? 200,
    );
  }

  const back = (c: Context<Env>, done: keyof typeof DONE) =>
    c.redirect(href(c.get("lang"), `/balie/${c.req.param("desk")}/${c.req.param("member")}/${c.req.param("case")}?gedaan=${done}`), 303);

  /** A refused change shows the case again with the reason at its field; a concurrent change, at the top. */
  const refused = (c: Context<Env>, error: unknown, values: { text?: string; note?: string } = {}) => {
    const lang = c.get("lang");
    if (error instanceof ValidationError) return show(c, { errors: errorsByField(lang, error.issues), values, status: 400 });
    if (error instanceof ConflictError) return show(c, { errors: { form: tr(lang, error.userMessage) }, values, status: 409 });
    // A referral of an advice contact without the reporter's consent: the case again, the reason at the referral.
    if (error instanceof ConsentRequiredError) return show(c, { errors: { referral: tr(lang, error.userMessage) }, values, status: 403 });
    throw error;
  };

  app.get(CASE, reader, (c) => show(c));
  app.get(`${CASE}/afdrukken`, reader, (c) => show(c, {}, true));

  app.get(`${CASE}/bijlage/:id{[0-9A-HJKMNP-TV-Z]{26}}`, reader, async (c) => {
    const opened = await openCaseAttachment(deps, refOf(c), c.req.param("id"));
    return c.body(opened.bytes as Uint8Array<ArrayBuffer>, 200, ATTACHMENT_HEADERS(opened.ref.type, opened.number));
  });

  app.post(`${CASE}/status`, limitForm, handler, async (c) => {
    const form = await formText(c, ["to", "seen", "closeReason", "referral", "investigation", "conclusion"]);
    const ref = refOf(c);
    try {
      await transitionCase(deps, { ...form, measures: await formList(c, "measures", 10), member: ref.member, caseId: ref.caseId, desk: ref.desk, by: ref.by });
      return back(c, "status");
    } catch (error) {
      return refused(c, error);
    }
  });

  app.post(`${CASE}/bericht`, limitUpload, handler, async (c) => {
    const { text, kind } = await formText(c, ["text", "kind"]);
    try {
      const sent = await messageReporter(deps, refOf(c), { kind: kind === "terugkoppeling" ? "terugkoppeling" : "bericht", text }, await formFiles(c, "files"));
      return back(c, sent.notice === "failed" ? "berichtZonderMail" : "bericht");
    } catch (error) {
      return refused(c, error, { text });
    }
  });

  app.post(`${CASE}/persoon`, limitForm, handler, async (c) => {
    const { name } = await formText(c, ["name"]);
    try {
      await tagPerson(deps, refOf(c), name);
      return back(c, "persoon");
    } catch (error) {
      return refused(c, error);
    }
  });

  app.post(`${CASE}/vp`, limitForm, handler, async (c) => {
    const { sickLeave, formalComplaint } = await formText(c, ["sickLeave", "formalComplaint"]);
    try {
      await recordVpFacts(deps, refOf(c), { sickLeave, formalComplaint });
      return back(c, "vp");
    } catch (error) {
      return refused(c, error);
    }
  });

  app.post(`${CASE}/notitie`, limitForm, handler, async (c) => {
    const { note } = await formText(c, ["note"]);
    try {
      await addInternalNote(deps, refOf(c), note);
      return back(c, "notitie");
    } catch (error) {
      if (error instanceof ValidationError) {
        // The note's field on the page is `note`; the use case names its text `text`.
        return refused(c, new ValidationError(error.issues.map((i) => (i.field === "text" ? { ...i, field: "note" } : i))), { note });
      }
      return refused(c, error, { note });
    }
  });

  return app;
}
