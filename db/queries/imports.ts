import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { ActionContext } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from "@/lib/import/fields";
import type { ParsedTable } from "@/lib/import/parse";
import { db as defaultDb, rowsOf, type Db, type Tx } from "../index";
import { contributions, importMappings, imports, ministries, users, type Import } from "../schema";
import { writeAudits, type AuditInput } from "./audit";
import { assertYearOpen } from "./contributions";
import { loadImportLookups } from "./import-lookups";
import { classifyImport, WRITTEN, type ImportCounts, type ImportPlan, type PlannedRow, type RowClass } from "./import-plan";

type Reader = Db | Tx;
type Audit = ActionContext["audit"];

/** The file as stored with its import: the parsed table without the suggestion (kept in `mapping`). */
export type StoredTable = Omit<ParsedTable, "suggested">;

/** Who may see an import: its uploader, and admins. */
export interface ImportViewer {
  id: number;
  role: string;
}

export interface ImportSummary {
  id: number;
  version: number;
  status: Import["status"];
  fileName: string;
  checksum: string;
  format: string;
  byteSize: number;
  userId: number;
  userName: string;
  ministryCode: string | null;
  headers: string[];
  headerLine: number;
  sheetName: string | null;
  rowCount: number;
  hasYearColumn: boolean;
  mapping: ColumnMapping;
  defaultYear: number | null;
  counts: ImportCounts | null;
  createdAt: Date;
  previewedAt: Date | null;
  appliedAt: Date | null;
}

const canSee = (row: { userId: number }, viewer: ImportViewer) => viewer.role === "admin" || row.userId === viewer.id;

/** The ministry scope of an import record (its uploader's), for the action guard; null when not visible. */
export async function importScope(tx: Tx, id: number, viewer: ImportViewer): Promise<{ ministryIds: (number | null)[] } | null> {
  const [row] = await tx.select({ userId: imports.userId, ministryId: imports.ministryId }).from(imports).where(eq(imports.id, id));
  return row && canSee(row, viewer) ? { ministryIds: [row.ministryId] } : null;
}

/** The user's remembered mapping (field → header text) laid over the recognised one, for a new file's headers. */
export async function suggestedMapping(tx: Reader, userId: number, headers: readonly string[], recognised: ColumnMapping): Promise<ColumnMapping> {
  const [row] = await tx.select({ mapping: importMappings.mapping }).from(importMappings).where(eq(importMappings.userId, userId));
  const remembered = (row?.mapping ?? {}) as Partial<Record<ImportField, string>>;
  const mapping: ColumnMapping = { ...recognised };
  for (const field of IMPORT_FIELDS) {
    const header = remembered[field];
    const column = header === undefined ? -1 : headers.indexOf(header);
    if (column < 0) continue;
    for (const other of IMPORT_FIELDS) if (mapping[other] === column) delete mapping[other];
    mapping[field] = column;
  }
  return mapping;
}

export async function createImport(
  tx: Tx,
  audit: Audit,
  user: { id: number; ministryId: number | null },
  file: { fileName: string; checksum: string; byteSize: number; table: ParsedTable },
): Promise<{ id: number }> {
  const { suggested, ...table } = file.table;
  const mapping = await suggestedMapping(tx, user.id, table.headers, suggested);
  const [row] = await tx
    .insert(imports)
    .values({ userId: user.id, ministryId: user.ministryId, fileName: file.fileName, checksum: file.checksum, format: table.format, byteSize: file.byteSize, table, mapping })
    .returning({ id: imports.id });
  await audit({
    action: "create",
    entity: "imports",
    entityId: row!.id,
    after: { fileName: file.fileName, checksum: file.checksum, byteSize: file.byteSize, format: table.format, rows: table.rows.length },
  });
  return { id: row!.id };
}

export async function getImport(id: number, viewer: ImportViewer, db: Reader = defaultDb): Promise<ImportSummary | null> {
  const [row] = await db
    .select({
      id: imports.id,
      version: imports.version,
      status: imports.status,
      fileName: imports.fileName,
      checksum: imports.checksum,
      format: imports.format,
      byteSize: imports.byteSize,
      userId: imports.userId,
      userName: users.name,
      ministryCode: ministries.code,
      headers: sql<string[]>`${imports.table}->'headers'`,
      headerLine: sql<number>`(${imports.table}->>'headerLine')::int`,
      sheetName: sql<string | null>`${imports.table}->>'sheetName'`,
      rowCount: sql<number>`jsonb_array_length(${imports.table}->'rows')`,
      mapping: imports.mapping,
      defaultYear: imports.defaultYear,
      counts: imports.counts,
      createdAt: imports.createdAt,
      previewedAt: imports.previewedAt,
      appliedAt: imports.appliedAt,
    })
    .from(imports)
    .innerJoin(users, eq(users.id, imports.userId))
    .leftJoin(ministries, eq(ministries.id, imports.ministryId))
    .where(eq(imports.id, id));
  if (!row || !canSee(row, viewer)) return null;
  const mapping = (row.mapping ?? {}) as ColumnMapping;
  return { ...row, rowCount: Number(row.rowCount), mapping, counts: row.counts as ImportCounts | null, hasYearColumn: mapping.year !== undefined };
}

