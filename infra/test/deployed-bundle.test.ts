// The deployed artifact, run here: the app is synthesised with the real bundles (bench/bundle.ts, the same build the
// benchmarks measure), the api function's code is taken from the cloud assembly exactly as CDK would upload it, loaded,
// and invoked with API Gateway v2 events against dynalite and a local KMS stand-in that keeps the member keys in the
// local keyring. A report is submitted and read back through it; a desk coordinator logs in through the embedded
// OpenID provider (what Cognito is in the cloud) and opens her queue. The deadline job's bundle runs once too.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type EmbeddedProvider, startEmbeddedProvider } from "@meldpunt/local/oidc-provider";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@meldpunt/local/demo-staff";
import { seedDemoRegion, seedDemoStaff } from "@meldpunt/local/seed";
import { createDynamoStore, createStaffStore, createStatisticsStore, ensureTable } from "@meldpunt/store";
import { type EmbeddedDynamo, embeddedDynamoClient, startEmbeddedDynamo } from "@meldpunt/store/embedded";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpApiEvent, lambdaContext } from "../../test/support/api-gateway";
import { CookieJar, follow, formPost, send } from "../../test/support/browserless";
import { formFieldsIn, receiptCodeIn, solvePow } from "../../test/support/local";
import { type BuiltCode, buildHubCode } from "../src/bundles";
import { HUB_CSP_DIRECTIVES, parseCsp } from "../src/csp";
import { buildHub, type HubStacks } from "../src/hub-app";
import { HUB_HANDLER } from "../src/hub-function";
import type { HubFunctionName } from "../src/names";
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
let provider: EmbeddedProvider;
const savedEnv = { ...process.env };

/** The folder CDK stages for a function's code asset, found through the template's S3 key and the asset manifest. */
async function deployedCodeDir(name: HubFunctionName): Promise<{ dir: string; handler: string; env: Record<string, unknown> }> {
  const template = Template.fromStack(stacks.stateless);
  const fn = Object.values(template.findResources("AWS::Lambda::Function", { Properties: { FunctionName: `meldpunt-${config.id}-${name}` } }))[0]?.Properties;
  const hash = String(fn.Code.S3Key).replace(/\.zip$/, "");
  const manifest = JSON.parse(await readFile(join(outdir, `${stacks.stateless.artifactId}.assets.json`), "utf8"));
  const source = manifest.files[hash]?.source;
  expect(source?.packaging).toBe("zip");
  return { dir: join(outdir, source.path), handler: fn.Handler, env: fn.Environment.Variables };
}

/**
 * The api as deployed, with the function's environment as the template sets it; deploy-time values (table, bucket,
 * secrets, Cognito's issuer and client id) get local ones. Loaded once: the bundle builds its handler on the first call.
 */
let loadedApi: Promise<Handler> | undefined;
function deployedApiHandler(): Promise<Handler> {
  loadedApi ??= (async () => {
    const { dir, handler, env } = await deployedCodeDir("api");
    const local: Record<string, string> = {
      TABLE_NAME: "meldpunt",
      BLOB_BUCKET: "meldpunt-blobs",
      SUBMISSION_KEY: randomBytes(32).toString("base64url"),
      AUDIT_KEY: randomBytes(32).toString("base64url"),
      SESSION_KEY: randomBytes(32).toString("base64url"),
      ORIGIN_KEY: ORIGIN_KEY,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
    };
    const deployed = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, typeof v === "string" ? v : (local[k] ?? "deploy-time")]));
    Object.assign(process.env, deployed, {
      // The embedded provider's client is confidential; Cognito's is public (PKCE alone), so the template has none.
      OIDC_CLIENT_SECRET: provider.clientSecret,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_ENDPOINT_URL_KMS: kms.endpoint,
      AWS_REGION: config.awsRegion,
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      POWERTOOLS_LOG_LEVEL: "SILENT",
    });
    // Every request as CloudFront forwards it: with the origin header the template configures on the API's origin.
    const api = await load(dir, handler);
    const header = originHeaderOfTemplate();
    return (event, context) => {
      const forwarded = event as { headers?: Record<string, string> };
      return api({ ...forwarded, headers: { ...forwarded.headers, [header]: ORIGIN_KEY } }, context);
    };
  })();
  return loadedApi;
}

