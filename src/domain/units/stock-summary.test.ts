// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  apportion,
  BASELINE_UNITS,
  CATEGORY_TARGET_SHARE,
  categoryMix,
  MAX_GROWTH_SHARE,
  stockGrowth,
} from "./stock-summary.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "./unit.schema.ts";

type Counts = Record<UnitCategory, number>;
const counts = (calmierato: number, calmierato_ridotto: number, fragilita: number): Counts => ({
  calmierato,
  calmierato_ridotto,
  fragilita,
});

describe("programme figures", () => {
  it("targets the 39/26/35 mix, which adds up to the whole stock", () => {
    expect(CATEGORY_TARGET_SHARE).toEqual({ calmierato: 0.39, calmierato_ridotto: 0.26, fragilita: 0.35 });
    const sum = UNIT_CATEGORIES.reduce((s, c) => s + CATEGORY_TARGET_SHARE[c], 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it("starts from 488 units and allows +50 %", () => {
    expect(BASELINE_UNITS).toBe(339 + 6 + 143);
    expect(MAX_GROWTH_SHARE).toBe(0.5);
  });
});

describe("apportion", () => {
  it.each([
    { total: 488, expected: counts(190, 127, 171) },
    { total: 732, expected: counts(286, 190, 256) },
    { total: 300, expected: counts(117, 78, 105) },
    { total: 100, expected: counts(39, 26, 35) },
    { total: 1, expected: counts(1, 0, 0) },
    { total: 2, expected: counts(1, 0, 1) },
    { total: 0, expected: counts(0, 0, 0) },
  ])("splits $total units into $expected", ({ total, expected }) => {
    expect(apportion(total, CATEGORY_TARGET_SHARE, UNIT_CATEGORIES)).toEqual(expected);
  });

  it("gives leftover units to the largest remainders, ties to the earlier key", () => {
    const shares = { a: 1 / 3, b: 1 / 3, c: 1 / 3 };
    expect(apportion(4, shares, ["a", "b", "c"])).toEqual({ a: 2, b: 1, c: 1 });
    expect(apportion(5, shares, ["a", "b", "c"])).toEqual({ a: 2, b: 2, c: 1 });
  });

  /** Shares from positive integer weights, normalised so they sum to 1. */
  const sharesArb = fc
    .array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 })
    .map((weights) => {
      const sum = weights.reduce((s, w) => s + w, 0);
      const keys = weights.map((_, i) => `k${i}`);
      const shares = Object.fromEntries(weights.map((w, i) => [`k${i}`, w / sum])) as Record<string, number>;
      return { keys, shares };
    });

  it("always adds up to the total, each part within one unit of its exact share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), sharesArb, (total, { keys, shares }) => {
        const parts = apportion(total, shares, keys);
        expect(keys.reduce((s, k) => s + (parts[k] ?? Number.NaN), 0)).toBe(total);
        for (const k of keys) {
          const part = parts[k] ?? Number.NaN;
          const exact = total * (shares[k] ?? Number.NaN);
          expect(Number.isInteger(part)).toBe(true);
          expect(part).toBeGreaterThanOrEqual(Math.floor(exact));
          expect(part).toBeLessThanOrEqual(Math.ceil(exact));
        }
      }),
    );
  });
});

