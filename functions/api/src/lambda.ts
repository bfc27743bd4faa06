// The Lambda entry: the same app as everywhere, wrapped by hono's adapter and middy for Lambda concerns.
// Nothing is constructed at module load: the first invocation builds the handler (and tests can build their own).
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { createRandomIds, createReceiptCodes } from "@meldpunt/crypto";
import middy from "@middy/core";
import type { Context } from "aws-lambda";
import { handle, type LambdaEvent } from "hono/aws-lambda";
import { type AppDeps, createApp } from "./app";
import { lazyPort } from "./lazy-port";

export function buildHandler(env: Record<string, string | undefined>) {
  const logger = new Logger({ serviceName: "meldpunt-api" });
  // The AWS SDK adapters are a separate chunk of the bundle, loaded once, by the first request that needs them.
  let adapters: Promise<Pick<AppDeps, "cases" | "region" | "sealer">> | undefined;
  const load = () => (adapters ??= import("./cloud-deps").then((m) => m.cloudAdapters(env)));
  const app = createApp({
    cases: lazyPort(async () => (await load()).cases),
    region: lazyPort(async () => (await load()).region),
    sealer: lazyPort(async () => (await load()).sealer),
    receipts: createReceiptCodes(),
    ids: createRandomIds(),
    clock: { now: () => new Date() },
    logger,
  });
  const appHandler = (event: LambdaEvent, context: Context) => handle(app)(event, context);
  return middy(appHandler).use(injectLambdaContext(logger, { resetKeys: true }));
}

let built: ReturnType<typeof buildHandler> | undefined;

export const handler = (event: LambdaEvent, context: Context) => {
  built ??= buildHandler(process.env);
  return built(event, context);
};
