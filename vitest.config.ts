import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.{ts,tsx}", "functions/*/test/**/*.test.{ts,tsx}", "web/test/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}", "infra/test/**/*.test.ts"],
    testTimeout: 30_000,
    reporters: ["default", "./test/support/summary-reporter.ts"],
    hookTimeout: 60_000,
    // The SDK's notice that releases after January 2027 need Node 22 (see README, "Node versions").
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
