// SPDX-License-Identifier: EUPL-1.2
import { seededRandom } from "../shared/random.ts";
import { DEFAULT_BINS, histogram, type MonteCarloResult, quantiles, sampleDraw } from "./monte-carlo.ts";
import { compilePlan, simulate } from "./plan.ts";
import type { Scenario } from "./scenario.schema.ts";

/**
 * The Monte Carlo analysis cut into chunks that run apart (one HTTP request each, so a page can show
 * real progress between them) and merge into exactly the result of `runMonteCarlo` with the same seed:
 * run k always takes the 4k-th to (4k + 3)-th numbers of the seeded sequence, whatever chunk it is in.
 */

/** Runs per chunk at most: a chunk is computed inside one request (about 40 ms per 1,000 runs). */
export const MAX_CHUNK_RUNS = 2_500;
/** Runs of one analysis at most. */
export const MAX_RUNS = 50_000;
/** Numbers drawn per run (see `sampleDraw`). */
const DRAWS_PER_RUN = 4;

/** Runs `from` … `from + count − 1` of an analysis of `runs` runs: what each run gave, in run order. */
export type MonteCarloChunk = {
  seed: number;
  runs: number;
  from: number;
  count: number;
  /** Minimum DSCR of each run; null for a run without debt service. */
  minDscr: (number | null)[];
  unitsRecovered: number[];
  /** Whether each run had a shortfall (the fund could not cover a month). */
  shortfall: boolean[];
};

export type MonteCarloChunkOptions = { seed: number; runs: number; from: number; count: number };

/** One chunk of a seeded analysis. Throws a RangeError on a chunk outside [0, runs). */
export function runMonteCarloChunk(scenario: Scenario, options: MonteCarloChunkOptions): MonteCarloChunk {
  const { seed, runs, from, count } = options;
  if (!Number.isInteger(from) || !Number.isInteger(count) || from < 0 || count < 1 || from + count > runs)
    throw new RangeError(`The chunk ${from}+${count} is outside the ${runs} runs`);
  const model = compilePlan(scenario);
  const random = seededRandom(seed);
  for (let i = 0; i < from * DRAWS_PER_RUN; i++) random.next();
  const minDscr: (number | null)[] = [];
  const unitsRecovered: number[] = [];
  const shortfall: boolean[] = [];
  for (let k = 0; k < count; k++) {
    const outcome = simulate(model, sampleDraw(random, scenario, model.baseDraw));
    minDscr.push(outcome.minDscr);
    unitsRecovered.push(outcome.unitsRecovered);
    shortfall.push(outcome.shortfallCents > 0);
  }
  return { seed, runs, from, count, minDscr, unitsRecovered, shortfall };
}

/** The chunks of one analysis cover every run exactly once: sorted by `from`, or the first gap/overlap. */
export function coverageProblem(chunks: readonly MonteCarloChunk[], runs: number): string | null {
  let next = 0;
  for (const c of [...chunks].sort((a, b) => a.from - b.from)) {
    if (c.runs !== runs) return `A chunk belongs to an analysis of ${c.runs} runs, not ${runs}`;
    if (c.from !== next) return `Runs ${next}–${c.from - 1} are missing or given twice`;
    next = c.from + c.count;
  }
  return next === runs ? null : `Runs ${next}–${runs - 1} are missing`;
}

/** The chunks of an analysis merged: the same figures as `runMonteCarlo` with the same seed and runs. */
export function mergeMonteCarloChunks(
  chunks: readonly MonteCarloChunk[],
  options: { seed: number; runs: number; bins?: number },
): MonteCarloResult {
  const { seed, runs } = options;
  const problem = coverageProblem(chunks, runs);
  if (problem !== null) throw new RangeError(problem);
  if (chunks.some((c) => c.seed !== seed)) throw new RangeError("The chunks were run with another seed");
  const units = new Int32Array(runs);
  const dscr: number[] = [];
  let below = 0;
  let short = 0;
  let sum = 0;
  for (const c of chunks)
    for (let k = 0; k < c.count; k++) {
      const u = c.unitsRecovered[k] as number;
      units[c.from + k] = u;
      sum += u;
      const d = c.minDscr[k] ?? null;
      if (d !== null) {
        dscr.push(d);
        if (d < 1) below++;
      }
      if (c.shortfall[k]) short++;
    }
  units.sort();
  const sortedDscr = Float64Array.from(dscr).sort();
  return {
    runs,
    seed,
    runsWithDebtService: dscr.length,
    probabilityMinDscrBelowOne: below / runs,
    minDscr: dscr.length === 0 ? null : quantiles(sortedDscr),
    unitsRecovered: {
      min: units[0] ?? 0,
      max: units[runs - 1] ?? 0,
      mean: sum / runs,
      quantiles: quantiles(units),
      histogram: histogram(units, options.bins ?? DEFAULT_BINS),
    },
    probabilityShortfall: short / runs,
  };
}
