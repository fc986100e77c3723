// SPDX-License-Identifier: EUPL-1.2
import { and, eq, sql } from "drizzle-orm";
import { scopeOfRole } from "../../domain/auth/roles.ts";
import {
  CLAIM_MOVES,
  type ClaimMove,
  dateProblem,
  futureProblem,
  moveRefusal,
  paymentProblems,
  periodProblems,
  reviewProblems,
  reviewStatus,
} from "../../domain/expenses/eligibility.ts";
import type {
  AreaLine,
  ClaimInput,
  ClaimQuery,
  ClaimStatus,
  ClaimUpdate,
  CostLineInput,
  CostLineUpdate,
  ExpenseSource,
  PaymentInput,
  ReviewInput,
  VersionInput,
} from "../../domain/expenses/expenses.ts";
import type { ClaimDetailView, ClaimList } from "../../domain/expenses/expenses-api.schema.ts";
import type { FieldIssue } from "../../domain/shared/issue.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { expenseClaims, expenseDocuments, expenseLines } from "../db/schema.ts";
import { AppError, fieldError } from "../errors.ts";
import { isUuid } from "../households/households.repository.ts";
import { romeDate } from "../households/households.service.ts";
import {
  changeClaim,
  claimRows,
  conventionOf,
  findClaimRow,
  lineRows,
  lockBudget,
  partnerRows,
} from "./expenses.repository.ts";
import { claimDetail, claimSummary, notFoundClaim } from "./expenses-views.ts";

/*
 * Expense claims (rendicontazione): a partner drafts a claim for one area line and funding source,
 * adds its cost lines and their documents, and submits it; the Comune reviews it line by line; the
 * partner asks for the reimbursement and the Comune records the payment. Row-level security gives a
 * partner its own claims only (another's is a 404); every write runs in the caller's transaction and
 * moves the claim's version, so a stale page is a 409 naming `version`.
 */

type Read = { db: Db; actor: Actor };
type Write<I> = Read & { input: I; now: Date };
type Move<I> = Write<I> & { id: string };

const refused = (issues: FieldIssue[], what: string) => {
  if (issues.length > 0) throw new AppError("UNPROCESSABLE", what, issues);
};

const stale = (current: number, sent: number) =>
  fieldError(
    "CONFLICT",
    "version",
    `The claim was changed by someone else (version ${current}, you sent ${sent}); reload it and retry`,
  );

/** The claim, if the caller sees it, ready for `move` at the version sent (when one is). */
export async function claimFor(db: Db, id: string, move: ClaimMove, version?: number) {
  const row = isUuid(id) ? await findClaimRow(db, id) : null;
  if (row === null) throw notFoundClaim(id);
  const refusal = moveRefusal(row.status as ClaimStatus, move);
  if (refusal !== null) throw fieldError("CONFLICT", "status", refusal);
  if (version !== undefined && version !== row.version) throw stale(row.version, version);
  return row;
}

/** Move the claim on at the version read; a claim changed meanwhile is a 409. */
export async function moveClaim(
  db: Db,
  row: { id: string; version: number },
  move: ClaimMove,
  version: number | undefined,
  values: Partial<typeof expenseClaims.$inferInsert> = {},
) {
  if (await changeClaim(db, row.id, { version, statuses: CLAIM_MOVES[move] }, values)) return;
  // Changed between the read and the write: say how it stands now.
  const current = await findClaimRow(db, row.id);
  if (current === null) throw notFoundClaim(row.id);
  await claimFor(db, row.id, move, version);
  throw stale(current.version, version ?? row.version);
}

export async function listClaims(options: { db: Db; query: ClaimQuery }): Promise<ClaimList> {
  return { items: (await claimRows(options.db, options.query)).map(claimSummary) };
}

export const getClaim = (options: Read & { id: string }) => claimDetail(options.db, options.id);

/**
 * Whose claim: the caller's own organisation, or for the programme's roles the partner named. A
 * partner naming another is refused; the Comune, which claims nothing itself, names the partner.
 */
