import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import Papa from "papaparse";
import { extractText } from "unpdf";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/reports/export/route";
import { rowsOf } from "@/db/index";
import { sumMoney } from "@/lib/money";
import { actAs } from "../helpers/acting-user";
import { setupTestDatabase } from "../helpers/test-db";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-export-test" }));

const { db } = setupTestDatabase("demo");
const YEAR = 2026;
const MALICIOUS = '=HYPERLINK("http://x","y")';

const get = (query: string, locale?: "lv" | "en") =>
  GET(new NextRequest(`http://app.test/api/reports/export?${query}`, { headers: locale ? { cookie: `NEXT_LOCALE=${locale}` } : {} }));

async function dbSums(where = sql`true`) {
  const [row] = rowsOf<{ assessed: string; planned: string; paid: string; lines: number }>(
    await db.execute(sql`select coalesce(sum(c.amount_eur), 0)::numeric(18,2)::text as assessed,
        coalesce(sum(c.planned_eur), 0)::numeric(18,2)::text as planned,
        (select coalesce(sum(p.amount_eur), 0) from payments p join contributions c2 on c2.id = p.contribution_id
          where c2.year = ${YEAR} and c2.status <> 'cancelled')::numeric(18,2)::text as paid,
        count(*)::int as lines
      from contributions c where c.year = ${YEAR} and c.status <> 'cancelled' and ${where}`),
  );
  return row!;
}

async function workbook(response: Response): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}

/** The row whose first cells hold `label` (a total or subtotal), and the header row's column of `header`. */
function find(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if ([1, 2].some((c) => row.getCell(c).value === label)) found = row;
  });
  if (!found) throw new Error(`no row "${label}" in ${sheet.name}`);
  return found;
}
function column(sheet: ExcelJS.Worksheet, header: string): number {
  for (let r = 1; r <= 10; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value === header) return c;
  }
  throw new Error(`no column "${header}" in ${sheet.name}`);
}
const cents = (n: unknown) => Math.round(Number(n) * 100);

beforeAll(async () => {
  // A note and an organization name an attacker could have typed, in the exported year.
  await db.execute(sql`update contributions set notes = ${MALICIOUS}
    where id = (select min(id) from contributions where year = ${YEAR} and status <> 'cancelled')`);
});

