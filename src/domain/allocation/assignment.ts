// SPDX-License-Identifier: EUPL-1.2
import { TARGET_GROUPS, type TargetGroup } from "../households/household.schema.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../units/unit.schema.ts";
import { type FlowNetwork, type FlowSolution, solveFlow } from "./assignment-network.ts";

/**
 * Weights are compared in integer micro-units (`Math.round(weight × WEIGHT_SCALE)`), so the optimum, the
 * dual bound and the certificate check are exact; objectives are reported back in the original units.
 */
export const WEIGHT_SCALE = 1_000_000;
/** Largest accepted pair weight: keeps every scaled sum and dual price a safe integer. */
export const MAX_WEIGHT = 1_000_000;

/** Lower and upper bound on a number of assignments; a missing side is no bound. */
export type CountBound = { min?: number; max?: number };

/**
 * Bounds of one run: per category of the units and, optionally, per target group of the households and
 * per managing partner (ente gestore) of the units, keyed by `AllocationUnit.partner`. Partner bounds
 * leave the network structure: they are solved as a MIP (`solveAllocationAnyBounds`, assignment-side.ts).
 */
export type AllocationBounds = {
  category?: Partial<Record<UnitCategory, CountBound>>;
  targetGroup?: Partial<Record<TargetGroup, CountBound>>;
  partner?: Record<string, CountBound>;
};

/** A free unit (alloggio) offered in this run. */
export type AllocationUnit = { id: string; category: UnitCategory; partner: string };

/** A waiting household (nucleo); `priority` orders the greedy baseline (default: its best pair weight). */
export type AllocationHousehold = { id: string; targetGroup: TargetGroup; priority?: number };

/**
 * The feasible pairs as three parallel columns (one entry per pair): indices into `units` and
 * `households`, and the weight priority × fit, a positive number ≤ MAX_WEIGHT. No pair twice.
 */
export type AllocationPairs = { unit: Int32Array; household: Int32Array; weight: Float64Array };

/** One joint assignment problem (abbinamento): who may get which unit, how much it is worth, the bounds. */
export type AllocationInstance = {
  units: readonly AllocationUnit[];
  households: readonly AllocationHousehold[];
  pairs: AllocationPairs;
  bounds: AllocationBounds;
};

/** One offer of the result: unit and household ids, and the pair's weight in the original units. */
export type Assignment = { unit: string; household: string; weight: number };

export type AllocationCounts = {
  category: Record<UnitCategory, number>;
  targetGroup: Record<TargetGroup, number>;
  /** Per managing partner of the units (every partner of the instance); only when partner bounds are set. */
  partner?: Record<string, number>;
};

/**
 * Dual prices in integer micro-units: one per unit (≥ 0), household (≥ 0), category, target group and,
 * with partner bounds, managing partner (any sign). Dual feasible when unit + household + category +
 * target group (+ partner of the unit) ≥ weight for every pair; its value Σ unit + Σ household +
 * Σ f(category) + Σ f(group) (+ Σ f(partner)), with f(p) = max × p for p ≥ 0 and min × p otherwise (no
 * min is 0, no max is the number of units or households), bounds every feasible assignment.
 */
export type DualPrices = {
  unit: Float64Array;
  household: Float64Array;
  category: Record<UnitCategory, number>;
  targetGroup: Record<TargetGroup, number>;
  /** Per partner code (missing: 0); only in MIP results, from HiGHS's LP relaxation made exact. */
  partner?: Record<string, number>;
};

/** A bound that no assignment can meet. */
export type BoundViolation = {
  kind: "category" | "targetGroup";
  key: UnitCategory | TargetGroup;
  min: number;
  max: number | null;
  /**
   * `min_above_max`: the bound contradicts itself; `min_above_available`: fewer units (or households)
   * of that kind than the min; `unreachable`: the eligible pairs and the other bounds leave it short
   * by `shortfall` in the closest assignment.
   */
  reason: "min_above_max" | "min_above_available" | "unreachable";
  shortfall: number;
};

export type OptimalAllocation = {
  status: "optimal";
  /** Solved as a min-cost flow, proven by `dual`. */
  method: "network";
  /** Ordered as the units of the instance. */
  assignments: Assignment[];
  /** Σ weight of the assignments, in the original units. */
  objective: number;
  /** Value of `dual`, in the original units: no assignment can exceed it. */
  dualBound: number;
  /** dualBound − objective: 0 proves optimality. */
  gap: number;
  counts: AllocationCounts;
  dual: DualPrices;
  /** Shortest augmenting-path searches. */
  iterations: number;
  /** Pairs the solver sorted and scanned; the rest were dropped unseen by the exact pruning. */
  pairsConsidered: number;
};

