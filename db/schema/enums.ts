import { pgEnum } from "drizzle-orm/pg-core";

export const organizationKind = pgEnum("organization_kind", ["organization", "fund", "programme"]);
export const responsibilityRole = pgEnum("responsibility_role", ["lead", "co_responsible", "paying"]);
export const contributionKind = pgEnum("contribution_kind", ["assessed", "voluntary"]);
export const contributionStatus = pgEnum("contribution_status", [
  "planned",
  "assessed",
  "partially_paid",
  "paid",
  "cancelled",
]);
/** uploaded → previewed (dry run stored) → applied; a new dry run may follow an earlier one until applied. */
export const importStatus = pgEnum("import_status", ["uploaded", "previewed", "applied"]);
// Order of the PostgreSQL enum as first released; lib/auth/roles.ts lists the same values for client code.
export const userRole = pgEnum("user_role", ["admin", "editor", "viewer"]);

export type OrganizationKind = (typeof organizationKind.enumValues)[number];
export type ResponsibilityRole = (typeof responsibilityRole.enumValues)[number];
export type ContributionKind = (typeof contributionKind.enumValues)[number];
export type ContributionStatus = (typeof contributionStatus.enumValues)[number];
export type ImportStatus = (typeof importStatus.enumValues)[number];
export type UserRole = (typeof userRole.enumValues)[number];
