// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { AGEING_BUCKETS, WARNING_KINDS } from "../ledger/account.ts";
import { Period } from "../ledger/period.ts";
import { UNIT_CATEGORIES } from "../units/unit.schema.ts";
import { ArrearsPolicy, ArrearsStage, FundKind } from "./arrears-policy.ts";
import { INSTALMENT_STATUSES, PLAN_STATUSES } from "./repayment-plan.ts";

/*
 * The request and response bodies of the arrears API (morosità), shared by the server, the OpenAPI
 * document and the web client's forms.
 */

const IsoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD" });
const Id = (name: string) => z.uuid({ error: `${name}: not a valid id` });
const Text = (name: string, min: number, max: number) =>
  z
    .string({ error: `${name} is required` })
    .trim()
    .min(min, { error: min <= 1 ? `${name} is required` : `${name}: at least ${min} characters` })
    .max(max, { error: `${name}: at most ${max} characters` });
const Note = z
  .string({ error: "note must be text" })
  .trim()
  .max(2000, { error: "note: at most 2000 characters" })
  .default("");
const Reason = Text("reason", 3, 1000);
const Cents = (name: string) =>
  z
    .number({ error: `${name} must be an amount in cents` })
    .int({ error: `${name} must be a whole number of cents` })
    .min(0, { error: `${name} cannot be negative` })
    .max(100_000_000, { error: `${name} is too large` });

// ——— Lists ———

export const AgeingBucket = z.enum(AGEING_BUCKETS, {
  error: `Unknown bucket: use ${AGEING_BUCKETS.join(", ")}`,
});
export type AgeingBucket = z.infer<typeof AgeingBucket>;

/** Fasce di anzianità del debito: 0–30, 31–60, 61–90, oltre 90 giorni; e ciò che non è ancora scaduto. */
export const AgeingView = z.object({
  d0_30: z.number().int(),
  d31_60: z.number().int(),
  d61_90: z.number().int(),
  d90_plus: z.number().int(),
  overdueCents: z.number().int(),
  notDueCents: z.number().int(),
});
export type AgeingView = z.infer<typeof AgeingView>;

export const WarningView = z.object({
  kind: z.enum(WARNING_KINDS),
  since: IsoDate,
  detail: z.string(),
});
export type WarningView = z.infer<typeof WarningView>;

export const ArrearsListQuery = z.object({
  /** Partner code (ETS-B1…). */
  partner: z.string().trim().max(40).optional(),
  category: z.enum(UNIT_CATEGORIES, { error: `category: use ${UNIT_CATEGORIES.join(", ")}` }).optional(),
  /** Only tenancies owing something at least this old. */
  bucket: AgeingBucket.optional(),
  /** `open`: with an open case; `none`: without one. */
  case: z.enum(["open", "none"], { error: "case: open or none" }).optional(),
  /** Only tenancies with an early warning. */
  warning: z.enum(["true", "false"], { error: "warning: true or false" }).optional(),
  /** Tenancy, unit or household reference (part of it). */
  q: z.string().trim().max(100).optional(),
});
export type ArrearsListQuery = z.infer<typeof ArrearsListQuery>;

export const OpenCaseRef = z.object({ id: z.uuid(), stage: ArrearsStage, openedOn: IsoDate });

/** A tenancy on the arrears list (lista della morosità). */
export const ArrearsEntry = z.object({
  tenancyId: z.uuid(),
  reference: z.string(),
  unitCode: z.string(),
  category: z.string(),
  partnerCode: z.string().nullable(),
  householdId: z.uuid(),
  householdReference: z.string(),
  balanceCents: z.number().int(),
  ageing: AgeingView,
  daysOverdue: z.number().int(),
  warnings: z.array(WarningView),
  openCase: OpenCaseRef.nullable(),
  /** An unmatched bank line of the partner could be this tenancy's payment: no reminder until it is matched. */
  possiblePaymentInQueue: z.boolean(),
});
export type ArrearsEntry = z.infer<typeof ArrearsEntry>;

