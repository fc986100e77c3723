// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { AreaLine, ClaimStatus, ExpenseDocumentKind, ExpenseSource } from "./expenses.ts";

/*
 * What the expense claims' API answers: the claims with their totals, one claim with its cost lines,
 * documents, budget position and what would stop its submission now, and the totals against budget of
 * every partner, line and source the caller sees.
 */

const id = z.uuid();
const day = z.iso.date();
const cents = z.number().int();
const person = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const PartnerRef = z.object({ id, code: z.string(), name: z.string() });
export type PartnerRef = z.infer<typeof PartnerRef>;

export const ExpenseDocumentView = z.object({
  id,
  lineId: id,
  kind: ExpenseDocumentKind,
  issuer: z.string(),
  number: z.string(),
  issuedOn: day,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  /** False once its claim was rejected: the document may be claimed again. */
  inUse: z.boolean(),
  uploadedBy: person,
  uploadedAt: z.string(),
});
export type ExpenseDocumentView = z.infer<typeof ExpenseDocumentView>;

export const CostLineView = z.object({
  id,
  position: z.number().int(),
  description: z.string(),
  supplier: z.string(),
  incurredOn: day,
  amountCents: cents,
  /** Set on review. */
  approvedCents: cents.nullable(),
  rejectionReason: z.string().nullable(),
  documents: z.array(ExpenseDocumentView),
});
export type CostLineView = z.infer<typeof CostLineView>;

export const ClaimSummaryView = z.object({
  id,
  reference: z.string(),
  partner: PartnerRef,
  line: AreaLine,
  fundingSource: ExpenseSource,
  periodFrom: day,
  periodTo: day,
  title: z.string(),
  status: ClaimStatus,
  lineCount: z.number().int(),
  totalCents: cents,
  /** The lines' approved amounts, once decided; null before. */
  approvedCents: cents.nullable(),
  paidOn: day.nullable(),
  paidCents: cents.nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ClaimSummaryView = z.infer<typeof ClaimSummaryView>;
export const ClaimList = z.object({ items: z.array(ClaimSummaryView) });
export type ClaimList = z.infer<typeof ClaimList>;

/** Totals against budget for one partner, line and source (see `BudgetPosition` in eligibility.ts). */
export const BudgetPositionView = z.object({
  /** The budget's record; null when claims exist with no budget set. */
  budgetId: id.nullable(),
  partner: PartnerRef,
  line: AreaLine,
  fundingSource: ExpenseSource,
  budgetCents: cents.nullable(),
  claimedCents: cents,
  pendingCents: cents,
  approvedCents: cents,
  paidCents: cents,
  committedCents: cents,
  remainingCents: cents.nullable(),
  /** The budget's version, to change it; null without one. */
  version: z.number().int().nullable(),
});
export type BudgetPositionView = z.infer<typeof BudgetPositionView>;

export const BudgetOverview = z.object({
  items: z.array(BudgetPositionView),
  /** The partners the caller may claim for (its own, or every partner for the programme's roles). */
  partners: z.array(PartnerRef),
  convention: z.object({ start: day, end: day }),
});
export type BudgetOverview = z.infer<typeof BudgetOverview>;

export const ClaimDetailView = ClaimSummaryView.extend({
  decisionNote: z.string(),
  reimbursementRequestedAt: z.string().nullable(),
  createdBy: person,
  submittedBy: person,
  decidedBy: person,
  lines: z.array(CostLineView),
  convention: z.object({ start: day, end: day }),
  budget: BudgetPositionView.nullable(),
  /** For a draft: what would stop its submission now, each on its path; empty otherwise. */
  checks: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type ClaimDetailView = z.infer<typeof ClaimDetailView>;
