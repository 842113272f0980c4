import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The process runs in UTC; tests that need another zone set the spreadsheet's zone explicitly.
    env: { TZ: "UTC" },
  },
});
