// A desk's queue and forwarding a case to another desk. Rights come from `can`; every check names the member and the
// desk. No case content is decrypted here: the queue and the forward form show metadata only.
import {
  audited,
  type CaseSummary,
  ForbiddenError,
  MAX_SUBCATEGORIES,
  submitReport,
  NotFoundError,
  parseOrThrow,
  type ReportDeps,
  ValidationError,
} from "@meldpunt/domain";
import {
  can,
  adviceContacts,
  buildQueue,
  sendVpSignal,
  vpSignal,
  QueueFilterSchema,
  transferCase,
} from "@meldpunt/domain/staff";
import { errorsByField, type Lang, ReceiptPage, ReportFormPage } from "@meldpunt/web";
import { DeskQueuePage, ForwardCasePage, VpSignalPage } from "@meldpunt/web/staff";
import { type Context, Hono } from "hono";
import { toProblem } from "./http-errors";
import { requireStaff, type StaffAuth, type StaffVariables } from "./require-staff";
import { REPORT_TEXT_FIELDS, type StaffSideDeps } from "./app";
import { CASE } from "./case-routes";
import { formFiles, formList, formText, limitForm, limitUpload, page } from "./respond";

type Env = { Variables: StaffVariables & { lang: Lang } };
type Deps = ReportDeps & Pick<StaffSideDeps, "audit" | "notices">;


