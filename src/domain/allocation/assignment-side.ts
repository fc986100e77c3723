// SPDX-License-Identifier: EUPL-1.2
import loadHighs, { type Highs, type Model } from "highs";
import { TARGET_GROUPS } from "../households/household.schema.ts";
import { UNIT_CATEGORIES } from "../units/unit.schema.ts";
import {
  type AllocationBounds,
  type AllocationInstance,
  type AnyAllocationResult,
  type Assignment,
  type BoundViolation,
  type CountBound,
  countsOf,
  type DualPrices,
  dualValue,
  hasPartnerBounds,
  isBounded,
  type MipAllocation,
  type MipInfeasibleAllocation,
  type OptimalAllocation,
  type PartnerBoundViolation,
  partnersOf,
  type SolveOptions,
  scaleWeight,
  solveAllocation,
  WEIGHT_SCALE,
} from "./assignment.ts";

/*
 * Per-partner bounds (each managing partner takes between min and max of the offers of its units) cut
 * across the category bounds: units by category and by partner are two partitions of the same side, and
 * the network of decision 0009 carries only one. So, as the issue says, HiGHS (WebAssembly, heap capped
 * at ~2 GiB) solves those instances as a MIP — binary x per pair, each unit and household at most once,
 * every bound a row — and its gap is reported. The model is kept small by exact steps:
 *
 * 1. The network optimum without the partner bounds is a relaxation: if it already meets them it is the
 *    answer, with its certificate; if it is infeasible, so is the whole, and its Farkas ray proves it.
 * 2. Pruning by rank (`rankPruned`): per unit and pool only the best pairs can matter.
 * 3. Prices (`lpPrices`): HiGHS solves the LP relaxation (partner rows included) by column generation
 *    from a few pairs per unit. Its prices of the bound rows, rounded to micro-units, and the exact
 *    integer unit and household prices of the plain assignment they leave (the network again) make
 *    exact dual prices, feasible for every pair. Their value U bounds every assignment, and one using
 *    pair e is worth at most U − rc(e) (rc = dual sum − weight ≥ 0). When the LP optimum is integral
 *    and worth U, it is optimal, proven by those prices (`verifyCertificate` checks them).
 * 4. Pruning by reduced cost: once an assignment worth L is known, no pair with rc > U − L is in any
 *    optimum, so the MIP is solved on the pairs with rc ≤ U − L only (first on a smaller set when no L is
 *    known; its optimum then gives L, and at most one more solve is needed).
 *
 * When the bounds cannot all be met, the same steps solve the closest problem instead (`closest` mode:
 * minimise the total shortfall below the mins, one slack per min): its exact prices, when their value is
 * negative, are a Farkas ray (every pair's sum ≥ 0, value < 0) that proves infeasibility and that
 * `verifyCertificate` checks; its optimum names the bounds that fall short.
 */

/** Default budget of HiGHS over all its solves, in seconds. */
export const DEFAULT_TIME_LIMIT_SECONDS = 60;

export type SideSolveOptions = SolveOptions & {
  /** HiGHS's budget over all its solves (default 60 s); past it the best assignment found is reported with its gap. */
  timeLimitSeconds?: number;
  /** Solve the MIP even when the network optimum without partner bounds already meets them (tests, bench). */
  forceMip?: boolean;
  /** Pairs per unit the LP relaxation starts from before pricing adds more (default 16; tests use 1). */
  lpFirstPairs?: number;
};

/**
 * The optimal joint assignment under any bounds: the network with its certificate when no partner bound
 * is set (`solveAllocation`, the same result), the MIP otherwise (`solveWithSideConstraints`).
 */
export async function solveAllocationAnyBounds(
  instance: AllocationInstance,
  options: SideSolveOptions = {},
): Promise<AnyAllocationResult> {
  if (!hasPartnerBounds(instance.bounds)) return solveAllocation(instance, options);
  return solveWithSideConstraints(instance, options);
}

let runtime: Promise<Highs> | undefined;
/** The WebAssembly runtime, loaded once (a few hundred ms) and shared by every solve. */
const highs = () => {
  runtime ??= loadHighs();
  return runtime;
};

/** One count bound as a row. `max` is at most the stock (`size`); `declaredMax` as written. */
type BoundRow = {
  kind: "category" | "targetGroup" | "partner";
  key: string;
  min: number;
  max: number;
  declaredMax: number | null;
  size: number;
};

type Violation = BoundViolation | PartnerBoundViolation;

/** The bound rows, and which one (or −1) each unit and household falls in, for each kind of bound. */
type RowIndex = {
  rows: BoundRow[];
  unitCategoryRow: Int32Array;
  unitPartnerRow: Int32Array;
  householdGroupRow: Int32Array;
};

function boundRows(instance: AllocationInstance): RowIndex {
  const { units, households, bounds } = instance;
  const rows: BoundRow[] = [];
  const add = (kind: BoundRow["kind"], key: string, bound: CountBound | undefined, size: number): number => {
    if (!isBounded(bound)) return -1;
    const declaredMax = bound?.max ?? null;
    rows.push({
      kind,
      key,
      min: bound?.min ?? 0,
      max: Math.min(declaredMax ?? size, size),
      declaredMax,
      size,
    });
    return rows.length - 1;
  };
  const categoryRow = UNIT_CATEGORIES.map((c) =>
    add("category", c, bounds.category?.[c], units.filter((u) => u.category === c).length),
  );
  const groupRow = TARGET_GROUPS.map((g) =>
    add("targetGroup", g, bounds.targetGroup?.[g], households.filter((h) => h.targetGroup === g).length),
  );
  const partnerRow = new Map<string, number>();
  for (const code of partnersOf(instance)) {
    const size = units.filter((u) => u.partner === code).length;
    partnerRow.set(code, add("partner", code, bounds.partner?.[code], size));
  }
  return {
    rows,
    unitCategoryRow: Int32Array.from(
      units,
      (u) => categoryRow[UNIT_CATEGORIES.indexOf(u.category)] as number,
    ),
    unitPartnerRow: Int32Array.from(units, (u) => partnerRow.get(u.partner) as number),
    householdGroupRow: Int32Array.from(
      households,
      (h) => groupRow[TARGET_GROUPS.indexOf(h.targetGroup)] as number,
    ),
  };
}

