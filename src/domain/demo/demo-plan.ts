// SPDX-License-Identifier: EUPL-1.2
import { parseScenario, type Scenario, type ScenarioInput } from "../finance/scenario.schema.ts";

/** The demo programme's financial plan: its key in the URL (`/piano/base`) and the first version's reason. */
export const DEMO_PLAN_NAME = "base";
export const DEMO_PLAN_REASON = "Scenario di partenza (dimostrativo)";

/**
 * The demo's base scenario of the financial plan: plainly FICTIONAL figures sized like the programme
 * (150 units let and 338 to renovate = the 488 of the starting stock, a 3 M EUR grant in two tranches,
 * debt at 36 % of the financing), the same as docs/examples/scenario-base.json with Italian labels.
 */
export function demoPlanScenarioInput(): ScenarioInput {
  return {
    schemaVersion: 1,
    name: "Scenario base (cifre fittizie, dimostrative)",
    startMonth: "2026-01",
    conventionYears: 25,
    unitsInOperation: {
      calmierato: { count: 60, averageM2: 60, rentCentsPerMonth: "at_cap" },
      calmierato_ridotto: { count: 40, averageM2: 55, rentCentsPerMonth: "at_cap" },
      fragilita: { count: 50, averageM2: 50, rentCentsPerMonth: 0, coPaymentCentsPerMonth: 15_000 },
    },
    pipeline: {
      units: 338,
      renovationCostCentsPerUnit: 2_800_000,
      vatRate: 0.1,
      worksLagMonths: 6,
      mix: { calmierato: 0.39, calmierato_ridotto: 0.26, fragilita: 0.35 },
    },
    vacancyRate: 0.05,
    arrearsRate: 0.08,
    operatingCostCentsPerUnitMonth: 7_000,
    maintenanceCostCentsPerUnitMonth: 3_000,
    maintenanceReserveRate: 0.05,
    costInflationRate: 0.02,
    rentIndexationRate: 0.01,
    funding: {
      grant: [
        { label: "Fondo perduto, prima tranche", amountCents: 150_000_000, month: "2026-01" },
        { label: "Fondo perduto, seconda tranche", amountCents: 150_000_000, month: "2027-01" },
      ],
      equity: [
        {
          label: "Apporto di capitale",
          partner: "ETS Alfa (fittizio)",
          area: "A",
          amountCents: 40_000_000,
          month: "2026-01",
        },
        {
          label: "Apporto di capitale",
          partner: "ETS Beta (fittizio)",
          area: "B",
          amountCents: 30_000_000,
          month: "2026-06",
        },
      ],
      fundraising: [{ label: "Campagna di raccolta fondi", amountCents: 30_000_000, month: "2027-06" }],
      calls: [{ label: "Bando di fondazione (fittizio)", amountCents: 50_000_000, month: "2028-01" }],
    },
    loans: [
      {
        label: "Mutuo bancario (fittizio)",
        principalCents: 250_000_000,
        annualRate: 0.04,
        years: 20,
        method: "french",
        graceMonths: 24,
        convention: "nominal",
        disbursedMonth: "2026-03",
      },
    ],
    coFinancing: {
      areaA: [
        { label: "Capofila Area A", amountCents: 10_000_000, month: "2026-06" },
        { label: "Capofila Area A", amountCents: 10_000_000, month: "2028-06" },
      ],
      areaBPerYearCents: [2_500_000, 3_500_000, 4_500_000, 5_500_000, 6_000_000],
    },
    revenueEstimateCents: 219_100_000,
    baseStockUnits: 488,
    areaBMarginDefinition: "before_debt_service",
    uncertainty: {
      vacancyRate: { min: 0.02, mode: 0.05, max: 0.15 },
      arrearsRate: { min: 0.03, mode: 0.08, max: 0.25 },
      costInflationRate: { min: 0.01, mode: 0.02, max: 0.05 },
      renovationCostCentsPerUnit: { min: 2_200_000, mode: 2_800_000, max: 4_000_000 },
    },
  };
}

/** The demo scenario parsed, with every default filled in: what the seed stores as version 1. */
export function demoPlanScenario(): Scenario {
  const parsed = parseScenario(demoPlanScenarioInput());
  if (!parsed.ok) throw new Error(`The demo scenario is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}
