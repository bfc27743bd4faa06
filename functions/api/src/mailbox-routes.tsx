// The reporter's mailbox routes (issue 3). The receipt code is typed once at /opvolgen; from then on a short sealed
// cookie names the case (MailboxSessions), so the code is never kept, put in a URL or sent again. Every form is a
// POST with the session's CSRF token that answers with a redirect (post/redirect/get), so reloading sends nothing twice.
import type { MailboxSession, MailboxSessions } from "@meldpunt/crypto";
import {
  closeAdviceContact,
  ForbiddenError,
  type Label,
  type MailboxDeps,
  NotFoundError,
  openAttachment,
  openMailbox,
  postReporterMessage,
  RateLimitedError,
  reviewRecord,
  setReferralConsent,
  signInWithReceipt,
  ValidationError,
} from "@meldpunt/domain";
import { errorsByField, FollowUpPage, href, type Lang, MailboxPage, MailboxText, tr } from "@meldpunt/web";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "./app";
import { toProblem } from "./http-errors";
import { formFiles, formText, limitForm, limitUpload, page } from "./respond";

const COOKIE = "meldpunt-brievenbus";
// Strict: no other site can make the browser send it; __Host-: only this host, Secure, Path=/.
const ATTRIBUTES = { httpOnly: true, secure: true, sameSite: "Strict", path: "/", prefix: "host" } as const;

/**
 * The headers of a downloaded file: its content type (it was checked by content when it came in), and a name of its
 * number and type only, since its own name could identify the reporter in a header or a log.
 */
export const ATTACHMENT_HEADERS = (type: keyof typeof CONTENT_TYPES, number: number) => ({
  "Content-Type": CONTENT_TYPES[type],
  "Content-Disposition": `attachment; filename="bijlage-${number}.${EXTENSIONS[type]}"`,
  "X-Content-Type-Options": "nosniff",
});

/** A file's content type when downloaded. */
const CONTENT_TYPES = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  heic: "image/heic",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain; charset=utf-8",
  eml: "message/rfc822",
} as const;
const EXTENSIONS = { pdf: "pdf", jpeg: "jpg", png: "png", heic: "heic", docx: "docx", txt: "txt", eml: "eml" } as const;

/** Which of the page's notices a redirect after a POST asks for (`?gedaan=`): a word, never anything personal. */
const NOTICES = { bericht: MailboxText.sent, toestemming: MailboxText.consentSaved, verslag: MailboxText.reviewDone, correctie: MailboxText.reviewCorrected } satisfies Record<string, Label>;

export type MailboxRouteDeps = AppDeps & MailboxDeps & { mailbox: MailboxSessions };

