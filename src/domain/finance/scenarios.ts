// SPDX-License-Identifier: EUPL-1.2
import { planChecks } from "./checks.ts";
import { roundCents } from "./money.ts";
import { compilePlan, type PlanOutcome, runPlan, simulate, startRentCents } from "./plan.ts";
import type { Scenario } from "./scenario.schema.ts";

/** The standard variants the steering board compares (scenari). */
export type VariantId =
  | "base"
  | "high_arrears"
  | "high_vacancy"
  | "frozen_caps_rising_costs"
  | "costlier_works";

/** How hard each variant pushes; a rate never goes above 1. */
export type Stress = {
  /** High arrears: the rate × `factor`, and at least `minRise` above the base. */
  arrears: { factor: number; minRise: number };
  vacancy: { factor: number; minRise: number };
  /** Costs rising with frozen caps: no rent indexation, cost inflation `rise` above the base. */
  frozenCaps: { costInflationRise: number };
  /** Costlier works: the renovation cost (and its range) × `factor`. */
  costlierWorks: { factor: number };
};

export const DEFAULT_STRESS: Stress = {
  arrears: { factor: 2, minRise: 0.05 },
  vacancy: { factor: 2, minRise: 0.05 },
  frozenCaps: { costInflationRise: 0.02 },
  costlierWorks: { factor: 1.25 },
};

const rate = (value: number) => Math.min(1, Math.max(0, value));
const raise = (value: number, { factor, minRise }: { factor: number; minRise: number }) =>
  rate(Math.max(value * factor, value + minRise));

export type Variant = { id: VariantId; label: string; scenario: Scenario };

/** The five standard variants of a base scenario (the base itself first). */
export function variantScenarios(base: Scenario, stress: Stress = DEFAULT_STRESS): Variant[] {
  const works = base.pipeline.renovationCostCentsPerUnit;
  const range = base.uncertainty.renovationCostCentsPerUnit;
  const costlier = (cents: number) => roundCents(cents * stress.costlierWorks.factor);
  return [
    { id: "base", label: "Base", scenario: base },
    {
      id: "high_arrears",
      label: "High arrears",
      scenario: { ...base, arrearsRate: raise(base.arrearsRate, stress.arrears) },
    },
    {
      id: "high_vacancy",
      label: "High vacancy",
      scenario: { ...base, vacancyRate: raise(base.vacancyRate, stress.vacancy) },
    },
    {
      id: "frozen_caps_rising_costs",
      label: "Costs rising, caps frozen",
      scenario: {
        ...base,
        rentIndexationRate: 0,
        costInflationRate: rate(base.costInflationRate + stress.frozenCaps.costInflationRise),
      },
    },
    {
      id: "costlier_works",
      label: "Costlier works",
      scenario: {
        ...base,
        pipeline: { ...base.pipeline, renovationCostCentsPerUnit: costlier(works) },
        uncertainty: {
          ...base.uncertainty,
          ...(range && {
            renovationCostCentsPerUnit: {
              min: costlier(range.min),
              mode: costlier(range.mode),
              max: costlier(range.max),
            },
          }),
        },
      },
    },
  ];
}

/** A variant's headline figures, for a side-by-side table. */
export type VariantSummary = {
  id: VariantId;
  label: string;
  minDscr: number | null;
  minDscrYear: number | null;
  unitsRecovered: number;
  collectedRentCents: number;
  fundEndCents: number;
  shortfallCents: number;
  breakEvenArrearsRate: number | null;
  /** Ids of the programme checks the variant fails. */
  failedChecks: string[];
};

/** Each standard variant run in full and summarised. */
export function compareVariants(base: Scenario, stress: Stress = DEFAULT_STRESS): VariantSummary[] {
  return variantScenarios(base, stress).map(({ id, label, scenario }) => {
    const plan = runPlan(scenario);
    return {
      id,
      label,
      minDscr: plan.minDscr,
      minDscrYear: plan.minDscrYear,
      unitsRecovered: plan.unitsRecovered,
      collectedRentCents: plan.totals.collectedRentCents,
      fundEndCents: plan.totals.fundEndCents,
      shortfallCents: plan.totals.shortfallCents,
      breakEvenArrearsRate: plan.breakEven.arrearsRate,
      failedChecks: planChecks(scenario, plan)
        .filter((c) => !c.passed)
        .map((c) => c.id),
    };
  });
}

