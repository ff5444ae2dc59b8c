import { expect, type Page } from "@playwright/test";

export type UiLocale = "lv" | "en";

/** The words the missions pages show, as a user reads them (messages/<locale>/missions.json and history). */
const LABELS = {
  lv: {
    title: "Pārstāvniecības",
    newMission: "Jauna pārstāvniecība",
    nameLv: "Nosaukums latviski",
    nameEn: "Nosaukums angliski",
    city: "Pilsēta",
    country: "Valsts",
    head: "Pārstāvniecības vadītājs",
    email: "E-pasts",
    website: "Tīmekļa vietne",
    openedOn: "Atvēršanas datums",
    closedOn: "Slēgšanas datums",
    create: "Izveidot pārstāvniecību",
    save: "Saglabāt",
    saved: "Izmaiņas saglabātas.",
    archive: "Arhivēt",
    restore: "Atjaunot",
    archived: "Arhivēta",
    nowArchived: "Pārstāvniecība arhivēta.",
    search: "Meklēt nosaukumu, pilsētu vai vadītāju",
    status: "Statuss",
    statusArchived: "Arhivētās",
    noMatches: "Neviens ieraksts neatbilst meklētajam.",
    detailsTab: "Dati",
    organizationsTab: "Organizācijas",
    ministriesTab: "Nozaru ministrijas",
    contributionsTab: /^Iemaksas \d{4}$/,
    historyTab: "Vēsture",
    organization: "Organizācija",
    ministry: "Ministrija",
    note: "Piezīme",
    add: "Pievienot",
    organizationAdded: "Organizācija pievienota.",
    organizationRemoved: "Organizācija noņemta.",
    ministryAdded: "Ministrija pievienota.",
    remove: (name: string) => `Noņemt ${name}`,
  },
  en: {
    title: "Missions",
    newMission: "New mission",
    nameLv: "Name in Latvian",
    nameEn: "Name in English",
    city: "City",
    country: "Country",
    head: "Head of mission",
    email: "E-mail",
    website: "Website",
    openedOn: "Opened on",
    closedOn: "Closed on",
    create: "Create mission",
    save: "Save",
    saved: "Changes saved.",
    archive: "Archive",
    restore: "Restore",
    archived: "Archived",
    nowArchived: "Mission archived.",
    search: "Search name, city or head of mission",
    status: "Status",
    statusArchived: "Archived",
    noMatches: "No records match the search.",
    detailsTab: "Details",
    organizationsTab: "Organizations",
    ministriesTab: "Sectoral ministries",
    contributionsTab: /^Contributions \d{4}$/,
    historyTab: "History",
    organization: "Organization",
    ministry: "Ministry",
    note: "Note",
    add: "Add",
    organizationAdded: "Organization added.",
    organizationRemoved: "Organization removed.",
    ministryAdded: "Ministry added.",
    remove: (name: string) => `Remove ${name}`,
  },
} as const;

export interface NewMission {
  nameLv: string;
  nameEn: string;
  city: string;
  /** The country's name as the select shows it in the page's language. */
  country: string;
  head?: string;
  email?: string;
  openedOn?: string;
  closedOn?: string;
}

/** What an action on a mission must be given: its id and the version its edit form holds. */
export interface MissionRecord {
  id: number;
  version: number;
}

export type MissionTab = "details" | "organizations" | "ministries" | "contributions" | "history";

/** /missions, /missions/new and /missions/<id>, as an editor uses them. */
export class MissionsPage {
  readonly l: (typeof LABELS)[UiLocale];

  constructor(
    private readonly page: Page,
    readonly locale: UiLocale = "lv",
  ) {
    this.l = LABELS[locale];
  }

