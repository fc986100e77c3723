// SPDX-License-Identifier: EUPL-1.2
import { aliasedTable, and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Convention } from "../../domain/expenses/eligibility.ts";
import type { AreaLine, ClaimQuery, ExpenseSource } from "../../domain/expenses/expenses.ts";
import type { Db } from "../db/client.ts";
import {
  expenseBudgets,
  expenseClaims,
  expenseDocuments,
  expenseLines,
  organisations,
  programmeSettings,
  users,
} from "../db/schema.ts";

/*
 * The SQL of expense claims. Row-level security gives a partner its own claims, lines, documents and
 * budgets only; the programme's roles read them all.
 */

/** The convention's dates (one row, kept by the Comune). */
export async function conventionOf(db: Db): Promise<Convention> {
  const [row] = await db
    .select({ start: programmeSettings.conventionStart, end: programmeSettings.conventionEnd })
    .from(programmeSettings);
  if (row === undefined) throw new Error("programme_settings has no row");
  return row;
}

const partnerColumns = { id: organisations.id, code: organisations.code, name: organisations.name };

/** The partner organisations, by code; `id` narrows to one. */
export async function partnerRows(db: Db, id?: string) {
  return db
    .select(partnerColumns)
    .from(organisations)
    .where(and(eq(organisations.kind, "partner"), id === undefined ? undefined : eq(organisations.id, id)))
    .orderBy(asc(organisations.code));
}

const lineSum = (column: string) =>
  sql`(select sum(l.${sql.raw(column)}) from expense_lines l where l.claim_id = ${expenseClaims.id})`;

const claimColumns = {
  id: expenseClaims.id,
  reference: expenseClaims.reference,
  partnerId: expenseClaims.partnerId,
  partnerCode: organisations.code,
  partnerName: organisations.name,
  line: expenseClaims.line,
  fundingSource: expenseClaims.fundingSource,
  periodFrom: expenseClaims.periodFrom,
  periodTo: expenseClaims.periodTo,
  title: expenseClaims.title,
  status: expenseClaims.status,
  lineCount: sql<number>`(select count(*) from expense_lines l where l.claim_id = ${expenseClaims.id})::int`,
  totalCents: sql<number>`coalesce(${lineSum("amount_cents")}, 0)::bigint`.mapWith(Number),
  approvedSumCents: sql<number>`coalesce(${lineSum("approved_cents")}, 0)::bigint`.mapWith(Number),
  paidOn: expenseClaims.paidOn,
  paidCents: expenseClaims.paidCents,
  submittedAt: expenseClaims.submittedAt,
  decidedAt: expenseClaims.decidedAt,
  version: expenseClaims.version,
};

const selectClaims = (db: Db) =>
  db
    .select(claimColumns)
    .from(expenseClaims)
    .innerJoin(organisations, eq(organisations.id, expenseClaims.partnerId));
export type ClaimRow = Awaited<ReturnType<ReturnType<typeof selectClaims>["execute"]>>[number];

/** The claims the caller sees, matching the filters, the latest first. */
export async function claimRows(db: Db, query: ClaimQuery = {}) {
  const filters: (SQL | undefined)[] = [
    query.status === undefined ? undefined : eq(expenseClaims.status, query.status),
    query.line === undefined ? undefined : eq(expenseClaims.line, query.line),
    query.fundingSource === undefined ? undefined : eq(expenseClaims.fundingSource, query.fundingSource),
    query.partnerId === undefined ? undefined : eq(expenseClaims.partnerId, query.partnerId),
  ];
  return selectClaims(db)
    .where(and(...filters))
    .orderBy(desc(expenseClaims.createdAt), desc(expenseClaims.reference));
}

const submitter = aliasedTable(users, "submitter");
const decider = aliasedTable(users, "decider");

/** One claim with who created, submitted and decided it (names the caller may see); null if hidden. */
export async function findClaimRow(db: Db, id: string) {
  const [row] = await db
    .select({
      ...claimColumns,
      decisionNote: expenseClaims.decisionNote,
      reimbursementRequestedAt: expenseClaims.reimbursementRequestedAt,
      createdById: expenseClaims.createdBy,
      createdByName: users.name,
      submittedById: expenseClaims.submittedBy,
      submittedByName: submitter.name,
      decidedById: expenseClaims.decidedBy,
      decidedByName: decider.name,
    })
    .from(expenseClaims)
    .innerJoin(organisations, eq(organisations.id, expenseClaims.partnerId))
    .leftJoin(users, eq(users.id, expenseClaims.createdBy))
    .leftJoin(submitter, eq(submitter.id, expenseClaims.submittedBy))
    .leftJoin(decider, eq(decider.id, expenseClaims.decidedBy))
    .where(eq(expenseClaims.id, id));
  return row ?? null;
}
export type ClaimDetailRow = NonNullable<Awaited<ReturnType<typeof findClaimRow>>>;

