import { defineTableSpec, type QueryOf } from "@/components/data-table/spec";

/** Tables whose changes the log records (`audit_log.entity`), for the audit filter. */
export const AUDIT_ENTITIES = [
  "contributions",
  "missions",
  "organizations",
  "ministries",
  "budget_programmes",
  "exchange_rates",
  "currencies",
  "fiscal_years",
  "users",
  "database",
  "reports",
  "imports",
] as const;

export const auditTableSpec = defineTableSpec({
  sortable: ["at", "entity", "action", "user"],
  defaultSort: { id: "at", desc: true },
  filters: { entity: AUDIT_ENTITIES, user: "id", record: "text", from: "date", to: "date" },
  perPage: 50,
});

export type AuditQuery = QueryOf<typeof auditTableSpec>;