export function deskRoutes(auth: StaffAuth, deps: Deps): Hono<Env> {
  const app = new Hono<Env>();
  const signedIn = requireStaff({ auth, region: deps.region });
  const forwarder = requireStaff({
    auth,
    region: deps.region,
    right: (c) => ({ action: "transfer-case", scope: { member: c.req.param("member") ?? "", desk: c.req.param("desk") ?? "" } }),
  });

  app.get("/balie/:desk", signedIn, async (c) => {
    const [members, desks] = await Promise.all([deps.region.listMembers(), deps.region.listDesks()]);
    const desk = desks.find((d) => d.id === c.req.param("desk"));
    if (!desk) throw new NotFoundError();
    const { record } = c.get("staff");
    const readable = members.filter((m) => can(record, "read-queue", { member: m.id, desk: desk.id }, { desks }));
    if (readable.length === 0) throw new ForbiddenError();
    const filter = parseOrThrow(QueueFilterSchema, Object.fromEntries(Object.entries(c.req.query()).filter(([key, value]) => key in QueueFilterSchema.shape && value !== "")));
    // Every open case of each member the desk serves (one query each, whatever the number of closed cases), merged.
    const open = (await Promise.all(readable.map((m) => deps.cases.listOpenCases(m.id, desk.id)))).flat();
    const view = buildQueue(open, filter, deps.clock.now());
    return page(c, <DeskQueuePage lang={c.get("lang")} desk={desk} members={members} view={view} filter={filter} forwarded={c.req.query("doorgestuurd") === "1"} />);
  });

  /** Staff of a desk that handles at least one member's cases here; the members it handles, for the intake form. */
  async function deskOf(c: Context<Env>) {
    const [members, desks] = await Promise.all([deps.region.listMembers(), deps.region.listDesks()]);
    const desk = desks.find((d) => d.id === c.req.param("desk"));
    if (!desk) throw new NotFoundError();
    const handled = members.filter((m) => can(c.get("staff").record, "handle-case", { member: m.id, desk: desk.id }, { desks }));
    if (handled.length === 0) throw new ForbiddenError();
    return { desk, handled };
  }

  const intakeForm = async (c: Context<Env>, extra: { values?: Record<string, unknown>; errors?: Record<string, string>; filesLost?: boolean } = {}, status: 200 | 400 = 200) => {
    const { desk, handled } = await deskOf(c);
    const formToken = (extra.values?.formToken as string | undefined) ?? deps.tokens.issue();
    return page(
      c,
      <ReportFormPage
        lang={c.get("lang")}
        fileLimits={deps.inspector}
        members={handled}
        formToken={formToken}
        powChallenge=""
        values={extra.values}
        errors={extra.errors}
        filesLost={extra.filesLost}
        intake={{ desk: desk.id, csrf: c.get("staff").session.csrf }}
      />,
      status,
    );
  };

  // Oral and written intake (Wbk): staff write the report down; it is routed like a web report, and the reporter gets
  // a code to review the record in the mailbox.
  app.get("/balie/:desk/registreren", signedIn, (c) => intakeForm(c));

  app.post("/balie/:desk/registreren", limitUpload, signedIn, async (c) => {
    const lang = c.get("lang");
    const { desk, handled } = await deskOf(c);
    const values = { ...(await formText(c, [...REPORT_TEXT_FIELDS, "channel", "receivedOn"])), subcategories: await formList(c, "subcategories", MAX_SUBCATEGORIES + 1) };
    const files = await formFiles(c, "files");
    const { channel, receivedOn, ...report } = values;
    const by = c.get("staff").record.id;
    try {
      // Only for a member this desk handles: the form offers no other, and a posted one is refused here.
      if (!handled.some((m) => m.id === report.member)) throw new ValidationError([{ field: "member", message: { nl: "Kies een organisatie uit de lijst.", en: "Choose an organisation from the list." } }]);
      // Recorded before the case is written, as every write is (decision 29): a failed write over-reports, never under.
      const record = (ref: { member: string; caseId: string }) => audited(deps, { ...ref, by }, "register-intake");
      const submitted = await submitReport(deps, report, { files, intake: { channel, receivedOn, by }, beforeStore: record });
      return page(c, <ReceiptPage lang={lang} report={submitted} intakeDesk={desk.id} />);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return intakeForm(c, { values, errors: errorsByField(lang, error.issues.map((i) => (i.field.startsWith("subcategories") ? { ...i, field: "subcategories" } : i))), filesLost: files.length > 0 }, 400);
    }
  });

  // The VP's anonymous signal to a member's management: aggregates only (vp-signal.ts).
  async function signalPage(c: Context<Env>, extra: { sent?: number; errors?: Record<string, string>; remark?: string } = {}, status: 200 | 400 = 200) {
    const { desk, handled } = await deskOf(c);
    if (desk.type !== "vp") throw new NotFoundError();
    const member = handled.find((m) => m.id === c.req.query("organisatie")) ?? handled[0];
    if (!member) throw new NotFoundError();
    const signal = vpSignal(await adviceContacts(deps.cases, member.id, desk.id), deps.clock.now());
    return page(
      c,
      <VpSignalPage lang={c.get("lang")} desk={desk} members={handled} member={member} signal={signal} csrf={c.get("staff").session.csrf} {...extra} />,
      status,
    );
  }

  app.get("/balie/:desk/signaal", signedIn, (c) => signalPage(c));

  app.post("/balie/:desk/signaal", limitForm, signedIn, async (c) => {
    const { desk, handled } = await deskOf(c);
    const member = handled.find((m) => m.id === c.req.query("organisatie"));
    if (desk.type !== "vp" || !member) throw new NotFoundError();
    const { remark } = await formText(c, ["remark"]);
    try {
      const { recipients } = await sendVpSignal({ cases: deps.cases, staff: auth.staff, mailer: deps.notices.mailer, clock: deps.clock }, { desk, member, remark });
      return signalPage(c, { sent: recipients });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return signalPage(c, { errors: errorsByField(c.get("lang"), error.issues), remark }, 400);
    }
  });

  async function forwardPage(c: Context<Env>, extra: { values?: Record<string, string | undefined>; errors?: Record<string, string> } = {}, status: 200 | 400 | 403 = 200) {
    const [members, desks] = await Promise.all([deps.region.listMembers(), deps.region.listDesks()]);
    const desk = desks.find((d) => d.id === c.req.param("desk"));
    const found = await deps.cases.getCase(c.req.param("member") ?? "", c.req.param("case") ?? "");
    // A case that is not on this desk is not this desk's to forward: as absent as one that does not exist.
    if (!desk || !found || found.desk !== desk.id) throw new NotFoundError();
    const { content: _content, dataKey: _dataKey, receipt: _receipt, history: _history, ...summary } = found;
    return page(
      c,
      <ForwardCasePage lang={c.get("lang")} desk={desk} record={summary as CaseSummary} desks={desks} members={members} csrf={c.get("staff").session.csrf} {...extra} />,
      status,
    );
  }

  app.get(`${CASE}/doorsturen`, forwarder, (c) => forwardPage(c));

  app.post(`${CASE}/doorsturen`, limitForm, forwarder, async (c) => {
    const lang = c.get("lang");
    const form = await formText(c, ["toDesk", "toMember", "reason"]);
    try {
      await transferCase(deps, {
        member: c.req.param("member"),
        caseId: c.req.param("case"),
        fromDesk: c.req.param("desk"),
        toDesk: form.toDesk,
        toMember: form.toMember,
        reason: form.reason,
        by: c.get("staff").record.id,
      });
    } catch (error) {
      const problem = toProblem(error);
      // A refused advice contact (no consent) or a wrong field: the form again, with the reason why.
      if (error instanceof ValidationError) return forwardPage(c, { values: form, errors: errorsByField(lang, error.issues) }, 400);
      if (problem.status === 403) return forwardPage(c, { values: form, errors: { toDesk: problem.message[lang] } }, 403);
      throw error;
    }
    return c.redirect(`/balie/${c.req.param("desk")}?doorgestuurd=1${lang === "en" ? "&lang=en" : ""}`, 303);
  });

  return app;
}