describe("categoryMix against 39/26/35", () => {
  it.each([
    {
      name: "the demo stock on target",
      counts: counts(190, 127, 171),
      rows: [
        { category: "calmierato", targetCount: 190, deviationUnits: 0, deviationPoints: -0.07 },
        { category: "calmierato_ridotto", targetCount: 127, deviationUnits: 0, deviationPoints: 0.02 },
        { category: "fragilita", targetCount: 171, deviationUnits: 0, deviationPoints: 0.04 },
      ],
    },
    {
      name: "an even split of 300",
      counts: counts(100, 100, 100),
      rows: [
        { category: "calmierato", targetCount: 117, deviationUnits: -17, deviationPoints: -5.67 },
        { category: "calmierato_ridotto", targetCount: 78, deviationUnits: 22, deviationPoints: 7.33 },
        { category: "fragilita", targetCount: 105, deviationUnits: -5, deviationPoints: -1.67 },
      ],
    },
    {
      name: "everything calmierato",
      counts: counts(488, 0, 0),
      rows: [
        { category: "calmierato", targetCount: 190, deviationUnits: 298, deviationPoints: 61 },
        { category: "calmierato_ridotto", targetCount: 127, deviationUnits: -127, deviationPoints: -26 },
        { category: "fragilita", targetCount: 171, deviationUnits: -171, deviationPoints: -35 },
      ],
    },
    {
      name: "no units yet",
      counts: counts(0, 0, 0),
      rows: [
        { category: "calmierato", targetCount: 0, deviationUnits: 0, deviationPoints: -39 },
        { category: "calmierato_ridotto", targetCount: 0, deviationUnits: 0, deviationPoints: -26 },
        { category: "fragilita", targetCount: 0, deviationUnits: 0, deviationPoints: -35 },
      ],
    },
  ])("$name", ({ counts: input, rows }) => {
    const mix = categoryMix(input);
    expect(
      mix.map((r) => ({
        category: r.category,
        targetCount: r.targetCount,
        deviationUnits: r.deviationUnits,
        deviationPoints: r.deviationPoints,
      })),
    ).toEqual(rows);
    for (const r of mix) {
      expect(r.count).toBe(input[r.category]);
      expect(r.targetShare).toBe(CATEGORY_TARGET_SHARE[r.category]);
    }
  });

  it("reports shares that add up to 1 and targets that add up to the total", () => {
    const categoryCounts = fc.record({
      calmierato: fc.nat(2000),
      calmierato_ridotto: fc.nat(2000),
      fragilita: fc.nat(2000),
    });
    fc.assert(
      fc.property(categoryCounts, (c) => {
        const total = c.calmierato + c.calmierato_ridotto + c.fragilita;
        fc.pre(total > 0);
        const mix = categoryMix(c);
        expect(mix.map((r) => r.category)).toEqual([...UNIT_CATEGORIES]);
        expect(mix.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);
        expect(mix.reduce((s, r) => s + r.targetCount, 0)).toBe(total);
        expect(mix.reduce((s, r) => s + r.deviationUnits, 0)).toBe(0);
      }),
    );
  });
});

describe("stockGrowth against the +50 % ceiling", () => {
  it.each([
    { current: 488, growth: 0, growthShare: 0, headroom: 244, exceeded: false },
    { current: 610, growth: 122, growthShare: 0.25, headroom: 122, exceeded: false },
    { current: 731, growth: 243, growthShare: 243 / 488, headroom: 1, exceeded: false },
    { current: 732, growth: 244, growthShare: 0.5, headroom: 0, exceeded: false },
    { current: 733, growth: 245, growthShare: 245 / 488, headroom: -1, exceeded: true },
    { current: 366, growth: -122, growthShare: -0.25, headroom: 366, exceeded: false },
  ])("$current units: growth $growth, headroom $headroom, exceeded $exceeded", (row) => {
    expect(stockGrowth(row.current)).toEqual({ baseline: 488, ceiling: 732, ...row });
  });

  it.each([
    { baseline: 100, current: 150, ceiling: 150, exceeded: false },
    { baseline: 100, current: 151, ceiling: 150, exceeded: true },
    { baseline: 5, current: 8, ceiling: 7, exceeded: true },
    { baseline: 0, current: 0, ceiling: 0, exceeded: false },
  ])("baseline $baseline: ceiling $ceiling, $current exceeded $exceeded", (row) => {
    const g = stockGrowth(row.current, row.baseline);
    expect(g.ceiling).toBe(row.ceiling);
    expect(g.exceeded).toBe(row.exceeded);
    expect(g.headroom).toBe(row.ceiling - row.current);
  });

  it("is exceeded exactly when the headroom is negative", () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), (current, baseline) => {
        const g = stockGrowth(current, baseline);
        expect(g.exceeded).toBe(g.headroom < 0);
        expect(g.current - g.baseline).toBe(g.growth);
        expect(g.ceiling).toBeLessThanOrEqual(baseline * 1.5);
        expect(g.ceiling).toBeGreaterThan(baseline * 1.5 - 1);
      }),
    );
  });
});
