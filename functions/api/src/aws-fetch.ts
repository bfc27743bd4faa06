// The services the functions call without an AWS SDK client, over fetch signed by aws4fetch (S3 for attachments, SES v2
// for notices; docs/decisions.md 42): their settings as Lambda puts them in the environment. Read when an adapter is built.
import { AwsClient } from "aws4fetch";
import * as z from "zod/mini";

const text = z.string().check(z.minLength(1));

const AwsEnv = z.object({
  AWS_REGION: text,
  // The function role's temporary credentials; Lambda sets all three.
  AWS_ACCESS_KEY_ID: text,
  AWS_SECRET_ACCESS_KEY: text,
  AWS_SESSION_TOKEN: z.optional(text),
  // A stand-in for the service (tests, local runs), as the SDK's service-specific endpoint variables.
  AWS_ENDPOINT_URL_S3: z.optional(z.url()),
  AWS_ENDPOINT_URL_SESV2: z.optional(z.url()),
});

/**
 * Retries after the first try: two, as the SDK's default of three attempts, for a 5xx or 429 answer only (aws4fetch
 * retries nothing else: a network error fails at once), after a random wait of up to 100, then 200 ms.
 */
const RETRIES = 2;
const FIRST_RETRY_MS = 100;

export interface AwsService {
  client: AwsClient;
  region: string;
  endpoint?: string;
}

/** A signing client for `service`, its region and its endpoint override; throws naming what is missing, never a value. */
export function awsService(env: Record<string, string | undefined>, service: "S3" | "SESV2"): AwsService {
  const parsed = z.safeParse(AwsEnv, env);
  if (!parsed.success) throw new Error(`AWS settings missing or malformed: ${parsed.error.issues.map((issue) => String(issue.path[0])).join(", ")}`);
  const e = parsed.data;
  const client = new AwsClient({
    accessKeyId: e.AWS_ACCESS_KEY_ID,
    secretAccessKey: e.AWS_SECRET_ACCESS_KEY,
    ...(e.AWS_SESSION_TOKEN ? { sessionToken: e.AWS_SESSION_TOKEN } : {}),
    retries: RETRIES,
    initRetryMs: FIRST_RETRY_MS,
  });
  const endpoint = e[`AWS_ENDPOINT_URL_${service}`];
  return { client, region: e.AWS_REGION, ...(endpoint ? { endpoint } : {}) };
}
