// The SES mailer as the functions build it: the deadline job for desk notices, the api (imported on the first
// notice, so the mailer stays out of every other request) for reporter notices.
import type { Mailer } from "@meldpunt/domain";
import { createSesMailer } from "@meldpunt/mailer/ses";
import { awsService } from "./aws-fetch";

/** `sender`: MAIL_SENDER, a verified SES identity; `configurationSet`: MAIL_CONFIGURATION_SET, optional; SES settings: aws-fetch.ts. */
export function sesMailer(env: Record<string, string | undefined>, mail: { sender: string; configurationSet?: string }): Mailer {
  return createSesMailer({ ...awsService(env, "SESV2"), sender: mail.sender, ...(mail.configurationSet ? { configurationSet: mail.configurationSet } : {}) });
}
