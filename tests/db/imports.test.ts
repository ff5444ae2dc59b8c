import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import Papa from "papaparse";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { applyImport, previewImport, uploadImport } from "@/app/(app)/import/actions";
import { GET as exportGet } from "@/app/api/reports/export/route";
import { rowsOf } from "@/db";
import { getImport, planRows } from "@/db/queries/imports";
import type { PlannedRow } from "@/db/queries/import-plan";
import { auditLog, contributions, fiscalYears, imports, ministries } from "@/db/schema";
import { IMPORT_FIELDS, type ColumnMapping } from "@/lib/import/fields";
import { actAs } from "../helpers/acting-user";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-imports-test" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = setupTestDatabase("demo");
const YEAR = 2026;

function data<T>(result: { ok: true; data: T } | { ok: false; error: string; fieldErrors?: unknown; current?: unknown }): T {
  if (!result.ok) throw new Error(`action failed: ${JSON.stringify(result)}`);
  return result.data;
}

async function exported(format: "xlsx" | "csv", locale: "lv" | "en" = "lv", extra = ""): Promise<Uint8Array> {
  const response = await exportGet(
    new NextRequest(`http://app.test/api/reports/export?view=lines&format=${format}&year=${YEAR}${extra}`, { headers: { cookie: `NEXT_LOCALE=${locale}` } }),
  );
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function upload(bytes: Uint8Array | string, name: string) {
  const form = new FormData();
  form.set("file", new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name));
  form.set("locale", "lv");
  return uploadImport(form);
}

const mappingForm = (mapping: ColumnMapping) => Object.fromEntries(IMPORT_FIELDS.map((f) => [f, mapping[f] === undefined ? "" : String(mapping[f])]));

/** Upload → dry run with the recognised mapping; returns the import's id, version and counts. */
async function dryRun(bytes: Uint8Array | string, name: string, user: Awaited<ReturnType<typeof actAs>>, defaultYear = "") {
  const { id } = data(await upload(bytes, name));
  const summary = (await getImport(id, user!))!;
  const result = data(await previewImport({ id, version: summary.version, locale: "lv", mapping: mappingForm(summary.mapping), defaultYear }));
  return { id, ...result };
}

async function allPlanned(id: number): Promise<PlannedRow[]> {
  return (await planRows(id, { rowClass: null, pageSize: 100_000 })).rows;
}