async function claimantOf(db: Db, actor: Actor, partnerId: string | null) {
  const programme = scopeOfRole(actor.role) === "programme";
  if (partnerId !== null && partnerId !== actor.organisationId && !programme)
    throw fieldError("FORBIDDEN", "partnerId", "A partner claims its own costs only");
  const [partner] = await partnerRows(db, partnerId ?? actor.organisationId);
  if (partner === undefined)
    throw fieldError(
      "UNPROCESSABLE",
      "partnerId",
      partnerId === null
        ? "partnerId is required: a claim is a partner's"
        : "partnerId is not a partner's id",
    );
  return partner.id;
}

/** A new draft claim of the caller's organisation (or, for the programme's roles, of a partner). */
export async function createClaim(options: Write<ClaimInput>): Promise<ClaimDetailView> {
  const { db, actor, input } = options;
  const partnerId = await claimantOf(db, actor, input.partnerId);
  refused(periodProblems(input, await conventionOf(db)), "The claim's period is outside the project");
  const [row] = await db
    .insert(expenseClaims)
    .values({
      partnerId,
      line: input.line,
      fundingSource: input.fundingSource,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      title: input.title,
      createdBy: actor.userId,
    })
    .returning({ id: expenseClaims.id });
  return claimDetail(db, row?.id as string);
}

/** A draft's new heading: line, source, period, title. */
export async function updateClaim(options: Move<ClaimUpdate>): Promise<ClaimDetailView> {
  const { db, id, input } = options;
  const row = await claimFor(db, id, "edit", input.version);
  refused(periodProblems(input, await conventionOf(db)), "The claim's period is outside the project");
  const { version, ...values } = input;
  await moveClaim(db, row, "edit", version, values);
  return claimDetail(db, row.id);
}

/** A cost's date: inside the convention and the claim's period, and not after today. */
async function lineDateProblems(
  db: Db,
  claim: { periodFrom: string; periodTo: string },
  date: string,
  now: Date,
) {
  const convention = await conventionOf(db);
  return [
    dateProblem("incurredOn", "incurredOn", date, convention, claim),
    futureProblem("incurredOn", "incurredOn", date, romeDate(now)),
  ].filter((p) => p !== null);
}

/** Add a cost line (voce di spesa) to a draft, after the last. */
export async function addLine(options: Move<CostLineInput>): Promise<ClaimDetailView> {
  const { db, id, input, now } = options;
  const row = await claimFor(db, id, "edit");
  refused(await lineDateProblems(db, row, input.incurredOn, now), "The cost is dated outside the project");
  // Moving the claim on locks it: two lines added at once take the next positions in turn.
  await moveClaim(db, row, "edit", undefined);
  const [last] = await db
    .select({ position: sql<number>`coalesce(max(${expenseLines.position}), 0)::int` })
    .from(expenseLines)
    .where(eq(expenseLines.claimId, row.id));
  await db.insert(expenseLines).values({ claimId: row.id, position: (last?.position ?? 0) + 1, ...input });
  return claimDetail(db, row.id);
}

async function lineOf(db: Db, claimId: string, lineId: string) {
  const line = isUuid(lineId) ? (await lineRows(db, claimId)).find((l) => l.id === lineId) : undefined;
  if (line === undefined) throw new AppError("NOT_FOUND", `No cost line "${lineId}" on this claim`);
  return line;
}

/** Change a draft's cost line; `version` is the claim's. */
export async function updateLine(
  options: Move<CostLineUpdate> & { lineId: string },
): Promise<ClaimDetailView> {
  const { db, id, lineId, input, now } = options;
  const row = await claimFor(db, id, "edit", input.version);
  const line = await lineOf(db, row.id, lineId);
  refused(await lineDateProblems(db, row, input.incurredOn, now), "The cost is dated outside the project");
  const { version, ...values } = input;
  await moveClaim(db, row, "edit", version);
  await db.update(expenseLines).set(values).where(eq(expenseLines.id, line.id));
  return claimDetail(db, row.id);
}

