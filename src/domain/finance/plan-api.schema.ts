// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { MAX_CHUNK_RUNS, MAX_RUNS } from "./monte-carlo-chunks.ts";
import { Scenario } from "./scenario.schema.ts";

/**
 * The financial plan's API (piano economico finanziario): versioned scenarios, and what the engine
 * makes of them. One schema per input and answer, shared by the server, the OpenAPI document and the
 * pages. Money is integer cents, rates are decimals.
 */

/** A scenario's key in the URL: lower-case letters, digits and dashes (`base`, `piano-2027`). */
export const ScenarioName = z
  .string({ error: "Give the scenario's name" })
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, {
    error: "Use 1–60 lower-case letters, digits or dashes, starting with a letter or digit",
  });

const Reason = z
  .string({ error: "Say why this version is saved" })
  .trim()
  .min(3, { error: "Say why this version is saved (at least 3 characters)" })
  .max(1000, { error: "At most 1,000 characters" });

/**
 * Save a scenario as its next version. The scenario is checked against `Scenario` by the service, so
 * that its problems come back as a 422 naming each field as `scenario.<path>`.
 */
export const PlanScenarioInput = z.object({
  name: ScenarioName,
  scenario: z
    .record(z.string(), z.unknown(), { error: "Give the scenario as a JSON object" })
    .describe("The scenario (docs/financial-plan.md), validated as a whole: each problem named by its path"),
  reason: Reason,
});
export type PlanScenarioInput = z.infer<typeof PlanScenarioInput>;

/** The form's (and the client's) full check of the same input: the scenario against its schema. */
export const PlanScenarioForm = z.object({ name: ScenarioName, scenario: Scenario, reason: Reason });
export type PlanScenarioForm = z.infer<typeof PlanScenarioForm>;

const Author = z.object({ id: z.string().nullable(), name: z.string() }).nullable();

/** One stored version: who saved it, when and why. */
export const PlanVersionMeta = z.object({
  version: z.number().int().min(1),
  reason: z.string(),
  createdBy: Author,
  createdAt: z.string(),
});
export type PlanVersionMeta = z.infer<typeof PlanVersionMeta>;

/** A scenario at one version. */
export const PlanScenarioVersionView = PlanVersionMeta.extend({ name: z.string(), scenario: Scenario });
export type PlanScenarioVersionView = z.infer<typeof PlanScenarioVersionView>;

/** A scenario's latest version with every version's who, when and why (newest first). */
export const PlanScenarioView = PlanScenarioVersionView.extend({ versions: z.array(PlanVersionMeta) });
export type PlanScenarioView = z.infer<typeof PlanScenarioView>;

export const PlanScenarioSummary = PlanVersionMeta.extend({
  name: z.string(),
  /** The scenario's own label (`scenario.name`). */
  title: z.string(),
  startMonth: z.string(),
  conventionYears: z.number().int(),
});
export type PlanScenarioSummary = z.infer<typeof PlanScenarioSummary>;
export const PlanScenarioList = z.object({ items: z.array(PlanScenarioSummary) });
export type PlanScenarioList = z.infer<typeof PlanScenarioList>;

// ——— Results ———

const numbers = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<K, z.ZodNumber>;

/** Flows of a month or a year, in cents (or units for the counts). */
const FLOWS = [
  "unitsRecovered",
  "potentialRentCents",
  "vacancyLossCents",
  "arrearsLossCents",
  "collectedRentCents",
  "operatingCostCents",
  "maintenanceCostCents",
  "operatingMarginCents",
  "maintenanceReserveCents",
  "debtInterestCents",
  "debtPrincipalCents",
  "debtServiceCents",
  "netCashCents",
  "grantCents",
  "equityCents",
  "fundraisingCents",
  "callsCents",
  "loanDisbursedCents",
  "coFinancingCents",
  "fundingCents",
  "shortfallCents",
  "renovationsStarted",
  "renovationExVatCents",
  "renovationSpendCents",
] as const;

