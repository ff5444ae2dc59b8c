import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import http from "node:http";
import path from "node:path";

/**
 * Memory of the export bench's server processes, seen two ways: from outside (the resident set in /proc,
 * the whole process) and from inside (memory-probe.mjs, preloaded into the process: forced garbage
 * collection for an idle baseline, then process.memoryUsage() sampled during the request).
 */

/** A process and all its descendants (Linux /proc), listed once: walking /proc on every sample cost more than the sample. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while being listed
    }
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * The one process of a tree that listens on `port`: the server itself, without the launchers around it
 * (npx/tsx CLIs, esbuild's service) whose memory is not the export's.
 */
export function listener(tree: readonly number[], port: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set(
    ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        .filter((f) => f[1]?.endsWith(`:${hex}`) && f[3] === "0A")
        .map((f) => f[9]!),
    ),
  );
  const found = tree.filter((pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return inodes.has(/socket:\[(\d+)\]/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? "");
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  });
  if (found.length !== 1) throw new Error(`${found.length} processes of the tree listen on port ${port}`);
  return found[0]!;
}

/** Resident set of a process, in bytes (0 once it is gone). */
export function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

export interface Usage {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** Where a request goes: a TCP URL, or a path on a Unix socket (the probe's). */
export interface Target {
  url?: string;
  socketPath?: string;
  path?: string;
  headers?: Record<string, string>;
}

function request(target: Target, method: string, body?: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const options = { method, headers: target.headers, agent: false as const };
    const req = target.url ? http.request(target.url, options, resolve) : http.request({ ...options, socketPath: target.socketPath, path: target.path }, resolve);
    req.on("error", reject).end(body);
  });
}

/** The probe preloaded into process `pid` (memory-probe.mjs); it answers once the process has started. */
export function probeOf(dir: string, pid: number) {
  const socketPath = path.join(dir, `probe-${pid}.sock`);
  const call = async <T>(route: string, body?: string): Promise<T> => {
    const res = await request({ socketPath, path: route }, "POST", body);
    let text = "";
    for await (const chunk of res) text += String(chunk);
    if (res.statusCode !== 200) throw new Error(`probe ${route} answered ${res.statusCode}: ${text}`);
    return JSON.parse(text) as T;
  };
  return {
    ready: () => existsSync(socketPath),
    begin: (live = false) => call<Usage>(live ? "/begin-live" : "/begin"),
    end: () => call<{ baseline: Usage; peak: Usage }>("/end"),
    setup: (sql: string) => call<{ ok: true }>("/setup", sql),
    /** The bare yardstick inside that process. */
    xlsx: { socketPath, path: "/xlsx" } satisfies Target,
  };
}
export type Probe = ReturnType<typeof probeOf>;

export interface Run {
  ms: number;
  bytes: number;
  lines: number;
  /** Whole process, from /proc: before the request and the highest sample during it. */
  idleRss: number;
  peakRss: number;
  /** From inside, after forced garbage collection: what the export added over that baseline, at its peak. */
  growth: Usage;
}

/**
 * One download to the last byte. The serving process is sampled from outside every 10 ms (resident set,
 * whole process) and, through its probe, from inside: each run starts from a collected heap. `live`: the
 * probe collects garbage before each of its samples (memory held, not allocated; the time is then slower).
 */
export async function measure(target: Target, pid: number, probe: Probe, { live = false } = {}): Promise<Run> {
  await probe.begin(live);
  const idleRss = rssOf(pid);
  let peakRss = idleRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 10);
  const started = performance.now();
  try {
    const res = await request(target, "GET");
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    }
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`${target.url ?? target.path} answered ${res.statusCode}`);
    peakRss = Math.max(peakRss, rssOf(pid));
    const { baseline, peak } = await probe.end();
    const growth = {
      rss: Math.max(peak.rss, peakRss) - baseline.rss,
      heapUsed: peak.heapUsed - baseline.heapUsed,
      external: peak.external - baseline.external,
      arrayBuffers: peak.arrayBuffers - baseline.arrayBuffers,
    };
    return { ms, bytes, lines, idleRss, peakRss, growth };
  } finally {
    clearInterval(sampler);
  }
}
