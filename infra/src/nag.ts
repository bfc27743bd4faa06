// cdk-nag's AwsSolutions pack runs on every synth (`pnpm synth`, and the tests): any finding that is not acknowledged
// fails the synth. An acknowledgement names the rule (and, for rules with several findings per resource, the finding)
// and carries its reason; `acknowledge` refuses one without a real reason.
import { Validations } from "aws-cdk-lib";
import type { IConstruct } from "constructs";
import { AwsSolutionsChecks } from "cdk-nag";

export function checkWithCdkNag(app: IConstruct): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/** Acknowledges a cdk-nag finding on `scope` and everything under it, with the reason it does not apply here. */
export function acknowledge(scope: IConstruct, id: `AwsSolutions-${string}`, reason: string): void {
  if (reason.trim().length < 20) throw new Error(`acknowledging ${id} at ${scope.node.path} needs a reason`);
  Validations.of(scope).acknowledge({ id, reason });
}
