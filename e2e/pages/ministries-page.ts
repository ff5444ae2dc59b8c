import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export type UiLocale = "lv" | "en";

/** The words the ministries pages show, as a user reads them (messages/<locale>/ministries.json and history). */
const LABELS = {
  lv: {
    title: "Ministrijas",
    newMinistry: "Jauna ministrija",
    code: "Kods",
    nameLv: "Nosaukums latviski",
    nameEn: "Nosaukums angliski",
    createMinistry: "Izveidot ministriju",
    save: "Saglabāt",
    saved: "Izmaiņas saglabātas.",
    deactivate: "Deaktivizēt",
    activate: "Aktivizēt",
    nowInactive: "Ministrija deaktivizēta.",
    inactive: "Neaktīva",
    deleteMinistry: "Dzēst neatgriezeniski",
    confirmDelete: "Apstiprināt dzēšanu",
    search: "Meklēt kodu vai nosaukumu",
    status: "Statuss",
    detailsTab: "Dati",
    programmesTab: "Budžeta programmas",
    organizationsTab: "Organizācijas",
    historyTab: "Vēsture",
    newProgramme: "Jauna programma",
    programmeCode: "Programmas kods",
    validFromYear: "Spēkā no gada",
    validToYear: "Spēkā līdz gadam",
    createProgramme: "Izveidot programmu",
    deleteProgramme: "Dzēst programmu",
    programmeCodeError: "Kodam jābūt formā NN.NN.00, piemēram, 01.03.00.",
    yearOrderError: "Beigu gads nevar būt agrāks par sākuma gadu.",
    readOnlyProgramme: "Šo programmu var mainīt tikai tās ministrijas redaktori; jums ir tiesības to skatīt.",
    readOnlyMinistry: "Ministrijas datus maina administrators; jums ir tiesības tos skatīt.",
    inUse: "Ierakstu nevar dzēst, jo uz to atsaucas citi ieraksti.",
  },
  en: {
    title: "Ministries",
    newMinistry: "New ministry",
    code: "Code",
    nameLv: "Name in Latvian",
    nameEn: "Name in English",
    createMinistry: "Create ministry",
    save: "Save",
    saved: "Changes saved.",
    deactivate: "Deactivate",
    activate: "Activate",
    nowInactive: "Ministry deactivated.",
    inactive: "Inactive",
    deleteMinistry: "Delete permanently",
    confirmDelete: "Confirm deletion",
    search: "Search code or name",
    status: "Status",
    detailsTab: "Details",
    programmesTab: "Budget programmes",
    organizationsTab: "Organizations",
    historyTab: "History",
    newProgramme: "New programme",
    programmeCode: "Programme code",
    validFromYear: "Valid from year",
    validToYear: "Valid to year",
    createProgramme: "Create programme",
    deleteProgramme: "Delete programme",
    programmeCodeError: "The code must be in the form NN.NN.00, e.g. 01.03.00.",
    yearOrderError: "The end year cannot be earlier than the start year.",
    readOnlyProgramme: "Only editors of this programme's ministry can change it; you may view it.",
    readOnlyMinistry: "Ministries are maintained by administrators; you may view this record.",
    inUse: "The record cannot be deleted because other records refer to it.",
  },
} as const;

export type MinistryTab = "details" | "programmes" | "organizations" | "history";

/** What an action on a ministry or programme must be given: its id and the version its edit form holds. */
export interface VersionedRecord {
  id: number;
  version: number;
}

export interface ProgrammeInput {
  code: string;
  nameLv: string;
  nameEn: string;
  validFromYear: string;
  validToYear?: string;
}

/** A ministry code of the test's own: lowercase, ≤ 16 characters, as the database's check wants. */
export const uniqueMinistryCode = () => `e${Date.now().toString(36).slice(-6)}${randomBytes(3).toString("hex")}`;

/** A programme code and first year that no parallel test will pick (10 000 codes × 111 years). */
export function uniqueProgrammeKey(): { code: string; validFromYear: string } {
  const [a, b, c] = randomBytes(3);
  return { code: `${String(a! % 100).padStart(2, "0")}.${String(b! % 100).padStart(2, "0")}.00`, validFromYear: String(1990 + (c! % 100)) };
}

const idFromUrl = (page: Page) => Number(new URL(page.url()).pathname.split("/").pop());

/** /ministries, its record pages and the programme pages, as a user of either language uses them. */
export class MinistriesPage {
  readonly l: (typeof LABELS)[UiLocale];

  constructor(
    private readonly page: Page,
    readonly locale: UiLocale = "lv",
  ) {
    this.l = LABELS[locale];
  }

