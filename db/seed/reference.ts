import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "../index";
import {
  currencies,
  ministries,
  missionOrganizations,
  missions,
  organizationResponsibilities,
  organizations,
} from "../schema";
import { readMinistries, readMissions, readOrganizations } from "./data";
import type { SeedContext, SeedSummary } from "./summary";

const CURRENCIES = [
  { code: "EUR", nameLv: "Eiro", nameEn: "Euro", fixedRate: false },
  { code: "USD", nameLv: "ASV dolārs", nameEn: "US dollar", fixedRate: false },
  { code: "CHF", nameLv: "Šveices franks", nameEn: "Swiss franc", fixedRate: false },
  // Still active: historic (pre-2014) amounts are entered in lats at the fixed changeover rate.
  { code: "LVL", nameLv: "Latvijas lats", nameEn: "Latvian lats", fixedRate: true },
];

// Only the membership dates read in a source (research-notes §1.1); the others stay unknown (null).
const MEMBER_SINCE: Record<string, string> = {
  UN: "1991-09-17",
  OSCE: "1991-09-10",
  COE: "1995-02-10",
  OECD: "2016-07-01",
};

// Placeholder start of a responsibility when the membership date is unknown: before every seeded contribution.
const DEFAULT_VALID_FROM = "2000-01-01";

// Facts from research-notes §5 [SRC]. Street addresses were not found, so none are stored.
const MISSION_DETAILS: Record<string, { headOfMission?: string; website?: string; notes?: string }> = {
  "Permanent Mission of Latvia to the United Nations (New York)": {
    headOfMission: "Sanita Pavļuta-Deslandes",
    notes: "Vadītāja avots: https://mfa.gov.lv/lv/jaunums/latvijas-vestniece-ano-iesniedz-akreditacijas-vestuli-karibu-valsts-kopienas-generalsekretarei",
  },
  "Permanent Mission of Latvia to the UN and the WTO (Geneva)": { website: "https://www.mfa.gov.lv/geneva" },
  "Permanent Mission of Latvia to the United Nations (Vienna)": {
    headOfMission: "Raimonds Oškalns",
    // The source URL in research-notes §5 is cut short, so only its site and article number are kept.
    notes: "Akreditēts UNOV/UNODC ģenerāldirektoram 2024-09-18 (www2.mfa.gov.lv/vienna, ziņa Nr. 71550).",
  },
  "Permanent Representation of Latvia to FAO (Rome)": {
    headOfMission: "Elita Gavele",
    notes:
      "FAO aptver vēstniecība Itālijā; akreditēta 2024-06-12. Avots: https://mfa.gov.lv/en/article/ambassador-elita-gavele-submits-credentials-director-general-food-and-agriculture-organisation-united-nations",
  },
  "Permanent Representation of Latvia to the OPCW (The Hague)": {
    headOfMission: "Solvita Āboltiņa",
    notes:
      "Vēstniece Nīderlandē; akreditēta OPCW 2024-05-17. Avots: https://mfa.gov.lv/en/article/latvian-ambassador-solvita-aboltina-presents-credentials-opwc-director-general",
  },
  "Permanent Delegation of Latvia to UNESCO (Paris)": {
    headOfMission: "Andris Pelšs",
    notes: "Viens vadītājs OECD un UNESCO delegācijām. Avots: https://mfa.gov.lv/en/article/ambassador-andris-pelss-submits-credentials-oecd-secretary-general",
  },
  "Permanent Delegation of Latvia to the OECD (Paris)": {
    headOfMission: "Andris Pelšs",
    notes: "Viens vadītājs OECD un UNESCO delegācijām. Avots: https://mfa.gov.lv/en/article/ambassador-andris-pelss-submits-credentials-oecd-secretary-general",
  },
};

async function seedMinistries(tx: Tx, summary: SeedSummary): Promise<Map<string, number>> {
  const rows = readMinistries();
  const inserted = await tx
    .insert(ministries)
    .values(rows)
    .onConflictDoNothing({ target: ministries.code })
    .returning({ id: ministries.id });
  summary.ministries += inserted.length;
  const all = await tx.select({ id: ministries.id, code: ministries.code }).from(ministries);
  return new Map(all.map((m) => [m.code, m.id]));
}

async function seedCurrencies(tx: Tx, summary: SeedSummary): Promise<void> {
  const inserted = await tx
    .insert(currencies)
    .values(CURRENCIES)
    .onConflictDoNothing({ target: currencies.code })
    .returning({ code: currencies.code });
  summary.currencies += inserted.length;
}