const violationOf = (row: BoundRow, reason: BoundViolation["reason"], shortfall: number): Violation =>
  ({ kind: row.kind, key: row.key, min: row.min, max: row.declaredMax, reason, shortfall }) as Violation;

const withoutPartnerBounds = (bounds: AllocationBounds): AllocationBounds => ({
  ...(bounds.category ? { category: bounds.category } : {}),
  ...(bounds.targetGroup ? { targetGroup: bounds.targetGroup } : {}),
});

/**
 * `optimise`: maximise Σ weight under every bound. `closest`: maximise −SHORTFALL × the total shortfall
 * below the mins (one slack per min), under the maxes: always feasible.
 */
type Mode = "optimise" | "closest";

/** Micro-units per assignment short of a min, in the closest problem's objective. */
const SHORTFALL = WEIGHT_SCALE;

/** What the solves share: the instance, its rows, the candidate pairs and the budget spent so far. */
type Context = {
  instance: AllocationInstance;
  index: RowIndex;
  candidates: Int32Array;
  prune: boolean;
  firstPairs: number;
  /** Seconds HiGHS may still spend. */
  timeLeft: number;
  /** Branch-and-bound nodes so far. */
  nodes: number;
  /** Pairs in the largest model so far. */
  largest: number;
  progress: (fraction: number) => void;
};

/**
 * The optimal joint assignment with per-partner bounds (and any category and target-group bounds), as a
 * MIP solved by HiGHS after exact pruning. `optimal` is exact on the micro-unit grid; a time limit gives
 * `feasible` (with its gap) or `time_limit`. See MipAllocation for what is proven and how.
 */
export async function solveWithSideConstraints(
  instance: AllocationInstance,
  options: SideSolveOptions = {},
): Promise<AnyAllocationResult> {
  const { pairs } = instance;
  const index = boundRows(instance);
  const { rows } = index;
  let reported = 0;
  const progress = (fraction: number) => {
    if (fraction <= reported) return;
    reported = fraction;
    options.onProgress?.(fraction);
  };
  const prune = options.prune ?? true;

  const contradictions: Violation[] = [];
  for (const row of rows) {
    if (row.declaredMax !== null && row.min > row.declaredMax) {
      contradictions.push(violationOf(row, "min_above_max", row.min - row.declaredMax));
    } else if (row.min > row.size) {
      contradictions.push(violationOf(row, "min_above_available", row.min - row.size));
    }
  }
  if (contradictions.length > 0) {
    return {
      status: "infeasible",
      method: "mip",
      violations: contradictions,
      ray: null,
      closest: { assignments: [], counts: countsOf(instance, []) },
      iterations: 0,
      pairsConsidered: 0,
    };
  }

  // 1. The relaxation: the network without the partner bounds.
  const relaxedInstance = { ...instance, bounds: withoutPartnerBounds(instance.bounds) };
  const relaxed = solveAllocation(relaxedInstance, { prune, onProgress: (f) => progress(0.3 * f) });
  if (relaxed.status === "optimal" && !options.forceMip) {
    const partner = countsOf(instance, relaxed.assignments).partner ?? {};
    const meets = (r: BoundRow) => (partner[r.key] ?? 0) >= r.min && (partner[r.key] ?? 0) <= r.max;
    if (rows.every((r) => r.kind !== "partner" || meets(r))) {
      progress(1);
      return { ...relaxed, counts: countsOf(instance, relaxed.assignments) } satisfies OptimalAllocation;
    }
  }

  // 2. Pruning by rank.
  const ctx: Context = {
    instance,
    index,
    candidates: prune ? rankPruned(instance) : Int32Array.from(pairs.unit, (_, i) => i),
    prune,
    firstPairs: options.lpFirstPairs ?? LP_FIRST_PAIRS,
    timeLeft: options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
    nodes: 0,
    largest: 0,
    progress,
  };

  // 3 and 4 on the MIP itself; if the LP on the first pairs is infeasible, the closest problem on the
  // same pairs either proves it for every pair or brings the pairs that make the LP feasible.
  let phase1: LpPrices | null = null;
  if (relaxed.status === "optimal") {
    let lp = await lpPrices(ctx, "optimise", relaxed.dual, []);
    if (lp.status === "infeasible") {
      phase1 = await lpPrices(ctx, "closest", relaxed.dual, lp.columns);
      if (phase1.status !== "optimal" || phase1.value >= 0) {
        lp = await lpPrices(ctx, "optimise", relaxed.dual, phase1.columns);
        phase1 = null;
      }
    }
    progress(0.6);
    if (lp.status !== "infeasible") {
      const result = await optimise(ctx, lp.status === "optimal" ? lp : null, relaxed.dual, null);
      if (result !== "infeasible") return result;
    }
  }

  // The bounds cannot all be met: the assignment with the smallest total shortfall names them.
  phase1 ??= await lpPrices(ctx, "closest", relaxed.status === "optimal" ? relaxed.dual : null, []);
  const chosen = await closest(ctx, phase1.status === "optimal" ? phase1 : null);
  const count = rowCounts(ctx, chosen);
  const violations = rows.flatMap((row, k) =>
    (count[k] as number) < row.min ? [violationOf(row, "unreachable", row.min - (count[k] as number))] : [],
  );
  if (violations.length === 0 && relaxed.status === "optimal") {
    // HiGHS judged the LP infeasible, yet the closest assignment meets every bound: optimise from it.
    const result = await optimise(ctx, null, relaxed.dual, chosen);
    if (result !== "infeasible") return result;
  }
  progress(1);
  const assignments = assignmentsOf(instance, chosen);
  const ray =
    relaxed.status === "infeasible"
      ? relaxed.ray
      : phase1.status === "optimal" && phase1.value < 0
        ? phase1.dual
        : null;
  return {
    status: "infeasible",
    method: "mip",
    violations,
    ray,
    closest: { assignments, counts: countsOf(instance, assignments) },
    iterations: ctx.nodes,
    pairsConsidered: ctx.largest,
  } satisfies MipInfeasibleAllocation;
}

