// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { testScenario } from "./finance-testing.ts";
import { runMonteCarlo } from "./monte-carlo.ts";
import { coverageProblem, mergeMonteCarloChunks, runMonteCarloChunk } from "./monte-carlo-chunks.ts";

const uncertain = testScenario({
  uncertainty: {
    vacancyRate: { min: 0.02, mode: 0.05, max: 0.2 },
    arrearsRate: { min: 0.02, mode: 0.08, max: 0.6 },
    costInflationRate: { min: 0, mode: 0.02, max: 0.06 },
    renovationCostCentsPerUnit: { min: 1_500_000, mode: 2_000_000, max: 3_500_000 },
  },
});

/** The chunks of `runs` runs cut at `sizes` (repeated), each run on its own, as separate requests would. */
function chunked(runs: number, seed: number, size: number) {
  const chunks = [];
  for (let from = 0; from < runs; from += size)
    chunks.push(runMonteCarloChunk(uncertain, { seed, runs, from, count: Math.min(size, runs - from) }));
  return chunks;
}

describe("the Monte Carlo analysis in chunks", () => {
  it.each([
    [1_000, 3, 1_000],
    [1_000, 3, 250],
    [999, 11, 137],
    [500, 0, 1],
  ])("%i runs with seed %i in chunks of %i merge to the one-go result", (runs, seed, size) => {
    const whole = runMonteCarlo(uncertain, { seed, runs });
    expect(mergeMonteCarloChunks(chunked(runs, seed, size), { seed, runs })).toEqual(whole);
  });

  it("merges chunks given in any order, and survives a JSON round trip (as over HTTP)", () => {
    const runs = 600;
    const chunks = chunked(runs, 5, 200).reverse();
    const overTheWire = JSON.parse(JSON.stringify(chunks));
    expect(mergeMonteCarloChunks(overTheWire, { seed: 5, runs })).toEqual(
      runMonteCarlo(uncertain, { seed: 5, runs }),
    );
  });

  it("finds some runs below a DSCR of 1 and some above with these ranges, so the merge is exercised", () => {
    const merged = mergeMonteCarloChunks(chunked(400, 2, 100), { seed: 2, runs: 400 });
    expect(merged.probabilityMinDscrBelowOne).toBeGreaterThan(0);
    expect(merged.probabilityMinDscrBelowOne).toBeLessThan(1);
    expect(merged.unitsRecovered.histogram.reduce((n, b) => n + b.runs, 0)).toBe(400);
  });

  it("refuses a chunk outside the runs, a gap, an overlap and a chunk of another seed", () => {
    expect(() => runMonteCarloChunk(uncertain, { seed: 1, runs: 10, from: 8, count: 3 })).toThrow(RangeError);
    const a = runMonteCarloChunk(uncertain, { seed: 1, runs: 10, from: 0, count: 5 });
    const b = runMonteCarloChunk(uncertain, { seed: 1, runs: 10, from: 5, count: 5 });
    const c = runMonteCarloChunk(uncertain, { seed: 1, runs: 10, from: 4, count: 5 });
    expect(coverageProblem([a, b], 10)).toBeNull();
    expect(coverageProblem([a], 10)).toBe("Runs 5–9 are missing");
    expect(coverageProblem([a, c], 10)).toMatch(/given twice|missing/);
    expect(() => mergeMonteCarloChunks([a, b], { seed: 2, runs: 10 })).toThrow(/another seed/);
  });
});
