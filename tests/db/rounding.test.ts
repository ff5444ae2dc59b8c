import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/index";
import { roundMoney, toEur } from "@/lib/money";
import { ROUNDING_GOLDEN } from "../helpers/rounding-golden";
import { setupTestDatabase } from "../helpers/test-db";

const { db } = setupTestDatabase("empty");

describe("one rounding rule in TypeScript and SQL", () => {
  it.each(ROUNDING_GOLDEN)("round(%s, 2) in PostgreSQL equals roundMoney", async (input) => {
    const [row] = rowsOf<{ r: string }>(await db.execute(sql`select round(${input}::numeric, 2)::text as r`));
    expect(row?.r).toBe(roundMoney(input));
  });

  it.each([
    ["553209", "0.702804"],
    ["1687500", "1.1600"],
    ["12345.67", "0.9526"],
    ["0.01", "1.3285"],
  ])("converting %s at %s gives the same euros", async (amount, rate) => {
    const [row] = rowsOf<{ r: string }>(
      await db.execute(sql`select round(${amount}::numeric / ${rate}::numeric, 2)::text as r`),
    );
    expect(row?.r).toBe(toEur(amount, rate));
  });
});
