import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeDb, db } from "@/db";
import { clusterRunning, clusterUrl, controlCluster, stopClusterBlocking } from "./support/cluster";

/**
 * The app's pool (db/index.ts) after PostgreSQL went away under it with queries in flight: every query
 * answers quickly again once PostgreSQL is back. postgres.js 3.4.9 alone leaves the connections whose
 * socket died with a write pending unable to reconnect (each use a 5 s CONNECT_TIMEOUT, for good), and waits
 * up to 20 s between reconnects; db/index.ts replaces such a pool and caps the wait.
 */
const cluster = inject("cluster");
const DATABASE = "resilience_pool";

async function admin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const client = postgres(clusterUrl(cluster), { max: 1, onnotice: () => {} });
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin((s) => s.unsafe(`create database "${DATABASE}"`));
  process.env.DATABASE_URL = clusterUrl(cluster, DATABASE);
  await closeDb();
});
afterAll(async () => {
  await closeDb();
  if (!clusterRunning(cluster)) await controlCluster(cluster, "start");
  await admin((s) => s.unsafe(`drop database if exists "${DATABASE}" with (force)`));
});

async function timed(): Promise<{ ms: number; error: string | null }> {
  const started = Date.now();
  try {
    await db.execute(sql`select pg_sleep(0.02)`);
    return { ms: Date.now() - started, error: null };
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    return { ms: Date.now() - started, error: e.cause?.code ?? e.code ?? "error" };
  }
}

describe("the app's pool when PostgreSQL goes away and comes back", () => {
  it("answers every query quickly once PostgreSQL is back", async () => {
    // Open all ten connections, then stop PostgreSQL and send queries into the dying connections before
    // the pool has seen them close (a busy server's event loop).
    expect((await Promise.all(Array.from({ length: 10 }, timed))).every((r) => r.error === null)).toBe(true);
    stopClusterBlocking(cluster, "fast");
    const down = [...(await Promise.all(Array.from({ length: 10 }, timed))), await timed(), await timed()];
    expect(down.every((r) => r.error !== null)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await controlCluster(cluster, "start");

    // One query at a time, so that each lands on whichever connection the pool hands out next.
    const back: { ms: number; error: string | null }[] = [];
    for (let i = 0; i < 20; i++) back.push(await timed());
    const burst = await Promise.all(Array.from({ length: 20 }, timed));
    console.log(
      `pool recovery: while down ${down.map((r) => `${r.error} ${r.ms} ms`).join(", ")}\n` +
        `  back, one by one: ${back.map((r) => (r.error ? `${r.error} ${r.ms} ms` : `${r.ms} ms`)).join(", ")}\n` +
        `  back, 20 at once: max ${Math.max(...burst.map((r) => r.ms))} ms, errors ${burst.filter((r) => r.error).length}`,
    );
    // The first query may still meet the old pool's last broken connection; after it, none fails.
    expect(back.slice(1).filter((r) => r.error)).toEqual([]);
    expect(Math.max(...back.map((r) => r.ms))).toBeLessThan(4_000);
    expect(burst.filter((r) => r.error)).toEqual([]);
  });
});
