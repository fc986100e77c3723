// SPDX-License-Identifier: EUPL-1.2
import {
  type EligibilityHousehold,
  type EligibilityUnit,
  isEligible,
  type PairContext,
  type PriorityScore,
  pairWeight,
  priorityScore,
  type UnitHold,
  unitFit,
} from "../eligibility/eligibility.ts";
import type { RulesVersion } from "../eligibility/rules.schema.ts";
import { CATEGORY_TARGET_SHARE } from "../units/stock-summary.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../units/unit.schema.ts";
import {
  type AllocationBounds,
  type AllocationCounts,
  type AllocationInstance,
  type BoundViolation,
  countsOf,
  MAX_WEIGHT,
  type PartnerBoundViolation,
} from "./assignment.ts";
import { verifyCertificate } from "./assignment-certificate.ts";
import { greedyAllocation } from "./assignment-greedy.ts";
import { solveAllocationAnyBounds } from "./assignment-side.ts";

/*
 * A run of the joint assignment as data: the snapshot holds everything the solver and the explanation
 * read (the rules document, the day, the units and households as the rules saw them, each household's
 * priority score, every eligible pair with its weight, the bounds), so replaying it needs nothing else.
 */

/** A unit (alloggio) as the run saw it. */
export type RunUnit = EligibilityUnit & { code: string };
/** A household (nucleo) as the run saw it, with its priority score (punteggio) on the run's day. */
export type RunHousehold = EligibilityHousehold & {
  reference: string;
  /** `YYYY-MM-DD`: entered the programme (start of the waiting time). */
  referredOn: string;
  /**
   * `YYYY-MM-DD`: the day a refusal lost the household its place, when later than `referredOn`: its
   * waiting time counts from then (see the offer rules). Absent when it never lost it.
   */
  waitingFrom?: string;
  /** Units the household refused (declined, or left an offer of to expire); absent: none. */
  refusedUnitIds?: string[];
  score: PriorityScore;
};

export type RunSnapshot = {
  rulesVersion: number;
  rules: RulesVersion;
  /** `YYYY-MM-DD`: the day the rules were applied. */
  today: string;
  /** Mixed into each household's tie-breaker seed ("" → the household id alone). */
  seed: string;
  units: RunUnit[];
  households: RunHousehold[];
  /** Eligible pairs as [unit index, household index, weight = priority × fit]. */
  pairs: [number, number, number][];
  bounds: AllocationBounds;
  /** Holds on the run's units that were active on its day; absent in runs made before holds: none. */
  holds?: UnitHold[];
};

/** One offer of a run, with the human names of both sides. */
export type RunAssignment = {
  unitId: string;
  unitCode: string;
  householdId: string;
  householdReference: string;
  weight: number;
};

/** What a run stores as its result: everything a replay compares and an explanation reads. */
export type RunOutcome = {
  /** See `AnyAllocationResult`: feasible and time_limit come only with partner bounds (HiGHS). */
  status: "optimal" | "feasible" | "infeasible" | "time_limit";
  /** The optimal offers; empty when infeasible (see `closest`). */
  assignments: RunAssignment[];
  /** Infeasible runs: the assignment closest to meeting the mins. */
  closest: RunAssignment[];
  objective: number | null;
  dualBound: number | null;
  gap: number | null;
  counts: AllocationCounts;
  greedyObjective: number;
  certificate: { valid: boolean; problems: string[] };
  violations: (BoundViolation | PartnerBoundViolation)[];
  /** Dual prices in integer micro-units, indexed as the snapshot's units and households. */
  dual: {
    unit: number[];
    household: number[];
    category: Record<string, number>;
    targetGroup: Record<string, number>;
    partner?: Record<string, number>;
  } | null;
  iterations: number;
  pairsConsidered: number;
};

/**
 * The facts a run judges a pair on: its day, the units the household refused, the holds on the unit;
 * rents are at the category's cap (a unit's own rent is set with its tenancy).
 */
export function runPairContext(
  snapshot: Pick<RunSnapshot, "today" | "holds">,
  household: Pick<RunHousehold, "refusedUnitIds">,
  unit: Pick<RunUnit, "id">,
): PairContext {
  return {
    today: snapshot.today,
    refusedUnitIds: household.refusedUnitIds ?? [],
    holds: (snapshot.holds ?? []).filter((hold) => hold.unitId === unit.id),
    rentCentsPerMonth: null,
  };
}

