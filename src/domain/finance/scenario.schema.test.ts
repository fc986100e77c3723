// SPDX-License-Identifier: EUPL-1.2
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { testScenarioInput } from "./finance-testing.ts";
import { financingTotals, INDICATIVE_MIX, parseScenario, type ScenarioInput } from "./scenario.schema.ts";

const example = JSON.parse(
  readFileSync(new URL("../../../docs/examples/scenario-base.json", import.meta.url), "utf8"),
) as unknown;

const issuesOf = (input: unknown) => {
  const parsed = parseScenario(input);
  return parsed.ok ? [] : parsed.issues;
};
const pathsOf = (input: unknown) => issuesOf(input).map((i) => i.path);

describe("a scenario", () => {
  it("reads the documented example (docs/examples/scenario-base.json)", () => {
    const parsed = parseScenario(example);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario.conventionYears).toBe(25);
    expect(financingTotals(parsed.scenario).grantCents).toBe(300_000_000);
  });

  it("fills in the defaults", () => {
    const { conventionYears: _, ...input } = testScenarioInput();
    const parsed = parseScenario({
      ...input,
      pipeline: { units: 0, renovationCostCentsPerUnit: 0, worksLagMonths: 1 },
    });
    expect(parsed.ok && parsed.scenario).toMatchObject({
      schemaVersion: 1,
      conventionYears: 25,
      revenueEstimateCents: 219_100_000,
      baseStockUnits: 488,
      areaBMarginDefinition: "before_debt_service",
      pipeline: { vatRate: 0.1, mix: INDICATIVE_MIX },
      coFinancing: { areaA: [], areaBPerYearCents: [] },
      uncertainty: {},
    });
  });
});

describe("bad input names its field", () => {
  const loan = (change: object) => ({
    loans: [
      {
        principalCents: 1_000_000,
        annualRate: 0.04,
        years: 5,
        method: "french" as const,
        disbursedMonth: "2026-03",
        ...change,
      },
    ],
  });

  it.each<[string, Partial<ScenarioInput> | Record<string, unknown>, string]>([
    ["a negative vacancy rate", { vacancyRate: -0.01 }, "vacancyRate"],
    ["an arrears rate above 100 %", { arrearsRate: 1.2 }, "arrearsRate"],
    ["a negative operating cost", { operatingCostCentsPerUnitMonth: -1 }, "operatingCostCentsPerUnitMonth"],
    [
      "a cost in fractions of a cent",
      { maintenanceCostCentsPerUnitMonth: 10.5 },
      "maintenanceCostCentsPerUnitMonth",
    ],
    [
      "a negative renovation cost",
      { pipeline: { units: 1, renovationCostCentsPerUnit: -5, worksLagMonths: 3 } },
      "pipeline.renovationCostCentsPerUnit",
    ],
    ["a start that is not a month", { startMonth: "2026-13" }, "startMonth"],
    [
      "a rent that is neither cents nor at_cap",
      {
        unitsInOperation: {
          ...testScenarioInput().unitsInOperation,
          calmierato: { count: 1, averageM2: 50, rentCentsPerMonth: "cap" },
        },
      },
      "unitsInOperation.calmierato.rentCentsPerMonth",
    ],
    ["a negative loan rate", loan({ annualRate: -0.01 }), "loans.0.annualRate"],
    ["an unknown method", loan({ method: "german" }), "loans.0.method"],
    ["a loan longer than the convention", loan({ years: 11 }), "loans.0.years"],
    ["a loan ending after the convention", loan({ years: 10 }), "loans.0.years"],
    [
      "a loan disbursed after the convention ends",
      loan({ disbursedMonth: "2036-01" }),
      "loans.0.disbursedMonth",
    ],
    ["a loan disbursed before the start", loan({ disbursedMonth: "2025-12" }), "loans.0.disbursedMonth"],
    ["a grace as long as the loan", loan({ graceMonths: 60 }), "loans.0.graceMonths"],
    [
      "a grant received after the convention ends",
      { funding: { grant: [{ amountCents: 1, month: "2036-01" }] } },
      "funding.grant.0.month",
    ],
    [
      "a grant above 3 M EUR",
      {
        funding: {
          grant: [
            { amountCents: 200_000_000, month: "2026-01" },
            { amountCents: 100_000_001, month: "2027-01" },
          ],
        },
      },
      "funding.grant",
    ],
    [
      // 10 M of loans against 10 M of grant + 5 M of equity: 40 % is 10 M of 25 M… plus a cent.
      "debt above 40 % of total financing",
      {
        funding: {
          grant: [{ amountCents: 10_000_000, month: "2026-01" }],
          equity: [{ partner: "ETS-A", area: "A", amountCents: 5_000_000, month: "2026-01" }],
        },
        ...loan({ principalCents: 10_000_001 }),
      },
      "loans",
    ],
    [
      "a mix that does not add up to 1",
      {
        pipeline: {
          units: 1,
          renovationCostCentsPerUnit: 1,
          worksLagMonths: 1,
          mix: { calmierato: 0.5, calmierato_ridotto: 0.3, fragilita: 0.3 },
        },
      },
      "pipeline.mix",
    ],
    [
      "Area B co-financing for more years than the convention",
      { coFinancing: { areaBPerYearCents: Array.from({ length: 11 }, () => 1) } },
      "coFinancing.areaBPerYearCents",
    ],
    [
      "a triangular range with its mode above the max",
      { uncertainty: { arrearsRate: { min: 0.01, mode: 0.2, max: 0.1 } } },
      "uncertainty.arrearsRate.max",
    ],
    ["an unknown margin definition", { areaBMarginDefinition: "ebitda" }, "areaBMarginDefinition"],
    [
      "a works lag of 0",
      { pipeline: { units: 1, renovationCostCentsPerUnit: 1, worksLagMonths: 0 } },
      "pipeline.worksLagMonths",
    ],
  ])("%s → %s", (_name, change, path) => {
    const issues = issuesOf(testScenarioInput(change as Partial<ScenarioInput>));
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
  });

  it("accepts debt of exactly 40 % and a grant of exactly 3 M EUR", () => {
    const input = testScenarioInput({
      funding: { grant: [{ amountCents: 300_000_000, month: "2026-01" }] },
      ...loan({ principalCents: 200_000_000 }), // 200 of 500 = 40 %
    });
    expect(pathsOf(input)).toEqual([]);
  });

  it("lists every problem at once", () => {
    expect(pathsOf(testScenarioInput({ vacancyRate: -1, arrearsRate: 2 }))).toEqual([
      "vacancyRate",
      "arrearsRate",
    ]);
  });

  it("refuses what is not an object, naming the root", () => {
    expect(pathsOf("scenario")).toEqual([""]);
  });
});
