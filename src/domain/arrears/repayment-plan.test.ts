// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_ARREARS_POLICY } from "./arrears-policy.ts";
import { monthlyDueOn, planCreditCents, repaymentSchedule, trackPlan } from "./repayment-plan.ts";

const RULES = DEFAULT_ARREARS_POLICY.repaymentPlan;

describe("the repayment schedule", () => {
  it.each([
    // total, instalments → amounts
    [120_000, 12, Array(12).fill(10_000)],
    [100_000, 3, [33_334, 33_333, 33_333]],
    [100_001, 3, [33_334, 33_334, 33_333]],
    [4_000, 2, [2_000, 2_000]],
    [1_500, 1, [1_500]],
    [48_023, 24, [...Array(23).fill(2_001), 2_000]],
  ])("%i cents in %i instalments", (totalCents, count, amounts) => {
    const result = repaymentSchedule({ totalCents, count, firstDueOn: "2026-12-10" }, RULES);
    expect(result.ok && result.instalments.map((i) => i.amountCents)).toEqual(amounts);
  });

  it.each([
    [3_999, 2, "instalments", "Each instalment must be at least 20 EUR: at most 1 instalment for this total"],
    [
      10_000,
      6,
      "instalments",
      "Each instalment must be at least 20 EUR: at most 5 instalments for this total",
    ],
    [1_000_000, 25, "instalments", "A plan has from 1 to 24 instalments"],
    [1_000, 0, "instalments", "A plan has from 1 to 24 instalments"],
    [0, 1, "totalCents", "The total must be a positive whole number of cents"],
  ])("refuses %i cents in %i instalments, naming %s", (totalCents, count, path, message) => {
    expect(repaymentSchedule({ totalCents, count, firstDueOn: "2026-12-10" }, RULES)).toEqual({
      ok: false,
      issues: [{ path, message }],
    });
  });

  it.each([
    ["2026-12-10", 0, "2026-12-10"],
    ["2026-12-10", 1, "2027-01-10"],
    ["2027-01-31", 1, "2027-02-28"],
    ["2027-01-31", 2, "2027-03-31"],
    ["2027-12-31", 2, "2028-02-29"],
  ])("falls due monthly: %s + %i months → %s", (first, months, expected) => {
    expect(monthlyDueOn(first, months)).toBe(expected);
  });

  it("sums to the total exactly, with no instalment below the minimum unless it is the only one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 20_000 }),
        (totalCents, count, minInstalmentCents) => {
          const rules = { maxInstalments: 24, minInstalmentCents };
          const result = repaymentSchedule({ totalCents, count, firstDueOn: "2027-01-31" }, rules);
          if (!result.ok) {
            expect(count > 1 && Math.floor(totalCents / count) < minInstalmentCents).toBe(true);
            return;
          }
          const amounts = result.instalments.map((i) => i.amountCents);
          expect(amounts).toHaveLength(count);
          expect(amounts.reduce((a, b) => a + b, 0)).toBe(totalCents);
          expect(count === 1 || amounts.every((a) => a >= minInstalmentCents)).toBe(true);
          expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
          const days = result.instalments.map((i) => i.dueOn);
          expect([...days].sort()).toEqual(days);
          expect(new Set(days).size).toBe(count);
        },
      ),
    );
  });
});

describe("what of the payments since the plan started went to it", () => {
  it.each([
    ["payments beyond the current rent", [["2026-12-03", 50_000]], [["2026-12-05", 40_000]], 10_000],
    ["payments before the start do not count", [["2026-11-30", 50_000]], [], 0],
    ["the current rent unpaid leaves nothing", [], [["2026-12-05", 40_000]], 0],
    ["charges after today do not count yet", [["2026-12-20", 10_000]], [["2027-01-05", 40_000]], 10_000],
  ] as const)("%s", (_name, payments, charges, expected) => {
    expect(
      planCreditCents({
        startOn: "2026-12-01",
        asOf: "2026-12-31",
        payments: payments.map(([on, amountCents]) => ({ on, amountCents })),
        charges: charges.map(([dueOn, amountCents]) => ({ dueOn, amountCents })),
      }),
    ).toBe(expected);
  });
});

describe("tracking a plan", () => {
  const instalments = [
    { seq: 1, dueOn: "2026-09-10", amountCents: 10_000 },
    { seq: 2, dueOn: "2026-10-10", amountCents: 10_000 },
    { seq: 3, dueOn: "2026-11-10", amountCents: 10_000 },
    { seq: 4, dueOn: "2026-12-10", amountCents: 10_000 },
  ];

  it.each([
    // credit, as of → statuses, plan status
    [40_000, "2026-11-22", ["paid", "paid", "paid", "paid"], "completed"],
    [30_000, "2026-11-22", ["paid", "paid", "paid", "due"], "active"],
    [35_000, "2026-11-22", ["paid", "paid", "paid", "partly_paid"], "active"],
    [25_000, "2026-11-22", ["paid", "paid", "overdue", "due"], "active"],
    [10_000, "2026-11-22", ["paid", "overdue", "overdue", "due"], "active"],
    [10_000, "2026-11-10", ["paid", "overdue", "due", "due"], "active"],
    [5_000, "2026-11-22", ["overdue", "overdue", "overdue", "due"], "broken"],
    [10_000, "2026-12-11", ["paid", "overdue", "overdue", "overdue"], "broken"],
    [0, "2026-10-10", ["overdue", "due", "due", "due"], "active"],
  ] as const)("%i cents paid on %s", (credit, asOf, statuses, status) => {
    const tracking = trackPlan(instalments, credit, asOf, DEFAULT_ARREARS_POLICY.repaymentPlan);
    expect(tracking.instalments.map((i) => i.status)).toEqual(statuses);
    expect(tracking.status).toBe(status);
    expect(tracking.paidCents + tracking.remainingCents).toBe(40_000);
  });

  it("counts the days an instalment is late and the part paid of it", () => {
    const tracking = trackPlan(instalments, 15_000, "2026-11-22", DEFAULT_ARREARS_POLICY.repaymentPlan);
    expect(tracking.instalments[1]).toEqual({
      seq: 2,
      dueOn: "2026-10-10",
      amountCents: 10_000,
      paidCents: 5_000,
      status: "overdue",
      daysOverdue: 43,
    });
    expect(tracking.overdueInstalments).toBe(2);
  });
});