export const PlanMonthView = z.object({
  month: z.string(),
  ...numbers(FLOWS),
  ...numbers([
    "index",
    "year",
    "unitsInOperation",
    "unitsRecoveredToDate",
    "unitsInWorks",
    "pipelineRemaining",
    "fundOpeningCents",
    "fundClosingCents",
    "reserveBalanceCents",
  ] as const),
});

export const PlanYearView = z.object({
  firstMonth: z.string(),
  lastMonth: z.string(),
  dscr: z.number().nullable(),
  ...numbers(FLOWS),
  ...numbers([
    "year",
    "unitsInOperation",
    "unitsRecoveredToDate",
    "fundEndCents",
    "reserveEndCents",
  ] as const),
});

export const PlanResultData = z.object({
  scenarioName: z.string(),
  startMonth: z.string(),
  months: z.array(PlanMonthView),
  years: z.array(PlanYearView),
  minDscr: z.number().nullable(),
  minDscrYear: z.number().int().nullable(),
  unitsRecovered: z.number().int(),
  unitsInOperationAtEnd: z.number().int(),
  series: z.object({
    month: z.array(z.string()),
    fundCents: z.array(z.number()),
    unitsRecoveredToDate: z.array(z.number()),
  }),
  revenue: z.object({
    collectedCents: z.number(),
    estimateCents: z.number(),
    differenceCents: z.number(),
    differenceShare: z.number().nullable(),
  }),
  breakEven: z.object({
    arrearsRate: z.number().nullable(),
    rentLevel: z.number().nullable(),
    tolerance: z.number(),
  }),
  totals: z.object({ ...numbers(FLOWS), ...numbers(["fundEndCents", "reserveEndCents"] as const) }),
});

export const CHECK_IDS = [
  "grant",
  "debt_share",
  "area_a_co_financing",
  "area_b_co_financing",
  "stock",
] as const;

export const ProgrammeCheckView = z.object({
  id: z.enum(CHECK_IDS),
  passed: z.boolean(),
  rule: z.string(),
  figures: z.record(z.string(), z.number().nullable()),
  years: z
    .array(
      z.object({
        year: z.number().int(),
        contributedCents: z.number(),
        operatingMarginCents: z.number(),
        requiredCents: z.number(),
        passed: z.boolean(),
      }),
    )
    .optional(),
});
export type ProgrammeCheckView = z.infer<typeof ProgrammeCheckView>;

/** What the engine makes of a scenario's version: the plan and the programme's checks. */
export const PlanResultView = z.object({
  name: z.string(),
  version: z.number().int(),
  plan: PlanResultData,
  checks: z.array(ProgrammeCheckView),
});
export type PlanResultView = z.infer<typeof PlanResultView>;

export const VARIANT_IDS = [
  "base",
  "high_arrears",
  "high_vacancy",
  "frozen_caps_rising_costs",
  "costlier_works",
] as const;

export const VariantSummaryView = z.object({
  id: z.enum(VARIANT_IDS),
  label: z.string(),
  minDscr: z.number().nullable(),
  minDscrYear: z.number().int().nullable(),
  unitsRecovered: z.number().int(),
  collectedRentCents: z.number(),
  fundEndCents: z.number(),
  shortfallCents: z.number(),
  breakEvenArrearsRate: z.number().nullable(),
  failedChecks: z.array(z.string()),
});
export type VariantSummaryView = z.infer<typeof VariantSummaryView>;
export const PlanComparisonView = z.object({
  name: z.string(),
  version: z.number().int(),
  variants: z.array(VariantSummaryView),
});
export type PlanComparisonView = z.infer<typeof PlanComparisonView>;

export const SensitivityRowView = z.object({
  id: z.string(),
  label: z.string(),
  base: z.number(),
  low: z.number(),
  high: z.number(),
  minDscrLow: z.number().nullable(),
  minDscrHigh: z.number().nullable(),
  minDscrChangeLow: z.number().nullable(),
  minDscrChangeHigh: z.number().nullable(),
  unitsRecoveredLow: z.number(),
  unitsRecoveredHigh: z.number(),
  unitsRecoveredChangeLow: z.number(),
  unitsRecoveredChangeHigh: z.number(),
});
export const PlanSensitivityView = z.object({
  name: z.string(),
  version: z.number().int(),
  step: z.number(),
  base: z.object({ minDscr: z.number().nullable(), unitsRecovered: z.number() }),
  rows: z.array(SensitivityRowView),
});
export type PlanSensitivityView = z.infer<typeof PlanSensitivityView>;