describe("report exports", () => {
  it("XLSX view=all: a sheet per view, totals equal the database to the cent, typed money cells, text stays text", async () => {
    await actAs(db, "viewer");
    const response = await get(`view=all&format=xlsx&year=${YEAR}`, "lv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toContain("iemaksu-parskats-2026.xlsx");
    const book = await workbook(response);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Ministrijas", "Programmas", "Organizācijas", "Statuss", "Rindas"]);
    const sums = await dbSums();

    for (const sheet of book.worksheets) {
      const total = find(sheet, "Kopā");
      const assessed = total.getCell(column(sheet, sheet.name === "Rindas" ? "Summa, EUR" : "Aprēķināts, EUR"));
      expect(cents(assessed.value), `${sheet.name} assessed total`).toBe(cents(sums.assessed));
      expect(typeof assessed.value).toBe("number");
      expect(assessed.numFmt).toBe('#,##0.00 "€"');
      expect(total.font?.bold).toBe(true);
      expect(cents(total.getCell(column(sheet, sheet.name === "Rindas" ? "Samaksāts, EUR" : "Samaksāts, EUR")).value), `${sheet.name} paid`).toBe(cents(sums.paid));
      expect(sheet.views[0]).toMatchObject({ state: "frozen" });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getCell("A1").value).toMatch(/^Iemaksas 2026|^Iemaksu/);
    }
    const lines = book.getWorksheet("Rindas")!;
    expect(cents(find(lines, "Kopā").getCell(column(lines, "Plānots, EUR")).value)).toBe(cents(sums.planned));
    const notes = column(lines, "Piezīmes");
    const texts: unknown[] = [];
    lines.eachRow((row) => texts.push(row.getCell(notes).value));
    expect(texts).toContain(`'${MALICIOUS}`);
    expect(texts.some((t) => typeof t === "object" && t !== null)).toBe(false); // no formula cells
    // The amount in its own currency is a number with a currency code beside it.
    const amount = column(lines, "Summa valūtā");
    expect(column(lines, "Valūta")).toBe(amount - 1);
    const amounts: ExcelJS.Cell[] = [];
    lines.eachRow((row, n) => {
      if (n > 7 && row.getCell(amount).value !== null) amounts.push(row.getCell(amount));
    });
    expect(amounts.length).toBeGreaterThan(10);
    for (const cell of amounts) {
      expect(typeof cell.value).toBe("number");
      expect(cell.numFmt).toBe("#,##0.00");
    }
    // A year and a line's id are numbers that name something: never shown as "2 026".
    const firstLine = lines.getRow(lines.getRow(8).getCell(1).value === YEAR ? 8 : 9);
    for (const header of ["Gads", "ID"]) {
      const cell = firstLine.getCell(column(lines, header));
      expect(typeof cell.value, header).toBe("number");
      expect(cell.numFmt, header).toBe("0");
    }
  });

  it("CSV lv: BOM, ';' and decimal comma; RFC 4180 quoting; totals to the cent; formula text prefixed", async () => {
    await actAs(db, "viewer");
    const response = await get(`view=lines&format=csv&year=${YEAR}`, "lv");
    expect(response.headers.get("content-disposition")).toMatch(/filename="iemaksu-rindas-2026\.csv"; filename\*=UTF-8''iemaksu-rindas-2026\.csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const parsed = Papa.parse<string[]>(text, { delimiter: ";" });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data.filter((r) => r.length > 1);
    const at = (name: string) => header!.indexOf(name);
    const total = rows.at(-1)!;
    expect(total[at("Saīsinājums")]).toBe("Kopā");
    const sums = await dbSums();
    expect(total[at("Summa, EUR")]).toBe(sums.assessed.replace(".", ","));
    expect(total[at("Plānots, EUR")]).toBe(sums.planned.replace(".", ","));
    const body = rows.slice(0, -1);
    expect(body).toHaveLength(sums.lines);
    expect(sumMoney(body.map((r) => r[at("Summa, EUR")]!.replace(",", ".") || null))).toBe(sums.assessed);
    expect(body.map((r) => r[at("Piezīmes")])).toContain(`'${MALICIOUS}`);
  });

  it("CSV en: ',' and a decimal point; sep overrides the language's default", async () => {
    await actAs(db, "viewer");
    const en = await (await get(`view=ministry&format=csv&year=${YEAR}`, "en")).text();
    // Response.text() drops the byte-order mark (checked byte by byte in the lv test).
    expect(en.split("\r\n")[0]).toBe("Paying ministry,Lines,\"Planned, EUR\",\"Assessed, EUR\",\"Paid, EUR\",\"Outstanding, EUR\",\"Variance from plan, EUR\",\"Variance, %\"");
    const rows = Papa.parse<string[]>(en).data.filter((r) => r.length > 1);
    expect(rows.at(-1)![0]).toBe("Total");
    expect(rows.at(-1)![3]).toBe((await dbSums()).assessed);
    const semicolon = await (await get(`view=ministry&format=csv&year=${YEAR}&sep=semicolon`, "en")).text();
    expect(semicolon.split("\r\n")[0]).toContain("Paying ministry;Lines;Planned, EUR");
  });

  it("PDF: A4 landscape with the title block, the grand total as formatted and page numbers", async () => {
    await actAs(db, "viewer");
    const response = await get(`view=organization&format=pdf&year=${YEAR}`, "lv");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const { text, totalPages } = await extractText(new Uint8Array(await response.arrayBuffer()), { mergePages: true });
    const total = new Intl.NumberFormat("lv-LV", { style: "currency", currency: "EUR", useGrouping: "always", minimumFractionDigits: 2 }).format(
      (await dbSums()).assessed as unknown as number,
    );
    const normalized = text.replace(/\s+/g, " ");
    expect(normalized).toContain(total.replace(/\s+/g, " "));
    expect(normalized).toContain("Iemaksas 2026 pa organizācijām");
    expect(normalized).toContain("Sagatavoja: Demo skatītājs");
    expect(normalized).toContain(`1 / ${totalPages}`);
  });

  it("applies the user's ministry scope and writes one audit row per export", async () => {
    const user = await actAs(db, "zmEditor");
    const before = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_log where entity = 'reports'`))[0]!.n;
    const text = await (await get(`view=lines&format=csv&year=${YEAR}&sep=comma`, "en")).text();
    const rows = Papa.parse<string[]>(text).data.filter((r) => r.length > 1);
    const ministry = rows[0]!.indexOf("Paying ministry");
    expect(ministry).toBeGreaterThan(-1);
    expect(new Set(rows.slice(1, -1).map((r) => r[ministry]))).toEqual(new Set([user!.ministryNameEn]));
    const sums = await dbSums(sql`c.paying_ministry_id = ${user!.ministryId}`);
    expect(rows.slice(1, -1)).toHaveLength(sums.lines);
    const [audit] = rowsOf<{ n: number; action: string; user_id: number; after: Record<string, unknown> }>(
      await db.execute(sql`select (select count(*)::int from audit_log where entity = 'reports') as n, action, user_id, after
        from audit_log where entity = 'reports' order by id desc limit 1`),
    );
    expect(audit).toMatchObject({ n: before + 1, action: "export", user_id: user!.id, after: { view: "lines", format: "csv", year: YEAR, sep: "comma" } });
  });

  it("refuses bad parameters with a 400 and no audit row", async () => {
    await actAs(db, "viewer");
    for (const query of ["view=all&format=csv&year=2026", "view=lines&format=xls&year=2026", "view=lines&format=csv&year=abc", "view=lines&format=csv&year=2026&ministryId=1", "view=lines&format=xlsx&year=2026&sep=comma"]) {
      expect((await get(query)).status, query).toBe(400);
    }
    await actAs(db, null);
    expect((await get(`view=lines&format=csv&year=${YEAR}`)).status).toBe(401);
  });
});

describe("the lines cursor", () => {
  const args = { filters: { year: YEAR, ministryId: null, kind: null, scopeMinistryId: null }, allYears: true, locale: "lv" as const };

  it("hands out every line once, in order, in small batches read ahead; a reader that stops early leaves the pool usable", async () => {
    const { streamReportLines, REPORT_LINE_KEYS } = await import("@/db/queries/report-lines");
    const idAt = REPORT_LINE_KEYS.indexOf("id");
    const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from contributions where status <> 'cancelled'`)) as [{ n: number }];
    // Sizes that leave a short last batch (it comes with the query's completion) and one that does not.
    const sizes = [3, 7, 50, 1_000, ...[2, 4, 5, 6].filter((size) => n % size === 0).slice(0, 1)];
    for (const batchSize of sizes) {
      const ids: number[] = [];
      let batches = 0;
      for await (const batch of streamReportLines({ ...args, batchSize })) {
        batches++;
        for (const line of batch) ids.push(Number(line[idAt]));
      }
      expect(ids, `batches of ${batchSize}`).toHaveLength(n);
      expect(new Set(ids).size).toBe(n);
      expect(batches).toBe(Math.ceil(n / batchSize));
    }

    for (let round = 0; round < 3; round++) {
      let seen = 0;
      for await (const batch of streamReportLines({ ...args, batchSize: 5 })) {
        seen += batch.length;
        if (seen >= 10) break;
      }
      expect(seen).toBe(10);
    }
    const [after] = rowsOf<{ one: number }>(await db.execute(sql`select 1 as one`));
    expect(after!.one).toBe(1);
  });
});
