// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { parseScenario, type Scenario, type ScenarioInput } from "./scenario.schema.ts";

/**
 * A small scenario that reads like the programme: 30 units let, 20 to renovate, a grant, one loan.
 * Fields given in `change` replace the base's (shallowly).
 */
export function testScenarioInput(change: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name: "test",
    startMonth: "2026-01",
    conventionYears: 10,
    unitsInOperation: {
      calmierato: { count: 12, averageM2: 60, rentCentsPerMonth: "at_cap" },
      calmierato_ridotto: { count: 8, averageM2: 50, rentCentsPerMonth: 20_000 },
      fragilita: { count: 10, averageM2: 45, coPaymentCentsPerMonth: 12_000 },
    },
    pipeline: { units: 20, renovationCostCentsPerUnit: 2_000_000, worksLagMonths: 6 },
    vacancyRate: 0.05,
    arrearsRate: 0.08,
    operatingCostCentsPerUnitMonth: 6_000,
    maintenanceCostCentsPerUnitMonth: 2_000,
    maintenanceReserveRate: 0.05,
    costInflationRate: 0.02,
    rentIndexationRate: 0.01,
    funding: { grant: [{ amountCents: 10_000_000, month: "2026-01" }] },
    loans: [
      {
        principalCents: 5_000_000,
        annualRate: 0.04,
        years: 8,
        method: "french",
        graceMonths: 12,
        disbursedMonth: "2026-03",
      },
    ],
    ...change,
  };
}

/** `testScenarioInput(change)` parsed; throws with the issues when it is not valid. */
export function testScenario(change: Partial<ScenarioInput> = {}): Scenario {
  const parsed = parseScenario(testScenarioInput(change));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const month = (years: number) =>
  fc
    .integer({ min: 0, max: years * 12 - 1 })
    .map((i) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);

/**
 * Any valid scenario of 1–25 years, small enough for property tests: random stock, rents, costs,
 * funding and loans (kept under 40 % of total financing), including deficits and idle funds.
 */
export const anyScenario: fc.Arbitrary<Scenario> = fc
  .integer({ min: 1, max: 25 })
  .chain((years) =>
    fc.record({
      years: fc.constant(years),
      counts: fc.tuple(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
      ),
      rents: fc.tuple(
        fc.oneof(fc.constant("at_cap" as const), fc.integer({ min: 0, max: 80_000 })),
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 30_000 }),
      ),
      pipeline: fc.integer({ min: 0, max: 80 }),
      renovation: fc.integer({ min: 0, max: 5_000_000 }),
      lag: fc.integer({ min: 1, max: 24 }),
      vacancy: fc.double({ min: 0, max: 0.5, noNaN: true }),
      arrears: fc.double({ min: 0, max: 0.5, noNaN: true }),
      costs: fc.tuple(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 20_000 })),
      reserve: fc.double({ min: 0, max: 0.2, noNaN: true }),
      inflation: fc.double({ min: 0, max: 0.1, noNaN: true }),
      indexation: fc.double({ min: 0, max: 0.1, noNaN: true }),
      grant: fc.tuple(fc.integer({ min: 0, max: 300_000_000 }), month(years)),
      equity: fc.tuple(fc.integer({ min: 0, max: 50_000_000 }), month(years)),
      loan: fc.option(
        fc.record({
          share: fc.double({ min: 0.01, max: 0.66, noNaN: true }),
          rate: fc.double({ min: 0, max: 0.1, noNaN: true }),
          years: fc.integer({ min: 1, max: years }),
          method: fc.constantFrom("french" as const, "italian" as const),
          grace: fc.integer({ min: 0, max: 11 }),
        }),
      ),
      areaB: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: years }),
    }),
  )
  .map((r) => {
    const equity = r.grant[0] + r.equity[0];
    // share ≤ 2/3 of the other sources keeps the debt ≤ 40 % of the total.
    const principal = r.loan === null ? 0 : Math.floor(equity * r.loan.share);
    const input: ScenarioInput = {
      startMonth: "2026-01",
      conventionYears: r.years,
      unitsInOperation: {
        calmierato: { count: r.counts[0], averageM2: 60, rentCentsPerMonth: r.rents[0] },
        calmierato_ridotto: { count: r.counts[1], averageM2: 50, rentCentsPerMonth: r.rents[1] },
        fragilita: { count: r.counts[2], averageM2: 45, coPaymentCentsPerMonth: r.rents[2] },
      },
      pipeline: { units: r.pipeline, renovationCostCentsPerUnit: r.renovation, worksLagMonths: r.lag },
      vacancyRate: r.vacancy,
      arrearsRate: r.arrears,
      operatingCostCentsPerUnitMonth: r.costs[0],
      maintenanceCostCentsPerUnitMonth: r.costs[1],
      maintenanceReserveRate: r.reserve,
      costInflationRate: r.inflation,
      rentIndexationRate: r.indexation,
      funding: {
        grant: [{ amountCents: r.grant[0], month: r.grant[1] }],
        equity: [{ partner: "ETS-A", area: "A", amountCents: r.equity[0], month: r.equity[1] }],
      },
      loans:
        r.loan === null || principal < 1
          ? []
          : [
              {
                principalCents: principal,
                annualRate: r.loan.rate,
                years: r.loan.years,
                method: r.loan.method,
                graceMonths: r.loan.grace,
                // Disbursed at the start, so that it ends within the convention.
                disbursedMonth: "2026-01",
              },
            ],
      coFinancing: { areaBPerYearCents: r.areaB },
    };
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error(`anyScenario made an invalid scenario: ${JSON.stringify(parsed.issues)}`);
    return parsed.scenario;
  });
