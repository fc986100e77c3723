// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/*
 * The arrears policy as data (politica di prevenzione della morosità): the stages of an arrears case in
 * order, from how many days overdue each may be taken and the task it gives the household's educator,
 * the limits of a repayment plan and the rules of the two funds a household may be referred to. The
 * Comune's admin saves versions of it (who, when, why); DEFAULT_ARREARS_POLICY is in force until then.
 * Every figure in it is a setting for the Comune to confirm, not law.
 */

export const ARREARS_STAGES = [
  "signal",
  "reminder",
  "meeting",
  "repayment_plan",
  "fund_referral",
  "legal",
] as const;
/**
 * Fase della pratica di morosità: segnalazione all'educatore, sollecito, incontro, piano di rientro,
 * invio a un fondo, azione legale (sempre l'ultima).
 */
export const ArrearsStage = z.enum(ARREARS_STAGES, {
  error: `Unknown stage: use ${ARREARS_STAGES.join(", ")}`,
});
export type ArrearsStage = z.infer<typeof ArrearsStage>;

/** Position of a stage in the policy's order. */
export const stageOrder = (stage: ArrearsStage) => ARREARS_STAGES.indexOf(stage);

export const FUND_KINDS = ["involuntary_arrears_fund", "regional_solidarity"] as const;
/**
 * Fondo: fondo per la morosità incolpevole (national, through the Comune) or contributo regionale di
 * solidarietà (Regione Lombardia).
 */
export const FundKind = z.enum(FUND_KINDS, {
  error: `Unknown fund: use ${FUND_KINDS.join(" or ")}`,
});
export type FundKind = z.infer<typeof FundKind>;

const whenFieldsValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

const Days = (name: string) =>
  z
    .number({ error: `${name} must be a whole number of days` })
    .int({ error: `${name} must be a whole number of days` })
    .min(0, { error: `${name} cannot be negative` })
    .max(3650, { error: `${name}: at most 3650 days` });

const Count = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a whole number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be from ${min} to ${max}` })
    .max(max, { error: `${name} must be from ${min} to ${max}` });

const Cents = (name: string) =>
  z
    .number({ error: `${name} must be an amount in cents` })
    .int({ error: `${name} must be a whole number of cents` })
    .min(0, { error: `${name} cannot be negative` })
    .max(100_000_000, { error: `${name} is too large` });

/** When a stage may be taken: from how many days past due the oldest unpaid charge is. */
const StageRule = (stage: ArrearsStage) =>
  z.object({ fromDaysOverdue: Days(`stages.${stage}.fromDaysOverdue`) });

/** A stage that gives the household's educator a task, due this many days after the step. */
const TaskStageRule = (stage: ArrearsStage) =>
  StageRule(stage).extend({ taskDueDays: Days(`stages.${stage}.taskDueDays`) });

export const ArrearsPolicy = z
  .object({
    stages: z.object({
      /** The first signal: a task to the educator, never a letter. */
      signal: TaskStageRule("signal").extend({
        /** An early warning (first missed payment, partial payment, income drop) opens a case too. */
        onEarlyWarning: z.boolean({ error: "stages.signal.onEarlyWarning must be true or false" }),
      }),
      reminder: StageRule("reminder"),
      /** The educator convenes the household: a task. */
      meeting: TaskStageRule("meeting"),
      repayment_plan: StageRule("repayment_plan"),
      fund_referral: StageRule("fund_referral"),
      legal: StageRule("legal").extend({
        /** Steps that must be on the case before legal action. */
        requiresStages: z
          .array(z.enum(["reminder", "meeting", "repayment_plan", "fund_referral"]))
          .max(4)
          .refine((xs) => new Set(xs).size === xs.length, {
            error: "stages.legal.requiresStages: each stage once",
          }),
      }),
    }),
    repaymentPlan: z.object({
      maxInstalments: Count("repaymentPlan.maxInstalments", 1, 120),
      /** No instalment of a plan of more than one is below this. */
      minInstalmentCents: Cents("repaymentPlan.minInstalmentCents").refine((v) => v > 0, {
        error: "repaymentPlan.minInstalmentCents must be greater than 0",
      }),
      /** The plan is broken when this many instalments are overdue by more than `brokenAfterDays`. */
      brokenAfterInstalments: Count("repaymentPlan.brokenAfterInstalments", 1, 24),
      brokenAfterDays: Days("repaymentPlan.brokenAfterDays"),
    }),
    funds: z.object({
      /** Fondo morosità incolpevole: ISEE at most this, and an income drop or a cause recorded. */
      involuntary_arrears_fund: z.object({
        maxIseeCents: Cents("funds.involuntary_arrears_fund.maxIseeCents"),
        requiresIncomeDropOrCause: z.boolean({
          error: "funds.involuntary_arrears_fund.requiresIncomeDropOrCause must be true or false",
        }),
      }),
      /** Contributo regionale di solidarietà: ISEE at most this. */
      regional_solidarity: z.object({
        maxIseeCents: Cents("funds.regional_solidarity.maxIseeCents"),
      }),
    }),
  })
  // Only once every field is valid, so a problem is named once.
  .superRefine((policy, ctx) => {
    // Stages in order: none may be taken earlier than the one before it; legal action is last.
    for (let i = 1; i < ARREARS_STAGES.length; i++) {
      const stage = ARREARS_STAGES[i] as ArrearsStage;
      const before = ARREARS_STAGES[i - 1] as ArrearsStage;
      const days = policy.stages[stage].fromDaysOverdue;
      const previous = policy.stages[before].fromDaysOverdue;
      if (days < previous)
        ctx.addIssue({
          code: "custom",
          path: ["stages", stage, "fromDaysOverdue"],
          message: `stages.${stage}.fromDaysOverdue cannot be below ${before}'s (${previous} days): stages go in order`,
        });
    }
    if (policy.stages.signal.fromDaysOverdue < 1 && !policy.stages.signal.onEarlyWarning)
      ctx.addIssue({
        code: "custom",
        path: ["stages", "signal", "fromDaysOverdue"],
        message: "stages.signal.fromDaysOverdue must be at least 1 day",
      });
  }, whenFieldsValid);
export type ArrearsPolicy = z.infer<typeof ArrearsPolicy>;

/**
 * The starting policy (version 0). The fund thresholds are settings to be confirmed by the Comune:
 * 26,000 EUR of ISEE is the ceiling of the national fund for involuntary arrears (DM 30 March 2016);
 * 9,360 EUR the ceiling of Regione Lombardia's solidarity contribution for public-housing tenants.
 */
export const DEFAULT_ARREARS_POLICY: ArrearsPolicy = {
  stages: {
    signal: { fromDaysOverdue: 1, onEarlyWarning: true, taskDueDays: 7 },
    reminder: { fromDaysOverdue: 15 },
    meeting: { fromDaysOverdue: 30, taskDueDays: 7 },
    repayment_plan: { fromDaysOverdue: 30 },
    fund_referral: { fromDaysOverdue: 30 },
    legal: { fromDaysOverdue: 90, requiresStages: ["reminder", "meeting"] },
  },
  repaymentPlan: {
    maxInstalments: 24,
    minInstalmentCents: 2_000,
    brokenAfterInstalments: 2,
    brokenAfterDays: 30,
  },
  funds: {
    involuntary_arrears_fund: { maxIseeCents: 2_600_000, requiresIncomeDropOrCause: true },
    regional_solidarity: { maxIseeCents: 936_000 },
  },
};

export const DEFAULT_ARREARS_POLICY_REASON =
  "Starting policy: figures to be confirmed by the Comune (fund thresholds are settings)";
