import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.{ts,tsx}", "functions/*/test/**/*.test.{ts,tsx}", "web/test/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}", "infra/test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
  esbuild: { jsx: "automatic", jsxImportSource: "hono/jsx" },
});
