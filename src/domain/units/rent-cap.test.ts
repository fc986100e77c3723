// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxAnnualRentCents, maxMonthlyRentCents, RENT_CAP_CENTS_PER_M2_YEAR } from "./rent-cap.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "./unit.schema.ts";

const CAPPED: readonly UnitCategory[] = ["calmierato", "calmierato_ridotto"];

/** A valid billable surface: 0.01–1000 m² with two decimals at most, kept as hundredths of m². */
const centiM2 = fc.integer({ min: 1, max: 100_000 });

describe("rent caps (Avviso §4.2.1)", () => {
  it.each([
    { category: "calmierato", centsPerM2Year: 7500 },
    { category: "calmierato_ridotto", centsPerM2Year: 5500 },
    { category: "fragilita", centsPerM2Year: null },
  ] as const)("caps $category at $centsPerM2Year cents per m² per year", ({ category, centsPerM2Year }) => {
    expect(RENT_CAP_CENTS_PER_M2_YEAR[category]).toBe(centsPerM2Year);
  });

  it.each([
    { category: "calmierato", surfaceM2: 60, annual: 450_000, monthly: 37_500 },
    { category: "calmierato_ridotto", surfaceM2: 60, annual: 330_000, monthly: 27_500 },
    { category: "calmierato", surfaceM2: 62.35, annual: 467_625, monthly: 38_968 },
    { category: "calmierato_ridotto", surfaceM2: 62.35, annual: 342_925, monthly: 28_577 },
    { category: "calmierato", surfaceM2: 45.5, annual: 341_250, monthly: 28_437 },
    { category: "calmierato_ridotto", surfaceM2: 33.33, annual: 183_315, monthly: 15_276 },
    { category: "calmierato_ridotto", surfaceM2: 100, annual: 550_000, monthly: 45_833 },
    { category: "calmierato", surfaceM2: 0.01, annual: 75, monthly: 6 },
    { category: "calmierato_ridotto", surfaceM2: 0.01, annual: 55, monthly: 4 },
    { category: "calmierato", surfaceM2: 1000, annual: 7_500_000, monthly: 625_000 },
    { category: "fragilita", surfaceM2: 60, annual: null, monthly: null },
    { category: "fragilita", surfaceM2: 62.35, annual: null, monthly: null },
  ] as const)("$category, $surfaceM2 m² → $annual cents a year, $monthly a month", (row) => {
    expect(maxAnnualRentCents(row.category, row.surfaceM2)).toBe(row.annual);
    expect(maxMonthlyRentCents(row.category, row.surfaceM2)).toBe(row.monthly);
  });

  it("never exceeds surface × rate, is a whole number of cents, and 12 monthly caps fit in the annual one", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CAPPED), centiM2, (category, hundredths) => {
        const surfaceM2 = hundredths / 100;
        const rate = RENT_CAP_CENTS_PER_M2_YEAR[category] ?? 0;
        const annual = maxAnnualRentCents(category, surfaceM2);
        const monthly = maxMonthlyRentCents(category, surfaceM2);
        if (annual === null || monthly === null) return false;
        expect(Number.isInteger(annual)).toBe(true);
        expect(Number.isInteger(monthly)).toBe(true);
        // surface × rate in integers: (hundredths of m²) × (cents per m²) / 100
        expect(annual * 100).toBeLessThanOrEqual(hundredths * rate);
        expect(monthly * 12).toBeLessThanOrEqual(annual);
        // rounding down loses less than one month's cent
        expect(annual - monthly * 12).toBeLessThan(12);
        return true;
      }),
    );
  });

  it("grows with the surface", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CAPPED), centiM2, centiM2, (category, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const capSmall = maxAnnualRentCents(category, small / 100) ?? Number.NaN;
        const capLarge = maxAnnualRentCents(category, large / 100) ?? Number.NaN;
        expect(capSmall).toBeLessThanOrEqual(capLarge);
      }),
    );
  });

  it("leaves fragilità uncapped whatever the surface", () => {
    fc.assert(
      fc.property(centiM2, (hundredths) => {
        expect(maxAnnualRentCents("fragilita", hundredths / 100)).toBeNull();
        expect(maxMonthlyRentCents("fragilita", hundredths / 100)).toBeNull();
      }),
    );
  });

  it("has a rule for every category", () => {
    expect(Object.keys(RENT_CAP_CENTS_PER_M2_YEAR).sort()).toEqual([...UNIT_CATEGORIES].sort());
  });
});
