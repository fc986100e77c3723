// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { PLEDGE_SOURCES, version } from "../funding/funding.ts";

/*
 * Expense claims (rendicontazione): a partner claims real, documented costs of one area line and
 * funding source for a period; each cost line (voce di spesa) carries its supporting documents
 * (giustificativi: invoice, proof of payment, timesheet). A claim goes draft → submitted → approved,
 * partly approved or rejected (with reasons) → reimbursement requested → paid. Money is integer cents;
 * dates are `YYYY-MM-DD`. The eligibility rules are in eligibility.ts.
 */

const day = (field: string) => z.iso.date({ error: `${field} must be a date (YYYY-MM-DD)` });
const cents = (field: string) =>
  z
    .number({ error: `${field} must be an amount in cents` })
    .int({ error: `${field} must be a whole number of cents` })
    .min(0, { error: `${field} cannot be negative` })
    .max(100_000_000_000, { error: `${field} is too large` });
const positiveCents = (field: string) => cents(field).min(1, { error: `${field} must be above 0` });
const text = (field: string, min: number, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(min, { error: min <= 1 ? `${field} is required` : `${field} needs at least ${min} characters` })
    .max(max, { error: `${field}: at most ${max} characters` });
const note = (field: string) =>
  z
    .string()
    .trim()
    .max(2000, { error: `${field}: at most 2000 characters` });

/** The convention's area lines (linee di attività): A.1–A.4 (Area A), B.1–B.3 (Area B). */
export const AREA_LINES = ["A.1", "A.2", "A.3", "A.4", "B.1", "B.2", "B.3"] as const;
export const AreaLine = z.enum(AREA_LINES, { error: `line must be one of ${AREA_LINES.join(", ")}` });
export type AreaLine = z.infer<typeof AreaLine>;

/** Where the money claimed comes from: the plan's sources (fondo perduto, capitale, …). */
export const EXPENSE_SOURCES = PLEDGE_SOURCES;
export const ExpenseSource = z.enum(EXPENSE_SOURCES, {
  error: `fundingSource must be one of ${EXPENSE_SOURCES.join(", ")}`,
});
export type ExpenseSource = z.infer<typeof ExpenseSource>;

/**
 * A claim's status (stato del rendiconto): bozza, inviato, approvato, approvato parzialmente,
 * respinto, rimborso richiesto, pagato.
 */
export const CLAIM_STATUSES = [
  "draft",
  "submitted",
  "approved",
  "partly_approved",
  "rejected",
  "reimbursement_requested",
  "paid",
] as const;
export const ClaimStatus = z.enum(CLAIM_STATUSES, {
  error: `status must be one of ${CLAIM_STATUSES.join(", ")}`,
});
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/** A supporting document (giustificativo): fattura, quietanza di pagamento, timesheet. */
export const EXPENSE_DOCUMENT_KINDS = ["invoice", "proof_of_payment", "timesheet"] as const;
export const ExpenseDocumentKind = z.enum(EXPENSE_DOCUMENT_KINDS, {
  error: `kind must be one of ${EXPENSE_DOCUMENT_KINDS.join(", ")}`,
});
export type ExpenseDocumentKind = z.infer<typeof ExpenseDocumentKind>;

/** The file types a document may be, and the largest file (as a household's documents). */
export const EXPENSE_DOCUMENT_CONTENT_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export const EXPENSE_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

const claimFields = {
  line: AreaLine,
  fundingSource: ExpenseSource,
  /** The period the costs were incurred in: every cost and document is dated inside it. */
  periodFrom: day("periodFrom"),
  periodTo: day("periodTo"),
  title: text("title", 3, 200),
};
const periodInOrder = (c: { periodFrom: string; periodTo: string }, ctx: z.RefinementCtx) => {
  if (c.periodTo < c.periodFrom)
    ctx.addIssue({ code: "custom", path: ["periodTo"], message: "periodTo cannot come before periodFrom" });
};

/**
 * A new claim (rendiconto), a draft. `partnerId`: whose claim, for the programme's roles acting for a
 * partner; a partner's own account leaves it out (or names itself).
 */
export const ClaimInput = z
  .object({
    partnerId: z.uuid({ error: "partnerId must be a partner's id" }).nullable().default(null),
    ...claimFields,
  })
  .superRefine(periodInOrder);
export type ClaimInput = z.infer<typeof ClaimInput>;

/** A draft's new heading; send the version you read. */
export const ClaimUpdate = z.object({ ...claimFields, version }).superRefine(periodInOrder);
export type ClaimUpdate = z.infer<typeof ClaimUpdate>;

/** A cost line (voce di spesa): what was bought or paid, from whom, when, how much. */
export const CostLineInput = z.object({
  description: text("description", 3, 500),
  supplier: z.string().trim().max(200, { error: "supplier: at most 200 characters" }).default(""),
  incurredOn: day("incurredOn"),
  amountCents: positiveCents("amountCents"),
});
export type CostLineInput = z.infer<typeof CostLineInput>;

/** A draft's cost line changed; `version` is the claim's. */
export const CostLineUpdate = CostLineInput.extend({ version });
export type CostLineUpdate = z.infer<typeof CostLineUpdate>;

/** A supporting document's facts; the file comes with them (multipart). */
export const ExpenseDocumentFields = z.object({
  kind: ExpenseDocumentKind,
  /** Who issued it: the supplier of an invoice, the bank of a payment, the partner of a timesheet. */
  issuer: text("issuer", 2, 200),
  number: text("number", 1, 100),
  issuedOn: day("issuedOn"),
});
export type ExpenseDocumentFields = z.infer<typeof ExpenseDocumentFields>;

/** A move that only needs the version read: submit, request reimbursement. */
export const VersionInput = z.object({ version });
export type VersionInput = z.infer<typeof VersionInput>;

/** The reviewer's decision on one cost line: the amount approved, and why any part is not. */
export const LineDecision = z.object({
  lineId: z.uuid({ error: "lineId must be a cost line's id" }),
  approvedCents: cents("approvedCents"),
  rejectionReason: note("rejectionReason").default(""),
});
export type LineDecision = z.infer<typeof LineDecision>;

/** The review of a submitted claim: a decision for every cost line, and a note (required to reject). */
export const ReviewInput = z.object({
  lines: z.array(LineDecision, { error: "lines must list a decision per cost line" }),
  decisionNote: note("decisionNote").default(""),
  version,
});
export type ReviewInput = z.infer<typeof ReviewInput>;

/** The payment of a claim's reimbursement (pagamento), at most what was approved. */
export const PaymentInput = z.object({
  paidOn: day("paidOn"),
  paidCents: positiveCents("paidCents"),
  version,
});
export type PaymentInput = z.infer<typeof PaymentInput>;

/**
 * A partner's budget for one area line and funding source, set by the Comune. `version` is null for
 * a new budget, the version read to change one.
 */
export const BudgetInput = z.object({
  partnerId: z.uuid({ error: "partnerId must be a partner's id" }),
  line: AreaLine,
  fundingSource: ExpenseSource,
  amountCents: cents("amountCents"),
  version: version.nullable().default(null),
});
export type BudgetInput = z.infer<typeof BudgetInput>;

/** The list's filters (all optional). */
export const ClaimQuery = z.object({
  status: ClaimStatus.optional(),
  line: AreaLine.optional(),
  fundingSource: ExpenseSource.optional(),
  partnerId: z.uuid({ error: "partnerId must be a partner's id" }).optional(),
});
export type ClaimQuery = z.infer<typeof ClaimQuery>;
