// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { UNIT_CATEGORIES, UnitCategory } from "../units/unit.schema.ts";

const Whole = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a whole number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be from ${min} to ${max}` })
    .max(max, { error: `${name} must be from ${min} to ${max}` });
const Points = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .min(0, { error: `${name} cannot be negative` })
    .max(1000, { error: `${name} must be at most 1000` });
const Percent = (name: string) =>
  z
    .number({ error: `${name} must be a percentage` })
    .min(0, { error: `${name} must be from 0 to 100` })
    .max(100, { error: `${name} must be from 0 to 100` });

/** A unit as the designation sees it: its size and its current category (tipologia), if any. */
export const DesignationUnit = z.object({
  id: z.string().min(1, { error: "Unit id is required" }),
  /** Current category; null: not yet designated. */
  category: UnitCategory.nullable(),
  rooms: Whole("rooms", 1, 20),
  surfaceM2: z.number().gt(0, { error: "Surface must be greater than 0 m²" }).max(1000),
  /** The Comune does not want this designation changed (only meaningful with a category). */
  locked: z.boolean().default(false),
  /**
   * The categories this unit may take, e.g. the ambiti of its managing partner (an Area B partner
   * manages units of its ambiti only); every category when absent. Ignored for a locked unit.
   */
  allowed: z
    .array(UnitCategory)
    .min(1, { error: "A unit must be allowed at least one category" })
    .max(UNIT_CATEGORIES.length)
    .optional(),
});
export type DesignationUnit = z.infer<typeof DesignationUnit>;

/** Waiting households (nuclei in attesa) of one category and one household size. */
export const DemandRow = z.object({
  category: UnitCategory,
  /** Household members. */
  size: Whole("size", 1, 20),
  households: Whole("households", 0, 1_000_000),
});
export type DemandRow = z.infer<typeof DemandRow>;

const CountBounds = z
  .object({ min: Whole("min", 0, 100_000), max: Whole("max", 0, 100_000) })
  .refine((b) => b.min <= b.max, { error: "min must not exceed max", path: ["max"] });
/** Explicit unit counts allowed for a category (both ends included). */
export type CountBounds = z.infer<typeof CountBounds>;

/** Default mix, Avviso §3 (percent of the whole stock). */
export const DEFAULT_TARGET_PERCENT: Record<UnitCategory, number> = {
  calmierato: 39,
  calmierato_ridotto: 26,
  fragilita: 35,
};
export const DEFAULT_TOLERANCE_POINTS = 3;

/** How far from the waiting households' sizes a unit may be, in points of cost. */
export const FitWeights = z.object({
  /** Cost per person a unit is too small for (its surface or rooms are below the household's standard). */
  tooSmallPerPerson: Points("tooSmallPerPerson").default(2),
  /** Cost per person a unit is too large for (more rooms than the household's standard allows). */
  tooLargePerPerson: Points("tooLargePerPerson").default(1),
  /** Cost of giving a unit to a category with no waiting household at all. */
  noDemand: Points("noDemand").default(5),
});
export type FitWeights = z.infer<typeof FitWeights>;

/**
 * What the Comune may set for a designation: the mix (target shares and tolerance, or explicit counts)
 * and the fit weights. Every field has a default (39/26/35 ± 3 points).
 */
export const DesignationSettings = z.object({
  /** Target share of each category in percent of all units; they must add up to 100. */
  targetPercent: z
    .object({
      calmierato: Percent("targetPercent.calmierato"),
      calmierato_ridotto: Percent("targetPercent.calmierato_ridotto"),
      fragilita: Percent("targetPercent.fragilita"),
    })
    .default(DEFAULT_TARGET_PERCENT)
    .refine((t) => Math.abs(UNIT_CATEGORIES.reduce((s, c) => s + t[c], 0) - 100) < 1e-9, {
      error: "targetPercent must add up to 100",
    }),
  /** Allowed deviation from the target, in percentage points, per category. */
  tolerancePoints: Percent("tolerancePoints").default(DEFAULT_TOLERANCE_POINTS),
  /** Explicit counts that replace the percentage bounds of a category. */
  bounds: z
    .object({
      calmierato: CountBounds.optional(),
      calmierato_ridotto: CountBounds.optional(),
      fragilita: CountBounds.optional(),
    })
    .default({}),
  weights: FitWeights.default({ tooSmallPerPerson: 2, tooLargePerPerson: 1, noDemand: 5 }),
});
export type DesignationSettings = z.input<typeof DesignationSettings>;
export type DesignationSettingsParsed = z.output<typeof DesignationSettings>;

/** The input of `proposeDesignation`: the stock, the waiting list by size, the mix and its tolerance. */
export const DesignationInput = DesignationSettings.extend({
  units: z.array(DesignationUnit).max(5000),
  demand: z.array(DemandRow).default([]),
}).superRefine((input, ctx) => {
  const seen = new Set<string>();
  input.units.forEach((u, i) => {
    if (seen.has(u.id))
      ctx.addIssue({ code: "custom", path: ["units", i, "id"], message: "Duplicate unit id" });
    seen.add(u.id);
    if (u.locked && u.category === null)
      ctx.addIssue({
        code: "custom",
        path: ["units", i, "locked"],
        message: "Only a designated unit can be locked",
      });
  });
});
export type DesignationInput = z.input<typeof DesignationInput>;
export type DesignationInputParsed = z.output<typeof DesignationInput>;
