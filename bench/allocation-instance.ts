// SPDX-License-Identifier: EUPL-1.2

import type {
  AllocationBounds,
  AllocationHousehold,
  AllocationInstance,
  AllocationUnit,
} from "../src/domain/allocation/assignment.ts";
import type { TargetGroup } from "../src/domain/households/household.schema.ts";
import { seededRandom } from "../src/domain/shared/random.ts";
import { apportion, CATEGORY_TARGET_SHARE } from "../src/domain/units/stock-summary.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../src/domain/units/unit.schema.ts";

/** The seed of every synthetic allocation instance: the same seed gives the same instance. */
export const ALLOCATION_SEED = 20260512;

const GROUP_SHARE: readonly [TargetGroup, number][] = [
  ["famiglia", 25],
  ["monoparentale", 15],
  ["anziano_solo", 14],
  ["neo_maggiorenni", 10],
  ["persona_con_disabilita", 9],
  ["donna_sola", 14],
  ["uomo_solo", 13],
];

/**
 * Which categories a household may be offered, as the rules would decide from ISEE band and referral:
 * social-services referrals (fragilità, some also ridotto), low ISEE (ridotto, some also calmierato),
 * middle ISEE (calmierato).
 */
const ELIGIBILITY: readonly [readonly UnitCategory[], number][] = [
  [["fragilita"], 24],
  [["fragilita", "calmierato_ridotto"], 12],
  [["calmierato_ridotto"], 12],
  [["calmierato_ridotto", "calmierato"], 26],
  [["calmierato"], 26],
];

function weighted<T>(roll: number, weights: readonly (readonly [T, number])[]): T {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let left = roll * total;
  for (const [value, w] of weights) {
    left -= w;
    if (left < 0) return value;
  }
  return (weights.at(-1) as readonly [T, number])[0];
}

export type InstanceOptions = {
  units: number;
  households: number;
  seed?: number;
  /** Category bounds: ±`slack` around the 39/26/35 mix of the units offered (default 0.1). */
  slack?: number;
  /** Extra bounds, e.g. a fragilità max for the educators' capacity, target-group mins, partner bounds. */
  bounds?: AllocationBounds;
};

/**
 * A fictional allocation round: units in the 39/26/35 mix with rooms, zone and step-free access;
 * households with a target group, size, eligible categories, preferred zone and a priority 1–100 from the
 * criteria (with a stored random tie-breaker). A pair is feasible when the category is eligible, the rooms
 * suit the household size (at least size/2, at most two more) and, for a person with disabilities, the
 * unit is step-free. Weight = priority × fit, fit 0.35–1 from room match, zone and floor.
 */
export function allocationInstance(options: InstanceOptions): AllocationInstance {
  const random = seededRandom(options.seed ?? ALLOCATION_SEED);
  const mix = apportion(options.units, CATEGORY_TARGET_SHARE, UNIT_CATEGORIES);
  const categories = random.shuffle(UNIT_CATEGORIES.flatMap((c) => new Array<UnitCategory>(mix[c]).fill(c)));
  const unitRooms = new Int32Array(options.units);
  const unitZone = new Int32Array(options.units);
  const unitStepFree = new Uint8Array(options.units);
  const unitFloor = new Int32Array(options.units);
  const units: AllocationUnit[] = categories.map((category, u) => {
    unitRooms[u] = random.pick([1, 2, 2, 3, 3, 3, 4, 4, 5]);
    unitZone[u] = random.int(0, 11);
    unitStepFree[u] = random.next() < 0.35 ? 1 : 0;
    unitFloor[u] = random.int(0, 6);
    return { id: `U${String(u).padStart(4, "0")}`, category, partner: `ETS-B${random.int(1, 6)}` };
  });

  const households: AllocationHousehold[] = [];
  const size = new Int32Array(options.households);
  const zone = new Int32Array(options.households);
  const eligible: (readonly UnitCategory[])[] = [];
  for (let h = 0; h < options.households; h++) {
    const targetGroup = weighted(random.next(), GROUP_SHARE);
    size[h] =
      targetGroup === "famiglia"
        ? random.int(3, 6)
        : targetGroup === "monoparentale"
          ? random.int(2, 4)
          : random.next() < 0.85
            ? 1
            : 2;
    zone[h] = random.int(0, 11);
    eligible.push(weighted(random.next(), ELIGIBILITY));
    // Criteria points (0–80, skewed low: few households meet many criteria) + waiting time (0–15) +
    // tie-breaker (< 1).
    const criteria = Math.floor(80 * random.next() ** 2);
    const waiting = random.int(0, 15);
    const priority = Math.round((5 + criteria + waiting + random.next()) * 1000) / 1000;
    households.push({ id: `H${String(h).padStart(5, "0")}`, targetGroup, priority });
  }

  const pairUnit: number[] = [];
  const pairHousehold: number[] = [];
  const pairWeight: number[] = [];
  for (let h = 0; h < options.households; h++) {
    const household = households[h] as AllocationHousehold;
    const needsStepFree =
      household.targetGroup === "persona_con_disabilita" || household.targetGroup === "anziano_solo";
    const minRooms = Math.ceil((size[h] as number) / 2);
    const categoriesOk = eligible[h] as readonly UnitCategory[];
    for (let u = 0; u < options.units; u++) {
      const rooms = unitRooms[u] as number;
      if (rooms < minRooms || rooms > minRooms + 3) continue;
      if (!categoriesOk.includes((units[u] as AllocationUnit).category)) continue;
      if (needsStepFree && !unitStepFree[u] && (unitFloor[u] as number) > 1) continue;
      const roomFit =
        rooms === minRooms ? 1 : rooms === minRooms + 1 ? 0.85 : rooms === minRooms + 2 ? 0.7 : 0.55;
      const zoneFit = unitZone[u] === zone[h] ? 1 : 0.55 + 0.4 * random.next();
      const fit = Math.max(0.35, roomFit * zoneFit);
      pairUnit.push(u);
      pairHousehold.push(h);
      pairWeight.push(Math.round((household.priority ?? 1) * fit * 10_000) / 10_000);
    }
  }

  const slack = options.slack ?? 0.1;
  const category: AllocationBounds["category"] = {};
  for (const c of UNIT_CATEGORIES) {
    const target = CATEGORY_TARGET_SHARE[c] * options.units;
    category[c] = { min: Math.floor(target * (1 - slack)), max: Math.ceil(target * (1 + slack)) };
  }
  return {
    units,
    households,
    pairs: {
      unit: Int32Array.from(pairUnit),
      household: Int32Array.from(pairHousehold),
      weight: Float64Array.from(pairWeight),
    },
    bounds: {
      category: { ...category, ...options.bounds?.category },
      ...(options.bounds?.targetGroup ? { targetGroup: options.bounds.targetGroup } : {}),
      ...(options.bounds?.partner ? { partner: options.bounds.partner } : {}),
    },
  };
}
