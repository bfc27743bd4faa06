// The deployed artifact, run here: the app is synthesised with the real bundles (bench/bundle.ts, the same build the
// benchmarks measure), the api function's code is taken from the cloud assembly exactly as CDK would upload it, loaded,
// and invoked with API Gateway v2 events against dynalite and a local KMS stand-in that keeps the member keys in the
// local keyring. A report is submitted and read back through it. The deadline job's bundle runs once too.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { seedDemoRegion, seedDemoStaff } from "@meldpunt/local/seed";
import { createDynamoStore, createStaffStore, ensureTable } from "@meldpunt/store";
import { type EmbeddedDynamo, embeddedDynamoClient, startEmbeddedDynamo } from "@meldpunt/store/embedded";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpApiEvent, lambdaContext } from "../../test/support/api-gateway";
import { formFieldsIn, receiptCodeIn, solvePow } from "../../test/support/local";
import { type BuiltCode, buildHubCode } from "../src/bundles";
import { HUB_CSP_DIRECTIVES, parseCsp } from "../src/csp";
import { buildHub, type HubStacks } from "../src/hub-app";
import { HUB_HANDLER } from "../src/hub-function";
import { loadRegionConfig } from "../src/region-config";
import { type LocalKms, startLocalKms } from "./local-kms";
import { STAND_IN_ASSETS, testApp } from "./support";

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string; headers?: Record<string, string>; cookies?: string[] }>;

const config = loadRegionConfig();
let work: string;
let outdir: string;
let built: BuiltCode;
let stacks: HubStacks;
let dynamo: EmbeddedDynamo;
let kms: LocalKms;
const savedEnv = { ...process.env };

/** The folder CDK stages for a function's code asset, found through the template's S3 key and the asset manifest. */
async function deployedCodeDir(name: "api" | "deadline-job"): Promise<{ dir: string; handler: string; env: Record<string, unknown> }> {
  const template = Template.fromStack(stacks.stateless);
  const fn = Object.values(template.findResources("AWS::Lambda::Function", { Properties: { FunctionName: `meldpunt-${config.id}-${name}` } }))[0]?.Properties;
  const hash = String(fn.Code.S3Key).replace(/\.zip$/, "");
  const manifest = JSON.parse(await readFile(join(outdir, `${stacks.stateless.artifactId}.assets.json`), "utf8"));
  const source = manifest.files[hash]?.source;
  expect(source?.packaging).toBe("zip");
  return { dir: join(outdir, source.path), handler: fn.Handler, env: fn.Environment.Variables };
}

async function load(dir: string, handler: string): Promise<Handler> {
  const [file, exported] = handler.split(".") as [string, string];
  const module = await import(pathToFileURL(join(dir, `${file}.mjs`)).href);
  return module[exported] as Handler;
}

async function filesOf(dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out[path.slice(dir.length + 1)] = (await stat(path)).size;
    }
  }
  return out;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "meldpunt-deployed-"));
  outdir = join(work, "cdk.out");
  built = await buildHubCode(join(work, "dist"));
  const app = testApp({ outdir });
  stacks = buildHub(app, config, { code: built, staticAssets: STAND_IN_ASSETS });
  app.synth();

  dynamo = await startEmbeddedDynamo();
  const client = embeddedDynamoClient(dynamo.endpoint);
  await ensureTable(client, "meldpunt");
  await seedDemoRegion(createDynamoStore({ client, tableName: "meldpunt" }).region);
  client.destroy();
  kms = await startLocalKms(join(work, "keys"));
}, 120_000);

afterAll(async () => {
  process.env = savedEnv;
  await kms?.close();
  await dynamo?.close();
  await rm(work, { recursive: true, force: true });
});