  async goto(query = "") {
    await this.page.goto(`/ministries${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: this.l.title })).toBeVisible();
  }

  /** The list's row of one ministry (its name is the row header). */
  row(name: string) {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("rowheader").getByRole("link", { name, exact: true }) });
  }

  /** The id of a ministry found by its code through the list's search. */
  async idOf(code: string): Promise<number> {
    await this.goto(`?q=${encodeURIComponent(code)}`);
    const row = this.page.getByRole("row").filter({ has: this.page.getByRole("cell", { name: code, exact: true }) });
    const href = await row.getByRole("link").first().getAttribute("href");
    const id = Number(href?.split("/").pop());
    if (!Number.isInteger(id) || id <= 0) throw new Error(`no ministry ${code} in the list`);
    return id;
  }

  async createMinistry(ministry: { code: string; nameLv: string; nameEn: string }): Promise<number> {
    await this.page.goto("/ministries/new");
    await expect(this.page.getByRole("heading", { level: 1, name: this.l.newMinistry })).toBeVisible();
    await this.page.getByLabel(this.l.code, { exact: true }).fill(ministry.code);
    await this.page.getByLabel(this.l.nameLv).fill(ministry.nameLv);
    await this.page.getByLabel(this.l.nameEn).fill(ministry.nameEn);
    await this.page.getByRole("button", { name: this.l.createMinistry }).click();
    await expect(this.page).toHaveURL(/\/ministries\/\d+$/);
    await expect(this.page.getByRole("heading", { level: 1, name: this.locale === "en" ? ministry.nameEn : ministry.nameLv })).toBeVisible();
    return idFromUrl(this.page);
  }

  tabName(tab: MinistryTab) {
    return { details: this.l.detailsTab, programmes: this.l.programmesTab, organizations: this.l.organizationsTab, history: this.l.historyTab }[tab];
  }

  async open(id: number, tab: MinistryTab = "details") {
    await this.page.goto(`/ministries/${id}${tab === "details" ? "" : `?tab=${tab}`}`);
    await expect(this.page.getByRole("tab", { name: this.tabName(tab), selected: true })).toBeVisible();
  }

  async showTab(tab: MinistryTab) {
    await this.page.getByRole("tab", { name: this.tabName(tab) }).click();
    await expect(this.page.getByRole("tab", { name: this.tabName(tab), selected: true })).toBeVisible();
  }

  /** id and version as the open page's edit form holds them once it has hydrated. */
  async formRecord(): Promise<VersionedRecord> {
    const version = this.page.locator('form input[name="version"]').first();
    await expect(version).toHaveValue(/^\d+$/);
    return { id: idFromUrl(this.page), version: Number(await version.inputValue()) };
  }

  async ministryRecord(id: number): Promise<VersionedRecord> {
    await this.open(id);
    return this.formRecord();
  }

  async save() {
    await this.page.getByRole("button", { name: this.l.save, exact: true }).click();
    await expect(this.page.getByRole("status").filter({ hasText: this.l.saved })).toBeVisible();
  }

  /** History rows of one field's change, before → after. */
  historyRows(field: string, before: string, after: string) {
    return this.page
      .getByTestId("history-row")
      .filter({ has: this.page.getByRole("cell", { name: field, exact: true }) })
      .filter({ has: this.page.getByRole("cell", { name: before, exact: true }) })
      .filter({ has: this.page.getByRole("cell", { name: after, exact: true }) });
  }

  // ── Programmes ──────────────────────────────────────────────────────────────────────────────────

  async fillProgramme(programme: Partial<ProgrammeInput>) {
    const l = this.l;
    if (programme.code !== undefined) await this.page.getByLabel(l.programmeCode).fill(programme.code);
    if (programme.nameLv !== undefined) await this.page.getByLabel(l.nameLv).fill(programme.nameLv);
    if (programme.nameEn !== undefined) await this.page.getByLabel(l.nameEn).fill(programme.nameEn);
    if (programme.validFromYear !== undefined) await this.page.getByLabel(l.validFromYear).fill(programme.validFromYear);
    if (programme.validToYear !== undefined) await this.page.getByLabel(l.validToYear).fill(programme.validToYear);
  }

  /** From the ministry's programmes tab: "New programme", fill, create; returns the new programme's id. */
  async createProgramme(ministryId: number, programme: ProgrammeInput): Promise<number> {
    await this.open(ministryId, "programmes");
    await this.page.getByRole("link", { name: this.l.newProgramme }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: this.l.newProgramme })).toBeVisible();
    await this.fillProgramme(programme);
    await this.page.getByRole("button", { name: this.l.createProgramme }).click();
    await expect(this.page).toHaveURL(new RegExp(`/ministries/${ministryId}/programmes/\\d+$`));
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText(programme.code);
    return idFromUrl(this.page);
  }

  async openProgramme(ministryId: number, programmeId: number, tab: "details" | "history" = "details") {
    await this.page.goto(`/ministries/${ministryId}/programmes/${programmeId}${tab === "history" ? "?tab=history" : ""}`);
    await expect(this.page.getByRole("tab", { name: tab === "history" ? this.l.historyTab : this.l.detailsTab, selected: true })).toBeVisible();
  }

  async programmeRecord(ministryId: number, programmeId: number): Promise<VersionedRecord> {
    await this.openProgramme(ministryId, programmeId);
    return this.formRecord();
  }

  /** The id of a programme of the ministry, found by its code on the programmes tab. */
  async programmeIdOf(ministryId: number, code: string): Promise<number> {
    await this.page.goto(`/ministries/${ministryId}?tab=programmes&pQ=${encodeURIComponent(code)}`);
    const href = await this.page.getByRole("rowheader").getByRole("link", { name: code, exact: true }).first().getAttribute("href");
    const id = Number(href?.split("/").pop());
    if (!Number.isInteger(id) || id <= 0) throw new Error(`no programme ${code} of ministry ${ministryId}`);
    return id;
  }
}
