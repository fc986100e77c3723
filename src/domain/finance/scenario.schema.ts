// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { addMonths, Period } from "../ledger/period.ts";
import type { FieldIssue } from "../shared/issue.ts";
import { checkDebtShare, checkGrant, GRANT_CAP_CENTS } from "./checks.ts";
import { AMORTISATION_METHODS, RATE_CONVENTIONS } from "./loan.ts";
import { monthsBetween } from "./money.ts";

/**
 * A scenario of the financial plan (piano economico finanziario, PEF): everything the monthly engine
 * reads, as one versionable JSON document (docs/financial-plan.md describes it field by field). Money is
 * integer euro cents, rates are decimals (0.05 is 5 %), months are `YYYY-MM`.
 */

/** A month, `YYYY-MM` (the ledger's period). */
const Month = Period;

const Cents = z
  .number({ error: "Give an amount in whole cents" })
  .int({ error: "Give an amount in whole cents" })
  .min(0, { error: "An amount cannot be negative" })
  .max(Number.MAX_SAFE_INTEGER / 1000, { error: "Amount too large" });

const Rate = z
  .number({ error: "Give a rate as a decimal (0.05 is 5 %)" })
  .min(0, { error: "A rate cannot be negative" })
  .max(1, { error: "A rate is a decimal of at most 1 (100 %)" });

const Count = z
  .number({ error: "Give a whole number" })
  .int({ error: "Give a whole number" })
  .min(0, { error: "A count cannot be negative" })
  .max(100_000, { error: "At most 100,000" });

const SurfaceM2 = z
  .number({ error: "Give the average surface in m²" })
  .positive({ error: "The average surface must be above 0 m²" })
  .max(1000, { error: "At most 1,000 m²" });

const Label = z.string({ error: "Give a label" }).trim().max(120, { error: "At most 120 characters" });

/** Monthly rent of a unit in cents, or `"at_cap"`: average m² × the category's annual cap ÷ 12. */
const CappedRent = z.union([Cents, z.literal("at_cap")], {
  error: 'Give the monthly rent in whole cents, or "at_cap"',
});

/** Units of a capped category (canone calmierato / calmierato ridotto). */
export const CappedCategory = z.object(
  {
    /** Units in operation at the start. */
    count: Count,
    averageM2: SurfaceM2,
    /** Monthly rent per unit in cents, or "at_cap" (75 or 55 EUR × m² a year ÷ 12). */
    rentCentsPerMonth: CappedRent,
  },
  { error: "Give the category's count, averageM2 and rentCentsPerMonth" },
);
export type CappedCategory = z.infer<typeof CappedCategory>;

/** Units for people in social fragility (fragilità): no cap; what a unit brings in is set per unit. */
export const FragilityCategory = z.object(
  {
    count: Count,
    averageM2: SurfaceM2,
    /** What a unit brings in besides the household's share (e.g. a contribution of the Comune); 0 if none. */
    rentCentsPerMonth: Cents.default(0),
    /** The household's co-payment (compartecipazione) per unit per month. */
    coPaymentCentsPerMonth: Cents,
  },
  { error: "Give fragilita's count, averageM2 and coPaymentCentsPerMonth" },
);
export type FragilityCategory = z.infer<typeof FragilityCategory>;

/** Share of each category among recovered units: the indicative 39 % / 26 % / 35 % unless told. */
export const CategoryMix = z.object({
  calmierato: Rate,
  calmierato_ridotto: Rate,
  fragilita: Rate,
});
export type CategoryMix = z.infer<typeof CategoryMix>;
export const INDICATIVE_MIX: CategoryMix = { calmierato: 0.39, calmierato_ridotto: 0.26, fragilita: 0.35 };

/** An amount received in a month. */
export const Tranche = z.object({
  label: Label.default(""),
  amountCents: Cents,
  /** The month the money is received, `YYYY-MM`. */
  month: Month,
});
export type Tranche = z.infer<typeof Tranche>;

/** Partner equity (apporto di capitale), by partner and area. */
export const EquityTranche = Tranche.extend({
  partner: z.string({ error: "Give the partner" }).trim().min(1, { error: "Give the partner" }).max(120),
  area: z.enum(["A", "B"], { error: 'Give the area: "A" or "B"' }),
});
export type EquityTranche = z.infer<typeof EquityTranche>;

/** A loan (finanziamento) of the plan: monthly instalments from the month it is disbursed. */
export const PlanLoan = z.object({
  label: Label.default(""),
  principalCents: Cents.min(1, { error: "A loan must lend something" }),
  annualRate: Rate,
  /** The whole life of the loan in years, grace included. */
  years: z
    .number({ error: "Give the years as a whole number" })
    .int({ error: "Give the years as a whole number" })
    .min(1, { error: "At least 1 year" })
    .max(50, { error: "At most 50 years" }),
  method: z.enum(AMORTISATION_METHODS, { error: 'Give the method: "french" or "italian"' }),
  /** Interest-only months at the start (preammortamento). */
  graceMonths: Count.default(0),
  convention: z
    .enum(RATE_CONVENTIONS, { error: 'Give the convention: "nominal" or "effective"' })
    .default("nominal"),
  /** Month the money is received; the first instalment falls at the end of that month. */
  disbursedMonth: Month,
});
export type PlanLoan = z.infer<typeof PlanLoan>;

