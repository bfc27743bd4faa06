// The Lambda entry with its cloud wiring: DynamoDB is the real embedded store, KMS (which cannot run here)
// is a small fake behind aws-sdk-client-mock that checks the key and encryption context it is asked for.
import { randomBytes } from "node:crypto";
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { buildHandler } from "@meldpunt/api/lambda";
import { ORIGIN_HEADER } from "@meldpunt/api/origin-check";
import { createDynamoStore, ensureTable } from "@meldpunt/store";
import { type EmbeddedDynamo, embeddedDynamoClient, startEmbeddedDynamo } from "@meldpunt/store/embedded";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoRegion } from "@meldpunt/local/seed";
import { httpApiEvent, lambdaContext } from "./support/api-gateway";
import { formFieldsIn, solvePow } from "./support/local";

const kms = mockClient(KMSClient);
const wrapped = new Map<string, { plaintext: Uint8Array; context: Record<string, string>; keyId: string }>();
let dynamo: EmbeddedDynamo;
const savedEnv = { ...process.env };

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  const client = embeddedDynamoClient(dynamo.endpoint);
  await ensureTable(client, "meldpunt");
  await seedDemoRegion(createDynamoStore({ client, tableName: "meldpunt" }).region);
  client.destroy();
  Object.assign(process.env, { AWS_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", POWERTOOLS_LOG_LEVEL: "SILENT" });

  kms.on(GenerateDataKeyCommand).callsFake((input) => {
    const plaintext = randomBytes(32);
    const blob = randomBytes(48);
    // Copies, as from the real service: the sealer zeroes the plaintext key it was given.
    wrapped.set(blob.toString("hex"), { plaintext: Buffer.from(plaintext), context: input.EncryptionContext, keyId: input.KeyId });
    return { Plaintext: plaintext, CiphertextBlob: blob, KeyId: `arn:aws:kms:eu-west-1:123456789012:key/${input.KeyId}` };
  });
  kms.on(DecryptCommand).callsFake((input) => {
    const entry = wrapped.get(Buffer.from(input.CiphertextBlob).toString("hex"));
    if (!entry || JSON.stringify(entry.context) !== JSON.stringify(input.EncryptionContext) || entry.keyId !== input.KeyId) {
      throw Object.assign(new Error("InvalidCiphertextException"), { name: "InvalidCiphertextException" });
    }
    return { Plaintext: Buffer.from(entry.plaintext), KeyId: input.KeyId };
  });
});
afterAll(async () => {
  kms.restore();
  process.env = savedEnv;
  await dynamo.close();
});

describe("the Lambda entry", () => {
  const submissionKey = randomBytes(32).toString("base64url");
  // The AWS settings too: the S3 adapter is built from the handler's environment (functions/api/src/aws-fetch.ts).
  const env = () => ({
    TABLE_NAME: "meldpunt",
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    MEMBER_KEY_ALIAS_PREFIX: "alias/meldpunt/",
    SUBMISSION_KEY: submissionKey,
    BLOB_BUCKET: "meldpunt-blobs",
    AWS_REGION: "eu-west-1",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
  });

  it("answers /health to an API Gateway v2 event", async () => {
    const res = await buildHandler(env())(httpApiEvent("GET", "/health"), lambdaContext());
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: "ok" });
  });

  it("refuses, with ORIGIN_KEY set, a request that did not come through CloudFront (the API's own address skips the WAF)", async () => {
    const handler = buildHandler({ ...env(), ORIGIN_KEY: "een-geheime-sleutel-die-alleen-cloudfront-stuurt" });
    const direct = await handler(httpApiEvent("GET", "/melden"), lambdaContext());
    expect([direct.statusCode, direct.body]).toEqual([403, "Forbidden"]);
    const wrong = await handler(httpApiEvent("GET", "/health", { headers: { [ORIGIN_HEADER]: "geraden" } }), lambdaContext());
    expect(wrong.statusCode).toBe(403);
    const through = await handler(httpApiEvent("GET", "/health", { headers: { [ORIGIN_HEADER]: "een-geheime-sleutel-die-alleen-cloudfront-stuurt" } }), lambdaContext());
    expect([through.statusCode, JSON.parse(through.body)]).toEqual([200, { status: "ok" }]);
  });

  it("tells the reporter what one request here can carry: 4 MB of files in all (Lambda's payload limit)", async () => {
    const form = (await buildHandler(env())(httpApiEvent("GET", "/melden"), lambdaContext())).body;
    expect(form).toContain("Hoogstens 5 bestanden van elk hoogstens 4 MB, samen hoogstens 4 MB:");
    expect(form).toContain(`data-max-total="${4 * 1024 * 1024}"`);
  });

  it("stores a report under the member's KMS key with the {member, case} context and reads it back", async () => {
    const handler = buildHandler(env());
    // The form as the page issues it (token, challenge) with the nonce its script would find: the production wait.
    const fields = formFieldsIn((await handler(httpApiEvent("GET", "/melden"), lambdaContext())).body);
    const body = new URLSearchParams({ ...fields, powNonce: solvePow(fields.powChallenge), member: "opmeer", wants: "melding", reporterType: "medewerker", anonymity: "anoniem", subcategories: "belangen.bevoordeling", description: "De wethouder gunt opdrachten aan zijn zwager." });
    const submitted = await handler(
      httpApiEvent("POST", "/melden", { body: body.toString(), headers: { "content-type": "application/x-www-form-urlencoded" } }),
      lambdaContext(),
    );
    expect(submitted.statusCode).toBe(200);
    const code = /data-testid="receipt-code">([0-9A-Z-]+)</.exec(submitted.body)?.[1] ?? "";
    expect(code).toHaveLength(29);

    const generate = kms.commandCalls(GenerateDataKeyCommand).at(-1)?.args[0].input;
    expect(generate?.KeyId).toBe("alias/meldpunt/opmeer");
    expect(generate?.EncryptionContext).toEqual({ member: "opmeer", case: expect.stringMatching(/^[0-9A-Z]{26}$/) });

    const signIn = await handler(
      httpApiEvent("POST", "/opvolgen", { body: new URLSearchParams({ code }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } }),
      lambdaContext(),
    );
    expect(signIn.statusCode).toBe(303);
    const cookie = signIn.cookies?.find((c) => c.startsWith("__Host-meldpunt-brievenbus="))?.split(";")[0] ?? "";
    const status = await handler(httpApiEvent("GET", "/brievenbus", { headers: { cookie } }), lambdaContext());
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain("zwager");
    expect(kms.commandCalls(DecryptCommand).at(-1)?.args[0].input.EncryptionContext).toEqual(generate?.EncryptionContext);
  });

  it("answers a generic 503 without internals when the table is missing", async () => {
    const res = await buildHandler({ ...env(), TABLE_NAME: "bestaat-niet" })(httpApiEvent("GET", "/melden"), lambdaContext());
    expect(res.statusCode).toBe(503);
    expect(res.body).not.toMatch(/ResourceNotFound|at .*\.ts|bestaat-niet/);
    expect(res.body).toContain("tijdelijk niet beschikbaar");
  });
});
