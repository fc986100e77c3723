// SPDX-License-Identifier: EUPL-1.2
import type { AreaBMarginDefinition, PlanLoan, Scenario } from "../../domain/finance/scenario.schema.ts";
import type { PlanSourcesView } from "../../domain/funding/funding-api.schema.ts";
import { maxMonthlyRentCents } from "../../domain/units/rent-cap.ts";
import { centsOf, euroInput, numberOf } from "../tenancies/money.ts";

/*
 * The scenario editor's values: the scenario document with every number as the text of its field
 * (euro for cents, percentages for rates), under `scenario`, so that a field's name is the very path
 * the schema and the API name in their errors (`scenario.loans.1.years`). Arrays of amounts are rows
 * of objects, as react-hook-form's field arrays want them.
 */

export const CAPPED_CATEGORIES = ["calmierato", "calmierato_ridotto"] as const;
export const CATEGORIES = ["calmierato", "calmierato_ridotto", "fragilita"] as const;
export const RATE_KEYS = [
  "vacancyRate",
  "arrearsRate",
  "maintenanceReserveRate",
  "costInflationRate",
  "rentIndexationRate",
] as const;
export const COST_KEYS = ["operatingCostCentsPerUnitMonth", "maintenanceCostCentsPerUnitMonth"] as const;
/** The inputs the Monte Carlo runs may draw from a range. */
export const RANGED_KEYS = [
  "vacancyRate",
  "arrearsRate",
  "costInflationRate",
  "renovationCostCentsPerUnit",
] as const;
export type RangedKey = (typeof RANGED_KEYS)[number];

export type TrancheRow = { label: string; amountCents: string; month: string };
export type EquityRow = TrancheRow & { partner: string; area: "A" | "B" };
export type LoanRow = {
  label: string;
  principalCents: string;
  annualRate: string;
  years: string;
  method: PlanLoan["method"];
  graceMonths: string;
  convention: PlanLoan["convention"];
  disbursedMonth: string;
};
export type YearRow = { amountCents: string };
export type CappedRow = { count: string; averageM2: string; atCap: boolean; rentCentsPerMonth: string };
export type RangeRow = { enabled: boolean; min: string; mode: string; max: string };

export type ScenarioFormValues = {
  name: string;
  startMonth: string;
  conventionYears: string;
  unitsInOperation: {
    calmierato: CappedRow;
    calmierato_ridotto: CappedRow;
    fragilita: {
      count: string;
      averageM2: string;
      coPaymentCentsPerMonth: string;
      rentCentsPerMonth: string;
    };
  };
  pipeline: {
    units: string;
    renovationCostCentsPerUnit: string;
    vatRate: string;
    worksLagMonths: string;
    mix: { calmierato: string; calmierato_ridotto: string; fragilita: string };
  };
  vacancyRate: string;
  arrearsRate: string;
  maintenanceReserveRate: string;
  costInflationRate: string;
  rentIndexationRate: string;
  operatingCostCentsPerUnitMonth: string;
  maintenanceCostCentsPerUnitMonth: string;
  funding: { grant: TrancheRow[]; equity: EquityRow[]; fundraising: TrancheRow[]; calls: TrancheRow[] };
  loans: LoanRow[];
  coFinancing: { areaA: TrancheRow[]; areaBPerYearCents: YearRow[] };
  revenueEstimateCents: string;
  baseStockUnits: string;
  areaBMarginDefinition: AreaBMarginDefinition;
  uncertainty: Record<RangedKey, RangeRow>;
};
export type EditorValues = { scenario: ScenarioFormValues; reason: string };

/** A percentage typed as `5` or `5,5` as the decimal rate the scenario holds; other text goes on as it is. */
export function rateOf(text: string): number | string | undefined {
  const value = numberOf(text);
  return typeof value === "number" ? Number((value / 100).toPrecision(12)) : value;
}

/** A rate as the text of a percentage field: `5,5` (Italian) or `5.5`. */
export function percentInput(rate: number, language: string): string {
  const text = String(Number((rate * 100).toPrecision(12)));
  return language === "en" ? text : text.replace(".", ",");
}

