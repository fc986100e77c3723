// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { EquityTranche, PlanLoan, Tranche } from "../finance/scenario.schema.ts";
import {
  ApplicationStatus,
  Area,
  Fit,
  FundingCallInput,
  GuaranteeKind,
  LenderInput,
  LoanOfferInput,
  LoanStatus,
  PledgeSource,
} from "./funding.ts";

/*
 * What the funding API answers: the calls with their applications, pledges with what was received,
 * the lenders, the loans with their guarantees and payments, a summary by source with the warnings of
 * the day, and the plan's sources as the financial plan's scenario takes them.
 */

const id = z.uuid();
const day = z.iso.date();
const author = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const ApplicationView = z.object({
  id,
  callId: id,
  partnerCode: z.string(),
  partnerName: z.string(),
  requestedCents: z.number().int(),
  submittedOn: day,
  status: ApplicationStatus,
  decidedOn: day.nullable(),
  awardedCents: z.number().int().nullable(),
  note: z.string(),
  /** The pledge an award became, if any. */
  pledgeId: id.nullable(),
  version: z.number().int(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const FundingCallView = FundingCallInput.extend({
  id,
  fit: Fit,
  area: Area.nullable(),
  organisationCode: z.string(),
  /** Days to the deadline (negative once past). */
  daysToDeadline: z.number().int(),
  /** Deadline within 21 days and no application from the caller's organisation. */
  deadlineSoon: z.boolean(),
  /** The applications the caller may see: its own, or every partner's for the Comune. */
  applications: z.array(ApplicationView),
  version: z.number().int(),
});
export type FundingCallView = z.infer<typeof FundingCallView>;
export const FundingCallList = z.object({ items: z.array(FundingCallView) });
export type FundingCallList = z.infer<typeof FundingCallList>;

export const ReceiptView = z.object({
  id,
  amountCents: z.number().int(),
  receivedOn: day,
  reference: z.string(),
  recordedBy: author,
});
export type ReceiptView = z.infer<typeof ReceiptView>;

export const PledgeView = z.object({
  id,
  partnerCode: z.string(),
  source: PledgeSource,
  donor: z.string(),
  area: Area.nullable(),
  amountCents: z.number().int(),
  pledgedOn: day,
  expectedOn: day,
  notes: z.string(),
  /** The application this pledge came from (calls won), if any. */
  applicationId: id.nullable(),
  receivedCents: z.number().int(),
  outstandingCents: z.number().int(),
  receipts: z.array(ReceiptView),
});
export type PledgeView = z.infer<typeof PledgeView>;
export const PledgeList = z.object({ items: z.array(PledgeView) });
export type PledgeList = z.infer<typeof PledgeList>;

export const LenderView = LenderInput.extend({ id, organisationCode: z.string() });
export type LenderView = z.infer<typeof LenderView>;
export const LenderList = z.object({ items: z.array(LenderView) });
export type LenderList = z.infer<typeof LenderList>;

export const GuaranteeView = z.object({
  id,
  issuer: z.string(),
  kind: GuaranteeKind,
  amountCents: z.number().int(),
  issuedOn: day,
  expiresOn: day,
  reference: z.string(),
  daysToExpiry: z.number().int(),
  /** Valid; ending within 60 days; or ended. */
  standing: z.enum(["valid", "expiring", "expired"]),
  version: z.number().int(),
});
export type GuaranteeView = z.infer<typeof GuaranteeView>;

export const LoanPaymentView = z.object({
  id,
  paidOn: day,
  principalCents: z.number().int(),
  interestCents: z.number().int(),
  reference: z.string(),
});
export type LoanPaymentView = z.infer<typeof LoanPaymentView>;

export const LoanView = z.object({
  id,
  lender: z.object({ id, name: z.string() }),
  partnerCode: z.string(),
  purpose: z.string(),
  principalCents: z.number().int(),
  annualRate: z.number(),
  years: z.number().int(),
  method: LoanOfferInput.shape.method,
  graceMonths: z.number().int(),
  convention: LoanOfferInput.shape.convention,
  offeredOn: day,
  validUntil: day,
  status: LoanStatus,
  /** An offer still open after its last valid day. */
  lapsed: z.boolean(),
  decidedOn: day.nullable(),
  disbursedOn: day.nullable(),
  /** The instalment of the schedule (first full instalment after any grace), for a quick comparison. */
  instalmentCents: z.number().int(),
  guarantees: z.array(GuaranteeView),
  /** Sum of the guarantees' amounts in force today. */
  guaranteedCents: z.number().int(),
  payments: z.array(LoanPaymentView),
  principalPaidCents: z.number().int(),
  interestPaidCents: z.number().int(),
  /** Principal still owed: accepted loans only; 0 otherwise. */
  outstandingCents: z.number().int(),
  version: z.number().int(),
});
export type LoanView = z.infer<typeof LoanView>;
export const LoanList = z.object({ items: z.array(LoanView) });
export type LoanList = z.infer<typeof LoanList>;

export const SourceTotals = z.object({
  source: z.enum([...PledgeSource.options, "loans"]),
  /** Pledged (for loans: accepted principal). */
  pledgedCents: z.number().int(),
  /** Received (for loans: disbursed by today). */
  receivedCents: z.number().int(),
  outstandingCents: z.number().int(),
});
export type SourceTotals = z.infer<typeof SourceTotals>;

export const FundingWarning = z.object({
  kind: z.enum([
    "guarantee_expiring",
    "guarantee_expired",
    "call_deadline",
    "offer_lapsing",
    "pledge_overdue",
  ]),
  /** The record the warning is about. */
  subjectId: id,
  /** What it concerns, for the list (guarantee issuer, call title, lender, donor). */
  label: z.string(),
  /** The date the warning is about (expiry, deadline, validity, expected receipt). */
  on: day,
  days: z.number().int(),
});
export type FundingWarning = z.infer<typeof FundingWarning>;

export const FundingSummary = z.object({
  asOf: day,
  bySource: z.array(SourceTotals),
  /** Every source but loans, then loans; the debt share is what the 40 % cap measures. */
  totalFinancingCents: z.number().int(),
  debtShare: z.number().nullable(),
  warnings: z.array(FundingWarning),
});
export type FundingSummary = z.infer<typeof FundingSummary>;

/**
 * The plan's sources from the funding register, shaped as a scenario's `funding`, `loans` and
 * `coFinancing`: every live pledge (received or still expected) as a tranche in the month the money
 * came or is expected, and every accepted loan. Records before `startMonth` are counted in its first
 * month; records after the convention are left out and listed.
 */
export const PlanSourcesView = z.object({
  asOf: day,
  startMonth: z.string(),
  funding: z.object({
    grant: z.array(Tranche),
    equity: z.array(EquityTranche),
    fundraising: z.array(Tranche),
    calls: z.array(Tranche),
  }),
  loans: z.array(PlanLoan),
  coFinancing: z.object({ areaA: z.array(Tranche), areaBPerYearCents: z.array(z.number().int()) }),
  /** Records that fall outside the convention, and why. */
  leftOut: z.array(z.object({ subjectId: id, label: z.string(), reason: z.string() })),
});
export type PlanSourcesView = z.infer<typeof PlanSourcesView>;
