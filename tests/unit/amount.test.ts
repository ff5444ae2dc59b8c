import { describe, expect, it } from "vitest";
import { cellOptions, displayValue, gridNames, pastedValue, rawValue } from "@/app/(app)/contributions/_components/grid-columns";
import { parseCell } from "@/app/(app)/contributions/schemas";
import type { ContributionRow } from "@/db/queries/contributions";
import type { GridOptions } from "@/db/queries/grid-options";
import { amountForInput, parseAmount } from "@/lib/amount";
import { dateForInput, parseDateInput } from "@/lib/date-input";

describe("parseAmount", () => {
  it.each([
    ["1 234,56", "1234.56"],
    ["1\u00a0234,56", "1234.56"],
    ["1\u202f234,5", "1234.50"],
    ["1234,56", "1234.56"],
    ["1.234,56", "1234.56"],
    ["1.234.567", "1234567.00"],
    ["12.5", "12.50"],
    ["0,05", "0.05"],
    [",5", "0.50"],
    ["1 234,50 €", "1234.50"],
    ["EUR 10", "10.00"],
    ["+7", "7.00"],
    ["1,230", "1.23"],
    ["9999999999999999,99", "9999999999999999.99"],
  ])("lv reads %j as %s", (text, value) => {
    expect(parseAmount(text, "lv")).toEqual({ ok: true, value });
  });

  it.each([
    ["1,234.56", "1234.56"],
    ["1234.56", "1234.56"],
    ["1 234.56", "1234.56"],
    ["1,234", "1234.00"],
    ["1,234,567.5", "1234567.50"],
    ["0.5", "0.50"],
  ])("en reads %j as %s", (text, value) => {
    expect(parseAmount(text, "en")).toEqual({ ok: true, value });
  });

  it.each([
    ["1.234", "lv", "amountAmbiguous"],
    ["1,234.56", "lv", "amountAmbiguous"],
    ["12,5", "en", "amountAmbiguous"],
    ["1.234,56", "en", "amountAmbiguous"],
    ["1,2345", "lv", "amountDecimals"],
    ["1.005", "en", "amountDecimals"],
    ["-5", "lv", "amountNegative"],
    ["(5)", "en", "amountNegative"],
    ["abc", "lv", "amountFormat"],
    ["1,2,3", "lv", "amountFormat"],
    ["12.34.5", "en", "amountFormat"],
    ["", "lv", "amountFormat"],
    ["€", "lv", "amountFormat"],
    ["12345678901234567", "en", "amountTooLarge"],
  ] as const)("refuses %j in %s (%s)", (text, locale, message) => {
    expect(parseAmount(text, locale)).toEqual({ ok: false, message });
  });

  it("takes more decimals when asked (exchange rates)", () => {
    expect(parseAmount("0,702804", "lv", { maxDecimals: 8 })).toEqual({ ok: true, value: "0.702804" });
    expect(parseAmount("1.08245", "en", { maxDecimals: 8 })).toEqual({ ok: true, value: "1.08245" });
  });

  it("gives the stored value back in the locale's form, so it reads back exactly", () => {
    expect(amountForInput("1234.50", "lv")).toBe("1234,50");
    expect(parseAmount(amountForInput("1234.50", "lv"), "lv")).toEqual({ ok: true, value: "1234.50" });
    expect(parseAmount(amountForInput("1234.50", "en"), "en")).toEqual({ ok: true, value: "1234.50" });
  });
});

describe("parseDateInput", () => {
  it("reads ISO and day-first dates, and refuses days that do not exist", () => {
    expect(parseDateInput("2026-03-31", "lv")).toEqual({ ok: true, value: "2026-03-31" });
    expect(parseDateInput("31.03.2026", "lv")).toEqual({ ok: true, value: "2026-03-31" });
    expect(parseDateInput("31.03.2026.", "lv")).toEqual({ ok: true, value: "2026-03-31" });
    expect(parseDateInput("1/4/2026", "en")).toEqual({ ok: true, value: "2026-04-01" });
    expect(parseDateInput("29.02.2026", "lv")).toEqual({ ok: false, message: "date" });
    expect(parseDateInput("03/31/2026", "en")).toEqual({ ok: false, message: "date" });
    expect(parseDateInput("tomorrow", "en")).toEqual({ ok: false, message: "date" });
    expect(dateForInput("2026-03-31", "lv")).toBe("31.03.2026");
    expect(dateForInput("2026-03-31", "en")).toBe("31/03/2026");
  });
});

