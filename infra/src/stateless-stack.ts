// The stateless half: the api function behind an HTTP API, the deadline, retention and statistics jobs on daily schedules, CloudFront in front
// (pages from the API, /assets/* from S3 through origin access control) with the WAF and the hub's response headers,
// alarms, and the static assets. It owns no data: everything it stores is in the stateful stack.
import { ORIGIN_HEADER } from "@meldpunt/api/origin-check";
import { Aws, type CfnElement, CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, type StackProps, Token } from "aws-cdk-lib";
import { HttpApi, HttpStage, PayloadFormatVersion } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction as LambdaTarget } from "aws-cdk-lib/aws-events-targets";
import { ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import type { Code } from "aws-cdk-lib/aws-lambda";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, CacheControl, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import type { Construct } from "constructs";
import type { AuthStack } from "./auth-stack";
import { hubLoginUrls } from "./auth-stack";
import { HUB_CSP } from "./csp";
import { FUNCTION_SIZES, HubFunction } from "./hub-function";
import { acknowledge } from "./nag";
import type { RegionConfig } from "./region-config";
import type { StatefulStack } from "./stateful-stack";

/** A static asset as `@meldpunt/web/assets` builds it (`buildAssets()`): served at `/assets/<name>`. */
export interface StaticAsset {
  contentType: string;
  body: string;
}

/** The functions' code: the bundles (bench/bundle.ts) in the app, stand-ins in tests that do not test bundles. */
export interface HubCode {
  api: Code;
  deadlineJob: Code;
  retentionJob: Code;
  statisticsJob: Code;
}

export interface StatelessStackProps extends StackProps {
  config: RegionConfig;
  stateful: StatefulStack;
  auth: AuthStack;
  /** The CloudFront web ACL's ARN (EdgeStack, us-east-1). */
  webAclArn: string;
  code: HubCode;
  staticAssets: ReadonlyMap<string, StaticAsset>;
}

/** When the deadline job runs: daily at 05:00 UTC (06:00 or 07:00 in the Netherlands), before desks start. */
export const DEADLINE_JOB_SCHEDULE = { minute: "0", hour: "5" };

/** When the retention job runs: daily at 02:30 UTC (03:30 or 04:30 in the Netherlands), when nobody works on cases. */
export const RETENTION_JOB_SCHEDULE = { minute: "30", hour: "2" };

/** When the statistics job runs: daily at 03:30 UTC, after the retention job, so deleted cases no longer count. */
export const STATISTICS_JOB_SCHEDULE = { minute: "30", hour: "3" };

/** The HTTP API's own limits (requests per second, burst), a backstop behind the WAF's per-address limits. */
export const API_THROTTLE = { rateLimit: 100, burstLimit: 200 };

/** Requests the API forwards from CloudFront: the headers the app reads, and nothing that identifies a browser. */
export const FORWARDED_HEADERS = ["accept", "accept-language", "content-type"];

export class StatelessStack extends Stack {
  public readonly api: HubFunction;
  public readonly deadlineJob: HubFunction;
  public readonly retentionJob: HubFunction;
  public readonly statisticsJob: HubFunction;
  public readonly httpApi: HttpApi;
  public readonly distribution: Distribution;
  public readonly assetsBucket: Bucket;
  public readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, stateful, auth } = props;
    const urls = hubLoginUrls(config);

    // --- functions -------------------------------------------------------------------------------------------------
    this.api = new HubFunction(this, "Api", {
      config,
      name: "api",
      description: "Meldpunt: the hub's pages and forms (functions/api/src/lambda.ts)",
      code: props.code.api,
      ...FUNCTION_SIZES.api,
      environment: {
        HUB_URL: urls.hubUrl,
        OIDC_ISSUER: auth.issuerUrl,
        OIDC_CLIENT_ID: auth.client.userPoolClientId,
        OIDC_REDIRECT_URL: urls.redirectUrl,
        OIDC_POST_LOGOUT_URL: urls.postLogoutUrl,
      },
    })
      .bindTable(stateful.table, { write: true })
      .bindMemberKeys(stateful.memberKeys)
      .bindSignalKeys(stateful.memberKeys)
      // Reporter notices ("a message is waiting", docs/decisions.md 27), from the same sender as the desks' notices.
      .bindMail(config.mailSender)
      .bindBlobs({ bucket: stateful.blobBucket, arn: stateful.blobBucketArn, key: stateful.blobKey })
      .bindSecret("SUBMISSION_KEY", stateful.secrets.submissionKey)
      .bindSecret("AUDIT_KEY", stateful.secrets.auditKey)
      .bindSecret("SESSION_KEY", stateful.secrets.sessionKey)
      .bindSecret("ORIGIN_KEY", stateful.secrets.originKey);

    // The deadline job opens no case content: no member key, no bucket (docs/decisions.md 31).
    this.deadlineJob = new HubFunction(this, "DeadlineJob", {
      config,
      name: "deadline-job",
      description: "Meldpunt: daily acknowledgements and deadline notices (functions/api/src/deadline-job.ts)",
      code: props.code.deadlineJob,
      ...FUNCTION_SIZES["deadline-job"],
      environment: { HUB_URL: urls.hubUrl },
    })
      .bindTable(stateful.table, { write: true })
      .bindMail(config.mailSender)
      .bindSecret("AUDIT_KEY", stateful.secrets.auditKey);

    this.daily("DeadlineJobSchedule", "Meldpunt: run the deadline job daily", this.deadlineJob, DEADLINE_JOB_SCHEDULE);

    // The retention job deletes cases and their files: no member key (deleting the item deletes the wrapped data key,
    // docs/decisions.md 39), and of the bucket only DeleteObject.
    this.retentionJob = new HubFunction(this, "RetentionJob", {
      config,
      name: "retention-job",
      description: "Meldpunt: daily deletion of cases whose retention term has ended (functions/api/src/retention-job.ts)",
      code: props.code.retentionJob,
      ...FUNCTION_SIZES["retention-job"],
    })
      .bindTable(stateful.table, { write: true })
      .bindBlobDeletes({ bucket: stateful.blobBucket, arn: stateful.blobBucketArn })
      .bindSecret("AUDIT_KEY", stateful.secrets.auditKey);
    this.daily("RetentionJobSchedule", "Meldpunt: run the retention job daily", this.retentionJob, RETENTION_JOB_SCHEDULE);

    // The statistics job reads case metadata and writes its snapshots: the table only (docs/decisions.md 38).
    this.statisticsJob = new HubFunction(this, "StatisticsJob", {
      config,
      name: "statistics-job",
      description: "Meldpunt: nightly counts for the board's dashboard (functions/api/src/statistics-job.ts)",
      code: props.code.statisticsJob,
      ...FUNCTION_SIZES["statistics-job"],
    }).bindTable(stateful.table, { write: true });
    this.daily("StatisticsJobSchedule", "Meldpunt: run the statistics job daily", this.statisticsJob, STATISTICS_JOB_SCHEDULE);

    // --- HTTP API --------------------------------------------------------------------------------------------------
    this.httpApi = new HttpApi(this, "HttpApi", {
      apiName: `meldpunt-${config.id}`,
      description: "Meldpunt: the api function; reached through CloudFront",
      defaultIntegration: new HttpLambdaIntegration("Api", this.api.fn, { payloadFormatVersion: PayloadFormatVersion.VERSION_2_0 }),
      createDefaultStage: false,
    });
    const stage = new HttpStage(this, "HttpApiStage", { httpApi: this.httpApi, stageName: "$default", autoDeploy: true, throttle: API_THROTTLE });
    acknowledge(
      stage,
      "AwsSolutions-APIG1",
      "No access log: a timestamped line per request would record when an anonymous reporter submitted (DESIGN §3, docs/decisions.md 5). Failures are logged by the function with ids and codes only.",
    );
    acknowledge(
      this.httpApi,
      "AwsSolutions-APIG4",
      "The reporter's pages are public by design; staff pages are authorised by the app itself (OIDC login, sealed session, the `can` table: docs/decisions.md 14-16), not by API Gateway.",
    );

    // --- static assets ---------------------------------------------------------------------------------------------
    this.assetsBucket = new Bucket(this, "Assets", {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: false,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(
      this.assetsBucket,
      "AwsSolutions-S1",
      "Public static files (stylesheets, pow.js) built from the repository, read only by CloudFront; access logs would add nothing but request times.",
    );

    // --- CloudFront ------------------------------------------------------------------------------------------------
    const apiOrigin = new HttpOrigin(`${this.httpApi.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      readTimeout: Duration.seconds(30),
      // The api refuses requests without it: its execute-api address would otherwise be a way past the WAF. A dynamic
      // reference, like the functions' secrets: the template holds no value (docs/decisions.md 43).
      customHeaders: { [ORIGIN_HEADER]: SecretValue.secretsManager(stateful.secrets.originKey.secretArn).unsafeUnwrap() },
    });
    const apiRequests = new OriginRequestPolicy(this, "ApiRequests", {
      comment: "Meldpunt: cookies, query and the few headers the app reads; no user agent, no viewer address headers",
      cookieBehavior: OriginRequestCookieBehavior.all(),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      headerBehavior: OriginRequestHeaderBehavior.allowList(...FORWARDED_HEADERS),
    });
    const responseHeaders = new ResponseHeadersPolicy(this, "HubHeaders", {
      comment: "Meldpunt: the hub's CSP and security headers; the app's own values win where it sets them",
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: HUB_CSP, override: false },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: false },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: false },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: false },
      },
    });
    const apiBehavior = {
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: apiRequests,
      responseHeadersPolicy: responseHeaders,
    };
    const staticCache = new CachePolicy(this, "StaticAssets", {
      comment: "Meldpunt: static assets, as long as their Cache-Control says",
      defaultTtl: Duration.hours(1),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      cookieBehavior: CacheCookieBehavior.none(),
      headerBehavior: CacheHeaderBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    this.distribution = new Distribution(this, "Distribution", {
      comment: `Meldpunt ${config.id}`,
      defaultBehavior: apiBehavior,
      additionalBehaviors: {
        // A member's colours are made by the app from its configuration (docs/decisions.md 28).
        "/assets/thema/*": apiBehavior,
        "/assets/*": {
          origin: S3BucketOrigin.withOriginAccessControl(this.assetsBucket),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: staticCache,
          responseHeadersPolicy: responseHeaders,
        },
      },
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: false,
      ...(config.certificateArn
        ? {
            domainNames: [config.hubDomain],
            certificate: Certificate.fromCertificateArn(this, "Certificate", config.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR3",
      "No CloudFront access logs: they hold every viewer's address and the exact time, which would identify anonymous reporters (DESIGN §3).",
    );
    acknowledge(
      this.distribution,
      "AwsSolutions-CFR1",
      "No geo restriction: reporters (employees on leave, former employees, residents) may be abroad, and Tor exits anywhere.",
    );
    if (!config.certificateArn) {
      acknowledge(
        this.distribution,
        "AwsSolutions-CFR4",
        "This region's configuration has no certificate yet, so the distribution answers on its *.cloudfront.net name whose default certificate CloudFront fixes; with certificateArn set it requires TLS 1.2 (TLSv1.2_2021).",
      );
    }

    // Static files as the app serves them locally (same names, types and caching), pruned never: several deployments
    // share the prefix, one per content type.
    const byType = new Map<string, [string, StaticAsset][]>();
    for (const entry of props.staticAssets) byType.set(entry[1].contentType, [...(byType.get(entry[1].contentType) ?? []), entry]);
    let n = 0;
    for (const [contentType, files] of byType) {
      new BucketDeployment(this, `StaticAssets${n++}`, {
        sources: files.map(([name, asset]) => Source.data(`assets/${name}`, asset.body)),
        destinationBucket: this.assetsBucket,
        contentType,
        cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.hours(1))],
        prune: false,
        distribution: this.distribution,
        distributionPaths: ["/assets/*"],
        memoryLimit: 256,
      });
    }
    this.acknowledgeBucketDeploymentHandler();

    // --- alarms ----------------------------------------------------------------------------------------------------
    const alarmKey = new Key(this, "AlarmTopicKey", { description: "Meldpunt: alarm notifications", enableKeyRotation: true });
    alarmKey.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
    this.alarmTopic = new Topic(this, "Alarms", { displayName: `Meldpunt ${config.id}: alarms`, masterKey: alarmKey, enforceSSL: true });
    if (config.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));

    const alarm = (id: string, description: string, metric: IMetric, threshold: number, options: { below?: boolean; missing?: TreatMissingData } = {}) =>
      new Alarm(this, id, {
        alarmName: `meldpunt-${config.id}-${id}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: options.below ? ComparisonOperator.LESS_THAN_THRESHOLD : ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: options.missing ?? TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(new SnsAction(this.alarmTopic));
    const fiveMinutes = Duration.minutes(5);
    const oneDay = Duration.days(1);
    alarm("api-errors", "The api function failed (crashed or timed out) in the last 5 minutes.", this.api.fn.metricErrors({ period: fiveMinutes }), 1);
    alarm("api-throttles", "The api function was throttled: concurrency is exhausted.", this.api.fn.metricThrottles({ period: fiveMinutes }), 1);
    alarm("api-5xx", "The hub answered 5xx (store or KMS unavailable, or a bug) at least 5 times in 5 minutes.", this.httpApi.metricServerError({ period: fiveMinutes }), 5);
    // Each daily job: failed (Lambda retried it), or not run at all in the last day.
    const jobAlarms = (name: string, job: HubFunction, failed: string) => {
      alarm(`${name}-errors`, failed, job.fn.metricErrors({ period: oneDay }), 1);
      alarm(`${name}-not-run`, `The ${name.replace("-", " ")} did not run in the last day.`, job.fn.metricInvocations({ period: oneDay }), 1, {
        below: true,
        missing: TreatMissingData.BREACHING,
      });
    };
    jobAlarms("deadline-job", this.deadlineJob, "The deadline job failed (a notice not sent, or a crash); Lambda retried it. See its log (counts only).");
    jobAlarms(
      "retention-job",
      this.retentionJob,
      "The retention job failed (a deletion not finished, or a crash); Lambda retried it, and the next run finishes what is left. See its log (counts only).",
    );
    jobAlarms(
      "statistics-job",
      this.statisticsJob,
      "The statistics job failed; Lambda retried it. Until a run succeeds the board's dashboard shows the last counts (with their date), or counts the missing ones from the cases, slowly.",
    );

    new CfnOutput(this, "DistributionDomainName", { value: this.distribution.distributionDomainName });
    new CfnOutput(this, "HubUrl", { value: urls.hubUrl });
  }

  /** Runs `job` daily at `cron` (UTC) from an EventBridge rule; a failed invocation is retried twice within 2 hours. */
  private daily(id: string, description: string, job: HubFunction, cron: { minute: string; hour: string }): void {
    new Rule(this, id, { description, schedule: Schedule.cron(cron), targets: [new LambdaTarget(job.fn, { retryAttempts: 2, maxEventAge: Duration.hours(2) })] });
  }

  /** The BucketDeployment's own function (CDK's, shared by all deployments in the stack) and its role. */
  private acknowledgeBucketDeploymentHandler(): void {
    // As cdk-nag spells them: a value known at synth time literally, a pseudo parameter as <AWS::…>.
    const known = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    const partition = known(this.partition, "Partition");
    const assets = `<${this.getLogicalId(this.assetsBucket.node.defaultChild as CfnElement)}.Arn>/*`;
    const cdkAssets = `arn:${partition}:s3:::cdk-hnb659fds-assets-${known(this.account, "AccountId")}-${known(this.region, "Region")}/*`;
    for (const child of this.node.children) {
      if (!child.node.id.startsWith("Custom::CDKBucketDeployment")) continue;
      acknowledge(child, "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]", CDK_DEPLOYMENT_REASON);
      acknowledge(child, "AwsSolutions-L1", `${CDK_DEPLOYMENT_REASON} Its runtime is the one aws-cdk-lib pins.`);
      for (const finding of ["Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*", "Action::s3:DeleteObject*", "Action::s3:Abort*"]) {
        acknowledge(child, `AwsSolutions-IAM5[${finding}]`, `${CDK_DEPLOYMENT_REASON} These are the actions CDK grants it on the two buckets below.`);
      }
      acknowledge(child, `AwsSolutions-IAM5[Resource::${cdkAssets}]`, `${CDK_DEPLOYMENT_REASON} It reads the zipped assets from CDK's bootstrap bucket.`);
      acknowledge(child, `AwsSolutions-IAM5[Resource::${assets}]`, `${CDK_DEPLOYMENT_REASON} It writes the files into the static assets bucket.`);
      acknowledge(child, "AwsSolutions-IAM5[Resource::*]", `${CDK_DEPLOYMENT_REASON} CloudFront invalidations (of /assets/*) cannot be limited to one distribution by resource.`);
    }
  }
}

const CDK_DEPLOYMENT_REASON =
  "aws-cdk-lib's BucketDeployment handler, which copies the static assets to their bucket at deploy time; it never sees case data.";
