import type { AUDIT_ENTITIES } from "./search-params";

type Entity = (typeof AUDIT_ENTITIES)[number];

/** The message namespace whose `fields`, `values` and `actions` name an entity's audited keys. */
export const ENTITY_NAMESPACE: Partial<Record<string, string>> = {
  contributions: "contributions",
  missions: "missions",
  organizations: "organizations",
  ministries: "ministries",
  budget_programmes: "programmes",
  exchange_rates: "exchangeRates",
  currencies: "currencies",
  fiscal_years: "fiscalYears",
  users: "users",
} satisfies Partial<Record<Entity, string>>;

/** Where a record of the log can be opened; a deleted record's page answers 404, which is the truth. */
export function entityHref(entity: string, entityId: string | null, after: unknown, before: unknown): string | null {
  if (!entityId || !/^\d+$/.test(entityId)) return null;
  switch (entity) {
    case "missions":
      return `/missions/${entityId}`;
    case "organizations":
      return `/organizations/${entityId}`;
    case "ministries":
      return `/ministries/${entityId}`;
    case "users":
      return `/admin/users/${entityId}`;
    case "contributions":
      return `/contributions/${entityId}`;
    case "imports":
      return `/import/${entityId}`;
    case "budget_programmes": {
      const ministryId = ((after ?? before) as { ministryId?: number } | null)?.ministryId;
      return ministryId ? `/ministries/${ministryId}/programmes/${entityId}` : null;
    }
    default:
      return null;
  }
}