  async goto(query = "") {
    await this.page.goto(`/missions${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: this.l.title })).toBeVisible();
  }

  /** The list's row of one mission (its name is the row header). */
  row(name: string) {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("rowheader").getByRole("link", { name, exact: true }) });
  }

  async search(text: string) {
    await this.page.getByLabel(this.l.search).fill(text);
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, "(\\+|%20)")}`));
  }

  async fill(mission: Partial<NewMission>) {
    const l = this.l;
    if (mission.nameLv !== undefined) await this.page.getByLabel(l.nameLv).fill(mission.nameLv);
    if (mission.nameEn !== undefined) await this.page.getByLabel(l.nameEn).fill(mission.nameEn);
    if (mission.city !== undefined) await this.page.getByLabel(l.city).fill(mission.city);
    if (mission.country !== undefined) await this.page.getByLabel(l.country).selectOption({ label: mission.country });
    if (mission.head !== undefined) await this.page.getByLabel(l.head).fill(mission.head);
    if (mission.email !== undefined) await this.page.getByLabel(l.email).fill(mission.email);
    if (mission.openedOn !== undefined) await this.page.getByLabel(l.openedOn).fill(mission.openedOn);
    if (mission.closedOn !== undefined) await this.page.getByLabel(l.closedOn).fill(mission.closedOn);
  }

  /** Creates a mission through the form; returns its id from the page it lands on. */
  async create(mission: NewMission): Promise<number> {
    await this.page.goto("/missions/new");
    await expect(this.page.getByRole("heading", { level: 1, name: this.l.newMission })).toBeVisible();
    await this.fill(mission);
    await this.page.getByRole("button", { name: this.l.create }).click();
    await expect(this.page).toHaveURL(/\/missions\/\d+$/);
    await expect(this.page.getByRole("heading", { level: 1, name: this.locale === "en" ? mission.nameEn : mission.nameLv })).toBeVisible();
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  async open(id: number, tab: MissionTab = "details") {
    await this.page.goto(`/missions/${id}${tab === "details" ? "" : `?tab=${tab}`}`);
    await expect(this.page.getByRole("tab", { name: this.tabName(tab), selected: true })).toBeVisible();
  }

  tabName(tab: MissionTab) {
    return { details: this.l.detailsTab, organizations: this.l.organizationsTab, ministries: this.l.ministriesTab, contributions: this.l.contributionsTab, history: this.l.historyTab }[tab];
  }

  async showTab(tab: MissionTab) {
    await this.page.getByRole("tab", { name: this.tabName(tab) }).click();
    await expect(this.page.getByRole("tab", { name: this.tabName(tab), selected: true })).toBeVisible();
  }

  /** id and version as the edit form holds them once it has hydrated (the page of an editor). */
  async record(id: number): Promise<MissionRecord> {
    await this.open(id);
    const version = this.page.locator('form input[name="version"]').first();
    await expect(version).toHaveValue(/^\d+$/);
    return { id, version: Number(await version.inputValue()) };
  }

  /** The id of a mission found by its name through the list's search. */
  async idOf(nameLv: string): Promise<number> {
    await this.goto(`?status=all&q=${encodeURIComponent(nameLv)}`);
    const href = await this.row(nameLv).getByRole("link").first().getAttribute("href");
    const id = Number(href?.split("/").pop());
    if (!Number.isInteger(id) || id <= 0) throw new Error(`no mission ${nameLv} in the list`);
    return id;
  }

  async save() {
    await this.page.getByRole("button", { name: this.l.save }).click();
    await expect(this.page.getByRole("status").filter({ hasText: this.l.saved })).toBeVisible();
  }

  async archive() {
    await this.page.getByRole("button", { name: this.l.archive, exact: true }).click();
    await expect(this.page.getByRole("status").filter({ hasText: this.l.nowArchived })).toBeVisible();
    await expect(this.page.getByRole("button", { name: this.l.restore, exact: true })).toBeVisible();
  }

  /** Adds an organization on the Organizations tab by its acronym (options read "ACRONYM — name"). */
  async addOrganization(acronym: string) {
    const select = this.page.getByLabel(this.l.organization, { exact: true });
    const value = await select.locator("option", { hasText: new RegExp(`^${acronym} — `) }).getAttribute("value");
    await select.selectOption(value!);
    await this.page.getByRole("button", { name: this.l.add, exact: true }).click();
    await expect(this.page.getByRole("status").filter({ hasText: this.l.organizationAdded })).toBeVisible();
    await expect(this.page.getByRole("rowheader", { name: acronym, exact: true })).toBeVisible();
  }

  async removeOrganization(acronym: string) {
    await this.page.getByRole("button", { name: this.l.remove(acronym) }).click();
    await expect(this.page.getByRole("status").filter({ hasText: this.l.organizationRemoved })).toBeVisible();
    await expect(this.page.getByRole("rowheader", { name: acronym, exact: true })).toHaveCount(0);
  }

  /** Adds a ministry on the Ministries tab by its name; returns its id. */
  async addMinistry(name: string, note = ""): Promise<number> {
    const select = this.page.getByLabel(this.l.ministry, { exact: true });
    const value = await select.locator("option", { hasText: name }).first().getAttribute("value");
    await select.selectOption(value!);
    if (note) await this.page.getByLabel(this.l.note, { exact: true }).fill(note);
    await this.page.getByRole("button", { name: this.l.add, exact: true }).click();
    await expect(this.page.getByRole("status").filter({ hasText: this.l.ministryAdded })).toBeVisible();
    await expect(this.page.getByRole("rowheader", { name, exact: true })).toBeVisible();
    return Number(value);
  }

  /** Ids in the Organizations tab: those covered (links) and those offered for adding (select options). */
  async organizationIds(id: number): Promise<{ covered: number[]; addable: number[] }> {
    await this.open(id, "organizations");
    const hrefs = await this.page.getByRole("rowheader").getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const values = await this.page
      .getByLabel(this.l.organization, { exact: true })
      .locator("option")
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    return { covered: hrefs.map((h) => Number(h.split("/").pop())), addable: values.filter(Boolean).map(Number) };
  }

  /** Ids of the ministries offered for adding on the Ministries tab. */
  async addableMinistryIds(id: number): Promise<number[]> {
    await this.open(id, "ministries");
    const values = await this.page
      .getByLabel(this.l.ministry, { exact: true })
      .locator("option")
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    return values.filter(Boolean).map(Number);
  }

  /** History rows (one per changed field) that mention all of `texts`. */
  historyRows(...texts: string[]) {
    let rows = this.page.getByTestId("history-row");
    for (const text of texts) rows = rows.filter({ hasText: text });
    return rows;
  }
}