describe("the deployed api bundle", () => {
  it("is the bundle bench/bundle.ts builds, staged by CDK file for file, with the handler the function names", async () => {
    const { dir, handler } = await deployedCodeDir("api");
    expect(handler).toBe(HUB_HANDLER);
    const staged = await filesOf(dir);
    expect(staged).toEqual(await filesOf(built.dirs.api));
    expect(Object.values(staged).reduce((a, b) => a + b, 0)).toBe(built.bytes.api);
    expect(Object.keys(staged)).toContain("index.mjs");
  });

  it("takes a report under the member's key and shows it back in the mailbox, through API Gateway v2 events", async () => {
    const { dir, handler, env } = await deployedCodeDir("api");
    // The function's environment as the template sets it; deploy-time values (table, bucket, secrets) get local ones.
    const local: Record<string, string> = {
      TABLE_NAME: "meldpunt",
      BLOB_BUCKET: "meldpunt-blobs",
      SUBMISSION_KEY: randomBytes(32).toString("base64url"),
      AUDIT_KEY: randomBytes(32).toString("base64url"),
      SESSION_KEY: randomBytes(32).toString("base64url"),
    };
    const deployed = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, typeof v === "string" ? v : (local[k] ?? "deploy-time")]));
    Object.assign(process.env, deployed, {
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_ENDPOINT_URL_KMS: kms.endpoint,
      AWS_REGION: config.awsRegion,
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      POWERTOOLS_LOG_LEVEL: "SILENT",
    });
    const api = await load(dir, handler);

    const health = await api(httpApiEvent("GET", "/health"), lambdaContext());
    expect(health.statusCode).toBe(200);
    // The CloudFront response headers policy's CSP is the one the app sends.
    expect(parseCsp(health.headers?.["content-security-policy"] ?? "")).toEqual(HUB_CSP_DIRECTIVES);

    const fields = formFieldsIn((await api(httpApiEvent("GET", "/melden"), lambdaContext())).body);
    const report = new URLSearchParams({
      ...fields,
      powNonce: solvePow(fields.powChallenge),
      member: "opmeer",
      wants: "melding",
      reporterType: "medewerker",
      anonymity: "anoniem",
      subcategories: "belangen.bevoordeling",
      description: "De wethouder gunt opdrachten aan zijn zwager.",
    });
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const submitted = await api(httpApiEvent("POST", "/melden", { body: report.toString(), headers: form }), lambdaContext());
    expect(submitted.statusCode).toBe(200);
    const code = receiptCodeIn(submitted.body);
    expect(kms.calls.find((c) => c.operation === "GenerateDataKey")).toMatchObject({ keyId: "alias/meldpunt/opmeer", context: { member: "opmeer" } });

    const signIn = await api(httpApiEvent("POST", "/opvolgen", { body: new URLSearchParams({ code }).toString(), headers: form }), lambdaContext());
    expect(signIn.statusCode).toBe(303);
    const cookie = signIn.cookies?.find((c) => c.startsWith("__Host-meldpunt-brievenbus="))?.split(";")[0] ?? "";
    const mailbox = await api(httpApiEvent("GET", "/brievenbus", { headers: { cookie } }), lambdaContext());
    expect(mailbox.statusCode).toBe(200);
    expect(mailbox.body).toContain("zwager");
    expect(kms.calls.find((c) => c.operation === "Decrypt")).toMatchObject({ keyId: "alias/meldpunt/opmeer", context: { member: "opmeer" } });
  });

  it("runs the local KMS stand-in as strictly as the key policy: another member's context is refused", async () => {
    const response = await fetch(kms.endpoint, {
      method: "POST",
      headers: { "x-amz-target": "TrentService.GenerateDataKey", "content-type": "application/x-amz-json-1.1" },
      body: JSON.stringify({ KeyId: "alias/meldpunt/hoorn", KeySpec: "AES_256", EncryptionContext: { member: "opmeer", case: "X" } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe("AccessDeniedException");
  });
});

describe("the deployed deadline job bundle", () => {
  // Its wiring, not the use case (test/deadline-job*.test.ts): a region with staff and no case, so nothing to mail.
  it("loads and runs against the table without a key or a bucket", async () => {
    const { dir, handler, env } = await deployedCodeDir("deadline-job");
    expect(Object.keys(env)).not.toContain("MEMBER_KEY_ALIAS_PREFIX");
    expect(Object.keys(env)).not.toContain("BLOB_BUCKET");
    const client = embeddedDynamoClient(dynamo.endpoint);
    await ensureTable(client, "meldpunt-job");
    await seedDemoRegion(createDynamoStore({ client, tableName: "meldpunt-job" }).region);
    await seedDemoStaff(createStaffStore({ client, tableName: "meldpunt-job" }));
    client.destroy();
    Object.assign(process.env, { AUDIT_KEY: randomBytes(32).toString("base64url"), TABLE_NAME: "meldpunt-job", MAIL_SENDER: String(env.MAIL_SENDER), HUB_URL: String(env.HUB_URL) });
    const job = await load(dir, handler);
    const before = kms.calls.length;
    const summary = (await job({}, lambdaContext())) as unknown as Record<string, number>;
    expect(summary).toMatchObject({ mailFailures: 0 });
    expect(kms.calls.length).toBe(before);
  });
});
