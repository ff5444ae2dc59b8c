import { and, eq } from "drizzle-orm";
import { budgetProgrammes, DEMO_NOTES_PREFIX } from "../schema";
import { ensureContribution, type NewPayment } from "./contributions";
import type { ExchangeRateRow } from "./data";
import { demoLines } from "./demo-plan";
import { toDecimal as dec, roundWhole, toEur } from "../../lib/money";
import { ensureRates, rateFor, type RateRef, type RateTable } from "./rates";
import type { SeedContext } from "./summary";

/** Marks every demo row, so that nobody mistakes it for a real figure and a re-run can find it. */
export const DEMO_NOTE = `${DEMO_NOTES_PREFIX} aprēķināti demonstrācijas dati (research-notes §1.5), nav reāli maksājumi`;

const DEMO_RATE_SOURCE = "DEMO: illustrative budget rate";
const PROGRAMMES_FROM_YEAR = 2014;

const CONTRIBUTIONS_LV = "Iemaksas starptautiskajās organizācijās";
const CONTRIBUTIONS_EN = "Contributions to international organizations";

// research-notes §3: 01.04.00 is confirmed, 01.00.00 inferred and 01.03.00 believed but unverified.
const FOREIGN_AFFAIRS_PROGRAMMES = [
  { code: "01.00.00", nameLv: "Ārlietu dienests", nameEn: "Foreign Service" },
  { code: "01.03.00", nameLv: CONTRIBUTIONS_LV, nameEn: CONTRIBUTIONS_EN },
  { code: "01.04.00", nameLv: "Diplomātiskās misijas ārvalstīs", nameEn: "Diplomatic missions abroad" },
];

// The programme each ministry pays its contributions from. Only the MFA's is researched; the codes of the
// other ministries are illustrative placeholders in the NN.NN.00 format, not real budget codes.
const CONTRIBUTION_PROGRAMME_CODE: Record<string, string> = {
  am: "01.03.00",
  aim: "33.00.00",
  em: "29.02.00",
  zm: "24.03.00",
  km: "22.05.00",
  izm: "42.04.00",
  tm: "09.02.00",
  iem: "40.06.00",
};

// The CSV stops at 2024; open years need a budget rate too. Plausible values, not ECB figures.
const DEMO_RATES: ExchangeRateRow[] = [
  { year: 2025, currency: "USD", unitsPerEur: "1.1300", source: DEMO_RATE_SOURCE },
  { year: 2026, currency: "USD", unitsPerEur: "1.1600", source: DEMO_RATE_SOURCE },
  { year: 2025, currency: "CHF", unitsPerEur: "0.9400", source: DEMO_RATE_SOURCE },
  { year: 2026, currency: "CHF", unitsPerEur: "0.9300", source: DEMO_RATE_SOURCE },
];

/** Budget programmes; returns the contributions programme id per ministry id. */
async function seedProgrammes(ctx: SeedContext): Promise<Map<number, number>> {
  const rows = [
    ...FOREIGN_AFFAIRS_PROGRAMMES.map((p) => ({ ...p, ministryCode: "am" })),
    ...Object.entries(CONTRIBUTION_PROGRAMME_CODE)
      .filter(([ministryCode]) => ministryCode !== "am")
      .map(([ministryCode, code]) => ({ ministryCode, code, nameLv: CONTRIBUTIONS_LV, nameEn: CONTRIBUTIONS_EN })),
  ];
  const ministryId = (code: string) => {
    const id = ctx.ministryIdByCode.get(code);
    if (id === undefined) throw new Error(`ministry ${code} missing`);
    return id;
  };
  const inserted = await ctx.tx
    .insert(budgetProgrammes)
    .values(
      rows.map((p) => ({
        code: p.code,
        nameLv: p.nameLv,
        nameEn: p.nameEn,
        ministryId: ministryId(p.ministryCode),
        validFromYear: PROGRAMMES_FROM_YEAR,
      })),
    )
    .onConflictDoNothing({
      target: [budgetProgrammes.ministryId, budgetProgrammes.code, budgetProgrammes.validFromYear],
    })
    .returning({ id: budgetProgrammes.id });
  ctx.summary.budgetProgrammes += inserted.length;

  const programmeByMinistry = new Map<number, number>();
  for (const [ministryCode, code] of Object.entries(CONTRIBUTION_PROGRAMME_CODE)) {
    const id = ministryId(ministryCode);
    const [programme] = await ctx.tx
      .select({ id: budgetProgrammes.id })
      .from(budgetProgrammes)
      .where(
        and(
          eq(budgetProgrammes.ministryId, id),
          eq(budgetProgrammes.code, code),
          eq(budgetProgrammes.validFromYear, PROGRAMMES_FROM_YEAR),
        ),
      )
      .limit(1);
    if (!programme) throw new Error(`programme ${ministryCode} ${code} missing after insert`);
    programmeByMinistry.set(id, programme.id);
  }
  return programmeByMinistry;
}