export type InfeasibleAllocation = {
  status: "infeasible";
  method: "network";
  violations: BoundViolation[];
  /**
   * Proof of infeasibility (a Farkas ray): dual prices with every pair's sum ≥ 0 and a negative value,
   * which no feasible assignment allows. Null when the bounds contradict themselves or the stock.
   */
  ray: DualPrices | null;
  /** The assignment with the smallest total shortfall below the mins (empty when `ray` is null). */
  closest: { assignments: Assignment[]; counts: AllocationCounts };
  iterations: number;
  pairsConsidered: number;
};

/** The network's answer (`solveAllocation`): always with its proof. */
export type AllocationResult = OptimalAllocation | InfeasibleAllocation;

/** A partner bound (per `AllocationUnit.partner`) that no assignment can meet; fields as in BoundViolation. */
export type PartnerBoundViolation = Omit<BoundViolation, "kind" | "key"> & { kind: "partner"; key: string };

/**
 * The MIP's answer when partner bounds are set (HiGHS). The network's integral dual certificate does not
 * carry over: `dual` holds the prices of HiGHS's LP relaxation made exact (integers, feasible for every
 * pair), whose value `verifyCertificate` checks as an upper bound; when it equals the objective it proves
 * optimality as the network's does, otherwise the rest of the gap rests on HiGHS's branch and bound.
 * `optimal`: closed (exact on the micro-unit grid); `feasible`: the time limit stopped it with an
 * assignment that meets every bound, `gap` > 0 says how far from proven it is.
 */
export type MipAllocation = {
  status: "optimal" | "feasible";
  method: "mip";
  /** Ordered as the units of the instance. */
  assignments: Assignment[];
  /** Σ weight of the assignments, in the original units. */
  objective: number;
  /** No assignment can exceed it, in the original units: ≤ the value of `dual`, the rest on HiGHS's word. */
  dualBound: number;
  /** dualBound − objective. */
  gap: number;
  counts: AllocationCounts;
  /** Exact LP prices with partner prices (their value ≥ dualBound), or null when none were found. */
  dual: DualPrices | null;
  /** Branch-and-bound nodes HiGHS explored, over its solves. */
  iterations: number;
  /** Pairs in the largest model HiGHS solved; the rest were dropped by the exact pruning. */
  pairsConsidered: number;
};

/** With partner bounds: some bound cannot be met. */
export type MipInfeasibleAllocation = {
  status: "infeasible";
  method: "mip";
  violations: (BoundViolation | PartnerBoundViolation)[];
  /**
   * Proof of infeasibility, checkable as in InfeasibleAllocation (every pair's sum ≥ 0, negative value):
   * the network relaxation's ray when the category and target-group bounds alone cannot be met, else the
   * exact prices of the closest problem (partner prices included), whose value is −(least total
   * shortfall) in micro-units. Null when a bound contradicts itself or the stock, or when those prices
   * fall short of a proof (then it rests on HiGHS's word).
   */
  ray: DualPrices | null;
  /** An assignment with the smallest total shortfall below the mins that keeps every max. */
  closest: { assignments: Assignment[]; counts: AllocationCounts };
  iterations: number;
  pairsConsidered: number;
};

/** With partner bounds: the time limit stopped HiGHS before it found an assignment or proved there is none. */
export type MipTimeLimit = {
  status: "time_limit";
  method: "mip";
  /** No assignment can exceed it (null: none known), in the original units. */
  dualBound: number | null;
  iterations: number;
  pairsConsidered: number;
};

/** Any answer of `solveAllocationAnyBounds`: the network's (with its proof) or the MIP's. */
export type AnyAllocationResult = AllocationResult | MipAllocation | MipInfeasibleAllocation | MipTimeLimit;

export type SolveOptions = {
  /** Called with the share of the work done, 0–1, a few hundred times at most. */
  onProgress?: (fraction: number) => void;
  /**
   * Exact pruning (default true): each unit looks at its pairs of a pool, by descending weight, only up
   * to the first free household, sorting lazily. False sorts every row up front and scans it whole.
   */
  prune?: boolean;
};