/**
 * Steps 3–4 for the MIP: the exact LP prices (or the relaxation's, when the LP stopped), then MIPs on
 * the pairs of small reduced cost. "infeasible" when the MIP on every candidate is.
 */
async function optimise(
  ctx: Context,
  lp: LpOptimum | null,
  fallback: DualPrices,
  incumbent: Int32Array | null,
): Promise<AnyAllocationResult | "infeasible"> {
  const { instance, candidates } = ctx;
  const dual = lp?.dual ?? fallback;
  const priceBound = dualValue(instance, dual);
  const rc = Float64Array.from(candidates, pricer(instance, dual, "optimise"));
  let start = incumbent ?? lp?.integral ?? null;
  if (start !== null && scaledSum(instance, start) === priceBound) {
    // The assignment is worth the value of exact prices: proven without branching.
    ctx.progress(1);
    return mipResult(ctx, start, priceBound, dual);
  }
  // A first threshold: the gap to the assignment known, or else about eight pairs per unit; exactness
  // never depends on it.
  let threshold = !ctx.prune
    ? Number.POSITIVE_INFINITY
    : start !== null
      ? priceBound - scaledSum(instance, start)
      : smallest(rc, 8 * instance.units.length);
  for (let round = 1; ; round++) {
    const keep = candidates.filter((_, k) => (rc[k] as number) <= threshold);
    const whole = keep.length === candidates.length;
    let excludedRc = Number.POSITIVE_INFINITY;
    for (const r of rc) if (r > threshold && r < excludedRc) excludedRc = r;
    const run = await runMip(ctx, keep, "optimise", start);
    ctx.progress(round === 1 ? 0.8 : 0.9);
    if (run.status === "infeasible") {
      if (whole) return "infeasible";
      threshold = Number.POSITIVE_INFINITY;
      continue;
    }
    // No assignment using an excluded pair is worth more than priceBound − excludedRc.
    const bound = Math.min(priceBound, Math.max(run.boundScaled, priceBound - excludedRc));
    if (run.chosen === null) {
      ctx.progress(1);
      return {
        status: "time_limit",
        method: "mip",
        dualBound: bound / WEIGHT_SCALE,
        iterations: ctx.nodes,
        pairsConsidered: ctx.largest,
      };
    }
    const value = scaledSum(instance, run.chosen);
    if (run.status === "optimal" && !whole && priceBound - value > threshold && ctx.timeLeft > 0) {
      // Every optimum uses only pairs with rc ≤ priceBound − value: one more solve is exact.
      threshold = priceBound - value;
      start = run.chosen;
      continue;
    }
    ctx.progress(1);
    const proven = run.status === "optimal" && bound <= value;
    return mipResult(ctx, run.chosen, proven ? value : Math.max(bound, value), dual);
  }
}

/**
 * Steps 3–4 for the closest problem: the assignment with the smallest total shortfall below the mins
 * that keeps every max (the best found, should the time limit come first).
 */
async function closest(ctx: Context, phase1: LpOptimum | null): Promise<Int32Array> {
  const { instance, candidates } = ctx;
  const worth = (chosen: Int32Array) => -SHORTFALL * shortfallOf(ctx, chosen);
  if (phase1 === null) return (await runMip(ctx, candidates, "closest", null)).chosen ?? new Int32Array(0);
  const rc = Float64Array.from(candidates, pricer(instance, phase1.dual, "closest"));
  let best = phase1.integral;
  if (best !== null && worth(best) === phase1.value) return best;
  let threshold = !ctx.prune
    ? Number.POSITIVE_INFINITY
    : best !== null
      ? phase1.value - worth(best)
      : smallest(rc, 8 * instance.units.length);
  for (;;) {
    const keep = candidates.filter((_, k) => (rc[k] as number) <= threshold);
    const run = await runMip(ctx, keep, "closest", best);
    if (run.chosen === null) return best ?? new Int32Array(0);
    const value = worth(run.chosen);
    const whole = keep.length === candidates.length;
    if (run.status !== "optimal" || whole || phase1.value - value <= threshold || ctx.timeLeft <= 0) {
      return run.chosen;
    }
    threshold = phase1.value - value;
    best = run.chosen;
  }
}

/** The k-th smallest of the values (0-based, clamped), leaving them as they are. */
const smallest = (values: Float64Array, k: number) =>
  values.length === 0 ? 0 : nthSmallest(Float64Array.from(values), Math.min(values.length - 1, k));

