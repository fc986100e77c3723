// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyScenario, testScenario } from "./finance-testing.ts";
import { amortisationSchedule } from "./loan.ts";
import {
  BREAK_EVEN_TOLERANCE,
  breakEven,
  compilePlan,
  type PlanMonth,
  runPlan,
  simulate,
  startRentCents,
  yearsOf,
} from "./plan.ts";
import type { ScenarioInput } from "./scenario.schema.ts";

/** Ten calmierato units at 500.00 a month, 100.00 of costs each, nothing else: easy to follow by hand. */
const plain = (change: Partial<ScenarioInput> = {}) =>
  testScenario({
    conventionYears: 2,
    unitsInOperation: {
      calmierato: { count: 10, averageM2: 80, rentCentsPerMonth: 50_000 },
      calmierato_ridotto: { count: 0, averageM2: 50, rentCentsPerMonth: "at_cap" },
      fragilita: { count: 0, averageM2: 45, coPaymentCentsPerMonth: 0 },
    },
    pipeline: { units: 0, renovationCostCentsPerUnit: 1_000_000, worksLagMonths: 3 },
    vacancyRate: 0,
    arrearsRate: 0,
    operatingCostCentsPerUnitMonth: 10_000,
    maintenanceCostCentsPerUnitMonth: 0,
    maintenanceReserveRate: 0,
    costInflationRate: 0,
    rentIndexationRate: 0,
    funding: {},
    loans: [],
    ...change,
  });

describe("the monthly waterfall, by hand", () => {
  it("collects the rent, pays the costs and puts the rest in the fund", () => {
    const plan = runPlan(plain());
    expect(plan.months).toHaveLength(24);
    expect(plan.months[0]).toMatchObject({
      month: "2026-01",
      potentialRentCents: 500_000,
      collectedRentCents: 500_000,
      operatingCostCents: 100_000,
      operatingMarginCents: 400_000,
      netCashCents: 400_000,
      fundClosingCents: 400_000,
    });
    expect(plan.months[11]?.fundClosingCents).toBe(12 * 400_000);
    expect(plan.minDscr).toBeNull(); // no debt, no DSCR
  });

  it.each([
    // vacancy, arrears, reserve, expected [vacancy loss, arrears loss, collected, reserve]
    [0.1, 0.05, 0, [50_000, 22_500, 427_500, 0]],
    [0, 0.08, 0.05, [0, 40_000, 460_000, 23_000]],
    [0.033, 0.011, 0.1, [16_500, 5_319, 478_181, 47_818]], // 5,318.5 → 5,319; 47,818.1 → 47,818
  ])("vacancy %f, arrears %f, reserve %f", (vacancyRate, arrearsRate, maintenanceReserveRate, expected) => {
    const [row] = runPlan(plain({ vacancyRate, arrearsRate, maintenanceReserveRate })).months;
    expect([
      row?.vacancyLossCents,
      row?.arrearsLossCents,
      row?.collectedRentCents,
      row?.maintenanceReserveCents,
    ]).toEqual(expected);
    expect(row?.operatingMarginCents).toBe((expected[2] as number) - 100_000);
  });

  it("raises costs and rents once a year, from the second year", () => {
    const plan = runPlan(plain({ costInflationRate: 0.03, rentIndexationRate: 0.015 }));
    expect(plan.months[11]).toMatchObject({ operatingCostCents: 100_000, potentialRentCents: 500_000 });
    expect(plan.months[12]).toMatchObject({ operatingCostCents: 103_000, potentialRentCents: 507_500 });
  });

  it("takes the capped rent as m² × the annual cap ÷ 12", () => {
    const s = testScenario();
    expect(startRentCents(s, "calmierato")).toBe(37_500); // 60 m² × 75 EUR ÷ 12
    expect(startRentCents(s, "calmierato_ridotto")).toBe(20_000); // as given
    expect(startRentCents(s, "fragilita")).toBe(12_000); // the co-payment
  });

  it("pays the loan's schedule from the month it is disbursed, and counts DSCR per year", () => {
    const loan = {
      principalCents: 2_000_000,
      annualRate: 0.06,
      years: 2,
      method: "italian" as const,
      disbursedMonth: "2026-01",
    };
    const plan = runPlan(
      plain({ funding: { grant: [{ amountCents: 3_000_000, month: "2026-01" }] }, loans: [loan] }),
    );
    const schedule = amortisationSchedule({ ...loan, periodsPerYear: 12 });
    expect(plan.months.map((m) => m.debtServiceCents)).toEqual(schedule.map((r) => r.instalmentCents));
    expect(plan.months[0]?.loanDisbursedCents).toBe(2_000_000);
    const [first, second] = plan.years;
    const yearDebt = (from: number) =>
      schedule.slice(from, from + 12).reduce((sum, r) => sum + r.instalmentCents, 0);
    expect(first?.dscr).toBeCloseTo((12 * 400_000) / yearDebt(0), 12);
    expect(second?.dscr).toBeCloseTo((12 * 400_000) / yearDebt(12), 12);
    expect(plan.minDscr).toBe(Math.min(first?.dscr ?? 0, second?.dscr ?? 0));
    expect(plan.minDscrYear).toBe((first?.dscr ?? 0) < (second?.dscr ?? 0) ? 1 : 2);
  });

  it("records a shortfall instead of a negative fund when costs exceed rents", () => {
    const plan = runPlan(plain({ operatingCostCentsPerUnitMonth: 60_000 }));
    expect(plan.months[0]).toMatchObject({
      netCashCents: -100_000,
      shortfallCents: 100_000,
      fundClosingCents: 0,
    });
    expect(plan.totals.shortfallCents).toBe(24 * 100_000);
  });
});

