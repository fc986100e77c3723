// SPDX-License-Identifier: EUPL-1.2
import type {
  ArrearsCaseClose,
  ArrearsCaseOpen,
  ArrearsCaseView,
  ArrearsStepInput,
  RepaymentPlanInput,
  RepaymentPlanView,
} from "../../domain/arrears/arrears-api.schema.ts";
import type { ArrearsPolicy, ArrearsStage } from "../../domain/arrears/arrears-policy.ts";
import {
  type CaseFacts,
  fundChecks,
  mayOpenCase,
  stageAfter,
  stepBlocks,
  stepOptions,
} from "../../domain/arrears/arrears-steps.ts";
import { planCreditCents, repaymentSchedule, trackPlan } from "../../domain/arrears/repayment-plan.ts";
import { hasPermission } from "../../domain/auth/roles.ts";
import { addDays } from "../../domain/ledger/period.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import { findHouseholdOrFail, romeDate } from "../households/households.service.ts";
import { iseeOfTenancy, type PositionedAccount, positionedAccounts } from "./arrears.service.ts";
import {
  type CaseRow,
  closePlanRow,
  findCaseRow,
  findEducatorId,
  findLatestPlanRow,
  findOpenCaseOfTenancy,
  insertCaseRow,
  insertPlanRow,
  insertStepRow,
  listInstalmentRows,
  listStepRows,
  type PlanRow,
  updateCaseRow,
} from "./arrears-cases.repository.ts";
import { activeArrearsPolicy } from "./arrears-policy.service.ts";
import { insertReferralRow, listReferralRows } from "./economic-referrals.repository.ts";
import { checkFundOrFail, toReferral } from "./economic-referrals.service.ts";
import { cancelCaseTaskRows, insertTaskRow, listTaskRows } from "./tasks.repository.ts";
import { taskPositionOf, toTask } from "./tasks.service.ts";

/*
 * Arrears cases (pratiche di morosità): opened with a task for the household's educator, moved
 * through the policy's stages, given a repayment plan, closed with a reason. One transaction per use
 * case (the request's); the domain decides what may happen next.
 */

const euros = (cents: number) => `${(cents / 100).toFixed(2)} EUR`;

type PlanState = { row: PlanRow; view: RepaymentPlanView };

/** Everything a case's decisions read, on `today`. */
type CaseContext = {
  row: CaseRow;
  account: PositionedAccount;
  version: number;
  policy: ArrearsPolicy;
  plan: PlanState | null;
  iseeCents: number | null;
  facts: CaseFacts;
};

async function planState(
  db: Db,
  caseId: string,
  account: PositionedAccount,
  policy: ArrearsPolicy,
  today: string,
): Promise<PlanState | null> {
  const row = await findLatestPlanRow(db, caseId);
  if (row === null) return null;
  const instalments = await listInstalmentRows(db, row.id);
  const credit = planCreditCents({
    startOn: row.startOn,
    asOf: today,
    payments: account.credits.filter((c) => c.kind === "payment"),
    charges: account.charges,
  });
  const tracking = trackPlan(instalments, credit, today, policy.repaymentPlan);
  return {
    row,
    view: {
      id: row.id,
      caseId: row.caseId,
      status: row.status as RepaymentPlanView["status"],
      tracking: tracking.status,
      totalCents: row.totalCents,
      startOn: row.startOn,
      note: row.note,
      createdAt: row.createdAt.toISOString(),
      paidCents: tracking.paidCents,
      remainingCents: tracking.remainingCents,
      overdueInstalments: tracking.overdueInstalments,
      instalments: tracking.instalments,
    },
  };
}

