import type { Page } from "@playwright/test";
import { MissionsPage, type MissionRecord } from "../pages/missions-page";
import { unique } from "../support/test";
import type { ActionCases } from "./cases";

/**
 * Missions belong to Ārlietu ministrija, so every mission is out of the ZM editor's scope: `outOfScope`
 * is the same payload as `args`. The targets are read (or made) through the admin's UI; the attacks
 * themselves must change nothing, so a record made once per worker stays as it was.
 */
const STRASBOURG = "Latvijas Republikas pastāvīgā pārstāvniecība Eiropas Padomē Strasbūrā";
const OECD_PARIS = "Latvijas Republikas pastāvīgā pārstāvniecība OECD Parīzē";
const ACTIONS = "app/(app)/missions/actions.ts";

const fields = () => {
  const tag = unique("uzbrukums");
  return {
    nameLv: `Uzbrucēja pārstāvniecība ${tag}`,
    nameEn: `Attacker's mission ${tag}`,
    city: "Nekurciema",
    countryCode: "LV",
    address: "",
    headOfMission: "Uzbrucējs",
    email: "",
    phone: "",
    website: "",
    openedOn: "",
    closedOn: "",
    notes: "",
  };
};

async function seedMission(adminPage: Page, name: string): Promise<MissionRecord> {
  const missions = new MissionsPage(adminPage);
  return missions.record(await missions.idOf(name));
}

/** Missions this worker made for the cases that need a particular state; made on first use. */
const made: { archived?: MissionRecord; unreferenced?: MissionRecord; withMinistry?: { record: MissionRecord; ministryId: number } } = {};

async function newMission(adminPage: Page): Promise<number> {
  const tag = unique("drosiba");
  return new MissionsPage(adminPage).create({ nameLv: `Drošības pārbaude ${tag}`, nameEn: `Security check ${tag}`, city: "Rīga", country: "Latvija" });
}

async function archivedMission(adminPage: Page): Promise<MissionRecord> {
  if (!made.archived) {
    const missions = new MissionsPage(adminPage);
    const id = await newMission(adminPage);
    await missions.archive();
    made.archived = await missions.record(id);
  }
  return made.archived;
}

async function unreferencedMission(adminPage: Page): Promise<MissionRecord> {
  if (!made.unreferenced) made.unreferenced = await new MissionsPage(adminPage).record(await newMission(adminPage));
  return made.unreferenced;
}

async function missionWithMinistry(adminPage: Page) {
  if (!made.withMinistry) {
    const missions = new MissionsPage(adminPage);
    const id = await newMission(adminPage);
    await missions.open(id, "ministries");
    const ministryId = await missions.addMinistry("Aizsardzības ministrija");
    made.withMinistry = { record: await missions.record(id), ministryId };
  }
  return made.withMinistry;
}

async function addableOrganization(adminPage: Page) {
  const record = await seedMission(adminPage, STRASBOURG);
  const { addable } = await new MissionsPage(adminPage).organizationIds(record.id);
  return { missionId: record.id, organizationId: String(addable[0]) };
}

async function coveredOrganization(adminPage: Page) {
  const record = await seedMission(adminPage, OECD_PARIS);
  const { covered } = await new MissionsPage(adminPage).organizationIds(record.id);
  return { missionId: record.id, organizationId: covered[0] };
}

async function addableMinistry(adminPage: Page) {
  const record = await seedMission(adminPage, STRASBOURG);
  const [ministryId] = await new MissionsPage(adminPage).addableMinistryIds(record.id);
  return { missionId: record.id, ministryId: String(ministryId), note: "Uzbrucēja piezīme" };
}

const editors = (args: (adminPage: Page) => Promise<unknown>) => ({
  anonymous: "unauthorized" as const,
  callers: "editors" as const,
  args: async ({ adminPage }: { adminPage: Page }) => [await args(adminPage)],
  outOfScope: async ({ adminPage }: { adminPage: Page }) => [await args(adminPage)],
});

export const missionActionCases: ActionCases = {
  [`${ACTIONS}#createMission`]: editors(async () => fields()),
  [`${ACTIONS}#updateMission`]: editors(async (adminPage) => ({ ...(await seedMission(adminPage, STRASBOURG)), ...fields() })),
  [`${ACTIONS}#archiveMission`]: editors((adminPage) => seedMission(adminPage, STRASBOURG)),
  [`${ACTIONS}#restoreMission`]: editors((adminPage) => archivedMission(adminPage)),
  [`${ACTIONS}#deleteMission`]: {
    anonymous: "unauthorized",
    callers: "admin",
    args: async ({ adminPage }) => [await unreferencedMission(adminPage)],
  },
  [`${ACTIONS}#addMissionOrganization`]: editors(addableOrganization),
  [`${ACTIONS}#removeMissionOrganization`]: editors(coveredOrganization),
  [`${ACTIONS}#addMissionMinistry`]: editors(addableMinistry),
  [`${ACTIONS}#removeMissionMinistry`]: editors(async (adminPage) => {
    const { record, ministryId } = await missionWithMinistry(adminPage);
    return { missionId: record.id, ministryId };
  }),
};
