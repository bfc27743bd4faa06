// The stateless stacks' security properties: least-privilege function roles (no key use on "*", no Scan, the deadline
// job without keys or bucket, the retention job with no key and only deletes in the bucket), secrets only as references, logs that keep no request times and expire, the WAF in
// front of CloudFront, the hub's CSP, S3 reachable only through CloudFront, alarms. Stand-in code: the bundles are
// deployed-bundle.test.ts's subject.
import { ORIGIN_HEADER } from "@meldpunt/api/origin-check";
import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { HUB_CSP } from "../src/csp";
import { COUNT_ONLY_RULES, MANAGED_RULE_GROUPS, RATE_LIMIT_ALL, RATE_LIMIT_POST } from "../src/edge-stack";
import type { HubStacks } from "../src/hub-app";
import { FUNCTION_SIZES } from "../src/hub-function";
import { functionRoleName } from "../src/names";
import { loadRegionConfig } from "../src/region-config";
import { API_THROTTLE, FORWARDED_HEADERS } from "../src/stateless-stack";
import type { HubFunctionName } from "../src/names";
import { standInHub } from "./support";

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

const config = loadRegionConfig();
let stacks: HubStacks;
let stateless: Template;
let edge: Template;

beforeAll(() => {
  stacks = standInHub(config).stacks;
  stateless = Template.fromStack(stacks.stateless);
  edge = Template.fromStack(stacks.edge);
});

/** The logical id of a function's role in the stateless template, by its fixed name. */
function roleId(name: HubFunctionName): string {
  const roles = stateless.findResources("AWS::IAM::Role", { Properties: { RoleName: functionRoleName(config, name) } });
  expect(Object.keys(roles)).toHaveLength(1);
  return Object.keys(roles)[0] as string;
}

