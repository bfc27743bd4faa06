// The hub's HTTP application: server-rendered pages and a small JSON surface. Everything it needs comes in `deps`;
// the Lambda entry and the local runner choose the adapters.
import type { MailboxSessions } from "@meldpunt/crypto";
import {
  type AuditLog,
  type Label,
  type MemberLogos,
  type PersonTags,
  type SignalIndex,
  MAX_SUBCATEGORIES,
  NotFoundError,
  type ProofOfWork,
  type ReportDeps,
  submitReport,
  logoPath,
  themeStylesheet,
  TooEarlyError,
  ValidationError,
} from "@meldpunt/domain";
import type { StatisticsSnapshots, ReporterNotices } from "@meldpunt/domain/staff";
import {
  errorsByField,
  FollowUpPage,
  type Lang,
  langOf,
  MessagePage,
  ReceiptPage,
  ReportFormPage,
  T,
  tr,
  WegwijzerPage,
} from "@meldpunt/web";
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { logFields, toProblem } from "./http-errors";
import type { StaffAuth } from "./require-staff";
import type { DemoMailbox } from "./demo-post-routes";
import { mailboxRoutes } from "./mailbox-routes";
import { formFiles, formList, formText, limitUpload, page, wantsJson } from "./respond";
import type { Asset } from "@meldpunt/web/assets";
import type { Logger } from "@aws-lambda-powertools/logger";

/** Structured logs (Powertools); they carry ids and codes, never report text, names or receipt codes. */
export type AppLogger = Pick<Logger, "error">;

export interface AppDeps extends ReportDeps {
  logger: AppLogger;
  /** The report form's proof of work (docs/decisions.md 24). */
  pow: ProofOfWork;
  /** The reporter's mailbox sessions, sealed cookies that name the case once the receipt code matched. */
  mailbox: MailboxSessions;
  /** Members' logos (docs/decisions.md 28), served under /assets/thema/<member>/ from the hub's own origin. */
  logos: MemberLogos;
  /** Served under /assets/ by the local runner; in the cloud CloudFront serves them from S3. */
  assets?: ReadonlyMap<string, Asset>;
  /** Staff login (OIDC). Absent, the staff routes answer 404: this deployment has no staff side (docs/decisions.md). */
  auth?: StaffAuth;
  /** Each member's audit trail (docs/decisions.md 29): every staff read and change of a case is recorded first. */
  audit?: AuditLog;
  /** Signals (docs/decisions.md 30): keyed tags of the people cases concern, and which cases carry each. */
  tags?: PersonTags;
  signals?: SignalIndex;
  /** The contentless "a message is waiting" e-mail to reporters who asked for one (docs/decisions.md 27). */
  notices?: ReporterNotices;
  /** The statistics job's counts, which the board's dashboard reads (docs/decisions.md 38). */
  statistics?: StatisticsSnapshots;
  /**
   * The staff pages (./staff-side), handed in by the wiring that has staff login, so that a deployment without it
   * does not even load their code; the Lambda hands in a sub-app that imports them on the first request they answer.
   */
  staffSide?: (deps: StaffSideDeps) => Hono<AppEnv>;
  /** The local runner's outgoing mail (.eml files), shown to logged-in staff at /demo/post; absent in the cloud. */
  demoMail?: DemoMailbox;
}

const STAFF_PATHS = ["/inloggen", "/inloggen/terug", "/uitloggen", "/uitgelogd", "/medewerker"];

/** The report form's text fields, the reporter's and staff intake's alike. */
export const REPORT_TEXT_FIELDS = [
  "formToken",
  "member",
  "wants",
  "reporterType",
  "role",
  "relation",
  "personName",
  "description",
  "when",
  "where",
  "witnesses",
  "anonymity",
  "contactName",
  "contactPhone",
  "contactEmail",
  "notifyEmail",
] as const;

/** What the staff pages get: the app's deps with staff login and the audit trail, both present. */
export type StaffSideDeps = AppDeps & { auth: StaffAuth; audit: AuditLog; tags: PersonTags; signals: SignalIndex; notices: ReporterNotices; statistics: StatisticsSnapshots };

