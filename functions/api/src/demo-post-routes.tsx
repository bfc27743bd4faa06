// The embedded default's outgoing mail, for demo staff (docs/decisions.md 31): GET /demo/post lists the .eml messages,
// GET /demo/post/:name shows one as plain text. Any logged-in staff member; only where the wiring hands in a mailbox
// reader (the local runner), so the cloud has no such route.
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

  app.get("/demo/post", signedIn, async (c) => page(c, <DemoPostPage lang={c.get("lang")} mails={await mailbox.list()} />));

  app.get("/demo/post/:name", signedIn, async (c) => {
    const mail = await mailbox.read(c.req.param("name"));
    if (!mail) throw new NotFoundError();
    return page(c, <DemoMailPage lang={c.get("lang")} mail={mail} />);
  });

  return app;
}
