import { NextIntlClientProvider } from "next-intl";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { DataTable, dataTableColumns } from "@/components/data-table";
import { defineTableSpec, type TableResult } from "@/components/data-table/spec";
import { catalogs } from "@/messages";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));

interface Row {
  id: number;
  name: string;
  total: string;
}
const t = catalogs.lv.dataTable as Record<string, string>;
const spec = defineTableSpec({ sortable: ["name", "total"], defaultSort: { id: "name", desc: false }, filters: { kind: ["a", "b"] } });
const column = dataTableColumns<Row>();
const columns = column.columns([
  column.accessor("name", { header: "Name", meta: { rowHeader: true } }),
  column.accessor("total", { header: "Total", meta: { numeric: true } }),
]);

function render(result: TableResult<Row>, search = "", locale: "lv" | "en" = "lv"): string {
  const wrap = (children: ReactNode) => (
    <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone="Europe/Riga">
      <NuqsTestingAdapter searchParams={search}>{children}</NuqsTestingAdapter>
    </NextIntlClientProvider>
  );
  return renderToStaticMarkup(wrap(<DataTable spec={spec} columns={columns} result={result} caption="Test list" getRowId={(row) => String(row.id)} searchLabel="Search" />));
}

describe("DataTable", () => {
  it("shows a failed load as an error with a retry button, never as an empty table", () => {
    const html = render({ ok: false });
    expect(html).toContain('role="alert"');
    expect(html).toContain(t.errorTitle);
    expect(html).toContain(t.retry);
    expect(html).not.toContain(t.empty);
    expect(html).not.toContain('aria-label="Lapas"');
  });

  it("tells 'nothing yet' from 'nothing matches the search'", () => {
    expect(render({ ok: true, rows: [], total: 0 })).toContain(t.empty);
    expect(render({ ok: true, rows: [], total: 0 }, "?q=zzz")).toContain(t.noMatches);
    expect(render({ ok: true, rows: [], total: 0 }, "?kind=a")).toContain(t.noMatches);
  });

  it("renders a real table: caption, column headers, row headers, aria-sort from the URL, count and pages", () => {
    const html = render({ ok: true, rows: [{ id: 1, name: "FAO", total: "1 234,56 €" }], total: 51 }, "?sort=total.desc&perPage=25");
    expect(html).toMatch(/<caption[^>]*>Test list<\/caption>/);
    expect(html).toMatch(/<th[^>]*scope="col"[^>]*aria-sort="descending"[^>]*>.*Total/);
    expect(html).toMatch(/<th[^>]*scope="row"[^>]*>FAO<\/th>/);
    expect(html).toContain("51 ieraksts");
    expect(html).toContain("1. lapa no 3");
  });

  it("shows the server's fallback for a sort id it does not know", () => {
    const html = render({ ok: true, rows: [{ id: 1, name: "FAO", total: "1" }], total: 1 }, "?sort=password_hash.desc");
    expect(html).toMatch(/aria-sort="ascending"[^>]*>.*Name/);
  });

  it("speaks English with the English catalog", () => {
    const html = render({ ok: true, rows: [{ id: 1, name: "FAO", total: "1" }], total: 2 }, "", "en");
    expect(html).toContain("2 records");
    expect(html).toContain("Page 1 of 1");
  });
});