describe("renovations from the revolving fund", () => {
  const renovating = (change: Partial<ScenarioInput> = {}) =>
    plain({
      pipeline: {
        units: 5,
        renovationCostCentsPerUnit: 1_000_000,
        worksLagMonths: 3,
        vatRate: 0.1,
        mix: { calmierato: 1, calmierato_ridotto: 0, fragilita: 0 },
      },
      funding: { grant: [{ amountCents: 2_500_000, month: "2026-01" }] },
      ...change,
    });

  it("starts the works the fund covers, VAT included, and lets the units after the lag", () => {
    const plan = runPlan(renovating());
    const [jan] = plan.months;
    // 25,000 + 4,000 of margin = 29,000: two units at 11,000 each, 7,000 left.
    expect(jan).toMatchObject({
      renovationsStarted: 2,
      renovationSpendCents: 2_200_000,
      fundClosingCents: 700_000,
    });
    expect(jan?.renovationExVatCents).toBe(2_000_000);
    expect(plan.months[3]).toMatchObject({ unitsRecovered: 2, unitsInOperation: 12 });
    expect(plan.months[2]?.unitsInOperation).toBe(10);
    // Later units are paid from the margin flowing back: 7,000 + 4,000 → the 3rd unit in February.
    expect(plan.months[1]).toMatchObject({ renovationsStarted: 1, fundClosingCents: 0 });
    expect(plan.months[2]).toMatchObject({ renovationsStarted: 0, fundClosingCents: 400_000 });
    expect(plan.unitsRecovered).toBe(5);
  });

  it.each([
    // With a 3-month lag, the last works to start are those of September of the last year, let in December.
    ["2027-09", 2, 2, 300_000],
    ["2027-10", 0, 0, 2_500_000],
  ])(
    "with the money in %s, starts %i units, recovers %i and ends with %i cents",
    (month, started, recovered, end) => {
      // Rents just cover the costs: only the grant pays for works.
      const plan = runPlan(
        renovating({
          operatingCostCentsPerUnitMonth: 50_000,
          funding: { grant: [{ amountCents: 2_500_000, month }] },
        }),
      );
      expect(plan.totals.renovationsStarted).toBe(started);
      expect(plan.unitsRecovered).toBe(recovered);
      expect(plan.totals.fundEndCents).toBe(end);
    },
  );

  it("raises the renovation cost with cost inflation", () => {
    const plan = runPlan(
      renovating({
        costInflationRate: 0.1,
        funding: { grant: [{ amountCents: 1_200_000, month: "2027-01" }] },
      }),
    );
    const [start] = plan.months.slice(12).filter((m) => m.renovationsStarted > 0);
    expect(start?.renovationExVatCents).toBe(start ? start.renovationsStarted * 1_100_000 : -1);
    expect(start?.renovationSpendCents).toBe(start ? start.renovationsStarted * 1_210_000 : -1);
  });

  it("gives recovered units categories that follow the mix as closely as whole units can", () => {
    const s = testScenario({
      conventionYears: 5,
      loans: [],
      pipeline: {
        units: 100,
        renovationCostCentsPerUnit: 0, // free works: all start at once
        worksLagMonths: 1,
        mix: { calmierato: 0.39, calmierato_ridotto: 0.26, fragilita: 0.35 },
      },
    });
    const model = compilePlan(s);
    const plan = runPlan(s, model);
    expect(plan.unitsRecovered).toBe(100);
    // potential rent in month 1 = initial units' rent + 39 / 26 / 35 recovered units'
    const [c, r, f] = [0, 1, 2].map((k) => model.rentByYear[k * model.years] as number) as [
      number,
      number,
      number,
    ];
    const expected = (12 + 39) * c + (8 + 26) * r + (10 + 35) * f;
    expect(plan.months[1]?.potentialRentCents).toBe(expected);
  });
});

