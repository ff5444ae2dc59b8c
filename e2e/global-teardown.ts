import { rm } from "node:fs/promises";

/** Removes this run's embedded database folder; a PostgreSQL run leaves its database to .ci/run. */
export default async function globalTeardown() {
  const dir = process.env.E2E_PGLITE_DIR;
  if (dir) await rm(dir, { recursive: true, force: true });
}