/** The deploy-time value of the origin key, locally. */
const ORIGIN_KEY = randomBytes(32).toString("base64url");

/** The one header the distribution adds to requests for the API. */
function originHeaderOfTemplate(): string {
  const dist = Object.values(Template.fromStack(stacks.stateless).findResources("AWS::CloudFront::Distribution"))[0]?.Properties.DistributionConfig;
  const api = (dist.Origins as { CustomOriginConfig?: unknown; OriginCustomHeaders?: { HeaderName: string }[] }[]).find((o) => o.CustomOriginConfig);
  const [header] = api?.OriginCustomHeaders?.map((h) => h.HeaderName) ?? [];
  if (!header) throw new Error("the distribution sends no header to the API");
  return header;
}

/** `name=value` of a cookie the function set (API Gateway v2 answers carry them in `cookies`). */
function cookieIn(res: Awaited<ReturnType<Handler>>, name: string): string {
  const cookie = res.cookies?.find((c) => c.startsWith(`${name}=`))?.split(";")[0];
  if (!cookie) throw new Error(`no ${name} cookie`);
  return cookie;
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
  await seedDemoStaff(createStaffStore({ client, tableName: "meldpunt" }));
  client.destroy();
  kms = await startLocalKms(join(work, "keys"));
  // Registered for the hub's own callback, as the region's Cognito client is (docs/cognito.md).
  provider = await startEmbeddedProvider({ dir: join(work, "auth"), port: 0, hubUrl: `https://${config.hubDomain}`, accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD });
}, 120_000);

