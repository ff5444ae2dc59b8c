import type { TestProject } from "vitest/node";
import { createCluster, destroyCluster, type ClusterInfo } from "./cluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** The private PostgreSQL cluster the resilience tests may stop and restart. */
    cluster: ClusterInfo;
  }
}

/**
 * One private cluster for the whole run (the files run one after another): created here, removed at the
 * end, and also when the run is interrupted, so that no stray postmaster or data folder is left behind.
 */
export default function setup(project: TestProject) {
  const port = Number(process.env.RESILIENCE_PG_PORT ?? 5499);
  const cluster = createCluster(port);
  const cleanup = () => destroyCluster(cluster);
  process.on("exit", cleanup);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      cleanup();
      process.exit(130);
    });
  }
  project.provide("cluster", cluster);
  return () => {
    cleanup();
    process.off("exit", cleanup);
  };
}