export const ArrearsList = z.object({
  asOf: IsoDate,
  items: z.array(ArrearsEntry),
  total: z.number().int(),
  /** The ageing of the listed tenancies together. */
  totals: AgeingView,
});
export type ArrearsList = z.infer<typeof ArrearsList>;

export const ArrearsSummaryQuery = z.object({
  /** First month of the window (default: 11 months before the current one). */
  from: Period.optional(),
  /** Last month of the window (default: the current one). */
  to: Period.optional(),
});
export type ArrearsSummaryQuery = z.infer<typeof ArrearsSummaryQuery>;

export const RateRowView = z.object({
  key: z.string(),
  tenancies: z.number().int(),
  chargedCents: z.number().int(),
  collectedCents: z.number().int(),
  writtenOffCents: z.number().int(),
  overdueCents: z.number().int(),
  collectionRate: z.number().nullable(),
  arrearsRate: z.number().nullable(),
  ageing: AgeingView,
});
export type RateRowView = z.infer<typeof RateRowView>;

/** Tasso di riscossione e di morosità e anzianità del debito, per ente e per tipologia. */
export const ArrearsSummary = z.object({
  from: Period,
  to: Period,
  asOf: IsoDate,
  total: RateRowView,
  byPartner: z.array(RateRowView),
  byCategory: z.array(RateRowView),
});
export type ArrearsSummary = z.infer<typeof ArrearsSummary>;

// ——— Policy ———

export const ArrearsPolicyInput = z.object({ policy: ArrearsPolicy, reason: Reason });
export type ArrearsPolicyInput = z.infer<typeof ArrearsPolicyInput>;

export const ArrearsPolicyView = z.object({
  /** 0: the starting policy, in force while no version is stored. */
  version: z.number().int().min(0),
  stored: z.boolean(),
  reason: z.string(),
  createdBy: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  createdAt: z.string().nullable(),
  policy: ArrearsPolicy,
});
export type ArrearsPolicyView = z.infer<typeof ArrearsPolicyView>;

// ——— Cases ———

export const ArrearsCaseOpen = z.object({ tenancyId: Id("tenancyId") });
export type ArrearsCaseOpen = z.infer<typeof ArrearsCaseOpen>;

/**
 * A step on a case. Legal action needs `reason` (and the `arrears:legal` permission); a fund referral
 * names the `fund` and may record the `cause` of the arrears. A repayment plan is recorded with its
 * instalments at `/repayment-plan`.
 */
export const ArrearsStepInput = z.object({
  stage: ArrearsStage,
  note: Note,
  reason: Reason.optional(),
  fund: FundKind.optional(),
  cause: z.string().trim().max(500, { error: "cause: at most 500 characters" }).optional(),
});
export type ArrearsStepInput = z.infer<typeof ArrearsStepInput>;

export const ArrearsCaseClose = z.object({ reason: Reason });
export type ArrearsCaseClose = z.infer<typeof ArrearsCaseClose>;

export const RepaymentPlanInput = z.object({
  instalments: z
    .number({ error: "instalments must be a whole number" })
    .int({ error: "instalments must be a whole number" })
    .min(1, { error: "instalments: at least 1" })
    .max(120, { error: "instalments: at most 120" }),
  firstDueOn: IsoDate,
  /** Default: the overdue balance on the day. */
  totalCents: Cents("totalCents").optional(),
  note: Note,
});
export type RepaymentPlanInput = z.infer<typeof RepaymentPlanInput>;

export const StepBlockView = z.object({
  code: z.string(),
  message: z.string(),
  current: ArrearsStage.optional(),
  fromDays: z.number().int().optional(),
  days: z.number().int().optional(),
  stages: z.array(ArrearsStage).optional(),
  maxIseeCents: z.number().int().optional(),
});
export type StepBlockView = z.infer<typeof StepBlockView>;

export const StepOptionView = z.object({
  stage: ArrearsStage,
  allowed: z.boolean(),
  blocks: z.array(StepBlockView),
});
export type StepOptionView = z.infer<typeof StepOptionView>;

