// API Gateway HTTP API (payload v2) events and a Lambda context, as the deployed function receives them.
import type { LambdaEvent } from "hono/aws-lambda";

/** `path` may carry a query (`/inloggen/terug?code=…`), which API Gateway passes on as `rawQueryString`. */
export function httpApiEvent(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): LambdaEvent {
  const [rawPath = path, rawQueryString = ""] = path.split(/\?(.*)/s);
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString,
    headers: { host: "meldpunt.example", accept: "text/html", ...init.headers },
    requestContext: {
      accountId: "123456789012",
      apiId: "api",
      domainName: "meldpunt.example",
      domainPrefix: "meldpunt",
      http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "192.0.2.1", userAgent: "test" },
      requestId: "req-1",
      routeKey: "$default",
      stage: "$default",
      time: "22/Nov/2026:12:00:00 +0000",
      timeEpoch: 1_795_867_200_000,
    },
    body: init.body,
    isBase64Encoded: false,
  } as unknown as LambdaEvent;
}

export function lambdaContext() {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: "meldpunt-api",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:meldpunt-api",
    memoryLimitInMB: "512",
    awsRequestId: "req-1",
    logGroupName: "/aws/lambda/meldpunt-api",
    logStreamName: "stream",
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
