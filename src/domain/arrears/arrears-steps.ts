// SPDX-License-Identifier: EUPL-1.2
import type { WarningKind } from "../ledger/account.ts";
import {
  ARREARS_STAGES,
  type ArrearsPolicy,
  type ArrearsStage,
  FUND_KINDS,
  type FundKind,
  stageOrder,
} from "./arrears-policy.ts";

/*
 * What an arrears case may do next. A case opens at the signal (a task to the educator, never a
 * letter) and moves forward: a step may be repeated (a second reminder) or followed by any later one
 * whose day has come, never by an earlier one; a repayment plan and a fund referral stand side by side
 * (either may follow the other). Some steps have conditions of their own: no reminder
 * while a payment may sit unmatched in the bank queue, one repayment plan at a time, a fund only when
 * its rules fit, legal action last and only after the steps the policy asks for.
 */

/** Why a step or a fund is not possible now: a code for the interface, the values, an English sentence. */
export type StepBlock =
  | { code: "opens_case"; message: string }
  | { code: "stage_passed"; message: string; current: ArrearsStage }
  | { code: "too_early"; message: string; fromDays: number; days: number }
  | { code: "nothing_overdue"; message: string }
  | { code: "payment_in_queue"; message: string }
  | { code: "plan_active"; message: string }
  | { code: "no_fund_fits"; message: string }
  | { code: "missing_steps"; message: string; stages: ArrearsStage[] }
  | { code: "isee_missing"; message: string }
  | { code: "isee_above"; message: string; maxIseeCents: number }
  | { code: "no_cause"; message: string };

export type FundFacts = {
  /** The household's ISEE in cents (the latest recertification's, else the household's); null: unknown. */
  iseeCents: number | null;
  /** An income drop recorded at the latest recertification (the early warning). */
  incomeDropped: boolean;
  /** A cause of the arrears recorded with the referral (job loss, illness, separation…). */
  causeRecorded: boolean;
};

export type FundCheck = { fund: FundKind; eligible: boolean; blocks: StepBlock[] };

const euros = (cents: number) => `${(cents / 100).toLocaleString("en-GB")} EUR`;

/** Whether each fund's rules fit the household, and why not. */
export function fundChecks(policy: ArrearsPolicy, facts: FundFacts): FundCheck[] {
  return FUND_KINDS.map((fund) => {
    const rule = policy.funds[fund];
    const blocks: StepBlock[] = [];
    if (facts.iseeCents === null)
      blocks.push({ code: "isee_missing", message: "The household's ISEE is not recorded" });
    else if (facts.iseeCents > rule.maxIseeCents)
      blocks.push({
        code: "isee_above",
        message: `ISEE ${euros(facts.iseeCents)} is above the fund's ceiling of ${euros(rule.maxIseeCents)}`,
        maxIseeCents: rule.maxIseeCents,
      });
    if (
      fund === "involuntary_arrears_fund" &&
      policy.funds.involuntary_arrears_fund.requiresIncomeDropOrCause &&
      !facts.incomeDropped &&
      !facts.causeRecorded
    )
      blocks.push({
        code: "no_cause",
        message: "The fund asks for an income drop at recertification or a recorded cause of the arrears",
      });
    return { fund, eligible: blocks.length === 0, blocks };
  });
}

export type CaseFacts = {
  /** The stage the case has reached. */
  stage: ArrearsStage;
  /** Days past due of the oldest unpaid charge; 0 when nothing is overdue. */
  daysOverdue: number;
  overdueCents: number;
  /** The stages recorded on the case so far. */
  stagesTaken: readonly ArrearsStage[];
  /** An unmatched bank line of the partner could be this tenancy's payment. */
  paymentMayBeInQueue: boolean;
  /** The case has a repayment plan in force (active and not broken). */
  activePlan: boolean;
  /** The funds' checks; a missing cause does not block the step, since the referral may record one. */
  funds: readonly FundCheck[];
};

