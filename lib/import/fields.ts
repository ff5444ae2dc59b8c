import { locales } from "@/lib/i18n/config";
import { catalogs } from "@/messages";
import { normalizeText } from "./cells";

/** The contribution fields an import can set or match on, in the order the mapping form lists them. */
export const IMPORT_FIELDS = ["id", "year", "organization", "kind", "ministry", "programme", "currency", "amount", "plannedEur", "dueDate", "status", "cabinetOrder", "notes"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Field -> 0-based column index in ParsedTable.headers. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/**
 * The export's column key for each field. `organization` reads the acronym column: the export's
 * "Organization" column is the full name, which the app derives and an import must not match on.
 */
const EXPORT_KEY: Record<ImportField, string> = {
  id: "id",
  year: "year",
  organization: "organizationCode",
  kind: "kind",
  ministry: "ministry",
  programme: "programme",
  currency: "currency",
  amount: "amount",
  plannedEur: "plannedEur",
  dueDate: "dueDate",
  status: "status",
  cabinetOrder: "cabinetOrder",
  notes: "notes",
};


const withoutDiacritics = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "");

interface Lexicon {
  exact: Map<string, ImportField>;
  /** Diacritics-free spellings, kept only where no other export header (mapped or derived) shares them. */
  loose: Map<string, ImportField>;
}

function buildLexicon(): Lexicon {
  const exact = new Map<string, ImportField>();
  const derived = new Set<string>();
  const mappedKeys = new Set(Object.values(EXPORT_KEY));
  for (const locale of locales) {
    const columns = (catalogs[locale].exports as { columns: Record<string, string> }).columns;
    for (const [key, text] of Object.entries(columns)) {
      if (!mappedKeys.has(key)) derived.add(normalizeText(text));
    }
    for (const field of IMPORT_FIELDS) {
      const text = columns[EXPORT_KEY[field]];
      if (text !== undefined) exact.set(normalizeText(text), field);
    }
  }
  // The field keys themselves, unless one reads like a derived column ("organization" is the name column).
  for (const field of IMPORT_FIELDS) {
    const key = normalizeText(field);
    if (!exact.has(key) && !derived.has(key)) exact.set(key, field);
  }
  const owners = new Map<string, Set<ImportField | "derived">>();
  const own = (text: string, owner: ImportField | "derived") => {
    const key = withoutDiacritics(text);
    owners.set(key, (owners.get(key) ?? new Set()).add(owner));
  };
  for (const text of derived) own(text, "derived");
  for (const [text, field] of exact) own(text, field);
  const loose = new Map<string, ImportField>();
  for (const [key, set] of owners) {
    const [only] = set;
    if (set.size === 1 && only !== "derived" && only !== undefined) loose.set(key, only);
  }
  return { exact, loose };
}

let lexicon: Lexicon | undefined;

/**
 * The mapping the import suggests for a header row: the app's own export headers in both languages and
 * the field keys, compared after normalizeText; a header typed without Latvian diacritics ("Termins")
 * counts only where that spelling is not also another export column's. Each column maps to at most one
 * field and each field to at most one column; the first column wins.
 */
export function recognizeHeaders(headers: readonly string[]): ColumnMapping {
  lexicon ??= buildLexicon();
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const key = normalizeText(header);
    if (key === "") return;
    const field = lexicon!.exact.get(key) ?? lexicon!.loose.get(withoutDiacritics(key));
    if (field !== undefined && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}
