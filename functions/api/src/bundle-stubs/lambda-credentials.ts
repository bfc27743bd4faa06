// Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (bench/bundle.ts `alias`). Lambda hands a
// function its role's credentials in the environment, the first link of the SDK's default chain; the rest of that
// chain (SSO, ini files, web identity, process, IMDS, with their own STS/SSO clients: ~100 KiB) never runs there.
import { fromEnv } from "@aws-sdk/credential-provider-env";

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