async function seedOrganizations(tx: Tx, summary: SeedSummary): Promise<Map<string, number>> {
  const rows = readOrganizations();
  const ministryIdByNameLv = new Map(
    (await tx.select({ id: ministries.id, nameLv: ministries.nameLv }).from(ministries)).map((m) => [m.nameLv, m.id]),
  );
  const inserted = await tx
    .insert(organizations)
    .values(
      rows.map((o) => ({
        acronym: o.acronym,
        nameLv: o.nameLv,
        nameEn: o.nameEn,
        kind: o.kind,
        hqCity: o.hqCity,
        memberSince: MEMBER_SINCE[o.acronym] ?? null,
        billingCurrencies: o.billingCurrencies,
        sourceUrl: o.sourceUrl,
      })),
    )
    .onConflictDoNothing({ target: organizations.acronym })
    .returning({ id: organizations.id });
  summary.organizations += inserted.length;

  const all = await tx.select({ id: organizations.id, acronym: organizations.acronym }).from(organizations);
  const idByAcronym = new Map(all.map((o) => [o.acronym, o.id]));

  // Responsibilities are history (ended rows, changed leads): an organization that already has any is left
  // as it is, so a re-run never resurrects a lead someone has since ended.
  const existing = await tx
    .selectDistinct({ id: organizationResponsibilities.organizationId })
    .from(organizationResponsibilities);
  const withHistory = new Set(existing.map((r) => r.id));
  const responsibilities = rows.flatMap((o) => {
    const organizationId = idByAcronym.get(o.acronym);
    if (organizationId === undefined) throw new Error(`organization ${o.acronym} missing after insert`);
    if (withHistory.has(organizationId)) return [];
    return o.leadMinistriesLv.map((nameLv, i) => {
      const ministryId = ministryIdByNameLv.get(nameLv);
      if (ministryId === undefined) throw new Error(`organizations.csv ${o.acronym}: unknown ministry "${nameLv}"`);
      return {
        organizationId,
        ministryId,
        role: i === 0 ? ("lead" as const) : ("co_responsible" as const),
        validFrom: MEMBER_SINCE[o.acronym] ?? DEFAULT_VALID_FROM,
      };
    });
  });
  if (responsibilities.length > 0) {
    const added = await tx
      .insert(organizationResponsibilities)
      .values(responsibilities)
      .returning({ id: organizationResponsibilities.id });
    summary.organizationResponsibilities += added.length;
  }
  return idByAcronym;
}

async function seedMissions(tx: Tx, summary: SeedSummary, organizationIdByAcronym: Map<string, number>): Promise<void> {
  for (const m of readMissions()) {
    // No unique key on missions: name_en is the natural key, looked up before inserting.
    let [mission] = await tx.select({ id: missions.id }).from(missions).where(eq(missions.nameEn, m.nameEn)).limit(1);
    if (!mission) {
      const details = MISSION_DETAILS[m.nameEn] ?? {};
      [mission] = await tx
        .insert(missions)
        .values({
          nameLv: m.nameLv,
          nameEn: m.nameEn,
          city: m.city,
          countryCode: m.countryCode,
          headOfMission: details.headOfMission ?? null,
          website: details.website ?? null,
          notes: details.notes ?? null,
        })
        .returning({ id: missions.id });
      summary.missions += 1;
    }
    if (!mission) throw new Error(`mission ${m.nameEn} could not be inserted`);
    const links = m.organizationAcronyms.map((acronym) => {
      const organizationId = organizationIdByAcronym.get(acronym);
      if (organizationId === undefined) throw new Error(`missions.csv ${m.nameEn}: unknown organization ${acronym}`);
      return { missionId: mission.id, organizationId };
    });
    if (links.length === 0) continue;
    const added = await tx
      .insert(missionOrganizations)
      .values(links)
      .onConflictDoNothing()
      .returning({ missionId: missionOrganizations.missionId });
    summary.missionOrganizations += added.length;
  }
}

async function currentLeads(tx: Tx, organizationIds: number[]): Promise<Map<number, number>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await tx
    .select({
      organizationId: organizationResponsibilities.organizationId,
      ministryId: organizationResponsibilities.ministryId,
    })
    .from(organizationResponsibilities)
    .where(
      and(
        inArray(organizationResponsibilities.organizationId, organizationIds),
        eq(organizationResponsibilities.role, "lead"),
        isNull(organizationResponsibilities.validTo),
      ),
    );
  return new Map(rows.map((r) => [r.organizationId, r.ministryId]));
}

/** Ministries, currencies, organizations with their responsible ministries, and missions. */
export async function seedReference(tx: Tx, summary: SeedSummary): Promise<SeedContext> {
  const ministryIdByCode = await seedMinistries(tx, summary);
  await seedCurrencies(tx, summary);
  const organizationIdByAcronym = await seedOrganizations(tx, summary);
  await seedMissions(tx, summary, organizationIdByAcronym);
  const leadMinistryIdByOrganization = await currentLeads(tx, [...organizationIdByAcronym.values()]);
  return { tx, summary, ministryIdByCode, organizationIdByAcronym, leadMinistryIdByOrganization };
}