/** The latest imports the viewer may see (their own; an admin sees everyone's). */
export async function listImports(viewer: ImportViewer, { limit = 20, db = defaultDb }: { limit?: number; db?: Reader } = {}) {
  return db
    .select({
      id: imports.id,
      status: imports.status,
      fileName: imports.fileName,
      userName: users.name,
      counts: imports.counts,
      createdAt: imports.createdAt,
      appliedAt: imports.appliedAt,
    })
    .from(imports)
    .innerJoin(users, eq(users.id, imports.userId))
    .where(viewer.role === "admin" ? undefined : eq(imports.userId, viewer.id))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(limit);
}

/** One page of the dry run's rows of a class, straight from the stored plan. */
export async function planRows(
  id: number,
  { rowClass, page = 1, pageSize = 100, db = defaultDb }: { rowClass: RowClass | null; page?: number; pageSize?: number; db?: Reader },
): Promise<{ rows: PlannedRow[]; total: number }> {
  const filter = rowClass === null ? sql`true` : sql`r->>'class' = ${rowClass}`;
  const result = rowsOf<{ row: PlannedRow; total: string }>(
    await db.execute(sql`select r as row, count(*) over () as total
      from ${imports}, jsonb_array_elements(${imports.plan}->'rows') with ordinality as e(r, n)
      where ${imports.id} = ${id} and ${filter}
      order by n limit ${pageSize} offset ${(page - 1) * pageSize}`),
  );
  return { rows: result.map((r) => r.row), total: Number(result[0]?.total ?? 0) };
}

/** The error rows with the file's own cells, for the "rows to correct" download. */
export async function errorRows(id: number, db: Reader = defaultDb): Promise<{ headers: string[]; rows: { line: number; cells: (string | number | null)[]; errors: PlannedRow["errors"] }[] }> {
  const [row] = await db.select({ table: imports.table, plan: imports.plan }).from(imports).where(eq(imports.id, id));
  if (!row?.plan) return { headers: [], rows: [] };
  const table = row.table as StoredTable;
  const cellsByLine = new Map(table.rows.map((r) => [r.line, r.cells]));
  const plan = row.plan as Pick<ImportPlan, "rows">;
  return {
    headers: table.headers,
    rows: plan.rows.filter((r) => r.class === "error").map((r) => ({ line: r.line, cells: cellsByLine.get(r.line) ?? [], errors: r.errors })),
  };
}

interface ClassifyArgs {
  tx: Tx;
  table: StoredTable;
  mapping: ColumnMapping;
  defaultYear: number | null;
  locale: Locale;
  scopeMinistryId: number | null;
  lock?: boolean;
}

async function classify({ tx, table, mapping, defaultYear, locale, scopeMinistryId, lock }: ClassifyArgs) {
  // The years and ids the rows name, read loosely: anything unreadable is reported by the classification.
  const cellOf = (field: ImportField, cells: unknown[]) => (mapping[field] === undefined ? null : cells[mapping[field]!]);
  const years = new Set<number>(defaultYear === null ? [] : [defaultYear]);
  const ids = new Set<number>();
  for (const row of table.rows) {
    const year = Number(String(cellOf("year", row.cells) ?? "").trim());
    if (Number.isInteger(year) && year >= 1990 && year <= 2100) years.add(year);
    const id = Number(String(cellOf("id", row.cells) ?? "").trim());
    if (Number.isInteger(id) && id > 0 && id < 2 ** 31) ids.add(id);
  }
  const lookups = await loadImportLookups(tx, { years: [...years], ids: [...ids], lock });
  return { plan: classifyImport({ table, mapping, defaultYear, locale, scopeMinistryId }, lookups), lookups };
}

async function loadForWrite(tx: Tx, id: number, version: number): Promise<Import> {
  const [row] = await tx.select().from(imports).where(eq(imports.id, id)).for("update");
  if (!row) throw new ActionError("not_found");
  if (row.version !== version) throw new ActionError("conflict", { current: { version: row.version, status: row.status } });
  if (row.status === "applied") throw new ActionError("invalid", { fieldErrors: { _form: ["alreadyApplied"] } });
  return row;
}

