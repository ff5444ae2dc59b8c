import { describe, expect, it } from "vitest";
import { fieldChanges } from "@/lib/history";

describe("fieldChanges: what an audit entry changed", () => {
  it("lists only the fields whose value differs, ignoring bookkeeping columns", () => {
    const before = { id: 4, name: "FAO", city: "Roma", version: 3, updatedAt: "2026-01-01T00:00:00Z", notes: null };
    const after = { id: 4, name: "FAO", city: "Rome", version: 4, updatedAt: "2026-02-01T00:00:00Z", notes: null };
    expect(fieldChanges(before, after)).toEqual([{ field: "city", before: "Roma", after: "Rome" }]);
  });

  it("shows a creation as every filled field, a deletion as every field it had", () => {
    expect(fieldChanges(null, { id: 1, acronym: "WTO", notes: null, billingCurrencies: ["CHF"] })).toEqual([
      { field: "acronym", before: null, after: "WTO" },
      { field: "billingCurrencies", before: null, after: ["CHF"] },
    ]);
    expect(fieldChanges({ acronym: "WTO" }, null)).toEqual([{ field: "acronym", before: "WTO", after: null }]);
  });

  it("compares arrays and objects by value, and keys present on one side only", () => {
    expect(fieldChanges({ organizations: ["FAO", "WTO"] }, { organizations: ["FAO", "WTO"] })).toEqual([]);
    expect(fieldChanges({ organizations: ["FAO"] }, { organizations: ["FAO", "OECD"] })).toEqual([
      { field: "organizations", before: ["FAO"], after: ["FAO", "OECD"] },
    ]);
    expect(fieldChanges({ "responsibility.zm": "lead" }, { "responsibility.zm": null })).toEqual([
      { field: "responsibility.zm", before: "lead", after: null },
    ]);
    expect(fieldChanges({}, { archivedAt: "2026-11-26T10:00:00Z" })).toEqual([{ field: "archivedAt", before: null, after: "2026-11-26T10:00:00Z" }]);
  });
});
