// The SES mailer as the functions build it: the deadline job for desk notices, the api (imported on the first
// notice, so the SES SDK stays out of every other request) for reporter notices.
import { SESv2Client } from "@aws-sdk/client-sesv2";
import type { Mailer } from "@meldpunt/domain";
import { createSesMailer } from "@meldpunt/mailer/ses";

/** `sender`: MAIL_SENDER, a verified SES identity; `configurationSet`: MAIL_CONFIGURATION_SET, optional. */
export function sesMailer(mail: { sender: string; configurationSet?: string }): Mailer {
  return createSesMailer({ client: new SESv2Client({}), sender: mail.sender, ...(mail.configurationSet ? { configurationSet: mail.configurationSet } : {}) });
}
