import { describe, expect, it } from "vitest";
import { roundMoney, sumMoney, toDecimal, toEur } from "@/lib/money";
import { ROUNDING_GOLDEN } from "../helpers/rounding-golden";

describe("roundMoney", () => {
  it.each(ROUNDING_GOLDEN)("rounds %s half away from zero to %s", (input, expected) => {
    expect(roundMoney(input)).toBe(expected);
  });

  it("refuses anything that is not a plain decimal string", () => {
    for (const bad of ["", "abc", "1e3", "0x10", "NaN", "Infinity", "1,5", "1.2.3"]) {
      expect(() => roundMoney(bad), bad).toThrow(RangeError);
    }
  });
});

describe("toEur", () => {
  it("converts lats at the fixed changeover rate, rounding once", () => {
    // 553 209 LVL, the 2001 UN assessment: 553209 / 0.702804 = 787145.491…
    expect(toEur("553209", "0.702804")).toBe("787145.49");
  });

  it("converts dollars with a yearly rate", () => {
    expect(toEur("10000", "1.3285")).toBe("7527.29");
  });

  it("refuses a zero or negative rate", () => {
    expect(() => toEur("1", "0")).toThrow(RangeError);
    expect(() => toEur("1", "-1.1")).toThrow(RangeError);
  });
});

describe("sumMoney", () => {
  it("adds stored lines exactly, where floats would drift", () => {
    expect(sumMoney(["0.10", "0.20", "0.30"])).toBe("0.60");
    expect(sumMoney(Array.from({ length: 1000 }, () => "0.01"))).toBe("10.00");
  });

  it("skips missing amounts", () => {
    expect(sumMoney(["1.00", null, undefined, "2.50"])).toBe("3.50");
    expect(sumMoney([])).toBe("0.00");
  });

  it("gives the same total through whole cents as through decimal.js", () => {
    const cases: string[][] = [
      ["-0.05", "0.01"],
      ["-1.5", "0.2", "3"],
      ["9999999999999999.99", "0.01"],
      ["-9999999999999999.99", "-0.01"],
      ["0.07", "-0.07"],
    ];
    for (const values of cases) {
      const viaDecimal = values.reduce((total, v) => total.plus(toDecimal(v)), toDecimal("0")).toFixed(2);
      expect(sumMoney(values)).toBe(viaDecimal);
    }
    expect(sumMoney(["-0.05", "0.01"])).toBe("-0.04");
    expect(sumMoney(["9999999999999999.99", "0.01"])).toBe("10000000000000000.00");
  });

  it("takes the decimal path for more than two decimals or Decimal inputs", () => {
    expect(sumMoney(["0.005", "0.005"])).toBe("0.01");
    expect(sumMoney([toDecimal("1.25"), "2"])).toBe("3.25");
  });
});
