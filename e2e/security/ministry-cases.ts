import type { Page } from "@playwright/test";
import { MinistriesPage, uniqueMinistryCode, uniqueProgrammeKey, type VersionedRecord } from "../pages/ministries-page";
import { unique } from "../support/test";
import type { ActionCases } from "./cases";

/**
 * Ministries are the admin's; budget programmes belong to their ministry. The targets are made through
 * the admin's UI once per worker (a ministry and a programme of Ārlietu ministrija nothing refers to),
 * so that a payload that "would succeed" never aims at the demo data other specs read; the attacks
 * themselves must change nothing, so the records stay as they were.
 */
const ACTIONS = "app/(app)/ministries/actions.ts";

const made: { ministry?: VersionedRecord; amId?: number; zmId?: number; amProgramme?: VersionedRecord } = {};

async function ownMinistry(adminPage: Page): Promise<VersionedRecord> {
  if (!made.ministry) {
    const ministries = new MinistriesPage(adminPage);
    const tag = unique("drosiba");
    const id = await ministries.createMinistry({ code: uniqueMinistryCode(), nameLv: `Drošības pārbaude ${tag}`, nameEn: `Security check ${tag}` });
    made.ministry = await ministries.ministryRecord(id);
  }
  return made.ministry;
}

async function ministryId(adminPage: Page, code: "am" | "zm"): Promise<number> {
  const key = code === "am" ? "amId" : "zmId";
  made[key] ??= await new MinistriesPage(adminPage).idOf(code);
  return made[key];
}

/** A programme of Ārlietu ministrija (out of the ZM editor's scope) that nothing refers to. */
async function amProgramme(adminPage: Page): Promise<VersionedRecord> {
  if (!made.amProgramme) {
    const ministries = new MinistriesPage(adminPage);
    const am = await ministryId(adminPage, "am");
    const id = await ministries.createProgramme(am, { ...uniqueProgrammeKey(), nameLv: `Drošības programma ${unique("p")}`, nameEn: "Security programme" });
    made.amProgramme = await ministries.programmeRecord(am, id);
  }
  return made.amProgramme;
}

const programmeFields = () => ({ ...uniqueProgrammeKey(), nameLv: "Uzbrucēja programma", nameEn: "Attacker's programme", validToYear: "" });

export const ministryActionCases: ActionCases = {
  [`${ACTIONS}#createMinistry`]: {
    anonymous: "unauthorized",
    callers: "admin",
    args: () => [{ code: uniqueMinistryCode(), nameLv: "Uzbrucēja ministrija", nameEn: "Attacker's ministry" }],
  },
  [`${ACTIONS}#updateMinistry`]: {
    anonymous: "unauthorized",
    callers: "admin",
    args: async ({ adminPage }) => {
      const ministry = await ownMinistry(adminPage);
      return [{ id: ministry.id, version: ministry.version, nameLv: "Pārņemta ministrija", nameEn: "Taken over" }];
    },
  },
  [`${ACTIONS}#setMinistryActive`]: {
    anonymous: "unauthorized",
    callers: "admin",
    args: async ({ adminPage }) => {
      const ministry = await ownMinistry(adminPage);
      return [{ id: ministry.id, version: ministry.version, active: false }];
    },
  },
  [`${ACTIONS}#deleteMinistry`]: {
    anonymous: "unauthorized",
    callers: "admin",
    args: async ({ adminPage }) => {
      const ministry = await ownMinistry(adminPage);
      return [{ id: ministry.id, version: ministry.version }];
    },
  },
  [`${ACTIONS}#createProgramme`]: {
    anonymous: "unauthorized",
    callers: "editors",
    args: async ({ adminPage }) => [{ ministryId: String(await ministryId(adminPage, "zm")), ...programmeFields() }],
    outOfScope: async ({ adminPage }) => [{ ministryId: String(await ministryId(adminPage, "am")), ...programmeFields() }],
  },
  [`${ACTIONS}#updateProgramme`]: {
    anonymous: "unauthorized",
    callers: "editors",
    args: async ({ adminPage }) => {
      const programme = await amProgramme(adminPage);
      return [{ id: programme.id, version: programme.version, ...programmeFields() }];
    },
    outOfScope: async ({ adminPage }) => {
      const programme = await amProgramme(adminPage);
      return [{ id: programme.id, version: programme.version, ...programmeFields() }];
    },
  },
  [`${ACTIONS}#deleteProgramme`]: {
    anonymous: "unauthorized",
    callers: "admin",
    args: async ({ adminPage }) => {
      const programme = await amProgramme(adminPage);
      return [{ id: programme.id, version: programme.version }];
    },
  },
};
