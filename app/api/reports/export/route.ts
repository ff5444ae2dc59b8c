import { z } from "zod";
import { auditRead } from "@/db/queries/audit";
import { getMinistry } from "@/db/queries/ministries";
import { contributionKind } from "@/db/schema/enums";
import { csvStream } from "@/lib/export/csv";
import { pdfStream } from "@/lib/export/pdf";
import { contentDisposition, fileSlug, type CsvStyle, type TitleBlock } from "@/lib/export/sheet";
import { xlsxStream } from "@/lib/export/xlsx";
import { formatDateTime } from "@/lib/format";
import { isLocale, localeCookie, type Locale } from "@/lib/i18n/config";
import { defineRoute } from "@/lib/route";
import { ALL_VIEWS, reportName, sheetFor, translator, VIEWS, type ExportRequest, type SheetView } from "./sheets";

const year = z.coerce.number().int().min(1990).max(2100);

/** The export URL the report pages link to (db/queries/reports.ts contract); anything else is a 400. */
const exportQuery = z
  .strictObject({
    view: z.enum(VIEWS),
    format: z.enum(["xlsx", "csv", "pdf"]),
    year,
    ministry: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    kind: z.enum(contributionKind.enumValues).optional(),
    from: year.optional(),
    to: year.optional(),
    sep: z.enum(["semicolon", "comma"]).optional(),
    /** view=lines only: every year's lines (the whole register). */
    allYears: z.literal("1").optional(),
  })
  .refine((q) => q.view !== "all" || q.format === "xlsx", { path: ["format"], message: "choice" })
  .refine((q) => q.sep === undefined || q.format === "csv", { path: ["sep"], message: "choice" })
  .refine((q) => q.allYears === undefined || q.view === "lines", { path: ["allYears"], message: "choice" })
  .refine((q) => (q.from ?? q.year - 4) <= (q.to ?? q.year) && (q.to ?? q.year) - (q.from ?? q.year - 4) <= 15, { path: ["from"], message: "invalid" });

type ExportQuery = z.output<typeof exportQuery>;

const CONTENT_TYPE = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
} as const;

/** lv: what Excel expects in a Latvian locale; en: the RFC 4180 defaults. */
function csvStyle(query: ExportQuery, locale: Locale): CsvStyle {
  const sep = query.sep ?? (locale === "lv" ? "semicolon" : "comma");
  return sep === "semicolon" ? { separator: ";", decimalComma: true } : { separator: ",", decimalComma: false };
}

export const GET = defineRoute({
  name: "reports.export",
  roles: ["admin", "editor", "viewer"],
  query: exportQuery,
  handler: async (query, { user, request, requestId }) => {
    // The language the user sees the app in (the cookie the switcher sets), else their profile's.
    const cookie = request.cookies.get(localeCookie)?.value;
    const locale: Locale = isLocale(cookie) ? cookie : user.locale;
    const { t, kind } = translator(locale);
    const filters = { year: query.year, ministryId: query.ministry ?? null, kind: query.kind ?? null, scopeMinistryId: user.ministryId };
    const from = query.from ?? query.year - 4;
    const to = query.to ?? query.year;
    const allYears = query.allYears === "1";

    const chosen = query.ministry ? await getMinistry({ id: query.ministry }) : null;
    const ministry = chosen ? (locale === "en" ? chosen.nameEn : chosen.nameLv) : null;
    const scope = user.ministryId === null ? null : locale === "en" ? user.ministryNameEn : user.ministryNameLv;
    const filterText = [ministry ? `${t("title.ministry")}: ${ministry}` : t("title.allMinistries"), query.kind ? `${t("title.kind")}: ${kind(query.kind)}` : t("title.allKinds")];
    if (scope) filterText.push(`${t("title.scope")}: ${scope}`);
    const title: TitleBlock = {
      report: "",
      lines: [
        query.view === "years" ? [t("title.years"), `${from}–${to}`] : [t("title.year"), allYears ? "—" : String(query.year)],
        [t("title.filters"), filterText.join("; ")],
        [t("title.generatedAt"), formatDateTime(new Date(), locale)],
        [t("title.generatedBy"), user.name],
      ],
    };
    // A CSV line costs next to nothing to write, so round trips to PostgreSQL dominate: fetch more per trip
    // (npm run bench:exports). An XLSX row costs far more, and a batch is held beside the zip's buffers.
    const batchSize = query.format === "csv" ? 5_000 : 1_000;
    const base: Omit<ExportRequest, "view"> = { filters, from, to, allYears, locale, title, batchSize };
    const views: SheetView[] = query.view === "all" ? [...ALL_VIEWS] : [query.view];

    // Who exported what, before the first byte leaves: a download that fails half-way was still asked for.
    await auditRead({
      userId: user.id,
      action: "export",
      entity: "reports",
      entityId: query.view,
      after: { ...query, scopeMinistryId: user.ministryId, locale },
      requestId,
    });

    const sheets = views.map((view) => sheetFor({ ...base, view }));
    const body =
      query.format === "xlsx" ? xlsxStream(sheets, locale) : query.format === "pdf" ? pdfStream(sheets, locale) : csvStream(sheets[0]!, csvStyle(query, locale));
    const filename = `${fileSlug(reportName(query.view, base))}${ministry ? `-${fileSlug(ministry)}` : ""}.${query.format}`;
    return new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPE[query.format],
        "Content-Disposition": contentDisposition(filename),
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