export type AppEnv = { Variables: { lang: Lang; requestId: string } };

/** Error pages with a title of their own; any other status is "something went wrong". */
const TITLES: Partial<Record<number, Label>> = { 403: T.forbiddenTitle, 404: T.notFoundTitle, 413: T.tooLargeTitle };

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(
    secureHeaders({
      // Everything comes from the hub itself: no third-party request can leave any page.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        // Logging out ends at the identity provider: the logout form's redirect goes there.
        formAction: deps.auth ? ["'self'", new URL(deps.auth.login.issuer).origin] : ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: "no-referrer",
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(async (c, next) => {
    c.set("lang", langOf(c.req.query("lang")));
    await next();
    // Pages may show a receipt code or report text: no cache anywhere may keep them.
    if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
  });

  // No access log for reporter routes: precise timing of an anonymous reporter is not recorded (DESIGN §3).
  app.onError((error, c) => {
    const problem = toProblem(error);
    if (problem.status >= 500) deps.logger.error("request failed", { requestId: c.get("requestId"), status: problem.status, ...logFields(error) });
    if (wantsJson(c)) return c.json({ error: { kind: problem.kind, message: problem.message } }, problem.status);
    const lang = c.get("lang") ?? "nl";
    const title = tr(lang, TITLES[problem.status] ?? T.errorTitle);
    return page(c, <MessagePage lang={lang} title={title} message={tr(lang, problem.message)} />, problem.status);
  });
  app.notFound((c) => {
    const lang = c.get("lang") ?? "nl";
    if (wantsJson(c)) return c.json({ error: { kind: "not-found", message: { nl: "Niet gevonden.", en: "Not found." } } }, 404);
    return page(c, <MessagePage lang={lang} title={tr(lang, T.notFoundTitle)} />, 404);
  });

  app.get("/health", (c) => c.json({ status: "ok" }));

  app.get("/", (c) => page(c, <WegwijzerPage lang={c.get("lang")} query={new URL(c.req.url).search} />));

  // A member's start page: the wegwijzer under its name. The hub's own tenant is no organisation to choose (decisions 2).
  app.get("/organisatie/:member{[a-z0-9-]{1,40}}", async (c) => {
    const member = await deps.region.getMember(c.req.param("member"));
    if (!member || member.kind === "regio") throw new NotFoundError();
    return page(c, <WegwijzerPage lang={c.get("lang")} member={member} query={new URL(c.req.url).search} />);
  });

  // The wegwijzer links here with ?organisatie= and ?wens= to start the form where the reporter chose.
  app.get("/melden", async (c) => {
    const values = { member: c.req.query("organisatie"), wants: c.req.query("wens") };
    const formToken = deps.tokens.issue();
    const powChallenge = deps.pow.challenge(formToken, deps.clock.now());
    return page(
      c,
      <ReportFormPage
        lang={c.get("lang")}
        fileLimits={deps.inspector}
        members={await deps.region.listMembers()}
        formToken={formToken}
        powChallenge={powChallenge}
        query={new URL(c.req.url).search}
        values={values}
      />,
    );
  });

  app.post("/melden", limitUpload, async (c) => {
    const lang = c.get("lang");
    const values = { ...(await formText(c, [...REPORT_TEXT_FIELDS])), subcategories: await formList(c, "subcategories", MAX_SUBCATEGORIES + 1) };
    const files = await formFiles(c, "files");
    const { powChallenge, powNonce, taal } = await formText(c, ["powChallenge", "powNonce", "taal"]);
    const now = deps.clock.now();
    // A form without a token gets one here, so that the challenge of a form sent back is bound to the token it carries.
    const formToken = values.formToken ?? deps.tokens.issue();
    const proof = deps.pow.verify(formToken, powChallenge, powNonce, now);
    // The form again, with what the reporter wrote: the same token, so that sending it later still gives one report;
    // the same challenge while it is good (the wait runs from when the form was first issued), else a fresh one.
    const formAgain = async (extra: { errors?: Record<string, string>; notice?: string }, status: ContentfulStatusCode) => {
      const challenge = proof.ok || proof.reason === "too-early" ? (powChallenge as string) : deps.pow.challenge(formToken, now);
      const members = await deps.region.listMembers();
      const form = <ReportFormPage lang={lang} members={members} formToken={formToken} powChallenge={challenge} values={values} filesLost={files.length > 0} fileLimits={deps.inspector} {...extra} />;
      return page(c, form, status);
    };
    // The header's language switch on this form is a button of the form (Layout's `languageForm`): the form comes back
    // in the other language with everything typed, unchecked and unstored.
    if (taal) return formAgain({}, 200);
    // Proof of work (decisions 24): a new report needs a solved nonce or a form open long enough; a retry of a stored one does not.
    const refusal = proof.ok ? undefined : new TooEarlyError(proof.reason === "too-early" ? proof.retryAfterSeconds : deps.pow.fallbackDelaySeconds);
    try {
      const report = await submitReport(deps, { ...values, formToken }, { refusal, files });
      return page(c, <ReceiptPage lang={lang} report={report} />);
    } catch (error) {
      if (!(error instanceof ValidationError || error instanceof TooEarlyError)) throw error;
      const issues = error instanceof ValidationError ? error.issues : [];
      // A wrong choice among the subjects ("subcategories.3") is shown at the group as a whole.
      const errors = errorsByField(lang, issues.map((i) => (i.field.startsWith("subcategories") ? { ...i, field: "subcategories" } : i)));
      const notice = error instanceof TooEarlyError ? tr(lang, error.userMessage) : undefined;
      return formAgain({ errors, notice }, toProblem(error).status);
    }
  });

  app.get("/opvolgen", (c) => page(c, <FollowUpPage lang={c.get("lang")} />));

  app.route("/", mailboxRoutes(deps));

  // A member's colours as a stylesheet (CSP style-src 'self' allows no inline style); from its validated configuration.
  app.get("/assets/thema/:file{[a-z0-9-]{1,40}\\.css}", async (c) => {
    const member = await deps.region.getMember(c.req.param("file").slice(0, -".css".length));
    const colour = member?.theme?.primaryColor;
    if (!colour) return c.notFound();
    return c.body(themeStylesheet(colour), 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=300" });
  });

  // A member's logo, under a name made of its content's hash: only the current one is served, and it never changes.
  app.get("/assets/thema/:member{[a-z0-9-]{1,40}}/:file{logo-[0-9a-f]{16}\\.(png|jpg)}", async (c) => {
    const member = c.req.param("member");
    const ref = (await deps.region.getMember(member))?.theme?.logo;
    if (!ref || c.req.param("file") !== logoPath(member, ref).split("/").at(-1)) return c.notFound();
    const logo = await deps.logos.get(member, ref.hash);
    if (!logo) return c.notFound();
    return c.body(new Uint8Array(logo.bytes), 200, { "Content-Type": logo.type === "png" ? "image/png" : "image/jpeg", "Cache-Control": "public, max-age=31536000, immutable" });
  });

  app.get("/assets/:name", (c) => {
    const asset = deps.assets?.get(c.req.param("name"));
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { "Content-Type": asset.contentType, "Cache-Control": "public, max-age=3600" });
  });

  // Last: the Lambda mounts the staff side as a catch-all that loads its code (lazy-routes.ts), so only paths that
  // nothing above answers may load it.
  if (deps.auth && deps.staffSide) {
    // Staff read case content: never without an audit trail to record it in.
    const { audit, tags, signals, notices, statistics } = deps;
    if (!audit || !tags || !signals || !notices || !statistics) {
      throw new Error("the staff side needs the audit log, person tags, the signal index, reporter notices and the statistics snapshots");
    }
    app.route("/", deps.staffSide({ ...deps, auth: deps.auth, audit, tags, signals, notices, statistics }));
  } else {
    app.on(["GET", "POST"], STAFF_PATHS, () => {
      throw new NotFoundError();
    });
  }

  return app;
}
