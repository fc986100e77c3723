// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNIT_CATEGORIES, type UnitCategory } from "../units/unit.schema.ts";
import { canManageCategory, Organisation } from "./organisation.schema.ts";

const newOrganisation = (o: Partial<Organisation> = {}): Organisation => ({
  id: "00000000-0000-4000-8000-000000000001",
  code: "ETS-B1",
  name: "Cooperativa Fittizia (demo)",
  kind: "partner",
  area: "B",
  categories: ["calmierato"],
  ...o,
});

describe("canManageCategory", () => {
  it.each([
    { name: "an Area B partner of that ambito", org: {}, category: "calmierato", expected: true },
    { name: "an Area B partner of another ambito", org: {}, category: "fragilita", expected: false },
    {
      name: "an Area B partner of two ambiti",
      org: { categories: ["calmierato_ridotto", "fragilita"] },
      category: "fragilita",
      expected: true,
    },
    {
      name: "an Area B partner of no ambito",
      org: { categories: [] },
      category: "calmierato",
      expected: false,
    },
    { name: "an Area A partner", org: { area: "A" }, category: "calmierato", expected: false },
    { name: "a partner with no area", org: { area: null }, category: "calmierato", expected: false },
    { name: "the Comune", org: { kind: "comune", area: null }, category: "calmierato", expected: false },
    {
      name: "the Comune, even if marked B",
      org: { kind: "comune" },
      category: "calmierato",
      expected: false,
    },
  ] as const)("$name → $category: $expected", ({ org, category, expected }) => {
    expect(
      canManageCategory(
        newOrganisation({ ...org, categories: [...(org.categories ?? ["calmierato"])] }),
        category,
      ),
    ).toBe(expected);
  });

  it("is true exactly for Area B partners listing the category", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("comune", "partner"),
        fc.constantFrom("A", "B", null),
        fc.subarray([...UNIT_CATEGORIES]),
        fc.constantFrom(...UNIT_CATEGORIES),
        (kind, area, categories: UnitCategory[], category) => {
          const org = newOrganisation({ kind, area, categories });
          expect(canManageCategory(org, category)).toBe(
            kind === "partner" && area === "B" && categories.includes(category),
          );
        },
      ),
    );
  });
});

describe("Organisation", () => {
  it("accepts a partner and refuses an unknown kind, area or category", () => {
    expect(Organisation.parse(newOrganisation())).toEqual(newOrganisation());
    const bad = Organisation.safeParse({
      ...newOrganisation(),
      kind: "company",
      area: "C",
      categories: ["lusso"],
    });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join("."))).toEqual([
      "kind",
      "area",
      "categories.0",
    ]);
  });
});
