import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:resilience`: PostgreSQL stopped and restarted under the production build (SECURITY.md 24,
// 25) and two app instances on one database. Slow and disruptive, so not part of `npm run test:unit`
// (vitest.config.mts includes *.test.ts only). The files share one private PostgreSQL cluster and the
// machine's cores: one file at a time.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty.ts"),
    },
  },
  test: {
    include: ["tests/resilience/**/*.resilience.ts"],
    globalSetup: ["./tests/resilience/support/global-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    // The first app start of a run builds the production build when it is stale.
    hookTimeout: 400_000,
  },
});
