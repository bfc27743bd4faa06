// The cloud's Mailer: Amazon SES (API v2), plain text, the sender from configuration. One REST call (SendEmail), signed
// by aws4fetch, instead of `@aws-sdk/client-sesv2` (the Lambda's bundle budget, docs/decisions.md 42). Its own entry point
// (`@meldpunt/mailer/ses`) so the local runner never loads it. Any failure is the domain's UnavailableError.
import { type Mailer, UnavailableError, ValidationError } from "@meldpunt/domain";
import type { AwsClient } from "aws4fetch";
import { checkMessage, isMailAddress } from "./eml";

export interface SesMailerOptions {
  /** Signs every request (SigV4) and retries a 5xx or 429 a bounded number of times. */
  client: AwsClient;
  /** SES's region (AWS_REGION). */
  region: string;
  /** A stand-in for SES (AWS_ENDPOINT_URL_SESV2), e.g. `http://127.0.0.1:4566`. */
  endpoint?: string;
  /** A verified SES identity, e.g. `meldpunt@westfriesland.example`. */
  sender: string;
  /** An SES configuration set (event publishing, suppression); optional. */
  configurationSet?: string;
}

/** SES takes at most 50 recipients per message. */
const MAX_RECIPIENTS = 50;

/**
 * SES's error type from `x-amzn-ErrorType` (`MessageRejected:http://internal.amazon.com/…`). The body is never read:
 * its message can name the sender or a recipient.
 */
function failure(response: Response): Error {
  const type = response.headers.get("x-amzn-errortype")?.split(":")[0];
  return new Error(`SES answered ${response.status}${type ? ` ${type}` : ""}`);
}

export function createSesMailer({ client, region, endpoint, sender, configurationSet }: SesMailerOptions): Mailer {
  if (!isMailAddress(sender)) throw new ValidationError([{ field: "sender", message: { nl: "Geen geldig e-mailadres.", en: "Not a valid e-mail address." } }]);
  const url = `${endpoint ? endpoint.replace(/\/+$/, "") : `https://email.${region}.amazonaws.com`}/v2/email/outbound-emails`;
  return {
    async send(message) {
      checkMessage(message);
      for (let i = 0; i < message.to.length; i += MAX_RECIPIENTS) {
        const body = JSON.stringify({
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
          const response = await client.fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body, aws: { service: "ses", region } });
          // The answer (a MessageId) is not needed; the body is let go so fetch frees the connection.
          await response.body?.cancel();
          if (!response.ok) throw failure(response);
        } catch (error) {
          throw new UnavailableError({ cause: error });
        }
      }
    },
  };
}
