/** Latency figures of one measurement, in milliseconds. */
export interface Figures {
  label: string;
  concurrency: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
  /** Requests per second over the measured window. */
  rate: number;
  /** Mean response size, when there is a body to measure. */
  bytes?: number;
}

/** Nearest-rank percentile: the value at or below which `p` percent of the samples fall. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function figures(
  label: string,
  concurrency: number,
  samples: readonly number[],
  wallMs: number,
  extra: { errors?: number; bytes?: number } = {},
): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / (sorted.length || 1);
  return {
    label,
    concurrency,
    requests: sorted.length,
    errors: extra.errors ?? 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean,
    max: sorted.at(-1) ?? Number.NaN,
    rate: (sorted.length / wallMs) * 1000,
    bytes: extra.bytes,
  };
}

/**
 * Runs `workers` loops at once, each calling `call(worker, i)` `perWorker` times back to back (a closed
 * loop: a user waits for the answer before the next request), and times each call.
 */
export async function closedLoop(
  workers: number,
  perWorker: number,
  call: (worker: number, i: number) => Promise<void>,
): Promise<{ samples: number[]; wallMs: number }> {
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; i < perWorker; i++) {
        const t0 = performance.now();
        await call(worker, i);
        samples.push(performance.now() - t0);
      }
    }),
  );
  return { samples, wallMs: performance.now() - started };
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");

export function table(rows: readonly Figures[]): string {
  const head = ["measurement", "conc", "requests", "errors", "p50 ms", "p95 ms", "mean ms", "max ms", "req/s", "body kB"];
  const body = rows.map((r) => [
    r.label,
    String(r.concurrency),
    String(r.requests),
    String(r.errors),
    ms(r.p50),
    ms(r.p95),
    ms(r.mean),
    ms(r.max),
    r.rate.toFixed(1),
    r.bytes === undefined ? "" : (r.bytes / 1024).toFixed(0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