/** A number with decimals (m²) as the text of its field. */
export function decimalInput(value: number, language: string): string {
  const text = String(value);
  return language === "en" ? text : text.replace(".", ",");
}

const trancheRow = (
  t: { label: string; amountCents: number; month: string },
  language: string,
): TrancheRow => ({
  label: t.label,
  amountCents: euroInput(t.amountCents, language),
  month: t.month,
});

const equityRow = (e: Scenario["funding"]["equity"][number], language: string): EquityRow => ({
  ...trancheRow(e, language),
  partner: e.partner,
  area: e.area,
});

const loanRow = (l: PlanLoan, language: string): LoanRow => ({
  label: l.label,
  principalCents: euroInput(l.principalCents, language),
  annualRate: percentInput(l.annualRate, language),
  years: String(l.years),
  method: l.method,
  graceMonths: String(l.graceMonths),
  convention: l.convention,
  disbursedMonth: l.disbursedMonth,
});

const yearRow = (cents: number, language: string): YearRow => ({ amountCents: euroInput(cents, language) });

/** A new, empty row of each list, as the add buttons put it. */
export const emptyTranche = (month: string): TrancheRow => ({ label: "", amountCents: "", month });
export const emptyEquity = (month: string): EquityRow => ({ ...emptyTranche(month), partner: "", area: "A" });
export const emptyLoan = (month: string): LoanRow => ({
  label: "",
  principalCents: "",
  annualRate: "",
  years: "",
  method: "french",
  graceMonths: "0",
  convention: "nominal",
  disbursedMonth: month,
});
export const emptyYear = (): YearRow => ({ amountCents: "" });

function cappedRow(
  category: (typeof CAPPED_CATEGORIES)[number],
  c: Scenario["unitsInOperation"]["calmierato"],
  language: string,
): CappedRow {
  const atCap = c.rentCentsPerMonth === "at_cap";
  // "At the cap" still offers the cap's amount, as a start should the rent be set by hand.
  const rent = atCap ? (maxMonthlyRentCents(category, c.averageM2) ?? 0) : (c.rentCentsPerMonth as number);
  return {
    count: String(c.count),
    averageM2: decimalInput(c.averageM2, language),
    atCap,
    rentCentsPerMonth: euroInput(rent, language),
  };
}

function rangeRow(key: RangedKey, s: Scenario, language: string): RangeRow {
  const range = s.uncertainty[key];
  const base = key === "renovationCostCentsPerUnit" ? s.pipeline.renovationCostCentsPerUnit : s[key];
  const text = (v: number) =>
    key === "renovationCostCentsPerUnit" ? euroInput(v, language) : percentInput(v, language);
  // Without a range the three fields start at the input's own value, ready to be widened.
  return {
    enabled: range !== undefined,
    min: text(range?.min ?? base),
    mode: text(range?.mode ?? base),
    max: text(range?.max ?? base),
  };
}

