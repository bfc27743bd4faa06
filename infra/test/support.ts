// Test support: the hub's app with stand-ins for the bundles and the static assets, so that tests of the templates
// synthesise in well under a second. The bundles themselves are tested by deployed-bundle.test.ts.
import { readFileSync } from "node:fs";
import { App, type AppProps } from "aws-cdk-lib";
import { Code } from "aws-cdk-lib/aws-lambda";
import { buildHub, type HubStacks } from "../src/hub-app";
import { loadRegionConfig, type RegionConfig } from "../src/region-config";
import type { StaticAsset } from "../src/stateless-stack";

export const STAND_IN_ASSETS: ReadonlyMap<string, StaticAsset> = new Map([
  ["hub.css", { contentType: "text/css; charset=utf-8", body: "body{}" }],
  ["pow.js", { contentType: "text/javascript; charset=utf-8", body: "void 0;" }],
]);

/** cdk.json's context (the feature flags, the reference strength): what `pnpm synth` runs with. */
export const CDK_CONTEXT: Record<string, unknown> = JSON.parse(readFileSync(new URL("../../cdk.json", import.meta.url), "utf8")).context;

/**
 * An App as `pnpm synth` makes one, with cdk.json's context; the built-in CloudFormation validation (a WASM engine,
 * ~3 s to start) runs in `pnpm synth`, not here.
 */
export function testApp(props: AppProps = {}): App {
  return new App({ builtinCloudFormationValidation: false, ...props, context: { ...CDK_CONTEXT, ...props.context } });
}

/** The hub's stacks with stand-in code. */
export function standInHub(config: RegionConfig = loadRegionConfig(), appProps: AppProps = {}): { app: App; stacks: HubStacks } {
  const app = testApp(appProps);
  const code = Code.fromInline("export const handler = async () => ({ statusCode: 200 });");
  const stacks = buildHub(app, config, { code: { api: code, deadlineJob: code, retentionJob: code, statisticsJob: code }, staticAssets: STAND_IN_ASSETS });
  return { app, stacks };
}
