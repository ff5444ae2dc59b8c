import { describe, expect, it } from "vitest";
import { IMPORT_FIELDS, recognizeHeaders } from "@/lib/import/fields";
import { catalogs } from "@/messages";

const columns = (locale: "lv" | "en") => (catalogs[locale].exports as { columns: Record<string, string> }).columns;
/** The lines export's columns, in the order app/api/reports/export/sheets.ts writes them, plus the id column. */
const LINE_KEYS = ["id", "year", "organizationCode", "organization", "kind", "ministry", "programme", "currency", "amount", "rate", "amountEur", "plannedEur", "paidEur", "outstandingEur", "dueDate", "status", "cabinetOrder", "notes"];

describe("recognizeHeaders", () => {
  for (const locale of ["lv", "en"] as const) {
    it(`maps the lines export's ${locale} headers and leaves the derived columns alone`, () => {
      const headers = LINE_KEYS.map((k) => columns(locale)[k]!);
      expect(recognizeHeaders(headers)).toEqual({
        id: 0, year: 1, organization: 2, kind: 4, ministry: 5, programme: 6, currency: 7, amount: 8,
        plannedEur: 11, dueDate: 14, status: 15, cabinetOrder: 16, notes: 17,
      });
    });
  }

  it("never maps the organization name, rate or the euro figures the app derives", () => {
    for (const locale of ["lv", "en"] as const) {
      const c = columns(locale);
      const derived = ["organization", "rate", "amountEur", "paidEur", "outstandingEur", "lineCount", "assessedEur", "state"].map((k) => c[k]!);
      expect(recognizeHeaders(derived)).toEqual({});
    }
    expect(recognizeHeaders(["organization", "Organizacija"])).toEqual({});
  });

  it("takes the field keys themselves, case, spaces and a BOM aside", () => {
    const mapping = recognizeHeaders(IMPORT_FIELDS.map((f) => f));
    expect(Object.keys(mapping).sort()).toEqual(IMPORT_FIELDS.filter((f) => f !== "organization").sort());
    expect(recognizeHeaders(["\uFEFF  PLANNEDEUR ", "Summa   valūtā", " maksātāja  MINISTRIJA"])).toEqual({ plannedEur: 0, amount: 1, ministry: 2 });
  });

  it("reads a Latvian header typed without diacritics", () => {
    expect(recognizeHeaders(["Termins", "Saisinajums", "Valuta"])).toEqual({ dueDate: 0, organization: 1, currency: 2 });
  });

  it("gives each field one column and each column one field, the first column winning", () => {
    expect(recognizeHeaders(["Year", "Gads", "", "year"])).toEqual({ year: 0 });
    expect(recognizeHeaders(["Something", "Notes"])).toEqual({ notes: 1 });
  });
});
