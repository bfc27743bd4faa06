// The cloud's Mailer: Amazon SES (API v2), plain text, the sender from configuration. Its own entry point
// (`@meldpunt/mailer/ses`) so the local runner never loads the SES SDK. Any failure is the domain's UnavailableError.
import { SendEmailCommand, type SESv2Client } from "@aws-sdk/client-sesv2";
import { HubError, type Mailer, UnavailableError, ValidationError } from "@meldpunt/domain";
import { checkMessage, isMailAddress } from "./eml";

export interface SesMailerOptions {
  client: SESv2Client;
  /** A verified SES identity, e.g. `meldpunt@westfriesland.example`. */
  sender: string;
  /** An SES configuration set (event publishing, suppression); optional. */
  configurationSet?: string;
}

/** SES takes at most 50 recipients per message. */
const MAX_RECIPIENTS = 50;

export function createSesMailer({ client, sender, configurationSet }: SesMailerOptions): Mailer {
  if (!isMailAddress(sender)) throw new ValidationError([{ field: "sender", message: { nl: "Geen geldig e-mailadres.", en: "Not a valid e-mail address." } }]);
  return {
    async send(message) {
      checkMessage(message);
      for (let i = 0; i < message.to.length; i += MAX_RECIPIENTS) {
        const command = new SendEmailCommand({
          FromEmailAddress: sender,
          Destination: { ToAddresses: message.to.slice(i, i + MAX_RECIPIENTS) },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: "UTF-8" },
              Body: { Text: { Data: message.text, Charset: "UTF-8" } },
            },
          },
          ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
        });
        try {
          await client.send(command);
        } catch (error) {
          if (error instanceof HubError) throw error;
          throw new UnavailableError({ cause: error });
        }
      }
    },
  };
}
