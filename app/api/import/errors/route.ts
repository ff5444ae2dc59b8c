import { z } from "zod";
import { auditRead } from "@/db/queries/audit";
import { errorRows, getImport } from "@/db/queries/imports";
import { csvStream } from "@/lib/export/csv";
import { contentDisposition, fileSlug, inBatches, type Column, type CsvStyle, type Sheet } from "@/lib/export/sheet";
import { xlsxStream } from "@/lib/export/xlsx";
import { ActionError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { isLocale, localeCookie, type Locale } from "@/lib/i18n/config";
import { defineRoute } from "@/lib/route";
import { catalogs } from "@/messages";

const query = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  format: z.enum(["xlsx", "csv"]),
});

const CONTENT_TYPE = { xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", csv: "text/csv; charset=utf-8" } as const;
const CSV: Record<Locale, CsvStyle> = { lv: { separator: ";", decimalComma: true }, en: { separator: ",", decimalComma: false } };

interface ImportWords {
  fields: Record<string, string>;
  errors: Record<string, string>;
  errorsFile: { report: string; sheet: string; line: string; reasons: string; file: string; generatedAt: string };
}

/**
 * The rows a dry run refused, as a file to correct and upload again: the file's own columns as they were
 * read (so the headers are recognised again), then the reasons in the reader's language and the line
 * of the original file.
 */
export const GET = defineRoute({
  name: "imports.errors",
  roles: ["admin", "editor"],
  query,
  handler: async ({ id, format }, { user, request, requestId }) => {
    const summary = await getImport(id, user);
    if (!summary) throw new ActionError("not_found");
    const cookie = request.cookies.get(localeCookie)?.value;
    const locale: Locale = isLocale(cookie) ? cookie : user.locale;
    const words = catalogs[locale].import as unknown as ImportWords;
    const reason = (e: { field: string | null; message: string; value?: string }) =>
      `${e.field ? `${words.fields[e.field] ?? e.field}: ` : ""}${(words.errors[e.message] ?? e.message).replace(/\{value\}/g, e.value ?? "")}`;

    const { headers, rows } = await errorRows(id);
    const columns: Column[] = [
      ...headers.map((header): Column => ({ header: header || "—", type: "text" })),
      { header: words.errorsFile.reasons, type: "text", width: 60 },
      { header: words.errorsFile.line, type: "number", decimals: 0, width: 8 },
    ];
    const sheet: Sheet = {
      name: words.errorsFile.sheet,
      title: {
        report: words.errorsFile.report,
        lines: [
          [words.errorsFile.file, summary.fileName],
          [words.errorsFile.generatedAt, formatDateTime(new Date(), locale)],
        ],
      },
      columns,
      rows: inBatches(
        rows.map((r) => ({
          level: "row" as const,
          cells: [...headers.map((_, i) => (r.cells[i] === undefined ? null : r.cells[i]!)), r.errors.map(reason).join("; "), r.line],
        })),
      ),
    };
    await auditRead({ userId: user.id, action: "export", entity: "imports", entityId: id, after: { format, rows: rows.length, locale }, requestId });
    const body = format === "xlsx" ? xlsxStream([sheet], locale) : csvStream(sheet, CSV[locale]);
    const filename = `${fileSlug(`${words.errorsFile.report} ${summary.fileName.replace(/\.[^.]+$/, "")}`)}.${format}`;
    return new Response(body, { headers: { "Content-Type": CONTENT_TYPE[format], "Content-Disposition": contentDisposition(filename) } });
  },
});