/** A numeric input of a scenario the sensitivity analysis moves. */
type SensitivityInput = {
  id: string;
  label: string;
  get: (s: Scenario) => number;
  /** A copy of `s` with the input at `value` (rates kept within [0, 1], counts whole). */
  set: (s: Scenario, value: number) => Scenario;
};

const scaled = <T extends { amountCents: number }>(tranches: readonly T[], factor: number): T[] =>
  tranches.map((t) => ({ ...t, amountCents: roundCents(t.amountCents * factor) }));
const total = (tranches: readonly { amountCents: number }[]) =>
  tranches.reduce((n, t) => n + t.amountCents, 0);
/** Moves a list of tranches so that their total becomes `value`, each in proportion. */
const fundingInput = (
  kind: "grant" | "equity" | "fundraising" | "calls",
  label: string,
): SensitivityInput => ({
  id: `funding.${kind}`,
  label,
  get: (s) => total(s.funding[kind]),
  set: (s, value) => {
    const now = total(s.funding[kind]);
    const factor = now === 0 ? 1 : value / now;
    return { ...s, funding: { ...s.funding, [kind]: scaled(s.funding[kind], factor) } };
  },
});
const rateInput = (
  id: "vacancyRate" | "arrearsRate" | "maintenanceReserveRate" | "costInflationRate" | "rentIndexationRate",
  label: string,
): SensitivityInput => ({ id, label, get: (s) => s[id], set: (s, v) => ({ ...s, [id]: rate(v) }) });
const centsInput = (
  id: "operatingCostCentsPerUnitMonth" | "maintenanceCostCentsPerUnitMonth",
  label: string,
): SensitivityInput => ({ id, label, get: (s) => s[id], set: (s, v) => ({ ...s, [id]: roundCents(v) }) });
const rentInput = (category: "calmierato" | "calmierato_ridotto", label: string): SensitivityInput => ({
  id: `unitsInOperation.${category}.rentCentsPerMonth`,
  label,
  // A rent "at_cap" moves as the cents it stands for.
  get: (s) => startRentCents(s, category),
  set: (s, v) => ({
    ...s,
    unitsInOperation: {
      ...s.unitsInOperation,
      [category]: { ...s.unitsInOperation[category], rentCentsPerMonth: roundCents(v) },
    },
  }),
});

/** The inputs moved by the sensitivity analysis. */
export const SENSITIVITY_INPUTS: readonly SensitivityInput[] = [
  rateInput("vacancyRate", "Vacancy rate"),
  rateInput("arrearsRate", "Arrears rate"),
  centsInput("operatingCostCentsPerUnitMonth", "Operating cost per unit"),
  centsInput("maintenanceCostCentsPerUnitMonth", "Maintenance cost per unit"),
  rateInput("maintenanceReserveRate", "Maintenance reserve"),
  rateInput("costInflationRate", "Cost inflation"),
  rateInput("rentIndexationRate", "Rent indexation"),
  rentInput("calmierato", "Rent, calmierato"),
  rentInput("calmierato_ridotto", "Rent, calmierato ridotto"),
  {
    id: "unitsInOperation.fragilita.coPaymentCentsPerMonth",
    label: "Co-payment, fragilità",
    get: (s) => s.unitsInOperation.fragilita.coPaymentCentsPerMonth,
    set: (s, v) => ({
      ...s,
      unitsInOperation: {
        ...s.unitsInOperation,
        fragilita: { ...s.unitsInOperation.fragilita, coPaymentCentsPerMonth: roundCents(v) },
      },
    }),
  },
  {
    id: "pipeline.renovationCostCentsPerUnit",
    label: "Renovation cost per unit",
    get: (s) => s.pipeline.renovationCostCentsPerUnit,
    set: (s, v) => ({ ...s, pipeline: { ...s.pipeline, renovationCostCentsPerUnit: roundCents(v) } }),
  },
  {
    id: "pipeline.vatRate",
    label: "VAT on works",
    get: (s) => s.pipeline.vatRate,
    set: (s, v) => ({ ...s, pipeline: { ...s.pipeline, vatRate: rate(v) } }),
  },
  {
    id: "pipeline.worksLagMonths",
    label: "Works lag",
    get: (s) => s.pipeline.worksLagMonths,
    set: (s, v) => ({ ...s, pipeline: { ...s.pipeline, worksLagMonths: Math.max(1, Math.round(v)) } }),
  },
  {
    id: "pipeline.units",
    label: "Units awaiting renovation",
    get: (s) => s.pipeline.units,
    set: (s, v) => ({ ...s, pipeline: { ...s.pipeline, units: Math.round(v) } }),
  },
  fundingInput("grant", "Grant"),
  fundingInput("equity", "Partner equity"),
  fundingInput("fundraising", "Fundraising"),
  fundingInput("calls", "Calls for funding"),
  {
    id: "loans.principalCents",
    label: "Loan principal",
    get: (s) => s.loans.reduce((n, l) => n + l.principalCents, 0),
    set: (s, v) => {
      const now = s.loans.reduce((n, l) => n + l.principalCents, 0);
      const factor = now === 0 ? 1 : v / now;
      return {
        ...s,
        loans: s.loans.map((l) => ({
          ...l,
          principalCents: Math.max(1, roundCents(l.principalCents * factor)),
        })),
      };
    },
  },
  {
    // Every loan's rate moves by the same share; the first loan's rate stands for them.
    id: "loans.annualRate",
    label: "Loan rate",
    get: (s) => s.loans[0]?.annualRate ?? 0,
    set: (s, v) => {
      const now = s.loans[0]?.annualRate ?? 0;
      const factor = now === 0 ? 1 : v / now;
      return { ...s, loans: s.loans.map((l) => ({ ...l, annualRate: rate(l.annualRate * factor) })) };
    },
  },
];

