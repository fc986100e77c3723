// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { TARGET_GROUPS, type TargetGroup } from "../households/household.schema.ts";
import { seededRandom } from "../shared/random.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../units/unit.schema.ts";
import {
  type AllocationBounds,
  type AllocationInstance,
  type CountBound,
  scaleWeight,
} from "./assignment.ts";

/**
 * A small instance written as the domain reads: units by category, households by group, pair weights.
 * Partners: `partners[i]` for unit i, by default ETS-0 and ETS-1 in turn.
 */
export function smallInstance(options: {
  units: readonly UnitCategory[];
  partners?: readonly string[];
  households: readonly TargetGroup[];
  /** [unit index, household index, weight]. */
  pairs: readonly (readonly [number, number, number])[];
  bounds?: AllocationBounds;
}): AllocationInstance {
  return {
    units: options.units.map((category, i) => ({
      id: `U${i}`,
      category,
      partner: options.partners?.[i] ?? `ETS-${i % 2}`,
    })),
    households: options.households.map((targetGroup, i) => ({ id: `H${i}`, targetGroup })),
    pairs: {
      unit: Int32Array.from(options.pairs, (p) => p[0]),
      household: Int32Array.from(options.pairs, (p) => p[1]),
      weight: Float64Array.from(options.pairs, (p) => p[2]),
    },
    bounds: options.bounds ?? {},
  };
}

/**
 * The best Σ scaled weight over every matching that meets the bounds (category, target group and
 * partner), by enumeration; null when none does. For instances of a handful of units and households only.
 */
export function bruteForceOptimum(instance: AllocationInstance): number | null {
  const { units, households, pairs, bounds } = instance;
  const options = units.map(() => [] as { h: number; w: number }[]);
  for (let i = 0; i < pairs.unit.length; i++) {
    options[pairs.unit[i] as number]?.push({
      h: pairs.household[i] as number,
      w: scaleWeight(pairs.weight[i] as number),
    });
  }
  const byCategory = new Map<string, number>();
  const byGroup = new Map<string, number>();
  const byPartner = new Map<string, number>();
  const within = (count: number, bound: { min?: number; max?: number } | undefined) =>
    count >= (bound?.min ?? 0) && count <= (bound?.max ?? Number.POSITIVE_INFINITY);
  let best: number | null = null;
  const used = new Set<number>();
  const visit = (u: number, sum: number) => {
    if (u === units.length) {
      const ok =
        UNIT_CATEGORIES.every((c) => within(byCategory.get(c) ?? 0, bounds.category?.[c])) &&
        TARGET_GROUPS.every((g) => within(byGroup.get(g) ?? 0, bounds.targetGroup?.[g])) &&
        Object.entries(bounds.partner ?? {}).every(([p, b]) => within(byPartner.get(p) ?? 0, b));
      if (ok && (best === null || sum > best)) best = sum;
      return;
    }
    visit(u + 1, sum);
    const category = units[u]?.category as UnitCategory;
    const partner = units[u]?.partner as string;
    for (const { h, w } of options[u] ?? []) {
      if (used.has(h)) continue;
      const group = households[h]?.targetGroup as TargetGroup;
      used.add(h);
      byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
      byGroup.set(group, (byGroup.get(group) ?? 0) + 1);
      byPartner.set(partner, (byPartner.get(partner) ?? 0) + 1);
      visit(u + 1, sum + w);
      byPartner.set(partner, (byPartner.get(partner) ?? 0) - 1);
      byGroup.set(group, (byGroup.get(group) ?? 0) - 1);
      byCategory.set(category, (byCategory.get(category) ?? 0) - 1);
      used.delete(h);
    }
  };
  visit(0, 0);
  return best;
}

/**
 * A seeded random instance: each pair feasible with probability `density`, weight = priority × fit
 * (priority 1–100 per household, fit 0.2–1 per pair), category bounds ±`slack` around the stock.
 */
export function randomInstance(options: {
  seed: number;
  units: number;
  households: number;
  density: number;
  slack?: number;
  groupBounds?: AllocationBounds["targetGroup"];
}): AllocationInstance {
  const random = seededRandom(options.seed);
  const units = Array.from({ length: options.units }, (_, i) => ({
    id: `U${i}`,
    category: random.pick(UNIT_CATEGORIES),
    partner: `ETS-${random.int(1, 4)}`,
  }));
  const households = Array.from({ length: options.households }, (_, i) => ({
    id: `H${i}`,
    targetGroup: random.pick(TARGET_GROUPS),
    priority: random.int(100, 10_000) / 100,
  }));
  const unit: number[] = [];
  const household: number[] = [];
  const weight: number[] = [];
  for (let u = 0; u < units.length; u++) {
    for (let h = 0; h < households.length; h++) {
      if (random.next() >= options.density) continue;
      unit.push(u);
      household.push(h);
      weight.push(Math.round((households[h]?.priority ?? 1) * (0.2 + 0.8 * random.next()) * 1000) / 1000);
    }
  }
  const slack = options.slack ?? 0.1;
  const category: AllocationBounds["category"] = {};
  for (const c of UNIT_CATEGORIES) {
    const size = units.filter((u) => u.category === c).length;
    category[c] = { min: Math.floor(size * (1 - slack)), max: Math.ceil(size * (1 - slack / 2)) };
  }
  return {
    units,
    households,
    pairs: {
      unit: Int32Array.from(unit),
      household: Int32Array.from(household),
      weight: Float64Array.from(weight),
    },
    bounds: { category, ...(options.groupBounds ? { targetGroup: options.groupBounds } : {}) },
  };
}

// Random bounds and weights shared by the optimiser's property tests.

/** Three target groups: enough for group bounds to interact. */
export const GROUPS = [
  "famiglia",
  "neo_maggiorenni",
  "anziano_solo",
] as const satisfies readonly TargetGroup[];

/** A bound drawn relative to the count it limits: none, min, max or both; now and then self-contradicting. */
export const boundSpec = fc.record({
  sides: fc.oneof(
    { arbitrary: fc.constantFrom("none", "min", "max", "both"), weight: 30 },
    { arbitrary: fc.constant("contradiction"), weight: 1 },
  ),
  a: fc.integer({ min: 0, max: 99 }),
  b: fc.integer({ min: 0, max: 99 }),
});
export type BoundSpec = typeof boundSpec extends fc.Arbitrary<infer T> ? T : never;

export function boundOf({ sides, a, b }: BoundSpec, size: number): CountBound | undefined {
  const min = Math.floor((a / 100) * (size + 1));
  const max = Math.floor((b / 100) * (size + 2));
  switch (sides) {
    case "none":
      return undefined;
    case "min":
      return { min };
    case "max":
      return { max };
    case "both":
      return { min, max: min + Math.floor((b / 100) * (size + 1 - min)) };
    case "contradiction":
      return { min: max + 1, max };
  }
}

// Small integers make ties; micro-unit decimals check the scaling.
export const weight = fc.oneof(
  fc.integer({ min: 1, max: 4 }),
  fc.integer({ min: 1, max: 100_000_000 }).map((x) => x / 1_000_000),
);
