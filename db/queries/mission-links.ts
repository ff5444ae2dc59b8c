import "server-only";
import { and, asc, eq, isNull, notExists, sql } from "drizzle-orm";
import type { ActionContext } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import { db as defaultDb, type Db, type Tx } from "../index";
import {
  ministries,
  missionMinistries,
  missionOrganizations,
  missions,
  organizations,
  type OrganizationKind,
} from "../schema";
import { latvianSortKey } from "./table";
import { lockVersioned } from "./versioned";

// What a mission covers and who works there: its organization and ministry links, changed under a lock on the
// mission and audited against it (the mission's own fields: missions.ts).

// ── Organizations the mission covers ─────────────────────────────────────────────────────────────

export interface MissionOrganizationRow {
  id: number;
  acronym: string;
  nameLv: string;
  nameEn: string;
  kind: OrganizationKind;
  archivedAt: Date | null;
}

export async function listMissionOrganizations({ missionId, db = defaultDb }: { missionId: number; db?: Db | Tx }): Promise<MissionOrganizationRow[]> {
  return db
    .select({
      id: organizations.id,
      acronym: organizations.acronym,
      nameLv: organizations.nameLv,
      nameEn: organizations.nameEn,
      kind: organizations.kind,
      archivedAt: organizations.archivedAt,
    })
    .from(missionOrganizations)
    .innerJoin(organizations, eq(organizations.id, missionOrganizations.organizationId))
    .where(eq(missionOrganizations.missionId, missionId))
    .orderBy(asc(organizations.acronym));
}

/** Organizations that can be added: not archived and not yet covered by this mission. */
export async function listAddableOrganizations({ missionId, db = defaultDb }: { missionId: number; db?: Db | Tx }) {
  return db
    .select({ id: organizations.id, acronym: organizations.acronym, nameLv: organizations.nameLv, nameEn: organizations.nameEn })
    .from(organizations)
    .where(
      and(
        isNull(organizations.archivedAt),
        notExists(
          db
            .select({ one: sql`1` })
            .from(missionOrganizations)
            .where(and(eq(missionOrganizations.missionId, missionId), eq(missionOrganizations.organizationId, organizations.id))),
        ),
      ),
    )
    .orderBy(asc(organizations.acronym));
}

async function coveredAcronyms(tx: Tx, missionId: number): Promise<string[]> {
  const rows = await listMissionOrganizations({ missionId, db: tx });
  return rows.map((row) => row.acronym);
}

interface LinkContext {
  tx: Tx;
  audit: ActionContext["audit"];
  missionId: number;
}

/**
 * Adds an organization to the mission's coverage. The mission row is locked so that concurrent link
 * changes queue and each audit row's before/after lists are true; the mission's version is left alone,
 * so that someone editing its fields meanwhile gets no false conflict.
 */
export async function addMissionOrganization({ tx, audit, missionId, organizationId }: LinkContext & { organizationId: number }): Promise<void> {
  await lockVersioned(tx, missions, missionId, null);
  const [organization] = await tx
    .select({ archivedAt: organizations.archivedAt })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization || organization.archivedAt) throw new ActionError("invalid", { fieldErrors: { organizationId: ["choice"] } });
  const before = await coveredAcronyms(tx, missionId);
  const added = await tx.insert(missionOrganizations).values({ missionId, organizationId }).onConflictDoNothing().returning();
  if (added.length === 0) throw new ActionError("invalid", { fieldErrors: { organizationId: ["choice"] } });
  const after = await coveredAcronyms(tx, missionId);
  await audit({ action: "add_organization", entity: "missions", entityId: missionId, before: { organizations: before }, after: { organizations: after } });
}