/** Triangular range of an uncertain input for the Monte Carlo runs. */
const triangular = (value: z.ZodNumber) =>
  z.object({ min: value, mode: value, max: value }).superRefine((t, ctx) => {
    if (t.mode < t.min)
      ctx.addIssue({ code: "custom", path: ["mode"], message: "The mode is below the min" });
    if (t.max < t.mode) ctx.addIssue({ code: "custom", path: ["max"], message: "The max is below the mode" });
  });
export type TriangularRange = { min: number; mode: number; max: number };

/** What the Area B co-financing check measures 5 % of. */
export const AREA_B_MARGIN_DEFINITIONS = ["before_debt_service", "after_debt_service"] as const;
export type AreaBMarginDefinition = (typeof AREA_B_MARGIN_DEFINITIONS)[number];

/** Estimated total revenue over the convention (PEF, Allegato 3): an input to reconcile, 2.191 M EUR. */
export const DEFAULT_REVENUE_ESTIMATE_CENTS = 219_100_000;
export const DEFAULT_CONVENTION_YEARS = 25;

const ScenarioFields = z.object(
  {
    /** The version of this format; 1 today. */
    schemaVersion: z.literal(1, { error: "Unknown schemaVersion: use 1" }).default(1),
    name: Label.default("Scenario"),
    /** First month of the plan, `YYYY-MM`. */
    startMonth: Month,
    /** Length of the convention; the plan runs monthly over all of it. */
    conventionYears: z
      .number({ error: "Give the years as a whole number" })
      .int({ error: "Give the years as a whole number" })
      .min(1, { error: "At least 1 year" })
      .max(50, { error: "At most 50 years" })
      .default(DEFAULT_CONVENTION_YEARS),
    /** Units let or lettable at the start, by category (tipologia). */
    unitsInOperation: z.object(
      { calmierato: CappedCategory, calmierato_ridotto: CappedCategory, fragilita: FragilityCategory },
      { error: "Give the units in operation: calmierato, calmierato_ridotto and fragilita" },
    ),
    /** Units awaiting renovation; recovered ones join the categories above with their rents. */
    pipeline: z.object(
      {
        units: Count,
        /** Renovation cost per unit, VAT excluded, at the prices of the start year. */
        renovationCostCentsPerUnit: Cents,
        vatRate: Rate.default(0.1),
        /** Months from the start of works to a lettable unit (at least 1: a unit started this month earns next). */
        worksLagMonths: Count.min(1, { error: "Works take at least 1 month" }).max(120, {
          error: "At most 120 months",
        }),
        mix: CategoryMix.default(INDICATIVE_MIX),
      },
      { error: "Give the pipeline: units, renovationCostCentsPerUnit and worksLagMonths" },
    ),
    /** Share of potential rent lost to empty units (sfitto). */
    vacancyRate: Rate,
    /** Share of the rent due that is not collected (morosità). */
    arrearsRate: Rate,
    operatingCostCentsPerUnitMonth: Cents,
    /** Ordinary maintenance per unit per month. */
    maintenanceCostCentsPerUnitMonth: Cents,
    /** Share of collected rent set aside for extraordinary maintenance (fondo manutenzione). */
    maintenanceReserveRate: Rate,
    /** Annual rise of costs (operating, maintenance, renovation), from the second year. */
    costInflationRate: Rate,
    /** Annual indexation of rents and co-payments, from the second year (0: caps frozen). */
    rentIndexationRate: Rate,
    funding: z
      .object({
        /** Grant (fondo perduto), in one or more tranches; at most 3 M EUR in all. */
        grant: z.array(Tranche).default([]),
        equity: z.array(EquityTranche).default([]),
        fundraising: z.array(Tranche).default([]),
        /** Calls for funding (bandi) won. */
        calls: z.array(Tranche).default([]),
      })
      .prefault({}),
    loans: z.array(PlanLoan).default([]),
    coFinancing: z
      .object({
        /** Area A (lead partner) contributions, each in a month. */
        areaA: z.array(Tranche).default([]),
        /** Area B contributions per plan year: [year 1, year 2, …], received in the year's first month. */
        areaBPerYearCents: z.array(Cents).default([]),
      })
      .prefault({}),
    /** Total revenue over the convention to reconcile with the plan's collected rent. */
    revenueEstimateCents: Cents.default(DEFAULT_REVENUE_ESTIMATE_CENTS),
    /** Stock the +50 % growth is measured against. */
    baseStockUnits: Count.min(1, { error: "At least 1 unit" }).default(488),
    areaBMarginDefinition: z
      .enum(AREA_B_MARGIN_DEFINITIONS, { error: 'Use "before_debt_service" or "after_debt_service"' })
      .default("before_debt_service"),
    /** Ranges (min, mode, max) for the Monte Carlo runs; an input without one stays at its value. */
    uncertainty: z
      .object({
        vacancyRate: triangular(Rate).optional(),
        arrearsRate: triangular(Rate).optional(),
        costInflationRate: triangular(Rate).optional(),
        renovationCostCentsPerUnit: triangular(Cents).optional(),
      })
      .prefault({}),
  },
  { error: "A scenario is a JSON object" },
);

