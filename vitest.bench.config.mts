import path from "node:path";
import { defineConfig } from "vitest/config";

// The bench's in-process part (tests/bench/*.perf.ts), started by scripts/bench-grid.ts against the bench
// database; `npm run test:unit` never sees it (vitest.config.mts includes *.test.ts only). The aliases of
// vitest.config.mts, but no per-file template databases (no globalSetup): the bench brings its own.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty.ts"),
    },
  },
  test: {
    include: ["tests/bench/**/*.perf.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 300_000,
    env: { CR_LOG_SILENT: "1" },
  },
});