type Side = { size: number; min: number; max: number; declaredMax: number | null };

/** A category's or group's count bounds as the solver reads them: no min is 0, max is at most the size. */
export function effectiveBound(bound: CountBound | undefined, size: number): Side {
  const declaredMax = bound?.max ?? null;
  return { size, min: bound?.min ?? 0, max: Math.min(declaredMax ?? size, size), declaredMax };
}

/** Scaled integer weight of a pair. */
export const scaleWeight = (weight: number): number => Math.round(weight * WEIGHT_SCALE);

export const isBounded = (bound: CountBound | undefined) =>
  bound?.min !== undefined || bound?.max !== undefined;

/** Some managing partner has a min or a max: the network alone cannot solve the instance. */
export const hasPartnerBounds = (bounds: AllocationBounds) =>
  Object.values(bounds.partner ?? {}).some(isBounded);

/**
 * The optimal joint assignment with its proof, or the bounds that cannot be met with theirs. Pure and
 * deterministic; exact in integer micro-units of weight (WEIGHT_SCALE).
 */
export function solveAllocation(instance: AllocationInstance, options: SolveOptions = {}): AllocationResult {
  const { units, households, pairs, bounds } = instance;
  if (hasPartnerBounds(bounds)) {
    throw new Error(
      "solveAllocation: partner bounds leave the network structure; use solveAllocationAnyBounds (assignment-side.ts)",
    );
  }
  const categoryIndex = new Map(UNIT_CATEGORIES.map((c, i) => [c, i]));
  const groupIndex = new Map(TARGET_GROUPS.map((g, i) => [g, i]));

  const categorySize = new Int32Array(UNIT_CATEGORIES.length);
  const unitCategory = new Int32Array(units.length);
  units.forEach((unit, u) => {
    const c = categoryIndex.get(unit.category) as number;
    unitCategory[u] = c;
    categorySize[c] = (categorySize[c] as number) + 1;
  });
  const groupSize = new Int32Array(TARGET_GROUPS.length);
  const householdGroup = new Int32Array(households.length);
  households.forEach((household, h) => {
    const g = groupIndex.get(household.targetGroup) as number;
    householdGroup[h] = g;
    groupSize[g] = (groupSize[g] as number) + 1;
  });

  const violations: BoundViolation[] = [];
  const categorySides = UNIT_CATEGORIES.map((c, i) => {
    const side = effectiveBound(bounds.category?.[c], categorySize[i] as number);
    const problem = selfContradiction(side);
    if (problem) violations.push({ kind: "category", key: c, ...problem });
    return side;
  });
  // Each bounded target group is a pool of its own; the unbounded ones share one.
  const groupPool = new Int32Array(TARGET_GROUPS.length);
  const poolSides: Side[] = [];
  const shared: Side = { size: 0, min: 0, max: 0, declaredMax: null };
  TARGET_GROUPS.forEach((g, i) => {
    const bound = bounds.targetGroup?.[g];
    if (!isBounded(bound)) return;
    const side = effectiveBound(bound, groupSize[i] as number);
    const problem = selfContradiction(side);
    if (problem) violations.push({ kind: "targetGroup", key: g, ...problem });
    groupPool[i] = poolSides.length;
    poolSides.push(side);
  });
  const sharedPool = poolSides.length;
  TARGET_GROUPS.forEach((g, i) => {
    if (isBounded(bounds.targetGroup?.[g])) return;
    groupPool[i] = sharedPool;
    shared.size += groupSize[i] as number;
  });
  shared.max = shared.size;
  poolSides.push(shared);

  const emptyCounts = countsOf(instance, []);
  if (violations.length > 0) {
    return {
      status: "infeasible",
      method: "network",
      violations,
      ray: null,
      closest: { assignments: [], counts: emptyCounts },
      iterations: 0,
      pairsConsidered: 0,
    };
  }

  const householdPool = new Int32Array(households.length);
  for (let h = 0; h < households.length; h++)
    householdPool[h] = groupPool[householdGroup[h] as number] as number;
  const net: FlowNetwork = {
    unitCount: units.length,
    householdCount: households.length,
    poolCount: poolSides.length,
    categoryCount: UNIT_CATEGORIES.length,
    unitCategory,
    householdPool,
    ...segmentPairs(pairs, units.length, householdPool, poolSides.length),
    categorySize,
    categoryMin: Int32Array.from(categorySides, (s) => s.min),
    categoryMax: Int32Array.from(categorySides, (s) => s.max),
    poolSize: Int32Array.from(poolSides, (s) => s.size),
    poolMin: Int32Array.from(poolSides, (s) => s.min),
    poolMax: Int32Array.from(poolSides, (s) => s.max),
  };

  const optimised = solveFlow(net, "optimise", options);
  const pairsConsidered = optimised.pairsConsidered;
  const prices = (solution: FlowSolution): DualPrices => ({
    unit: solution.unitDual,
    household: solution.householdDual,
    category: Object.fromEntries(
      UNIT_CATEGORIES.map((c, i) => [c, solution.categoryDual[i] as number]),
    ) as Record<UnitCategory, number>,
    targetGroup: Object.fromEntries(
      TARGET_GROUPS.map((g, i) => [g, solution.poolDual[groupPool[i] as number] as number]),
    ) as Record<TargetGroup, number>,
  });
  const assignmentsOf = (solution: FlowSolution) => {
    // The pair of each chosen (unit, household), for its weight in the original units.
    const pairOf = new Int32Array(units.length).fill(-1);
    for (let i = 0; i < pairs.unit.length; i++) {
      const u = pairs.unit[i] as number;
      if (solution.unitHousehold[u] === pairs.household[i]) pairOf[u] = i;
    }
    const out: Assignment[] = [];
    let scaled = 0;
    for (let u = 0; u < units.length; u++) {
      const pair = pairOf[u] as number;
      if (pair < 0) continue;
      const weight = pairs.weight[pair] as number;
      out.push({
        unit: (units[u] as AllocationUnit).id,
        household: (households[pairs.household[pair] as number] as AllocationHousehold).id,
        weight,
      });
      scaled += scaleWeight(weight);
    }
    return { assignments: out, scaled };
  };

  if (optimised.feasible) {
    const { assignments, scaled } = assignmentsOf(optimised);
    const dual = prices(optimised);
    const dualScaled = dualValue(instance, dual);
    return {
      status: "optimal",
      method: "network",
      assignments,
      objective: scaled / WEIGHT_SCALE,
      dualBound: dualScaled / WEIGHT_SCALE,
      gap: (dualScaled - scaled) / WEIGHT_SCALE,
      counts: countsOf(instance, assignments),
      dual,
      iterations: optimised.iterations,
      pairsConsidered,
    };
  }

  // Some min cannot be met: find the assignment with the smallest total shortfall, whose prices prove it.
  const closest = solveFlow(net, "feasibility");
  UNIT_CATEGORIES.forEach((c, i) => {
    const shortfall = closest.categoryShortfall[i] as number;
    const side = categorySides[i] as Side;
    if (shortfall > 0) {
      violations.push({
        kind: "category",
        key: c,
        min: side.min,
        max: side.declaredMax,
        reason: "unreachable",
        shortfall,
      });
    }
  });
  TARGET_GROUPS.forEach((g, i) => {
    const pool = groupPool[i] as number;
    const shortfall = closest.poolShortfall[pool] as number;
    const side = poolSides[pool] as Side;
    if (pool !== sharedPool && shortfall > 0) {
      violations.push({
        kind: "targetGroup",
        key: g,
        min: side.min,
        max: side.declaredMax,
        reason: "unreachable",
        shortfall,
      });
    }
  });
  const { assignments } = assignmentsOf(closest);
  return {
    status: "infeasible",
    method: "network",
    violations,
    ray: prices(closest),
    closest: { assignments, counts: countsOf(instance, assignments) },
    iterations: optimised.iterations + closest.iterations,
    pairsConsidered,
  };
}

