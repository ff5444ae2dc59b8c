import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A PostgreSQL cluster of the resilience run's own (initdb in a temporary folder, its own port), so that
 * the tests may stop and restart PostgreSQL without touching the server everyone else uses. It runs the
 * Debian packages' binaries as the `postgres` OS user when the run is root (initdb refuses root).
 */
export interface ClusterInfo {
  /** The temporary folder: data in `data/`, the server log in `log`, the socket beside them. */
  dir: string;
  port: number;
}

/** The newest PostgreSQL installed under Debian's /usr/lib/postgresql/<version>/bin, else the PATH's. */
function binary(name: string): string {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, "bin", name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], "bin", name);
  }
  return name;
}

const asRoot = process.getuid?.() === 0;

function run(name: string, args: string[], { check = true } = {}): { ok: boolean; output: string } {
  const [command, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", binary(name), ...args]] : [binary(name), args];
  const result = spawnSync(command, argv, { encoding: "utf8", timeout: 60_000 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`;
  const ok = result.status === 0;
  if (check && !ok) throw new Error(`${name} ${args.join(" ")} failed:\n${output}`);
  return { ok, output };
}

export function createCluster(port: number): ClusterInfo {
  const dir = mkdtempSync(path.join(tmpdir(), "cr-resilience-pg-"));
  if (asRoot) {
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error("no `postgres` OS user to run the private cluster as");
    chownSync(dir, uid, gid);
  }
  run("initdb", ["-D", path.join(dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const info = { dir, port };
  startCluster(info);
  return info;
}

function pgCtl(info: ClusterInfo, args: string[], check = true) {
  return run("pg_ctl", ["-D", path.join(info.dir, "data"), "-w", "-t", "60", ...args], { check });
}

function serverOptions(info: ClusterInfo): string {
  return `-p ${info.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${info.dir} -c fsync=off`;
}

export function startCluster(info: ClusterInfo): void {
  pgCtl(info, ["-l", path.join(info.dir, "log"), "-o", serverOptions(info), "start"]);
}

/**
 * Stops the cluster synchronously: the event loop of the caller stays blocked meanwhile, so its sockets'
 * close events are still unprocessed when it next sends a query, as on a server too busy to notice at once.
 */
export function stopClusterBlocking(info: ClusterInfo, mode: "fast" | "immediate" = "fast"): void {
  pgCtl(info, ["-m", mode, "stop"]);
}

export function clusterRunning(info: ClusterInfo): boolean {
  return pgCtl(info, ["status"], false).ok;
}

/** Stops the cluster (if running) and deletes its folder; safe to call twice, and from an exit handler. */
export function destroyCluster(info: ClusterInfo): void {
  if (!existsSync(info.dir)) return;
  if (clusterRunning(info)) pgCtl(info, ["-m", "immediate", "stop"], false);
  rmSync(info.dir, { recursive: true, force: true });
}

/**
 * The same pg_ctl commands without blocking the event loop: the tests time requests that are in flight
 * while PostgreSQL stops and starts.
 */
export async function controlCluster(info: ClusterInfo, command: "stop" | "start", mode: "fast" | "immediate" = "fast"): Promise<void> {
  const data = path.join(info.dir, "data");
  const args =
    command === "stop"
      ? ["-D", data, "-w", "-t", "60", "-m", mode, "stop"]
      : ["-D", data, "-w", "-t", "60", "-l", path.join(info.dir, "log"), "-o", serverOptions(info), "start"];
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", binary("pg_ctl"), ...args]] : [binary("pg_ctl"), args];
  await promisify(execFile)(file, argv, { timeout: 90_000 });
}

export function clusterUrl(info: ClusterInfo, database = "postgres"): string {
  return `postgres://postgres@127.0.0.1:${info.port}/${database}`;
}
