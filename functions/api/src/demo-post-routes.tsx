// The embedded default's outgoing mail, for demo staff (docs/decisions.md 31): GET /demo/post lists the .eml messages,
// GET /demo/post/:name shows one as plain text. Each staff member sees the mail addressed to them, as in a mailbox of
// their own: a reporter's notice address is sealed in the case and a VP's signal is for the member's admins only, so
// nobody else may read them here either. Only where the wiring hands in a mailbox reader (the local runner), so the
// cloud has no such route.
import { NotFoundError, type RegionStore } from "@meldpunt/domain";
import type { Lang } from "@meldpunt/web";
import { type DemoMail, DemoMailPage, type DemoMailSummary, DemoPostPage } from "@meldpunt/web/staff";
import { Hono } from "hono";
import { requireStaff, type StaffAuth, type StaffVariables } from "./require-staff";
import { page } from "./respond";

/** Reads the mail the local Mailer wrote (`createLocalMailbox` in @meldpunt/mailer). */
export interface DemoMailbox {
  /** Newest first. */
  list(): Promise<DemoMailSummary[]>;
  /** Undefined for a name the mailer never wrote. */
  read(name: string): Promise<DemoMail | undefined>;
}

type Env = { Variables: StaffVariables & { lang: Lang } };

export function demoPostRoutes(auth: StaffAuth, region: Pick<RegionStore, "listDesks">, mailbox: DemoMailbox): Hono<Env> {
  const app = new Hono<Env>();
  const signedIn = requireStaff({ auth, region });

  const addressedTo = (email: string) => (mail: DemoMailSummary) => mail.to.some((to) => to.toLowerCase() === email.toLowerCase());

  app.get("/demo/post", signedIn, async (c) => {
    const mails = (await mailbox.list()).filter(addressedTo(c.get("staff").record.email));
    return page(c, <DemoPostPage lang={c.get("lang")} mails={mails} />);
  });

  app.get("/demo/post/:name", signedIn, async (c) => {
    const mail = await mailbox.read(c.req.param("name"));
    if (!mail || !addressedTo(c.get("staff").record.email)(mail)) throw new NotFoundError();
    return page(c, <DemoMailPage lang={c.get("lang")} mail={mail} />);
  });

  return app;
}
