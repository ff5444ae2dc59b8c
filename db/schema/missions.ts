import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { id, timestamps, version } from "./columns";
import { organizations } from "./organizations";
import { ministries } from "./reference";

export const missions = pgTable(
  "missions",
  {
    id: id(),
    nameLv: text().notNull(),
    nameEn: text().notNull(),
    city: text().notNull(),
    /** ISO 3166-1 alpha-2. */
    countryCode: text().notNull(),
    address: text(),
    headOfMission: text(),
    email: text(),
    phone: text(),
    website: text(),
    openedOn: date(),
    closedOn: date(),
    notes: text(),
    archivedAt: timestamp({ withTimezone: true }),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index("missions_country_idx").on(t.countryCode),
    index("missions_archived_idx").on(t.archivedAt),
    check("missions_country_iso3166", sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
    check("missions_dates", sql`${t.closedOn} is null or ${t.openedOn} is null or ${t.closedOn} >= ${t.openedOn}`),
  ],
);

export const missionOrganizations = pgTable(
  "mission_organizations",
  {
    missionId: integer()
      .notNull()
      .references(() => missions.id),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.organizationId] }),
    index("mission_organizations_organization_idx").on(t.organizationId),
  ],
);

/** Sectoral ministries with staff at a mission, e.g. a defence attaché from Aizsardzības ministrija. */
export const missionMinistries = pgTable(
  "mission_ministries",
  {
    missionId: integer()
      .notNull()
      .references(() => missions.id),
    ministryId: integer()
      .notNull()
      .references(() => ministries.id),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.ministryId] }),
    index("mission_ministries_ministry_idx").on(t.ministryId),
  ],
);

export type Mission = typeof missions.$inferSelect;
