import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connect, rowsOf } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";

const { db } = setupTestDatabase("reference");

/** Runs `statement` in a transaction that is always rolled back; returns the database's error message. */
async function errorOf(statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await db.transaction(async (tx) => {
      await tx.execute(statement);
      throw new Error("statement was accepted");
    });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  return "no error";
}

describe("audit_log", () => {
  it("accepts new rows but refuses UPDATE, DELETE and TRUNCATE", async () => {
    await db.execute(sql`insert into audit_log (action, entity, entity_id) values ('test', 'probe', '1')`);
    const before = await fingerprint(db);
    expect(await errorOf(sql`update audit_log set action = 'tampered'`)).toMatch(/append-only: UPDATE/);
    expect(await errorOf(sql`delete from audit_log`)).toMatch(/append-only: DELETE/);
    expect(await errorOf(sql`truncate audit_log`)).toMatch(/append-only: TRUNCATE/);
    expect(await fingerprint(db)).toEqual(before);
  });
});

describe("exchange_rates", () => {
  it("refuses to change a stored rate, so past conversions keep their meaning", async () => {
    const before = await fingerprint(db);
    expect(await errorOf(sql`update exchange_rates set units_per_eur = 2 where currency = 'USD'`)).toMatch(
      /exchange_rates rows are immutable/,
    );
    expect(await fingerprint(db)).toEqual(before);
  });
});

describe("constraints", () => {
  it("keeps at most one current lead ministry per organization", async () => {
    const message = await errorOf(sql`
      insert into organization_responsibilities (organization_id, ministry_id, role)
      select o.id, m.id, 'lead' from organizations o, ministries m where o.acronym = 'UN' and m.code = 'zm'`);
    expect(message).toMatch(/organization_responsibilities_one_current_lead/);
  });

  it("allows a new lead once the old assignment has ended", async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        update organization_responsibilities set valid_to = current_date
        where role = 'lead' and valid_to is null and organization_id = (select id from organizations where acronym = 'CBSS')`);
      await tx.execute(sql`
        insert into organization_responsibilities (organization_id, ministry_id, role)
        select o.id, m.id, 'lead' from organizations o, ministries m where o.acronym = 'CBSS' and m.code = 'em'`);
      const rows = rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from organization_responsibilities r
          join organizations o on o.id = r.organization_id where o.acronym = 'CBSS' and r.role = 'lead'`),
      );
      expect(rows[0]?.n).toBe(2);
      tx.rollback();
    }).catch((error: Error) => {
      if (!/rollback/i.test(error.message)) throw error;
    });
  });

  it.each([
    ["a negative amount", sql`insert into contributions (organization_id, year, kind, currency, amount, amount_eur) select id, 2030, 'assessed', 'EUR', -1, -1 from organizations where acronym = 'UN'`, /contributions_amounts_non_negative/],
    ["a currency that is not ISO 4217", sql`insert into currencies (code, name_lv, name_en) values ('usd', 'x', 'x')`, /currencies_code_iso4217/],
    ["an unknown currency", sql`insert into contributions (organization_id, year, kind, currency) select id, 2030, 'assessed', 'XYZ' from organizations where acronym = 'UN'`, /foreign key/],
    ["a foreign amount without its rate", sql`insert into contributions (organization_id, year, kind, currency, amount, amount_eur) select id, 2030, 'assessed', 'USD', 10, 9 from organizations where acronym = 'UN'`, /contributions_conversion_has_rate/],
    ["a programme code outside NN.NN.00", sql`insert into budget_programmes (code, name_lv, name_en, ministry_id, valid_from_year) select '1.03.00', 'x', 'x', id, 2020 from ministries where code = 'am'`, /budget_programmes_code_format/],
    ["a mission country that is not ISO 3166", sql`insert into missions (name_lv, name_en, city, country_code) values ('x', 'x', 'x', 'USA')`, /missions_country_iso3166/],
    ["a duplicate organization acronym", sql`insert into organizations (acronym, name_lv, name_en) values ('UN', 'x', 'x')`, /organizations_acronym_key/],
    ["a billing currency in lower case", sql`insert into organizations (acronym, name_lv, name_en, billing_currencies) values ('ZZ', 'x', 'x', '{eur}')`, /organizations_billing_currencies_iso4217/],
  ])("refuses %s", async (_label, statement, expected) => {
    expect(await errorOf(statement)).toMatch(expected);
  });
});

describe("migrations", () => {
  it("re-running them is a no-op", async () => {
    const before = await fingerprint(db);
    const countMigrations = async () =>
      rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]?.n;
    const applied = await countMigrations();
    await runMigrations(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { db });
    expect(await countMigrations()).toBe(applied);
    expect(await fingerprint(db)).toEqual(before);
  });

  it("build the same schema on embedded PGlite", async () => {
    // The file's own database may be PostgreSQL; this proves the same migrations on PGlite as well.
    const embedded = connect({ dir: "memory://" });
    try {
      await runMigrations({ db: embedded.db });
      const columns = async (database: typeof db) =>
        rowsOf<{ c: string }>(
          await database.execute(sql`select table_name || '.' || column_name || ':' || data_type as c
            from information_schema.columns where table_schema = 'public' order by 1`),
        ).map((r) => r.c);
      expect(await columns(embedded.db)).toEqual(await columns(db));
    } finally {
      await embedded.close();
    }
  });
});

describe("indexes", () => {
  it("exist for every foreign key column", async () => {
    // A foreign key without an index makes joins and parent deletes scan the child table.
    const unindexed = rowsOf<{ fk: string }>(
      await db.execute(sql`
        select c.conrelid::regclass::text || '.' || a.attname as fk
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and c.connamespace = 'public'::regnamespace
          and not exists (
            select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
        order by 1`),
    );
    expect(unindexed.map((r) => r.fk)).toEqual([]);
  });
});

describe("accounts", () => {
  it("the reference (production) seed creates no account: the first admin comes from npm run user:create", async () => {
    const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from users`));
    expect(rows[0]?.n).toBe(0);
  });
});