/** Remove a draft's cost line with its documents (which may then be claimed elsewhere). */
export async function removeLine(options: Read & { id: string; lineId: string }): Promise<ClaimDetailView> {
  const { db, id, lineId } = options;
  const row = await claimFor(db, id, "edit");
  const line = await lineOf(db, row.id, lineId);
  await moveClaim(db, row, "edit", undefined);
  await db.delete(expenseLines).where(eq(expenseLines.id, line.id));
  return claimDetail(db, row.id);
}

/**
 * Submit a draft: refused, each problem on its path, when it has no line, a date outside the project
 * or its period, a line without an invoice or timesheet and a proof of payment, no budget, or a total
 * that with the partner's other claims on the same line and source goes above the budget. Two
 * submits against one budget take turns (`lockBudget`), so together they never exceed it.
 */
export async function submitClaim(options: Move<VersionInput>): Promise<ClaimDetailView> {
  const { db, actor, id, input, now } = options;
  const row = await claimFor(db, id, "submit", input.version);
  await lockBudget(db, {
    partnerId: row.partnerId,
    line: row.line as AreaLine,
    fundingSource: row.fundingSource as ExpenseSource,
  });
  // Read after the lock: the figures include any claim submitted meanwhile.
  const draft = await claimDetail(db, row.id);
  refused(draft.checks, "The claim cannot be submitted");
  await moveClaim(db, row, "submit", input.version, {
    status: "submitted",
    submittedAt: now,
    submittedBy: actor.userId,
  });
  return claimDetail(db, row.id);
}

/**
 * Review a submitted claim line by line (the Comune): the amount approved of each, a reason for any
 * cut. The claim is approved, partly approved or rejected (with a note); a rejected claim releases
 * its documents, so corrected ones may be claimed again.
 */
export async function reviewClaim(options: Move<ReviewInput>): Promise<ClaimDetailView> {
  const { db, actor, id, input, now } = options;
  const row = await claimFor(db, id, "review", input.version);
  const lines = await lineRows(db, row.id);
  refused(reviewProblems(lines, input), "The review breaks a rule");
  const status = reviewStatus(lines, input.lines);
  await moveClaim(db, row, "review", input.version, {
    status,
    decidedAt: now,
    decidedBy: actor.userId,
    decisionNote: input.decisionNote,
  });
  for (const d of input.lines) {
    const line = lines.find((l) => l.id === d.lineId);
    const cut = line !== undefined && d.approvedCents < line.amountCents;
    await db
      .update(expenseLines)
      .set({ approvedCents: d.approvedCents, rejectionReason: cut ? d.rejectionReason : null })
      .where(and(eq(expenseLines.id, d.lineId), eq(expenseLines.claimId, row.id)));
  }
  if (status === "rejected")
    await db.update(expenseDocuments).set({ inUse: false }).where(eq(expenseDocuments.claimId, row.id));
  return claimDetail(db, row.id);
}

/** The partner asks for the reimbursement of an approved or partly approved claim. */
export async function requestReimbursement(options: Move<VersionInput>): Promise<ClaimDetailView> {
  const { db, id, input, now } = options;
  const row = await claimFor(db, id, "requestReimbursement", input.version);
  await moveClaim(db, row, "requestReimbursement", input.version, {
    status: "reimbursement_requested",
    reimbursementRequestedAt: now,
  });
  return claimDetail(db, row.id);
}

/** The Comune records the payment: at most the approved total, not before the decision nor after today. */
export async function recordPayment(options: Move<PaymentInput>): Promise<ClaimDetailView> {
  const { db, id, input, now } = options;
  const row = await claimFor(db, id, "pay", input.version);
  const future = futureProblem("paidOn", "paidOn", input.paidOn, romeDate(now));
  refused(
    [
      ...paymentProblems(input, {
        approvedCents: row.approvedSumCents,
        decidedOn: row.decidedAt === null ? input.paidOn : romeDate(row.decidedAt),
      }),
      ...(future ? [future] : []),
    ],
    "The payment breaks a rule",
  );
  await moveClaim(db, row, "pay", input.version, {
    status: "paid",
    paidOn: input.paidOn,
    paidCents: input.paidCents,
  });
  return claimDetail(db, row.id);
}