const lineCount = async (year = YEAR) =>
  Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from contributions where year = ${year} and status <> 'cancelled'`))[0]!.n);

/** The lines export as CSV rows (lv: `;` and decimal comma), to edit as a person would in a spreadsheet. */
async function csvRows(): Promise<string[][]> {
  const text = new TextDecoder().decode(await exported("csv"));
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: ";" }).data.filter((r) => r.length > 1);
}
const toCsv = (rows: string[][]) => "\uFEFF" + Papa.unparse(rows, { delimiter: ";" });

beforeAll(async () => {
  await actAs(db, "editor");
});

describe("import: round trip", () => {
  for (const [format, locale] of [["xlsx", "lv"], ["csv", "lv"], ["csv", "en"], ["xlsx", "en"]] as const) {
    it(`a year exported as ${format} (${locale}) and imported unchanged: every line unchanged, nothing written`, async () => {
      const user = await actAs(db, "editor");
      const bytes = await exported(format, locale);
      const before = await fingerprint(db);
      const { counts } = await dryRun(bytes, `rindas-${YEAR}.${format}`, user);
      expect(counts).toEqual({ new: 0, changed: 0, unchanged: await lineCount(), error: 0, skipped: 1 });
      const after = await fingerprint(db);
      // The dry run writes the import record and its audit row, never a contribution.
      expect(after.contributions).toBe(before.contributions);
      expect(after.payments).toBe(before.payments);
    });
  }
});

describe("import: a file with new, changed and broken rows", () => {
  it("classifies each row with its reason, and apply writes exactly the accepted rows, audited with the import's id", async () => {
    const user = await actAs(db, "editor");
    const [header, ...body] = await csvRows();
    const col = (name: string) => header!.indexOf(name);
    const lines = body.filter((r) => r[col("ID")] !== "");
    const changed = lines.find((r) => r[col("Valūta")] === "EUR" && r[col("Summa valūtā")] !== "")!;
    const changedId = Number(changed[col("ID")]);
    changed[col("Summa valūtā")] = "123 456,78";
    const notesOnly = lines.find((r) => r !== changed)!;
    const notesId = Number(notesOnly[col("ID")]);
    notesOnly[col("Piezīmes")] = "=HYPERLINK(\"http://x\",\"y\") paliek teksts";

    const blank = header!.map(() => "");
    const row = (values: Record<string, string>) => header!.map((h, i) => values[h] ?? blank[i]!);
    const fresh = row({ Gads: String(YEAR), Saīsinājums: "OSCE", Veids: "Brīvprātīgā", "Maksātāja ministrija": "am", Valūta: "EUR", "Summa valūtā": "1000,50", Piezīmes: "jauna rinda" });
    const unknownOrg = row({ Gads: String(YEAR), Saīsinājums: "NOPE", Veids: "assessed", "Maksātāja ministrija": "am", Valūta: "EUR" });
    const badAmount = row({ Gads: String(YEAR), Saīsinājums: "OSCE", Veids: "voluntary", "Maksātāja ministrija": "am", Valūta: "EUR", "Summa valūtā": "12.345" });
    const noRate = row({ Gads: "2035", Saīsinājums: "OSCE", Veids: "assessed", "Maksātāja ministrija": "am", Valūta: "USD", "Summa valūtā": "10" });
    const unknownMinistry = row({ Gads: String(YEAR), Saīsinājums: "OSCE", Veids: "assessed", "Maksātāja ministrija": "xx", Valūta: "EUR" });
    const file = toCsv([header!, ...body, fresh, unknownOrg, badAmount, noRate, unknownMinistry]);

    const { id, counts, version } = await dryRun(file, "jaukts.csv", user);
    expect(counts).toMatchObject({ new: 1, changed: 2, error: 4, skipped: 1, unchanged: (await lineCount()) - 2 });

    const planned = await allPlanned(id);
    const byLine = (n: number) => planned.find((p) => p.line === n)!;
    const lineOf = (r: string[]) => [header!, ...body, fresh, unknownOrg, badAmount, noRate, unknownMinistry].indexOf(r) + 1;
    expect(byLine(lineOf(unknownOrg)).errors).toEqual([{ field: "organization", message: "unknownOrganization", value: "NOPE" }]);
    expect(byLine(lineOf(badAmount)).errors).toEqual([{ field: "amount", message: "amountAmbiguous", value: "12.345" }]);
    expect(byLine(lineOf(noRate)).errors).toEqual([{ field: "currency", message: "noRate", value: "USD" }]);
    expect(byLine(lineOf(unknownMinistry)).errors).toEqual([{ field: "ministry", message: "unknownMinistry", value: "xx" }]);
    const change = byLine(lineOf(changed));
    expect(change.class).toBe("changed");
    expect(change.diff.map((d) => d.field)).toEqual(expect.arrayContaining(["amount", "amountEur"]));
    expect(change.diff.find((d) => d.field === "amount")!.after).toBe("123456.78");

    const before = await fingerprint(db);
    const auditBefore = await db.$count(auditLog);
    const result = data(await applyImport({ id, version, locale: "lv" }));
    expect(result.written).toBe(3);

    const [updated] = await db.select().from(contributions).where(eq(contributions.id, changedId));
    expect(updated!.amount).toBe("123456.78");
    expect(updated!.amountEur).toBe("123456.78");
    const [noted] = await db.select().from(contributions).where(eq(contributions.id, notesId));
    expect(noted!.notes).toBe('=HYPERLINK("http://x","y") paliek teksts');
    const [created] = await db.select().from(contributions).where(eq(contributions.notes, "jauna rinda"));
    expect(created).toMatchObject({ year: YEAR, kind: "voluntary", currency: "EUR", amount: "1000.50", amountEur: "1000.50", status: "planned", createdBy: user!.id });
    const [am] = await db.select({ id: ministries.id }).from(ministries).where(eq(ministries.code, "am"));
    expect(created!.payingMinistryId).toBe(am!.id);

    // Exactly three lines more or different, one audit row each with the import's id, plus the import's own.
    const after = await fingerprint(db);
    expect(after.payments).toBe(before.payments);
    const count = (f: Record<string, string>) => Number(f.contributions!.split(":")[0]);
    expect(count(after)).toBe(count(before) + 1);
    const audits = await db.select().from(auditLog).where(eq(auditLog.importId, id));
    expect(audits.filter((a) => a.entity === "contributions").map((a) => Number(a.entityId)).sort((a, b) => a - b)).toEqual([changedId, notesId, created!.id].sort((a, b) => a - b));
    expect(audits.filter((a) => a.entity === "contributions").every((a) => a.action === "import" && a.userId === user!.id)).toBe(true);
    expect(await db.$count(auditLog)).toBe(auditBefore + 4);
    const changeAudit = audits.find((a) => Number(a.entityId) === changedId)!;
    expect(changeAudit.before).toMatchObject({ amount: changed[col("Summa valūtā")] === "" ? null : expect.any(String) });
    expect(changeAudit.after).toMatchObject({ amount: "123456.78", amountEur: "123456.78" });

    const [record] = await db.select().from(imports).where(eq(imports.id, id));
    expect(record).toMatchObject({ status: "applied", fileName: "jaukts.csv", userId: user!.id });
    expect(record!.checksum).toMatch(/^[0-9a-f]{64}$/);
    // Applied once: a second apply is refused and writes nothing.
    const again = await applyImport({ id, version: record!.version, locale: "lv" });
    expect(again.ok).toBe(false);
    expect(await fingerprint(db)).toEqual(after);
  });

  it("a closed year and another ministry's rows are refused with their reason; a scoped editor sees no other ministry's line", async () => {
    await db.insert(fiscalYears).values({ year: 2019, closedAt: new Date() }).onConflictDoUpdate({ target: fiscalYears.year, set: { closedAt: new Date() } });
    const zm = await actAs(db, "zmEditor");
    const [foreign] = await db
      .select({ id: contributions.id })
      .from(contributions)
      .innerJoin(ministries, eq(ministries.id, contributions.payingMinistryId))
      .where(and(eq(contributions.year, YEAR), sql`${ministries.code} <> 'zm'`))
      .limit(1);
    const file = [
      "Gads;Saīsinājums;Veids;Maksātāja ministrija;Valūta;Summa valūtā;ID",
      `2019;FAO;assessed;zm;EUR;10;`,
      `${YEAR};OSCE;assessed;am;EUR;10;`,
      `${YEAR};;;;;;${foreign!.id}`,
    ].join("\r\n");
    const { id, counts } = await dryRun(file, "tvertne.csv", zm);
    expect(counts).toMatchObject({ error: 3, new: 0, changed: 0 });
    const planned = await allPlanned(id);
    expect(planned[0]!.errors).toContainEqual({ field: "year", message: "yearClosed", value: "2019" });
    expect(planned[1]!.errors).toContainEqual({ field: "ministry", message: "scope", value: "am" });
    expect(planned[2]!.errors).toContainEqual({ field: "id", message: "unknownId", value: String(foreign!.id) });

    // A closed year's own export imports back unchanged: only a row that would change a line is refused.
    const editor = await actAs(db, "editor");
    await db.update(fiscalYears).set({ closedAt: new Date() }).where(eq(fiscalYears.year, YEAR));
    try {
      const closed = await dryRun(await exported("csv"), "slegts.csv", editor);
      expect(closed.counts).toMatchObject({ unchanged: await lineCount(), error: 0, changed: 0 });
      const [header, ...body] = await csvRows();
      body.find((r) => r[header!.indexOf("ID")] !== "")![header!.indexOf("Piezīmes")] = "mainīts slēgtā gadā";
      const edited = await dryRun(toCsv([header!, ...body]), "slegts-labots.csv", editor);
      expect(edited.counts).toMatchObject({ error: 1, changed: 0 });
    } finally {
      await db.update(fiscalYears).set({ closedAt: null }).where(eq(fiscalYears.year, YEAR));
    }
  });
});

describe("import: nothing half-applied", () => {
  it("apply refuses when a matched line changed since the dry run, and writes nothing", async () => {
    const user = await actAs(db, "editor");
    const [header, ...body] = await csvRows();
    const col = (name: string) => header!.indexOf(name);
    const target = body.find((r) => r[col("ID")] !== "" && r[col("Valūta")] === "EUR")!;
    target[col("Piezīmes")] = "mainīts importā";
    const { id, version, counts } = await dryRun(toCsv([header!, ...body]), "konflikts.csv", user);
    expect(counts.changed).toBe(1);
    // Someone edits another line of the file in the grid meanwhile.
    const other = body.find((r) => r !== target && r[col("ID")] !== "")!;
    await db.update(contributions).set({ cabinetOrder: "cits", version: sql`${contributions.version} + 1` }).where(eq(contributions.id, Number(other[col("ID")])));
    const before = await fingerprint(db);
    const result = await applyImport({ id, version, locale: "lv" });
    expect(result).toMatchObject({ ok: false, error: "conflict", current: { reason: "changedSincePreview" } });
    expect(await fingerprint(db)).toEqual(before);
    expect((await db.select({ status: imports.status }).from(imports).where(eq(imports.id, id)))[0]!.status).toBe("previewed");
  });

  it("a failure in the middle of apply changes nothing", async () => {
    const user = await actAs(db, "editor");
    const [header, ...body] = await csvRows();
    const col = (name: string) => header!.indexOf(name);
    const targets = body.filter((r) => r[col("ID")] !== "").slice(0, 4);
    targets.forEach((r, i) => (r[col("MK rīkojums")] = i === 2 ? "BOOM" : `rīkojums ${i}`));
    const { id, version, counts } = await dryRun(toCsv([header!, ...body]), "kluda.csv", user);
    expect(counts.changed).toBe(4);
    // The third write fails inside PostgreSQL, after two lines were already updated in the transaction.
    await db.execute(sql.raw(`create or replace function boom() returns trigger language plpgsql as $$
      begin if new.cabinet_order = 'BOOM' then raise exception 'injected failure'; end if; return new; end $$`));
    await db.execute(sql.raw(`create trigger boom before update on contributions for each row execute function boom()`));
    try {
      const before = await fingerprint(db);
      const result = await applyImport({ id, version, locale: "lv" });
      expect(result).toMatchObject({ ok: false, error: "error" });
      expect(await fingerprint(db)).toEqual(before);
      expect(await db.$count(auditLog, eq(auditLog.importId, id))).toBe(0);
    } finally {
      await db.execute(sql.raw(`drop trigger boom on contributions`));
      await db.execute(sql.raw(`drop function boom()`));
    }
  });
});

describe("import: files that are not what they seem", () => {
  const refused = async (bytes: Uint8Array | string, name: string, key: string) => {
    const before = await fingerprint(db);
    const result = await upload(bytes, name);
    expect(result).toMatchObject({ ok: false, error: "invalid" });
    expect((result as { fieldErrors: Record<string, string[]> }).fieldErrors.file![0]).toMatch(new RegExp(`^${key}(:|$)`));
    expect(await fingerprint(db)).toEqual(before);
  };

  it("a truncated XLSX, random bytes, an empty file and a million rows are refused cleanly, with nothing written", async () => {
    await actAs(db, "editor");
    const xlsx = await exported("xlsx");
    await refused(xlsx.slice(0, Math.floor(xlsx.length / 2)), "puse.xlsx", "unreadable");
    await refused(new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), "troksnis.xlsx", "(unsupported|unreadable)");
    await refused("", "tukss.csv", "(required|empty)");
    const started = performance.now();
    await refused("Gads;Saīsinājums\n" + "1;a\n".repeat(1_000_000), "miljons.csv", "tooManyRows");
    console.log(`1,000,000-row CSV refused in ${Math.round(performance.now() - started)} ms`);
    await refused(`Gads;Piezīmes\n2026;${"x".repeat(5_000)}\n`, "gara.csv", "cellTooLong");
    await refused("a".repeat(5 * 1024 * 1024 + 1), "liels.csv", "tooLarge");
  });

  it("formulas are read as their values, never run; a BOM or none, `;` or `,` both read", async () => {
    const user = await actAs(db, "editor");
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Lapa");
    sheet.addRow(["Gads", "Saīsinājums", "Veids", "Maksātāja ministrija", "Valūta", "Summa valūtā", "Piezīmes"]);
    sheet.addRow([YEAR, "FOC", "voluntary", "am", "EUR", { formula: "1000+234.5", result: 1234.5 }, "=1+1"]);
    const { id, counts } = await dryRun(new Uint8Array(await book.xlsx.writeBuffer()), "formulas.xlsx", user);
    expect(counts).toMatchObject({ new: 1, error: 0 });
    const [row] = await allPlanned(id);
    expect(row!.set).toMatchObject({ amount: "1234.50", notes: "=1+1" });

    const en = await dryRun("Year,Acronym,Kind,Paying ministry,Currency,Amount in currency\r\n2026,EED,voluntary,am,EUR,\"1,234.50\"\r\n", "en.csv", user);
    expect(en.counts).toMatchObject({ new: 1, error: 0 });
    expect((await allPlanned(en.id))[0]!.set).toMatchObject({ amount: "1234.50" });
  });

  it("a viewer may not import; another editor's import is not theirs to see or apply", async () => {
    await actAs(db, "viewer");
    expect(await upload("Gads\n2026\n", "v.csv")).toMatchObject({ ok: false, error: "forbidden" });
    const editor = await actAs(db, "editor");
    const { id, version } = await dryRun(`Gads;Saīsinājums;Veids;Maksātāja ministrija;Valūta\n${YEAR};OSCE;voluntary;am;EUR\n`, "svesais.csv", editor);
    await actAs(db, "zmEditor");
    expect(await applyImport({ id, version, locale: "lv" })).toMatchObject({ ok: false, error: "not_found" });
  });
});

describe("import: mapping remembered, refused rows downloadable", () => {
  it("a column mapped by hand is offered again for the next file with the same headers", async () => {
    const user = await actAs(db, "editor");
    const file = "Gads;Org.;Tips;Maksātājs;Val.;Cik\n2026;CBSS;voluntary;am;EUR;10\n";
    const { id } = data(await upload(file, "savs.csv"));
    const first = (await getImport(id, user!))!;
    expect(first.mapping).toMatchObject({ year: 0 });
    expect(first.mapping.amount).toBeUndefined();
    const chosen = { year: 0, organization: 1, kind: 2, ministry: 3, currency: 4, amount: 5 };
    data(await previewImport({ id, version: first.version, locale: "lv", mapping: mappingForm(chosen), defaultYear: "" }));
    const next = data(await upload(file.replace("10", "20"), "savs-2.csv"));
    expect((await getImport(next.id, user!))!.mapping).toEqual(chosen);
  });

  it("the error rows download holds the file's own columns, the reasons in the reader's language and the line", async () => {
    const user = await actAs(db, "editor");
    const file = "Gads;Saīsinājums;Veids;Maksātāja ministrija;Valūta;Summa valūtā\n2026;NOPE;voluntary;am;EUR;10\n2026;CBSS;voluntary;am;EUR;1.234\n";
    const { id } = await dryRun(file, "kludas.csv", user);
    const { GET } = await import("@/app/api/import/errors/route");
    const response = await GET(new NextRequest(`http://app.test/api/import/errors?id=${id}&format=csv`, { headers: { cookie: "NEXT_LOCALE=lv" } }));
    expect(response.status).toBe(200);
    const rows = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { delimiter: ";" }).data.filter((r) => r.length > 1);
    expect(rows[0]).toEqual(["Gads", "Saīsinājums", "Veids", "Maksātāja ministrija", "Valūta", "Summa valūtā", "Iemesli", "Faila rinda"]);
    expect(rows.slice(1).map((r) => [r[1], r[7]])).toEqual([["NOPE", "2"], ["CBSS", "3"]]);
    expect(rows[1]![6]).toContain("NOPE");
    expect(rows[2]![6]).toContain("1.234");
    await actAs(db, "zmEditor");
    const denied = await GET(new NextRequest(`http://app.test/api/import/errors?id=${id}&format=xlsx`));
    expect(denied.status).toBe(404);
  });
});
