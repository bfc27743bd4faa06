// A region's deployment configuration: who the members are and where the hub lives. One JSON file per region under
// infra/regions/ (the demo region's is west-friesland.json); `cdk synth -c region=<file name>` picks one, the demo by
// default. Adding a member here adds its KMS key, its HMAC key for person tags, their aliases and the grants to the
// hub's function roles on the next deploy. Removing one does NOT delete its keys (they are retained): offboarding is
// the runbook in docs/offboarding.md (export, then schedule key deletion).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { HUB_MEMBER_ID, MemberIdSchema, parseOrThrow } from "@meldpunt/domain";

export interface RegionConfig {
  /** Short id of the region deployment (lower case, digits, hyphens): in role names and the Cognito domain. */
  id: string;
  /** The hub's name as people see it (Cognito's e-mails, descriptions). */
  name: string;
  /** The AWS region of the stateful and stateless stacks (the WAF for CloudFront always lives in us-east-1). */
  awsRegion: string;
  /** The hub's own host name: HUB_URL is `https://<hubDomain>`, and Cognito's callback and logout URLs are under it. */
  hubDomain: string;
  /**
   * ACM certificate for `hubDomain` in us-east-1 (CloudFront's region). Without it the distribution answers only on
   * its `*.cloudfront.net` name: fine for a first look, not for real use (links and login point at hubDomain).
   */
  certificateArn?: string;
  /** Prefix of the hosted login domain `https://<prefix>.auth.<awsRegion>.amazoncognito.com`. */
  cognitoDomainPrefix: string;
  /** The verified SES identity that deadline notices are sent from. */
  mailSender: string;
  /** Where alarms are mailed (an SNS e-mail subscription); none if absent. */
  alarmEmail?: string;
  /** Member ids of the region, the hub's own tenant `regio` included (it holds regional intake's cases). */
  members: string[];
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const AWS_REGION = /^[a-z]{2}(?:-[a-z]+)+-\d$/;
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,63}$/i;

/** Suffix of the alias of a member's HMAC key (`alias/meldpunt/<member>-signaal`): no member id may end in it. */
export const SIGNAL_KEY_SUFFIX = "-signaal";

/** Checks a configuration and returns it typed; every problem is named in one error. */
export function parseRegionConfig(input: unknown): RegionConfig {
  const problems: string[] = [];
  const c = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const text = (key: string, pattern?: RegExp, optional = false): string | undefined => {
    const value = c[key];
    if (value === undefined && optional) return undefined;
    if (typeof value !== "string" || value.length === 0 || (pattern && !pattern.test(value))) {
      problems.push(`${key}: ${JSON.stringify(value)} is not valid`);
      return undefined;
    }
    return value;
  };
  const id = text("id", SLUG);
  if (id && id.length > 30) problems.push("id: at most 30 characters (it goes into IAM role names)");
  const name = text("name");
  const awsRegion = text("awsRegion", AWS_REGION);
  const hubDomain = text("hubDomain", HOST);
  const certificateArn = text("certificateArn", /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/, true);
  const cognitoDomainPrefix = text("cognitoDomainPrefix", SLUG);
  const mailSender = text("mailSender", EMAIL);
  const alarmEmail = text("alarmEmail", EMAIL, true);

  const members = Array.isArray(c.members) ? c.members : [];
  if (!Array.isArray(c.members) || members.length === 0) problems.push("members: a non-empty list of member ids");
  const seen = new Set<string>();
  for (const member of members) {
    try {
      parseOrThrow(MemberIdSchema, member);
    } catch {
      problems.push(`members: ${JSON.stringify(member)} is not a member id`);
      continue;
    }
    if (seen.has(member)) problems.push(`members: ${member} appears twice`);
    if (member.endsWith(SIGNAL_KEY_SUFFIX)) problems.push(`members: ${member} ends in ${SIGNAL_KEY_SUFFIX}, the suffix of the HMAC keys' aliases`);
    seen.add(member);
  }
  if (members.length > 0 && !seen.has(HUB_MEMBER_ID)) problems.push(`members: the hub's own tenant ${HUB_MEMBER_ID} is missing (regional intake's key)`);
  if (members.length > MAX_MEMBERS) problems.push(`members: at most ${MAX_MEMBERS} (the api role's inline policy grows by two statements per member)`);

  if (problems.length > 0 || !id || !name || !awsRegion || !hubDomain || !cognitoDomainPrefix || !mailSender) {
    throw new Error(`invalid region configuration:\n- ${problems.join("\n- ")}`);
  }
  return {
    id,
    name,
    awsRegion,
    hubDomain,
    ...(certificateArn ? { certificateArn } : {}),
    cognitoDomainPrefix,
    mailSender,
    ...(alarmEmail ? { alarmEmail } : {}),
    members: [...seen],
  };
}

/**
 * IAM allows 10,240 characters of inline policy per role; each member adds a key-use and a MAC statement of roughly
 * 350 characters to the api role. A region beyond this needs the grants split over managed policies.
 */
export const MAX_MEMBERS = 20;

const REGIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "regions");

/** The demo region, the default of `pnpm synth`. */
export const DEFAULT_REGION = "west-friesland";

/** Reads `infra/regions/<name>.json`. */
export function loadRegionConfig(name: string = DEFAULT_REGION): RegionConfig {
  if (!SLUG.test(name)) throw new Error(`region ${JSON.stringify(name)}: a file name under infra/regions/ without .json`);
  return parseRegionConfig(JSON.parse(readFileSync(join(REGIONS_DIR, `${name}.json`), "utf8")));
}