afterAll(async () => {
  process.env = savedEnv;
  await provider?.close();
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

  it("refuses a request that did not come through CloudFront: without the origin header the distribution adds", async () => {
    await deployedApiHandler();
    const { dir, handler } = await deployedCodeDir("api");
    // The same module, so the same handler, called as a client of the API's own execute-api address would.
    const direct = await (await load(dir, handler))(httpApiEvent("GET", "/melden"), lambdaContext());
    expect([direct.statusCode, direct.body]).toEqual([403, "Forbidden"]);
  });

  it("takes a report under the member's key and shows it back in the mailbox, through API Gateway v2 events", async () => {
    const api = await deployedApiHandler();

    const health = await api(httpApiEvent("GET", "/health"), lambdaContext());
    expect(health.statusCode).toBe(200);
    // The CloudFront response headers policy's CSP is the one the app sends, but that staff login lets the logout
    // form lead to the identity provider (decision 17).
    expect(parseCsp(health.headers?.["content-security-policy"] ?? "")).toEqual({ ...HUB_CSP_DIRECTIVES, "form-action": ["'self'", provider.issuer] });

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

  it("has the staff side: /inloggen sends the browser to the issuer's authorization endpoint with PKCE (S256)", async () => {
    const api = await deployedApiHandler();
    const res = await api(httpApiEvent("GET", "/inloggen"), lambdaContext());
    expect(res.statusCode).toBe(303);
    const authorize = new URL(res.headers?.location ?? "");
    expect(authorize.origin).toBe(provider.issuer);
    const params = Object.fromEntries(authorize.searchParams);
    expect(params).toMatchObject({
      response_type: "code",
      client_id: provider.clientId,
      redirect_uri: `https://${config.hubDomain}/inloggen/terug`,
      scope: "openid profile email",
      code_challenge_method: "S256",
    });
    for (const name of ["code_challenge", "state", "nonce"]) expect(params[name]).toMatch(/^[\w-]{43}$/);
    expect(cookieIn(res, "__Host-meldpunt-login")).toMatch(/^__Host-meldpunt-login=[\w.-]+$/);
  });

  it("logs a desk coordinator in through the provider and shows her desk's queue", async () => {
    const api = await deployedApiHandler();
    const start = await api(httpApiEvent("GET", "/inloggen?terug=/balie/hoorn-integriteit"), lambdaContext());
    const login = cookieIn(start, "__Host-meldpunt-login");
    // At the provider, as a browser: its login form, then its redirects until it sends the browser back to the hub.
    const jar = new CookieJar();
    const atProvider = await follow(jar, start.headers?.location ?? "");
    const action = /<form method="post" action="([^"]+)"/.exec(await atProvider.res.text())?.[1] ?? "";
    let url = new URL(action, atProvider.url).href;
    let res = await send(jar, url, formPost({ username: "bi-hoorn", password: DEMO_PASSWORD }));
    while (new URL(res.headers.get("Location") ?? "", url).origin === provider.issuer) {
      url = new URL(res.headers.get("Location") ?? "", url).href;
      res = await send(jar, url);
    }
    const callback = new URL(res.headers.get("Location") ?? "");
    expect(`${callback.origin}${callback.pathname}`).toBe(`https://${config.hubDomain}/inloggen/terug`);

    const back = await api(httpApiEvent("GET", `${callback.pathname}${callback.search}`, { headers: { cookie: login } }), lambdaContext());
    expect(back.statusCode).toBe(303);
    expect(back.headers?.location).toBe("/balie/hoorn-integriteit");
    const session = cookieIn(back, "__Host-meldpunt-session");

    const queue = await api(httpApiEvent("GET", "/balie/hoorn-integriteit", { headers: { cookie: session } }), lambdaContext());
    expect(queue.statusCode).toBe(200);
    expect(queue.headers?.["cache-control"]).toBe("no-store");
    expect(queue.body).toContain("Bureau Integriteit Hoorn");
    // Without the session, the same page goes to the login.
    const anonymous = await api(httpApiEvent("GET", "/balie/hoorn-integriteit"), lambdaContext());
    expect(anonymous.statusCode).toBe(303);
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

describe("the deployed statistics job bundle", () => {
  it("loads and runs against the table alone, and keeps every member's reachable half-years", async () => {
    const { dir, handler, env } = await deployedCodeDir("statistics-job");
    expect(Object.keys(env)).toEqual(["TABLE_NAME"]);
    const client = embeddedDynamoClient(dynamo.endpoint);
    await ensureTable(client, "meldpunt-statistics");
    const members = (await seedDemoRegion(createDynamoStore({ client, tableName: "meldpunt-statistics" }).region)).memberIds;
    Object.assign(process.env, { TABLE_NAME: "meldpunt-statistics" });
    const job = await load(dir, handler);
    const before = kms.calls.length;
    const summary = (await job({}, lambdaContext())) as unknown as Record<string, number>;
    expect(summary).toMatchObject({ members: members.length, cases: 0 });
    const kept = await createStatisticsStore({ client, tableName: "meldpunt-statistics" }).list("2000-H1", "2999-H2");
    client.destroy();
    expect(kept).toHaveLength(members.length * (summary.halfYears ?? 0));
    expect(kms.calls.length).toBe(before);
  });
});

describe("the deployed retention job bundle", () => {
  // Its wiring, not the use case (test/retention-job*.test.ts): the demo region without cases, so nothing to delete.
  it("loads and runs against the table with the bucket's name and no member key", async () => {
    const { dir, handler, env } = await deployedCodeDir("retention-job");
    expect(Object.keys(env)).not.toContain("MEMBER_KEY_ALIAS_PREFIX");
    const client = embeddedDynamoClient(dynamo.endpoint);
    await ensureTable(client, "meldpunt-retention");
    await seedDemoRegion(createDynamoStore({ client, tableName: "meldpunt-retention" }).region);
    client.destroy();
    Object.assign(process.env, { AUDIT_KEY: randomBytes(32).toString("base64url"), TABLE_NAME: "meldpunt-retention", BLOB_BUCKET: "meldpunt-blobs" });
    const job = await load(dir, handler);
    const before = kms.calls.length;
    expect(await job({}, lambdaContext())).toMatchObject({ closedCases: 0, deleted: 0, failures: 0 });
    expect(kms.calls.length).toBe(before);
  });
});
