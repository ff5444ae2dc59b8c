import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { catalogs as all } from "@/messages";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const catalogs = { lv: flatten(all.lv as Tree), en: flatten(all.en as Tree) };

describe("message catalogs", () => {
  it("have exactly the same keys in Latvian and English", () => {
    const lvKeys = [...catalogs.lv.keys()].sort();
    const enKeys = [...catalogs.en.keys()].sort();
    expect(lvKeys.filter((k) => !catalogs.en.has(k)), "in lv.json only").toEqual([]);
    expect(enKeys.filter((k) => !catalogs.lv.has(k)), "in en.json only").toEqual([]);
  });

  it("have no empty strings and parse as ICU messages", () => {
    for (const [locale, messages] of Object.entries(catalogs)) {
      for (const [key, text] of messages) {
        expect(text.trim(), `${locale}:${key}`).not.toBe("");
        expect(() => new IntlMessageFormat(text, locale), `${locale}:${key}`).not.toThrow();
      }
    }
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();
    for (const [key, text] of catalogs.lv) {
      expect(new Set(placeholders(text)), key).toEqual(new Set(placeholders(catalogs.en.get(key) ?? "")));
    }
  });
});