type Path = (string | number)[];

/** The rules between fields: months inside the convention, loans within it, the grant and debt caps. */
function crossFieldIssues(s: z.output<typeof ScenarioFields>): { path: Path; message: string }[] {
  const issues: { path: Path; message: string }[] = [];
  const months = s.conventionYears * 12;
  const end = addMonths(s.startMonth, months - 1);
  const inside = (month: string, path: Path) => {
    const index = monthsBetween(s.startMonth, month);
    if (index < 0) issues.push({ path, message: `${month} is before the start (${s.startMonth})` });
    else if (index >= months)
      issues.push({ path, message: `${month} is after the convention ends (${end})` });
  };
  for (const kind of ["grant", "equity", "fundraising", "calls"] as const)
    s.funding[kind].forEach((t, i) => {
      inside(t.month, ["funding", kind, i, "month"]);
    });
  s.coFinancing.areaA.forEach((t, i) => {
    inside(t.month, ["coFinancing", "areaA", i, "month"]);
  });
  if (s.coFinancing.areaBPerYearCents.length > s.conventionYears)
    issues.push({
      path: ["coFinancing", "areaBPerYearCents"],
      message: `${s.coFinancing.areaBPerYearCents.length} years given for a convention of ${s.conventionYears}`,
    });
  s.loans.forEach((loan, i) => {
    inside(loan.disbursedMonth, ["loans", i, "disbursedMonth"]);
    if (loan.graceMonths >= loan.years * 12)
      issues.push({ path: ["loans", i, "graceMonths"], message: "The grace must be shorter than the loan" });
    if (loan.years > s.conventionYears)
      issues.push({
        path: ["loans", i, "years"],
        message: `A loan of ${loan.years} years is longer than the convention (${s.conventionYears})`,
      });
    else {
      const lastInstalment = addMonths(loan.disbursedMonth, loan.years * 12 - 1);
      if (monthsBetween(s.startMonth, loan.disbursedMonth) >= 0 && lastInstalment > end)
        issues.push({
          path: ["loans", i, "years"],
          message: `The last instalment falls in ${lastInstalment}, after the convention ends (${end})`,
        });
    }
  });
  const mixTotal = s.pipeline.mix.calmierato + s.pipeline.mix.calmierato_ridotto + s.pipeline.mix.fragilita;
  if (Math.abs(mixTotal - 1) > 1e-9)
    issues.push({ path: ["pipeline", "mix"], message: `The shares add up to ${mixTotal}, not 1` });
  const totals = financingTotals(s);
  if (!checkGrant({ grantCents: totals.grantCents }).passed)
    issues.push({
      path: ["funding", "grant"],
      message: `The grant adds up to ${totals.grantCents} cents, above the cap of ${GRANT_CAP_CENTS}`,
    });
  const debt = checkDebtShare({ debtCents: totals.loansCents, totalFinancingCents: totals.totalCents });
  if (!debt.passed)
    issues.push({
      path: ["loans"],
      message: `Debt of ${totals.loansCents} cents is above 40 % of total financing (${totals.totalCents} cents; at most ${debt.figures.maxDebtCents})`,
    });
  return issues;
}

export const Scenario = ScenarioFields.superRefine((s, ctx) => {
  for (const issue of crossFieldIssues(s)) ctx.addIssue({ code: "custom", ...issue });
});
/** A scenario after parsing: every default filled in. */
export type Scenario = z.output<typeof Scenario>;
/** A scenario as written: defaults may be left out. */
export type ScenarioInput = z.input<typeof Scenario>;

const sum = (tranches: readonly { amountCents: number }[]) =>
  tranches.reduce((total, t) => total + t.amountCents, 0);

/** Total financing by source; `totalCents` is what the 40 % debt cap is measured against. */
export function financingTotals(s: Pick<Scenario, "funding" | "loans">) {
  const grantCents = sum(s.funding.grant);
  const equityCents = sum(s.funding.equity);
  const fundraisingCents = sum(s.funding.fundraising);
  const callsCents = sum(s.funding.calls);
  const loansCents = s.loans.reduce((total, l) => total + l.principalCents, 0);
  return {
    grantCents,
    equityCents,
    fundraisingCents,
    callsCents,
    loansCents,
    totalCents: grantCents + equityCents + fundraisingCents + callsCents + loansCents,
  };
}

export type ParsedScenario = { ok: true; scenario: Scenario } | { ok: false; issues: FieldIssue[] };

/** A scenario from JSON, or every problem with the field it concerns (`loans.0.years`). */
export function parseScenario(input: unknown): ParsedScenario {
  const parsed = Scenario.safeParse(input);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  };
}
