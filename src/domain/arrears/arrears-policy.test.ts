// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { ArrearsPolicy, DEFAULT_ARREARS_POLICY } from "./arrears-policy.ts";

const issues = (value: unknown) => {
  const parsed = ArrearsPolicy.safeParse(value);
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("the arrears policy as data", () => {
  it("starts with the issue's stages and figures", () => {
    expect(ArrearsPolicy.parse(DEFAULT_ARREARS_POLICY)).toEqual(DEFAULT_ARREARS_POLICY);
    const { stages, repaymentPlan, funds } = DEFAULT_ARREARS_POLICY;
    expect(
      Object.entries(stages).map(([stage, rule]) => [
        stage,
        rule.fromDaysOverdue,
        "taskDueDays" in rule ? rule.taskDueDays : null,
      ]),
    ).toEqual([
      ["signal", 1, 7],
      ["reminder", 15, null],
      ["meeting", 30, 7],
      ["repayment_plan", 30, null],
      ["fund_referral", 30, null],
      ["legal", 90, null],
    ]);
    expect(stages.legal.requiresStages).toEqual(["reminder", "meeting"]);
    expect(repaymentPlan).toMatchObject({ maxInstalments: 24, minInstalmentCents: 2_000 });
    expect(funds.involuntary_arrears_fund.maxIseeCents).toBe(2_600_000);
    expect(funds.regional_solidarity.maxIseeCents).toBe(936_000);
  });

  it.each([
    {
      name: "a stage earlier than the one before it",
      change: (p: ArrearsPolicy) => ({
        ...p,
        stages: { ...p.stages, meeting: { fromDaysOverdue: 10, taskDueDays: 7 } },
      }),
      path: "stages.meeting.fromDaysOverdue",
      message: "stages.meeting.fromDaysOverdue cannot be below reminder's (15 days): stages go in order",
    },
    {
      name: "legal action before a fund referral",
      change: (p: ArrearsPolicy) => ({
        ...p,
        stages: { ...p.stages, legal: { ...p.stages.legal, fromDaysOverdue: 20 } },
      }),
      path: "stages.legal.fromDaysOverdue",
      message: "stages.legal.fromDaysOverdue cannot be below fund_referral's (30 days): stages go in order",
    },
    {
      name: "no instalments",
      change: (p: ArrearsPolicy) => ({ ...p, repaymentPlan: { ...p.repaymentPlan, maxInstalments: 0 } }),
      path: "repaymentPlan.maxInstalments",
      message: "repaymentPlan.maxInstalments must be from 1 to 120",
    },
    {
      name: "a minimum instalment of nothing",
      change: (p: ArrearsPolicy) => ({ ...p, repaymentPlan: { ...p.repaymentPlan, minInstalmentCents: 0 } }),
      path: "repaymentPlan.minInstalmentCents",
      message: "repaymentPlan.minInstalmentCents must be greater than 0",
    },
    {
      name: "a negative ISEE ceiling",
      change: (p: ArrearsPolicy) => ({
        ...p,
        funds: { ...p.funds, regional_solidarity: { maxIseeCents: -1 } },
      }),
      path: "funds.regional_solidarity.maxIseeCents",
      message: "funds.regional_solidarity.maxIseeCents cannot be negative",
    },
    {
      name: "legal action asking for a stage twice",
      change: (p: ArrearsPolicy) => ({
        ...p,
        stages: { ...p.stages, legal: { ...p.stages.legal, requiresStages: ["meeting", "meeting"] } },
      }),
      path: "stages.legal.requiresStages",
      message: "stages.legal.requiresStages: each stage once",
    },
  ])("refuses $name, naming the field", ({ change, path, message }) => {
    expect(issues(change(DEFAULT_ARREARS_POLICY))).toContainEqual({ path, message });
  });
});
