// The CDK app (cdk.json "app"). Synthesises with no AWS credentials and no network: the region comes from the region's
// configuration (infra/regions/<name>.json, `-c region=<name>`, the demo region by default), the account from the
// deploying profile (CDK_DEFAULT_ACCOUNT) or, offline, stays a deploy-time value. `pnpm synth` writes cdk.out/.
//
// The functions are bundled first (bench/bundle.ts, the same bundle the benchmarks measure) and the static assets built
// (@meldpunt/web/assets, as the local runner serves them); the stacks deploy exactly those files.
import { buildAssets } from "@meldpunt/web/assets";
import { App } from "aws-cdk-lib";
import { buildHubCode } from "../src/bundles";
import { buildHub } from "../src/hub-app";
import { loadRegionConfig } from "../src/region-config";

const app = new App();
const [code, staticAssets] = await Promise.all([buildHubCode(), buildAssets()]);
buildHub(app, loadRegionConfig(app.node.tryGetContext("region")), { account: process.env.CDK_DEFAULT_ACCOUNT, code, staticAssets });
app.synth();