/** Assignments per bound row for the chosen pairs. */
function rowCounts(ctx: Context, chosen: Int32Array): Int32Array {
  const { instance, index } = ctx;
  const count = new Int32Array(index.rows.length);
  for (const i of chosen) {
    const u = instance.pairs.unit[i] as number;
    const h = instance.pairs.household[i] as number;
    for (const r of [index.unitCategoryRow[u], index.householdGroupRow[h], index.unitPartnerRow[u]]) {
      if ((r as number) >= 0) count[r as number] = (count[r as number] as number) + 1;
    }
  }
  return count;
}

/** Σ over the mins of how many assignments the chosen pairs are short of them. */
const shortfallOf = (ctx: Context, chosen: Int32Array) => {
  const count = rowCounts(ctx, chosen);
  return ctx.index.rows.reduce((sum, row, k) => sum + Math.max(0, row.min - (count[k] as number)), 0);
};

/** No unit or household twice, every max kept and, for `optimise`, every min too. */
function isAllowed(ctx: Context, chosen: Int32Array, mode: Mode): boolean {
  const units = new Set<number>();
  const households = new Set<number>();
  for (const i of chosen) {
    units.add(ctx.instance.pairs.unit[i] as number);
    households.add(ctx.instance.pairs.household[i] as number);
  }
  if (units.size !== chosen.length || households.size !== chosen.length) return false;
  const count = rowCounts(ctx, chosen);
  return ctx.index.rows.every(
    (row, k) => (count[k] as number) <= row.max && (mode === "closest" || (count[k] as number) >= row.min),
  );
}

/**
 * Exact pruning by rank. Pools are the households of one bounded target group, or of all unbounded
 * groups together; n_p is the number of units with a pair into pool p. For each unit and pool only the
 * n_p best pairs (by weight, then household index) are kept. Why no optimum is lost: take an optimal (or,
 * for the closest assignment, a shortfall-minimal) assignment x in which unit u holds h in pool p outside
 * its kept list. Households of that list held by other units are held by units with a pair into p, at
 * most n_p − 1 of them, so some h' of the list is free. Moving u from h to h' keeps every bound: the
 * unit, hence its category and partner, is the same, and h and h' are in the same pool (the same bounded
 * group, or unbounded groups only); the weight does not drop, since h' ranks above h. Each move puts one
 * more unit on a kept pair and changes no other unit, so after at most |units| moves an assignment at
 * least as good uses kept pairs only. Feasibility is kept too (the counts do not change).
 */
export function rankPruned(instance: AllocationInstance): Int32Array {
  const { units, households, pairs, bounds } = instance;
  const groupPool = TARGET_GROUPS.map(() => -1);
  let poolCount = 0;
  TARGET_GROUPS.forEach((g, i) => {
    if (isBounded(bounds.targetGroup?.[g])) groupPool[i] = poolCount++;
  });
  const shared = poolCount++;
  const householdPool = Int32Array.from(households, (h) => {
    const pool = groupPool[TARGET_GROUPS.indexOf(h.targetGroup)] as number;
    return pool < 0 ? shared : pool;
  });

  // Pairs by (unit, pool) with a counting sort; n_p from the non-empty segments.
  const segments = units.length * poolCount;
  const start = new Int32Array(segments + 1);
  const segmentOf = new Int32Array(pairs.unit.length);
  for (let i = 0; i < pairs.unit.length; i++) {
    const s = (pairs.unit[i] as number) * poolCount + (householdPool[pairs.household[i] as number] as number);
    segmentOf[i] = s;
    start[s + 1] = (start[s + 1] as number) + 1;
  }
  const unitsInPool = new Int32Array(poolCount);
  for (let s = 0; s < segments; s++) {
    if ((start[s + 1] as number) > 0) unitsInPool[s % poolCount] = (unitsInPool[s % poolCount] as number) + 1;
    start[s + 1] = (start[s + 1] as number) + (start[s] as number);
  }
  const fill = start.slice(0, segments);
  const ordered = new Int32Array(pairs.unit.length);
  for (let i = 0; i < pairs.unit.length; i++) {
    const s = segmentOf[i] as number;
    ordered[fill[s] as number] = i;
    fill[s] = (fill[s] as number) + 1;
  }

  // Per segment: the limit-th largest weight t, every pair above it, and the pairs at t by household
  // index until the limit.
  const kept: number[] = [];
  const scratch = new Float64Array(pairs.unit.length);
  for (let s = 0; s < segments; s++) {
    const row = ordered.subarray(start[s] as number, start[s + 1] as number);
    const limit = unitsInPool[s % poolCount] as number;
    if (row.length <= limit) {
      for (const i of row) kept.push(i);
      continue;
    }
    const weights = scratch.subarray(0, row.length);
    for (let k = 0; k < row.length; k++) weights[k] = pairs.weight[row[k] as number] as number;
    const t = nthSmallest(weights, row.length - limit);
    const ties: number[] = [];
    let above = 0;
    for (const i of row) {
      if ((pairs.weight[i] as number) > t) {
        kept.push(i);
        above++;
      } else if (pairs.weight[i] === t) ties.push(i);
    }
    ties.sort((a, b) => (pairs.household[a] as number) - (pairs.household[b] as number));
    for (let k = 0; k < limit - above; k++) kept.push(ties[k] as number);
  }
  return Int32Array.from(kept);
}

/** The k-th smallest value (0-based) of `values`, which it reorders: Hoare's selection, linear on average. */
function nthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] as number;
}