export const FundCheckView = z.object({
  fund: FundKind,
  eligible: z.boolean(),
  blocks: z.array(StepBlockView),
});
export type FundCheckView = z.infer<typeof FundCheckView>;

export const ArrearsStepView = z.object({
  id: z.uuid(),
  stage: ArrearsStage,
  takenOn: IsoDate,
  balanceCents: z.number().int(),
  note: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type ArrearsStepView = z.infer<typeof ArrearsStepView>;

export const TASK_KINDS = ["arrears_signal", "arrears_meeting", "recertification"] as const;
export const TASK_STATUSES = ["open", "done", "cancelled"] as const;

/** Un'attività per un componente dell'équipe del nucleo. */
export const TaskView = z.object({
  id: z.uuid(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  detail: z.string(),
  dueOn: IsoDate,
  status: z.enum(TASK_STATUSES),
  overdue: z.boolean(),
  household: z.object({ id: z.uuid(), reference: z.string() }),
  caseId: z.uuid().nullable(),
  tenancyReference: z.string().nullable(),
  /** Where the case's tenancy stands today (for an arrears task), for the interface to say in its words. */
  arrears: z
    .object({
      daysOverdue: z.number().int(),
      overdueCents: z.number().int(),
      balanceCents: z.number().int(),
      warnings: z.array(z.enum(WARNING_KINDS)),
    })
    .nullable(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  outcome: z.string(),
});
export type TaskView = z.infer<typeof TaskView>;

export const TrackedInstalmentView = z.object({
  seq: z.number().int(),
  dueOn: IsoDate,
  amountCents: z.number().int(),
  paidCents: z.number().int(),
  status: z.enum(INSTALMENT_STATUSES),
  daysOverdue: z.number().int(),
});
export type TrackedInstalmentView = z.infer<typeof TrackedInstalmentView>;

/** Un piano di rientro con lo stato delle sue rate. */
export const RepaymentPlanView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  /** As stored: `active` until replaced, closed with the case, or found broken. */
  status: z.enum(PLAN_STATUSES),
  /** As the payments say today. */
  tracking: z.enum(["active", "completed", "broken"]),
  totalCents: z.number().int(),
  startOn: IsoDate,
  note: z.string(),
  createdAt: z.string(),
  paidCents: z.number().int(),
  remainingCents: z.number().int(),
  overdueInstalments: z.number().int(),
  instalments: z.array(TrackedInstalmentView),
});
export type RepaymentPlanView = z.infer<typeof RepaymentPlanView>;

export const ECONOMIC_REFERRAL_KINDS = [
  "financial_education",
  "microcredit",
  "involuntary_arrears_fund",
  "regional_solidarity",
] as const;
/** Educazione finanziaria, microcredito, fondo morosità incolpevole, contributo regionale di solidarietà. */
export const EconomicReferralKind = z.enum(ECONOMIC_REFERRAL_KINDS, {
  error: `kind: use ${ECONOMIC_REFERRAL_KINDS.join(", ")}`,
});
export type EconomicReferralKind = z.infer<typeof EconomicReferralKind>;

export const REFERRAL_OUTCOMES = ["pending", "granted", "refused", "completed", "dropped"] as const;
/** Esito: in attesa, concesso, respinto, concluso, abbandonato. */
export const ReferralOutcome = z.enum(REFERRAL_OUTCOMES, {
  error: `outcome: use ${REFERRAL_OUTCOMES.join(", ")}`,
});
export type ReferralOutcome = z.infer<typeof ReferralOutcome>;

export const EconomicReferralInput = z.object({
  kind: EconomicReferralKind,
  /** Default: today. */
  referredOn: IsoDate.optional(),
  note: Note,
  /** For the involuntary-arrears fund: the cause of the arrears (job loss, illness…). */
  cause: z.string().trim().max(500, { error: "cause: at most 500 characters" }).optional(),
});
export type EconomicReferralInput = z.infer<typeof EconomicReferralInput>;

export const EconomicReferralUpdate = z.object({
  outcome: ReferralOutcome,
  /** Default: today (none for `pending`). */
  outcomeOn: IsoDate.optional(),
  /** The amount granted (microcredit, fund contribution). */
  amountCents: Cents("amountCents").nullable().optional(),
  note: z.string().trim().max(2000, { error: "note: at most 2000 characters" }).optional(),
});
export type EconomicReferralUpdate = z.infer<typeof EconomicReferralUpdate>;

/** Un invio per la partecipazione economica del nucleo, con il suo esito. */
export const EconomicReferralView = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdReference: z.string(),
  caseId: z.uuid().nullable(),
  kind: EconomicReferralKind,
  referredOn: IsoDate,
  referredBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  outcome: ReferralOutcome,
  outcomeOn: IsoDate.nullable(),
  amountCents: z.number().int().nullable(),
  note: z.string(),
});
export type EconomicReferralView = z.infer<typeof EconomicReferralView>;

