// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { PAIR_RULES, PRIORITY_COMPONENT_KINDS } from "../eligibility/eligibility.ts";
import { TargetGroup } from "../households/household.schema.ts";
import { UnitCategory } from "../units/unit.schema.ts";
import { AllocationInstanceBoundsFile } from "./instance.schema.ts";

/** Start a run (abbinamento): bounds (default: the 39/26/35 mix ± 10 points) and a seed for the record. */
export const AllocationRunInput = z.object({
  /** Category and target-group bounds, and optionally per managing partner (solved with HiGHS). */
  bounds: AllocationInstanceBoundsFile.optional(),
  seed: z.string().max(100, { error: "Seed: at most 100 characters" }).optional(),
  /** A uuid the caller chooses, to follow the run's progress at `/allocation/runs/progress/{id}`. */
  progressId: z.uuid({ error: "progressId: a uuid" }).optional(),
});
export type AllocationRunInput = z.infer<typeof AllocationRunInput>;

export const RUN_PHASES = ["loading", "scoring", "solving", "storing", "done", "failed"] as const;
/** Where a run in progress is: reading the database, scoring the pairs, solving, storing, or ended. */
export const RunPhase = z.enum(RUN_PHASES);
export type RunPhase = z.infer<typeof RunPhase>;

/** How far a run has got; `fraction` (0–1) is of its current phase. */
export const AllocationRunProgress = z.object({
  phase: RunPhase,
  fraction: z.number().min(0).max(1),
  startedAt: z.string(),
});
export type AllocationRunProgress = z.infer<typeof AllocationRunProgress>;

const Counts = z.object({
  category: z.record(UnitCategory, z.number().int()),
  targetGroup: z.record(TargetGroup, z.number().int()),
  /** With partner bounds only: assignments per managing partner. */
  partner: z.record(z.string(), z.number().int()).optional(),
});

/** One offer of a run. */
export const AllocationRunAssignment = z.object({
  unitId: z.uuid(),
  unitCode: z.string(),
  householdId: z.uuid(),
  /** `NUC-YYYY-NNNNN`. */
  householdReference: z.string(),
  /** priority × fit. */
  weight: z.number(),
});

/** A run in a list: what it was about and how it came out. */
export const AllocationRunSummary = z.object({
  id: z.uuid(),
  rulesVersion: z.number().int(),
  seed: z.string(),
  /** SHA-256 of the canonical JSON of the snapshot. */
  inputHash: z.string(),
  /**
   * `optimal`: proven; `feasible`: with partner bounds, the time limit stopped HiGHS with an
   * assignment and a gap; `infeasible`: the bounds cannot be met; `time_limit`: stopped before any.
   */
  status: z.enum(["optimal", "feasible", "infeasible", "time_limit"]),
  /** Σ weight of the offers; null when infeasible. */
  objective: z.number().nullable(),
  /** Value of the dual prices: no assignment can be worth more. */
  dualBound: z.number().nullable(),
  gap: z.number().nullable(),
  greedyObjective: z.number(),
  certificateValid: z.boolean(),
  counts: Counts,
  /** The bounds no assignment could meet (infeasible runs). */
  violations: z.array(
    z.object({
      kind: z.enum(["category", "targetGroup", "partner"]),
      key: z.string(),
      min: z.number().int(),
      max: z.number().int().nullable(),
      reason: z.enum(["min_above_max", "min_above_available", "unreachable"]),
      shortfall: z.number().int(),
    }),
  ),
  bounds: AllocationInstanceBoundsFile,
  units: z.number().int(),
  households: z.number().int(),
  pairs: z.number().int(),
  createdAt: z.string(),
});
export type AllocationRunSummary = z.infer<typeof AllocationRunSummary>;

/** A run with its offers. */
export const AllocationRun = AllocationRunSummary.extend({
  assignments: z.array(AllocationRunAssignment),
  certificateProblems: z.array(z.string()),
});
export type AllocationRun = z.infer<typeof AllocationRun>;

const Limit = z.coerce
  .number({ error: "Limit must be from 1 to 100" })
  .int({ error: "Limit must be from 1 to 100" })
  .min(1, { error: "Limit must be from 1 to 100" })
  .max(100, { error: "Limit must be from 1 to 100" })
  .default(25);
const Offset = z.coerce
  .number({ error: "Offset must be 0 or more" })
  .int({ error: "Offset must be 0 or more" })
  .min(0, { error: "Offset must be 0 or more" })
  .default(0);

export const AllocationRunListQuery = z.object({ limit: Limit, offset: Offset });
export type AllocationRunListQuery = z.infer<typeof AllocationRunListQuery>;

export const AllocationRunList = z.object({ items: z.array(AllocationRunSummary), total: z.number().int() });
export type AllocationRunList = z.infer<typeof AllocationRunList>;

/** A replay: the snapshot re-solved alone, and whether hash, offers and objective are the stored ones. */
export const AllocationRunReplay = z.object({
  identical: z.boolean(),
  inputHash: z.string(),
  storedInputHash: z.string(),
  objective: z.number().nullable(),
});
export type AllocationRunReplay = z.infer<typeof AllocationRunReplay>;

export const AllocationRunExplainQuery = z.object({
  household: z
    .string({ error: "household: give its reference or id" })
    .trim()
    .min(1, { error: "household: give its reference or id" })
    .max(100),
  unit: z
    .string({ error: "unit: give its code or id" })
    .trim()
    .min(1, { error: "unit: give its code or id" })
    .max(100),
});
export type AllocationRunExplainQuery = z.infer<typeof AllocationRunExplainQuery>;

/** Why a household × unit pair was, or was not, an offer of a run (spiegazione). */
export const AllocationRunExplanation = z.object({
  runId: z.uuid(),
  rulesVersion: z.number().int(),
  household: z.object({ id: z.uuid(), reference: z.string() }),
  unit: z.object({ id: z.uuid(), code: z.string() }),
  eligible: z.boolean(),
  checks: z.array(z.object({ rule: z.enum(PAIR_RULES), passed: z.boolean(), detail: z.string() })),
  priority: z.object({
    total: z.number(),
    components: z.array(
      z.object({ kind: z.enum(PRIORITY_COMPONENT_KINDS), name: z.string(), points: z.number() }),
    ),
    waitingMonths: z.number().int(),
    tieBreaker: z.number(),
  }),
  fit: z.number(),
  weight: z.number().nullable(),
  /** 1 = highest weight among the households eligible for the unit. */
  rank: z.number().int().nullable(),
  rankOf: z.number().int(),
  /** Σ dual prices − weight: ≥ 0 at the optimum, 0 for an offer. */
  reducedCost: z.number().nullable(),
  outcome: z.enum([
    "matched",
    "run_infeasible",
    "not_eligible",
    "unit_taken",
    "household_placed",
    "bound_binding",
    "unexplained",
  ]),
  text: z.string(),
});
export type AllocationRunExplanation = z.infer<typeof AllocationRunExplanation>;