async function loadCase(db: Db, id: string, today: string): Promise<CaseContext> {
  const row = await findCaseRow(db, id);
  if (row === null) throw new AppError("NOT_FOUND", `No arrears case "${id}"`);
  const [account] = await positionedAccounts(db, today, { tenancyIds: [row.tenancyId] });
  if (account === undefined) throw new AppError("NOT_FOUND", `No arrears case "${id}"`);
  const { version, policy } = await activeArrearsPolicy(db);
  const steps = await listStepRows(db, row.id);
  const plan = await planState(db, row.id, account, policy, today);
  const iseeCents = await iseeOfTenancy(db, row.tenancyId);
  const facts: CaseFacts = {
    stage: row.stage as ArrearsStage,
    daysOverdue: account.position.daysOverdue,
    overdueCents: account.position.ageing.overdueCents,
    stagesTaken: steps.map((s) => s.stage as ArrearsStage),
    paymentMayBeInQueue: account.possiblePaymentInQueue,
    activePlan: plan !== null && plan.row.status === "active" && plan.view.tracking === "active",
    funds: fundChecks(policy, {
      iseeCents,
      incomeDropped: account.position.warnings.some((w) => w.kind === "income_drop"),
      causeRecorded: false,
    }),
  };
  return { row, account, version, policy, plan, iseeCents, facts };
}

async function caseView(db: Db, ctx: CaseContext, today: string): Promise<ArrearsCaseView> {
  const { row, account, facts, policy } = ctx;
  const [steps, taskRows, referralRows] = await inOrder([
    () => listStepRows(db, row.id),
    () => listTaskRows(db, { caseId: row.id }),
    () => listReferralRows(db, row.householdId),
  ]);
  return {
    id: row.id,
    status: row.status as ArrearsCaseView["status"],
    stage: row.stage as ArrearsStage,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    closeReason: row.closeReason,
    policyVersion: ctx.version,
    tenancy: {
      id: account.tenancyId,
      reference: account.reference,
      unitCode: account.unitCode,
      category: account.category,
      partnerCode: account.partnerCode,
      householdId: account.householdId,
      householdReference: account.householdReference,
      balanceCents: account.position.balanceCents,
      ageing: account.position.ageing,
      daysOverdue: account.position.daysOverdue,
      warnings: account.position.warnings,
      possiblePaymentInQueue: account.possiblePaymentInQueue,
      iseeCents: ctx.iseeCents,
    },
    steps: steps.map((s) => ({
      id: s.id,
      stage: s.stage as ArrearsStage,
      takenOn: s.takenOn,
      balanceCents: s.balanceCents,
      note: s.note,
      actor: s.actorId === null ? null : { id: s.actorId, name: s.actorName ?? "" },
      createdAt: s.createdAt.toISOString(),
    })),
    tasks: taskRows.map((t) => toTask(t, today, new Map([[account.tenancyId, taskPositionOf(account)]]))),
    plan: ctx.plan?.view ?? null,
    referrals: referralRows.map(toReferral),
    options: row.status === "open" ? stepOptions(policy, facts) : [],
    funds: facts.funds.map((f) => ({ ...f, blocks: [...f.blocks] })),
    planRules: {
      maxInstalments: policy.repaymentPlan.maxInstalments,
      minInstalmentCents: policy.repaymentPlan.minInstalmentCents,
    },
  };
}

export async function getArrearsCase(options: { db: Db; id: string; now: Date }): Promise<ArrearsCaseView> {
  const today = romeDate(options.now);
  return caseView(options.db, await loadCase(options.db, options.id, today), today);
}

/** What the signal tells the educator: how late, how much, which warnings. */
function signalDetail(account: PositionedAccount) {
  const p = account.position;
  const parts = [
    p.daysOverdue > 0
      ? `${p.daysOverdue} days overdue since ${p.oldestDueOn}; ${euros(p.ageing.overdueCents)} overdue, balance ${euros(p.balanceCents)}`
      : `Nothing overdue yet; balance ${euros(p.balanceCents)}`,
    ...p.warnings.map((w) => `Early warning: ${w.detail}`),
  ];
  return parts.join(". ");
}

/**
 * Open a case on a tenancy at the signal stage, and give the household's educator the task of
 * contacting the household (never a letter). Refused when nothing is overdue and no early warning is
 * raised, when the tenancy has an open case, or when the household has no educator to give it to.
 */
