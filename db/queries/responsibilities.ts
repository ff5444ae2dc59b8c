import "server-only";
import { and, asc, eq, exists, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { CellRole } from "@/app/(app)/organizations/responsibilities/schemas";
import type { MatrixQuery } from "@/app/(app)/organizations/responsibilities/search-params";
import type { ActionContext, RecordScope } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import { db as defaultDb, type Db, type Tx } from "../index";
import { ministries, organizationResponsibilities, organizations, type ResponsibilityRole } from "../schema";
import { containsPattern } from "./table";
import { responsibilityKey } from "./organization-writes";

const isCurrent = isNull(organizationResponsibilities.validTo);

// ── The matrix ───────────────────────────────────────────────────────────────────────────────────

export interface MatrixMinistry {
  id: number;
  code: string;
  nameLv: string;
  nameEn: string;
}

export interface MatrixRow {
  id: number;
  acronym: string;
  nameLv: string;
  nameEn: string;
  /** The current lead ministry (also when it is no longer active): whose row this is for scoped editors. */
  leadMinistryId: number | null;
  /** Current roles by ministry id; a ministry without a role is absent. */
  roles: Record<number, ResponsibilityRole>;
}

export interface Matrix {
  /** The columns: active ministries, by code. */
  ministries: MatrixMinistry[];
  rows: MatrixRow[];
}

/**
 * Organizations (not archived) × active ministries with each current role. The ministry filter answers
 * "what does this ministry answer for": only organizations where it has a role (the role filter narrows
 * that to one role; without a ministry, to organizations where any ministry has that role).
 */
export async function loadResponsibilityMatrix({ query, db = defaultDb }: { query: MatrixQuery; db?: Db }): Promise<Matrix> {
  const holds = (conditions: SQL[]) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(organizationResponsibilities)
        .where(and(eq(organizationResponsibilities.organizationId, organizations.id), isCurrent, ...conditions)),
    );
  const where: SQL[] = [isNull(organizations.archivedAt)];
  const roleCondition = query.role ? [eq(organizationResponsibilities.role, query.role)] : [];
  if (query.ministryId !== null) where.push(holds([eq(organizationResponsibilities.ministryId, query.ministryId), ...roleCondition]));
  else if (query.role) where.push(holds(roleCondition));
  if (query.q) {
    const pattern = containsPattern(query.q);
    where.push(or(ilike(organizations.acronym, pattern), ilike(organizations.nameLv, pattern), ilike(organizations.nameEn, pattern))!);
  }

  const [columns, orgs] = await Promise.all([
    db
      .select({ id: ministries.id, code: ministries.code, nameLv: ministries.nameLv, nameEn: ministries.nameEn })
      .from(ministries)
      .where(eq(ministries.active, true))
      .orderBy(asc(ministries.code)),
    db
      .select({ id: organizations.id, acronym: organizations.acronym, nameLv: organizations.nameLv, nameEn: organizations.nameEn })
      .from(organizations)
      .where(and(...where))
      .orderBy(asc(organizations.acronym), asc(organizations.id)),
  ]);
  const ids = orgs.map((o) => o.id);
  const current = ids.length
    ? await db
        .select({
          organizationId: organizationResponsibilities.organizationId,
          ministryId: organizationResponsibilities.ministryId,
          role: organizationResponsibilities.role,
        })
        .from(organizationResponsibilities)
        .where(and(isCurrent, inArray(organizationResponsibilities.organizationId, ids)))
    : [];

  const rows = new Map<number, MatrixRow>(orgs.map((o) => [o.id, { ...o, leadMinistryId: null, roles: {} }]));
  for (const r of current) {
    const row = rows.get(r.organizationId)!;
    row.roles[r.ministryId] = r.role;
    if (r.role === "lead") row.leadMinistryId = r.ministryId;
  }
  return { ministries: columns, rows: [...rows.values()] };
}

// ── Changing a cell ──────────────────────────────────────────────────────────────────────────────

