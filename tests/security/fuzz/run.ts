import { sql } from "drizzle-orm";
import fc from "fast-check";
import { expect } from "vitest";
import type { z } from "zod";
import { db, rowsOf } from "@/db";
import { parseOptions } from "@/lib/validation";
import { actAs, type DemoRole } from "../../helpers/acting-user";
import { fingerprint } from "../../helpers/test-db";
import { isPlainObject, payloads, rowPools, toFormData, validPayload, withEdgeText, type PayloadKind } from "./payloads";
import type { FuzzCase } from "./cases";

/** The rows payloads may aim at (tests/security/fuzz/payloads.ts): their key columns, in a stable order. */
const POOL_COLUMNS: Record<string, string> = {
  contributions: "id, version",
  payments: "id, version",
  organizations: "id, version",
  ministries: "id, version",
  missions: "id, version",
  budget_programmes: "id, version",
  users: "id, version",
  imports: "id, version",
  currencies: "code",
  mission_organizations: "mission_id, organization_id",
  mission_ministries: "mission_id, ministry_id",
};

export async function refreshPools(): Promise<void> {
  const parts = Object.entries(POOL_COLUMNS).map(
    ([table, columns]) => `'${table}', (select coalesce(json_agg(t), '[]') from (select ${columns} from "${table}" order by ${columns}) t)`,
  );
  const [row] = rowsOf<{ pools: Record<string, Record<string, unknown>[]> | string }>(await db.execute(sql.raw(`select json_build_object(${parts.join(", ")}) as pools`)));
  const pools = typeof row!.pools === "string" ? (JSON.parse(row!.pools) as Record<string, Record<string, unknown>[]>) : row!.pools;
  for (const [table, rows] of Object.entries(pools)) rowPools.set(table, rows);
}

/** What an action answers, besides success, to input it will not take or a record it will not touch. */
const TYPED_REFUSALS = ["unauthorized", "forbidden", "not_found", "invalid", "conflict", "in_use", "year_closed"];

export interface FuzzStats {
  calls: number;
  byKind: Record<PayloadKind, number>;
  accepted: number;
  schemaValid: number;
  refusals: Record<string, number>;
  fingerprints: number;
  /** Milliseconds spent on the refused and the schema-valid shares. */
  ms: { refused: number; valid: number };
}

type Action = (...args: unknown[]) => Promise<unknown>;

/** The payload as the guard parses it (lib/action.ts): a FormData's entries, anything else as is. */
const guardView = (payload: unknown) => (payload instanceof FormData ? Object.fromEntries(payload) : payload);

function describe(payload: unknown): string {
  try {
    const json = JSON.stringify(guardView(payload), (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : typeof v === "string" && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v));
    return (payload instanceof FormData ? "FormData " : "") + (json ?? String(payload)).slice(0, 1500);
  } catch {
    return String(payload).slice(0, 300);
  }
}

function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** A typed answer: `{ ok: true, data }`, or `{ ok: false, error }` with field errors as lists of message keys. */
function expectTyped(result: unknown, context: { schemaAccepts: boolean; who: DemoRole; payload: unknown }): void {
  // Messages are built only on failure: thousands of calls pass through here.
  const where = () => `payload ${describe(context.payload)} as ${context.who} → ${JSON.stringify(result)?.slice(0, 500)}`;
  check(isPlainObject(result), () => `not an object: ${where()}`);
  const answer = result as { ok: unknown; error?: unknown; fieldErrors?: unknown; data?: unknown };
  if (answer.ok === true) {
    check("data" in answer, where);
    check(context.schemaAccepts, () => `accepted input its schema refuses: ${where()}`);
    return;
  }
  check(answer.ok === false, where);
  check(TYPED_REFUSALS.includes(answer.error as string), () => `untyped failure (a 500 in the browser): ${where()}`);
  if (answer.fieldErrors !== undefined) {
    check(isPlainObject(answer.fieldErrors), where);
    for (const messages of Object.values(answer.fieldErrors as object)) {
      check(Array.isArray(messages) && messages.length > 0 && messages.every((m) => typeof m === "string"), where);
    }
  }
  if (answer.error === "invalid") check(Object.keys(answer.fieldErrors ?? {}).length > 0, () => `no field errors: ${where()}`);
  // The schema refuses it: the guard answers "invalid" with field errors, or "forbidden" before parsing.
  if (!context.schemaAccepts) check(answer.error === "invalid" || (answer.error === "forbidden" && context.who !== "admin"), where);
}

const caller = fc.constantFrom<DemoRole>("admin", "admin", "admin", "zmEditor");

/**
 * Sends `runs` payloads to a `defineAction` action: a share the schema refuses (mutations, anything,
 * fakes a refinement refuses), checked in one batch between two fingerprints, and a share it accepts,
 * each fingerprinted after the call (the fingerprint before is the previous one's after) so that any
 * refusal among them is shown to have changed nothing.
 */
