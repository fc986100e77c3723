// SPDX-License-Identifier: EUPL-1.2
import { standardFor } from "../eligibility/eligibility.ts";
import type { RulesVersion } from "../eligibility/rules.schema.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../units/unit.schema.ts";
import type { DemandRow, FitWeights } from "./designation.schema.ts";

/** Fit costs are kept in integer thousandths of a point, so sums and comparisons are exact. */
export const FIT_SCALE = 1000;

type SizedUnit = { rooms: number; surfaceM2: number };

// Surfaces have at most two decimals: compare in hundredths of m², as eligibility does.
const centiM2 = (value: number) => Math.round(value * 100);

/** The unit meets the minimums (surface, rooms) of a household of `size`. */
function bigEnough(rules: RulesVersion, u: SizedUnit, size: number): boolean {
  const s = standardFor(rules, size);
  return centiM2(u.surfaceM2) >= centiM2(s.minSurfaceM2) && u.rooms >= s.minRooms;
}

/**
 * How badly a unit suits a household of `size`, in points: persons too many for it (the household of
 * the largest size ≤ `size` whose minimums it meets) times `tooSmallPerPerson`, plus persons too few
 * (the smallest size ≥ `size` whose maxRooms it respects) times `tooLargePerPerson`. 0: it fits the
 * size standard.
 */
export function sizeMismatch(rules: RulesVersion, weights: FitWeights, u: SizedUnit, size: number): number {
  let small = 0;
  let t = size;
  while (t >= 1 && !bigEnough(rules, u, t)) t -= 1;
  small = size - t;
  // maxRooms grows by one per person beyond the table, so this loop ends by size + rooms.
  let large = 0;
  let v = size;
  while (u.rooms > standardFor(rules, v).maxRooms) v += 1;
  large = v - size;
  return small * weights.tooSmallPerPerson + large * weights.tooLargePerPerson;
}

export type CategoryDemand = Record<UnitCategory, { size: number; households: number }[]>;

export function demandByCategory(rows: readonly DemandRow[]): CategoryDemand {
  const out: CategoryDemand = { calmierato: [], calmierato_ridotto: [], fragilita: [] };
  for (const r of rows)
    if (r.households > 0) out[r.category].push({ size: r.size, households: r.households });
  return out;
}

/**
 * The fit cost of giving a unit category c, in thousandths of a point: the mean size mismatch over the
 * waiting households of c (each household counts once), or `noDemand` when nobody of c is waiting.
 */
export function fitCost(
  rules: RulesVersion,
  weights: FitWeights,
  demand: CategoryDemand,
  u: SizedUnit,
  category: UnitCategory,
): number {
  const rows = demand[category];
  const total = rows.reduce((sum, r) => sum + r.households, 0);
  if (total === 0) return Math.round(weights.noDemand * FIT_SCALE);
  const sum = rows.reduce((acc, r) => acc + r.households * sizeMismatch(rules, weights, u, r.size), 0);
  return Math.round((sum / total) * FIT_SCALE);
}

/** Mean household size waiting in each category (null: none waiting), for the reasons. */
export function meanWaitingSize(demand: CategoryDemand): Record<UnitCategory, number | null> {
  const out = {} as Record<UnitCategory, number | null>;
  for (const c of UNIT_CATEGORIES) {
    const total = demand[c].reduce((s, r) => s + r.households, 0);
    out[c] = total === 0 ? null : demand[c].reduce((s, r) => s + r.size * r.households, 0) / total;
  }
  return out;
}
