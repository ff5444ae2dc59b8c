/**
 * Memory probe of `npm run bench:exports`, never part of the app: scripts/bench-exports.ts preloads it
 * (NODE_OPTIONS="--expose-gc --import <this file>", BENCH_PROBE_DIR set) into the processes it measures,
 * the Next production server and the yardstick process. Without BENCH_PROBE_DIR it does nothing.
 *
 * It answers on a Unix socket of its own, `<BENCH_PROBE_DIR>/probe-<pid>.sock`, outside the app's port
 * and request path:
 *   POST /begin   collect garbage (forced, full) until the heap settles, take that as the baseline and
 *                 sample process.memoryUsage() every 5 ms from then on;
 *   POST /begin-live  the same baseline, then a full collection before each sample, every 250 ms: the
 *                 memory the export holds, without the garbage it has not yet collected;
 *   POST /end     stop sampling; answers { baseline, peak } (rss, heapUsed, external, arrayBuffers);
 *   POST /setup   (body: the lines query) prepare the bare XLSX yardstick (bare-xlsx.ts) in this process;
 *   GET  /xlsx    run it: the same writer as the yardstick process, on the same heap and baseline as
 *                 the route it is compared with.
 * Plain JavaScript so that it loads into `next start` as it is; the yardstick is TypeScript, loaded through
 * tsx's scoped require, which leaves the server's own module loading alone.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread } from "node:worker_threads";

const dir = process.env.BENCH_PROBE_DIR;
const gc = globalThis.gc;
// Preloads run in worker threads too (Next starts some), which share the pid: the main thread's probe only.
if (dir && isMainThread && typeof gc === "function") {
  const FIELDS = ["rss", "heapUsed", "external", "arrayBuffers"];
  let baseline = null;
  let peak = null;
  let timer = null;
  let bare = null;

  const usage = () => {
    const m = process.memoryUsage();
    return Object.fromEntries(FIELDS.map((f) => [f, m[f]]));
  };
  const sample = () => {
    const m = usage();
    for (const f of FIELDS) peak[f] = Math.max(peak[f], m[f]);
  };
  /** Full collections until the used heap stops shrinking (finalizers and weak callbacks free more). */
  const settle = async () => {
    let last = Infinity;
    for (let i = 0; i < 5; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 30));
      const used = process.memoryUsage().heapUsed;
      if (last - used < 256 * 1024) break;
      last = used;
    }
  };
  const body = (req) =>
    new Promise((resolve, reject) => {
      let text = "";
      req.setEncoding("utf8").on("data", (chunk) => (text += chunk)).on("end", () => resolve(text)).on("error", reject);
    });
  const json = (res, value) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(value));

  const beginWith = async (res, start) => {
    clearInterval(timer);
    await settle();
    baseline = usage();
    peak = { ...baseline };
    timer = start();
    json(res, baseline);
  };

  const routes = {
    "POST /begin": async (req, res) => beginWith(res, () => setInterval(sample, 5)),
    // What the export holds rather than what it has allocated and not yet collected: a full collection
    // every 250 ms, each followed by a sample. Slows the export down; its time is not reported.
    "POST /begin-live": async (req, res) =>
      beginWith(res, () =>
        setInterval(() => {
          gc();
          sample();
        }, 250),
      ),
    "POST /end": async (req, res) => {
      clearInterval(timer);
      timer = null;
      if (!peak) return void res.writeHead(409).end("no /begin");
      sample();
      json(res, { baseline, peak });
    },
    "POST /setup": async (req, res) => {
      const text = await body(req);
      const { default: postgres } = await import("postgres");
      const { require: tsxRequire } = await import("tsx/cjs/api");
      const { writeBareXlsx } = tsxRequire("./bare-xlsx.ts", fileURLToPath(import.meta.url));
      await bare?.sql.end({ timeout: 2 });
      bare = { sql: postgres(process.env.DATABASE_URL, { max: 4, onnotice: () => {} }), text, writeBareXlsx };
      json(res, { ok: true });
    },
    "GET /xlsx": async (req, res) => {
      if (!bare) return void res.writeHead(409).end("no /setup");
      res.writeHead(200, { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      await bare.writeBareXlsx(bare.sql, bare.text, res);
    },
  };

  const socket = path.join(dir, `probe-${process.pid}.sock`);
  fs.rmSync(socket, { force: true });
  const server = http.createServer((req, res) => {
    const route = routes[`${req.method} ${req.url}`];
    if (!route) return void res.writeHead(404).end();
    route(req, res).catch((error) => {
      console.error("memory probe:", error);
      if (res.headersSent) res.destroy();
      else res.writeHead(500).end(String(error));
    });
  });
  // Never what keeps a process alive, and gone with it.
  server.listen(socket).unref();
  process.on("exit", () => fs.rmSync(socket, { force: true }));
}