/** A household's tie-breaker seed in a run: its id, prefixed by the run's seed when one is given. */
export const runTieBreakerSeed = (seed: string, householdId: string) =>
  seed === "" ? householdId : `${seed}:${householdId}`;

/**
 * Default bounds: per category, the 39/26/35 mix ± 10 percentage points of the units offered (min
 * rounded down, max rounded up, never below 0 or above all of them).
 */
export function defaultRunBounds(unitsOffered: number): AllocationBounds {
  const category: Partial<Record<UnitCategory, { min: number; max: number }>> = {};
  for (const c of UNIT_CATEGORIES) {
    const share = CATEGORY_TARGET_SHARE[c];
    category[c] = {
      min: Math.max(0, Math.floor((share - 0.1) * unitsOffered + 1e-9)),
      max: Math.min(unitsOffered, Math.ceil((share + 0.1) * unitsOffered - 1e-9)),
    };
  }
  return { category };
}

/**
 * The default bounds of a run once its pairs are known: `defaultRunBounds`, with each category's min
 * lowered to what the eligible pairs could at most give it (its units with an eligible household, and
 * the households eligible for one of them), so a category short of demand does not make the run
 * infeasible; the maxes stand.
 */
export function reachableDefaultBounds(
  units: readonly RunUnit[],
  pairs: readonly (readonly [number, number, number])[],
): AllocationBounds {
  const bounds = defaultRunBounds(units.length);
  const unitsWithPairs = new Map<UnitCategory, Set<number>>();
  const householdsWithPairs = new Map<UnitCategory, Set<number>>();
  for (const [u, h] of pairs) {
    const category = (units[u] as RunUnit).category;
    if (!unitsWithPairs.has(category)) unitsWithPairs.set(category, new Set());
    if (!householdsWithPairs.has(category)) householdsWithPairs.set(category, new Set());
    unitsWithPairs.get(category)?.add(u);
    householdsWithPairs.get(category)?.add(h);
  }
  const category: Partial<Record<UnitCategory, { min: number; max: number }>> = {};
  for (const c of UNIT_CATEGORIES) {
    const bound = bounds.category?.[c] as { min: number; max: number };
    const reachable = Math.min(unitsWithPairs.get(c)?.size ?? 0, householdsWithPairs.get(c)?.size ?? 0);
    category[c] = { min: Math.min(bound.min, reachable), max: bound.max };
  }
  return { category };
}

/** The snapshot of a run: priority scores and every eligible pair weighted priority × fit. */
export function buildRunSnapshot(input: {
  rulesVersion: number;
  rules: RulesVersion;
  today: string;
  seed: string;
  units: readonly RunUnit[];
  households: readonly (Omit<RunHousehold, "score" | "tieBreakerSeed"> & { tieBreakerSeed?: string })[];
  /** The bounds, or "default": `reachableDefaultBounds` of the pairs. */
  bounds: AllocationBounds | "default";
  /** Holds on units; those expired by `today` are left out of the snapshot. */
  holds?: readonly UnitHold[];
}): RunSnapshot {
  const { rules, today, seed } = input;
  const households: RunHousehold[] = input.households.map((h) => {
    const household = { ...h, tieBreakerSeed: runTieBreakerSeed(seed, h.id) };
    const referredOn = h.waitingFrom ?? h.referredOn;
    return { ...household, score: priorityScore(rules, household, { today, referredOn }) };
  });
  const unitIds = new Set(input.units.map((u) => u.id));
  const holds = (input.holds ?? []).filter((x) => x.expiresOn >= today && unitIds.has(x.unitId));
  const snapshot = { today, holds };
  // One context per household, shared by every unit without a hold: no object per pair.
  const contexts = households.map((h) => runPairContext(snapshot, h, { id: "" }));
  const heldUnits = new Set(holds.map((x) => x.unitId));
  const pairs: [number, number, number][] = [];
  input.units.forEach((unit, u) => {
    const held = heldUnits.has(unit.id);
    households.forEach((household, h) => {
      const context = held ? runPairContext(snapshot, household, unit) : (contexts[h] as PairContext);
      if (!isEligible(rules, household, unit, context)) return;
      const weight = Math.min(MAX_WEIGHT, pairWeight(household.score.total, unitFit(rules, household, unit)));
      if (weight > 0) pairs.push([u, h, weight]);
    });
  });
  return {
    rulesVersion: input.rulesVersion,
    rules,
    today,
    seed,
    units: [...input.units],
    households,
    pairs,
    bounds: input.bounds === "default" ? reachableDefaultBounds(input.units, pairs) : input.bounds,
    holds,
  };
}

