"use server";

import {
  deleteOrganization as deleteOrganizationRow,
  insertOrganization,
  setOrganizationArchived,
  updateOrganization as updateOrganizationRow,
  type OrganizationValues,
} from "@/db/queries/organization-writes";
import { newOrganizationScope, organizationScope } from "@/db/queries/organizations";
import { defineAction } from "@/lib/action";
import { createOrganizationSchema, organizationVersionSchema, updateOrganizationSchema, type OrganizationFieldsOutput } from "./schemas";

// An organization is kept by its current lead ministry's editors (and by unscoped editors and admins).
const EDITORS = ["admin", "editor"] as const;
const ADMIN = ["admin"] as const;
const paths = (id?: number) => ["/organizations", ...(id ? [`/organizations/${id}`] : [])];

function valuesOf(input: OrganizationFieldsOutput): OrganizationValues {
  return {
    acronym: input.acronym,
    nameLv: input.nameLv,
    nameEn: input.nameEn,
    kind: input.kind,
    hqCity: input.hqCity,
    website: input.website,
    memberSince: input.memberSince,
    treatyUrl: input.treatyUrl,
    billingCurrencies: input.billingCurrencies,
    sourceUrl: input.sourceUrl,
    notes: input.notes,
  };
}

/** A new organization with its lead ministry; a scoped editor may only make their own ministry the lead. */
export const createOrganization = defineAction({
  name: "organizations.create",
  roles: EDITORS,
  input: createOrganizationSchema,
  scope: (input) => newOrganizationScope(input.leadMinistryId),
  async run(input, { tx, audit }) {
    const row = await insertOrganization({ tx, audit, values: valuesOf(input), leadMinistryId: input.leadMinistryId });
    return { id: row.id };
  },
  revalidate: () => paths(),
});

export const updateOrganization = defineAction({
  name: "organizations.update",
  roles: EDITORS,
  input: updateOrganizationSchema,
  scope: (input, tx) => organizationScope(tx, input.id),
  async run(input, { tx, audit }) {
    return updateOrganizationRow({ tx, audit, id: input.id, version: input.version, values: valuesOf(input) });
  },
  revalidate: (input) => paths(input.id),
});

export const archiveOrganization = defineAction({
  name: "organizations.archive",
  roles: EDITORS,
  input: organizationVersionSchema,
  scope: (input, tx) => organizationScope(tx, input.id),
  async run(input, { tx, audit }) {
    return setOrganizationArchived({ tx, audit, id: input.id, version: input.version, archived: true });
  },
  revalidate: (input) => paths(input.id),
});

export const restoreOrganization = defineAction({
  name: "organizations.restore",
  roles: EDITORS,
  input: organizationVersionSchema,
  scope: (input, tx) => organizationScope(tx, input.id),
  async run(input, { tx, audit }) {
    return setOrganizationArchived({ tx, audit, id: input.id, version: input.version, archived: false });
  },
  revalidate: (input) => paths(input.id),
});

/** Hard delete: admins only, and only an organization no contribution or mission refers to. */
export const deleteOrganization = defineAction({
  name: "organizations.delete",
  roles: ADMIN,
  input: organizationVersionSchema,
  scope: (input, tx) => organizationScope(tx, input.id),
  async run(input, { tx, audit }) {
    await deleteOrganizationRow({ tx, audit, id: input.id, version: input.version });
    return { id: input.id };
  },
  revalidate: () => paths(),
});
