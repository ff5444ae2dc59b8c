import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests call the data layer directly.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    globalSetup: ["./tests/helpers/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    // The structured log lines are tested where they matter (tests/auth); elsewhere they are noise.
    env: { CR_LOG_SILENT: "1" },
    hookTimeout: 120_000,
  },
});
