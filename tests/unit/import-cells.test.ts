import { describe, expect, it } from "vitest";
import { cellText, KIND_WORDS, moneyOfNumber, STATUS_WORDS, TOTAL_WORDS } from "@/lib/import/cells";

describe("reading an import's cells", () => {
  it("money from a numeric cell: a float's noise below a cent is rounded off, real fractions of a cent are refused", () => {
    expect(moneyOfNumber(0.1 + 0.2)).toEqual({ ok: true, value: "0.30" });
    expect(moneyOfNumber(1234.5)).toEqual({ ok: true, value: "1234.50" });
    expect(moneyOfNumber(7)).toEqual({ ok: true, value: "7.00" });
    expect(moneyOfNumber(0.05)).toEqual({ ok: true, value: "0.05" });
    expect(moneyOfNumber(1.005)).toEqual({ ok: false, message: "amountDecimals" });
    expect(moneyOfNumber(-1)).toEqual({ ok: false, message: "amountNegative" });
    expect(moneyOfNumber(Number.NaN)).toEqual({ ok: false, message: "amountFormat" });
    expect(moneyOfNumber(1e300)).toEqual({ ok: false, message: "amountTooLarge" });
  });

  it("text the exports protected with a leading ' comes back as typed; other text is only trimmed", () => {
    expect(cellText("'=HYPERLINK(\"x\")")).toBe('=HYPERLINK("x")');
    expect(cellText("'-5 %")).toBe("-5 %");
    expect(cellText("'apostrofs")).toBe("'apostrofs");
    expect(cellText("  teksts ")).toBe("teksts");
    expect(cellText(2026)).toBe("2026");
    expect(cellText(null)).toBe("");
  });

  it("kinds, statuses and the total row in either language, or as keys", () => {
    expect(KIND_WORDS.get("obligātā")).toBe("assessed");
    expect(KIND_WORDS.get("voluntary")).toBe("voluntary");
    expect(STATUS_WORDS.get("partially_paid")).toBe("partially_paid");
    expect([...STATUS_WORDS.values()]).toContain("paid");
    expect(TOTAL_WORDS.has("kopā") && TOTAL_WORDS.has("total")).toBe(true);
  });
});
