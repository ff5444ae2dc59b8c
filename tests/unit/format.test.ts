import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, formatNumber, formatPercent, formatSignedMoney } from "@/lib/format";
import { currentYear } from "@/lib/years";

// Intl uses non-breaking spaces for grouping and before the currency sign; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it("writes Latvian amounts as 1 234,56 €", () => {
    expect(plain(formatMoney("1234.56", "EUR", "lv"))).toBe("1 234,56 €");
    expect(plain(formatMoney("1234567.8", "EUR", "lv"))).toBe("1 234 567,80 €");
  });

  it("writes English amounts as €1,234.56", () => {
    expect(formatMoney("1234.56", "EUR", "en")).toBe("€1,234.56");
  });

  it("names other currencies by code, not an ambiguous sign", () => {
    expect(plain(formatMoney("1500000", "USD", "lv"))).toBe("1 500 000,00 USD");
  });

  it("keeps every digit of a numeric(18,2) amount", () => {
    expect(plain(formatMoney("9999999999999999.99", "EUR", "lv"))).toBe("9 999 999 999 999 999,99 €");
  });

  it("shows a dash for a missing amount", () => {
    expect(formatMoney(null, "EUR", "lv")).toBe("—");
  });
});

describe("formatNumber and formatDate", () => {
  it("groups thousands in both languages", () => {
    expect(plain(formatNumber(1234, "lv"))).toBe("1 234");
    expect(formatNumber(1234, "en")).toBe("1,234");
  });

  it("formats dates day-first in Riga time", () => {
    expect(formatDate("2026-01-31", "en")).toBe("31 Jan 2026");
    expect(formatDate("2026-01-31", "lv")).toMatch(/2026/);
  });
});

describe("currentYear", () => {
  it("turns the year at midnight in Riga, not in UTC", () => {
    expect(currentYear(new Date("2025-12-31T22:30:00Z"))).toBe(2026);
    expect(currentYear(new Date("2025-12-31T21:30:00Z"))).toBe(2025);
  });
});

describe("changes and percentages", () => {
  it("signs a change in euros and leaves a zero (even -0.00) unsigned", () => {
    expect(formatSignedMoney("1234.5", "lv")).toBe("+1\u00a0234,50\u00a0€");
    expect(formatSignedMoney("-5.00", "en")).toBe("-€5.00");
    expect(formatSignedMoney("-0.00", "lv")).toBe("0,00\u00a0€");
    expect(formatSignedMoney(null, "lv")).toBe("—");
  });

  it("shows a percentage exactly as the query rounded it", () => {
    expect(formatPercent("33.3", "lv")).toBe("+33,3\u00a0%");
    expect(formatPercent("-0.1", "en")).toBe("-0.1\u00a0%");
    expect(formatPercent(null, "en")).toBe("—");
  });
});
