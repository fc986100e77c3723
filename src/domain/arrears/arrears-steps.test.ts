// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { type ArrearsStage, DEFAULT_ARREARS_POLICY as POLICY } from "./arrears-policy.ts";
import {
  type CaseFacts,
  type FundFacts,
  fundChecks,
  mayOpenCase,
  stageAfter,
  stepBlocks,
  stepOptions,
} from "./arrears-steps.ts";

const funds = (facts: Partial<FundFacts> = {}) =>
  fundChecks(POLICY, { iseeCents: 800_000, incomeDropped: false, causeRecorded: false, ...facts });

const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  stage: "signal",
  daysOverdue: 40,
  overdueCents: 80_000,
  stagesTaken: ["signal"],
  paymentMayBeInQueue: false,
  activePlan: false,
  funds: funds(),
  ...overrides,
});

const codes = (f: CaseFacts, stage: ArrearsStage) => stepBlocks(POLICY, f, stage).map((b) => b.code);

describe("which stages a case may take next", () => {
  it.each([
    // stage, facts, codes of what blocks it ([] = allowed)
    ["signal", {}, ["opens_case"]],
    ["reminder", { daysOverdue: 14 }, ["too_early"]],
    ["reminder", { daysOverdue: 15 }, []],
    ["reminder", { paymentMayBeInQueue: true }, ["payment_in_queue"]],
    ["reminder", { daysOverdue: 3, paymentMayBeInQueue: true }, ["too_early", "payment_in_queue"]],
    ["reminder", { stage: "reminder", stagesTaken: ["signal", "reminder"] }, []],
    ["reminder", { stage: "meeting" }, ["stage_passed"]],
    ["meeting", { daysOverdue: 29 }, ["too_early"]],
    ["meeting", { daysOverdue: 30 }, []],
    ["meeting", { paymentMayBeInQueue: true }, []],
    ["repayment_plan", {}, []],
    ["repayment_plan", { activePlan: true, stage: "repayment_plan" }, ["plan_active"]],
    ["repayment_plan", { overdueCents: 0, daysOverdue: 0 }, ["too_early", "nothing_overdue"]],
    ["repayment_plan", { stage: "legal" }, ["stage_passed"]],
    ["repayment_plan", { stage: "fund_referral" }, []],
    ["fund_referral", { stage: "repayment_plan" }, []],
    ["meeting", { stage: "fund_referral" }, ["stage_passed"]],
    ["fund_referral", {}, []],
    ["fund_referral", { funds: funds({ iseeCents: 2_000_000 }) }, []],
    ["fund_referral", { funds: funds({ iseeCents: 3_000_000 }) }, ["no_fund_fits"]],
    ["fund_referral", { funds: funds({ iseeCents: null }) }, ["no_fund_fits"]],
    ["legal", { daysOverdue: 120 }, ["missing_steps"]],
    ["legal", { daysOverdue: 120, stagesTaken: ["signal", "reminder"] }, ["missing_steps"]],
    ["legal", { daysOverdue: 120, stagesTaken: ["signal", "reminder", "meeting"] }, []],
    ["legal", { daysOverdue: 90, stagesTaken: ["signal", "reminder", "meeting"] }, []],
    ["legal", { daysOverdue: 89, stagesTaken: ["signal", "reminder", "meeting"] }, ["too_early"]],
    [
      "legal",
      { daysOverdue: 0, overdueCents: 0, stagesTaken: ["signal", "reminder", "meeting"] },
      ["too_early", "nothing_overdue"],
    ],
  ] as const)("%s with %o: %o", (stage, overrides, expected) => {
    expect(codes(facts(overrides as Partial<CaseFacts>), stage)).toEqual(expected);
  });

  it("says which steps are missing before legal action, and from how many days a stage comes", () => {
    const blocks = stepBlocks(
      POLICY,
      facts({ daysOverdue: 120, stagesTaken: ["signal", "reminder"] }),
      "legal",
    );
    expect(blocks).toEqual([
      {
        code: "missing_steps",
        message: "Legal action comes only after meeting was recorded",
        stages: ["meeting"],
      },
    ]);
    expect(stepBlocks(POLICY, facts({ daysOverdue: 20 }), "meeting")).toEqual([
      {
        code: "too_early",
        message: "meeting is taken from 30 days overdue; the oldest unpaid charge is 20 days overdue",
        fromDays: 30,
        days: 20,
      },
    ]);
  });

  it("lists every stage in order with whether it is allowed", () => {
    const options = stepOptions(POLICY, facts({ daysOverdue: 20 }));
    expect(options.map((o) => [o.stage, o.allowed])).toEqual([
      ["signal", false],
      ["reminder", true],
      ["meeting", false],
      ["repayment_plan", false],
      ["fund_referral", false],
      ["legal", false],
    ]);
  });

  it("moves a case only forward", () => {
    expect(stageAfter("signal", "meeting")).toBe("meeting");
    expect(stageAfter("meeting", "meeting")).toBe("meeting");
    expect(stageAfter("legal", "repayment_plan")).toBe("legal");
    expect(stageAfter("fund_referral", "repayment_plan")).toBe("repayment_plan");
    expect(stageAfter("repayment_plan", "fund_referral")).toBe("fund_referral");
  });
});

