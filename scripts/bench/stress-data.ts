import postgres from "postgres";
import { connect } from "../../db/index";
import { runMigrations } from "../../db/migrate";
import { seed } from "../../db/seed";
import { roundMoney, roundWhole, toDecimal, toEur } from "../../lib/money";
import { createDatabase, withAdmin } from "../../tests/helpers/databases";
import type { BenchTarget } from "./target";

export const FIRST_YEAR = 2002;
export const TARGET_YEAR = 2026;
export const ORGANIZATIONS = 1_000;
const KINDS = ["assessed", "voluntary"] as const;
const CURRENCIES = ["EUR", "USD", "CHF"] as const;
// Bumped when the generator changes: a database holding another version's rows is rebuilt.
const MARKER = { action: "bench_seed", version: 1 };
const NOTE = "BENCH: synthetic stress data";
const RATE_SOURCE = "BENCH: synthetic budget rate";
const CHUNK = 2_000;

type Sql = postgres.Sql;

/** A seeded generator, so that every rebuild yields the same rows (and comparable figures). */
function random(seedValue: number): () => number {
  let a = seedValue;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function markerOf(sql: Sql): Promise<number | null> {
  const [row] = await sql<{ version: number }[]>`
    select (after->>'version')::int as version from audit_log where action = ${MARKER.action} order by id desc limit 1`;
  return row?.version ?? null;
}

async function exists(target: BenchTarget): Promise<boolean> {
  return withAdmin(target.serverUrl, async (sql) => (await sql`select 1 from pg_database where datname = ${target.name}`).length > 0);
}

/**
 * Makes sure the bench database holds the stress set: reused when its marker says so, otherwise (or with
 * `fresh`) dropped, created, migrated, seeded with reference + demo data and filled. Returns a summary line.
 */
export async function prepareStressData(target: BenchTarget, { fresh }: { fresh: boolean }): Promise<string> {
  if (!fresh && (await exists(target))) {
    const sql = postgres(target.url, { max: 1, onnotice: () => {} });
    try {
      const version = await markerOf(sql).catch(() => null);
      if (version === MARKER.version) return `reused ${target.name} (${await describe(sql)})`;
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  const started = performance.now();
  await createDatabase(target.serverUrl, target.name);
  await runMigrations({ url: target.url });
  const app = connect({ url: target.url, max: 1 });
  try {
    await seed(app.db, { demo: true });
  } finally {
    await app.close();
  }
  const sql = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    await sql.begin((tx) => fill(tx as unknown as Sql));
    await sql`analyze`;
    return `built ${target.name} in ${((performance.now() - started) / 1000).toFixed(1)} s (${await describe(sql)})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function describe(sql: Sql): Promise<string> {
  const [row] = await sql<{ total: number; target: number; payments: number; organizations: number }[]>`
    select (select count(*) from contributions)::int as total,
           (select count(*) from contributions where year = ${TARGET_YEAR})::int as target,
           (select count(*) from payments)::int as payments,
           (select count(*) from organizations)::int as organizations`;
  return `${row!.organizations} organizations, ${row!.total} contributions (${row!.target} in ${TARGET_YEAR}), ${row!.payments} payments`;
}

/** One budget rate row per currency and year: the newest existing one, else a synthetic one. */
async function ratesByYear(sql: Sql, next: () => number): Promise<Map<string, { id: number; unitsPerEur: string }>> {
  const rates = new Map<string, { id: number; unitsPerEur: string }>();
  for (let year = FIRST_YEAR; year <= TARGET_YEAR; year++) {
    for (const [currency, base] of [["USD", 1.1], ["CHF", 1.2]] as const) {
      let [row] = await sql<{ id: number; unitsPerEur: string }[]>`
        select id, units_per_eur::text as "unitsPerEur" from exchange_rates
        where currency = ${currency} and year = ${year} order by created_at desc, id desc limit 1`;
      if (!row) {
        const unitsPerEur = (base + (next() - 0.5) * 0.3).toFixed(4);
        [row] = await sql<{ id: number; unitsPerEur: string }[]>`
          insert into exchange_rates (year, currency, units_per_eur, source)
          values (${year}, ${currency}, ${unitsPerEur}, ${RATE_SOURCE}) returning id, units_per_eur::text as "unitsPerEur"`;
      }
      rates.set(`${currency}:${year}`, row!);
    }
  }
  return rates;
}

function statusFor(year: number, r: number): "planned" | "assessed" | "partially_paid" | "paid" | "cancelled" {
  if (year < TARGET_YEAR - 1) return r < 0.85 ? "paid" : r < 0.95 ? "assessed" : "cancelled";
  if (year === TARGET_YEAR - 1) return r < 0.6 ? "paid" : r < 0.8 ? "partially_paid" : "assessed";
  return r < 0.4 ? "planned" : r < 0.75 ? "assessed" : r < 0.95 ? "partially_paid" : "paid";
}

async function fill(sql: Sql): Promise<void> {
  const next = random(20_260_101);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const [admin] = await sql<{ id: number }[]>`select id from users where role = 'admin' order by id limit 1`;
  const ministryIds = (await sql<{ id: number }[]>`select id from ministries where active order by id`).map((m) => m.id);
  const programmes = new Map(
    (await sql<{ ministryId: number; id: number }[]>`
      select distinct on (ministry_id) ministry_id as "ministryId", id from budget_programmes
      where code not in ('01.00.00', '01.04.00') order by ministry_id, id`).map((p) => [p.ministryId, p.id]),
  );
  const rates = await ratesByYear(sql, next);

  const orgRows = Array.from({ length: ORGANIZATIONS }, (_, i) => {
    const n = String(i + 1).padStart(4, "0");
    return {
      acronym: `BENCH-${n}`,
      name_lv: `Stresa testa organizācija ${n}`,
      name_en: `Stress test organization ${n}`,
      kind: i % 10 === 0 ? "fund" : "organization",
      billing_currencies: `{${CURRENCIES[i % 3]}}`,
      notes: NOTE,
    };
  });
  const orgs: { id: number; billing: string; ministryId: number }[] = [];
  for (let i = 0; i < orgRows.length; i += CHUNK) {
    const inserted = await sql<{ id: number; billing: string }[]>`
      insert into organizations ${sql(orgRows.slice(i, i + CHUNK))} returning id, billing_currencies[1] as billing`;
    for (const o of inserted) orgs.push({ ...o, ministryId: ministryIds[orgs.length % ministryIds.length]! });
  }
  await sql`insert into organization_responsibilities ${sql(
    orgs.map((o) => ({ organization_id: o.id, ministry_id: o.ministryId, role: "lead", valid_from: "2000-01-01" })),
  )}`;

  type Line = Record<string, string | number | null>;
  const lines: Line[] = [];
  const plannedPayments = new Map<string, { share: "full" | "half"; paidOn: string }>();
  for (const org of orgs) {
    for (let year = FIRST_YEAR; year <= TARGET_YEAR; year++) {
      for (const kind of KINDS) {
        const currency = kind === "assessed" ? org.billing : next() < 0.7 ? "EUR" : org.billing;
        const rate = currency === "EUR" ? null : rates.get(`${currency}:${year}`)!;
        const status = statusFor(year, next());
        // Most planned lines of the coming year have no amount yet, only the planned euros.
        const known = !(status === "planned" && next() < 0.5);
        const scale = kind === "assessed" ? 5_000_000 : 300_000;
        const raw = (Math.exp(next() * Math.log(scale / 1_000)) * 1_000).toFixed(2);
        const amount = known ? roundMoney(raw) : null;
        const amountEur = amount === null ? null : toEur(amount, rate?.unitsPerEur ?? "1");
        // Another ministry pays one line in ten: the grid's ministry filter then has something to do.
        const payingMinistryId = next() < 0.1 ? pick(ministryIds) : org.ministryId;
        lines.push({
          organization_id: org.id,
          year,
          kind,
          paying_ministry_id: payingMinistryId,
          budget_programme_id: year >= 2014 ? (programmes.get(payingMinistryId) ?? null) : null,
          currency,
          amount,
          exchange_rate_id: amount === null ? null : (rate?.id ?? null),
          amount_eur: amountEur,
          planned_eur: roundWhole(toDecimal(amountEur ?? raw).times("0.97")),
          status,
          due_date: `${year}-0${1 + Math.floor(next() * 6)}-${10 + Math.floor(next() * 18)}`,
          cabinet_order: kind === "voluntary" ? `MK rīkojums Nr. ${100 + Math.floor(next() * 800)}` : null,
          notes: next() < 0.2 ? NOTE : null,
          created_by: admin!.id,
          updated_by: admin!.id,
        });
        if (status === "paid" || status === "partially_paid") {
          plannedPayments.set(`${org.id}:${year}:${kind}`, { share: status === "paid" ? "full" : "half", paidOn: `${year}-0${4 + Math.floor(next() * 6)}-15` });
        }
      }
    }
  }

  const paymentRows: Line[] = [];
  for (let i = 0; i < lines.length; i += CHUNK) {
    const inserted = await sql<{ id: number; key: string; currency: string; amount: string; amountEur: string; rateId: number | null }[]>`
      insert into contributions ${sql(lines.slice(i, i + CHUNK))}
      returning id, organization_id || ':' || year || ':' || kind as key, currency, amount::text as amount,
        amount_eur::text as "amountEur", exchange_rate_id as "rateId"`;
    for (const c of inserted) {
      const plan = plannedPayments.get(c.key);
      if (!plan) continue;
      const amount = plan.share === "full" ? c.amount : roundMoney(toDecimal(c.amount).div(2));
      const rate = c.rateId === null ? "1" : rates.get(`${c.currency}:${Number(c.key.split(":")[1])}`)!.unitsPerEur;
      paymentRows.push({
        contribution_id: c.id,
        paid_on: plan.paidOn,
        amount,
        currency: c.currency,
        exchange_rate_id: c.rateId,
        // A full payment settles the line exactly, whatever the rounding of the conversion.
        amount_eur: plan.share === "full" ? c.amountEur : toEur(amount, rate),
        notes: NOTE,
        created_by: admin!.id,
        updated_by: admin!.id,
      });
    }
  }
  for (let i = 0; i < paymentRows.length; i += CHUNK) await sql`insert into payments ${sql(paymentRows.slice(i, i + CHUNK))}`;

  await sql`insert into audit_log (action, entity, after) values (${MARKER.action}, 'database', ${sql.json({
    version: MARKER.version,
    organizations: orgs.length,
    contributions: lines.length,
    payments: paymentRows.length,
  })})`;
}
