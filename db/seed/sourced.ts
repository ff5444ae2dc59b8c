import { eq } from "drizzle-orm";
import { currencies } from "../schema";
import { ensureContribution } from "./contributions";
import { readContributions, readExchangeRates } from "./data";
import { toEur } from "../../lib/money";
import { ensureRates, rateFor, type RateTable } from "./rates";
import type { SeedContext } from "./summary";

/**
 * Every row in contributions.csv is a payment by Ārlietu ministrija: the 2001 list is the MFA's assessed
 * contributions and the 2014/2018/2023 rows are Cabinet-approved voluntary contributions from the MFA
 * budget (research-notes §1.2 [SRC]). The organization's lead ministry would be wrong for UNESCO 2001
 * (lead: Kultūras ministrija), WTO/ACWL 2001, ICC-TFV and NRC-CNT.
 */
const SOURCED_PAYER_CODE = "am";

/** Rates from exchange-rates.csv (budget rates 2014–2024 and the fixed LVL changeover rate). */
export async function seedReferenceRates(ctx: SeedContext): Promise<RateTable> {
  const fixed = await ctx.tx
    .select({ code: currencies.code })
    .from(currencies)
    .where(eq(currencies.fixedRate, true));
  return ensureRates(ctx.tx, ctx.summary, readExchangeRates(), new Set(fixed.map((c) => c.code)));
}

/**
 * The 30 contributions found in public sources. Their status stays "assessed": the sources give assessed
 * or approved amounts, not confirmed payments, so no payments are invented for them.
 */
export async function seedSourcedContributions(ctx: SeedContext, rates: RateTable): Promise<void> {
  const payingMinistryId = ctx.ministryIdByCode.get(SOURCED_PAYER_CODE);
  if (payingMinistryId === undefined) throw new Error(`ministry ${SOURCED_PAYER_CODE} missing`);

  for (const c of readContributions()) {
    const organizationId = ctx.organizationIdByAcronym.get(c.acronym);
    if (organizationId === undefined) throw new Error(`contributions.csv: unknown organization ${c.acronym}`);
    const rate = rateFor(rates, c.currency, c.year);
    await ensureContribution(ctx.tx, ctx.summary, {
      organizationId,
      year: c.year,
      kind: c.kind,
      payingMinistryId,
      currency: c.currency,
      amount: c.amount,
      exchangeRateId: rate?.id ?? null,
      amountEur: rate ? toEur(c.amount, rate.unitsPerEur) : toEur(c.amount, "1"),
      plannedEur: null,
      status: "assessed",
      sourceUrl: c.sourceUrl,
    });
  }
}
