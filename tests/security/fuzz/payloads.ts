import { faker } from "@faker-js/faker";
import fc from "fast-check";
import type { z } from "zod";
import { fake, seed as seedFaker, setFaker } from "zod-schema-faker/v4";

setFaker(faker);

// ── Existing records ────────────────────────────────────────────────────────────────────────────────
type Row = Record<string, unknown>;
const pools = new Map<string, Row[]>();
const wanted = new Set<string>();

/**
 * Rows of the test database that payloads aim at, read before each run and after each accepted call
 * (tests/security/fuzz/run.ts), so generation stays synchronous and a payload's id and version match.
 */
export const rowPools = {
  tables: () => [...wanted],
  set: (table: string, rows: Row[]) => pools.set(table, rows),
};

function rowAt(table: string, pick: number): Row | undefined {
  wanted.add(table);
  const rows = pools.get(table) ?? [];
  return rows.length ? rows[pick % rows.length] : undefined;
}

/** A form's select sends text; JSON callers send numbers. */
const sent = (value: unknown, asText: boolean) => (asText && value !== undefined && value !== null ? String(value) : value);

/** An existing row's id and the version it has now (or, one time in ten, the version before: a conflict). */
export const rowRef = (table: string, idKey = "id") =>
  fc.record({ pick: fc.nat(), asText: fc.boolean(), stale: fc.nat(9) }).map(({ pick, asText, stale }) => {
    const row = rowAt(table, pick);
    const version = Number(row?.version ?? 1) - (stale === 0 ? 1 : 0);
    return { [idKey]: sent(row?.id ?? (pick % 999_999) + 1, asText), version: sent(Math.max(version, 1), asText) };
  });

/** A column of an existing row (or, one time in five, any positive id). */
export const columnRef = (table: string, column = "id", asText?: boolean) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ pick: fc.nat(), text: fc.boolean() }).map(({ pick, text }) => sent(rowAt(table, pick)?.[column] ?? (pick % 999_999) + 1, asText ?? text)),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2_147_483_647 }).map((n) => sent(n, asText ?? false)) },
  );

/** Several columns of one existing row (a link table's key). */
export const pairRef = (table: string, columns: Record<string, string>) =>
  fc.nat().map((pick) => {
    const row = rowAt(table, pick);
    return Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, row?.[column] ?? (pick % 999_999) + 1]));
  });

/** Merges partial payloads (hints) into one. */
export const overlay = (...parts: fc.Arbitrary<Record<string, unknown>>[]) =>
  fc.tuple(...parts).map((values) => Object.assign({}, ...values) as Record<string, unknown>);

// ── Schema-valid fakes ──────────────────────────────────────────────────────────────────────────────
type AnySchema = z.core.$ZodType;

/**
 * zod-schema-faker's value for the input side of a schema. Its own pipe support runs the transform with
 * a context that has no `addIssue`, and it cannot see refinements, so objects and pipes are walked here
 * and every field is faked on its own; what it cannot fake is left out (the case's hints fill it in).
 */
export function fakeInput(schema: AnySchema, skip: readonly string[] = []): unknown {
  const def = schema._zod.def as { type: string; in?: AnySchema; shape?: Record<string, AnySchema>; innerType?: AnySchema };
  if (def.type === "pipe" && def.in) return fakeInput(def.in, skip);
  if (def.type === "object" && def.shape) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(def.shape)) {
      if (skip.includes(key)) continue;
      const value = fakeInput(field);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (def.type === "optional" && def.innerType) return faker.datatype.boolean() ? fakeInput(def.innerType) : undefined;
  try {
    return fake(schema);
  } catch {
    return undefined;
  }
}

/** A fake of the schema from a fast-check seed, with the case's hints laid over it. */
export function validPayload(schema: AnySchema, hints: fc.Arbitrary<Record<string, unknown>> = fc.constant({})): fc.Arbitrary<unknown> {
  return fc.tuple(fc.integer(), hints).map(([seed, overlay]) => {
    seedFaker(seed);
    // Keys the hints give are not faked (a fake list of 5,000 grid cells costs more than the call).
    const value = fakeInput(schema, Object.keys(overlay));
    return isPlainObject(value) ? { ...value, ...overlay } : overlay;
  });
}

// ── Odd values and mutations ────────────────────────────────────────────────────────────────────────
const unicode = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "\uDFFF\uD800",
    "\u202Eevil",
    "\u200B\u200D\uFEFF",
    "e\u0301\u0301\u0301",
    "Ā\u0304ā",
    "🇱🇻👩🏽‍💻",
    "'\"`;--",
    "' OR 1=1--",
    "<script>alert(1)</script>",
    "${7*7}{{7*7}}",
    "%00%27",
    "ＡＢＣ１２３",
    "١٢٣",
  ),
);

const numberish = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e309,
  -0,
  -1,
  0,
  0.5,
  1.005,
  2 ** 31,
  2 ** 53 + 1,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  "NaN",
  "Infinity",
  "1e309",
  "0x10",
  "0b11",
  "1e3",
  " 12 ",
  "12.0",
  "+1",
  "-1",
  "",
  " ",
  "99999999999",
  "2147483648",
);