/** What pair i adds to the objective of a mode, scaled: its weight, or nothing (closest). */
const pairValue = (instance: AllocationInstance, mode: Mode) =>
  mode === "optimise" ? (i: number) => scaleWeight(instance.pairs.weight[i] as number) : () => 0;

/** The reduced cost of pair i under dual prices, scaled: dual sum (unit, household, bounds) − value. */
function pricer(instance: AllocationInstance, dual: DualPrices, mode: Mode): (i: number) => number {
  const { units, households, pairs } = instance;
  const value = pairValue(instance, mode);
  const unitPart = Float64Array.from(
    units,
    (u, k) => (dual.unit[k] as number) + dual.category[u.category] + (dual.partner?.[u.partner] ?? 0),
  );
  const householdPart = Float64Array.from(
    households,
    (h, k) => (dual.household[k] as number) + dual.targetGroup[h.targetGroup],
  );
  return (i) =>
    (unitPart[pairs.unit[i] as number] as number) +
    (householdPart[pairs.household[i] as number] as number) -
    value(i);
}

const gcd = (a: number, b: number): number => {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y > 0) [x, y] = [y, x % y];
  return x;
};

/**
 * The rows and matrix of a model on the given pairs: one row per unit and per household that has a
 * pair, then the bound rows. In `optimise` mode costs are the scaled weights divided by their greatest
 * common divisor (`grid`), so every assignment's value is an integer number of grid steps; in `closest`
 * mode pairs cost nothing and each slack −1 (a grid step is SHORTFALL).
 */
function layout(ctx: Context, pairsIn: Int32Array, mode: Mode) {
  const { instance, index } = ctx;
  const { pairs } = instance;
  const unitRow = new Int32Array(instance.units.length).fill(-1);
  const householdRow = new Int32Array(instance.households.length).fill(-1);
  let rowCount = 0;
  let grid = 0;
  for (const i of pairsIn) {
    const u = pairs.unit[i] as number;
    if (unitRow[u] === -1) unitRow[u] = rowCount++;
    grid = gcd(grid, scaleWeight(pairs.weight[i] as number));
  }
  for (const i of pairsIn) {
    const h = pairs.household[i] as number;
    if (householdRow[h] === -1) householdRow[h] = rowCount++;
  }
  const boundRow0 = rowCount;
  rowCount += index.rows.length;
  const rowLower = new Float64Array(rowCount).fill(Number.NEGATIVE_INFINITY);
  const rowUpper = new Float64Array(rowCount).fill(1);
  index.rows.forEach((r, k) => {
    rowLower[boundRow0 + k] = r.min;
    rowUpper[boundRow0 + k] = r.max;
  });
  grid = mode === "closest" ? SHORTFALL : Math.max(grid, 1);
  /** Bound rows with a min: the slacks of the closest problem. */
  const slackRows = mode === "closest" ? index.rows.flatMap((r, k) => (r.min > 0 ? [k] : [])) : [];
  /** The columns of the given pairs (then, with `slacks`, the slack columns), compressed by column. */
  const columnsOf = (columns: Int32Array, slacks: boolean) => {
    const count = columns.length + (slacks ? slackRows.length : 0);
    const starts = new Int32Array(count + 1);
    const indices: number[] = [];
    const cost = new Float64Array(count);
    const upper = new Float64Array(count).fill(1);
    columns.forEach((i, j) => {
      const u = pairs.unit[i] as number;
      const h = pairs.household[i] as number;
      indices.push(unitRow[u] as number, householdRow[h] as number);
      for (const r of [index.unitCategoryRow[u], index.householdGroupRow[h], index.unitPartnerRow[u]]) {
        if ((r as number) >= 0) indices.push(boundRow0 + (r as number));
      }
      starts[j + 1] = indices.length;
      cost[j] = mode === "optimise" ? scaleWeight(pairs.weight[i] as number) / grid : 0;
    });
    if (slacks) {
      slackRows.forEach((k, s) => {
        const j = columns.length + s;
        indices.push(boundRow0 + k);
        starts[j + 1] = indices.length;
        cost[j] = -1;
        upper[j] = (index.rows[k] as BoundRow).min;
      });
    }
    return {
      count,
      starts,
      indices: Int32Array.from(indices),
      values: new Float64Array(indices.length).fill(1),
      cost,
      upper,
    };
  };
  return { unitRow, householdRow, boundRow0, rowCount, rowLower, rowUpper, grid, slackRows, columnsOf };
}

/** Model statuses read back from HiGHS, or an error for anything that is not a solve outcome. */
function outcomeOf(solver: Highs, model: Model): "optimal" | "infeasible" | "stopped" {
  const status = model.getModelStatus();
  const codes = solver.constants.modelStatus;
  if (status === codes.optimal) return "optimal";
  // Every variable is bounded, so "infeasible or unbounded" is infeasible.
  if (status === codes.infeasible || status === codes.unboundedOrInfeasible) return "infeasible";
  if (status === codes.timeLimit || status === codes.interrupted) return "stopped";
  throw new Error(`HiGHS stopped with model status ${status} on the allocation model`);
}

/**
 * Creates, uses and frees one HiGHS model, charging its run time to the budget; a WebAssembly abort (out
 * of memory) discards the runtime so that the next solve loads a fresh one.
 */
async function withHighsModel<T>(
  ctx: Context,
  build: (solver: Highs) => Parameters<Highs["createModel"]>[0],
  use: (solver: Highs, model: Model) => T,
): Promise<T> {
  const solver = await highs();
  const model = solver.createModel(build(solver));
  try {
    model.options.set({ output_flag: false, time_limit: Math.max(ctx.timeLeft, 1e-3) });
    return use(solver, model);
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) runtime = undefined;
    throw error;
  } finally {
    ctx.timeLeft -= model.getRunTime();
    model.dispose();
  }
}

