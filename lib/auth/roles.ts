/** The roles, in increasing power. Plain data so that client forms can use it without the database schema. */
export const USER_ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof USER_ROLES)[number];
