// S3 and SES v2 over real HTTP on 127.0.0.1, for the adapters that call them with signed fetch (packages/blobs,
// packages/mailer, the job Lambdas; docs/decisions.md 42). It plays the few requests they make, answers as the services
// do (status codes, S3's XML and SES's JSON error bodies as AWS documents them), and checks every request's SigV4
// signature with the secret key, as AWS would: what it refuses is listed in `refused`, which tests expect empty.
import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const STAND_IN_CREDENTIALS = { accessKeyId: "AKIDSTANDIN", secretAccessKey: "stand-in-secret", sessionToken: "stand-in-session-token" };

export interface StandInRequest {
  method: string;
  /** Path-style: `/<bucket>/<key>` for S3, `/v2/email/outbound-emails` for SES. */
  path: string;
  service: "s3" | "ses";
  headers: IncomingMessage["headers"];
  body: Buffer;
}

/** An answer to play instead of serving the request: an AWS error, or (`cut`) a 200 whose body breaks off. */
export type Fault = { status: number; code: string; message?: string } | { cut: true };

export interface AwsStandIn {
  /** For AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL_SESV2. */
  endpoint: string;
  /** Every request that reached it, in order. */
  requests: StandInRequest[];
  /** Why a request was refused (403), e.g. a wrong signature; empty when every request was properly signed. */
  refused: string[];
  /** S3's objects by `<bucket>/<key>`. */
  objects: Map<string, Buffer>;
  /** The SendEmail requests SES accepted, as sent (JSON). */
  mails: SendEmailRequest[];
  /** The next requests get these answers, one each, before it serves again. */
  fail(...faults: Fault[]): void;
  close(): Promise<void>;
}

export interface SendEmailRequest {
  FromEmailAddress: string;
  Destination: { ToAddresses: string[] };
  Content: { Simple: { Subject: { Data: string; Charset: string }; Body: { Text: { Data: string; Charset: string } } } };
  ConfigurationSetName?: string;
}

export interface StandInOptions {
  region: string;
  /** The buckets that exist; any other is S3's 404 NoSuchBucket. */
  buckets: string[];
  /** Expected on every request as `x-amz-security-token` (Lambda's credentials always have one); none when false. */
  sessionToken?: string | false;
}

/** What a function's environment holds for the adapters to find this stand-in (functions/api/src/aws-fetch.ts). */
export function standInEnv(standIn: Pick<AwsStandIn, "endpoint">, region: string) {
  return {
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: STAND_IN_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: STAND_IN_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: STAND_IN_CREDENTIALS.sessionToken,
    AWS_ENDPOINT_URL_S3: standIn.endpoint,
    AWS_ENDPOINT_URL_SESV2: standIn.endpoint,
  };
}

const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();
const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/** SigV4 as AWS checks it: the credential scope, the signed headers and the signature over the canonical request. */
function signatureProblem(request: StandInRequest, region: string, sessionToken: string | undefined): string | undefined {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
    String(request.headers.authorization ?? ""),
  );
  if (!auth) return "no AWS4-HMAC-SHA256 Authorization header";
  const [, keyId, day, scopeRegion, service, signedHeaders = "", signature] = auth;
  if (keyId !== STAND_IN_CREDENTIALS.accessKeyId) return `unknown access key ${keyId}`;
  if (scopeRegion !== region || service !== request.service) return `scope ${scopeRegion}/${service}, expected ${region}/${request.service}`;
  const date = String(request.headers["x-amz-date"] ?? "");
  if (!/^\d{8}T\d{6}Z$/.test(date) || !date.startsWith(String(day))) return "x-amz-date missing or not the credential's day";
  const signed = signedHeaders.split(";");
  const required = ["host", "x-amz-date", ...(request.service === "s3" ? ["x-amz-content-sha256"] : []), ...(sessionToken ? ["x-amz-security-token"] : [])];
  for (const header of required) if (!signed.includes(header)) return `${header} is not signed`;
  if (sessionToken && request.headers["x-amz-security-token"] !== sessionToken) return "wrong or missing x-amz-security-token";
  if (!sessionToken && request.headers["x-amz-security-token"]) return "unexpected x-amz-security-token";
  // S3 signs the payload hash it is given and refuses a body that does not match it; SES hashes the body itself.
  const payload = request.service === "s3" ? String(request.headers["x-amz-content-sha256"]) : sha256(request.body);
  if (payload !== sha256(request.body)) return "x-amz-content-sha256 is not the body's SHA-256";
  const canonical = [request.method, request.path, "", ...signed.map((h) => `${h}:${String(request.headers[h] ?? "").trim()}`), "", signedHeaders, payload].join("\n");
  const toSign = ["AWS4-HMAC-SHA256", date, `${day}/${region}/${service}/aws4_request`, sha256(canonical)].join("\n");
  const key = [String(day), region, String(service), "aws4_request"].reduce(hmac, Buffer.from(`AWS4${STAND_IN_CREDENTIALS.secretAccessKey}`));
  return hmac(key, toSign).toString("hex") === signature ? undefined : "signature does not match";
}