export const EconomicReferralList = z.object({ items: z.array(EconomicReferralView) });
export type EconomicReferralList = z.infer<typeof EconomicReferralList>;

/** Una pratica di morosità: la posizione del contratto, i passi, le attività, il piano, gli invii. */
export const ArrearsCaseView = z.object({
  id: z.uuid(),
  status: z.enum(["open", "closed"]),
  stage: ArrearsStage,
  openedOn: IsoDate,
  closedOn: IsoDate.nullable(),
  closeReason: z.string().nullable(),
  policyVersion: z.number().int(),
  tenancy: z.object({
    id: z.uuid(),
    reference: z.string(),
    unitCode: z.string(),
    category: z.string(),
    partnerCode: z.string().nullable(),
    householdId: z.uuid(),
    householdReference: z.string(),
    balanceCents: z.number().int(),
    ageing: AgeingView,
    daysOverdue: z.number().int(),
    warnings: z.array(WarningView),
    possiblePaymentInQueue: z.boolean(),
    iseeCents: z.number().int().nullable(),
  }),
  steps: z.array(ArrearsStepView),
  tasks: z.array(TaskView),
  plan: RepaymentPlanView.nullable(),
  referrals: z.array(EconomicReferralView),
  /** What may be done next and why not (empty when the case is closed). */
  options: z.array(StepOptionView),
  funds: z.array(FundCheckView),
  /** The plan limits of the policy in force, for the form. */
  planRules: z.object({ maxInstalments: z.number().int(), minInstalmentCents: z.number().int() }),
});
export type ArrearsCaseView = z.infer<typeof ArrearsCaseView>;

// ——— Tasks ———

export const TaskListQuery = z.object({
  /** `true`: only the caller's tasks. */
  mine: z
    .enum(["true", "false"], { error: "mine: true or false" })
    .default("false")
    .transform((v) => v === "true"),
  status: z.enum(TASK_STATUSES, { error: `status: use ${TASK_STATUSES.join(", ")}` }).optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const TaskList = z.object({ items: z.array(TaskView), total: z.number().int() });
export type TaskList = z.infer<typeof TaskList>;

export const TaskDone = z.object({ outcome: Text("outcome", 3, 2000) });
export type TaskDone = z.infer<typeof TaskDone>;

// ——— Co-payments ———

/** La compartecipazione di un nucleo in fragilità: quanto è stato addebitato e pagato negli ultimi mesi. */
export const CoPaymentEntry = z.object({
  tenancyId: z.uuid(),
  reference: z.string(),
  unitCode: z.string(),
  partnerCode: z.string().nullable(),
  householdId: z.uuid(),
  householdReference: z.string(),
  /** The monthly co-payment in force. */
  coPaymentCents: z.number().int(),
  /** The share of income it was set at, when the tenancy records it. */
  sharePercent: z.number().nullable(),
  chargedCents: z.number().int(),
  paidCents: z.number().int(),
  sharePaid: z.number().nullable(),
});
export type CoPaymentEntry = z.infer<typeof CoPaymentEntry>;

export const CoPaymentList = z.object({
  from: Period,
  to: Period,
  items: z.array(CoPaymentEntry),
  total: z.number().int(),
});
export type CoPaymentList = z.infer<typeof CoPaymentList>;
