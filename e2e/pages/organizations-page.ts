import { expect, type Page } from "@playwright/test";

export type UiLocale = "lv" | "en";

/** The words the organizations pages show, as a user reads them (messages/<locale>/organizations.json and history). */
const LABELS = {
  lv: {
    title: "Organizācijas",
    newOrganization: "Jauna organizācija",
    acronym: "Saīsinājums",
    nameLv: "Nosaukums latviski",
    nameEn: "Nosaukums angliski",
    kind: "Veids",
    hqCity: "Mītnes pilsēta",
    website: "Tīmekļa vietne",
    memberSince: "Dalībvalsts kopš",
    treatyUrl: "Pievienošanās likums likumi.lv",
    treatyLink: "Atvērt likumu vietnē likumi.lv",
    currencies: "Rēķinu valūtas",
    lead: "Vadošā ministrija",
    create: "Izveidot organizāciju",
    save: "Saglabāt",
    saved: "Izmaiņas saglabātas.",
    archive: "Arhivēt",
    restore: "Atjaunot",
    archived: "Arhivēta",
    nowArchived: "Organizācija arhivēta.",
    nowRestored: "Organizācija atjaunota.",
    search: "Meklēt saīsinājumu vai nosaukumu",
    status: "Statuss",
    statusArchived: "Arhivētās",
    noMatches: "Neviens ieraksts neatbilst meklētajam.",
    readOnly: "Jums ir tiesības šo ierakstu tikai skatīt.",
    detailsTab: "Dati",
    responsibilitiesTab: "Atbildība",
    missionsTab: "Pārstāvniecības",
    contributionsTab: "Iemaksas pa gadiem",
    historyTab: "Vēsture",
    conflict: "kāds cits saglabāja izmaiņas",
    loadTheirs: "Ielādēt saglabāto versiju",
  },
  en: {
    title: "Organizations",
    newOrganization: "New organization",
    acronym: "Acronym",
    nameLv: "Name in Latvian",
    nameEn: "Name in English",
    kind: "Kind",
    hqCity: "Headquarters city",
    website: "Website",
    memberSince: "Member since",
    treatyUrl: "Accession law on likumi.lv",
    treatyLink: "Open the law on likumi.lv",
    currencies: "Billing currencies",
    lead: "Lead ministry",
    create: "Create organization",
    save: "Save",
    saved: "Changes saved.",
    archive: "Archive",
    restore: "Restore",
    archived: "Archived",
    nowArchived: "Organization archived.",
    nowRestored: "Organization restored.",
    search: "Search acronym or name",
    status: "Status",
    statusArchived: "Archived",
    noMatches: "No records match the search.",
    readOnly: "You may only view this record.",
    detailsTab: "Details",
    responsibilitiesTab: "Responsibility",
    missionsTab: "Missions",
    contributionsTab: "Contributions by year",
    historyTab: "History",
    conflict: "someone else saved changes",
    loadTheirs: "Load the saved version",
  },
} as const;

export interface OrganizationInput {
  acronym: string;
  nameLv: string;
  nameEn: string;
  /** The kind as the select names it in the page's language. */
  kind?: string;
  hqCity?: string;
  website?: string;
  memberSince?: string;
  treatyUrl?: string;
  /** Currency codes to tick (the others are left as they are). */
  currencies?: string[];
  /** The lead ministry's name as the select shows it (create only). */
  lead?: string;
}

/** What an action on an organization must be given: its id and the version its edit form holds. */
export interface OrganizationRecord {
  id: number;
  version: number;
}

export type OrganizationTab = "details" | "responsibilities" | "missions" | "contributions" | "history";

/** /organizations, /organizations/new and /organizations/<id>, as an editor uses them. */
export class OrganizationsPage {
  readonly l: (typeof LABELS)[UiLocale];

  constructor(
    private readonly page: Page,
    readonly locale: UiLocale = "lv",
  ) {
    this.l = LABELS[locale];
  }