type LpOptimum = {
  status: "optimal";
  /** Exact dual prices (integer micro-units, partner prices included), feasible for every pair. */
  dual: DualPrices;
  /** Their value, scaled: no solution of the mode's problem is worth more. */
  value: number;
  /** The LP optimum when it is integral and allowed (pair indices), else null. */
  integral: Int32Array | null;
  /** Candidate indices in the LP. */
  columns: number[];
};

type LpPrices =
  | LpOptimum
  /**
   * `infeasible` (optimise): the LP on its columns, which may be too few; `stopped`: the time limit, or
   * no pair to price.
   */
  | { status: "infeasible" | "stopped"; columns: number[] };

/** Pairs per unit the LP starts from: those of smallest reduced cost under the network's prices. */
const LP_FIRST_PAIRS = 16;
/** Pairs per unit added in a pricing round: the most negative reduced costs. */
const LP_ADDED_PAIRS = 8;
const LP_ROUNDS = 12;

/**
 * Step 3: the LP relaxation of a mode's problem (every bound row, x in [0, 1]) by column generation,
 * warm-started by HiGHS as columns are added: start from a few pairs per unit (and those of `include`),
 * price every candidate with the LP's duals (rounded to whole micro-units), add those with a negative
 * reduced cost, repeat. Then the bound prices are completed exactly (`completed`) and, should rounding
 * have left any pair short, each unit's price is raised to cover it (`repaired`): any prices feasible
 * for every pair bound every solution, whatever rounding costs in tightness.
 */
async function lpPrices(
  ctx: Context,
  mode: Mode,
  start: DualPrices | null,
  include: readonly number[],
): Promise<LpPrices> {
  const { instance, candidates } = ctx;
  const { units, pairs } = instance;
  // No pair at all: nothing for HiGHS (it calls such a model "empty").
  if (candidates.length === 0) return { status: "stopped", columns: [] };
  const shape = layout(ctx, candidates, mode);
  // The first columns: per unit, the pairs of smallest reduced cost under the network's prices (or of
  // largest weight), then those asked for.
  const rank =
    start === null ? (i: number) => -(pairs.weight[i] as number) : pricer(instance, start, "optimise");
  const startRc = Float64Array.from(candidates, rank);
  const byUnit = units.map(() => [] as number[]);
  candidates.forEach((i, k) => {
    byUnit[pairs.unit[i] as number]?.push(k);
  });
  const inModel = new Uint8Array(candidates.length);
  const first: number[] = [];
  for (const list of byUnit) {
    list.sort((a, b) => (startRc[a] as number) - (startRc[b] as number));
    first.push(...list.slice(0, ctx.firstPairs));
  }
  for (const k of first) inModel[k] = 1;
  for (const k of include) {
    if (!inModel[k]) first.push(k);
    inModel[k] = 1;
  }
  // Model columns: the slacks first (closest), then pairs as added.
  const slackCount = shape.slackRows.length;
  const columns = [...first];
  const initial = shape.columnsOf(
    Int32Array.from(first, (k) => candidates[k] as number),
    mode === "closest",
  );
  // Slacks go last in `columnsOf`; keep them there and remember where pairs start after them.
  const add = (model: Model, picked: number[]) => {
    for (const k of picked) inModel[k] = 1;
    columns.push(...picked);
    const data = shape.columnsOf(
      Int32Array.from(picked, (k) => candidates[k] as number),
      false,
    );
    model.addCols({
      cost: data.cost,
      lower: new Float64Array(data.count),
      upper: data.upper,
      matrix: {
        format: "csc",
        numRows: shape.rowCount,
        numCols: data.count,
        starts: data.starts,
        indices: data.indices,
        values: data.values,
      },
    });
  };
  /** The value of model column j for pair column c (slacks sit between the first pairs and the rest). */
  const pairColumn = (c: number) => (c < first.length ? c : c + slackCount);

  return withHighsModel(
    ctx,
    (solver) => ({
      numCols: initial.count,
      numRows: shape.rowCount,
      sense: solver.constants.objectiveSense.maximize,
      colCost: initial.cost,
      colLower: new Float64Array(initial.count),
      colUpper: initial.upper,
      rowLower: shape.rowLower.map((b) => (b === Number.NEGATIVE_INFINITY ? -solver.infinity : b)),
      rowUpper: shape.rowUpper,
      matrix: {
        format: "csc",
        numRows: shape.rowCount,
        numCols: initial.count,
        starts: initial.starts,
        indices: initial.indices,
        values: initial.values,
      },
    }),
    (solver, model): LpPrices => {
      let dual: DualPrices | null = null;
      for (let round = 1; ; round++) {
        model.run();
        const outcome = outcomeOf(solver, model);
        if (outcome !== "optimal") return { status: outcome, columns };
        dual = roundedDual(ctx, shape, model.getSolution().rowDual, mode);
        if (round >= LP_ROUNDS) break;
        const cost = pricer(instance, dual, mode);
        const negative = units.map(() => [] as { k: number; rc: number }[]);
        candidates.forEach((i, k) => {
          if (inModel[k]) return;
          const rc = cost(i);
          if (rc < 0) negative[pairs.unit[i] as number]?.push({ k, rc });
        });
        const picked = negative.flatMap((list) =>
          list
            .sort((a, b) => a.rc - b.rc)
            .slice(0, LP_ADDED_PAIRS)
            .map((x) => x.k),
        );
        if (picked.length === 0) break;
        add(model, picked);
      }
      const exact = repaired(instance, completed(ctx, dual, mode), mode);
      const x = model.getSolution().colValue;
      const values = columns.map((_, c) => x[pairColumn(c)] as number);
      const chosen = values.every((v) => Math.abs(v - Math.round(v)) <= 1e-6)
        ? Int32Array.from(
            columns.filter((_, c) => (values[c] as number) > 0.5),
            (k) => candidates[k] as number,
          )
        : null;
      ctx.largest = Math.max(ctx.largest, columns.length);
      return {
        status: "optimal",
        dual: exact,
        value: dualValue(instance, exact),
        integral: chosen !== null && isAllowed(ctx, chosen, mode) ? chosen : null,
        columns,
      };
    },
  );
}

