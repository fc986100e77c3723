// SPDX-License-Identifier: EUPL-1.2
import type { FieldIssue } from "../shared/issue.ts";
import type {
  AreaLine,
  ClaimStatus,
  ExpenseDocumentKind,
  ExpenseSource,
  LineDecision,
  ReviewInput,
} from "./expenses.ts";

/*
 * The eligibility rules of an expense claim, pure: only real, documented costs strictly related to the
 * project are reimbursed (mission: "expense reporting").
 *
 * - Dates within the project: every cost (incurredOn) and every document (issuedOn) falls inside the
 *   convention (programme_settings) and inside the claim's period; the period inside the convention.
 * - Documents: every cost line carries at least one invoice or timesheet (what was bought or worked)
 *   AND at least one proof of payment (that it was paid). A document is never on two claims at once
 *   (the database's unique keys while in use; a rejected claim releases its documents).
 * - Budget: a claim is submitted only against a budget set for its partner, line and source, and only
 *   while its total plus what the partner's other claims hold against that budget stays within it.
 *   A submitted claim holds its total; a decided one the amount approved; drafts and rejected nothing.
 * - Review: a decision per cost line, 0 ≤ approved ≤ amount, a reason for any cut; the claim becomes
 *   approved (all in full), rejected (all zero, with a note saying why) or partly approved.
 */

/** The convention's first and last day (programme_settings). */
export type Convention = { start: string; end: string };

/** A claim's period, first and last day included. */
export type ClaimPeriod = { periodFrom: string; periodTo: string };

/** A date of a cost or document outside the convention or the claim's period: the problem, or null. */
export function dateProblem(
  path: string,
  field: string,
  date: string,
  convention: Convention,
  period: ClaimPeriod | null,
): FieldIssue | null {
  if (date < convention.start || date > convention.end)
    return {
      path,
      message: `${field} ${date} is outside the project (${convention.start} to ${convention.end})`,
    };
  if (period !== null && (date < period.periodFrom || date > period.periodTo))
    return {
      path,
      message: `${field} ${date} is outside the claim's period (${period.periodFrom} to ${period.periodTo})`,
    };
  return null;
}

/** A cost, document or payment dated after today is not real yet. */
export function futureProblem(path: string, field: string, date: string, today: string): FieldIssue | null {
  return date > today ? { path, message: `${field} cannot be after today (${today})` } : null;
}

/** A claim's period must lie within the convention. */
export function periodProblems(period: ClaimPeriod, convention: Convention): FieldIssue[] {
  return [
    dateProblem("periodFrom", "periodFrom", period.periodFrom, convention, null),
    dateProblem("periodTo", "periodTo", period.periodTo, convention, null),
  ].filter((p) => p !== null);
}

/** What the rules read of a cost line and its documents. */
export type LineFacts = {
  position: number;
  incurredOn: string;
  amountCents: number;
  documents: readonly { kind: ExpenseDocumentKind; issuedOn: string }[];
};

/** A cost line's documents: an invoice or a timesheet, and a proof of payment. */
export function lineDocumentProblems(line: LineFacts, index: number): FieldIssue[] {
  const kinds = new Set(line.documents.map((d) => d.kind));
  const path = `lines.${index}.documents`;
  const problems: FieldIssue[] = [];
  if (!kinds.has("invoice") && !kinds.has("timesheet"))
    problems.push({ path, message: `Cost line ${line.position} needs an invoice or a timesheet` });
  if (!kinds.has("proof_of_payment"))
    problems.push({ path, message: `Cost line ${line.position} needs a proof of payment` });
  return problems;
}

/** The budget a claim is checked against, and what the partner's other claims hold against it. */
export type BudgetFacts = {
  line: AreaLine;
  fundingSource: ExpenseSource;
  /** null: no budget set for the partner, line and source. */
  budgetCents: number | null;
  committedCents: number;
};

/** A claim of `totalCents` against its budget: none set, or above what is left. */
export function budgetProblems(totalCents: number, budget: BudgetFacts): FieldIssue[] {
  if (budget.budgetCents === null)
    return [
      {
        path: "fundingSource",
        message: `No budget is set for line ${budget.line} and source ${budget.fundingSource}: the Comune sets it before a claim is submitted`,
      },
    ];
  const over = budget.committedCents + totalCents - budget.budgetCents;
  if (over <= 0) return [];
  return [
    {
      path: "totalCents",
      message: `The claim's total (${totalCents} cents) plus what is already submitted or approved (${budget.committedCents} cents) exceeds the budget (${budget.budgetCents} cents) by ${over} cents`,
    },
  ];
}

