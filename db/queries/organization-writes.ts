import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { ActionContext } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import { type Tx } from "../index";
import {
  ministries,
  organizationResponsibilities,
  organizations,
  type Organization,
} from "../schema";

import { deleteVersioned, lockVersioned, saveVersioned } from "./versioned";
import { listCurrencyChoices } from "./organizations";

// Creating, editing, archiving and deleting organizations; the reads are in organizations.ts.

export type OrganizationValues = Pick<
  Organization,
  "acronym" | "nameLv" | "nameEn" | "kind" | "hqCity" | "website" | "memberSince" | "treatyUrl" | "billingCurrencies" | "sourceUrl" | "notes"
>;

/**
 * Checks the values against what the database holds: the acronym free (case-insensitively, so "fao" is
 * not a second FAO) and every billing currency active. Acronym checks queue on an advisory lock, so two
 * saves of one new acronym cannot both pass the check; the unique index stays the last word.
 */
export async function checkOrganizationValues(tx: Tx, values: OrganizationValues, exceptId?: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('organizations.acronym'))`);
  const [taken] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(sql`upper(${organizations.acronym}) = upper(${values.acronym})`, exceptId === undefined ? undefined : ne(organizations.id, exceptId)))
    .limit(1);
  if (taken) throw new ActionError("invalid", { fieldErrors: { acronym: ["acronymTaken"] } });
  if (values.billingCurrencies.length > 0) {
    const active = new Set((await listCurrencyChoices({ db: tx })).map((c) => c.code));
    if (values.billingCurrencies.some((code) => !active.has(code))) {
      throw new ActionError("invalid", { fieldErrors: { billingCurrencies: ["choice"] } });
    }
  }
}

/** The audit key of a ministry's role in an organization, e.g. "responsibility.zm" (shared with the matrix). */
export const responsibilityKey = (ministryCode: string) => `responsibility.${ministryCode}`;

/**
 * A new organization and its lead row, in the caller's transaction: an organization is never without
 * the ministry that answers for it. The audit row shows both.
 */
export async function insertOrganization({
  tx,
  audit,
  values,
  leadMinistryId,
}: {
  tx: Tx;
  audit: ActionContext["audit"];
  values: OrganizationValues;
  leadMinistryId: number;
}): Promise<Organization> {
  const [ministry] = await tx.select({ code: ministries.code, active: ministries.active }).from(ministries).where(eq(ministries.id, leadMinistryId));
  if (!ministry?.active) throw new ActionError("invalid", { fieldErrors: { leadMinistryId: ["choice"] } });
  await checkOrganizationValues(tx, values);
  const [row] = await tx.insert(organizations).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  await tx.insert(organizationResponsibilities).values({ organizationId: row.id, ministryId: leadMinistryId, role: "lead" });
  await audit({ action: "create", entity: "organizations", entityId: row.id, after: { ...row, [responsibilityKey(ministry.code)]: "lead" } });
  return row;
}

/** Saves the fields; a stale version answers "conflict" with the organization as someone else saved it. */
export async function updateOrganization({
  tx,
  audit,
  id,
  version,
  values,
}: {
  tx: Tx;
  audit: ActionContext["audit"];
  id: number;
  version: number;
  values: OrganizationValues;
}): Promise<{ version: number }> {
  // The version first: someone else's save is a conflict, whatever this form holds.
  await lockVersioned(tx, organizations, id, version);
  await checkOrganizationValues(tx, values, id);
  const { after } = await saveVersioned({ tx, audit, table: organizations, id, version, set: values });
  return { version: after.version };
}

/** Archives (hidden from lists, kept with its history) or restores; archiving twice keeps the first date. */
export async function setOrganizationArchived({
  tx,
  audit,
  id,
  version,
  archived,
}: {
  tx: Tx;
  audit: ActionContext["audit"];
  id: number;
  version: number;
  archived: boolean;
}): Promise<{ version: number }> {
  const row = await lockVersioned(tx, organizations, id, version);
  const archivedAt = archived ? (row.archivedAt ?? new Date()) : null;
  const { after } = await saveVersioned({ tx, audit, table: organizations, id, version, set: { archivedAt }, action: archived ? "archive" : "restore" });
  return { version: after.version };
}

/**
 * Hard delete of an organization nothing refers to. Its own responsibility rows belong to it and go with
 * it; contributions or a mission's coverage refer to it and make the delete "in_use" (the whole
 * transaction, including the removed responsibilities, is then rolled back).
 */
export async function deleteOrganization({ tx, audit, id, version }: { tx: Tx; audit: ActionContext["audit"]; id: number; version: number }): Promise<void> {
  await lockVersioned(tx, organizations, id, version);
  await tx.delete(organizationResponsibilities).where(eq(organizationResponsibilities.organizationId, id));
  await deleteVersioned({ tx, audit, table: organizations, id, version });
}
