// SPDX-License-Identifier: EUPL-1.2
import { TARGET_GROUPS } from "../households/household.schema.ts";
import { UNIT_CATEGORIES } from "../units/unit.schema.ts";
import {
  type AllocationCounts,
  type AllocationInstance,
  type Assignment,
  countsOf,
  scaleWeight,
  WEIGHT_SCALE,
} from "./assignment.ts";

export type GreedyAllocation = {
  assignments: Assignment[];
  /** Σ weight, in the original units (summed in micro-units, as the optimiser does). */
  objective: number;
  counts: AllocationCounts;
  /** Greedy never looks ahead, so it may leave a category or group below its min. */
  meetsMins: boolean;
};

/**
 * The baseline of the anchors (one vacancy at a time, fixed order): households in descending priority
 * (ties: instance order) each take their best free feasible unit, skipping units of a category, and
 * households of a group, already at its max.
 */
export function greedyAllocation(instance: AllocationInstance): GreedyAllocation {
  const { units, households, pairs, bounds } = instance;
  const nH = households.length;
  const start = new Int32Array(nH + 1);
  for (let i = 0; i < pairs.household.length; i++) {
    const next = (pairs.household[i] as number) + 1;
    start[next] = (start[next] as number) + 1;
  }
  for (let h = 0; h < nH; h++) start[h + 1] = (start[h + 1] as number) + (start[h] as number);
  const fill = start.slice(0, nH);
  const order = new Int32Array(pairs.household.length);
  for (let i = 0; i < pairs.household.length; i++) {
    const h = pairs.household[i] as number;
    const slot = fill[h] as number;
    order[slot] = i;
    fill[h] = slot + 1;
  }
  const priority = households.map((household, h) => {
    if (household.priority !== undefined) return household.priority;
    let best = 0;
    for (let k = start[h] as number; k < (start[h + 1] as number); k++) {
      best = Math.max(best, pairs.weight[order[k] as number] as number);
    }
    return best;
  });
  const byPriority = households
    .map((_, h) => h)
    .sort((a, b) => (priority[b] as number) - (priority[a] as number) || a - b);

  const unitCategory = units.map((u) => UNIT_CATEGORIES.indexOf(u.category));
  const householdGroup = households.map((h) => TARGET_GROUPS.indexOf(h.targetGroup));
  const categoryMax = UNIT_CATEGORIES.map((c) => bounds.category?.[c]?.max ?? Number.POSITIVE_INFINITY);
  const groupMax = TARGET_GROUPS.map((g) => bounds.targetGroup?.[g]?.max ?? Number.POSITIVE_INFINITY);
  const categoryCount = new Array<number>(UNIT_CATEGORIES.length).fill(0);
  const groupCount = new Array<number>(TARGET_GROUPS.length).fill(0);
  const taken = new Uint8Array(units.length);
  const assignments: Assignment[] = [];
  let scaled = 0;
  for (const h of byPriority) {
    const g = householdGroup[h] as number;
    if ((groupCount[g] as number) >= (groupMax[g] as number)) continue;
    let best = -1;
    let bestWeight = Number.NEGATIVE_INFINITY;
    for (let k = start[h] as number; k < (start[h + 1] as number); k++) {
      const i = order[k] as number;
      const u = pairs.unit[i] as number;
      const w = pairs.weight[i] as number;
      if (taken[u] || w <= bestWeight) continue;
      const c = unitCategory[u] as number;
      if ((categoryCount[c] as number) >= (categoryMax[c] as number)) continue;
      best = i;
      bestWeight = w;
    }
    if (best < 0) continue;
    const u = pairs.unit[best] as number;
    taken[u] = 1;
    const c = unitCategory[u] as number;
    categoryCount[c] = (categoryCount[c] as number) + 1;
    groupCount[g] = (groupCount[g] as number) + 1;
    scaled += scaleWeight(bestWeight);
    assignments.push({ unit: units[u]?.id ?? "", household: households[h]?.id ?? "", weight: bestWeight });
  }
  const counts = countsOf(instance, assignments);
  const meetsMins =
    UNIT_CATEGORIES.every((c) => counts.category[c] >= (bounds.category?.[c]?.min ?? 0)) &&
    TARGET_GROUPS.every((g) => counts.targetGroup[g] >= (bounds.targetGroup?.[g]?.min ?? 0));
  return { assignments, objective: scaled / WEIGHT_SCALE, counts, meetsMins };
}
