"use server";

import {
  assertProgrammeFree,
  insertMinistry,
  insertProgramme,
  isUniqueViolation,
  ministryCodeTaken,
  ministryScope,
  programmeScope,
  type ProgrammeValues,
} from "@/db/queries/ministries";
import { deleteVersioned, lockVersioned, saveVersioned } from "@/db/queries/versioned";
import { budgetProgrammes, ministries } from "@/db/schema";
import { defineAction } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import {
  createMinistrySchema,
  createProgrammeSchema,
  ministryVersionSchema,
  programmeVersionSchema,
  setMinistryActiveSchema,
  updateMinistrySchema,
  updateProgrammeSchema,
  type ProgrammeFieldsOutput,
} from "./schemas";

// Ministries themselves are the register's frame: only admins change them. Programmes belong to their
// ministry: its editors (and unscoped ones) keep them.
const ADMIN = ["admin"] as const;
const EDITORS = ["admin", "editor"] as const;
const paths = (ministryId?: number, programmeId?: number) => [
  "/ministries",
  ...(ministryId ? [`/ministries/${ministryId}`] : []),
  ...(ministryId && programmeId ? [`/ministries/${ministryId}/programmes/${programmeId}`] : []),
];

export const createMinistry = defineAction({
  name: "ministries.create",
  roles: ADMIN,
  input: createMinistrySchema,
  scope: "none",
  async run(input, { tx, audit }) {
    const taken = () => new ActionError("invalid", { fieldErrors: { code: ["codeTaken"] } });
    if (await ministryCodeTaken(tx, input.code)) throw taken();
    try {
      const row = await insertMinistry(tx, { code: input.code, nameLv: input.nameLv, nameEn: input.nameEn });
      await audit({ action: "create", entity: "ministries", entityId: row.id, after: row });
      return { id: row.id };
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  },
  revalidate: () => paths(),
});

export const updateMinistry = defineAction({
  name: "ministries.update",
  roles: ADMIN,
  input: updateMinistrySchema,
  scope: "none",
  async run(input, { tx, audit }) {
    const { after } = await saveVersioned({
      tx,
      audit,
      table: ministries,
      id: input.id,
      version: input.version,
      set: { nameLv: input.nameLv, nameEn: input.nameEn },
    });
    return { version: after.version };
  },
  revalidate: (input) => paths(input.id),
});

/** Instead of deleting: an inactive ministry stays on its history (responsibilities, contributions). */
export const setMinistryActive = defineAction({
  name: "ministries.set_active",
  roles: ADMIN,
  input: setMinistryActiveSchema,
  scope: "none",
  async run(input, { tx, audit }) {
    const { after } = await saveVersioned({
      tx,
      audit,
      table: ministries,
      id: input.id,
      version: input.version,
      set: { active: input.active },
      action: input.active ? "activate" : "deactivate",
    });
    return { version: after.version };
  },
  revalidate: (input) => paths(input.id),
});

/** Hard delete: only a ministry nothing refers to (no programmes, responsibilities, users, payments). */
export const deleteMinistry = defineAction({
  name: "ministries.delete",
  roles: ADMIN,
  input: ministryVersionSchema,
  scope: "none",
  async run(input, { tx, audit }) {
    await deleteVersioned({ tx, audit, table: ministries, id: input.id, version: input.version });
    return { id: input.id };
  },
  revalidate: () => paths(),
});

function programmeValues(input: ProgrammeFieldsOutput | Omit<ProgrammeFieldsOutput, "ministryId">): ProgrammeValues {
  return { code: input.code, nameLv: input.nameLv, nameEn: input.nameEn, validFromYear: input.validFromYear, validToYear: input.validToYear };
}

const programmeTaken = () => new ActionError("invalid", { fieldErrors: { code: ["programmeTaken"] } });

/** A new programme of the ministry named in the input: the scoped editor only for their own ministry. */
export const createProgramme = defineAction({
  name: "programmes.create",
  roles: EDITORS,
  input: createProgrammeSchema,
  scope: (input, tx) => ministryScope(tx, input.ministryId),
  async run(input, { tx, audit }) {
    const values = programmeValues(input);
    await assertProgrammeFree(tx, { ministryId: input.ministryId, code: values.code, validFromYear: values.validFromYear });
    try {
      const row = await insertProgramme(tx, { ...values, ministryId: input.ministryId });
      await audit({ action: "create", entity: "budget_programmes", entityId: row.id, after: row });
      return { id: row.id, ministryId: row.ministryId };
    } catch (error) {
      if (isUniqueViolation(error)) throw programmeTaken();
      throw error;
    }
  },
  revalidate: (input, data) => paths(input.ministryId, data.id),
});

/** Saves the fields; a stale version answers "conflict" with the programme as saved by the other person. */
export const updateProgramme = defineAction({
  name: "programmes.update",
  roles: EDITORS,
  input: updateProgrammeSchema,
  scope: (input, tx) => programmeScope(tx, input.id),
  async run(input, { tx, audit }) {
    const values = programmeValues(input);
    // Lock first, so that the version is checked before the uniqueness (a conflict says more).
    const current = await lockVersioned(tx, budgetProgrammes, input.id, input.version);
    await assertProgrammeFree(tx, { ministryId: current.ministryId, code: values.code, validFromYear: values.validFromYear, exceptId: input.id });
    try {
      const { after } = await saveVersioned({ tx, audit, table: budgetProgrammes, id: input.id, version: input.version, set: values });
      return { version: after.version, ministryId: after.ministryId };
    } catch (error) {
      if (isUniqueViolation(error)) throw programmeTaken();
      throw error;
    }
  },
  revalidate: (input, data) => paths(data.ministryId, input.id),
});

/**
 * Hard delete of a programme nothing refers to (one entered by mistake); a programme that contributions
 * are paid from answers "in_use": end its validity (validToYear) instead.
 */
/** Hard delete: admins only, like every hard delete (an ended programme gets its last year instead). */
export const deleteProgramme = defineAction({
  name: "programmes.delete",
  roles: ADMIN,
  input: programmeVersionSchema,
  scope: (input, tx) => programmeScope(tx, input.id),
  async run(input, { tx, audit }) {
    const deleted = await deleteVersioned({ tx, audit, table: budgetProgrammes, id: input.id, version: input.version });
    return { id: input.id, ministryId: deleted.ministryId };
  },
  revalidate: (input, data) => paths(data.ministryId),
});
