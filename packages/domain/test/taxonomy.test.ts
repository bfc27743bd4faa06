import { describe, expect, it } from "vitest";
import {
  CATEGORY_CODES,
  Channels,
  categoryOf,
  Relations,
  ReporterTypes,
  SUBCATEGORY_CODES,
  SubcategoryCodeSchema,
  subcategoryLabel,
  TAXONOMY,
  Tracks,
} from "../src";
import * as z from "zod/mini";

describe("taxonomy", () => {
  it("has the nine level-1 categories of DESIGN §2 in their stable order", () => {
    expect(CATEGORY_CODES).toEqual(["financieel", "belangen", "informatie", "bevoegdheden", "omgang", "middelen", "prive", "misstand", "geen"]);
  });

  it("labels every category and subcategory in Dutch and English", () => {
    for (const code of CATEGORY_CODES) {
      expect(TAXONOMY[code].label.nl.length).toBeGreaterThan(2);
      expect(TAXONOMY[code].label.en.length).toBeGreaterThan(2);
      expect(Object.keys(TAXONOMY[code].sub).length).toBeGreaterThan(0);
    }
    for (const sub of SUBCATEGORY_CODES) {
      expect(subcategoryLabel(sub).nl).toBeTruthy();
      expect(subcategoryLabel(sub).en).toBeTruthy();
    }
  });

  it("writes subcategories as level1.level2 and knows their category", () => {
    expect(new Set(SUBCATEGORY_CODES).size).toBe(SUBCATEGORY_CODES.length);
    expect(SUBCATEGORY_CODES).toContain("omgang.seksuele-intimidatie");
    expect(categoryOf("omgang.seksuele-intimidatie")).toBe("omgang");
    expect(categoryOf("misstand.unierecht")).toBe("misstand");
    expect(z.safeParse(SubcategoryCodeSchema, "omgang.fraude").success).toBe(false);
  });

  it("covers omgang's six forms of unwanted behaviour and the four Wbk wrongdoings", () => {
    expect(Object.keys(TAXONOMY.omgang.sub)).toEqual(["pesten", "seksuele-intimidatie", "discriminatie", "agressie-geweld", "intimidatie", "overig"]);
    expect(Object.keys(TAXONOMY.misstand.sub)).toHaveLength(4);
  });

  it("has the tracks, relations, reporter types and channels of DESIGN §2", () => {
    expect(Tracks.codes).toEqual(["ambtelijk", "bestuurlijk", "wbk"]);
    expect(Relations.codes).toEqual(["leidinggevende", "hoger-management", "collega", "bestuurder", "extern", "meerdere", "onbekend"]);
    expect(ReporterTypes.codes).toEqual(["medewerker", "oud-medewerker", "ingehuurd", "inwoner", "anders"]);
    expect(Channels.codes).toEqual(["webformulier", "telefoon", "gesprek", "email", "brief"]);
    for (const set of [Tracks, Relations, ReporterTypes, Channels]) {
      for (const code of set.codes) expect(set.labels[code as keyof typeof set.labels]).toMatchObject({ nl: expect.any(String), en: expect.any(String) });
    }
    expect(z.safeParse(Relations.schema, "buurman").success).toBe(false);
  });
});