function statementsOf(name: HubFunctionName): Statement[] {
  const id = roleId(name);
  return Object.values(stateless.findResources("AWS::IAM::Policy"))
    .filter((p) => list(p.Properties.Roles).some((r: unknown) => JSON.stringify(r) === JSON.stringify({ Ref: id })))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

function functionProps(name: HubFunctionName) {
  const fns = stateless.findResources("AWS::Lambda::Function", { Properties: { FunctionName: `meldpunt-${config.id}-${name}` } });
  expect(Object.keys(fns)).toHaveLength(1);
  return Object.values(fns)[0]?.Properties;
}

describe("the functions", () => {
  it("run nodejs22.x on arm64 with the bundles' handler, under the roles the key policies name", () => {
    for (const name of ["api", "deadline-job", "retention-job", "statistics-job"] as const) {
      const props = functionProps(name);
      expect(props).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], Handler: "index.handler", MemorySize: FUNCTION_SIZES[name].memoryMiB });
      expect(props.Role).toEqual({ "Fn::GetAtt": [roleId(name), "Arn"] });
    }
  });

  it("never use a key on '*', never Scan, and hold no wildcard action", () => {
    for (const policy of Object.values({ ...stateless.findResources("AWS::IAM::Policy") })) {
      for (const s of policy.Properties.PolicyDocument.Statement as Statement[]) {
        const actions = list(s.Action);
        if (actions.some((a) => a.startsWith("kms:"))) expect(list(s.Resource)).not.toContain("*");
        expect(actions).not.toContain("dynamodb:Scan");
        expect(actions.filter((a) => a.endsWith(":*") || a === "*")).toEqual([]);
      }
    }
  });

  it("let the api use each member key only under that member's context, and the HMAC keys only for GenerateMac", () => {
    const statements = statementsOf("api");
    const keyUse = statements.filter((s) => list(s.Action).some((a) => a === "kms:Decrypt" || a === "kms:GenerateDataKey"));
    // One per member, plus the blob key through S3.
    expect(keyUse).toHaveLength(config.members.length + 1);
    for (const member of config.members) {
      const s = keyUse.find((k) => k.Condition?.StringEquals?.["kms:EncryptionContext:member"] === member);
      expect(s, member).toBeDefined();
      expect(list(s?.Resource)).toHaveLength(1);
      expect(JSON.stringify(s?.Resource)).toContain(`MemberKey${member.replace(/-/g, "")}`);
    }
    expect(keyUse.find((s) => s.Sid === "BlobBucketKey")?.Condition).toEqual({
      StringEquals: { "kms:ViaService": { "Fn::Join": ["", ["s3.", { Ref: "AWS::Region" }, ".amazonaws.com"]] } },
    });
    const mac = statements.filter((s) => list(s.Action).includes("kms:GenerateMac"));
    expect(mac).toHaveLength(1);
    expect(list(mac[0]?.Action)).toEqual(["kms:GenerateMac"]);
    expect(list(mac[0]?.Resource)).toHaveLength(config.members.length);
    // The HMAC keys and nothing else; no member key, no blob key, no "*".
    for (const resource of list(mac[0]?.Resource)) expect(JSON.stringify(resource)).toMatch(/SignalKey/);
    expect(JSON.stringify(mac[0]?.Resource)).not.toMatch(/MemberKey|BlobKey|"\*"/);
    expect(statements.filter((s) => list(s.Resource).includes("*")).flatMap((s) => list(s.Action))).toEqual([]);
  });

  it("give the api exactly the store's table actions and the blob objects, nothing to list", () => {
    const actions = statementsOf("api").flatMap((s) => list(s.Action));
    expect(actions.filter((a) => a.startsWith("dynamodb:")).sort()).toEqual(["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Query"]);
    expect(actions.filter((a) => a.startsWith("s3:")).sort()).toEqual(["s3:DeleteObject", "s3:GetObject", "s3:PutObject"]);
  });

  it("let the api mail reporter notices only as the hub's sender", () => {
    const mail = statementsOf("api").filter((s) => list(s.Action).some((a) => a.startsWith("ses:")));
    expect(mail).toHaveLength(1);
    expect(list(mail[0]?.Action)).toEqual(["ses:SendEmail"]);
    expect(mail[0]?.Condition).toEqual({ StringEquals: { "ses:FromAddress": config.mailSender } });
    expect(list(mail[0]?.Resource)).toHaveLength(2);
  });

  it("give the deadline job no key and no bucket: it opens no case content; it mails only as the hub", () => {
    const statements = statementsOf("deadline-job");
    const actions = statements.flatMap((s) => list(s.Action));
    expect(actions.filter((a) => a.startsWith("kms:") || a.startsWith("s3:"))).toEqual([]);
    const mail = statements.find((s) => list(s.Action).includes("ses:SendEmail"));
    expect(mail?.Condition).toEqual({ StringEquals: { "ses:FromAddress": config.mailSender } });
    expect(functionProps("deadline-job").Environment.Variables).toMatchObject({ MAIL_SENDER: config.mailSender, HUB_URL: `https://${config.hubDomain}` });
  });

  it("give the retention job the table, deletes in the blob bucket and nothing else: no key of any kind, no mail", () => {
    const statements = statementsOf("retention-job");
    const actions = statements.flatMap((s) => list(s.Action));
    expect(actions.filter((a) => a.startsWith("kms:") || a.startsWith("ses:"))).toEqual([]);
    expect(actions.filter((a) => a.startsWith("s3:"))).toEqual(["s3:DeleteObject"]);
    expect(actions.filter((a) => a.startsWith("dynamodb:")).sort()).toEqual(["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Query"]);
    const objects = statements.find((s) => list(s.Action).includes("s3:DeleteObject"));
    expect(JSON.stringify(objects?.Resource)).toContain("BlobBucketArn");
    expect(Object.keys(functionProps("retention-job").Environment.Variables).sort()).toEqual(["AUDIT_KEY", "BLOB_BUCKET", "TABLE_NAME"]);
  });

  it("give the statistics job the table and nothing else: no key, no bucket, no mail, no secret", () => {
    const actions = statementsOf("statistics-job").flatMap((s) => list(s.Action));
    // Its own log group, and the table.
    expect(actions.filter((a) => !a.startsWith("dynamodb:")).sort()).toEqual(["logs:CreateLogStream", "logs:PutLogEvents"]);
    expect([...new Set(actions.filter((a) => a.startsWith("dynamodb:")))].sort()).toEqual(["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]);
    expect(Object.keys(functionProps("statistics-job").Environment.Variables)).toEqual(["TABLE_NAME"]);
  });

  it("get their secrets as CloudFormation dynamic references, never as values", () => {
    const reference = Match.objectLike({ "Fn::Join": ["", ["{{resolve:secretsmanager:", Match.anyValue(), ":SecretString:::}}"]] });
    stateless.hasResourceProperties("AWS::Lambda::Function", {
      FunctionName: `meldpunt-${config.id}-api`,
      Environment: { Variables: Match.objectLike({ SUBMISSION_KEY: reference, AUDIT_KEY: reference, SESSION_KEY: reference, ORIGIN_KEY: reference }) },
    });
    for (const job of ["deadline-job", "retention-job"]) {
      stateless.hasResourceProperties("AWS::Lambda::Function", {
        FunctionName: `meldpunt-${config.id}-${job}`,
        Environment: { Variables: Match.objectLike({ AUDIT_KEY: reference }) },
      });
    }
    // And nothing else in the functions' configuration looks like a key.
    for (const name of ["api", "deadline-job", "retention-job", "statistics-job"] as const) {
      for (const value of Object.values(functionProps(name).Environment.Variables)) {
        if (typeof value === "string") expect(value).not.toMatch(/^[A-Za-z0-9_-]{43}$/);
      }
    }
  });

  it("have the environment the api's wiring reads", () => {
    const env = functionProps("api").Environment.Variables;
    expect(Object.keys(env).sort()).toEqual(
      [
        "AUDIT_KEY",
        "BLOB_BUCKET",
        "HUB_URL",
        "MAIL_SENDER",
        "MEMBER_KEY_ALIAS_PREFIX",
        "OIDC_CLIENT_ID",
        "OIDC_ISSUER",
        "OIDC_POST_LOGOUT_URL",
        "OIDC_REDIRECT_URL",
        "ORIGIN_KEY",
        "SESSION_KEY",
        "SIGNAL_KEY_ALIAS_SUFFIX",
        "SUBMISSION_KEY",
        "TABLE_NAME",
      ].sort(),
    );
    expect(env.MEMBER_KEY_ALIAS_PREFIX).toBe("alias/meldpunt/");
    expect(env.SIGNAL_KEY_ALIAS_SUFFIX).toBe("-signaal");
    expect(env.MAIL_SENDER).toBe(config.mailSender);
  });

  it("log JSON without Lambda's per-request lines, to their own log groups, which expire", () => {
    for (const name of ["api", "deadline-job", "retention-job", "statistics-job"] as const) {
      const props = functionProps(name);
      expect(props.LoggingConfig).toMatchObject({ LogFormat: "JSON", SystemLogLevel: "WARN", ApplicationLogLevel: "INFO" });
      const group = stateless.findResources("AWS::Logs::LogGroup", { Properties: { LogGroupName: `/aws/lambda/meldpunt-${config.id}-${name}` } });
      expect(Object.values(group)[0]?.Properties.RetentionInDays).toBe(FUNCTION_SIZES[name].logRetention);
      expect(props.LoggingConfig.LogGroup).toEqual({ Ref: Object.keys(group)[0] });
    }
    // No log group anywhere lives forever.
    for (const group of Object.values(stateless.findResources("AWS::Logs::LogGroup"))) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it("run the deadline (05:00 UTC), retention (02:30 UTC) and statistics (03:30 UTC) jobs daily from EventBridge schedules, with retries", () => {
    for (const [cron, fn] of [
      ["cron(0 5 * * ? *)", "DeadlineJobFunction"],
      ["cron(30 2 * * ? *)", "RetentionJobFunction"],
      ["cron(30 3 * * ? *)", "StatisticsJobFunction"],
    ]) {
      stateless.hasResourceProperties("AWS::Events::Rule", {
        ScheduleExpression: cron,
        Targets: [Match.objectLike({ Arn: { "Fn::GetAtt": [Match.stringLikeRegexp(fn as string), "Arn"] }, RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 } })],
      });
    }
  });
});

describe("the edge", () => {
  it("puts the api behind an HTTP API whose stage is throttled, with the payload the Lambda entry expects", () => {
    stateless.hasResourceProperties("AWS::ApiGatewayV2::Integration", { IntegrationType: "AWS_PROXY", PayloadFormatVersion: "2.0" });
    stateless.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: API_THROTTLE.rateLimit, ThrottlingBurstLimit: API_THROTTLE.burstLimit },
    });
    // No access log (decision 5).
    expect(Object.values(stateless.findResources("AWS::ApiGatewayV2::Stage"))[0]?.Properties.AccessLogSettings).toBeUndefined();
  });

  it("associates the WAF's web ACL (us-east-1) with the distribution", () => {
    edge.resourceCountIs("AWS::WAFv2::WebACL", 1);
    const [aclId] = Object.keys(edge.findResources("AWS::WAFv2::WebACL"));
    expect(stacks.edge.region).toBe("us-east-1");
    // The distribution reads the ACL's ARN from the edge stack's output (a weak, cross-region reference).
    const outputs = Object.entries(edge.findOutputs("*")).filter(([, o]) => JSON.stringify(o.Value) === JSON.stringify({ "Fn::GetAtt": [aclId, "Arn"] }));
    expect(outputs).toHaveLength(1);
    stateless.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        WebACLId: { "Fn::GetStackOutput": { StackName: stacks.edge.stackName, Region: "us-east-1", OutputName: outputs[0]?.[0] } },
      }),
    });
  });

  it("limits requests and POSTs per address, uses managed rules, never blocks Tor, keeps no samples", () => {
    const acl = Object.values(edge.findResources("AWS::WAFv2::WebACL"))[0]?.Properties;
    expect(acl.Scope).toBe("CLOUDFRONT");
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    interface RuleStatement {
      RateBasedStatement?: { Limit: number; AggregateKeyType: string };
      ManagedRuleGroupStatement?: { Name: string; RuleActionOverrides?: { Name: string }[] };
    }
    const rules = acl.Rules as { Name: string; Statement: RuleStatement; VisibilityConfig: { SampledRequestsEnabled: boolean } }[];
    const rate = rules.flatMap((r) => (r.Statement.RateBasedStatement ? [[r.Statement.RateBasedStatement.Limit, r.Statement.RateBasedStatement.AggregateKeyType]] : []));
    expect(rate).toEqual([
      [RATE_LIMIT_ALL, "IP"],
      [RATE_LIMIT_POST, "IP"],
    ]);
    const managed = rules.flatMap((r) => (r.Statement.ManagedRuleGroupStatement ? [r.Statement.ManagedRuleGroupStatement] : []));
    expect(managed.map((m) => m.Name)).toEqual(MANAGED_RULE_GROUPS);
    expect(managed.map((m) => m.Name)).not.toContain("AWSManagedRulesAnonymousIpList");
    expect(managed[0]?.RuleActionOverrides?.map((o) => o.Name)).toEqual(COUNT_ONLY_RULES);
    for (const visibility of [acl.VisibilityConfig, ...rules.map((r) => r.VisibilityConfig)]) expect(visibility.SampledRequestsEnabled).toBe(false);
    edge.resourceCountIs("AWS::WAFv2::LoggingConfiguration", 0);
  });

  it("sends the api's origin key with every request to the API, as a reference to the same secret the api reads", () => {
    const dist = Object.values(stateless.findResources("AWS::CloudFront::Distribution"))[0]?.Properties.DistributionConfig;
    const api = (dist.Origins as { CustomOriginConfig?: unknown; OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[]).find((o) => o.CustomOriginConfig);
    expect(api?.OriginCustomHeaders?.map((h) => h.HeaderName)).toEqual([ORIGIN_HEADER]);
    const sent = JSON.stringify(api?.OriginCustomHeaders?.[0]?.HeaderValue);
    expect(sent).toContain("{{resolve:secretsmanager:");
    expect(sent).toBe(JSON.stringify(functionProps("api").Environment.Variables.ORIGIN_KEY));
  });

  it("sends pages to the API and /assets/* to S3 through origin access control, HTTPS only, no logs", () => {
    const dist = Object.values(stateless.findResources("AWS::CloudFront::Distribution"))[0]?.Properties.DistributionConfig;
    expect(dist.Logging).toBeUndefined();
    const origins = dist.Origins as { Id: string; S3OriginConfig?: unknown; OriginAccessControlId?: unknown; CustomOriginConfig?: { OriginProtocolPolicy: string } }[];
    const s3 = origins.find((o) => o.S3OriginConfig);
    const api = origins.find((o) => o.CustomOriginConfig);
    expect(s3?.OriginAccessControlId).toBeDefined();
    expect(api?.CustomOriginConfig?.OriginProtocolPolicy).toBe("https-only");
    expect(dist.DefaultCacheBehavior.TargetOriginId).toBe(api?.Id);
    const behaviors = Object.fromEntries((dist.CacheBehaviors as { PathPattern: string; TargetOriginId: string }[]).map((b) => [b.PathPattern, b.TargetOriginId]));
    expect(behaviors).toEqual({ "/assets/thema/*": api?.Id, "/assets/*": s3?.Id });
    for (const b of [dist.DefaultCacheBehavior, ...dist.CacheBehaviors]) expect(b.ViewerProtocolPolicy).toBe("redirect-to-https");
    // The assets bucket: private, TLS only, readable by this distribution alone.
    stateless.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    stateless.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
          Match.objectLike({
            Effect: "Allow",
            Action: "s3:GetObject",
            Principal: { Service: "cloudfront.amazonaws.com" },
            Condition: { StringEquals: { "AWS:SourceArn": Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it("serves the hub's own domain with TLS 1.2 or later once the region has a certificate", () => {
    const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100";
    const withCertificate = Template.fromStack(standInHub({ ...config, certificateArn }).stacks.stateless);
    withCertificate.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        Aliases: [config.hubDomain],
        ViewerCertificate: { AcmCertificateArn: certificateArn, MinimumProtocolVersion: "TLSv1.2_2021", SslSupportMethod: "sni-only" },
      }),
    });
  });

  it("forwards no user agent or address header to the api, and sets the hub's CSP and security headers", () => {
    stateless.hasResourceProperties("AWS::CloudFront::OriginRequestPolicy", {
      OriginRequestPolicyConfig: Match.objectLike({ HeadersConfig: { HeaderBehavior: "whitelist", Headers: FORWARDED_HEADERS } }),
    });
    expect(FORWARDED_HEADERS.map((h) => h.toLowerCase())).not.toContain("user-agent");
    stateless.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: HUB_CSP, Override: false },
          StrictTransportSecurity: Match.objectLike({ IncludeSubdomains: true }),
          FrameOptions: { FrameOption: "DENY", Override: false },
          ReferrerPolicy: { ReferrerPolicy: "no-referrer", Override: false },
        }),
      }),
    });
  });
});

describe("alarms", () => {
  it("watch errors, throttles, 5xx and the daily jobs (failed, or not run), and notify an encrypted topic", () => {
    const alarms = Object.values(stateless.findResources("AWS::CloudWatch::Alarm")).map((a) => a.Properties);
    expect(alarms.map((a) => a.AlarmName).sort()).toEqual(
      [
        "api-errors",
        "api-throttles",
        "api-5xx",
        "deadline-job-errors",
        "deadline-job-not-run",
        "retention-job-errors",
        "retention-job-not-run",
        "statistics-job-errors",
        "statistics-job-not-run",
      ]
        .map((n) => `meldpunt-${config.id}-${n}`)
        .sort(),
    );
    const [topic] = Object.keys(stateless.findResources("AWS::SNS::Topic", { Properties: { KmsMasterKeyId: Match.anyValue() } }));
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topic }]);
    for (const notRun of alarms.filter((a) => a.AlarmName.endsWith("not-run"))) {
      expect(notRun).toMatchObject({ TreatMissingData: "breaching", ComparisonOperator: "LessThanThreshold", Period: 86400 });
    }
  });
});
