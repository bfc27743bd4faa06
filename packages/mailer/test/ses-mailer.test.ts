// The SES mailer over real HTTP against a local stand-in for SES v2 (test/support/aws-stand-in.ts) that checks every
// request's SigV4 signature and answers with SES's own status codes and JSON errors.
import { UnavailableError, ValidationError } from "@meldpunt/domain";
import { AwsClient } from "aws4fetch";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type AwsStandIn, STAND_IN_CREDENTIALS, startAwsStandIn } from "../../../test/support/aws-stand-in";
import { createSesMailer } from "../src/ses-mailer";

const REGION = "eu-west-1";
const SENDER = "meldpunt@westfriesland.example";
let ses: AwsStandIn;

// Two retries, as the functions' client (functions/api/src/aws-fetch.ts), with short waits.
const client = () => new AwsClient({ ...STAND_IN_CREDENTIALS, retries: 2, initRetryMs: 1 });
const mailer = (configurationSet?: string) =>
  createSesMailer({ client: client(), region: REGION, endpoint: ses.endpoint, sender: SENDER, ...(configurationSet ? { configurationSet } : {}) });

async function failure(attempt: Promise<unknown>): Promise<UnavailableError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnavailableError);
  return error as UnavailableError;
}

beforeAll(async () => {
  ses = await startAwsStandIn({ region: REGION, buckets: [] });
});
afterEach(() => {
  expect(ses.refused).toEqual([]);
  ses.requests.length = 0;
  ses.mails.length = 0;
});
afterAll(() => ses.close());

describe("the SES mailer", () => {
  it("sends plain text with the configured sender (SendEmail, Simple content, UTF-8), signed for SES", async () => {
    await mailer("meldpunt").send({ to: ["m.deboer@hoorn.example"], subject: "Termijnen bij Integriteitscoördinator", text: "één regel" });
    expect(ses.mails).toEqual([
      {
        FromEmailAddress: SENDER,
        Destination: { ToAddresses: ["m.deboer@hoorn.example"] },
        Content: { Simple: { Subject: { Data: "Termijnen bij Integriteitscoördinator", Charset: "UTF-8" }, Body: { Text: { Data: "één regel", Charset: "UTF-8" } } } },
        ConfigurationSetName: "meldpunt",
      },
    ]);
    const [request] = ses.requests;
    expect(`${request?.method} ${request?.path}`).toBe("POST /v2/email/outbound-emails");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${STAND_IN_CREDENTIALS.accessKeyId}/\\d{8}/${REGION}/ses/aws4_request, `));
    expect(request?.headers["x-amz-security-token"]).toBe(STAND_IN_CREDENTIALS.sessionToken);
  });

  it("names no configuration set when none is configured", async () => {
    await mailer().send({ to: ["a@b.example"], subject: "s", text: "t" });
    expect(ses.mails[0]).not.toHaveProperty("ConfigurationSetName");
  });

  it("sends to at most 50 recipients per call", async () => {
    const to = Array.from({ length: 120 }, (_, i) => `p${i}@hoorn.example`);
    await mailer().send({ to, subject: "s", text: "t" });
    expect(ses.mails.map((m) => m.Destination.ToAddresses.length)).toEqual([50, 50, 20]);
  });

  it("maps a 400 MessageRejected to UnavailableError naming the error type only: no address, no text", async () => {
    ses.fail({ status: 400, code: "MessageRejected", message: `Email address is not verified. The following identities failed the check in region EU-WEST-1: ${SENDER}` });
    const error = await failure(mailer().send({ to: ["m.deboer@hoorn.example"], subject: "Termijnen", text: "één regel" }));
    expect((error.cause as Error).message).toBe("SES answered 400 MessageRejected");
    const everything = `${error.message} ${String(error.cause)} ${JSON.stringify(error)}`;
    for (const secret of ["westfriesland", "m.deboer", "hoorn", "Termijnen", "één regel", "verified"]) expect(everything).not.toContain(secret);
    expect(ses.requests).toHaveLength(1);
  });

  it("retries a 429 or 5xx twice: succeeds when SES recovers, else UnavailableError", async () => {
    ses.fail({ status: 429, code: "TooManyRequestsException", message: "Maximum sending rate exceeded." });
    await mailer().send({ to: ["a@b.example"], subject: "s", text: "t" });
    expect(ses.requests).toHaveLength(2);
    expect(ses.mails).toHaveLength(1);

    ses.fail(...Array.from({ length: 3 }, () => ({ status: 503, code: "ServiceUnavailable" })));
    const error = await failure(mailer().send({ to: ["a@b.example"], subject: "s", text: "t" }));
    expect((error.cause as Error).message).toBe("SES answered 503 ServiceUnavailable");
    expect(ses.requests).toHaveLength(5);
  });

  it("maps a network error to UnavailableError, keeping the cause", async () => {
    const closed = createSesMailer({ client: client(), region: REGION, endpoint: "http://127.0.0.1:1", sender: SENDER });
    const error = await failure(closed.send({ to: ["a@b.example"], subject: "s", text: "t" }));
    expect((error.cause as Error).message).toBe("fetch failed");
  });

  it("refuses a bad sender or recipient before calling SES", async () => {
    expect(() => createSesMailer({ client: client(), region: REGION, sender: "Meldpunt <x@y.example>" })).toThrow(ValidationError);
    await expect(mailer().send({ to: ["not an address"], subject: "s", text: "t" })).rejects.toBeInstanceOf(ValidationError);
    expect(ses.requests).toHaveLength(0);
  });

  it("without an endpoint, posts to SES v2 in its region", async () => {
    const sent = vi.spyOn(globalThis, "fetch").mockResolvedValue(Response.json({ MessageId: "m-1" }));
    try {
      await createSesMailer({ client: client(), region: REGION, sender: SENDER }).send({ to: ["a@b.example"], subject: "s", text: "t" });
      const request = sent.mock.calls[0]?.[0] as Request;
      expect(`${request.method} ${request.url}`).toBe(`POST https://email.${REGION}.amazonaws.com/v2/email/outbound-emails`);
      expect(request.headers.get("authorization")).toContain(`/${REGION}/ses/aws4_request, `);
    } finally {
      sent.mockRestore();
    }
  });
});
