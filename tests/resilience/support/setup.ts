import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { fingerprintWith } from "../../helpers/fingerprint";
import { startApp, type AppServer } from "./app-server";
import { clusterRunning, clusterUrl, controlCluster, type ClusterInfo } from "./cluster";

export const ADMIN = { email: "admin@iemaksas.example", name: "Demo administrators" };
export const VIEWER = { email: "skatitajs@iemaksas.example", name: "Demo skatītājs" };

/** The first of this run's ports for `next start` (RESILIENCE_PORT_BASE, default 3330); `offset` picks one. */
export const appPort = (offset: number) => Number(process.env.RESILIENCE_PORT_BASE ?? 3330) + offset;

export interface Stage {
  cluster: ClusterInfo;
  databaseUrl: string;
  /** One connection of the test's own to the app's database (fingerprints, versions). */
  sql: () => postgres.Sql;
  apps: AppServer[];
  /** The demo accounts' password in this run. */
  password: string;
  /** AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, shared by every instance of the file. */
  env: Record<string, string>;
  fingerprint: () => Promise<Record<string, string>>;
}

/**
 * A fresh database on the private cluster and `instances` app servers on it, for one test file; all
 * stopped and dropped afterwards, with PostgreSQL running again whatever the tests left it in.
 */
export function stage(database: string, ports: number[], env: Record<string, string> = {}): Stage {
  const cluster = inject("cluster");
  const admin = () => postgres(clusterUrl(cluster), { max: 1, onnotice: () => {} });
  let client: postgres.Sql | null = null;
  const result: Stage = {
    cluster,
    databaseUrl: clusterUrl(cluster, database),
    sql: () => (client ??= postgres(clusterUrl(cluster, database), { max: 1, onnotice: () => {} })),
    apps: [],
    password: `resilience-${randomBytes(9).toString("base64url")}`,
    env: {
      AUTH_SECRET: randomBytes(33).toString("base64"),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      ...env,
    },
    fingerprint: () => fingerprintWith((query) => result.sql().unsafe<{ f: string }[]>(query)),
  };
  beforeAll(async () => {
    const sql = admin();
    await sql.unsafe(`drop database if exists "${database}" with (force)`);
    await sql.unsafe(`create database "${database}"`);
    await sql.end();
    // One at a time: the first start builds the app when the build is stale, the others reuse it.
    for (const port of ports) {
      result.apps.push(await startApp({ port, databaseUrl: result.databaseUrl, env: { DEMO_PASSWORD: result.password, ...result.env } }));
    }
  });
  afterAll(async () => {
    if (!clusterRunning(cluster)) await controlCluster(cluster, "start");
    await Promise.all(result.apps.map((app) => app.stop()));
    await client?.end({ timeout: 5 });
    const sql = admin();
    await sql.unsafe(`drop database if exists "${database}" with (force)`);
    await sql.end();
  });
  return result;
}