/** The form's values of a scenario; the keys in the order the form shows them. */
export function formValuesOf(s: Scenario, language: string): ScenarioFormValues {
  const f = s.unitsInOperation.fragilita;
  return {
    name: s.name,
    startMonth: s.startMonth,
    conventionYears: String(s.conventionYears),
    unitsInOperation: {
      calmierato: cappedRow("calmierato", s.unitsInOperation.calmierato, language),
      calmierato_ridotto: cappedRow("calmierato_ridotto", s.unitsInOperation.calmierato_ridotto, language),
      fragilita: {
        count: String(f.count),
        averageM2: decimalInput(f.averageM2, language),
        coPaymentCentsPerMonth: euroInput(f.coPaymentCentsPerMonth, language),
        rentCentsPerMonth: euroInput(f.rentCentsPerMonth, language),
      },
    },
    pipeline: {
      units: String(s.pipeline.units),
      renovationCostCentsPerUnit: euroInput(s.pipeline.renovationCostCentsPerUnit, language),
      vatRate: percentInput(s.pipeline.vatRate, language),
      worksLagMonths: String(s.pipeline.worksLagMonths),
      mix: {
        calmierato: percentInput(s.pipeline.mix.calmierato, language),
        calmierato_ridotto: percentInput(s.pipeline.mix.calmierato_ridotto, language),
        fragilita: percentInput(s.pipeline.mix.fragilita, language),
      },
    },
    vacancyRate: percentInput(s.vacancyRate, language),
    arrearsRate: percentInput(s.arrearsRate, language),
    maintenanceReserveRate: percentInput(s.maintenanceReserveRate, language),
    costInflationRate: percentInput(s.costInflationRate, language),
    rentIndexationRate: percentInput(s.rentIndexationRate, language),
    operatingCostCentsPerUnitMonth: euroInput(s.operatingCostCentsPerUnitMonth, language),
    maintenanceCostCentsPerUnitMonth: euroInput(s.maintenanceCostCentsPerUnitMonth, language),
    ...sourcesOf(s, language),
    revenueEstimateCents: euroInput(s.revenueEstimateCents, language),
    baseStockUnits: String(s.baseStockUnits),
    areaBMarginDefinition: s.areaBMarginDefinition,
    uncertainty: {
      vacancyRate: rangeRow("vacancyRate", s, language),
      arrearsRate: rangeRow("arrearsRate", s, language),
      costInflationRate: rangeRow("costInflationRate", s, language),
      renovationCostCentsPerUnit: rangeRow("renovationCostCentsPerUnit", s, language),
    },
  };
}

/** The funding, loans and co-financing rows of a scenario or of the funding register's answer. */
export function sourcesOf(
  s: Pick<Scenario, "funding" | "loans"> & {
    coFinancing: Pick<Scenario["coFinancing"], "areaA" | "areaBPerYearCents">;
  },
  language: string,
): Pick<ScenarioFormValues, "funding" | "loans" | "coFinancing"> {
  return {
    funding: {
      grant: s.funding.grant.map((t) => trancheRow(t, language)),
      equity: s.funding.equity.map((e) => equityRow(e, language)),
      fundraising: s.funding.fundraising.map((t) => trancheRow(t, language)),
      calls: s.funding.calls.map((t) => trancheRow(t, language)),
    },
    loans: s.loans.map((l) => loanRow(l, language)),
    coFinancing: {
      areaA: s.coFinancing.areaA.map((t) => trancheRow(t, language)),
      areaBPerYearCents: s.coFinancing.areaBPerYearCents.map((c) => yearRow(c, language)),
    },
  };
}

/** How many tranches, loans and Area B years the funding register gave. */
export function countSources(sources: PlanSourcesView) {
  const f = sources.funding;
  return {
    tranches:
      f.grant.length +
      f.equity.length +
      f.fundraising.length +
      f.calls.length +
      sources.coFinancing.areaA.length,
    loans: sources.loans.length,
    areaBYears: sources.coFinancing.areaBPerYearCents.length,
  };
}

const tranche = (r: TrancheRow) => ({
  label: r.label,
  amountCents: centsOf(r.amountCents),
  month: r.month.trim(),
});