// Built once: a new 300,000-character string per payload would cost more than the call.
const hugeString = fc.constantFrom(...[10_001, 100_000, 300_000].flatMap((n) => ["x".repeat(n), "ā".repeat(n), "🙂".repeat(n / 2), " ".repeat(n)]));

/** What may arrive in place of any one value: server actions decode arbitrary React-serializable arguments. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: numberish },
  { weight: 3, arbitrary: unicode },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}, [[]], [""], ["1", "2"], { value: "1" }, new Date(Number.NaN), new Date(0), 10n ** 40n) },
  { weight: 3, arbitrary: fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }) },
);

/** Keys a mass-assignment or prototype-pollution attempt would add. */
const extraKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "id", "ministryId", "createdBy", "updatedBy", "version", "role", "passwordHash", "disabledAt", "_form", ""),
  fc.string({ maxLength: 20 }),
);

type Mutation = { kind: "set"; at: number; value: unknown } | { kind: "drop"; at: number } | { kind: "add"; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: oddValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("drop" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("add" as const), key: extraKey, value: oddValue }) },
);

/** Applies mutations to a copy; `__proto__` becomes an own key, as JSON.parse would make it. */
function applyMutations(value: unknown, mutations: Mutation[]): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const m of mutations) {
    const keys = Object.keys(out);
    if (m.kind === "add") Object.defineProperty(out, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    else if (keys.length === 0) continue;
    else if (m.kind === "drop") delete out[keys[m.at % keys.length]!];
    else if (m.value === undefined) out[keys[m.at % keys.length]!] = undefined;
    else if (Array.isArray(out[keys[m.at % keys.length]!]) && isPlainObject((out[keys[m.at % keys.length]!] as unknown[])[0])) {
      // One level down: an element of a list of objects (the grid's cells).
      const list = [...(out[keys[m.at % keys.length]!] as Record<string, unknown>[])];
      list[0] = applyMutations(list[0], [{ ...m, at: Math.floor(m.at / 7) }]) as Record<string, unknown>;
      out[keys[m.at % keys.length]!] = list;
    } else out[keys[m.at % keys.length]!] = m.value;
  }
  return out;
}

/** Every value as a form would post it: text (nested values as JSON), files as they are. */
export function toFormData(value: unknown): FormData | unknown {
  if (!isPlainObject(value)) return value;
  const form = new FormData();
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined) continue;
    if (entry instanceof Blob) form.append(key, entry);
    else form.append(key, typeof entry === "string" ? entry : safeJson(entry));
  }
  return form;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

export function mutatedPayload(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.integer({ min: 0, max: 9 }))
    .map(([value, mutations, asForm, roll]) => {
      const changed = applyMutations(value, mutations);
      return asForm && roll < 2 ? toFormData(changed) : changed;
    });
}

/** Characters that pass a schema's length and format checks but may trip what comes after it (the database). */
const edgeText = fc.constantFrom("\u0000", "\uD800", "\uDFFF", "\u202E", "\u200B", "\uFEFF", "e\u0301", "🇱🇻", "'", "' OR 1=1--", "\\", "%_", "<b>", "$1", "Ā");

/** Inserts one edge character into one text value (a top-level one, or one of the first list element's). */
function insertText(value: unknown, at: number, cut: number, edge: string): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = { ...value };
  const texts = Object.keys(out).filter((key) => typeof out[key] === "string");
  const list = Object.keys(out).find((key) => Array.isArray(out[key]) && isPlainObject((out[key] as unknown[])[0]));
  if (texts.length === 0 && list) {
    const items = [...(out[list] as Record<string, unknown>[])];
    items[0] = insertText(items[0], at, cut, edge) as Record<string, unknown>;
    out[list] = items;
    return out;
  }
  if (texts.length === 0) return out;
  const key = texts[at % texts.length]!;
  const text = out[key] as string;
  const i = cut % (text.length + 1);
  out[key] = text.slice(0, i) + edge + text.slice(i);
  return out;
}

/** Schema-valid payloads with an edge character in one text value: most stay valid. */
export const withEdgeText = (valid: fc.Arbitrary<unknown>) =>
  fc.tuple(valid, fc.nat(), fc.nat(), edgeText).map(([value, at, cut, edge]) => insertText(value, at, cut, edge));

export type PayloadKind = "valid" | "mutated" | "anything";

/** The mix sent to every action: schema-valid fakes, mutations of them, and anything at all. */
export function payloads(valid: fc.Arbitrary<unknown>): fc.Arbitrary<{ kind: PayloadKind; payload: unknown }> {
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((payload) => ({ kind: "valid" as const, payload })) },
    { weight: 4, arbitrary: mutatedPayload(valid).map((payload) => ({ kind: "mutated" as const, payload })) },
    { weight: 2, arbitrary: oddValue.map((payload) => ({ kind: "anything" as const, payload })) },
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