export async function openArrearsCase(options: {
  db: Db;
  actor: Actor;
  input: ArrearsCaseOpen;
  now: Date;
}): Promise<ArrearsCaseView> {
  const { db, actor, input, now } = options;
  const today = romeDate(now);
  const [account] = await positionedAccounts(db, today, { tenancyIds: [input.tenancyId] });
  if (account === undefined)
    throw fieldError("UNPROCESSABLE", "tenancyId", `No tenancy "${input.tenancyId}"`);
  if (account.status !== "active" && account.status !== "ended")
    throw fieldError(
      "UNPROCESSABLE",
      "tenancyId",
      `Tenancy ${account.reference} is ${account.status}: only a tenancy that ran has arrears`,
    );
  const { policy } = await activeArrearsPolicy(db);
  const p = account.position;
  if (!mayOpenCase(policy, { daysOverdue: p.daysOverdue, warnings: p.warnings.map((w) => w.kind) }))
    throw fieldError(
      "UNPROCESSABLE",
      "tenancyId",
      `Nothing is overdue on tenancy ${account.reference} and no early warning is raised`,
    );
  if ((await findOpenCaseOfTenancy(db, account.tenancyId)) !== null)
    throw fieldError(
      "CONFLICT",
      "tenancyId",
      `Tenancy ${account.reference} already has an open arrears case`,
    );
  const household = await findHouseholdOrFail(db, actor, account.householdId);
  const educator = await findEducatorId(db, household);
  if (educator === null)
    throw fieldError(
      "UNPROCESSABLE",
      "tenancyId",
      `Household ${household.reference} has no educator to signal: name one in its support plan's team`,
    );
  const caseId = await insertCaseRow(db, {
    tenancyId: account.tenancyId,
    householdId: account.householdId,
    openedOn: today,
    stage: "signal",
  });
  if (caseId === null)
    throw fieldError(
      "CONFLICT",
      "tenancyId",
      `Tenancy ${account.reference} already has an open arrears case`,
    );
  const detail = signalDetail(account);
  await insertStepRow(db, {
    caseId,
    householdId: account.householdId,
    stage: "signal",
    takenOn: today,
    balanceCents: p.balanceCents,
    note: "",
    actorId: actor.userId,
  });
  await insertTaskRow(db, {
    householdId: account.householdId,
    assigneeId: educator,
    kind: "arrears_signal",
    title: `Arrears signal: contact household ${household.reference} (tenancy ${account.reference})`,
    detail,
    dueOn: addDays(today, policy.stages.signal.taskDueDays),
    arrearsCaseId: caseId,
    createdBy: actor.userId,
  });
  return getArrearsCase({ db, id: caseId, now });
}

const openOrFail = (ctx: CaseContext) => {
  if (ctx.row.status !== "open") throw fieldError("CONFLICT", "id", "The case is closed");
};

/** Move the case to the later of its stage and `stage`, as it was read. */
async function advance(db: Db, ctx: CaseContext, stage: ArrearsStage) {
  if (
    !(await updateCaseRow(db, ctx.row.id, ctx.row.version, {
      stage: stageAfter(ctx.row.stage as ArrearsStage, stage),
    }))
  )
    throw fieldError("CONFLICT", "id", "The case was changed by someone else meanwhile; reload it");
}

/**
 * Take a step on an open case: a reminder (never while a payment may sit unmatched in the bank
 * queue), a meeting (a task for the educator), a fund referral (when the fund's rules fit), legal
 * action (only with `arrears:legal`, a reason, and when the policy allows it).
 */