function selfContradiction(side: Side): Pick<BoundViolation, "min" | "max" | "reason" | "shortfall"> | null {
  const { min, declaredMax, size } = side;
  if (declaredMax !== null && min > declaredMax) {
    return { min, max: declaredMax, reason: "min_above_max", shortfall: min - declaredMax };
  }
  if (min > size) return { min, max: declaredMax, reason: "min_above_available", shortfall: min - size };
  return null;
}

/** Assignments per category and per target group, and per managing partner when partner bounds are set. */
export function countsOf(instance: AllocationInstance, assignments: readonly Assignment[]): AllocationCounts {
  const category = Object.fromEntries(UNIT_CATEGORIES.map((c) => [c, 0])) as Record<UnitCategory, number>;
  const targetGroup = Object.fromEntries(TARGET_GROUPS.map((g) => [g, 0])) as Record<TargetGroup, number>;
  const unitById = new Map(instance.units.map((u) => [u.id, u]));
  const householdGroup = new Map(instance.households.map((h) => [h.id, h.targetGroup]));
  for (const a of assignments) {
    category[unitById.get(a.unit)?.category as UnitCategory]++;
    targetGroup[householdGroup.get(a.household) as TargetGroup]++;
  }
  if (!hasPartnerBounds(instance.bounds)) return { category, targetGroup };
  const partner: Record<string, number> = {};
  for (const code of partnersOf(instance)) partner[code] = 0;
  for (const a of assignments) {
    const code = unitById.get(a.unit)?.partner as string;
    partner[code] = (partner[code] as number) + 1;
  }
  return { category, targetGroup, partner };
}