  async goto(query = "") {
    await this.page.goto(`/organizations${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: this.l.title })).toBeVisible();
  }

  /** The list's row of one organization (its acronym is the row header's link). */
  row(acronym: string) {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("rowheader").getByRole("link", { name: acronym, exact: true }) });
  }

  async search(text: string) {
    await this.page.getByLabel(this.l.search).fill(text);
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, "(\\+|%20)")}`));
  }

  field(label: keyof (typeof LABELS)["lv"]) {
    return this.page.getByLabel(this.l[label], { exact: true });
  }

  currency(code: string) {
    return this.page.getByRole("group", { name: this.l.currencies }).getByRole("checkbox", { name: new RegExp(`^${code}\\b`) });
  }

  async fill(organization: Partial<OrganizationInput>) {
    if (organization.lead !== undefined) await this.field("lead").selectOption({ label: organization.lead });
    if (organization.acronym !== undefined) await this.field("acronym").fill(organization.acronym);
    if (organization.kind !== undefined) await this.field("kind").selectOption({ label: organization.kind });
    if (organization.nameLv !== undefined) await this.field("nameLv").fill(organization.nameLv);
    if (organization.nameEn !== undefined) await this.field("nameEn").fill(organization.nameEn);
    if (organization.hqCity !== undefined) await this.field("hqCity").fill(organization.hqCity);
    if (organization.website !== undefined) await this.field("website").fill(organization.website);
    if (organization.memberSince !== undefined) await this.field("memberSince").fill(organization.memberSince);
    if (organization.treatyUrl !== undefined) await this.field("treatyUrl").fill(organization.treatyUrl);
    for (const code of organization.currencies ?? []) await this.currency(code).check();
  }

  /** Creates an organization through the form; returns its id from the page it lands on. */
  async create(organization: OrganizationInput): Promise<number> {
    await this.page.goto("/organizations/new");
    await expect(this.page.getByRole("heading", { level: 1, name: this.l.newOrganization })).toBeVisible();
    await this.fill(organization);
    await this.page.getByRole("button", { name: this.l.create }).click();
    await expect(this.page).toHaveURL(/\/organizations\/\d+$/);
    await expect(this.page.getByRole("heading", { level: 1, name: organization.acronym })).toBeVisible();
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  async open(id: number, tab: OrganizationTab = "details") {
    await this.page.goto(`/organizations/${id}${tab === "details" ? "" : `?tab=${tab}`}`);
    await expect(this.page.getByRole("tab", { name: this.tabName(tab), selected: true })).toBeVisible();
  }

  tabName(tab: OrganizationTab) {
    const l = this.l;
    return { details: l.detailsTab, responsibilities: l.responsibilitiesTab, missions: l.missionsTab, contributions: l.contributionsTab, history: l.historyTab }[tab];
  }

  async showTab(tab: OrganizationTab) {
    await this.page.getByRole("tab", { name: this.tabName(tab) }).click();
    await expect(this.page.getByRole("tab", { name: this.tabName(tab), selected: true })).toBeVisible();
  }

  /** id and version as the edit form holds them once it has hydrated (the page of an editor). */
  async record(id: number): Promise<OrganizationRecord> {
    await this.open(id);
    const version = this.page.locator('form input[name="version"]').first();
    await expect(version).toHaveValue(/^\d+$/);
    return { id, version: Number(await version.inputValue()) };
  }

  /** The id of an organization found by its acronym through the list's search (archived ones too). */
  async idOf(acronym: string): Promise<number> {
    await this.goto(`?status=all&q=${encodeURIComponent(acronym)}`);
    const href = await this.row(acronym).getByRole("link").first().getAttribute("href");
    const id = Number(href?.split("/").pop());
    if (!Number.isInteger(id) || id <= 0) throw new Error(`no organization ${acronym} in the list`);
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

  async restore() {
    await this.page.getByRole("button", { name: this.l.restore, exact: true }).click();
    await expect(this.page.getByRole("status").filter({ hasText: this.l.nowRestored })).toBeVisible();
    await expect(this.page.getByRole("button", { name: this.l.archive, exact: true })).toBeVisible();
  }

  /** History rows (one per changed field) that mention all of `texts`. */
  historyRows(...texts: string[]) {
    let rows = this.page.getByTestId("history-row");
    for (const text of texts) rows = rows.filter({ hasText: text });
    return rows;
  }
}
