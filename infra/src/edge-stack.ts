// The web ACL in front of CloudFront. A WAF for CloudFront must live in us-east-1, so it is a stack of its own there;
// the stateless stack (in the region's AWS region) gets its ARN through CDK's cross-region references.
//
// What it does (DESIGN §3: "an edge rate limit in the cloud"): a per-address rate limit on all requests and a
// stricter one on POSTs (report forms, receipt codes), and AWS's managed rules against common exploits and known bad
// inputs and addresses. What it does NOT do: block anonymising networks (the AnonymousIpList group would lock out Tor
// Browser, which reporters must be able to use), log requests, or keep sampled requests (a sample holds the client's
// address for hours). Only counts reach CloudWatch.
import { Stack, type StackProps } from "aws-cdk-lib";
import { CfnWebACL } from "aws-cdk-lib/aws-wafv2";
import type { Construct } from "constructs";
import type { RegionConfig } from "./region-config";

/** Requests per address per 5 minutes before WAF blocks that address (every page, asset and form post counts). */
export const RATE_LIMIT_ALL = 1000;
/** POSTs per address per 5 minutes: far above anyone filing reports or following one up, far below a flood. */
export const RATE_LIMIT_POST = 100;
/** Managed rule groups, in order. Not AWSManagedRulesAnonymousIpList (Tor, VPNs): see above. */
export const MANAGED_RULE_GROUPS = ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList"];
/**
 * Rules of the common rule set that only count: a report's text and files are legitimately large (SizeRestrictions_BODY
 * blocks bodies over 8 KB; a description may be 20,000 characters and files 10 MB) and may quote markup or a script
 * a reporter received (CrossSiteScripting_BODY); the app escapes everything it shows.
 */
export const COUNT_ONLY_RULES = ["SizeRestrictions_BODY", "CrossSiteScripting_BODY"];

export interface EdgeStackProps extends StackProps {
  config: RegionConfig;
}

export class EdgeStack extends Stack {
  public readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const metricsOnly = (name: string): CfnWebACL.VisibilityConfigProperty => ({
      metricName: `meldpunt-${props.config.id}-${name}`,
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: false,
    });
    const managed = (name: string, priority: number): CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: "AWS",
          name,
          ...(name === "AWSManagedRulesCommonRuleSet" ? { ruleActionOverrides: COUNT_ONLY_RULES.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
        },
      },
      visibilityConfig: metricsOnly(name),
    });

    this.webAcl = new CfnWebACL(this, "WebAcl", {
      name: `meldpunt-${props.config.id}`,
      description: "Meldpunt rate limits and managed rules in front of CloudFront, no logging and no sampled requests",
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      visibilityConfig: metricsOnly("web-acl"),
      rules: [
        {
          name: "RateLimitPerAddress",
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: RATE_LIMIT_ALL, evaluationWindowSec: 300, aggregateKeyType: "IP" } },
          visibilityConfig: metricsOnly("rate-all"),
        },
        {
          name: "RateLimitPostsPerAddress",
          priority: 1,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: RATE_LIMIT_POST,
              evaluationWindowSec: 300,
              aggregateKeyType: "IP",
              scopeDownStatement: {
                byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: "EXACTLY", searchString: "POST", textTransformations: [{ priority: 0, type: "NONE" }] },
              },
            },
          },
          visibilityConfig: metricsOnly("rate-post"),
        },
        ...MANAGED_RULE_GROUPS.map((name, i) => managed(name, 10 + i)),
      ],
    });
  }
}
