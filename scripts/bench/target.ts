import { databaseUrl } from "../../tests/helpers/databases";

/** Where the stress data lives: its own database on DATABASE_URL's server, never the dev or test one. */
export interface BenchTarget {
  /** The server's URL as given (its database is only used to find the server). */
  serverUrl: string;
  name: string;
  url: string;
}

export const DEFAULT_BENCH_DATABASE = "cr_bench";

// Names the project's other databases use: a stress set written there would bury real or test rows.
const FORBIDDEN = /dev|test|e2e|prod|^postgres$|^template/i;

export function benchTarget(env: Record<string, string | undefined> = process.env): BenchTarget {
  const serverUrl = env.DATABASE_URL;
  if (!serverUrl) throw new Error("DATABASE_URL is required: the bench database is created on that PostgreSQL server");
  const name = env.BENCH_DATABASE || DEFAULT_BENCH_DATABASE;
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`BENCH_DATABASE ${JSON.stringify(name)}: lowercase letters, digits and _ only`);
  if (!name.includes("bench") || FORBIDDEN.test(name)) {
    throw new Error(`refusing to use database "${name}": the bench database must be named like *bench* and not like a dev/test one`);
  }
  return { serverUrl, name, url: databaseUrl(serverUrl, name) };
}