export async function takeArrearsStep(options: {
  db: Db;
  actor: Actor;
  id: string;
  input: ArrearsStepInput;
  now: Date;
}): Promise<ArrearsCaseView> {
  const { db, actor, id, input, now } = options;
  const today = romeDate(now);
  const ctx = await loadCase(db, id, today);
  openOrFail(ctx);
  const { stage } = input;
  if (stage === "repayment_plan")
    throw fieldError(
      "UNPROCESSABLE",
      "stage",
      "A repayment plan is recorded with its instalments: POST /arrears/cases/{id}/repayment-plan",
    );
  if (stage === "legal") {
    if (!hasPermission(actor.role, "arrears:legal"))
      throw new AppError(
        "FORBIDDEN",
        `Your role (${actor.role}) may not take legal action: a manager decides it`,
      );
    if (input.reason === undefined)
      throw fieldError("INVALID", "reason", "reason: legal action needs a reason");
  }
  if (stage === "fund_referral" && input.fund === undefined)
    throw fieldError(
      "INVALID",
      "fund",
      "fund: name the fund (involuntary_arrears_fund or regional_solidarity)",
    );
  const blocks = stepBlocks(ctx.policy, ctx.facts, stage);
  if (blocks.length > 0)
    throw new AppError(
      "UNPROCESSABLE",
      `The case cannot take the step ${stage} now`,
      blocks.map((b) => ({ path: "stage", message: b.message })),
    );
  if (stage === "fund_referral" && input.fund !== undefined)
    await checkFundOrFail(db, {
      fund: input.fund,
      tenancyId: ctx.row.tenancyId,
      householdIseeCents: ctx.iseeCents,
      cause: input.cause,
      path: "fund",
    });
  // Legal action's reason heads its note: the step is the record of why.
  const note =
    stage === "legal" ? [input.reason ?? "", input.note].filter((t) => t !== "").join("\n\n") : input.note;
  await insertStepRow(db, {
    caseId: ctx.row.id,
    householdId: ctx.row.householdId,
    stage,
    takenOn: today,
    balanceCents: ctx.account.position.balanceCents,
    note,
    actorId: actor.userId,
  });
  await advance(db, ctx, stage);
  if (stage === "meeting") {
    const household = await findHouseholdOrFail(db, actor, ctx.row.householdId);
    await insertTaskRow(db, {
      householdId: ctx.row.householdId,
      assigneeId: (await findEducatorId(db, household)) ?? actor.userId,
      kind: "arrears_meeting",
      title: `Arrears meeting with household ${household.reference} (tenancy ${ctx.account.reference})`,
      detail: input.note,
      dueOn: addDays(today, ctx.policy.stages.meeting.taskDueDays),
      arrearsCaseId: ctx.row.id,
      createdBy: actor.userId,
    });
  }
  if (stage === "fund_referral" && input.fund !== undefined) {
    await insertReferralRow(db, {
      householdId: ctx.row.householdId,
      tenancyId: ctx.row.tenancyId,
      caseId: ctx.row.id,
      kind: input.fund,
      referredOn: today,
      referredBy: actor.userId,
      note: [input.cause ? `Cause: ${input.cause}` : "", input.note].filter((t) => t !== "").join("\n\n"),
    });
  }
  return getArrearsCase({ db, id: ctx.row.id, now });
}

/**
 * Record a repayment plan on an open case: the total (by default what is overdue) in monthly
 * instalments from `firstDueOn`, within the policy's limits. A plan found broken is closed as such
 * first; a plan still in force is not replaced.
 */
