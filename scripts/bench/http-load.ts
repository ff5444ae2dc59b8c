import http from "node:http";
import { closedLoop, figures, type Figures } from "./stats";

export interface HttpCall {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

/**
 * One request, timed by the caller until the last byte of the body: the server's time to the full
 * response, plus the loopback. No Accept-Encoding, so neither side spends time compressing.
 */
export function request(agent: http.Agent, url: string, call: HttpCall = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method: call.method ?? "GET", headers: call.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(call.body);
  });
}

/**
 * `concurrency` users, each sending `perUser` requests back to back over a kept-alive connection, after
 * a warm-up of `warmup` requests per user. Any status but 200 counts as an error.
 */
export async function load(
  label: string,
  url: string,
  { concurrency, perUser, warmup, call = () => ({}) }: { concurrency: number; perUser: number; warmup: number; call?: (user: number, i: number) => HttpCall },
  check: (user: number, i: number, body: string) => void = () => {},
): Promise<Figures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let errors = 0;
  let bytes = 0;
  const once = async (user: number, i: number, counted: boolean) => {
    const answer = await request(agent, url, call(user, i));
    if (answer.status !== 200) {
      errors++;
      if (errors === 1) console.error(`  ${label}: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
    } else check(user, i, answer.body);
    if (counted) bytes += Buffer.byteLength(answer.body);
  };
  try {
    await closedLoop(concurrency, warmup, (user, i) => once(user, i, false));
    const { samples, wallMs } = await closedLoop(concurrency, perUser, (user, i) => once(user, i, true));
    return figures(label, concurrency, samples, wallMs, { errors, bytes: bytes / samples.length });
  } finally {
    agent.destroy();
  }
}