export const sumCents = (lines: readonly { amountCents: number }[]) =>
  lines.reduce((total, l) => total + l.amountCents, 0);

/**
 * Everything that stops a draft from being submitted, each on its path: no cost line, the period or a
 * date outside the project, a line without its documents, no budget or a budget exceeded.
 */
export function submissionProblems(claim: {
  period: ClaimPeriod;
  convention: Convention;
  lines: readonly LineFacts[];
  budget: BudgetFacts;
}): FieldIssue[] {
  const { period, convention, lines } = claim;
  if (lines.length === 0) return [{ path: "lines", message: "A claim needs at least one cost line" }];
  const problems = periodProblems(period, convention);
  lines.forEach((line, i) => {
    const incurred = dateProblem(`lines.${i}.incurredOn`, "incurredOn", line.incurredOn, convention, period);
    if (incurred) problems.push(incurred);
    line.documents.forEach((d, j) => {
      const issued = dateProblem(
        `lines.${i}.documents.${j}.issuedOn`,
        "issuedOn",
        d.issuedOn,
        convention,
        period,
      );
      if (issued) problems.push(issued);
    });
    problems.push(...lineDocumentProblems(line, i));
  });
  problems.push(...budgetProblems(sumCents(lines), claim.budget));
  return problems;
}

/** The moves of a claim, and the statuses each starts from. */
export const CLAIM_MOVES = {
  edit: ["draft"],
  submit: ["draft"],
  review: ["submitted"],
  requestReimbursement: ["approved", "partly_approved"],
  pay: ["reimbursement_requested"],
} as const satisfies Record<string, readonly ClaimStatus[]>;
export type ClaimMove = keyof typeof CLAIM_MOVES;

const MOVE_RULE: Record<ClaimMove, string> = {
  edit: "only a draft can be changed",
  submit: "only a draft can be submitted",
  review: "only a submitted claim can be reviewed",
  requestReimbursement: "reimbursement is requested once the claim is approved",
  pay: "payment is recorded once reimbursement is requested",
};

/** Why a claim in `status` cannot make `move`, or null when it can. */
export function moveRefusal(status: ClaimStatus, move: ClaimMove): string | null {
  return (CLAIM_MOVES[move] as readonly ClaimStatus[]).includes(status)
    ? null
    : `The claim is ${status}: ${MOVE_RULE[move]}`;
}

/** A cost line as the review reads it. */
export type ReviewedLine = { id: string; position: number; amountCents: number };

/** The problems of a review against the claim's cost lines, each on its path. */
export function reviewProblems(lines: readonly ReviewedLine[], review: ReviewInput): FieldIssue[] {
  const problems: FieldIssue[] = [];
  const seen = new Set<string>();
  review.lines.forEach((d, i) => {
    const line = lines.find((l) => l.id === d.lineId);
    if (line === undefined) {
      problems.push({ path: `lines.${i}.lineId`, message: "lineId is not a cost line of this claim" });
      return;
    }
    if (seen.has(line.id))
      problems.push({ path: `lines.${i}.lineId`, message: `Cost line ${line.position} is decided twice` });
    seen.add(line.id);
    if (d.approvedCents > line.amountCents)
      problems.push({
        path: `lines.${i}.approvedCents`,
        message: `approvedCents is above the line's amount (${line.amountCents} cents)`,
      });
    else if (d.approvedCents < line.amountCents && d.rejectionReason.trim() === "")
      problems.push({
        path: `lines.${i}.rejectionReason`,
        message: "rejectionReason is required when less than the amount is approved",
      });
  });
  for (const line of lines)
    if (!seen.has(line.id))
      problems.push({
        path: "lines",
        message: `Decide every cost line: cost line ${line.position} has no decision`,
      });
  if (problems.length === 0 && reviewStatus(lines, review.lines) === "rejected" && review.decisionNote === "")
    problems.push({ path: "decisionNote", message: "decisionNote is required to reject a claim" });
  return problems;
}

