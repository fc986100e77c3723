// SPDX-License-Identifier: EUPL-1.2
import { type Random, seededRandom } from "../shared/random.ts";
import { roundCents } from "./money.ts";
import { compilePlan, type PlanDraw, type PlanModel, simulate } from "./plan.ts";
import type { Scenario, TriangularRange } from "./scenario.schema.ts";

/** Runs of a Monte Carlo analysis unless told otherwise. */
export const DEFAULT_RUNS = 10_000;
/** Runs between two progress reports of `runMonteCarlo`. */
export const DEFAULT_CHUNK = 500;
export const DEFAULT_BINS = 20;

/** The value at quantile `u` ∈ [0, 1] of a triangular distribution (inverse of its CDF). */
export function triangularQuantile(u: number, { min, mode, max }: TriangularRange): number {
  if (max === min) return min;
  const split = (mode - min) / (max - min);
  return u < split
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/**
 * One run's uncertain inputs. Four numbers are always drawn, in this order (vacancy, arrears, cost
 * inflation, renovation cost), so giving a range to one input does not change the others' draws; an
 * input without a range keeps the scenario's value.
 */
export function sampleDraw(random: Random, scenario: Scenario, base: PlanDraw): PlanDraw {
  const u = scenario.uncertainty;
  const uVacancy = random.next();
  const uArrears = random.next();
  const uInflation = random.next();
  const uWorks = random.next();
  return {
    vacancyRate: u.vacancyRate ? triangularQuantile(uVacancy, u.vacancyRate) : base.vacancyRate,
    arrearsRate: u.arrearsRate ? triangularQuantile(uArrears, u.arrearsRate) : base.arrearsRate,
    costInflationRate: u.costInflationRate
      ? triangularQuantile(uInflation, u.costInflationRate)
      : base.costInflationRate,
    renovationCostCentsPerUnit: u.renovationCostCentsPerUnit
      ? roundCents(triangularQuantile(uWorks, u.renovationCostCentsPerUnit))
      : base.renovationCostCentsPerUnit,
    rentFactor: base.rentFactor,
  };
}

export type Quantiles = { p5: number; p25: number; p50: number; p75: number; p95: number };
/** Runs whose units recovered fall in [fromUnits, toUnits] (both included). */
export type HistogramBin = { fromUnits: number; toUnits: number; runs: number };

export type MonteCarloResult = {
  runs: number;
  seed: number;
  /** Runs in which some year had debt service (a DSCR exists). */
  runsWithDebtService: number;
  /** Share of all runs whose minimum DSCR is below 1 (a run without debt service is not). */
  probabilityMinDscrBelowOne: number;
  /** Quantiles of the minimum DSCR over the runs with debt service; null if none had any. */
  minDscr: Quantiles | null;
  unitsRecovered: { min: number; max: number; mean: number; quantiles: Quantiles; histogram: HistogramBin[] };
  /** Share of runs in which the fund ran short at least once. */
  probabilityShortfall: number;
};

/** Nearest-rank quantiles of sorted values. */
export function quantiles(sorted: ArrayLike<number>): Quantiles {
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  return { p5: at(0.05), p25: at(0.25), p50: at(0.5), p75: at(0.75), p95: at(0.95) };
}

/** Whole-unit bins of equal width from the lowest to the highest value; at most `bins` of them. */
export function histogram(sorted: Int32Array, bins: number): HistogramBin[] {
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  const width = Math.ceil((max - min + 1) / bins);
  const out: HistogramBin[] = [];
  for (let from = min; from <= max; from += width)
    out.push({ fromUnits: from, toUnits: from + width - 1, runs: 0 });
  for (const value of sorted) {
    const bin = out[Math.floor((value - min) / width)];
    if (bin) bin.runs++;
  }
  return out;
}

/** A Monte Carlo analysis that runs in steps, so a page can show a progress bar between them. */
export type MonteCarloJob = {
  readonly total: number;
  readonly done: number;
  /** Runs up to `runs` more; true once every run is done. */
  step(runs: number): boolean;
  /** The figures over every run; only once done. */
  result(): MonteCarloResult;
};

export type MonteCarloOptions = { seed: number; runs?: number; bins?: number };

/**
 * Prepares `runs` seeded runs of the plan in lean mode (minimum DSCR and units recovered only, no
 * monthly tables). The same seed and scenario give the same result, in however many steps.
 */
export function startMonteCarlo(scenario: Scenario, options: MonteCarloOptions): MonteCarloJob {
  const total = options.runs ?? DEFAULT_RUNS;
  const bins = options.bins ?? DEFAULT_BINS;
  if (!Number.isInteger(total) || total < 1) throw new RangeError("runs must be a whole number ≥ 1");
  const model: PlanModel = compilePlan(scenario);
  const random = seededRandom(options.seed);
  const minDscr = new Float64Array(total);
  const units = new Int32Array(total);
  let below = 0;
  let withDebt = 0;
  let short = 0;
  let done = 0;
  return {
    total,
    get done() {
      return done;
    },
    step(runs) {
      const until = Math.min(total, done + runs);
      for (; done < until; done++) {
        const outcome = simulate(model, sampleDraw(random, scenario, model.baseDraw));
        units[done] = outcome.unitsRecovered;
        if (outcome.minDscr === null) minDscr[done] = Number.POSITIVE_INFINITY;
        else {
          minDscr[done] = outcome.minDscr;
          withDebt++;
          if (outcome.minDscr < 1) below++;
        }
        if (outcome.shortfallCents > 0) short++;
      }
      return done === total;
    },
    result() {
      if (done < total) throw new Error(`The analysis has run ${done} of ${total} runs`);
      const sortedUnits = units.slice().sort();
      const sortedDscr = minDscr.slice().sort().subarray(0, withDebt);
      let sum = 0;
      for (const u of sortedUnits) sum += u;
      return {
        runs: total,
        seed: options.seed,
        runsWithDebtService: withDebt,
        probabilityMinDscrBelowOne: below / total,
        minDscr: withDebt === 0 ? null : quantiles(sortedDscr),
        unitsRecovered: {
          min: sortedUnits[0] ?? 0,
          max: sortedUnits[total - 1] ?? 0,
          mean: sum / total,
          quantiles: quantiles(sortedUnits),
          histogram: histogram(sortedUnits, bins),
        },
        probabilityShortfall: short / total,
      };
    },
  };
}

/** The whole analysis in one call, reporting progress after every `chunk` runs. */
export function runMonteCarlo(
  scenario: Scenario,
  options: MonteCarloOptions & { chunk?: number; onProgress?: (done: number, total: number) => void },
): MonteCarloResult {
  const job = startMonteCarlo(scenario, options);
  const chunk = options.chunk ?? DEFAULT_CHUNK;
  let finished = false;
  while (!finished) {
    finished = job.step(chunk);
    options.onProgress?.(job.done, job.total);
  }
  return job.result();
}
