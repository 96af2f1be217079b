import path from "node:path";
import { defineConfig } from "vitest/config";

// Inline projects inherit this root config (vitest 5), the "@" alias included.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "tests/e2e/**/*.test.ts"],
          // One real Postgres and one running app for all integration files.
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/database-env.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