/** The solver's instance of a snapshot. */
export function instanceOfSnapshot(snapshot: RunSnapshot): AllocationInstance {
  return {
    units: snapshot.units.map((u) => ({
      id: u.id,
      category: u.category,
      partner: u.managingPartnerCode ?? "",
    })),
    households: snapshot.households.map((h) => ({
      id: h.id,
      targetGroup: h.targetGroup,
      priority: h.score.total,
    })),
    pairs: {
      unit: Int32Array.from(snapshot.pairs, (p) => p[0]),
      household: Int32Array.from(snapshot.pairs, (p) => p[1]),
      weight: Float64Array.from(snapshot.pairs, (p) => p[2]),
    },
    bounds: snapshot.bounds,
  };
}

/** Solve a snapshot: the optimum with its certificate checked, and the greedy baseline for comparison. */
export async function replayRun(
  snapshot: RunSnapshot,
  options: { onProgress?: (fraction: number) => void } = {},
): Promise<RunOutcome> {
  const instance = instanceOfSnapshot(snapshot);
  const result = await solveAllocationAnyBounds(instance, { onProgress: options.onProgress });
  const certificate = verifyCertificate(instance, result);
  const greedy = greedyAllocation(instance);
  const unitById = new Map(snapshot.units.map((u) => [u.id, u]));
  const householdById = new Map(snapshot.households.map((h) => [h.id, h]));
  const named = (list: readonly { unit: string; household: string; weight: number }[]) =>
    list.map((a) => ({
      unitId: a.unit,
      unitCode: unitById.get(a.unit)?.code ?? a.unit,
      householdId: a.household,
      householdReference: householdById.get(a.household)?.reference ?? a.household,
      weight: a.weight,
    }));
  const common = {
    greedyObjective: greedy.objective,
    certificate: { valid: certificate.valid, problems: certificate.problems },
    iterations: result.iterations,
    pairsConsidered: result.pairsConsidered,
  };
  switch (result.status) {
    case "optimal":
    case "feasible":
      return {
        status: result.status,
        assignments: named(result.assignments),
        closest: [],
        objective: result.objective,
        dualBound: result.dualBound,
        gap: result.gap,
        counts: result.counts,
        violations: [],
        dual:
          result.dual === null
            ? null
            : {
                unit: Array.from(result.dual.unit),
                household: Array.from(result.dual.household),
                category: result.dual.category,
                targetGroup: result.dual.targetGroup,
                ...(result.dual.partner ? { partner: result.dual.partner } : {}),
              },
        ...common,
      };
    case "infeasible":
      return {
        status: "infeasible",
        assignments: [],
        closest: named(result.closest.assignments),
        objective: null,
        dualBound: null,
        gap: null,
        counts: result.closest.counts,
        violations: result.violations,
        dual: null,
        ...common,
      };
    case "time_limit":
      return {
        status: "time_limit",
        assignments: [],
        closest: [],
        objective: null,
        dualBound: result.dualBound,
        gap: null,
        counts: countsOf(instance, []),
        violations: [],
        dual: null,
        ...common,
      };
  }
}

/** JSON with every object's keys sorted, so equal snapshots give equal text (and equal hashes). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Two outcomes give the same offers and the same objective (and status). */
export function sameOutcome(a: RunOutcome, b: RunOutcome): boolean {
  const key = (list: readonly RunAssignment[]) =>
    list
      .map((x) => `${x.unitId}>${x.householdId}:${x.weight}`)
      .sort()
      .join("|");
  return (
    a.status === b.status &&
    a.objective === b.objective &&
    key(a.assignments) === key(b.assignments) &&
    key(a.closest) === key(b.closest)
  );
}