/** Rank of a stage: the order of the policy, with a repayment plan and a fund referral side by side. */
const rankOf = (stage: ArrearsStage) =>
  stage === "fund_referral" ? stageOrder("repayment_plan") : stageOrder(stage);

export type StepOption = { stage: ArrearsStage; allowed: boolean; blocks: StepBlock[] };

/** Each stage, whether it may be taken next on the case, and why not. */
export function stepOptions(policy: ArrearsPolicy, facts: CaseFacts): StepOption[] {
  return ARREARS_STAGES.map((stage) => {
    const blocks = stepBlocks(policy, facts, stage);
    return { stage, allowed: blocks.length === 0, blocks };
  });
}

/** Why `stage` may not be taken next on the case; empty when it may. */
export function stepBlocks(policy: ArrearsPolicy, facts: CaseFacts, stage: ArrearsStage): StepBlock[] {
  if (stage === "signal")
    return [{ code: "opens_case", message: "The signal opens the case; it is not taken again" }];
  if (rankOf(stage) < rankOf(facts.stage))
    return [
      {
        code: "stage_passed",
        message: `The case is at ${facts.stage}: it moves forward, not back to ${stage}`,
        current: facts.stage,
      },
    ];
  const blocks: StepBlock[] = [];
  const fromDays = policy.stages[stage].fromDaysOverdue;
  if (facts.daysOverdue < fromDays)
    blocks.push({
      code: "too_early",
      message: `${stage} is taken from ${fromDays} days overdue; the oldest unpaid charge is ${facts.daysOverdue} days overdue`,
      fromDays,
      days: facts.daysOverdue,
    });
  switch (stage) {
    case "reminder":
      if (facts.overdueCents <= 0) blocks.push(nothingOverdue);
      // A reminder never goes out for a debt that may already be paid and waiting to be matched.
      if (facts.paymentMayBeInQueue)
        blocks.push({
          code: "payment_in_queue",
          message:
            "A payment that may be this tenancy's waits in the queue of unmatched bank lines: match it first",
        });
      break;
    case "meeting":
      break;
    case "repayment_plan":
      if (facts.overdueCents <= 0) blocks.push(nothingOverdue);
      if (facts.activePlan)
        blocks.push({ code: "plan_active", message: "The case already has a repayment plan in force" });
      break;
    case "fund_referral":
      if (!facts.funds.some((f) => f.blocks.every((b) => b.code === "no_cause")))
        blocks.push({ code: "no_fund_fits", message: "Neither fund's rules fit the household" });
      break;
    case "legal": {
      if (facts.overdueCents <= 0) blocks.push(nothingOverdue);
      const missing = policy.stages.legal.requiresStages.filter((s) => !facts.stagesTaken.includes(s));
      if (missing.length > 0)
        blocks.push({
          code: "missing_steps",
          message: `Legal action comes only after ${missing.join(" and ")} ${missing.length > 1 ? "were" : "was"} recorded`,
          stages: missing,
        });
      break;
    }
  }
  return blocks;
}

const nothingOverdue: StepBlock = { code: "nothing_overdue", message: "Nothing is overdue on the tenancy" };

/**
 * Whether a case may be opened: something overdue since the signal's day, or an early warning when
 * the policy lets one open a case.
 */
export function mayOpenCase(
  policy: ArrearsPolicy,
  facts: { daysOverdue: number; warnings: readonly WarningKind[] },
): boolean {
  const signal = policy.stages.signal;
  return (
    (facts.daysOverdue > 0 && facts.daysOverdue >= signal.fromDaysOverdue) ||
    (signal.onEarlyWarning && facts.warnings.length > 0)
  );
}

/** The stage a case is at after a step: the step's, unless the case was further on already. */
export const stageAfter = (current: ArrearsStage, step: ArrearsStage): ArrearsStage =>
  rankOf(step) >= rankOf(current) ? step : current;