/**
 * HiGHS's row duals (max form: ≥ 0 on the ≤ 1 rows, in grid steps) as prices in whole micro-units. In
 * the closest problem a min's price is at least −SHORTFALL (the dual constraint of its slack).
 */
function roundedDual(
  ctx: Context,
  shape: ReturnType<typeof layout>,
  rowDual: Float64Array,
  mode: Mode,
): DualPrices {
  const { instance, index } = ctx;
  const step = (row: number) => (row < 0 ? 0 : Math.round((rowDual[row] as number) * shape.grid));
  const boundPrice = (kind: BoundRow["kind"], key: string) => {
    const k = index.rows.findIndex((r) => r.kind === kind && r.key === key);
    if (k < 0) return 0;
    const price = step(shape.boundRow0 + k);
    return mode === "closest" && (index.rows[k] as BoundRow).min > 0 ? Math.max(price, -SHORTFALL) : price;
  };
  return {
    unit: Float64Array.from(shape.unitRow, (row) => Math.max(0, step(row))),
    household: Float64Array.from(shape.householdRow, (row) => Math.max(0, step(row))),
    category: Object.fromEntries(
      UNIT_CATEGORIES.map((c) => [c, boundPrice("category", c)]),
    ) as DualPrices["category"],
    targetGroup: Object.fromEntries(
      TARGET_GROUPS.map((g) => [g, boundPrice("targetGroup", g)]),
    ) as DualPrices["targetGroup"],
    partner: Object.fromEntries(partnersOf(instance).map((p) => [p, boundPrice("partner", p)])),
  };
}

/**
 * The best unit and household prices for the given bound prices (category, group, partner): those of a
 * plain assignment on the candidate pairs with values (weight, or 0 for closest) minus the bound prices
 * (pairs ≤ 0 left out, they never help), which the network solves with exact integer duals. Its own
 * category and group prices (no bounds: max = the stock, min = 0) are added on; f is subadditive and the
 * real bounds are tighter, so the sum's value is at most the sum of values, and the prices stay feasible
 * for every pair the network saw (`repaired` covers the others). In the closest problem a min's price
 * stays at least −SHORTFALL (raising a price only loosens the bound).
 */
function completed(ctx: Context, bound: DualPrices, mode: Mode): DualPrices {
  const { instance, index } = ctx;
  const { units, households, pairs } = instance;
  const value = pairValue(instance, mode);
  const unitPrice = Float64Array.from(
    units,
    (u) => bound.category[u.category] + (bound.partner?.[u.partner] ?? 0),
  );
  const householdPrice = Float64Array.from(households, (h) => bound.targetGroup[h.targetGroup]);
  const unit: number[] = [];
  const household: number[] = [];
  const weight: number[] = [];
  for (const i of ctx.candidates) {
    const u = pairs.unit[i] as number;
    const h = pairs.household[i] as number;
    const w = value(i) - (unitPrice[u] as number) - (householdPrice[h] as number);
    if (w <= 0) continue;
    unit.push(u);
    household.push(h);
    weight.push(w / WEIGHT_SCALE);
  }
  const matching = solveAllocation({
    units,
    households,
    pairs: {
      unit: Int32Array.from(unit),
      household: Int32Array.from(household),
      weight: Float64Array.from(weight),
    },
    bounds: {},
  });
  // Without bounds the network always has an optimum.
  if (matching.status !== "optimal") return bound;
  const d = matching.dual;
  const floor = (kind: BoundRow["kind"], key: string, price: number) => {
    const row = index.rows.find((r) => r.kind === kind && r.key === key);
    return mode === "closest" && row !== undefined && row.min > 0 ? Math.max(price, -SHORTFALL) : price;
  };
  return {
    unit: d.unit,
    household: d.household,
    category: Object.fromEntries(
      UNIT_CATEGORIES.map((c) => [c, floor("category", c, bound.category[c] + d.category[c])]),
    ) as DualPrices["category"],
    targetGroup: Object.fromEntries(
      TARGET_GROUPS.map((g) => [g, floor("targetGroup", g, bound.targetGroup[g] + d.targetGroup[g])]),
    ) as DualPrices["targetGroup"],
    ...(bound.partner ? { partner: bound.partner } : {}),
  };
}

/** The prices with each unit's raised by its most negative reduced cost over every pair: dual feasible. */
function repaired(instance: AllocationInstance, dual: DualPrices, mode: Mode): DualPrices {
  const cost = pricer(instance, dual, mode);
  const unit = Float64Array.from(dual.unit);
  const worst = new Float64Array(instance.units.length);
  for (let i = 0; i < instance.pairs.unit.length; i++) {
    const u = instance.pairs.unit[i] as number;
    const rc = cost(i);
    if (rc < (worst[u] as number)) worst[u] = rc;
  }
  worst.forEach((w, u) => {
    unit[u] = (unit[u] as number) - w;
  });
  return { ...dual, unit };
}