/** One bar of the tornado chart: an input at −10 % and +10 %, and what moved. */
export type SensitivityRow = {
  id: string;
  label: string;
  base: number;
  low: number;
  high: number;
  minDscrLow: number | null;
  minDscrHigh: number | null;
  /** Change of the minimum DSCR from the base; null when either side has no debt service. */
  minDscrChangeLow: number | null;
  minDscrChangeHigh: number | null;
  unitsRecoveredLow: number;
  unitsRecoveredHigh: number;
  unitsRecoveredChangeLow: number;
  unitsRecoveredChangeHigh: number;
};

export type Sensitivity = {
  step: number;
  base: Pick<PlanOutcome, "minDscr" | "unitsRecovered">;
  /** Largest change of minimum DSCR first, then of units recovered. */
  rows: SensitivityRow[];
};

const change = (value: number | null, base: number | null) =>
  value === null || base === null ? null : value - base;
const widest = (...values: (number | null)[]) => Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));

/** Each input moved by ±`step` (10 % by default), one at a time, the rest at the base. */
export function sensitivity(base: Scenario, step = 0.1): Sensitivity {
  const outcome = (s: Scenario) => {
    const model = compilePlan(s);
    return simulate(model, model.baseDraw);
  };
  const reference = outcome(base);
  const rows = SENSITIVITY_INPUTS.map((input): SensitivityRow => {
    const value = input.get(base);
    const lowScenario = input.set(base, value * (1 - step));
    const highScenario = input.set(base, value * (1 + step));
    const low = outcome(lowScenario);
    const high = outcome(highScenario);
    return {
      id: input.id,
      label: input.label,
      base: value,
      low: input.get(lowScenario),
      high: input.get(highScenario),
      minDscrLow: low.minDscr,
      minDscrHigh: high.minDscr,
      minDscrChangeLow: change(low.minDscr, reference.minDscr),
      minDscrChangeHigh: change(high.minDscr, reference.minDscr),
      unitsRecoveredLow: low.unitsRecovered,
      unitsRecoveredHigh: high.unitsRecovered,
      unitsRecoveredChangeLow: low.unitsRecovered - reference.unitsRecovered,
      unitsRecoveredChangeHigh: high.unitsRecovered - reference.unitsRecovered,
    };
  });
  rows.sort(
    (a, b) =>
      widest(b.minDscrChangeLow, b.minDscrChangeHigh) - widest(a.minDscrChangeLow, a.minDscrChangeHigh) ||
      widest(b.unitsRecoveredChangeLow, b.unitsRecoveredChangeHigh) -
        widest(a.unitsRecoveredChangeLow, a.unitsRecoveredChangeHigh),
  );
  return {
    step,
    base: { minDscr: reference.minDscr, unitsRecovered: reference.unitsRecovered },
    rows,
  };
}
