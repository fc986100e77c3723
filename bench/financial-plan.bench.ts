// SPDX-License-Identifier: EUPL-1.2
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { runMonteCarlo } from "../src/domain/finance/monte-carlo.ts";
import { compilePlan, runPlan, simulate } from "../src/domain/finance/plan.ts";
import { parseScenario } from "../src/domain/finance/scenario.schema.ts";
import { formatMs, formatRatio, percentiles, table } from "./measure.ts";

/**
 * The financial-plan engine on the documented example (docs/examples/scenario-base.json: 488 units,
 * 25 years, monthly), against its goals:
 *   - one whole plan (monthly and yearly tables, DSCR, both break-even searches) ≤ 20 ms;
 *   - 10,000 Monte Carlo runs (lean mode: no monthly tables) ≤ 2 s.
 * The plan is timed `--plans` times after a warm-up (median and p95); the Monte Carlo analysis
 * `--mc` times (median). Also prints one lean run alone, for scale. Writes `.bench/financial-plan.json`
 * and compares with the previous run.
 *
 * Usage: `npm run bench:plan -- [--plans 200] [--mc 3] [--runs 10000] [--seed 1]`
 */

const { values: flags } = parseArgs({
  options: {
    plans: { type: "string", default: "200" },
    mc: { type: "string", default: "3" },
    runs: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
  },
});
/** A flag's value as a whole number of at least `min`. */
function flagNumber(name: "plans" | "mc" | "runs" | "seed", min: number): number {
  const parsed = Number(flags[name]);
  if (Number.isInteger(parsed) && parsed >= min) return parsed;
  throw new Error(`--${name}: give a whole number of at least ${min}`);
}
const PLANS = flagNumber("plans", 1);
const MC_REPEATS = flagNumber("mc", 1);
const MC_RUNS = flagNumber("runs", 1);
const SEED = flagNumber("seed", 0);
const GOALS = { planMs: 20, monteCarloMs: 2000 };
const RESULTS_FILE = ".bench/financial-plan.json";
const VARIANT = { scenario: "docs/examples/scenario-base.json", mcRuns: MC_RUNS, seed: SEED };

const log = (line = "") => process.stdout.write(`${line}\n`);
/** The load averages over 1, 5 and 15 minutes, as "4.10 / 3.90 / 2.50". */
const loadNow = () => loadavg().reduce((text, l, i) => `${text}${i === 0 ? "" : " / "}${l.toFixed(2)}`, "");

function time<T>(task: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = task();
  return { value, ms: performance.now() - start };
}

type Figure = { id: string; figure: string; ms: number; goalMs: number | null };

function main() {
  const parsed = parseScenario(JSON.parse(readFileSync(VARIANT.scenario, "utf8")));
  if (!parsed.ok) throw new Error(`The example scenario is invalid: ${JSON.stringify(parsed.issues)}`);
  const scenario = parsed.scenario;
  log(
    `Financial plan bench · ${scenario.conventionYears} years monthly, ${scenario.pipeline.units} units to renovate · ` +
      `Node ${process.version} · ${cpus().length} CPUs · load ${loadNow()}`,
  );

  // Warm-up: let the JIT compile the loop before anything is timed.
  for (let i = 0; i < 30; i++) runPlan(scenario);
  const planSamples = Array.from({ length: PLANS }, () => time(() => runPlan(scenario)).ms);
  const plan = runPlan(scenario);
  const planP = percentiles(planSamples);

  const model = compilePlan(scenario);
  const leanSamples = Array.from({ length: 1000 }, () => time(() => simulate(model, model.baseDraw)).ms);

  runMonteCarlo(scenario, { seed: SEED, runs: Math.min(MC_RUNS, 1000) });
  const mcSamples: number[] = [];
  let probability = 0;
  for (let i = 0; i < MC_REPEATS; i++) {
    const { value, ms } = time(() => runMonteCarlo(scenario, { seed: SEED, runs: MC_RUNS }));
    mcSamples.push(ms);
    probability = value.probabilityMinDscrBelowOne;
    log(`  Monte Carlo ${i + 1}/${MC_REPEATS}: ${formatMs(ms)}  load ${loadNow()}`);
  }

  log(
    `\nThe plan: min DSCR ${plan.minDscr?.toFixed(3) ?? "–"}, ${plan.unitsRecovered} units recovered; ` +
      `Monte Carlo P(min DSCR < 1) = ${(probability * 100).toFixed(2)} % over ${MC_RUNS.toLocaleString("en-GB")} runs (seed ${SEED})`,
  );

  const figures: Figure[] = [
    { id: "plan.median", figure: "one 25-year plan, median", ms: planP.p50, goalMs: GOALS.planMs },
    { id: "plan.p95", figure: "one 25-year plan, p95", ms: planP.p95, goalMs: GOALS.planMs },
    {
      id: "lean.median",
      figure: "one lean run (Monte Carlo path), median",
      ms: percentiles(leanSamples).p50,
      goalMs: null,
    },
    {
      id: "mc.median",
      figure: `Monte Carlo ${MC_RUNS.toLocaleString("en-GB")} runs, median of ${MC_REPEATS}`,
      ms: percentiles(mcSamples).p50,
      goalMs: MC_RUNS === 10_000 ? GOALS.monteCarloMs : null,
    },
  ];
  log("\nSummary (ratio = measured / goal; below ×1.00 meets the goal)");
  log(
    table(
      ["figure", "measured", "goal", "ratio"],
      figures.map((f) => [f.figure, formatMs(f.ms), formatMs(f.goalMs), formatRatio(f.ms, f.goalMs)]),
    ),
  );

  let previous: { variant: unknown; figures: Figure[] } | null = null;
  if (existsSync(RESULTS_FILE)) {
    try {
      const read = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as { variant: unknown; figures: Figure[] };
      if (JSON.stringify(read.variant) === JSON.stringify(VARIANT)) previous = read;
    } catch {
      previous = null;
    }
  }
  if (previous !== null) {
    const before = new Map(previous.figures.map((f) => [f.id, f.ms]));
    log("\nAgainst the previous run (ratio < 1 = faster now)");
    log(
      table(
        ["figure", "now/before"],
        figures.map((f) => [f.figure, formatRatio(f.ms, before.get(f.id) ?? null)]),
      ),
    );
  }
  mkdirSync(".bench", { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        variant: VARIANT,
        node: process.version,
        cpus: cpus().length,
        loadAverage: loadavg()[0],
        figures,
        samples: { planMs: planSamples, monteCarloMs: mcSamples },
      },
      null,
      2,
    )}\n`,
  );
  log(`\nWrote ${RESULTS_FILE} · load at the end ${loadNow()}`);
}

main();
