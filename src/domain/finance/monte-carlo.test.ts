// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { seededRandom } from "../shared/random.ts";
import { testScenario } from "./finance-testing.ts";
import { runMonteCarlo, sampleDraw, startMonteCarlo, triangularQuantile } from "./monte-carlo.ts";
import { compilePlan, simulate } from "./plan.ts";

const uncertain = testScenario({
  uncertainty: {
    vacancyRate: { min: 0.02, mode: 0.05, max: 0.2 },
    arrearsRate: { min: 0.02, mode: 0.08, max: 0.6 },
    costInflationRate: { min: 0, mode: 0.02, max: 0.06 },
    renovationCostCentsPerUnit: { min: 1_500_000, mode: 2_000_000, max: 3_500_000 },
  },
});

describe("the triangular distribution", () => {
  const range = { min: 10, mode: 20, max: 50 };

  it.each([
    [0, 10],
    [0.25, 20], // (mode − min) / (max − min): the mode
    [1, 50],
    [0.125, 10 + Math.sqrt(0.125 * 40 * 10)],
  ])("quantile %f → %f", (u, expected) => {
    expect(triangularQuantile(u, range)).toBeCloseTo(expected, 12);
  });

  it("has the mean (min + mode + max) / 3 over many seeded draws", () => {
    const random = seededRandom(7);
    let sum = 0;
    for (let i = 0; i < 50_000; i++) sum += triangularQuantile(random.next(), range);
    // standard error of the mean: √(1,300 / 18 / 50,000) ≈ 0.038; allow 4 of them
    expect(Math.abs(sum / 50_000 - 80 / 3)).toBeLessThan(0.15);
  });

  it("gives the single value of a degenerate range", () => {
    expect(triangularQuantile(0.3, { min: 4, mode: 4, max: 4 })).toBe(4);
  });
});

describe("a Monte Carlo analysis", () => {
  it("gives the same result for the same seed, in one go or in chunks", () => {
    const whole = runMonteCarlo(uncertain, { seed: 42, runs: 600, chunk: 600 });
    const chunked = runMonteCarlo(uncertain, { seed: 42, runs: 600, chunk: 7 });
    expect(chunked).toEqual(whole);
    expect(runMonteCarlo(uncertain, { seed: 43, runs: 600 })).not.toEqual(whole);
  });

  it("counts the runs whose minimum DSCR is below 1, as replaying the draws shows", () => {
    const runs = 300;
    const result = runMonteCarlo(uncertain, { seed: 5, runs });
    const model = compilePlan(uncertain);
    const random = seededRandom(5);
    let below = 0;
    let units = 0;
    for (let i = 0; i < runs; i++) {
      const outcome = simulate(model, sampleDraw(random, uncertain, model.baseDraw));
      if (outcome.minDscr !== null && outcome.minDscr < 1) below++;
      units += outcome.unitsRecovered;
    }
    expect(result.probabilityMinDscrBelowOne).toBe(below / runs);
    expect(result.unitsRecovered.mean).toBe(units / runs);
    expect(result.probabilityMinDscrBelowOne).toBeGreaterThan(0); // arrears up to 60 % must break some runs
    expect(result.probabilityMinDscrBelowOne).toBeLessThan(1);
  });

  it("spreads the units recovered over bins that count every run, with ordered quantiles", () => {
    const result = runMonteCarlo(uncertain, { seed: 1, runs: 500, bins: 8 });
    const { histogram, quantiles, min, max } = result.unitsRecovered;
    expect(histogram.reduce((n, b) => n + b.runs, 0)).toBe(500);
    expect(histogram.length).toBeLessThanOrEqual(8);
    expect(histogram[0]?.fromUnits).toBe(min);
    expect(histogram.at(-1)?.toUnits).toBeGreaterThanOrEqual(max);
    expect(min <= quantiles.p5 && quantiles.p5 <= quantiles.p50 && quantiles.p50 <= quantiles.p95).toBe(true);
    expect(quantiles.p95 <= max).toBe(true);
    const dscr = result.minDscr;
    expect(dscr !== null && dscr.p5 <= dscr.p50 && dscr.p50 <= dscr.p95).toBe(true);
  });

  it("without ranges, repeats the base run every time", () => {
    const s = testScenario();
    const model = compilePlan(s);
    const base = simulate(model, model.baseDraw);
    const result = runMonteCarlo(s, { seed: 3, runs: 50 });
    expect(result.unitsRecovered).toMatchObject({ min: base.unitsRecovered, max: base.unitsRecovered });
    expect(result.minDscr?.p5).toBe(base.minDscr);
    expect(result.minDscr?.p95).toBe(base.minDscr);
    expect(result.probabilityMinDscrBelowOne).toBe((base.minDscr ?? 2) < 1 ? 1 : 0);
  });

  it("reports progress after each chunk, ending at the total", () => {
    const reports: [number, number][] = [];
    runMonteCarlo(uncertain, {
      seed: 9,
      runs: 250,
      chunk: 100,
      onProgress: (done, total) => reports.push([done, total]),
    });
    expect(reports).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });

  it("runs in steps a page can drive, and refuses a result before the end", () => {
    const job = startMonteCarlo(uncertain, { seed: 11, runs: 30 });
    expect(job.step(20)).toBe(false);
    expect(job.done).toBe(20);
    expect(() => job.result()).toThrow();
    expect(job.step(20)).toBe(true);
    expect(job.result().runs).toBe(30);
  });

  it("has no DSCR figures when no run services debt", () => {
    const result = runMonteCarlo(testScenario({ loans: [] }), { seed: 2, runs: 20 });
    expect(result).toMatchObject({ runsWithDebtService: 0, probabilityMinDscrBelowOne: 0, minDscr: null });
  });
});
