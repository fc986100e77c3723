// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { testScenario } from "./finance-testing.ts";
import { compilePlan, runPlan, simulate } from "./plan.ts";
import {
  compareVariants,
  DEFAULT_STRESS,
  SENSITIVITY_INPUTS,
  sensitivity,
  variantScenarios,
} from "./scenarios.ts";

const base = testScenario({
  uncertainty: { renovationCostCentsPerUnit: { min: 1_600_000, mode: 2_000_000, max: 3_000_000 } },
});

describe("the standard variants", () => {
  const variants = Object.fromEntries(variantScenarios(base).map((v) => [v.id, v.scenario]));

  it("derives each from the base and leaves the base alone", () => {
    const before = JSON.stringify(base);
    expect(Object.keys(variants)).toEqual([
      "base",
      "high_arrears",
      "high_vacancy",
      "frozen_caps_rising_costs",
      "costlier_works",
    ]);
    expect(variants.base).toBe(base);
    expect(variants.high_arrears?.arrearsRate).toBe(0.16); // 8 % doubled
    expect(variants.high_vacancy?.vacancyRate).toBe(0.1); // 5 % doubled
    expect(variants.frozen_caps_rising_costs).toMatchObject({
      rentIndexationRate: 0,
      costInflationRate: 0.04,
    });
    expect(variants.costlier_works?.pipeline.renovationCostCentsPerUnit).toBe(2_500_000);
    expect(variants.costlier_works?.uncertainty.renovationCostCentsPerUnit).toEqual({
      min: 2_000_000,
      mode: 2_500_000,
      max: 3_750_000,
    });
    expect(JSON.stringify(base)).toBe(before);
  });

  it.each([
    // rate, factor, min rise, expected
    [0.01, 2, 0.05, 0.06], // the minimum rise wins for a low rate
    [0.2, 2, 0.05, 0.4],
    [0.7, 2, 0.05, 1], // never above 100 %
  ])("raises an arrears rate of %f (× %f, at least + %f) to %f", (arrearsRate, factor, minRise, expected) => {
    const [, high] = variantScenarios(
      { ...base, arrearsRate },
      { ...DEFAULT_STRESS, arrears: { factor, minRise } },
    );
    expect(high?.scenario.arrearsRate).toBeCloseTo(expected, 12);
  });

  it("summarises each variant as its full run does, and each stress hurts", () => {
    const summaries = Object.fromEntries(compareVariants(base).map((v) => [v.id, v]));
    const plan = runPlan(base);
    expect(summaries.base).toMatchObject({
      minDscr: plan.minDscr,
      unitsRecovered: plan.unitsRecovered,
      collectedRentCents: plan.totals.collectedRentCents,
    });
    const baseCollected = summaries.base?.collectedRentCents ?? 0;
    const baseDscr = summaries.base?.minDscr ?? 0;
    expect(summaries.high_arrears?.collectedRentCents).toBeLessThan(baseCollected);
    expect(summaries.high_arrears?.minDscr).toBeLessThan(baseDscr);
    expect(summaries.high_vacancy?.minDscr).toBeLessThan(baseDscr);
    expect(summaries.frozen_caps_rising_costs?.minDscr).toBeLessThan(baseDscr);
    expect(summaries.costlier_works?.fundEndCents).toBeLessThan(summaries.base?.fundEndCents ?? 0);
  });
});

describe("sensitivity (tornado)", () => {
  const result = sensitivity(base);
  const row = (id: string) => result.rows.find((r) => r.id === id);

  it("moves every input by ±10 %, one at a time", () => {
    expect(result.rows.map((r) => r.id).sort()).toEqual(SENSITIVITY_INPUTS.map((i) => i.id).sort());
    expect(row("arrearsRate")).toMatchObject({ base: 0.08 });
    expect(row("arrearsRate")?.low).toBeCloseTo(0.072, 12);
    expect(row("arrearsRate")?.high).toBeCloseTo(0.088, 12);
    // 60 m² × 75 EUR ÷ 12 = 375.00 "at_cap", moved as cents
    expect(row("unitsInOperation.calmierato.rentCentsPerMonth")).toMatchObject({
      base: 37_500,
      low: 33_750,
      high: 41_250,
    });
  });

  it("reports what a direct run of the moved scenario gives", () => {
    const direct = (arrearsRate: number) => {
      const model = compilePlan({ ...base, arrearsRate });
      return simulate(model, model.baseDraw);
    };
    const arrears = row("arrearsRate");
    expect(arrears?.minDscrHigh).toBe(direct(0.08 * 1.1).minDscr);
    expect(arrears?.unitsRecoveredLow).toBe(direct(0.08 * 0.9).unitsRecovered);
    expect(arrears?.minDscrChangeHigh).toBe((arrears?.minDscrHigh ?? 0) - (result.base.minDscr ?? 0));
    expect(arrears?.minDscrChangeLow).toBeGreaterThan(0);
    expect(arrears?.minDscrChangeHigh).toBeLessThan(0);
  });

  it("moves nothing for an input that is zero", () => {
    const zeroCalls = row("funding.calls");
    expect(zeroCalls).toMatchObject({ base: 0, low: 0, high: 0, minDscrChangeLow: 0, minDscrChangeHigh: 0 });
  });

  it("sorts by the largest change of minimum DSCR", () => {
    const impact = result.rows.map((r) =>
      Math.max(Math.abs(r.minDscrChangeLow ?? 0), Math.abs(r.minDscrChangeHigh ?? 0)),
    );
    expect(impact).toEqual([...impact].sort((a, b) => b - a));
    expect(impact[0]).toBeGreaterThan(0);
  });
});