function eurOf(amount: string, rate: RateRef | null): string {
  return toEur(amount, rate?.unitsPerEur ?? "1");
}

/**
 * Demo data for 2019–2026: budget programmes, budget rates for 2025–2026, assessed contributions of the
 * main organizations and their payments. Each demo contribution carries DEMO_NOTE and no source URL.
 */
export async function seedDemo(ctx: SeedContext, referenceRates: RateTable): Promise<void> {
  const programmeByMinistry = await seedProgrammes(ctx);
  const rates = await ensureRates(ctx.tx, ctx.summary, DEMO_RATES, new Set(), new Map(referenceRates));

  // amount_eur per organization, currency and year: next year's plan is this year's assessment.
  const eurByLine = new Map<string, string>();
  for (const line of demoLines()) {
    const organizationId = ctx.organizationIdByAcronym.get(line.acronym);
    if (organizationId === undefined) throw new Error(`demo: unknown organization ${line.acronym}`);
    const payingMinistryId = line.payer
      ? ctx.ministryIdByCode.get(line.payer)
      : ctx.leadMinistryIdByOrganization.get(organizationId);
    if (payingMinistryId === undefined) throw new Error(`demo: no paying ministry for ${line.acronym}`);
    const budgetProgrammeId = programmeByMinistry.get(payingMinistryId);
    if (budgetProgrammeId === undefined) throw new Error(`demo: no contributions programme for ${line.acronym}`);

    const rate = line.amount === null ? null : rateFor(rates, line.currency, line.year);
    const amountEur = line.amount === null ? null : eurOf(line.amount, rate);
    const lineKey = (year: number) => `${line.acronym}:${line.currency}:${year}`;
    const previousEur = eurByLine.get(lineKey(line.year - 1));
    let plannedEur: string | null = null;
    if (previousEur !== undefined) plannedEur = roundWhole(previousEur);
    else if (amountEur !== null) plannedEur = roundWhole(dec(amountEur).times("0.97"));
    if (amountEur !== null) eurByLine.set(lineKey(line.year), amountEur);

    const instalments: NewPayment[] = line.instalments.map((p) => ({
      paidOn: p.paidOn,
      amount: p.amount,
      currency: line.currency,
      exchangeRateId: rate?.id ?? null,
      amountEur: eurOf(p.amount, rate),
      notes: DEMO_NOTE,
    }));
    await ensureContribution(
      ctx.tx,
      ctx.summary,
      {
        organizationId,
        year: line.year,
        kind: "assessed",
        payingMinistryId,
        budgetProgrammeId,
        currency: line.currency,
        amount: line.amount,
        exchangeRateId: rate?.id ?? null,
        amountEur,
        plannedEur,
        status: line.status,
        dueDate: line.dueDate,
        notes: DEMO_NOTE,
      },
      instalments,
    );
  }
}
