// The Lambda entry: the same app as everywhere, wrapped by hono's adapter and middy for Lambda concerns.
// Nothing is constructed at module load: the first invocation builds the handler (and tests can build their own).
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import type { Context } from "aws-lambda";
import { handle, type LambdaEvent } from "hono/aws-lambda";
import { createApp } from "./app";
import { cloudDeps } from "./cloud-deps";

export function buildHandler(env: NodeJS.ProcessEnv) {
  const logger = new Logger({ serviceName: "meldpunt-api" });
  let app: ReturnType<typeof createApp> | undefined;
  const appHandler = (event: LambdaEvent, context: Context) => {
    app ??= createApp(cloudDeps(env, logger));
    return handle(app)(event, context);
  };
  return middy(appHandler).use(injectLambdaContext(logger, { resetKeys: true }));
}

let built: ReturnType<typeof buildHandler> | undefined;

export const handler = (event: LambdaEvent, context: Context) => {
  built ??= buildHandler(process.env);
  return built(event, context);
};
