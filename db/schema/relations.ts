import { relations } from "drizzle-orm";
import { auditLog } from "./audit";
import { contributions, payments } from "./contributions";
import { missionMinistries, missionOrganizations, missions } from "./missions";
import { organizationResponsibilities, organizations } from "./organizations";
import { budgetProgrammes, currencies, exchangeRates, ministries } from "./reference";
import { users } from "./users";

export const ministriesRelations = relations(ministries, ({ many }) => ({
  programmes: many(budgetProgrammes),
  responsibilities: many(organizationResponsibilities),
  missionMinistries: many(missionMinistries),
}));

export const budgetProgrammesRelations = relations(budgetProgrammes, ({ one }) => ({
  ministry: one(ministries, { fields: [budgetProgrammes.ministryId], references: [ministries.id] }),
}));

export const exchangeRatesRelations = relations(exchangeRates, ({ one }) => ({
  currencyRef: one(currencies, { fields: [exchangeRates.currency], references: [currencies.code] }),
}));

export const organizationsRelations = relations(organizations, ({ many }) => ({
  responsibilities: many(organizationResponsibilities),
  missionOrganizations: many(missionOrganizations),
  contributions: many(contributions),
}));

export const organizationResponsibilitiesRelations = relations(organizationResponsibilities, ({ one }) => ({
  organization: one(organizations, {
    fields: [organizationResponsibilities.organizationId],
    references: [organizations.id],
  }),
  ministry: one(ministries, { fields: [organizationResponsibilities.ministryId], references: [ministries.id] }),
}));

export const missionsRelations = relations(missions, ({ many }) => ({
  organizations: many(missionOrganizations),
  ministries: many(missionMinistries),
}));

export const missionOrganizationsRelations = relations(missionOrganizations, ({ one }) => ({
  mission: one(missions, { fields: [missionOrganizations.missionId], references: [missions.id] }),
  organization: one(organizations, {
    fields: [missionOrganizations.organizationId],
    references: [organizations.id],
  }),
}));

export const missionMinistriesRelations = relations(missionMinistries, ({ one }) => ({
  mission: one(missions, { fields: [missionMinistries.missionId], references: [missions.id] }),
  ministry: one(ministries, { fields: [missionMinistries.ministryId], references: [ministries.id] }),
}));

export const contributionsRelations = relations(contributions, ({ one, many }) => ({
  organization: one(organizations, { fields: [contributions.organizationId], references: [organizations.id] }),
  payingMinistry: one(ministries, { fields: [contributions.payingMinistryId], references: [ministries.id] }),
  budgetProgramme: one(budgetProgrammes, {
    fields: [contributions.budgetProgrammeId],
    references: [budgetProgrammes.id],
  }),
  exchangeRate: one(exchangeRates, { fields: [contributions.exchangeRateId], references: [exchangeRates.id] }),
  payments: many(payments),
}));

export const paymentsRelations = relations(payments, ({ one }) => ({
  contribution: one(contributions, { fields: [payments.contributionId], references: [contributions.id] }),
  exchangeRate: one(exchangeRates, { fields: [payments.exchangeRateId], references: [exchangeRates.id] }),
}));

export const usersRelations = relations(users, ({ one }) => ({
  ministry: one(ministries, { fields: [users.ministryId], references: [ministries.id] }),
}));

export const auditLogRelations = relations(auditLog, ({ one }) => ({
  user: one(users, { fields: [auditLog.userId], references: [users.id] }),
}));