/** The claim's status after a valid review: every line in full, every line at zero, or in between. */
export function reviewStatus(
  lines: readonly ReviewedLine[],
  decisions: readonly Pick<LineDecision, "lineId" | "approvedCents">[],
): "approved" | "partly_approved" | "rejected" {
  const approvedOf = (line: ReviewedLine) => decisions.find((d) => d.lineId === line.id)?.approvedCents ?? 0;
  if (lines.every((l) => approvedOf(l) === l.amountCents)) return "approved";
  if (lines.every((l) => approvedOf(l) === 0)) return "rejected";
  return "partly_approved";
}

/** The payment of a claim: at most the approved total, not before the decision. */
export function paymentProblems(
  payment: { paidOn: string; paidCents: number },
  claim: { approvedCents: number; decidedOn: string },
): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (payment.paidCents > claim.approvedCents)
    problems.push({
      path: "paidCents",
      message: `paidCents is above the approved total (${claim.approvedCents} cents)`,
    });
  if (payment.paidOn < claim.decidedOn)
    problems.push({
      path: "paidOn",
      message: `paidOn cannot come before the claim was approved (${claim.decidedOn})`,
    });
  return problems;
}

/** What the budget totals read of a claim. */
export type ClaimFigures = {
  partnerId: string;
  line: AreaLine;
  fundingSource: ExpenseSource;
  status: ClaimStatus;
  totalCents: number;
  /** Sum of the lines' approved amounts, once decided. */
  approvedCents: number;
  paidCents: number;
};

/** What a claim holds against its budget: a submitted one its total, a decided one what was approved. */
export function committedCentsOf(
  claim: Pick<ClaimFigures, "status" | "totalCents" | "approvedCents">,
): number {
  switch (claim.status) {
    case "draft":
    case "rejected":
      return 0;
    case "submitted":
      return claim.totalCents;
    case "approved":
    case "partly_approved":
    case "reimbursement_requested":
    case "paid":
      return claim.approvedCents;
  }
}

/** Totals against budget for one partner, line and source. */
export type BudgetPosition = {
  partnerId: string;
  line: AreaLine;
  fundingSource: ExpenseSource;
  /** null: no budget set. */
  budgetCents: number | null;
  /** Every claim submitted or beyond (rejected ones too), at its claimed total. */
  claimedCents: number;
  /** Submitted claims awaiting review. */
  pendingCents: number;
  approvedCents: number;
  paidCents: number;
  /** What the claims hold against the budget: pending at their total, decided at what was approved. */
  committedCents: number;
  /** Budget less what is committed; null without a budget. */
  remainingCents: number | null;
};

const keyOf = (x: { partnerId: string; line: string; fundingSource: string }) =>
  `${x.partnerId}|${x.line}|${x.fundingSource}`;

/**
 * The totals against budget of every partner, line and source that has a budget or a claim beyond
 * draft, in the order of the budgets, then of the claims.
 */
export function budgetPositions(
  budgets: readonly {
    partnerId: string;
    line: AreaLine;
    fundingSource: ExpenseSource;
    amountCents: number;
  }[],
  claims: readonly ClaimFigures[],
): BudgetPosition[] {
  const positions = new Map<string, BudgetPosition>();
  const positionOf = (x: { partnerId: string; line: AreaLine; fundingSource: ExpenseSource }) => {
    const key = keyOf(x);
    let position = positions.get(key);
    if (position === undefined) {
      position = {
        partnerId: x.partnerId,
        line: x.line,
        fundingSource: x.fundingSource,
        budgetCents: null,
        claimedCents: 0,
        pendingCents: 0,
        approvedCents: 0,
        paidCents: 0,
        committedCents: 0,
        remainingCents: null,
      };
      positions.set(key, position);
    }
    return position;
  };
  for (const b of budgets) positionOf(b).budgetCents = b.amountCents;
  for (const c of claims) {
    if (c.status === "draft") continue;
    const p = positionOf(c);
    p.claimedCents += c.totalCents;
    if (c.status === "submitted") p.pendingCents += c.totalCents;
    else p.approvedCents += c.approvedCents;
    p.paidCents += c.paidCents;
    p.committedCents += committedCentsOf(c);
  }
  for (const p of positions.values())
    p.remainingCents = p.budgetCents === null ? null : p.budgetCents - p.committedCents;
  return [...positions.values()];
}

/** A budget cannot be set below what claims already hold against it. */
export function budgetChangeProblems(amountCents: number, committedCents: number): FieldIssue[] {
  return amountCents < committedCents
    ? [
        {
          path: "amountCents",
          message: `amountCents is below what claims already hold against the budget (${committedCents} cents)`,
        },
      ]
    : [];
}
