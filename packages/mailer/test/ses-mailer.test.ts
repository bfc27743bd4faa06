import { SendEmailCommand, SESv2Client, SESv2ServiceException } from "@aws-sdk/client-sesv2";
import { UnavailableError, ValidationError } from "@meldpunt/domain";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { createSesMailer } from "../src/ses-mailer";

const ses = mockClient(SESv2Client);
const mailer = (configurationSet?: string) =>
  createSesMailer({ client: new SESv2Client({ region: "eu-west-1" }), sender: "meldpunt@westfriesland.example", ...(configurationSet ? { configurationSet } : {}) });

describe("the SES mailer", () => {
  beforeEach(() => {
    ses.reset();
  });

  it("sends plain text with the configured sender (SendEmail, Simple content, UTF-8)", async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: "m-1" });
    await mailer("meldpunt").send({ to: ["m.deboer@hoorn.example"], subject: "Termijnen bij Integriteitscoördinator", text: "één regel" });
    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      FromEmailAddress: "meldpunt@westfriesland.example",
      Destination: { ToAddresses: ["m.deboer@hoorn.example"] },
      Content: { Simple: { Subject: { Data: "Termijnen bij Integriteitscoördinator", Charset: "UTF-8" }, Body: { Text: { Data: "één regel", Charset: "UTF-8" } } } },
      ConfigurationSetName: "meldpunt",
    });
  });

  it("sends to at most 50 recipients per call", async () => {
    ses.on(SendEmailCommand).resolves({});
    const to = Array.from({ length: 120 }, (_, i) => `p${i}@hoorn.example`);
    await mailer().send({ to, subject: "s", text: "t" });
    const sizes = ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input.Destination?.ToAddresses?.length);
    expect(sizes).toEqual([50, 50, 20]);
  });

  it("maps every SES failure to UnavailableError, with the SDK error as cause", async () => {
    const error = new SESv2ServiceException({ name: "TooManyRequestsException", $fault: "client", $metadata: { httpStatusCode: 429 }, message: "slow down" });
    ses.on(SendEmailCommand).rejects(error);
    const failure = await mailer().send({ to: ["a@b.example"], subject: "s", text: "t" }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UnavailableError);
    expect((failure as UnavailableError).cause).toBe(error);
    ses.on(SendEmailCommand).rejects(new Error("socket hang up"));
    await expect(mailer().send({ to: ["a@b.example"], subject: "s", text: "t" })).rejects.toBeInstanceOf(UnavailableError);
  });

  it("refuses a bad sender or recipient before calling SES", async () => {
    expect(() => createSesMailer({ client: new SESv2Client({ region: "eu-west-1" }), sender: "Meldpunt <x@y.example>" })).toThrow(ValidationError);
    await expect(mailer().send({ to: ["not an address"], subject: "s", text: "t" })).rejects.toBeInstanceOf(ValidationError);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });
});
