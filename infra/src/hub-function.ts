// One of the hub's Lambda functions with its own role, log group and the few grants it needs. Grants go only through
// the `bind…` methods, each of which names exact actions on exact resources (and the environment variable the code
// reads), so what a function may do is readable in one place and checked by the tests.
import { Aws, type CfnElement, Duration, RemovalPolicy, SecretValue, Stack } from "aws-cdk-lib";
import { INDEXES } from "@meldpunt/store";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { Key } from "aws-cdk-lib/aws-kms";
import {
  ApplicationLogLevel,
  Architecture,
  type Code,
  Function as LambdaFunction,
  LoggingFormat,
  RecursiveLoop,
  Runtime,
  SystemLogLevel,
} from "aws-cdk-lib/aws-lambda";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Bucket } from "aws-cdk-lib/aws-s3";
import type { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import { functionRoleName, type HubFunctionName, MEMBER_KEY_ALIAS_PREFIX } from "./names";
import { acknowledge } from "./nag";
import { type RegionConfig, SIGNAL_KEY_SUFFIX } from "./region-config";
import type { MemberKeys } from "./stateful-stack";

/** Lambda's Node.js runtime for every function of the hub (DESIGN §5: the machines run Node 20, Lambda nodejs22.x). */
export const HUB_RUNTIME = Runtime.NODEJS_22_X;

/** The bundles' entry file and export (bench/bundle.ts: `index.mjs`, export `handler`). */
export const HUB_HANDLER = "index.handler";

export interface HubFunctionProps {
  config: RegionConfig;
  name: HubFunctionName;
  description: string;
  code: Code;
  memoryMiB: number;
  timeout: Duration;
  logRetention: RetentionDays;
  environment?: Record<string, string>;
}

/** The blob bucket as the stateful stack gives it: the bucket and its ARN as a named export. */
export interface BlobBucket {
  bucket: Bucket;
  arn: { value: string; exportName: string };
}

/** DynamoDB actions the store adapters use (packages/store): no Scan, no batch or transaction, no table management. */
const TABLE_READ = ["dynamodb:GetItem", "dynamodb:Query"];
const TABLE_WRITE = ["dynamodb:PutItem", "dynamodb:DeleteItem"];

export class HubFunction extends Construct {
  public readonly fn: LambdaFunction;
  public readonly role: Role;
  public readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: HubFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, "Logs", {
      logGroupName: `/aws/lambda/meldpunt-${props.config.id}-${props.name}`,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // A fixed name: the member keys' policies (stateful stack, deployed first) name this role's ARN.
    this.role = new Role(this, "Role", {
      roleName: functionRoleName(props.config, props.name),
      assumedBy: new ServicePrincipal("lambda.amazonaws.com"),
      description: `Meldpunt ${props.config.id}: the ${props.name} function`,
    });
    // Its own log group only (no AWSLambdaBasicExecutionRole, which may write to any log group).
    this.role.addToPolicy(
      new PolicyStatement({
        sid: "OwnLogGroup",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [`${this.logGroup.logGroupArn}:log-stream:*`],
      }),
    );

    this.fn = new LambdaFunction(this, "Function", {
      functionName: `meldpunt-${props.config.id}-${props.name}`,
      description: props.description,
      runtime: HUB_RUNTIME,
      architecture: Architecture.ARM_64,
      handler: HUB_HANDLER,
      code: props.code,
      memorySize: props.memoryMiB,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      // JSON logs so that Lambda's own START/END/REPORT lines (one per request, with its time) can be left out:
      // no log line marks when an anonymous reporter used the hub (DESIGN §3, docs/decisions.md 5).
      loggingFormat: LoggingFormat.JSON,
      systemLogLevelV2: SystemLogLevel.WARN,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      recursiveLoop: RecursiveLoop.TERMINATE,
      environment: { ...props.environment },
    });
    const stack = Stack.of(this);
    acknowledge(
      this.role,
      `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.logGroup.node.defaultChild as CfnElement)}.Arn>:log-stream:*]`,
      "The function writes log streams that Lambda names at run time, only in its own log group.",
    );
    acknowledge(
      this.fn,
      "AwsSolutions-L1",
      "nodejs22.x on purpose: the bundles target node22 and every dependency is pinned and tested for Node 20 and 22 (DESIGN §5); move with the machines.",
    );
  }

  /** TABLE_NAME, and the store's reads (and writes) on the table; queries on its indexes, each named. */
  bindTable(table: Table, access: { write: boolean }): this {
    this.fn.addEnvironment("TABLE_NAME", table.tableName);
    this.role.addToPolicy(
      new PolicyStatement({
        sid: access.write ? "TableReadWrite" : "TableRead",
        actions: [...TABLE_READ, ...(access.write ? TABLE_WRITE : [])],
        resources: [table.tableArn],
      }),
    );
    this.role.addToPolicy(
      new PolicyStatement({
        sid: "TableIndexes",
        actions: ["dynamodb:Query"],
        resources: Object.values(INDEXES).map((index) => `${table.tableArn}/index/${index.name}`),
      }),
    );
    return this;
  }

  /**
   * MEMBER_KEY_ALIAS_PREFIX, and per member: GenerateDataKey and Decrypt on that member's key only under
   * `kms:EncryptionContext:member` = that member (the key policies say the same from the other side).
   */
  bindMemberKeys(keys: ReadonlyMap<string, MemberKeys>): this {
    this.fn.addEnvironment("MEMBER_KEY_ALIAS_PREFIX", MEMBER_KEY_ALIAS_PREFIX);
    for (const [member, { key }] of keys) {
      this.role.addToPolicy(
        new PolicyStatement({
          sid: `MemberKey${member.replace(/[^A-Za-z0-9]/g, "")}`,
          actions: ["kms:GenerateDataKey", "kms:Decrypt"],
          resources: [key.keyArn],
          conditions: { StringEquals: { "kms:EncryptionContext:member": member } },
        }),
      );
    }
    return this;
  }

  /**
   * SIGNAL_KEY_ALIAS_SUFFIX, and GenerateMac (nothing else) on the members' HMAC keys (person tags,
   * `alias/meldpunt/<member>-signaal`). Call with bindMemberKeys, which sets the aliases' prefix.
   */
  bindSignalKeys(keys: ReadonlyMap<string, MemberKeys>): this {
    this.fn.addEnvironment("SIGNAL_KEY_ALIAS_SUFFIX", SIGNAL_KEY_SUFFIX);
    this.role.addToPolicy(
      new PolicyStatement({
        sid: "SignalKeys",
        actions: ["kms:GenerateMac"],
        resources: [...keys.values()].map((k) => k.signalKey.keyArn),
      }),
    );
    return this;
  }

  /** BLOB_BUCKET: store, read and remove sealed files (no listing), and the bucket key through S3. */
  bindBlobs(blobs: BlobBucket & { key: Key }): this {
    const { key } = blobs;
    this.blobObjects(blobs, ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], "get, put and delete of objects in the blob bucket only.");
    this.role.addToPolicy(
      new PolicyStatement({
        sid: "BlobBucketKey",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: [key.keyArn],
        conditions: { StringEquals: { "kms:ViaService": `s3.${Aws.REGION}.amazonaws.com` } },
      }),
    );
    return this;
  }

  /**
   * BLOB_BUCKET: remove sealed files, nothing else (the retention job). No bucket key: S3 needs none to delete, and in
   * the versioned bucket a delete adds a delete marker; the lifecycle rule removes the old version later.
   */
  bindBlobDeletes(blobs: BlobBucket): this {
    return this.blobObjects(blobs, ["s3:DeleteObject"], "delete of objects in the blob bucket only (retention).");
  }

  /**
   * BLOB_BUCKET, and `actions` on its objects. The bucket's ARN comes as the stateful stack's named export
   * (`blobs.arn`), so the one wildcard here has a name to acknowledge.
   */
  private blobObjects(blobs: BlobBucket, actions: string[], what: string): this {
    this.fn.addEnvironment("BLOB_BUCKET", blobs.bucket.bucketName);
    this.role.addToPolicy(new PolicyStatement({ sid: "BlobObjects", actions, resources: [`${blobs.arn.value}/*`] }));
    acknowledge(this.role, `AwsSolutions-IAM5[Resource::${blobs.arn.exportName}/*]`, `Objects are named <member>/<case>/<random id> at run time; ${what}`);
    return this;
  }

  /**
   * `envName` set to a CloudFormation dynamic reference to the secret: CloudFormation resolves it at deploy time, so
   * the template and cdk.out hold only the reference. The role needs no access to Secrets Manager.
   */
  bindSecret(envName: string, secret: Secret): this {
    this.fn.addEnvironment(envName, SecretValue.secretsManager(secret.secretArn).unsafeUnwrap());
    return this;
  }

  /** MAIL_SENDER, and SES SendEmail only from that address (its address or domain identity). */
  bindMail(sender: string): this {
    this.fn.addEnvironment("MAIL_SENDER", sender);
    const domain = sender.slice(sender.lastIndexOf("@") + 1);
    const identity = (name: string) => `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/${name}`;
    this.role.addToPolicy(
      new PolicyStatement({
        sid: "SendMailAsTheHub",
        actions: ["ses:SendEmail"],
        resources: [identity(sender), identity(domain)],
        conditions: { StringEquals: { "ses:FromAddress": sender } },
      }),
    );
    return this;
  }
}

