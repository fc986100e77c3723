// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { UnitCategory, UnitStatus } from "../units/unit.schema.ts";
import { DesignationSettings } from "./designation.schema.ts";

/*
 * The request and response bodies of the designation API (proposal, confirmation, mix dashboard),
 * shared by the server (which names them in the OpenAPI document) and the web client.
 */

/** What a proposal takes: the mix settings (default 39/26/35 ± 3 points) and how to read provisional categories. */
export const DesignationProposalInput = DesignationSettings.extend({
  /**
   * `refit` (default): the provisional category of a unit to be renovated or being renovated counts as
   * not yet designated, and the unit gets the category that best fits the waiting households within
   * the mix; `keep`: provisional categories change only as far as the mix needs.
   */
  provisional: z.enum(["refit", "keep"], { error: "provisional: use refit or keep" }).default("refit"),
});
export type DesignationProposalInput = z.input<typeof DesignationProposalInput>;

const PerCategory = <T extends z.ZodType>(value: T) =>
  z.object({ calmierato: value, calmierato_ridotto: value, fragilita: value });

/** One category of the mix (tipologia): its units against the target and the bounds. */
export const DesignationMixRow = z.object({
  category: UnitCategory,
  /** Units of the category. */
  count: z.number().int(),
  /** Of which with a provisional category (to be renovated or being renovated). */
  designable: z.number().int(),
  /** Share of all units, in percent (two decimals). */
  percent: z.number(),
  targetPercent: z.number(),
  /** Allowed unit counts, both included (target ± tolerance, or explicit). */
  min: z.number().int(),
  max: z.number().int(),
  withinBounds: z.boolean(),
});
export type DesignationMixRow = z.infer<typeof DesignationMixRow>;

/** The category mix of the stock. */
export const DesignationMix = z.object({
  total: z.number().int(),
  /** Units whose category is provisional and may be designated. */
  designable: z.number().int(),
  rows: z.array(DesignationMixRow),
});
export type DesignationMix = z.infer<typeof DesignationMix>;

/** A unit in a proposal: its category now, the one proposed, and why. */
export const DesignationProposalUnit = z.object({
  unitId: z.uuid(),
  code: z.string(),
  status: UnitStatus,
  /** The version to send back when confirming (optimistic concurrency). */
  version: z.number().int(),
  currentCategory: UnitCategory,
  proposedCategory: UnitCategory,
  /** `locked`: not designable; `keep`/`change`: provisional category kept or changed; `designate`: refitted. */
  action: z.enum(["locked", "keep", "designate", "change"]),
  /** The proposed category differs from the current one: confirming would change it. */
  changed: z.boolean(),
  /** Fit cost of each category for this unit, in points (lower fits the waiting households better). */
  fitPoints: PerCategory(z.number()),
  reason: z.string(),
});
export type DesignationProposalUnit = z.infer<typeof DesignationProposalUnit>;

/** A bound no designation can meet. */
export const DesignationViolationView = z.object({
  kind: z.enum(["max", "min", "sum_of_minima", "sum_of_maxima", "pair_max"]),
  /** The categories the bound is about (none for the sums over all of them). */
  categories: z.array(UnitCategory),
  limit: z.number().int(),
  message: z.string(),
});

/** A proposed designation, or why none exists. */
export const DesignationProposal = z.object({
  status: z.enum(["ok", "infeasible"]),
  /** The allocation rules version whose size standards judged the fit. */
  rulesVersion: z.number().int(),
  provisional: z.enum(["refit", "keep"]),
  /** Every unit, in code order; empty when infeasible. */
  units: z.array(DesignationProposalUnit),
  /** Units whose category confirming the proposal would change. */
  changes: z.number().int(),
  /** Total fit cost of the designable units, in points; null when infeasible. */
  fitPoints: z.number().nullable(),
  before: DesignationMix,
  /** The mix after confirming; null when infeasible. */
  after: DesignationMix.nullable(),
  /** The bounds that cannot be met (empty when ok). */
  violations: z.array(DesignationViolationView),
});
export type DesignationProposal = z.infer<typeof DesignationProposal>;

/** The Comune confirms a proposal, or an edited one: the categories to give, and why. */
export const DesignationConfirmInput = z.object({
  /** Motivazione: recorded in each changed unit's history. */
  reason: z
    .string({ error: "Reason is required" })
    .trim()
    .min(3, { error: "Reason is required (at least 3 characters)" })
    .max(500, { error: "Reason: at most 500 characters" }),
  assignments: z
    .array(
      z.object({
        unitId: z.string({ error: "Unit id is required" }).min(1, { error: "Unit id is required" }).max(100),
        category: UnitCategory,
        /** The version the proposal showed; when given, a unit changed since is a conflict. */
        version: z.number().int().min(1).optional(),
      }),
    )
    .min(1, { error: "At least one assignment is required" })
    .max(5000, { error: "At most 5000 assignments" }),
});
export type DesignationConfirmInput = z.infer<typeof DesignationConfirmInput>;

/** What a confirmation did: units changed, lines that changed nothing, and the mix now. */
export const DesignationConfirmed = z.object({
  changed: z.number().int(),
  unchanged: z.number().int(),
  mix: DesignationMix,
});
export type DesignationConfirmed = z.infer<typeof DesignationConfirmed>;

/** Demand and supply of one category: waiting households by size, units by rooms. */
export const CategoryProfileView = z.object({
  category: UnitCategory,
  waitingHouseholds: z.number().int(),
  demand: z.array(z.object({ size: z.number().int(), households: z.number().int() })),
  units: z.number().int(),
  supply: z.array(z.object({ rooms: z.number().int(), units: z.number().int() })),
});

/** The mix dashboard: the stock's categories against 39/26/35 ± 3, and demand against supply. */
export const AllocationMix = z.object({
  /** `programme`: the whole stock; `own_organisation`: a partner's own units and households. */
  scope: z.enum(["programme", "own_organisation"]),
  mix: DesignationMix,
  categories: z.array(CategoryProfileView),
});
export type AllocationMix = z.infer<typeof AllocationMix>;
