// The stateful stack's security properties: per-member keys whose policies allow only the hub's api role, only under
// the member's own encryption context; HMAC keys for person tags; the blob bucket; the secrets. Members come from the
// region's configuration, so adding one adds its keys, aliases and grants.
import { Match, Template } from "aws-cdk-lib/assertions";
import { testApp } from "./support";
import { beforeAll, describe, expect, it } from "vitest";
import { KEY_ADMIN_ACTIONS } from "../src/key-policies";
import { functionRoleName, memberKeyAlias, signalKeyAlias } from "../src/names";
import { loadRegionConfig, type RegionConfig } from "../src/region-config";
import { NONCURRENT_BLOB_DAYS, StatefulStack } from "../src/stateful-stack";

interface Statement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action: string | string[];
  Principal?: unknown;
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
interface KeyResource {
  DeletionPolicy?: string;
  Properties: { KeyPolicy: { Statement: Statement[] }; EnableKeyRotation?: boolean; KeySpec?: string; KeyUsage?: string; Tags?: { Key: string; Value: string }[] };
}

const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const CRYPTO = /^kms:(Decrypt|Encrypt|GenerateDataKey|ReEncrypt|GenerateMac|VerifyMac|\*)/;

/** The role ARN as the template spells it: Fn::Join of partition, account and the fixed role name. */
const roleArn = (config: RegionConfig, fn: "api" | "deadline-job") => ({
  "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":iam::", { Ref: "AWS::AccountId" }, `:role/${functionRoleName(config, fn)}`]],
});

function synth(config: RegionConfig): Template {
  return Template.fromStack(new StatefulStack(testApp(), "Meldpunt-Stateful", { config }));
}

function keyOf(template: Template, member: string, purpose: "member-key" | "signal-key"): KeyResource {
  const keys = Object.values(template.findResources("AWS::KMS::Key")) as KeyResource[];
  const found = keys.filter((k) => {
    const tags = Object.fromEntries((k.Properties.Tags ?? []).map((t) => [t.Key, t.Value]));
    return tags["meldpunt:member"] === member && tags["meldpunt:purpose"] === purpose;
  });
  expect(found).toHaveLength(1);
  return found[0] as KeyResource;
}

describe("StatefulStack: member keys", () => {
  const config = loadRegionConfig();
  let template: Template;
  beforeAll(() => {
    template = synth(config);
  });

  it("has a member key and an HMAC key per configured member, each under its alias, and the blob key", () => {
    template.resourceCountIs("AWS::KMS::Key", 2 * config.members.length + 1);
    for (const member of config.members) {
      template.hasResourceProperties("AWS::KMS::Alias", { AliasName: memberKeyAlias(member) });
      template.hasResourceProperties("AWS::KMS::Alias", { AliasName: signalKeyAlias(member) });
    }
    expect(memberKeyAlias("hoorn")).toBe("alias/meldpunt/hoorn");
    expect(signalKeyAlias("hoorn")).toBe("alias/meldpunt/hoorn-signaal");
  });

  it("lets only the api role use a member key, only with kms:EncryptionContext:member equal to that member", () => {
    for (const member of config.members) {
      const key = keyOf(template, member, "member-key");
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe("Retain");
      const statements = key.Properties.KeyPolicy.Statement;
      const allowsUse = statements.filter((s) => s.Effect === "Allow" && actions(s).some((a) => CRYPTO.test(a)));
      expect(allowsUse).toHaveLength(1);
      expect(allowsUse[0]?.Condition).toEqual({
        StringEquals: { "aws:PrincipalArn": [roleArn(config, "api")], "kms:EncryptionContext:member": member },
      });
      expect(actions(allowsUse[0] as Statement).sort()).toEqual(["kms:Decrypt", "kms:GenerateDataKey"]);
      // Any other context, or none, is refused to everyone; and nobody but the api role uses the key at all.
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: "Deny", Principal: { AWS: "*" }, Condition: { StringNotEquals: { "kms:EncryptionContext:member": member } } }),
      );
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: "Deny", Principal: { AWS: "*" }, Condition: { StringNotEquals: { "aws:PrincipalArn": [roleArn(config, "api")] } } }),
      );
    }
  });

  it("gives the account key administration through IAM, but no kms:*, no grants and no use of the key", () => {
    for (const key of Object.values(template.findResources("AWS::KMS::Key")) as KeyResource[]) {
      for (const statement of key.Properties.KeyPolicy.Statement.filter((s) => s.Effect === "Allow")) {
        expect(actions(statement)).not.toContain("kms:*");
        expect(actions(statement)).not.toContain("kms:CreateGrant");
        if (actions(statement).some((a) => CRYPTO.test(a))) expect(statement.Condition?.StringEquals?.["aws:PrincipalArn"]).toBeDefined();
      }
      const admin = key.Properties.KeyPolicy.Statement.find((s) => s.Sid === "KeyAdministrationThroughIam");
      expect(admin?.Action).toEqual(KEY_ADMIN_ACTIONS);
      expect(KEY_ADMIN_ACTIONS.filter((a) => CRYPTO.test(a))).toEqual([]);
    }
  });

  it("makes HMAC_256 keys for person tags that only the api role may use, for GenerateMac only", () => {
    for (const member of config.members) {
      const key = keyOf(template, member, "signal-key");
      expect(key.Properties.KeySpec).toBe("HMAC_256");
      expect(key.Properties.KeyUsage).toBe("GENERATE_VERIFY_MAC");
      expect(key.DeletionPolicy).toBe("Retain");
      const allows = key.Properties.KeyPolicy.Statement.filter((s) => s.Effect === "Allow" && actions(s).some((a) => CRYPTO.test(a)));
      expect(allows.map((s) => [actions(s), s.Condition])).toEqual([[["kms:GenerateMac"], { StringEquals: { "aws:PrincipalArn": [roleArn(config, "api")] } }]]);
    }
  });

  it("adds a member's keys, aliases and grants when the configuration gains a member", () => {
    const grown = synth({ ...config, members: [...config.members, "nieuw-lid"] });
    grown.resourceCountIs("AWS::KMS::Key", 2 * (config.members.length + 1) + 1);
    grown.hasResourceProperties("AWS::KMS::Alias", { AliasName: "alias/meldpunt/nieuw-lid" });
    grown.hasResourceProperties("AWS::KMS::Alias", { AliasName: "alias/meldpunt/nieuw-lid-signaal" });
    const key = keyOf(grown, "nieuw-lid", "member-key");
    expect(key.Properties.KeyPolicy.Statement.find((s) => s.Effect === "Allow" && s.Condition)?.Condition?.StringEquals?.["kms:EncryptionContext:member"]).toBe("nieuw-lid");
  });
});

