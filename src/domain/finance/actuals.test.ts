// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { type ActualFunding, actualChecks, planVersusActual } from "./actuals.ts";
import { testScenario } from "./finance-testing.ts";
import { type PlanMonth, runPlan } from "./plan.ts";

const month = (m: string, change: Partial<PlanMonth> = {}): PlanMonth =>
  ({
    month: m,
    year: 1,
    collectedRentCents: 0,
    renovationSpendCents: 0,
    debtServiceCents: 0,
    operatingCostCents: 0,
    maintenanceCostCents: 0,
    ...change,
  }) as PlanMonth;

const funding = (change: Partial<ActualFunding> = {}): ActualFunding => ({
  grantCents: 0,
  otherSourcesCents: 0,
  loansCents: 0,
  areaAReceipts: [],
  areaBReceipts: [],
  worksExVatCents: 0,
  stockUnits: 0,
  ...change,
});

describe("plan versus actual", () => {
  it("puts each month's records beside the plan up to the month given, with totals", () => {
    const plan = [
      month("2026-01", { collectedRentCents: 1_000, renovationSpendCents: 5_000, debtServiceCents: 300 }),
      month("2026-02", { collectedRentCents: 1_100 }),
      month("2026-03", { collectedRentCents: 1_200 }),
    ];
    const { months, totals } = planVersusActual(
      plan,
      [
        { month: "2026-02", collectedRentCents: 900, worksCostCents: 4_000, loanPaymentsCents: 310 },
        { month: "2026-03", collectedRentCents: 5, worksCostCents: 0, loanPaymentsCents: 0 },
      ],
      "2026-02",
    );
    expect(months).toEqual([
      {
        month: "2026-01",
        plannedCollectedRentCents: 1_000,
        actualCollectedRentCents: 0,
        plannedRenovationSpendCents: 5_000,
        actualWorksCostCents: 0,
        plannedDebtServiceCents: 300,
        actualLoanPaymentsCents: 0,
      },
      {
        month: "2026-02",
        plannedCollectedRentCents: 1_100,
        actualCollectedRentCents: 900,
        plannedRenovationSpendCents: 0,
        actualWorksCostCents: 4_000,
        plannedDebtServiceCents: 0,
        actualLoanPaymentsCents: 310,
      },
    ]);
    expect(totals).toEqual({
      plannedCollectedRentCents: 2_100,
      actualCollectedRentCents: 900,
      plannedRenovationSpendCents: 5_000,
      actualWorksCostCents: 4_000,
      plannedDebtServiceCents: 300,
      actualLoanPaymentsCents: 310,
    });
  });
});

describe("the programme's checks on actual figures", () => {
  const scenario = testScenario({ startMonth: "2026-01" });

  const checksOf = (
    f: ActualFunding,
    actual = [] as Parameters<typeof actualChecks>[2],
    through = "2027-06",
  ) => {
    const plan = [
      ...Array.from({ length: 12 }, (_, i) =>
        month(`2026-${String(i + 1).padStart(2, "0")}`, {
          year: 1,
          operatingCostCents: 1_000,
          maintenanceCostCents: 500,
        }),
      ),
      ...Array.from({ length: 12 }, (_, i) =>
        month(`2027-${String(i + 1).padStart(2, "0")}`, {
          year: 2,
          operatingCostCents: 1_000,
          maintenanceCostCents: 500,
        }),
      ),
    ];
    return new Map(actualChecks(scenario, plan, actual, f, through).map((c) => [c.id, c]));
  };

  it("judges the grant cap and the debt share on what is pledged and accepted", () => {
    const at = checksOf(funding({ grantCents: 300_000_000, otherSourcesCents: 0, loansCents: 200_000_000 }));
    expect(at.get("grant")?.passed).toBe(true);
    // 200 of 500: exactly 40 %.
    expect(at.get("debt_share")).toMatchObject({ passed: true, figures: { share: 0.4 } });
    const above = checksOf(funding({ grantCents: 300_000_001, loansCents: 200_000_001 }));
    expect(above.get("grant")?.passed).toBe(false);
    expect(above.get("debt_share")?.passed).toBe(false);
  });

  it("counts Area A's receipts of the first 5 years against the invoices to date, VAT excluded", () => {
    const receipts = [
      { month: "2026-06", amountCents: 15_000 },
      // The sixth year: too late to count.
      { month: "2031-01", amountCents: 1_000_000 },
    ];
    const short = checksOf(funding({ areaAReceipts: receipts, worksExVatCents: 1_000_000 }));
    expect(short.get("area_a_co_financing")).toMatchObject({
      passed: false,
      figures: { contributedCents: 15_000, requiredCents: 20_000 },
    });
    const met = checksOf(funding({ areaAReceipts: receipts, worksExVatCents: 750_000 }));
    expect(met.get("area_a_co_financing")?.passed).toBe(true);
  });

  it("measures Area B's receipts in each year begun against the rent collected less the plan's costs", () => {
    // Year 1: 12 months × (10,000 collected − 1,500 costs) = 102,000 margin: 5 % is 5,100.
    const rent = Array.from({ length: 12 }, (_, i) => ({
      month: `2026-${String(i + 1).padStart(2, "0")}`,
      collectedRentCents: 10_000,
      worksCostCents: 0,
      loanPaymentsCents: 0,
    }));
    const check = checksOf(
      funding({
        areaBReceipts: [
          { month: "2026-03", amountCents: 5_100 },
          { month: "2027-02", amountCents: 1 },
        ],
      }),
      rent,
    ).get("area_b_co_financing");
    expect(check?.years?.[0]).toMatchObject({
      year: 1,
      operatingMarginCents: 102_000,
      requiredCents: 5_100,
      contributedCents: 5_100,
      passed: true,
    });
    // Year 2 to June: no rent recorded, a negative margin: nothing is required.
    expect(check?.years?.[1]).toMatchObject({ year: 2, operatingMarginCents: -9_000, passed: true });
    expect(check?.passed).toBe(true);
    const short = checksOf(funding({ areaBReceipts: [{ month: "2026-03", amountCents: 5_099 }] }), rent).get(
      "area_b_co_financing",
    );
    expect(short).toMatchObject({ passed: false, figures: { firstYearShort: 1, shortfallCents: 1 } });
  });

  it("judges the stock in the registry against the base stock", () => {
    expect(checksOf(funding({ stockUnits: 732 })).get("stock")?.passed).toBe(true);
    expect(checksOf(funding({ stockUnits: 733 })).get("stock")?.passed).toBe(false);
  });

  it("runs on a real plan's months", () => {
    const plan = runPlan(scenario);
    const { months } = planVersusActual(plan.months, [], "2026-12");
    expect(months).toHaveLength(12);
    expect(months[0]?.plannedCollectedRentCents).toBe(plan.months[0]?.collectedRentCents);
  });
});