/** The scenario the form's values stand for, to be checked by the engine's own schema. */
export function scenarioInputOf(v: ScenarioFormValues): Record<string, unknown> {
  const capped = (c: CappedRow) => ({
    count: numberOf(c.count),
    averageM2: numberOf(c.averageM2),
    rentCentsPerMonth: c.atCap ? "at_cap" : centsOf(c.rentCentsPerMonth),
  });
  const f = v.unitsInOperation.fragilita;
  const uncertainty: Record<string, unknown> = {};
  for (const key of RANGED_KEYS) {
    const r = v.uncertainty[key];
    if (!r.enabled) continue;
    const read = key === "renovationCostCentsPerUnit" ? centsOf : rateOf;
    uncertainty[key] = { min: read(r.min), mode: read(r.mode), max: read(r.max) };
  }
  return {
    schemaVersion: 1,
    name: v.name,
    startMonth: v.startMonth.trim(),
    conventionYears: numberOf(v.conventionYears),
    unitsInOperation: {
      calmierato: capped(v.unitsInOperation.calmierato),
      calmierato_ridotto: capped(v.unitsInOperation.calmierato_ridotto),
      fragilita: {
        count: numberOf(f.count),
        averageM2: numberOf(f.averageM2),
        coPaymentCentsPerMonth: centsOf(f.coPaymentCentsPerMonth),
        rentCentsPerMonth: centsOf(f.rentCentsPerMonth),
      },
    },
    pipeline: {
      units: numberOf(v.pipeline.units),
      renovationCostCentsPerUnit: centsOf(v.pipeline.renovationCostCentsPerUnit),
      vatRate: rateOf(v.pipeline.vatRate),
      worksLagMonths: numberOf(v.pipeline.worksLagMonths),
      mix: {
        calmierato: rateOf(v.pipeline.mix.calmierato),
        calmierato_ridotto: rateOf(v.pipeline.mix.calmierato_ridotto),
        fragilita: rateOf(v.pipeline.mix.fragilita),
      },
    },
    vacancyRate: rateOf(v.vacancyRate),
    arrearsRate: rateOf(v.arrearsRate),
    maintenanceReserveRate: rateOf(v.maintenanceReserveRate),
    costInflationRate: rateOf(v.costInflationRate),
    rentIndexationRate: rateOf(v.rentIndexationRate),
    operatingCostCentsPerUnitMonth: centsOf(v.operatingCostCentsPerUnitMonth),
    maintenanceCostCentsPerUnitMonth: centsOf(v.maintenanceCostCentsPerUnitMonth),
    funding: {
      grant: v.funding.grant.map(tranche),
      equity: v.funding.equity.map((e) => ({ ...tranche(e), partner: e.partner, area: e.area })),
      fundraising: v.funding.fundraising.map(tranche),
      calls: v.funding.calls.map(tranche),
    },
    loans: v.loans.map((l) => ({
      label: l.label,
      principalCents: centsOf(l.principalCents),
      annualRate: rateOf(l.annualRate),
      years: numberOf(l.years),
      method: l.method,
      graceMonths: numberOf(l.graceMonths),
      convention: l.convention,
      disbursedMonth: l.disbursedMonth.trim(),
    })),
    coFinancing: {
      areaA: v.coFinancing.areaA.map(tranche),
      areaBPerYearCents: v.coFinancing.areaBPerYearCents.map((y) => centsOf(y.amountCents)),
    },
    revenueEstimateCents: centsOf(v.revenueEstimateCents),
    baseStockUnits: numberOf(v.baseStockUnits),
    areaBMarginDefinition: v.areaBMarginDefinition,
    uncertainty,
  };
}

/** The names of the form's text fields and selects, in the order of the form (the switches left out). */
export function fieldNames(values: unknown, prefix = ""): string[] {
  if (typeof values === "string") return [prefix];
  if (typeof values !== "object" || values === null) return [];
  return Object.entries(values).flatMap(([key, value]) =>
    fieldNames(value, prefix === "" ? key : `${prefix}.${key}`),
  );
}

/**
 * The form's field of a path of the schema or of the API (`scenario.loans.1.years`), or null. A rule
 * on a whole list or group goes beside its first amount, else its first field: the grant's cap
 * (`scenario.funding.grant`) beside the first grant amount, the 40 % debt cap (`scenario.loans`)
 * beside the first loan's principal, the mix beside its first share, an Area B year beside its amount.
 */
export function fieldOfPath(path: string, names: readonly string[]): string | null {
  if (path === "reason") return path;
  if (!path.startsWith("scenario.")) return null;
  if (names.includes(path)) return path;
  const under = names.filter((n) => n.startsWith(`${path}.`));
  return under.find((n) => /\.(amountCents|principalCents)$/.test(n)) ?? under[0] ?? null;
}