/** The dry run: classifies every row and stores the result with the mapping; the register is not touched. */
export async function previewImport(
  tx: Tx,
  audit: Audit,
  user: { id: number; ministryId: number | null },
  input: { id: number; version: number; mapping: ColumnMapping; defaultYear: number | null; locale: Locale },
): Promise<{ counts: ImportCounts; version: number }> {
  const row = await loadForWrite(tx, input.id, input.version);
  const table = row.table as StoredTable;
  const outside = Object.entries(input.mapping).filter(([, column]) => column >= table.headers.length);
  if (outside.length) throw new ActionError("invalid", { fieldErrors: Object.fromEntries(outside.map(([field]) => [`mapping.${field}`, ["choice"]])) });
  const { plan } = await classify({ tx, table, mapping: input.mapping, defaultYear: input.defaultYear, locale: input.locale, scopeMinistryId: row.ministryId });
  const [updated] = await tx
    .update(imports)
    .set({ mapping: input.mapping, defaultYear: input.defaultYear, plan, counts: plan.counts, status: "previewed", previewedAt: sql`now()`, version: sql`${imports.version} + 1`, updatedAt: sql`now()` })
    .where(eq(imports.id, row.id))
    .returning({ version: imports.version });
  // Remembered by header text, so that the next file with the same headers is mapped the same way.
  const byHeader = Object.fromEntries(Object.entries(input.mapping).map(([field, column]) => [field, table.headers[column]]));
  await tx
    .insert(importMappings)
    .values({ userId: user.id, mapping: byHeader })
    .onConflictDoUpdate({ target: importMappings.userId, set: { mapping: byHeader, updatedAt: sql`now()` } });
  await audit({ action: "preview", entity: "imports", entityId: row.id, after: { mapping: byHeader, defaultYear: input.defaultYear, counts: plan.counts } });
  return { counts: plan.counts, version: updated!.version };
}

/**
 * Writes the accepted rows of the dry run, all in the caller's transaction: classifies the file again with
 * the matched lines locked, and refuses ("conflict") unless that gives exactly the stored plan, so nothing
 * that changed since the dry run is overwritten. Every line written gets its audit row with the import's id.
 */
export async function applyImport(
  tx: Tx,
  user: { id: number },
  requestId: string,
  input: { id: number; version: number; locale: Locale },
): Promise<{ counts: ImportCounts; written: number }> {
  const row = await loadForWrite(tx, input.id, input.version);
  if (row.status !== "previewed" || !row.plan) throw new ActionError("invalid", { fieldErrors: { _form: ["notPreviewed"] } });
  const stored = row.plan as ImportPlan;
  const accepted = stored.rows.filter((r) => r.class === "new" || r.class === "changed");
  for (const year of new Set(accepted.map((r) => r.key.year).filter((y): y is number => y !== null))) await assertYearOpen(tx, year);
  const { plan: again, lookups } = await classify({ tx, table: row.table as StoredTable, mapping: (row.mapping ?? {}) as ColumnMapping, defaultYear: row.defaultYear, locale: input.locale, scopeMinistryId: row.ministryId, lock: true });
  if (again.fingerprint !== stored.fingerprint) throw new ActionError("conflict", { current: { reason: "changedSincePreview" } });

  const entries: AuditInput[] = [];
  const base = { userId: user.id, requestId, importId: row.id, entity: "contributions" } as const;
  const fresh = accepted.filter((r) => r.class === "new");
  for (let i = 0; i < fresh.length; i += 500) {
    const inserted = await tx
      .insert(contributions)
      .values(fresh.slice(i, i + 500).map((r) => ({ ...(r.set as typeof contributions.$inferInsert), createdBy: user.id, updatedBy: user.id })))
      .returning();
    for (const line of inserted) entries.push({ ...base, action: "import", entityId: line.id, before: null, after: pickWritten(line) });
  }
  for (const planned of accepted.filter((r) => r.class === "changed")) {
    const [after] = await tx
      .update(contributions)
      .set({ ...(planned.set as Partial<typeof contributions.$inferInsert>), updatedBy: user.id, version: sql`${contributions.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(contributions.id, planned.id!), eq(contributions.version, planned.version!)))
      .returning();
    if (!after) throw new ActionError("conflict", { current: { reason: "changedSincePreview" } });
    const keys = Object.keys(planned.set);
    const before = lookups.existing.get(after.id)!.values;
    entries.push({ ...base, action: "import", entityId: after.id, before: pick(before, keys), after: pick(after, keys) });
  }
  await tx.update(imports).set({ status: "applied", appliedAt: sql`now()`, version: sql`${imports.version} + 1`, updatedAt: sql`now()` }).where(eq(imports.id, row.id));
  entries.push({ userId: user.id, requestId, importId: row.id, entity: "imports", entityId: row.id, action: "apply", before: null, after: { fileName: row.fileName, checksum: row.checksum, counts: stored.counts } });
  await writeAudits(tx, entries);
  return { counts: stored.counts, written: accepted.length };
}

function pick(row: Record<string, unknown>, keys: readonly string[]) {
  return Object.fromEntries(keys.map((key) => [key, row[key] ?? null]));
}
const pickWritten = (row: Record<string, unknown>) => pick(row, ["year", "organizationId", ...WRITTEN]);

/** The years of the lines an import writes (its new and changed rows), for links to their grids. */
export async function importYears(id: number, db: Reader = defaultDb): Promise<number[]> {
  const result = rowsOf<{ year: number }>(
    await db.execute(sql`select distinct (r->'key'->>'year')::int as year
      from ${imports}, jsonb_array_elements(${imports.plan}->'rows') as e(r)
      where ${imports.id} = ${id} and r->>'class' in ('new', 'changed') and r->'key'->>'year' is not null
      order by 1`),
  );
  return result.map((r) => Number(r.year));
}
