// A desk's queue and forwarding a case to another desk. Rights come from `can`; every check names the member and the
// desk. No case content is decrypted here: the queue and the forward form show metadata only.
import {
  type AuditLog,
  can,
  type CaseSummary,
  ForbiddenError,
  buildQueue,
  NotFoundError,
  parseOrThrow,
  QueueFilterSchema,
  type ReportDeps,
  transferCase,
  ValidationError,
} from "@meldpunt/domain";
import { DeskQueuePage, errorsByField, ForwardCasePage, type Lang } from "@meldpunt/web";
import { type Context, Hono } from "hono";
import { toProblem } from "./http-errors";
import { requireStaff, type StaffAuth, type StaffVariables } from "./require-staff";
import { formText, limitForm, page } from "./respond";

type Env = { Variables: StaffVariables & { lang: Lang } };
type Deps = Pick<ReportDeps, "cases" | "region" | "sealer" | "clock" | "blobs" | "inspector"> & { audit: AuditLog };


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

  app.get("/balie/:desk/:member/:case/doorsturen", forwarder, (c) => forwardPage(c));

  app.post("/balie/:desk/:member/:case/doorsturen", limitForm, forwarder, async (c) => {
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