describe("the funds' rules", () => {
  it.each([
    // ISEE, income drop, cause → involuntary-arrears fund, regional solidarity
    [800_000, false, false, ["no_cause"], []],
    [800_000, true, false, [], []],
    [800_000, false, true, [], []],
    [936_000, true, false, [], []],
    [936_001, true, false, [], ["isee_above"]],
    [2_600_000, false, true, [], ["isee_above"]],
    [2_600_001, true, true, ["isee_above"], ["isee_above"]],
    [null, true, true, ["isee_missing"], ["isee_missing"]],
  ] as const)(
    "ISEE %s, income drop %s, cause %s → %o and %o",
    (iseeCents, incomeDropped, causeRecorded, fund, regional) => {
      const [involuntary, solidarity] = fundChecks(POLICY, { iseeCents, incomeDropped, causeRecorded });
      expect(involuntary?.blocks.map((b) => b.code)).toEqual(fund);
      expect(involuntary?.eligible).toBe(fund.length === 0);
      expect(solidarity?.blocks.map((b) => b.code)).toEqual(regional);
    },
  );

  it("follows the thresholds of the policy in force, which are settings", () => {
    const policy = {
      ...POLICY,
      funds: {
        involuntary_arrears_fund: { maxIseeCents: 3_000_000, requiresIncomeDropOrCause: false },
        regional_solidarity: { maxIseeCents: 1_000_000 },
      },
    };
    const checks = fundChecks(policy, { iseeCents: 950_000, incomeDropped: false, causeRecorded: false });
    expect(checks.map((c) => c.eligible)).toEqual([true, true]);
  });
});

describe("opening a case", () => {
  it.each([
    [0, [], false],
    [1, [], true],
    [0, ["income_drop"], true],
    [0, ["first_missed_payment"], true],
  ] as const)("%i days overdue and warnings %o → %s", (daysOverdue, warnings, expected) => {
    expect(mayOpenCase(POLICY, { daysOverdue, warnings })).toBe(expected);
  });

  it("waits for the policy's day when early warnings do not open cases", () => {
    const policy = {
      ...POLICY,
      stages: { ...POLICY.stages, signal: { fromDaysOverdue: 10, onEarlyWarning: false, taskDueDays: 7 } },
    };
    expect(mayOpenCase(policy, { daysOverdue: 9, warnings: ["partial_payment"] })).toBe(false);
    expect(mayOpenCase(policy, { daysOverdue: 10, warnings: [] })).toBe(true);
  });
});