export function mailboxRoutes(deps: MailboxRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const session = (c: Context<AppEnv>): MailboxSession | undefined => {
    const cookie = getCookie(c, COOKIE, "host");
    const resumed = cookie ? deps.mailbox.resume(cookie) : undefined;
    if (!resumed) return undefined;
    setCookie(c, COOKIE, resumed.cookie, { ...ATTRIBUTES, maxAge: deps.mailbox.idleSeconds });
    return resumed.session;
  };
  const toMailbox = (c: Context<AppEnv>, done?: keyof typeof NOTICES) =>
    c.redirect(href(c.get("lang"), done ? `/brievenbus?gedaan=${done}` : "/brievenbus"), 303);
  const signInAgain = (c: Context<AppEnv>) => page(c, <FollowUpPage lang={c.get("lang")} notice={tr(c.get("lang"), MailboxText.sessionEnded)} />, 401);

  /** Renders the mailbox, with what came back from a form when it did. */
  const show = async (c: Context<AppEnv>, s: MailboxSession, extra: { errors?: Record<string, string>; values?: { text?: string; correction?: string }; filesLost?: boolean; status?: 200 | 400 } = {}) => {
    const lang = c.get("lang");
    const done = c.req.query("gedaan") as keyof typeof NOTICES | undefined;
    const notice = done && done in NOTICES ? tr(lang, NOTICES[done]) : undefined;
    const view = await openMailbox(deps, s);
    return page(c, <MailboxPage lang={lang} fileLimits={deps.inspector} view={view} csrf={s.csrf} notice={notice} errors={extra.errors} values={extra.values} filesLost={extra.filesLost} />, extra.status ?? 200);
  };

  /** A mailbox POST: a live session with its CSRF token, then `act`; a validation error shows the mailbox with it. */
  const post = (act: (c: Context<AppEnv>, s: MailboxSession) => Promise<Response>) => async (c: Context<AppEnv>) => {
    const s = session(c);
    if (!s) return signInAgain(c);
    const { csrf } = await formText(c, ["csrf"]);
    if (!deps.mailbox.csrfMatches(s, csrf)) throw new ForbiddenError();
    return act(c, s);
  };
  const refused = async (c: Context<AppEnv>, s: MailboxSession, error: unknown, values: { text?: string; correction?: string }, filesLost = false) => {
    if (!(error instanceof ValidationError)) throw error;
    return show(c, s, { errors: errorsByField(c.get("lang"), error.issues), values, filesLost, status: 400 });
  };

  app.post("/opvolgen", limitForm, async (c) => {
    const lang = c.get("lang");
    const { code } = await formText(c, ["code"]);
    try {
      const ref = await signInWithReceipt(deps, code);
      setCookie(c, COOKIE, deps.mailbox.create(ref).cookie, { ...ATTRIBUTES, maxAge: deps.mailbox.idleSeconds });
      return toMailbox(c);
    } catch (error) {
      if (error instanceof RateLimitedError) {
        // The throttle's answer at the code field, as for a wrong code; nothing of the report is read.
        c.header("Retry-After", String(error.retryAfterSeconds));
        return page(c, <FollowUpPage lang={lang} errors={{ code: tr(lang, error.userMessage) }} />, toProblem(error).status);
      }
      if (!(error instanceof ValidationError)) throw error;
      return page(c, <FollowUpPage lang={lang} errors={errorsByField(lang, error.issues)} />, toProblem(error).status);
    }
  });

  app.get("/brievenbus", async (c) => {
    const s = session(c);
    if (!s) return signInAgain(c);
    return show(c, s);
  });

  app.post(
    "/brievenbus/bericht",
    limitUpload,
    post(async (c, s) => {
      const { text } = await formText(c, ["text"]);
      const files = await formFiles(c, "files");
      try {
        await postReporterMessage(deps, s, text, files);
        return toMailbox(c, "bericht");
      } catch (error) {
        return refused(c, s, error, { text }, files.length > 0);
      }
    }),
  );

  app.post(
    "/brievenbus/toestemming",
    limitForm,
    post(async (c, s) => {
      const { consent } = await formText(c, ["consent"]);
      if (consent !== "ja" && consent !== "nee") throw new ValidationError([{ field: "consent", message: { nl: "Kies ja of nee.", en: "Choose yes or no." } }]);
      try {
        await setReferralConsent(deps, s, consent === "ja");
        return toMailbox(c, "toestemming");
      } catch (error) {
        return refused(c, s, error, {});
      }
    }),
  );

  app.post(
    "/brievenbus/afsluiten",
    limitForm,
    post(async (c, s) => {
      try {
        await closeAdviceContact(deps, s);
        return toMailbox(c);
      } catch (error) {
        return refused(c, s, error, {});
      }
    }),
  );

  app.post(
    "/brievenbus/verslag",
    limitForm,
    post(async (c, s) => {
      const { review, correction } = await formText(c, ["review", "correction"]);
      try {
        await reviewRecord(deps, s, review === "akkoord" ? { agree: true } : { correction });
        return toMailbox(c, review === "akkoord" ? "verslag" : "correctie");
      } catch (error) {
        return refused(c, s, error, { correction });
      }
    }),
  );

  app.post(
    "/brievenbus/afmelden",
    limitForm,
    post(async (c) => {
      deleteCookie(c, COOKIE, ATTRIBUTES);
      const lang: Lang = c.get("lang");
      return page(c, <FollowUpPage lang={lang} notice={tr(lang, MailboxText.signedOut)} />);
    }),
  );

  app.get("/brievenbus/bijlage/:id{[0-9A-HJKMNP-TV-Z]{26}}", async (c) => {
    const s = session(c);
    if (!s) return signInAgain(c);
    const record = await deps.cases.getCase(s.member, s.caseId);
    const opened = record ? await openAttachment(deps, record, c.req.param("id")) : undefined;
    if (!record || !opened) throw new NotFoundError();
    const number = (record.attachments ?? []).findIndex((a) => a.id === opened.ref.id) + 1;
    return c.body(opened.bytes as Uint8Array<ArrayBuffer>, 200, ATTACHMENT_HEADERS(opened.ref.type, number));
  });

  return app;
}
