import http from "node:http";
import type postgres from "postgres";
import { toDecimal } from "../../lib/money";
import { request, type HttpCall } from "./http-load";
import { figures, type Figures } from "./stats";
import { TARGET_YEAR } from "./stress-data";

/**
 * Twenty people at work at once for a minute, each in a closed loop with a short pause between requests:
 * readers open the year grid and a report, editors save cells of their own lines, two of them keep editing
 * the same line (the only place a conflict is expected), exporters download a year's lines as CSV and the
 * budget as XLSX. Every answer is checked: anything but HTTP 200 with a typed result is an error.
 */
export type Kind = "read grid" | "read report" | "save cell" | "save cell, two rivals" | "export CSV" | "export XLSX";

export interface MixedReport {
  users: number;
  seconds: number;
  figures: (Figures & { kind: Kind; conflicts: number })[];
  errors: number;
  /** Conflicts where none was expected (editors on lines of their own). */
  unexpectedConflicts: number;
  /** Conflicts between the two rivals editing one line: expected, each answered with the line as saved. */
  expectedConflicts: number;
}

interface Line {
  id: number;
  version: number;
  amount: string;
  flip: boolean;
}

const READERS = 12;
const EDITORS = 4;
const RIVALS = 2;
const EXPORTERS = 2;
export const MIXED_USERS = READERS + EDITORS + RIVALS + EXPORTERS;

/** Deterministic pauses between a user's requests (250–750 ms), so two runs ask for the same work. */
function pauses(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return 250 + (state % 500);
  };
}

export async function mixedLoad({
  sql,
  base,
  cookies,
  saveActionId,
  seconds,
}: {
  sql: postgres.Sql;
  base: string;
  /** An editor's (admin) and a viewer's session cookie: readers and exporters go as the viewer. */
  cookies: { editor: string; viewer: string };
  saveActionId: string;
  seconds: number;
}): Promise<MixedReport> {
  const lines = await sql<Line[]>`
    select id, version, amount::text as amount, false as flip from contributions c
    where year = ${TARGET_YEAR} and status = 'assessed' and amount is not null and currency <> 'EUR'
      and not exists (select 1 from payments p where p.contribution_id = c.id)
    order by id desc limit ${EDITORS * 3 + 1}`;
  if (lines.length < EDITORS * 3 + 1) throw new Error("the stress set has too few editable lines");
  const shared = lines.pop()!;
  const rivalsSeen = Array.from({ length: RIVALS }, () => ({ ...shared }));

  const agent = new http.Agent({ keepAlive: true, maxSockets: MIXED_USERS });
  const samples = new Map<Kind, { ms: number[]; errors: number; conflicts: number; bytes: number }>();
  let firstError = true;
  const record = (kind: Kind, ms: number, ok: boolean, body: string, conflict = false) => {
    const entry = samples.get(kind) ?? { ms: [], errors: 0, conflicts: 0, bytes: 0 };
    samples.set(kind, entry);
    entry.ms.push(ms);
    entry.bytes += Buffer.byteLength(body);
    if (conflict) entry.conflicts++;
    if (!ok) {
      entry.errors++;
      if (firstError) console.error(`  mixed load, ${kind}: ${body.slice(0, 300)}`);
      firstError = false;
    }
  };
  const timed = async (kind: Kind, url: string, call: HttpCall, check: (status: number, body: string) => { ok: boolean; conflict?: boolean }) => {
    const t0 = performance.now();
    const answer = await request(agent, url, call).catch((error: unknown) => ({ status: 0, body: String(error) }));
    const verdict = answer.status === 0 ? { ok: false } : check(answer.status, answer.body);
    record(kind, performance.now() - t0, verdict.ok, answer.body, verdict.conflict);
  };
  const okStatus = (status: number) => ({ ok: status === 200 });

  const save = (kind: Kind, line: Line, onConflict: (body: string) => void) => {
    const value = line.flip ? line.amount : toDecimal(line.amount).plus("0.01").toFixed(2);
    return timed(
      kind,
      `${base}/contributions?year=${TARGET_YEAR}`,
      {
        method: "POST",
        headers: { Cookie: cookies.editor, Origin: base, "Next-Action": saveActionId, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
        body: JSON.stringify([{ locale: "en", cells: [{ id: line.id, version: line.version, field: "amount", value }] }]),
      },
      (status, body) => {
        const version = new RegExp(`"id":${line.id},"version":(\\d+)`).exec(body)?.[1];
        if (status !== 200 || !version) return { ok: false };
        line.version = Number(version);
        if (body.includes('"error":"conflict"')) {
          onConflict(body);
          return { ok: true, conflict: true };
        }
        line.flip = !line.flip;
        return { ok: true };
      },
    );
  };

  const users: ((i: number) => Promise<void>)[] = [
    ...Array.from({ length: READERS }, (_, u) => (i: number) =>
      (i + u) % 2 === 0
        ? timed("read grid", `${base}/contributions?year=${TARGET_YEAR}`, { headers: { Cookie: cookies.viewer } }, okStatus)
        : timed("read report", `${base}/reports?year=${TARGET_YEAR}&view=${["ministry", "programme", "organization"][u % 3]}`, { headers: { Cookie: cookies.viewer } }, okStatus),
    ),
    ...Array.from({ length: EDITORS }, (_, u) => (i: number) =>
      save("save cell", lines[u * 3 + (i % 3)]!, () => {}),
    ),
    // Each rival knows the line as it last saw it: when the other saved in between, the save is refused
    // with the line as saved now (whose version the check above takes), and the next try goes through.
    ...Array.from({ length: RIVALS }, (_, u) => () => save("save cell, two rivals", rivalsSeen[u]!, () => {})),
    ...Array.from({ length: EXPORTERS }, (_, u) => (i: number) =>
      (i + u) % 2 === 0
        ? timed("export CSV", `${base}/api/reports/export?view=lines&format=csv&year=${TARGET_YEAR}`, { headers: { Cookie: cookies.viewer } }, okStatus)
        : timed("export XLSX", `${base}/api/reports/export?view=ministry&format=xlsx&year=${TARGET_YEAR}`, { headers: { Cookie: cookies.viewer } }, okStatus),
    ),
  ];

  const deadline = performance.now() + seconds * 1000;
  try {
    await Promise.all(
      users.map(async (work, user) => {
        const pause = pauses(user + 1);
        for (let i = 0; performance.now() < deadline; i++) {
          await work(i);
          await new Promise((resolve) => setTimeout(resolve, pause()));
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const kinds = [...samples.entries()].map(([kind, s]) => {
    const readable = kind === "save cell, two rivals" ? RIVALS : kind.startsWith("save") ? EDITORS : kind.startsWith("export") ? EXPORTERS : READERS;
    return { ...figures(kind, readable, s.ms, seconds * 1000, { errors: s.errors, bytes: s.bytes / s.ms.length }), kind, conflicts: s.conflicts };
  });
  return {
    users: MIXED_USERS,
    seconds,
    figures: kinds,
    errors: kinds.reduce((sum, k) => sum + k.errors, 0),
    unexpectedConflicts: kinds.filter((k) => k.kind !== "save cell, two rivals").reduce((sum, k) => sum + k.conflicts, 0),
    expectedConflicts: kinds.find((k) => k.kind === "save cell, two rivals")?.conflicts ?? 0,
  };
}
