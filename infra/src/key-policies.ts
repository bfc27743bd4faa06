// Key policies written out in full, not CDK's default (which gives the account `kms:*` and so lets any IAM principal
// with a broad policy use the key). Administration stays with the account (through IAM), use is only for the named
// function roles, and a Deny keeps it so even if someone later adds an Allow by mistake.
import { AccountRootPrincipal, AnyPrincipal, Effect, PolicyDocument, PolicyStatement } from "aws-cdk-lib/aws-iam";

/**
 * What an administrator may do with a key: look, describe, tag, rotate, enable and disable, change the policy, and
 * schedule or cancel deletion. Not `kms:CreateGrant` (a grant would hand its use to another principal around this
 * policy) and no cryptographic operation.
 */
export const KEY_ADMIN_ACTIONS = [
  "kms:CancelKeyDeletion",
  "kms:CreateAlias",
  "kms:DeleteAlias",
  "kms:DescribeKey",
  "kms:DisableKey",
  "kms:DisableKeyRotation",
  "kms:EnableKey",
  "kms:EnableKeyRotation",
  "kms:GetKeyPolicy",
  "kms:GetKeyRotationStatus",
  "kms:ListAliases",
  "kms:ListGrants",
  "kms:ListKeyPolicies",
  "kms:ListKeyRotations",
  "kms:ListResourceTags",
  "kms:PutKeyPolicy",
  "kms:RevokeGrant",
  "kms:RotateKeyOnDemand",
  "kms:ScheduleKeyDeletion",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:UpdateAlias",
  "kms:UpdateKeyDescription",
];

/** Every operation that uses a symmetric key's material. */
const SYMMETRIC_USE = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"];
/** Every operation that uses an HMAC key's material. */
const MAC_USE = ["kms:GenerateMac", "kms:VerifyMac"];

function administration(): PolicyStatement {
  return new PolicyStatement({
    sid: "KeyAdministrationThroughIam",
    principals: [new AccountRootPrincipal()],
    actions: KEY_ADMIN_ACTIONS,
    resources: ["*"],
  });
}

/** Nobody but `roleArns` uses the key's material, whatever else a policy or an IAM policy says. */
function denyEveryoneElse(actions: string[], roleArns: string[]): PolicyStatement {
  return new PolicyStatement({
    sid: "DenyUseByAnyoneButTheHubsFunctions",
    effect: Effect.DENY,
    principals: [new AnyPrincipal()],
    actions,
    resources: ["*"],
    conditions: { StringNotEquals: { "aws:PrincipalArn": roleArns } },
  });
}

/**
 * A member's key (envelope encryption, docs/decisions.md 12, DESIGN §3): the hub's function roles may generate and
 * unwrap data keys only with `kms:EncryptionContext:member` equal to this member; any other context (or none) is
 * refused to everyone. A data key wrapped for one member can so never be asked for under another member's key, and a
 * bug that names the wrong member in the context fails at KMS.
 */
export function memberKeyPolicy(member: string, roleArns: string[]): PolicyDocument {
  return new PolicyDocument({
    statements: [
      administration(),
      new PolicyStatement({
        sid: "HubFunctionsUseUnderThisMembersContext",
        principals: [new AccountRootPrincipal()],
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: ["*"],
        conditions: { StringEquals: { "aws:PrincipalArn": roleArns, "kms:EncryptionContext:member": member } },
      }),
      new PolicyStatement({
        sid: "DenyUseUnderAnyOtherContext",
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: SYMMETRIC_USE,
        resources: ["*"],
        conditions: { StringNotEquals: { "kms:EncryptionContext:member": member } },
      }),
      denyEveryoneElse(SYMMETRIC_USE, roleArns),
    ],
  });
}

/**
 * A member's HMAC key for person tags (docs/decisions.md 30): GenerateMac only. MAC operations take no encryption
 * context; the key itself is the member's, so a tag made under it means nothing under another member's key.
 */
export function signalKeyPolicy(roleArns: string[]): PolicyDocument {
  return new PolicyDocument({
    statements: [
      administration(),
      new PolicyStatement({
        sid: "HubFunctionsGenerateMac",
        principals: [new AccountRootPrincipal()],
        actions: ["kms:GenerateMac"],
        resources: ["*"],
        conditions: { StringEquals: { "aws:PrincipalArn": roleArns } },
      }),
      denyEveryoneElse(MAC_USE, roleArns),
    ],
  });
}

/** The blob bucket's SSE-KMS key: used only through S3, only by the hub's functions that store and read attachments. */
export function blobKeyPolicy(roleArns: string[], s3Service: string): PolicyDocument {
  return new PolicyDocument({
    statements: [
      administration(),
      new PolicyStatement({
        sid: "HubFunctionsUseThroughS3",
        principals: [new AccountRootPrincipal()],
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: ["*"],
        conditions: { StringEquals: { "aws:PrincipalArn": roleArns, "kms:ViaService": s3Service } },
      }),
      denyEveryoneElse(SYMMETRIC_USE, roleArns),
    ],
  });
}
