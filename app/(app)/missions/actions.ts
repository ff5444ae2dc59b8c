"use server";

import {
  addMissionMinistry as addMinistryLink,
  addMissionOrganization as addOrganizationLink,
  removeMissionMinistry as removeMinistryLink,
  removeMissionOrganization as removeOrganizationLink,
} from "@/db/queries/mission-links";
import { insertMission, missionScope, setMissionArchived, type MissionValues } from "@/db/queries/missions";
import { deleteVersioned, saveVersioned } from "@/db/queries/versioned";
import { missions } from "@/db/schema";
import { defineAction } from "@/lib/action";
import {
  addMissionMinistrySchema,
  addMissionOrganizationSchema,
  createMissionSchema,
  missionVersionSchema,
  removeMissionMinistrySchema,
  removeMissionOrganizationSchema,
  updateMissionSchema,
  type MissionFieldsOutput,
} from "./schemas";

// Missions are Ārlietu ministrija's records: its editors, unscoped editors and admins keep them.
const EDITORS = ["admin", "editor"] as const;
const ADMIN = ["admin"] as const;
const paths = (id?: number) => ["/missions", ...(id ? [`/missions/${id}`] : [])];

function valuesOf(input: MissionFieldsOutput): MissionValues {
  return {
    nameLv: input.nameLv,
    nameEn: input.nameEn,
    city: input.city,
    countryCode: input.countryCode,
    address: input.address,
    headOfMission: input.headOfMission,
    email: input.email,
    phone: input.phone,
    website: input.website,
    openedOn: input.openedOn,
    closedOn: input.closedOn,
    notes: input.notes,
  };
}

export const createMission = defineAction({
  name: "missions.create",
  roles: EDITORS,
  input: createMissionSchema,
  scope: (_input, tx) => missionScope(tx),
  async run(input, { tx, audit }) {
    const row = await insertMission(tx, valuesOf(input));
    await audit({ action: "create", entity: "missions", entityId: row.id, after: row });
    return { id: row.id };
  },
  revalidate: () => paths(),
});

/** Saves the fields; a stale version answers "conflict" with the mission as saved by the other person. */
export const updateMission = defineAction({
  name: "missions.update",
  roles: EDITORS,
  input: updateMissionSchema,
  scope: (input, tx) => missionScope(tx, input.id),
  async run(input, { tx, audit }) {
    const { after } = await saveVersioned({ tx, audit, table: missions, id: input.id, version: input.version, set: valuesOf(input) });
    return { version: after.version };
  },
  revalidate: (input) => paths(input.id),
});

export const archiveMission = defineAction({
  name: "missions.archive",
  roles: EDITORS,
  input: missionVersionSchema,
  scope: (input, tx) => missionScope(tx, input.id),
  async run(input, { tx, audit }) {
    return setMissionArchived({ tx, audit, id: input.id, version: input.version, archived: true });
  },
  revalidate: (input) => paths(input.id),
});

export const restoreMission = defineAction({
  name: "missions.restore",
  roles: EDITORS,
  input: missionVersionSchema,
  scope: (input, tx) => missionScope(tx, input.id),
  async run(input, { tx, audit }) {
    return setMissionArchived({ tx, audit, id: input.id, version: input.version, archived: false });
  },
  revalidate: (input) => paths(input.id),
});

/** Hard delete: admins only, and only a mission nothing refers to (no organizations or ministries linked). */
export const deleteMission = defineAction({
  name: "missions.delete",
  roles: ADMIN,
  input: missionVersionSchema,
  scope: (input, tx) => missionScope(tx, input.id),
  async run(input, { tx, audit }) {
    await deleteVersioned({ tx, audit, table: missions, id: input.id, version: input.version });
    return { id: input.id };
  },
  revalidate: () => paths(),
});

export const addMissionOrganization = defineAction({
  name: "missions.add_organization",
  roles: EDITORS,
  input: addMissionOrganizationSchema,
  scope: (input, tx) => missionScope(tx, input.missionId),
  async run(input, { tx, audit }) {
    await addOrganizationLink({ tx, audit, missionId: input.missionId, organizationId: input.organizationId });
    return { missionId: input.missionId };
  },
  revalidate: (input) => paths(input.missionId),
});

export const removeMissionOrganization = defineAction({
  name: "missions.remove_organization",
  roles: EDITORS,
  input: removeMissionOrganizationSchema,
  scope: (input, tx) => missionScope(tx, input.missionId),
  async run(input, { tx, audit }) {
    await removeOrganizationLink({ tx, audit, missionId: input.missionId, organizationId: input.organizationId });
    return { missionId: input.missionId };
  },
  revalidate: (input) => paths(input.missionId),
});

export const addMissionMinistry = defineAction({
  name: "missions.add_ministry",
  roles: EDITORS,
  input: addMissionMinistrySchema,
  scope: (input, tx) => missionScope(tx, input.missionId),
  async run(input, { tx, audit }) {
    await addMinistryLink({ tx, audit, missionId: input.missionId, ministryId: input.ministryId, note: input.note });
    return { missionId: input.missionId };
  },
  revalidate: (input) => paths(input.missionId),
});

export const removeMissionMinistry = defineAction({
  name: "missions.remove_ministry",
  roles: EDITORS,
  input: removeMissionMinistrySchema,
  scope: (input, tx) => missionScope(tx, input.missionId),
  async run(input, { tx, audit }) {
    await removeMinistryLink({ tx, audit, missionId: input.missionId, ministryId: input.ministryId });
    return { missionId: input.missionId };
  },
  revalidate: (input) => paths(input.missionId),
});
