// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { TargetGroup } from "../households/household.schema.ts";
import { UnitCategory } from "../units/unit.schema.ts";
import {
  type AllocationInstance,
  type AnyAllocationResult,
  type DualPrices,
  MAX_WEIGHT,
} from "./assignment.ts";

/*
 * The documented JSON instance of a joint assignment, read by `npm run allocate -- --input
 * instance.json` and by anyone who wants to check a run independently:
 *
 * {
 *   "units":      [{ "id": "MI3-000042", "category": "fragilita", "partner": "ETS-B2" }, …],
 *   "households": [{ "id": "N-2031", "targetGroup": "neo_maggiorenni", "priority": 71.5 }, …],
 *   "pairs":      [{ "unit": "MI3-000042", "household": "N-2031", "weight": 64.35 }, …],
 *   "bounds": {
 *     "category":    { "calmierato": { "min": 250, "max": 310 }, … },
 *     "targetGroup": { "neo_maggiorenni": { "min": 40 } },
 *     "partner":     { "ETS-B2": { "max": 30 } }
 *   }
 * }
 *
 * Only the listed pairs are feasible; weight = priority × fit, > 0 and ≤ 1,000,000, compared in
 * micro-units. A bound may give min, max or both; a min above its max is accepted here and reported as
 * infeasible by the solver, with the bound named. Partner bounds (keyed by the units' `partner`) are
 * solved as a MIP (`solveAllocationAnyBounds`), without a dual certificate.
 */

const Id = (what: string) =>
  z
    .string({ error: `${what} id is required` })
    .min(1, { error: `${what} id is required` })
    .max(100, { error: `${what} id: at most 100 characters` });

const Count = z
  .number({ error: "Use a whole number ≥ 0" })
  .int({ error: "Use a whole number ≥ 0" })
  .min(0, { error: "Use a whole number ≥ 0" });

/** Min and/or max number of assignments. */
export const CountBoundFile = z.object({ min: Count.optional(), max: Count.optional() });

/** Bounds per category (tipologia) and, optionally, per target group: the network's, as runs take them. */
export const AllocationBoundsFile = z.object({
  category: z.partialRecord(UnitCategory, CountBoundFile).default({}),
  targetGroup: z.partialRecord(TargetGroup, CountBoundFile).optional(),
});

/** Bounds per managing partner (ente gestore), keyed by the units' `partner` code. */
export const PartnerBoundsFile = z.record(
  z
    .string()
    .min(1, { error: "Partner code is required" })
    .max(40, { error: "Partner code: at most 40 characters" }),
  CountBoundFile,
);

/** The bounds of an instance file: the network's and, optionally, per managing partner (solved as a MIP). */
export const AllocationInstanceBoundsFile = AllocationBoundsFile.extend({
  partner: PartnerBoundsFile.optional(),
});

/** One joint assignment problem as a JSON file. */
export const AllocationInstanceFile = z
  .object({
    units: z.array(z.object({ id: Id("Unit"), category: UnitCategory, partner: z.string().max(40) })),
    households: z.array(
      z.object({
        id: Id("Household"),
        targetGroup: TargetGroup,
        priority: z.number().finite().min(0).optional(),
      }),
    ),
    pairs: z.array(
      z.object({
        unit: Id("Unit"),
        household: Id("Household"),
        weight: z
          .number({ error: "Weight is required" })
          .positive({ error: "Weight must be > 0" })
          .max(MAX_WEIGHT, { error: `Weight: at most ${MAX_WEIGHT}` }),
      }),
    ),
    bounds: AllocationInstanceBoundsFile.default({ category: {} }),
  })
  .superRefine((file, ctx) => {
    const units = new Map<string, number>();
    file.units.forEach((u, i) => {
      if (units.has(u.id))
        ctx.addIssue({ code: "custom", path: ["units", i, "id"], message: `Unit ${u.id} twice` });
      units.set(u.id, i);
    });
    const households = new Map<string, number>();
    file.households.forEach((h, i) => {
      if (households.has(h.id)) {
        ctx.addIssue({ code: "custom", path: ["households", i, "id"], message: `Household ${h.id} twice` });
      }
      households.set(h.id, i);
    });
    const seen = new Set<number>();
    file.pairs.forEach((p, i) => {
      const u = units.get(p.unit);
      const h = households.get(p.household);
      if (u === undefined)
        ctx.addIssue({ code: "custom", path: ["pairs", i, "unit"], message: `Unknown unit ${p.unit}` });
      if (h === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["pairs", i, "household"],
          message: `Unknown household ${p.household}`,
        });
      }
      if (u === undefined || h === undefined) return;
      const key = u * file.households.length + h;
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["pairs", i],
          message: `Pair ${p.unit} → ${p.household} twice`,
        });
      }
      seen.add(key);
    });
  });
export type AllocationInstanceFile = z.infer<typeof AllocationInstanceFile>;

/** The solver's instance (pairs as index columns) from a parsed file. */
export function instanceFromFile(file: AllocationInstanceFile): AllocationInstance {
  const unitIndex = new Map(file.units.map((u, i) => [u.id, i]));
  const householdIndex = new Map(file.households.map((h, i) => [h.id, i]));
  return {
    units: file.units,
    households: file.households,
    pairs: {
      unit: Int32Array.from(file.pairs, (p) => unitIndex.get(p.unit) ?? -1),
      household: Int32Array.from(file.pairs, (p) => householdIndex.get(p.household) ?? -1),
      weight: Float64Array.from(file.pairs, (p) => p.weight),
    },
    bounds: file.bounds,
  };
}

/** Dual prices keyed by id, as the result file shows them (integer micro-units). */
export type DualPricesFile = {
  unit: Record<string, number>;
  household: Record<string, number>;
  category: DualPrices["category"];
  targetGroup: DualPrices["targetGroup"];
  /** Per partner code: MIP results (partner bounds) only. */
  partner?: Record<string, number>;
};

/** A result as plain JSON: typed arrays become objects keyed by unit and household id (a MIP has no dual). */
export function resultToFile(instance: AllocationInstance, result: AnyAllocationResult) {
  const prices = (dual: DualPrices): DualPricesFile => ({
    unit: Object.fromEntries(instance.units.map((u, i) => [u.id, dual.unit[i] as number])),
    household: Object.fromEntries(instance.households.map((h, i) => [h.id, dual.household[i] as number])),
    category: dual.category,
    targetGroup: dual.targetGroup,
    ...(dual.partner ? { partner: dual.partner } : {}),
  });
  switch (result.status) {
    case "optimal":
    case "feasible":
      return { ...result, dual: result.dual === null ? null : prices(result.dual) };
    case "infeasible":
      return { ...result, ray: result.ray === null ? null : prices(result.ray) };
    case "time_limit":
      return result;
  }
}
