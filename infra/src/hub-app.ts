// The hub's stacks for one region, wired together; used by bin/hub.ts (the CDK app) and by the tests, so both
// synthesise the same thing. cdk-nag's AwsSolutions checks run on every synth of it.
import type { App } from "aws-cdk-lib";
import { AuthStack } from "./auth-stack";
import { EdgeStack } from "./edge-stack";
import { checkWithCdkNag } from "./nag";
import type { RegionConfig } from "./region-config";
import { StatefulStack } from "./stateful-stack";
import { type HubCode, type StaticAsset, StatelessStack } from "./stateless-stack";

export interface HubStacks {
  stateful: StatefulStack;
  auth: AuthStack;
  edge: EdgeStack;
  stateless: StatelessStack;
}

export interface HubAppOptions {
  /** The deploying account; undefined synthesises account-agnostic templates (offline, no credentials). */
  account?: string;
  /** The functions' code: `buildHubCode()` (the bundles) for the app; stand-ins where bundles are not under test. */
  code: HubCode;
  /** `buildAssets()` of @meldpunt/web: the files CloudFront serves from S3 under /assets/. */
  staticAssets: ReadonlyMap<string, StaticAsset>;
}

/**
 * CloudFront's web ACLs (and certificates) live in us-east-1 whatever the region of the rest. The stateless stack reads
 * the ACL's ARN with a weak reference (`Fn::GetStackOutput`, cdk.json "@aws-cdk/core:defaultCrossStackReferences"),
 * which crosses regions without exports or custom resources.
 */
export const EDGE_REGION = "us-east-1";

export function buildHub(app: App, config: RegionConfig, options: HubAppOptions): HubStacks {
  const env = { account: options.account, region: config.awsRegion };
  const description = (what: string) => `Gemeenschappelijk Meldpunt (${config.id}): ${what}`;

  const stateful = new StatefulStack(app, "Meldpunt-Stateful", {
    env,
    config,
    description: description("stateful resources (table, member keys, blob bucket, secrets)"),
    terminationProtection: true,
  });
  const auth = new AuthStack(app, "Meldpunt-Auth", {
    env,
    config,
    description: description("staff login (Cognito user pool, hosted login, the hub's OIDC client)"),
    terminationProtection: true,
  });
  const edge = new EdgeStack(app, "Meldpunt-Edge", {
    env: { account: options.account, region: EDGE_REGION },
    config,
    description: description("the web ACL in front of CloudFront (us-east-1)"),
  });
  const stateless = new StatelessStack(app, "Meldpunt-Stateless", {
    env,
    config,
    stateful,
    auth,
    webAclArn: edge.webAcl.attrArn,
    code: options.code,
    staticAssets: options.staticAssets,
    description: description("functions, HTTP API, schedule, CloudFront, alarms"),
  });

  checkWithCdkNag(app);
  return { stateful, auth, edge, stateless };
}