// ——— Monte Carlo, in chunks ———

const whole = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be at least ${min}` })
    .max(max, { error: `${name} must be at most ${max}` });

/** One chunk of a seeded analysis of `runs` runs: runs `from` … `from + count − 1` of the version. */
export const MonteCarloChunkQuery = z
  .object({
    runs: whole("runs", 1, MAX_RUNS).default(10_000),
    seed: whole("seed", 0, 2 ** 32 - 1).default(1),
    from: whole("from", 0, MAX_RUNS - 1).default(0),
    count: whole("count", 1, MAX_CHUNK_RUNS).default(1_000),
    /** The version to run (the latest when left out): every chunk of one analysis names the same. */
    version: whole("version", 1, 1_000_000).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from + q.count > q.runs)
      ctx.addIssue({ code: "custom", path: ["count"], message: "The chunk goes past the last run" });
  });
export type MonteCarloChunkQuery = z.infer<typeof MonteCarloChunkQuery>;

export const MonteCarloChunkView = z.object({
  name: z.string(),
  version: z.number().int(),
  seed: z.number().int(),
  runs: z.number().int(),
  from: z.number().int(),
  count: z.number().int(),
  minDscr: z.array(z.number().nullable()),
  unitsRecovered: z.array(z.number().int()),
  shortfall: z.array(z.boolean()),
});
export type MonteCarloChunkView = z.infer<typeof MonteCarloChunkView>;

const FLOW_PAIRS = [
  "plannedCollectedRentCents",
  "actualCollectedRentCents",
  "plannedRenovationSpendCents",
  "actualWorksCostCents",
  "plannedDebtServiceCents",
  "actualLoanPaymentsCents",
] as const;
const flowPairs = Object.fromEntries(FLOW_PAIRS.map((k) => [k, z.number().int()])) as Record<
  (typeof FLOW_PAIRS)[number],
  z.ZodNumber
>;

/**
 * One month of plan against actual: rent collected (the ledger's payments), renovation spend (works
 * cost lines by invoice date, VAT included, as the plan spends) and debt service (loan payments).
 */
export const PlanActualMonthView = z.object({ month: z.string(), ...flowPairs });
export type PlanActualMonthView = z.infer<typeof PlanActualMonthView>;

/**
 * The latest version's plan against what happened, month by month from the plan's start to this month,
 * and the programme's checks on actual figures. `scope` says whose records the actuals count: the whole
 * programme, or only the caller's organisation (row-level security decides).
 */
export const PlanActualsView = z.object({
  name: z.string(),
  version: z.number().int(),
  asOf: z.iso.date(),
  scope: z.enum(["programme", "own_organisation"]),
  months: z.array(PlanActualMonthView),
  totals: z.object(flowPairs),
  checks: z.array(ProgrammeCheckView),
});
export type PlanActualsView = z.infer<typeof PlanActualsView>;

const RegistryCategory = z.object({
  /** Units let or lettable today (available, offered, let pending, let, vacating). */
  count: z.number().int(),
  /** Their average surface in m² (one decimal), or null when there are none. */
  averageM2: z.number().nullable(),
});

/**
 * The housing stock registry as a scenario's units: units in operation by category, and the pipeline
 * (units to renovate or under works). Units out of use are left out and counted. `scope` says whose
 * units were counted: the programme's, or only those the caller's organisation manages.
 */
export const RegistryUnitsView = z.object({
  asOf: z.iso.date(),
  scope: z.enum(["programme", "own_organisation"]),
  unitsInOperation: z.object({
    calmierato: RegistryCategory,
    calmierato_ridotto: RegistryCategory,
    fragilita: RegistryCategory,
  }),
  pipeline: z.object({ units: z.number().int() }),
  unavailable: z.number().int(),
});
export type RegistryUnitsView = z.infer<typeof RegistryUnitsView>;