/**
 * Seconds and memory per function. Memory by the rule of docs/cloud.md ("Sizes and alarms"): at least twice the peak
 * RSS `pnpm bench` measures for the deployed bundle (bench/lambda-memory.ts), rounded up to the next of Power Tuning's
 * sizes (128, 256, 512, 1,024, …); for the api also enough CPU, which Lambda gives in proportion to memory.
 */
export const FUNCTION_SIZES = {
  // Peak 215–240 MiB on a reporter's heaviest path (the rule alone: 512), but a submission is scrypt-bound: 135–175 ms
  // of CPU, 255–320 ms with two files; at 1,024 MiB (0.58 vCPU) that is ~0.3 s and ~0.5 s, at 512 twice as long.
  api: { memoryMiB: 1024, timeout: Duration.seconds(20), logRetention: RetentionDays.ONE_MONTH },
  // Peak 117–126 MiB at 3,000 cases of one member (its first run: every overdue case told), +0–4 MiB per 1,000:
  // ~115–170 at 15,000, so the rule gives 256 or 512 from run to run; 512 keeps it off that edge.
  "deadline-job": { memoryMiB: 512, timeout: Duration.minutes(5), logRetention: RetentionDays.THREE_MONTHS },
  // Reads every closed case's metadata, one Query page at a time, and deletes few: 15 minutes is Lambda's most. Peak
  // 83–94 MiB at 3,000 cases, +3–8 MiB per 1,000 (mostly garbage a smaller heap collects sooner): ~125–190 at 15,000.
  "retention-job": { memoryMiB: 512, timeout: Duration.minutes(15), logRetention: RetentionDays.THREE_MONTHS },
  // Holds one member's case metadata at a time: peak 108–112 MiB at 3,000 cases, +6–8 MiB per 1,000, ~180–200 MiB at
  // 15,000. 150,000 cases took 35 s on the embedded store (bench/README.md), most of it the store's: 15 minutes leaves
  // room for a region many times that size.
  "statistics-job": { memoryMiB: 512, timeout: Duration.minutes(15), logRetention: RetentionDays.THREE_MONTHS },
} as const satisfies Record<HubFunctionName, { memoryMiB: number; timeout: Duration; logRetention: RetentionDays }>;