/** A claim's cost lines, by position. */
export async function lineRows(db: Db, claimId: string) {
  return db
    .select({
      id: expenseLines.id,
      position: expenseLines.position,
      description: expenseLines.description,
      supplier: expenseLines.supplier,
      incurredOn: expenseLines.incurredOn,
      amountCents: expenseLines.amountCents,
      approvedCents: expenseLines.approvedCents,
      rejectionReason: expenseLines.rejectionReason,
    })
    .from(expenseLines)
    .where(eq(expenseLines.claimId, claimId))
    .orderBy(asc(expenseLines.position));
}
export type LineRow = Awaited<ReturnType<typeof lineRows>>[number];

/** A claim's documents without their content: invoices, timesheets, then proofs of payment, as uploaded. */
export async function documentRows(db: Db, claimId: string) {
  return db
    .select({
      id: expenseDocuments.id,
      lineId: expenseDocuments.lineId,
      kind: expenseDocuments.kind,
      issuer: expenseDocuments.issuer,
      number: expenseDocuments.number,
      issuedOn: expenseDocuments.issuedOn,
      fileName: expenseDocuments.fileName,
      contentType: expenseDocuments.contentType,
      sizeBytes: expenseDocuments.sizeBytes,
      sha256: expenseDocuments.sha256,
      inUse: expenseDocuments.inUse,
      uploadedById: expenseDocuments.uploadedBy,
      uploadedByName: users.name,
      uploadedAt: expenseDocuments.uploadedAt,
    })
    .from(expenseDocuments)
    .leftJoin(users, eq(users.id, expenseDocuments.uploadedBy))
    .where(eq(expenseDocuments.claimId, claimId))
    .orderBy(
      sql`array_position(array['invoice', 'timesheet', 'proof_of_payment'], ${expenseDocuments.kind})`,
      asc(expenseDocuments.uploadedAt),
      asc(expenseDocuments.id),
    );
}
export type DocumentRow = Awaited<ReturnType<typeof documentRows>>[number];

/** A document's file, when the document is one of the claim's. */
export async function documentFile(db: Db, claimId: string, documentId: string) {
  const [row] = await db
    .select({
      fileName: expenseDocuments.fileName,
      contentType: expenseDocuments.contentType,
      content: expenseDocuments.content,
    })
    .from(expenseDocuments)
    .where(and(eq(expenseDocuments.claimId, claimId), eq(expenseDocuments.id, documentId)));
  return row ?? null;
}

/** The budgets the caller sees; `partnerId` narrows to one partner's. */
export async function budgetRows(db: Db, key: Partial<BudgetKey> = {}) {
  return db
    .select({
      id: expenseBudgets.id,
      partnerId: expenseBudgets.partnerId,
      line: expenseBudgets.line,
      fundingSource: expenseBudgets.fundingSource,
      amountCents: expenseBudgets.amountCents,
      version: expenseBudgets.version,
    })
    .from(expenseBudgets)
    .where(
      and(
        key.partnerId === undefined ? undefined : eq(expenseBudgets.partnerId, key.partnerId),
        key.line === undefined ? undefined : eq(expenseBudgets.line, key.line),
        key.fundingSource === undefined ? undefined : eq(expenseBudgets.fundingSource, key.fundingSource),
      ),
    )
    .orderBy(asc(expenseBudgets.line), asc(expenseBudgets.fundingSource));
}

export type BudgetKey = { partnerId: string; line: AreaLine; fundingSource: ExpenseSource };

/**
 * Serialise what moves one budget's figures (submitting a claim against it, changing it): the second
 * of two concurrent submits reads the first's claim, committed, once it has the lock. An advisory lock,
 * because a partner may not lock the budget's row (its policy lets the Comune alone write it).
 */
export async function lockBudget(db: Db, key: BudgetKey) {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`expense-budget:${key.partnerId}:${key.line}:${key.fundingSource}`}, 0))`,
  );
}

/**
 * Change a claim at the version read and in one of `statuses`: the row is locked until the
 * transaction ends and its version moves on. False when the claim was changed meanwhile or is in
 * another status.
 */
export async function changeClaim(
  db: Db,
  id: string,
  guard: { version?: number; statuses: readonly string[] },
  values: Partial<typeof expenseClaims.$inferInsert> = {},
) {
  const rows = await db
    .update(expenseClaims)
    .set({ ...values, updatedAt: new Date(), version: sql`${expenseClaims.version} + 1` })
    .where(
      and(
        eq(expenseClaims.id, id),
        guard.version === undefined ? undefined : eq(expenseClaims.version, guard.version),
        sql`${expenseClaims.status} in (${sql.join(
          guard.statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      ),
    )
    .returning({ id: expenseClaims.id });
  return rows.length > 0;
}
