// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  checkAreaACoFinancing,
  checkAreaBCoFinancing,
  checkDebtShare,
  checkGrant,
  checkStock,
  planChecks,
} from "./checks.ts";
import { testScenario } from "./finance-testing.ts";
import { runPlan } from "./plan.ts";

describe("grant ≤ 3 M EUR", () => {
  it.each([
    [0, true],
    [299_999_999, true],
    [300_000_000, true], // exactly 3 M
    [300_000_001, false],
  ])("%i cents → %s", (grantCents, passed) => {
    expect(checkGrant({ grantCents })).toMatchObject({
      passed,
      figures: { grantCents, capCents: 300_000_000 },
    });
  });
});

describe("debt ≤ 40 % of total financing", () => {
  it.each([
    // debt, total financing (debt included), passed, max debt
    [0, 1_000_000, true, 400_000],
    [400_000, 1_000_000, true, 400_000], // exactly 40 %
    [400_001, 1_000_000, false, 400_000],
    [2, 5, true, 2], // 40 % of a few cents, no rounding at the edge
    [2, 4, false, 1],
    [0, 0, true, 0], // nothing financed, nothing owed
  ])("%i of %i → %s", (debtCents, totalFinancingCents, passed, maxDebtCents) => {
    const check = checkDebtShare({ debtCents, totalFinancingCents });
    expect(check.passed).toBe(passed);
    expect(check.figures.maxDebtCents).toBe(maxDebtCents);
    expect(check.figures.share).toBe(totalFinancingCents === 0 ? null : debtCents / totalFinancingCents);
  });
});

describe("Area A co-financing ≥ 2 % of renovation investment ex VAT", () => {
  it.each([
    // contributed, investment, passed, required
    [200_000, 10_000_000, true, 200_000], // exactly 2 %
    [199_999, 10_000_000, false, 200_000],
    [1, 49, true, 1], // 2 % of 49 cents is 0.98: a cent covers it
    [0, 50, false, 1],
    [0, 0, true, 0], // no works, nothing required
  ])("%i for %i → %s", (contributedCents, renovationInvestmentExVatCents, passed, requiredCents) => {
    expect(checkAreaACoFinancing({ contributedCents, renovationInvestmentExVatCents })).toMatchObject({
      passed,
      figures: { requiredCents },
    });
  });
});

describe("Area B co-financing ≥ 5 % of the operating margin, each of the first 5 years", () => {
  const years = (contributed: number[], margin: number[]) =>
    contributed.map((c, i) => ({ year: i + 1, contributedCents: c, operatingMarginCents: margin[i] ?? 0 }));

  it.each([
    { name: "exactly 5 % every year", c: [50, 50, 50, 50, 50], m: [1000, 1000, 1000, 1000, 1000], ok: true },
    { name: "a cent short in year 3", c: [50, 50, 49, 50, 50], m: [1000, 1000, 1000, 1000, 1000], ok: false },
    {
      name: "a loss-making year requires nothing",
      c: [50, 0, 50, 50, 50],
      m: [1000, -500, 1000, 1000, 1000],
      ok: true,
    },
    { name: "nothing in year 5", c: [50, 50, 50, 50, 0], m: [1000, 1000, 1000, 1000, 1000], ok: false },
    {
      name: "year 5 not reached yet (actual figures)",
      c: [50, 50, 50, 50],
      m: [1000, 1000, 1000, 1000],
      ok: true,
    },
    {
      name: "year 6 does not count",
      c: [50, 50, 50, 50, 50, 0],
      m: [1000, 1000, 1000, 1000, 1000, 9000],
      ok: true,
    },
  ])("$name", ({ c, m, ok }) => {
    const check = checkAreaBCoFinancing({ years: years(c, m) });
    expect(check.passed).toBe(ok);
    expect(check.years).toHaveLength(5);
    expect(check.figures.yearsShort).toBe(check.years?.filter((y) => !y.passed).length);
  });

  it("names the first year short and by how much", () => {
    const check = checkAreaBCoFinancing({
      years: years([50, 30, 50, 10, 50], [1000, 1000, 1000, 1000, 1000]),
    });
    expect(check.figures).toEqual({ yearsShort: 2, firstYearShort: 2, shortfallCents: 20 + 40 });
  });
});

describe("stock ≤ base + 50 %", () => {
  it.each([
    [488, 488, true],
    [732, 488, true], // exactly +50 %
    [733, 488, false],
    [7, 5, true], // 7.5 allowed
    [8, 5, false],
  ])("%i units on a base of %i → %s", (stockUnits, baseStockUnits, passed) => {
    expect(checkStock({ stockUnits, baseStockUnits }).passed).toBe(passed);
  });
});

describe("the checks of a plan", () => {
  it("reads the scenario and the plan's figures", () => {
    const s = testScenario({
      coFinancing: {
        areaA: [
          { amountCents: 500_000, month: "2027-01" },
          { amountCents: 900_000, month: "2031-01" }, // after 5 years: does not count
        ],
        areaBPerYearCents: [100_000, 100_000, 100_000, 100_000, 100_000],
      },
    });
    const plan = runPlan(s);
    const checks = Object.fromEntries(planChecks(s, plan).map((c) => [c.id, c]));
    expect(checks.grant?.figures.grantCents).toBe(10_000_000);
    expect(checks.debt_share?.figures).toMatchObject({
      debtCents: 5_000_000,
      totalFinancingCents: 15_000_000,
    });
    expect(checks.area_a_co_financing?.figures).toMatchObject({
      contributedCents: 500_000,
      renovationInvestmentExVatCents: plan.totals.renovationExVatCents,
    });
    expect(checks.area_b_co_financing?.years?.map((y) => y.operatingMarginCents)).toEqual(
      plan.years.slice(0, 5).map((y) => y.operatingMarginCents),
    );
    expect(checks.stock?.figures).toMatchObject({ stockUnits: 50, baseStockUnits: 488 });
  });

  it("measures Area B against the margin after debt service when the setting says so", () => {
    const s = testScenario({ areaBMarginDefinition: "after_debt_service" });
    const plan = runPlan(s);
    const areaB = planChecks(s, plan).find((c) => c.id === "area_b_co_financing");
    expect(areaB?.years?.map((y) => y.operatingMarginCents)).toEqual(
      plan.years.slice(0, 5).map((y) => y.operatingMarginCents - y.debtServiceCents),
    );
    expect(plan.years.some((y) => y.debtServiceCents > 0)).toBe(true);
  });
});