type MipRun = {
  /** `stopped`: the time limit ended the search. */
  status: "optimal" | "infeasible" | "stopped";
  /** Pair indices of the best solution found, or null. */
  chosen: Int32Array | null;
  /** The dual bound (optimise), scaled: the incumbent's value when optimal, else HiGHS's on the grid. */
  boundScaled: number;
};

/**
 * One HiGHS MIP of a mode on the given pairs (closest: with the slacks, integer). Every value is a whole
 * number of grid steps (see `layout`), so an absolute gap below 1 proves the optimum, and HiGHS's bound
 * can be rounded down to the grid. `start`, if given, is offered as the first incumbent.
 */
async function runMip(
  ctx: Context,
  columns: Int32Array,
  mode: Mode,
  start: Int32Array | null,
): Promise<MipRun> {
  const { instance, index } = ctx;
  const shape = layout(ctx, columns, mode);
  if (columns.length === 0 && shape.slackRows.length === 0) {
    // Nothing to choose: the empty assignment is the only one (HiGHS calls such a model "empty").
    const feasible = index.rows.every((r) => r.min === 0);
    return {
      status: feasible ? "optimal" : "infeasible",
      chosen: feasible ? new Int32Array(0) : null,
      boundScaled: 0,
    };
  }
  const data = shape.columnsOf(columns, true);
  ctx.largest = Math.max(ctx.largest, columns.length);
  return withHighsModel(
    ctx,
    (solver) => ({
      numCols: data.count,
      numRows: shape.rowCount,
      sense: solver.constants.objectiveSense.maximize,
      colCost: data.cost,
      colLower: new Float64Array(data.count),
      colUpper: data.upper,
      rowLower: shape.rowLower.map((b) => (b === Number.NEGATIVE_INFINITY ? -solver.infinity : b)),
      rowUpper: shape.rowUpper,
      matrix: {
        format: "csc",
        numRows: shape.rowCount,
        numCols: data.count,
        starts: data.starts,
        indices: data.indices,
        values: data.values,
      },
      integrality: new Int32Array(data.count).fill(solver.constants.variableType.integer),
    }),
    (solver, model): MipRun => {
      // Values are whole grid steps: a gap below 1 proves the optimum.
      model.options.set({ mip_rel_gap: 0, mip_abs_gap: 0.5 });
      if (start !== null) {
        const column = new Map<number, number>();
        columns.forEach((i, j) => {
          column.set(i, j);
        });
        const value = new Float64Array(data.count);
        for (const i of start) {
          const j = column.get(i);
          if (j !== undefined) value[j] = 1;
        }
        const count = rowCounts(ctx, start);
        shape.slackRows.forEach((k, s) => {
          value[columns.length + s] = Math.max(0, (index.rows[k] as BoundRow).min - (count[k] as number));
        });
        model.setSolution({ colValue: value });
      }
      model.run();
      const outcome = outcomeOf(solver, model);
      ctx.nodes += Number(model.info.get("mip_node_count"));
      if (outcome === "infeasible")
        return { status: outcome, chosen: null, boundScaled: Number.NEGATIVE_INFINITY };
      const hasSolution =
        Number(model.info.get("primal_solution_status")) === solver.constants.solutionStatus.feasible;
      const x = hasSolution ? model.getSolution().colValue : null;
      const chosen = x === null ? null : columns.filter((_, j) => (x[j] as number) > 0.5);
      // Optimal with an absolute gap below 1 step: the incumbent is the bound. Else HiGHS's bound,
      // rounded down to the grid after a little room upwards for floating point (a larger bound stays
      // valid); ±∞ means no bound yet.
      const raw = Number(model.info.get("mip_dual_bound"));
      const boundScaled =
        outcome === "optimal" && chosen !== null
          ? scaledSum(instance, chosen)
          : Number.isFinite(raw)
            ? Math.floor(raw + 1e-6 * Math.max(1, Math.abs(raw))) * shape.grid
            : Number.POSITIVE_INFINITY;
      return { status: outcome, chosen, boundScaled };
    },
  );
}

const scaledSum = (instance: AllocationInstance, chosen: Int32Array) => {
  let sum = 0;
  for (const i of chosen) sum += scaleWeight(instance.pairs.weight[i] as number);
  return sum;
};

/** The chosen pairs as offers, ordered as the units of the instance. */
function assignmentsOf(instance: AllocationInstance, chosen: Int32Array): Assignment[] {
  const { units, households, pairs } = instance;
  return [...chosen]
    .sort((a, b) => (pairs.unit[a] as number) - (pairs.unit[b] as number))
    .map((i) => ({
      unit: (units[pairs.unit[i] as number] as (typeof units)[number]).id,
      household: (households[pairs.household[i] as number] as (typeof households)[number]).id,
      weight: pairs.weight[i] as number,
    }));
}

function mipResult(ctx: Context, chosen: Int32Array, boundScaled: number, dual: DualPrices): MipAllocation {
  const { instance } = ctx;
  const value = scaledSum(instance, chosen);
  const assignments = assignmentsOf(instance, chosen);
  return {
    status: boundScaled <= value ? "optimal" : "feasible",
    method: "mip",
    assignments,
    objective: value / WEIGHT_SCALE,
    dualBound: boundScaled / WEIGHT_SCALE,
    gap: (boundScaled - value) / WEIGHT_SCALE,
    counts: countsOf(instance, assignments),
    dual,
    iterations: ctx.nodes,
    pairsConsidered: ctx.largest,
  };
}