describe("every plan (property)", () => {
  it("adds up every month's line exactly, in whole cents", () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        const plan = runPlan(s);
        return plan.months.every(
          (m: PlanMonth) =>
            m.collectedRentCents === m.potentialRentCents - m.vacancyLossCents - m.arrearsLossCents &&
            m.operatingMarginCents === m.collectedRentCents - m.operatingCostCents - m.maintenanceCostCents &&
            m.netCashCents === m.operatingMarginCents - m.maintenanceReserveCents - m.debtServiceCents &&
            m.debtServiceCents === m.debtInterestCents + m.debtPrincipalCents &&
            m.fundingCents ===
              m.grantCents +
                m.equityCents +
                m.fundraisingCents +
                m.callsCents +
                m.loanDisbursedCents +
                m.coFinancingCents &&
            m.fundClosingCents ===
              m.fundOpeningCents +
                m.fundingCents +
                m.netCashCents +
                m.shortfallCents -
                m.renovationSpendCents &&
            Object.values(m).every((v) => typeof v === "string" || Number.isInteger(v)),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("never lets the fund go below zero: works start only when covered", () => {
    fc.assert(
      fc.property(anyScenario, (s) =>
        runPlan(s).months.every(
          (m) => m.fundOpeningCents >= 0 && m.fundClosingCents >= 0 && m.shortfallCents >= 0,
        ),
      ),
      { numRuns: 60 },
    );
  });

  it("recovers no more units than the pipeline holds, and keeps the stock constant", () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        const plan = runPlan(s);
        const initial =
          s.unitsInOperation.calmierato.count +
          s.unitsInOperation.calmierato_ridotto.count +
          s.unitsInOperation.fragilita.count;
        return (
          plan.unitsRecovered <= s.pipeline.units &&
          plan.months.every(
            (m) =>
              m.unitsInOperation + m.unitsInWorks + m.pipelineRemaining === initial + s.pipeline.units &&
              m.unitsInOperation === initial + m.unitsRecoveredToDate,
          )
        );
      }),
      { numRuns: 60 },
    );
  });

  it("gives the same outcome in the lean run as in the tables, and years that sum their months", () => {
    fc.assert(
      fc.property(anyScenario, (s) => {
        const model = compilePlan(s);
        const lean = simulate(model, model.baseDraw);
        const plan = runPlan(s, model);
        const years = yearsOf(plan.months);
        const dscrs = years.map((y) => y.dscr).filter((d): d is number => d !== null);
        return (
          lean.minDscr === plan.minDscr &&
          lean.minDscr === (dscrs.length === 0 ? null : Math.min(...dscrs)) &&
          lean.unitsRecovered === plan.unitsRecovered &&
          lean.collectedRentCents === plan.totals.collectedRentCents &&
          lean.fundEndCents === plan.totals.fundEndCents &&
          years.reduce((n, y) => n + y.netCashCents, 0) ===
            plan.months.reduce((n, m) => n + m.netCashCents, 0)
        );
      }),
      { numRuns: 40 },
    );
  });
});

describe("results", () => {
  it("reconciles collected revenue with the estimate", () => {
    const s = testScenario({ revenueEstimateCents: 100_000_000 });
    const plan = runPlan(s);
    const collected = plan.months.reduce((n, m) => n + m.collectedRentCents, 0);
    expect(plan.revenue).toEqual({
      collectedCents: collected,
      estimateCents: 100_000_000,
      differenceCents: collected - 100_000_000,
      differenceShare: (collected - 100_000_000) / 100_000_000,
    });
  });

  it("gives the fund and recovered units over time, month by month", () => {
    const plan = runPlan(testScenario());
    expect(plan.series.month).toHaveLength(120);
    expect(plan.series.fundCents[37]).toBe(plan.months[37]?.fundClosingCents);
    expect(plan.series.unitsRecoveredToDate.at(-1)).toBe(plan.unitsRecovered);
  });
});

describe("break-even", () => {
  it("finds the arrears rate and the rent level where the minimum DSCR crosses 1", () => {
    const s = testScenario();
    const model = compilePlan(s);
    const plan = runPlan(s, model);
    const at = (change: object) => simulate(model, { ...model.baseDraw, ...change }).minDscr ?? Number.NaN;
    const { arrearsRate, rentLevel } = plan.breakEven;
    expect(plan.minDscr).toBeGreaterThan(1);
    expect(arrearsRate).not.toBeNull();
    expect(rentLevel).not.toBeNull();
    expect(at({ arrearsRate })).toBeGreaterThanOrEqual(1);
    expect(at({ arrearsRate: (arrearsRate ?? 0) + 2 * BREAK_EVEN_TOLERANCE })).toBeLessThan(1);
    expect(at({ rentFactor: rentLevel })).toBeGreaterThanOrEqual(1);
    expect(at({ rentFactor: (rentLevel ?? 0) - 2 * BREAK_EVEN_TOLERANCE })).toBeLessThan(1);
    expect(rentLevel).toBeLessThan(1); // the plan has headroom
    expect(arrearsRate).toBeGreaterThan(s.arrearsRate);
  });

  it.each([
    ["no debt at all", () => null, null],
    ["always below 1", () => 0.5, null],
    ["always at least 1", () => 1.2, 1],
    ["a straight line crossing at 0.3", (x: number) => 1 + (0.3 - x), 0.3],
  ])("on %s", (_name, f, expected) => {
    const found = breakEven(f, 0, 1, false);
    if (expected === null) expect(found).toBeNull();
    else expect(found).toBeCloseTo(expected, 5);
  });
});
