import { describe, expect, it } from "vitest";
import { defineTableSpec, MAX_SEARCH, parseTableQuery, tableKey } from "@/components/data-table/spec";

const spec = defineTableSpec({
  sortable: ["name", "total"],
  defaultSort: { id: "name", desc: false },
  filters: { kind: ["organization", "fund"], ministry: "id", record: "text", from: "date" },
  perPage: 25,
});

describe("parseTableQuery: the server's reading of a table's URL", () => {
  it("gives the defaults for an empty URL", () => {
    expect(parseTableQuery(spec, {})).toEqual({
      page: 1,
      perPage: 25,
      sort: { id: "name", desc: false },
      q: "",
      filters: { kind: null, ministry: null, record: null, from: null },
    });
  });

  it("takes known sort ids, directions, page sizes, pages and filter values", () => {
    const query = parseTableQuery(spec, { sort: "total.desc", page: "3", perPage: "50", q: "  FAO ", kind: "fund", ministry: "7", record: "12", from: "2026-02-28" });
    expect(query).toEqual({
      page: 3,
      perPage: 50,
      sort: { id: "total", desc: true },
      q: "FAO",
      filters: { kind: "fund", ministry: 7, record: "12", from: "2026-02-28" },
    });
    expect(parseTableQuery(spec, { sort: "total.asc" }).sort).toEqual({ id: "total", desc: false });
  });

  it.each([
    ["an unknown column", { sort: "password_hash" }],
    ["a column that exists but is not sortable", { sort: "kind.desc" }],
    ["SQL in the sort id", { sort: "name; drop table users" }],
    ["an unknown direction", { sort: "name.sideways" }],
    ["extra segments", { sort: "name.desc.x" }],
  ])("falls back to the default sort for %s", (_, params) => {
    expect(parseTableQuery(spec, params).sort).toEqual({ id: "name", desc: false });
  });

  it.each([
    [{ page: "0" }, 1],
    [{ page: "-2" }, 1],
    [{ page: "1.5" }, 1],
    [{ page: "abc" }, 1],
    [{ page: "99999999999" }, 1],
    [{ page: ["4", "5"] }, 4],
  ])("reads page %j as %i", (params, page) => {
    expect(parseTableQuery(spec, params).page).toBe(page);
  });

  it("allows only the offered page sizes", () => {
    expect(parseTableQuery(spec, { perPage: "100" }).perPage).toBe(100);
    expect(parseTableQuery(spec, { perPage: "100000" }).perPage).toBe(25);
    expect(parseTableQuery(spec, { perPage: "7" }).perPage).toBe(25);
  });

  it("drops filter values the spec does not allow", () => {
    const query = parseTableQuery(spec, { kind: "admin", ministry: "1 or 1=1", from: "2026-02-30" });
    expect(query.filters).toEqual({ kind: null, ministry: null, record: null, from: null });
    expect(parseTableQuery(spec, { ministry: "0" }).filters.ministry).toBeNull();
    expect(parseTableQuery(spec, { from: "26-02-01" }).filters.from).toBeNull();
  });

  it("cuts search and text filters to their maximum length", () => {
    const long = "x".repeat(MAX_SEARCH + 50);
    const query = parseTableQuery(spec, { q: long, record: long });
    expect(query.q).toHaveLength(MAX_SEARCH);
    expect(query.filters.record).toHaveLength(MAX_SEARCH);
  });

  it("reads a prefixed table's keys only", () => {
    const second = defineTableSpec({ ...spec, prefix: "p" });
    expect(tableKey(second, "page")).toBe("pPage");
    const query = parseTableQuery(second, { page: "9", pPage: "2", pSort: "total.desc", sort: "name.desc" });
    expect(query.page).toBe(2);
    expect(query.sort).toEqual({ id: "total", desc: true });
  });
});