describe("StatefulStack: blob bucket and secrets", () => {
  const config = loadRegionConfig();
  let template: Template;
  beforeAll(() => {
    template = synth(config);
  });

  it("encrypts with its own KMS key, blocks public access, keeps versions for a while and is retained", () => {
    const keys = template.findResources("AWS::KMS::Key", { Properties: { Description: Match.stringLikeRegexp("blob bucket") } });
    const [blobKey] = Object.keys(keys);
    template.hasResource("AWS::S3::Bucket", {
      DeletionPolicy: "Retain",
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: { "Fn::GetAtt": [blobKey, "Arn"] } } }],
        },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
        VersioningConfiguration: { Status: "Enabled" },
        LifecycleConfiguration: { Rules: [Match.objectLike({ Status: "Enabled", NoncurrentVersionExpiration: { NoncurrentDays: NONCURRENT_BLOB_DAYS }, ExpiredObjectDeleteMarker: true })] },
      },
    });
    // The blob key is used only through S3, only by the api role.
    const blob = Object.values(keys)[0] as KeyResource;
    const use = blob.Properties.KeyPolicy.Statement.filter((s) => s.Effect === "Allow" && actions(s).some((a) => CRYPTO.test(a)));
    expect(use).toHaveLength(1);
    expect(use[0]?.Condition?.StringEquals).toEqual({
      "aws:PrincipalArn": [roleArn(config, "api")],
      "kms:ViaService": { "Fn::Join": ["", ["s3.", { Ref: "AWS::Region" }, ".amazonaws.com"]] },
    });
  });

  it("refuses every request that is not TLS 1.2 or later", () => {
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Action: "s3:*", Principal: { AWS: "*" }, Condition: { Bool: { "aws:SecureTransport": "false" } } }),
          Match.objectLike({ Effect: "Deny", Action: "s3:*", Principal: { AWS: "*" }, Condition: { NumericLessThan: { "s3:TlsVersion": 1.2 } } }),
        ]),
      },
    });
  });

  it("generates four retained secrets that read as 32 bytes of base64url: submission, audit, session and origin keys", () => {
    const secrets = template.findResources("AWS::SecretsManager::Secret");
    expect(Object.keys(secrets).map((id) => id.replace(/[0-9A-F]{8}$/, "")).sort()).toEqual(["AuditKey", "OriginKey", "SessionKey", "SubmissionKey"]);
    for (const secret of Object.values(secrets)) {
      expect(secret.DeletionPolicy).toBe("Retain");
      expect(secret.Properties.GenerateSecretString).toEqual({ PasswordLength: 43, ExcludePunctuation: true, IncludeSpace: false, RequireEachIncludedType: false });
    }
    // What Secrets Manager makes (43 of [A-Za-z0-9]) is what the functions decode (Buffer.from(…, "base64url")).
    expect(Buffer.from("Zz9".repeat(14).concat("Q"), "base64url")).toHaveLength(32);
  });
});