export async function fuzzAction(action: Action, schema: z.ZodType, entry: FuzzCase, runs: number, stats: FuzzStats): Promise<void> {
  const valid = validPayload(schema, entry.hints);
  const accepts = (payload: unknown) => schema.safeParse(guardView(payload), parseOptions).success;
  const call = async (payload: unknown, who: DemoRole, schemaAccepts: boolean) => {
    await actAs(db, who);
    const result = await action(payload);
    expectTyped(result, { schemaAccepts, who, payload });
    stats.calls++;
    return result as { ok: boolean; error?: string };
  };
  const count = (kind: PayloadKind, result: { ok: boolean; error?: string }) => {
    stats.byKind[kind]++;
    if (result.ok) stats.accepted++;
    else stats.refusals[result.error!] = (stats.refusals[result.error!] ?? 0) + 1;
  };
  const refusedRuns = Math.ceil(runs * 0.8);

  let clock = Date.now();
  await refreshPools();
  const before = await fingerprint(db);
  stats.fingerprints++;
  await fc.assert(
    fc.asyncProperty(payloads(valid), caller, async ({ kind, payload }, who) => {
      fc.pre(!accepts(payload));
      count(kind, await call(payload, who, false));
    }),
    { numRuns: refusedRuns },
  );
  expect(await fingerprint(db), `the ${refusedRuns} calls with input the schema refuses changed the database`).toEqual(before);
  stats.fingerprints++;
  stats.ms.refused += Date.now() - clock;
  clock = Date.now();

  let current = before;
  const acceptable = fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: withEdgeText(valid) }, { weight: 1, arbitrary: valid.map(toFormData) });
  await fc.assert(
    fc.asyncProperty(acceptable, caller, async (payload, who) => {
      fc.pre(accepts(payload));
      stats.schemaValid++;
      const result = await call(payload, who, true);
      count(payload instanceof FormData ? "mutated" : "valid", result);
      const after = await fingerprint(db);
      stats.fingerprints++;
      if (!result.ok && JSON.stringify(after) !== JSON.stringify(current)) {
        expect(after, `refused (${result.error}) but changed the database: ${describe(payload)} as ${who}`).toEqual(current);
      }
      else await refreshPools();
      current = after;
    }),
    { numRuns: runs - refusedRuns },
  );
  stats.ms.valid += Date.now() - clock;
}

/** A Next redirect signal: how a sign-in or sign-out action ends, never an error page. */
function isRedirect(error: unknown): boolean {
  return typeof (error as { digest?: unknown })?.digest === "string" && (error as { digest: string }).digest.startsWith("NEXT_REDIRECT");
}

/**
 * The sign-in form's actions: the password form answers its own state (field errors, "invalid",
 * "throttled") to anything; the OIDC and sign-out actions end in a redirect whatever they are given.
 */
export async function fuzzAuthAction(action: Action, entry: FuzzCase, runs: number, stats: FuzzStats): Promise<void> {
  const form = fc.oneof(
    { weight: 2, arbitrary: (entry.hints ?? fc.constant({})).map(toFormData) },
    { weight: 2, arbitrary: payloads(entry.hints ?? fc.constant({})).map(({ payload }) => toFormData(payload)) },
    { weight: 1, arbitrary: payloads(entry.hints ?? fc.constant({})).map(({ payload }) => payload) },
  );
  const before = await fingerprint(db);
  await fc.assert(
    fc.asyncProperty(fc.anything({ maxDepth: 1 }), form, async (previous, payload) => {
      let outcome: unknown;
      try {
        outcome = entry.auth === "signIn" ? await action(previous, payload) : await action(payload);
      } catch (error) {
        expect(isRedirect(error), `threw ${String(error)} for ${describe(payload)}`).toBe(true);
        outcome = "redirect";
      }
      stats.calls++;
      stats.byKind[payload instanceof FormData ? "mutated" : "anything"]++;
      if (entry.auth === "redirects") expect(outcome).toBe("redirect");
      else {
        expect(isPlainObject(outcome), `${describe(payload)} → ${String(outcome)}`).toBe(true);
        const state = outcome as { error?: string; fieldErrors?: Record<string, string[]> };
        expect(state.error === undefined || ["invalid", "throttled"].includes(state.error)).toBe(true);
        expect(state.error !== undefined || Object.keys(state.fieldErrors ?? {}).length > 0, JSON.stringify(state)).toBe(true);
        stats.refusals[state.error ?? "invalid"] = (stats.refusals[state.error ?? "invalid"] ?? 0) + 1;
      }
    }),
    { numRuns: runs },
  );
  expect(await fingerprint(db)).toEqual(before);
  stats.fingerprints += 2;
}