export async function createRepaymentPlan(options: {
  db: Db;
  actor: Actor;
  id: string;
  input: RepaymentPlanInput;
  now: Date;
}): Promise<RepaymentPlanView> {
  const { db, actor, id, input, now } = options;
  const today = romeDate(now);
  const ctx = await loadCase(db, id, today);
  openOrFail(ctx);
  const blocks = stepBlocks(ctx.policy, ctx.facts, "repayment_plan");
  if (blocks.length > 0)
    throw new AppError(
      "UNPROCESSABLE",
      "The case cannot have a repayment plan now",
      blocks.map((b) => ({ path: "id", message: b.message })),
    );
  const p = ctx.account.position;
  const totalCents = input.totalCents ?? p.ageing.overdueCents;
  if (totalCents > p.balanceCents)
    throw fieldError(
      "UNPROCESSABLE",
      "totalCents",
      `The plan cannot exceed the balance owed (${euros(p.balanceCents)})`,
    );
  if (input.firstDueOn < today)
    throw fieldError("UNPROCESSABLE", "firstDueOn", "The first instalment cannot fall due in the past");
  const schedule = repaymentSchedule(
    { totalCents, count: input.instalments, firstDueOn: input.firstDueOn },
    ctx.policy.repaymentPlan,
  );
  if (!schedule.ok) throw new AppError("UNPROCESSABLE", schedule.issues[0]?.message ?? "", schedule.issues);
  // The plan before (no longer in force, or the step would have been refused) ends as the payments say.
  if (ctx.plan !== null && ctx.plan.row.status === "active")
    await closePlanRow(db, ctx.plan.row.id, {
      status: ctx.plan.view.tracking === "completed" ? "completed" : "broken",
      closedAt: now,
      closeReason:
        ctx.plan.view.tracking === "completed"
          ? "Every instalment paid"
          : `Broken: ${ctx.policy.repaymentPlan.brokenAfterInstalments} instalments overdue by more than ${ctx.policy.repaymentPlan.brokenAfterDays} days`,
    });
  const planId = await insertPlanRow(
    db,
    {
      caseId: ctx.row.id,
      tenancyId: ctx.row.tenancyId,
      householdId: ctx.row.householdId,
      totalCents,
      startOn: today,
      note: input.note,
      createdBy: actor.userId,
      createdAt: now,
    },
    schedule.instalments,
  );
  if (planId === null)
    throw fieldError("CONFLICT", "id", "Another plan was recorded meanwhile; reload the case");
  await insertStepRow(db, {
    caseId: ctx.row.id,
    householdId: ctx.row.householdId,
    stage: "repayment_plan",
    takenOn: today,
    balanceCents: p.balanceCents,
    // The plan itself says the total and the instalments; the step keeps what was written with it.
    note: input.note,
    actorId: actor.userId,
  });
  await advance(db, ctx, "repayment_plan");
  const plan = await planState(db, ctx.row.id, ctx.account, ctx.policy, today);
  if (plan === null) throw new Error("plan not found after insert");
  return plan.view;
}

/** The case's plan in force (or its latest), each instalment with its status. */
export async function getRepaymentPlan(options: {
  db: Db;
  id: string;
  now: Date;
}): Promise<RepaymentPlanView> {
  const today = romeDate(options.now);
  const ctx = await loadCase(options.db, options.id, today);
  if (ctx.plan === null) throw new AppError("NOT_FOUND", "The case has no repayment plan");
  return ctx.plan.view;
}

/**
 * Close an open case with the reason: its open tasks are cancelled and its plan ends (completed when
 * every instalment was paid, else cancelled).
 */
export async function closeArrearsCase(options: {
  db: Db;
  actor: Actor;
  id: string;
  input: ArrearsCaseClose;
  now: Date;
}): Promise<ArrearsCaseView> {
  const { db, actor, id, input, now } = options;
  const today = romeDate(now);
  const ctx = await loadCase(db, id, today);
  openOrFail(ctx);
  if (
    !(await updateCaseRow(db, ctx.row.id, ctx.row.version, {
      status: "closed",
      closedOn: today,
      closeReason: input.reason,
    }))
  )
    throw fieldError("CONFLICT", "id", "The case was changed by someone else meanwhile; reload it");
  await cancelCaseTaskRows(db, ctx.row.id, {
    doneAt: now,
    doneBy: actor.userId,
    outcome: `Case closed: ${input.reason}`,
  });
  if (ctx.plan !== null && ctx.plan.row.status === "active")
    await closePlanRow(db, ctx.plan.row.id, {
      status: ctx.plan.view.tracking === "completed" ? "completed" : "cancelled",
      closedAt: now,
      closeReason: input.reason,
    });
  return getArrearsCase({ db, id: ctx.row.id, now });
}
