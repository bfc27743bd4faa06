// The CDK app (cdk.json "app"). Env-agnostic: synthesises with no AWS credentials and no network; the account and
// region come from the deploying profile. `pnpm synth` writes cdk.out/.
import { App } from "aws-cdk-lib";
import { StatefulStack } from "../src/stateful-stack";

const app = new App();

new StatefulStack(app, "Meldpunt-Stateful", {
  description: "Gemeenschappelijk Meldpunt: stateful resources (the hub table)",
  terminationProtection: true,
});

app.synth();