/**
 * Locks the organization row, so that changes of one organization's cells run one after another, and
 * answers with its CURRENT lead ministry as the scope (none without a lead: only unscoped users may
 * then change it). Archived or missing organizations: null, "not found".
 */
export async function lockResponsibilityScope(tx: Tx, organizationId: number): Promise<RecordScope> {
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), isNull(organizations.archivedAt)))
    .for("update");
  if (!org) return null;
  const [lead] = await tx
    .select({ ministryId: organizationResponsibilities.ministryId })
    .from(organizationResponsibilities)
    .where(and(eq(organizationResponsibilities.organizationId, organizationId), eq(organizationResponsibilities.role, "lead"), isCurrent));
  return { ministryIds: lead ? [lead.ministryId] : [] };
}

export interface ResponsibilityChange {
  changed: boolean;
  role: CellRole;
  /** The ministry that was the lead until this change made another one the lead: it has no role now. */
  endedLead: { ministryId: number; code: string } | null;
}

/**
 * One cell change, under the organization's lock (taken by lockResponsibilityScope in the same
 * transaction): the cell must still hold `expected` ("conflict" with what it holds now, otherwise);
 * the current assignment ends today and the new one starts today, so history stays. Exactly one lead:
 * a new lead ends the previous lead's assignment; the lead's own cell cannot be set to anything else
 * (assign another lead first). The audit entry goes against the organization.
 */
export async function changeResponsibility({
  tx,
  audit,
  organizationId,
  ministryId,
  role,
  expected,
}: {
  tx: Tx;
  audit: ActionContext["audit"];
  organizationId: number;
  ministryId: number;
  role: CellRole;
  expected: CellRole;
}): Promise<ResponsibilityChange> {
  const current = await tx
    .select({
      id: organizationResponsibilities.id,
      ministryId: organizationResponsibilities.ministryId,
      role: organizationResponsibilities.role,
      code: ministries.code,
    })
    .from(organizationResponsibilities)
    .innerJoin(ministries, eq(ministries.id, organizationResponsibilities.ministryId))
    .where(and(eq(organizationResponsibilities.organizationId, organizationId), isCurrent));
  const cell = current.find((r) => r.ministryId === ministryId);
  const now: CellRole = cell?.role ?? "none";
  if (now !== expected) throw new ActionError("conflict", { current: now });
  if (role === now) return { changed: false, role, endedLead: null };

  const [ministry] = await tx
    .select({ code: ministries.code })
    .from(ministries)
    .where(and(eq(ministries.id, ministryId), eq(ministries.active, true)));
  if (!ministry) throw new ActionError("invalid", { fieldErrors: { ministryId: ["choice"] } });
  if (now === "lead") throw new ActionError("invalid", { fieldErrors: { role: ["leadRequired"] } });

  const before: Record<string, CellRole | null> = {};
  const after: Record<string, CellRole | null> = {};
  const end = (rowId: number) =>
    tx.update(organizationResponsibilities).set({ validTo: sql`current_date` }).where(eq(organizationResponsibilities.id, rowId));

  const lead = role === "lead" ? current.find((r) => r.role === "lead") : undefined;
  if (lead) {
    // First, so that the new lead never meets the old one in the one-current-lead index.
    await end(lead.id);
    before[responsibilityKey(lead.code)] = "lead";
    after[responsibilityKey(lead.code)] = null;
  }
  if (cell) await end(cell.id);
  if (role !== "none") {
    await tx.insert(organizationResponsibilities).values({ organizationId, ministryId, role, validFrom: sql`current_date` });
  }
  before[responsibilityKey(ministry.code)] = now === "none" ? null : now;
  after[responsibilityKey(ministry.code)] = role === "none" ? null : role;
  await audit({ action: "set_responsibility", entity: "organizations", entityId: organizationId, before, after });
  return { changed: true, role, endedLead: lead ? { ministryId: lead.ministryId, code: lead.code } : null };
}
