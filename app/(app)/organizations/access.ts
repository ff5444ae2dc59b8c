import "server-only";
import type { OrganizationDetail } from "@/db/queries/organizations";
import { scopeAllows } from "@/lib/action";
import type { SessionUser } from "@/lib/auth/session";

/**
 * Whether the page shows edit controls: the actions' rule (editors and admins, scoped editors only for
 * organizations their ministry currently leads). Hiding is tidiness only; the actions check again.
 */
export function canEditOrganization(user: SessionUser, organization: Pick<OrganizationDetail, "lead">): boolean {
  if (user.role === "viewer") return false;
  return scopeAllows(user, { ministryIds: organization.lead ? [organization.lead.id] : [] });
}

/** Viewers create nothing; a scoped editor creates organizations led by their own ministry. */
export const canCreateOrganizations = (user: SessionUser) => user.role !== "viewer";

export const isAdmin = (user: SessionUser) => user.role === "admin";