/** The partner codes of the units, then those only the bounds name, in order of first appearance. */
export function partnersOf(instance: AllocationInstance): string[] {
  const codes = new Set(instance.units.map((u) => u.partner));
  for (const code of Object.keys(instance.bounds.partner ?? {})) codes.add(code);
  return [...codes];
}

/** Value of dual prices (scaled): Σ unit + Σ household + Σ f(category) + Σ f(target group) (+ Σ f(partner)). */
export function dualValue(instance: AllocationInstance, dual: DualPrices): number {
  let total = 0;
  for (const a of dual.unit) total += a;
  for (const b of dual.household) total += b;
  const categorySize = new Map<string, number>();
  for (const u of instance.units) categorySize.set(u.category, (categorySize.get(u.category) ?? 0) + 1);
  const groupSize = new Map<string, number>();
  for (const h of instance.households) groupSize.set(h.targetGroup, (groupSize.get(h.targetGroup) ?? 0) + 1);
  const f = (price: number, side: Side) => (price >= 0 ? side.max * price : side.min * price);
  for (const c of UNIT_CATEGORIES) {
    total += f(dual.category[c], effectiveBound(instance.bounds.category?.[c], categorySize.get(c) ?? 0));
  }
  for (const g of TARGET_GROUPS) {
    total += f(dual.targetGroup[g], effectiveBound(instance.bounds.targetGroup?.[g], groupSize.get(g) ?? 0));
  }
  if (dual.partner === undefined) return total;
  const partnerSize = new Map<string, number>();
  for (const u of instance.units) partnerSize.set(u.partner, (partnerSize.get(u.partner) ?? 0) + 1);
  for (const [code, price] of Object.entries(dual.partner)) {
    total += f(price, effectiveBound(instance.bounds.partner?.[code], partnerSize.get(code) ?? 0));
  }
  return total;
}

/** The pairs grouped by unit, then by pool (a counting sort), with scaled weights and each unit's best. */
function segmentPairs(
  pairs: AllocationPairs,
  unitCount: number,
  householdPool: Int32Array,
  poolCount: number,
) {
  const total = pairs.unit.length;
  const segmentStart = new Int32Array(unitCount * poolCount + 1);
  const segment = new Int32Array(total);
  for (let i = 0; i < total; i++) {
    const g = (pairs.unit[i] as number) * poolCount + (householdPool[pairs.household[i] as number] as number);
    segment[i] = g;
    segmentStart[g + 1] = (segmentStart[g + 1] as number) + 1;
  }
  for (let g = 0; g < unitCount * poolCount; g++) {
    segmentStart[g + 1] = (segmentStart[g + 1] as number) + (segmentStart[g] as number);
  }
  const fill = segmentStart.slice(0, unitCount * poolCount);
  const rowHousehold = new Int32Array(total);
  const rowWeight = new Float64Array(total);
  const unitBest = new Float64Array(unitCount);
  for (let i = 0; i < total; i++) {
    const g = segment[i] as number;
    const slot = fill[g] as number;
    fill[g] = slot + 1;
    rowHousehold[slot] = pairs.household[i] as number;
    const w = scaleWeight(pairs.weight[i] as number);
    rowWeight[slot] = w;
    const u = pairs.unit[i] as number;
    if (w > (unitBest[u] as number)) unitBest[u] = w;
  }
  return { segmentStart, rowHousehold, rowWeight, unitBest };
}
