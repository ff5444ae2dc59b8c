import { defineTableSpec, type QueryOf } from "@/components/data-table/spec";
import { USER_ROLES } from "@/lib/auth/roles";

export const usersTableSpec = defineTableSpec({
  sortable: ["name", "email", "role", "ministry", "lastLogin"],
  defaultSort: { id: "name", desc: false },
  filters: { role: USER_ROLES, ministry: "id", status: ["active", "disabled"] },
});

export type UsersQuery = QueryOf<typeof usersTableSpec>;
