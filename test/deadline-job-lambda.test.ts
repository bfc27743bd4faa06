// The deadline job's Lambda entry with its cloud wiring: DynamoDB is the real embedded store, SES is a local stand-in
// over HTTP (test/support/aws-stand-in.ts) and KMS is mocked (aws-sdk-client-mock). The job acknowledges, mails the desk through SES, audits under AUDIT_KEY, and never asks KMS
// for a key: it opens no case content.
import { buildDeadlineHandler } from "@meldpunt/api/deadline-job";
import { describe, expect, it } from "vitest";
import { lambdaContext } from "./support/api-gateway";
import { standInEnv } from "./support/aws-stand-in";
import { cloudCase, useCloudJob } from "./support/cloud-job";

const job = useCloudJob({ staff: true });
const NOW = "2030-06-15T08:00:00.000Z";
const CASE_ID = "01J9Z3V8K6R2M4N5P7Q8XAMBDA";

/** A web report received on 1 March: not yet acknowledged, its feedback deadline (1 June) long past. */
const overdueCase = () => cloudCase(CASE_ID, { receipt: { locator: "LAMBDA01", hash: "demo$unusable" } });

describe("the deadline job's Lambda entry", () => {
  const env = () => ({
    TABLE_NAME: "meldpunt",
    DYNAMODB_ENDPOINT: job.dynamo.endpoint,
    MAIL_SENDER: "meldpunt@westfriesland.example",
    HUB_URL: "https://meldpunt.westfriesland.example/",
    AUDIT_KEY: job.auditKey.toString("base64url"),
    ...standInEnv(job.aws, "eu-west-1"),
  });
  const clock = { now: () => new Date(NOW) };

  it("acknowledges, mails the desk's staff through SES with counts only, audits, and opens no case content", async () => {
    await job.withStore((store) => store.cases.createCase(overdueCase()));
    const ses = job.aws;
    const summary = await buildDeadlineHandler(env(), { clock })({ "detail-type": "Scheduled Event" }, lambdaContext());
    expect(summary).toEqual({ acknowledged: 1, notices: 1, casesNotified: 1, desksWithoutStaff: 0, mailFailures: 0 });

    expect(ses.refused).toEqual([]);
    expect(ses.mails).toHaveLength(1);
    const input = ses.mails[0];
    expect(input?.FromEmailAddress).toBe("meldpunt@westfriesland.example");
    expect(input?.Destination.ToAddresses).toEqual(["m.deboer@hoorn.example"]);
    const text = input?.Content.Simple.Body.Text.Data ?? "";
    expect(text).toContain("terugkoppeling aan de melder te laat: 1");
    expect(text).toContain("https://meldpunt.westfriesland.example/balie/hoorn-integriteit");
    for (const word of [CASE_ID, "LAMBDA01", "omgang", "pesten", "leidinggevende"]) expect(JSON.stringify(input)).not.toContain(word);
    expect(job.kms.calls()).toHaveLength(0);

    const record = await job.withStore((store) => store.cases.getCase("hoorn", CASE_ID));
    expect(record).toMatchObject({ state: "bevestigd", notified: { feedbackOverdue: "2030-06-01T00:00:00.000Z" } });
    const { entries, verdict } = await job.auditTrail("hoorn");
    expect(entries.at(-1)).toMatchObject({ actor: "systeem", action: "transition", caseId: CASE_ID, detail: "bevestigd" });
    expect(verdict).toEqual({ ok: true, entries: entries.length });

    // The next day's schedule sends nothing new.
    expect(await buildDeadlineHandler(env(), { clock })({}, lambdaContext())).toMatchObject({ notices: 0, acknowledged: 0 });
    expect(ses.mails).toHaveLength(1);
  });

  it("fails the invocation when SES is unavailable, and records nothing, so a retry sends the notice", async () => {
    const later = { now: () => new Date("2030-06-18T08:00:00.000Z") };
    // A second overdue case, already acknowledged by its desk; the first was told about yesterday.
    await job.withStore((store) => store.cases.createCase(cloudCase("01J9Z3V8K6R2M4N5P7Q8XAMBD2", { receipt: { locator: "LAMBDA02", hash: "demo$unusable" }, state: "bevestigd" })));
    const ses = job.aws;
    // Throttled on the first try and both retries.
    ses.fail(...Array.from({ length: 3 }, () => ({ status: 429, code: "TooManyRequestsException", message: "Maximum sending rate exceeded." })));
    await expect(buildDeadlineHandler(env(), { clock: later })({}, lambdaContext())).rejects.toThrow(/notice\(s\) not sent/);
    expect(ses.mails).toHaveLength(1);
    expect(await buildDeadlineHandler(env(), { clock: later })({}, lambdaContext())).toMatchObject({ notices: 1, casesNotified: 1, mailFailures: 0 });
    expect(ses.mails).toHaveLength(2);
    expect(ses.refused).toEqual([]);
  });

  it("refuses to run without its configuration", async () => {
    const { AUDIT_KEY: _key, ...withoutKey } = env();
    await expect(buildDeadlineHandler(withoutKey, { clock })({}, lambdaContext())).rejects.toThrow("AUDIT_KEY");
    const { MAIL_SENDER: _sender, ...withoutSender } = env();
    await expect(buildDeadlineHandler(withoutSender, { clock })({}, lambdaContext())).rejects.toThrow("MAIL_SENDER");
  });
});