function xmlError(res: ServerResponse, status: number, code: string, message: string): ServerResponse {
  res.writeHead(status, { "content-type": "application/xml" });
  return res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>R</RequestId><HostId>H</HostId></Error>`);
}

/** SES v2 (restJson1): the error type in `x-amzn-ErrorType`, the message in the body. */
function jsonError(res: ServerResponse, status: number, code: string, message: string): ServerResponse {
  res.writeHead(status, { "content-type": "application/json", "x-amzn-errortype": `${code}:http://internal.amazon.com/coral/com.amazonaws.sesv2/` });
  return res.end(JSON.stringify({ message }));
}

export async function startAwsStandIn({ region, buckets, sessionToken = STAND_IN_CREDENTIALS.sessionToken }: StandInOptions): Promise<AwsStandIn> {
  const requests: StandInRequest[] = [];
  const refused: string[] = [];
  const objects = new Map<string, Buffer>();
  const mails: SendEmailRequest[] = [];
  const faults: Fault[] = [];

  function s3(req: StandInRequest, res: ServerResponse): ServerResponse {
    const [, bucket = "", ...rest] = req.path.split("/");
    const name = `${bucket}/${rest.join("/")}`;
    if (!buckets.includes(bucket)) return xmlError(res, 404, "NoSuchBucket", "The specified bucket does not exist");
    if (req.method === "PUT") {
      if (req.headers["if-none-match"] === "*" && objects.has(name)) {
        return xmlError(res, 412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
      }
      objects.set(name, req.body);
      res.writeHead(200, { etag: `"${createHash("md5").update(req.body).digest("hex")}"` });
      return res.end();
    }
    if (req.method === "GET") {
      const object = objects.get(name);
      if (!object) return xmlError(res, 404, "NoSuchKey", "The specified key does not exist.");
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": object.length });
      return res.end(object);
    }
    if (req.method === "DELETE") {
      objects.delete(name);
      res.writeHead(204);
      return res.end();
    }
    return xmlError(res, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
  }

  function ses(req: StandInRequest, res: ServerResponse): ServerResponse {
    if (req.method !== "POST" || req.path !== "/v2/email/outbound-emails") return jsonError(res, 404, "NotFoundException", "Not found");
    mails.push(JSON.parse(req.body.toString("utf8")) as SendEmailRequest);
    res.writeHead(200, { "content-type": "application/json" });
    return res.end(JSON.stringify({ MessageId: `m-${mails.length}` }));
  }

  function serve(req: StandInRequest, res: ServerResponse): ServerResponse {
    const problem = signatureProblem(req, region, sessionToken || undefined);
    if (problem) {
      refused.push(`${req.method} ${req.path}: ${problem}`);
      return req.service === "s3" ? xmlError(res, 403, "SignatureDoesNotMatch", problem) : jsonError(res, 403, "SignatureDoesNotMatch", problem);
    }
    const fault = faults.shift();
    if (fault && "cut" in fault) {
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": 1000 });
      res.write(Buffer.alloc(10));
      res.socket?.destroy();
      return res;
    }
    if (fault) {
      const message = fault.message ?? fault.code;
      return req.service === "s3" ? xmlError(res, fault.status, fault.code, message) : jsonError(res, fault.status, fault.code, message);
    }
    return req.service === "s3" ? s3(req, res) : ses(req, res);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "/";
      const request: StandInRequest = { method: req.method ?? "", path, service: path.startsWith("/v2/email/") ? "ses" : "s3", headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(request);
      serve(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    refused,
    objects,
    mails,
    fail: (...more) => void faults.push(...more),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