export async function removeMissionOrganization({ tx, audit, missionId, organizationId }: LinkContext & { organizationId: number }): Promise<void> {
  await lockVersioned(tx, missions, missionId, null);
  const before = await coveredAcronyms(tx, missionId);
  const removed = await tx
    .delete(missionOrganizations)
    .where(and(eq(missionOrganizations.missionId, missionId), eq(missionOrganizations.organizationId, organizationId)))
    .returning();
  if (removed.length === 0) throw new ActionError("not_found");
  const after = await coveredAcronyms(tx, missionId);
  await audit({ action: "remove_organization", entity: "missions", entityId: missionId, before: { organizations: before }, after: { organizations: after } });
}

// ── Sectoral ministries at the mission ───────────────────────────────────────────────────────────

export interface MissionMinistryRow {
  id: number;
  code: string;
  nameLv: string;
  nameEn: string;
  note: string | null;
}

export async function listMissionMinistries({ missionId, db = defaultDb }: { missionId: number; db?: Db | Tx }): Promise<MissionMinistryRow[]> {
  return db
    .select({ id: ministries.id, code: ministries.code, nameLv: ministries.nameLv, nameEn: ministries.nameEn, note: missionMinistries.note })
    .from(missionMinistries)
    .innerJoin(ministries, eq(ministries.id, missionMinistries.ministryId))
    .where(eq(missionMinistries.missionId, missionId))
    .orderBy(latvianSortKey(ministries.nameLv));
}

/** Active ministries not yet working at this mission. */
export async function listAddableMinistries({ missionId, db = defaultDb }: { missionId: number; db?: Db | Tx }) {
  return db
    .select({ id: ministries.id, code: ministries.code, nameLv: ministries.nameLv, nameEn: ministries.nameEn })
    .from(ministries)
    .where(
      and(
        eq(ministries.active, true),
        notExists(
          db
            .select({ one: sql`1` })
            .from(missionMinistries)
            .where(and(eq(missionMinistries.missionId, missionId), eq(missionMinistries.ministryId, ministries.id))),
        ),
      ),
    )
    .orderBy(latvianSortKey(ministries.nameLv));
}

async function ministryCodes(tx: Tx, missionId: number): Promise<string[]> {
  const rows = await listMissionMinistries({ missionId, db: tx });
  return rows.map((row) => row.code).sort();
}

/** Audited as the list of ministry codes (named by the catalog's `values.ministries`) and the note. */
export async function addMissionMinistry({
  tx,
  audit,
  missionId,
  ministryId,
  note,
}: LinkContext & { ministryId: number; note: string | null }): Promise<void> {
  await lockVersioned(tx, missions, missionId, null);
  const [ministry] = await tx.select({ active: ministries.active }).from(ministries).where(eq(ministries.id, ministryId));
  if (!ministry?.active) throw new ActionError("invalid", { fieldErrors: { ministryId: ["choice"] } });
  const before = await ministryCodes(tx, missionId);
  const added = await tx.insert(missionMinistries).values({ missionId, ministryId, note }).onConflictDoNothing().returning();
  if (added.length === 0) throw new ActionError("invalid", { fieldErrors: { ministryId: ["choice"] } });
  const after = await ministryCodes(tx, missionId);
  await audit({
    action: "add_ministry",
    entity: "missions",
    entityId: missionId,
    before: { ministries: before, ministryNote: null },
    after: { ministries: after, ministryNote: note },
  });
}

export async function removeMissionMinistry({ tx, audit, missionId, ministryId }: LinkContext & { ministryId: number }): Promise<void> {
  await lockVersioned(tx, missions, missionId, null);
  const before = await ministryCodes(tx, missionId);
  const [removed] = await tx
    .delete(missionMinistries)
    .where(and(eq(missionMinistries.missionId, missionId), eq(missionMinistries.ministryId, ministryId)))
    .returning();
  if (!removed) throw new ActionError("not_found");
  const after = await ministryCodes(tx, missionId);
  await audit({
    action: "remove_ministry",
    entity: "missions",
    entityId: missionId,
    before: { ministries: before, ministryNote: removed.note },
    after: { ministries: after, ministryNote: null },
  });
}