describe("grid cells", () => {
  const options: GridOptions = {
    organizations: [],
    ministries: [
      { id: 1, code: "am", nameLv: "Ārlietu ministrija", nameEn: "Ministry of Foreign Affairs", active: true },
      { id: 2, code: "zm", nameLv: "Zemkopības ministrija", nameEn: "Ministry of Agriculture", active: true },
    ],
    programmes: [
      { id: 10, ministryId: 1, code: "01.03.00", nameLv: "Iemaksas", nameEn: "Contributions", validFromYear: 2014, validToYear: null },
      { id: 11, ministryId: 2, code: "24.03.00", nameLv: "Iemaksas", nameEn: "Contributions", validFromYear: 2014, validToYear: 2020 },
    ],
    currencies: [
      { code: "EUR", nameLv: "eiro", nameEn: "euro" },
      { code: "USD", nameLv: "ASV dolārs", nameEn: "US dollar" },
    ],
  };
  const row = { id: 1, year: 2026, payingMinistryId: 1, paymentCount: 0, amount: "1234.50", dueDate: "2026-03-31", status: "planned" } as ContributionRow;
  const t = (key: string) => key;

  it("maps pasted names and codes to the values the action takes; anything else goes as typed", () => {
    const ministries = cellOptions("payingMinistryId", row, options, "lv", t);
    expect(pastedValue("payingMinistryId", " zemkopības ministrija ", ministries)).toBe("2");
    expect(pastedValue("payingMinistryId", "ZM", ministries)).toBe("2");
    expect(pastedValue("payingMinistryId", "Ministry of Foreign Affairs", ministries)).toBe("1");
    expect(pastedValue("payingMinistryId", "Nav tādas", ministries)).toBe("Nav tādas");
    expect(pastedValue("currency", "usd", cellOptions("currency", row, options, "lv", t))).toBe("USD");
    expect(pastedValue("kind", "values.kind.voluntary", cellOptions("kind", row, options, "lv", t))).toBe("voluntary");
  });

  it("offers the paying ministry's programmes in force that year, and no derived status", () => {
    expect(cellOptions("budgetProgrammeId", row, options, "lv", t).map((o) => o.value)).toEqual(["", "10"]);
    expect(cellOptions("budgetProgrammeId", { ...row, payingMinistryId: 2 }, options, "lv", t).map((o) => o.value)).toEqual([""]);
    const statuses = cellOptions("status", row, options, "lv", t);
    expect(statuses.filter((o) => !o.disabled).map((o) => o.value)).toEqual(["planned", "assessed", "cancelled"]);
    expect(cellOptions("status", { ...row, paymentCount: 1 }, options, "lv", t).every((o) => o.disabled)).toBe(true);
  });

  it("shows names from the options by id, and a deactivated ministry only on the lines that still name it", () => {
    const withOld: GridOptions = {
      ...options,
      organizations: [{ id: 7, acronym: "UN", name: "Apvienoto Nāciju Organizācija", archived: false, currency: "USD", payingMinistryId: 1 }],
      ministries: [...options.ministries, { id: 3, code: "old", nameLv: "Bijusī ministrija", nameEn: "Former ministry", active: false }],
    };
    const names = gridNames(withOld, "en");
    expect(names.organization(7)).toBe("Apvienoto Nāciju Organizācija");
    expect(names.organization(8)).toBeNull();
    expect(names.ministry(2)).toBe("Ministry of Agriculture");
    expect(names.programme(10)).toBe("01.03.00");
    expect(displayValue("payingMinistryId", { ...row, payingMinistryId: 3 }, names, "en", t)).toBe("Former ministry");
    expect(cellOptions("payingMinistryId", row, withOld, "lv", t).map((o) => o.value)).toEqual(["1", "2"]);
    const onOldLine = cellOptions("payingMinistryId", { ...row, payingMinistryId: 3 }, withOld, "lv", t);
    expect(onOldLine.find((o) => o.value === "3")).toMatchObject({ label: "Bijusī ministrija", disabled: true });
  });

  it("parses a cell's text the same way in the browser and the action", () => {
    expect(parseCell("amount", rawValue(row, "amount", "lv"), "lv")).toEqual({ ok: true, value: "1234.50" });
    expect(parseCell("dueDate", rawValue(row, "dueDate", "en"), "en")).toEqual({ ok: true, value: "2026-03-31" });
    expect(parseCell("payingMinistryId", "", "lv")).toEqual({ ok: false, message: "required" });
    expect(parseCell("budgetProgrammeId", "", "lv")).toEqual({ ok: true, value: null });
    expect(parseCell("status", "paid", "lv")).toEqual({ ok: true, value: "paid" });
    expect(parseCell("kind", "other", "lv")).toEqual({ ok: false, message: "choice" });
    expect(parseCell("cabinetOrder", "x".repeat(201), "lv")).toEqual({ ok: false, message: "tooLong:200" });
    expect(parseCell("currency", "us", "lv")).toEqual({ ok: false, message: "choice" });
  });
});
