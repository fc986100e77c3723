// SPDX-License-Identifier: EUPL-1.2
import {
  type BudgetPosition,
  budgetPositions,
  type ClaimFigures,
  submissionProblems,
} from "../../domain/expenses/eligibility.ts";
import type {
  AreaLine,
  ClaimStatus,
  ExpenseDocumentKind,
  ExpenseSource,
} from "../../domain/expenses/expenses.ts";
import type {
  BudgetPositionView,
  ClaimDetailView,
  ClaimSummaryView,
  CostLineView,
  ExpenseDocumentView,
  PartnerRef,
} from "../../domain/expenses/expenses-api.schema.ts";
import { type Db, inOrder } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { isUuid } from "../households/households.repository.ts";
import {
  type BudgetKey,
  budgetRows,
  type ClaimRow,
  claimRows,
  conventionOf,
  type DocumentRow,
  documentRows,
  findClaimRow,
  type LineRow,
  lineRows,
  partnerRows,
} from "./expenses.repository.ts";

/*
 * The claims' views: rows as the API answers them, the totals against budget, and a claim with its
 * cost lines, documents, budget position and what would stop its submission now.
 */

const DECIDED: readonly ClaimStatus[] = [
  "approved",
  "partly_approved",
  "rejected",
  "reimbursement_requested",
  "paid",
];

export const notFoundClaim = (id: string) => new AppError("NOT_FOUND", `No expense claim "${id}"`);

const person = (id: string | null, name: string | null) =>
  id === null || name === null ? null : { id, name };

export const partnerOf = (row: ClaimRow): PartnerRef => ({
  id: row.partnerId,
  code: row.partnerCode,
  name: row.partnerName,
});

export function claimSummary(row: ClaimRow): ClaimSummaryView {
  const status = row.status as ClaimStatus;
  return {
    id: row.id,
    reference: row.reference,
    partner: partnerOf(row),
    line: row.line as AreaLine,
    fundingSource: row.fundingSource as ExpenseSource,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    title: row.title,
    status,
    lineCount: row.lineCount,
    totalCents: row.totalCents,
    approvedCents: DECIDED.includes(status) ? row.approvedSumCents : null,
    paidOn: row.paidOn,
    paidCents: row.paidCents,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export const figuresOf = (row: ClaimRow): ClaimFigures => ({
  partnerId: row.partnerId,
  line: row.line as AreaLine,
  fundingSource: row.fundingSource as ExpenseSource,
  status: row.status as ClaimStatus,
  totalCents: row.totalCents,
  approvedCents: DECIDED.includes(row.status as ClaimStatus) ? row.approvedSumCents : 0,
  paidCents: row.paidCents ?? 0,
});

/** The totals against budget the caller sees (narrowed to one budget's `key`), by partner, line, source. */
export async function positionViews(db: Db, key: Partial<BudgetKey> = {}): Promise<BudgetPositionView[]> {
  const [budgets, claims, partners] = await inOrder([
    () => budgetRows(db, key),
    () => claimRows(db, { partnerId: key.partnerId, line: key.line, fundingSource: key.fundingSource }),
    () => partnerRows(db),
  ]);
  const typed = budgets.map((b) => ({
    ...b,
    line: b.line as AreaLine,
    fundingSource: b.fundingSource as ExpenseSource,
  }));
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  const view = (p: BudgetPosition): BudgetPositionView => {
    const budget = typed.find(
      (b) => b.partnerId === p.partnerId && b.line === p.line && b.fundingSource === p.fundingSource,
    );
    const partner = partnerById.get(p.partnerId) ?? { id: p.partnerId, code: "", name: "" };
    return { budgetId: budget?.id ?? null, partner, ...p, version: budget?.version ?? null };
  };
  return budgetPositions(typed, claims.map(figuresOf))
    .map(view)
    .sort(
      (a, b) =>
        a.partner.code.localeCompare(b.partner.code) ||
        a.line.localeCompare(b.line) ||
        a.fundingSource.localeCompare(b.fundingSource),
    );
}

const documentView = (d: DocumentRow): ExpenseDocumentView => ({
  id: d.id,
  lineId: d.lineId,
  kind: d.kind as ExpenseDocumentKind,
  issuer: d.issuer,
  number: d.number,
  issuedOn: d.issuedOn,
  fileName: d.fileName,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  inUse: d.inUse,
  uploadedBy: person(d.uploadedById, d.uploadedByName),
  uploadedAt: d.uploadedAt.toISOString(),
});

const lineView = (line: LineRow, documents: readonly DocumentRow[]): CostLineView => ({
  ...line,
  documents: documents.filter((d) => d.lineId === line.id).map(documentView),
});

/** A claim as its page shows it; 404 when it is not there or not the caller's to see. */
export async function claimDetail(db: Db, id: string): Promise<ClaimDetailView> {
  const row = isUuid(id) ? await findClaimRow(db, id) : null;
  if (row === null) throw notFoundClaim(id);
  const key: BudgetKey = {
    partnerId: row.partnerId,
    line: row.line as AreaLine,
    fundingSource: row.fundingSource as ExpenseSource,
  };
  const [lines, documents, convention, positions] = await inOrder([
    () => lineRows(db, id),
    () => documentRows(db, id),
    () => conventionOf(db),
    () => positionViews(db, key),
  ]);
  const budget = positions[0] ?? null;
  const summary = claimSummary(row);
  const lineViews = lines.map((l) => lineView(l, documents));
  return {
    ...summary,
    decisionNote: row.decisionNote,
    reimbursementRequestedAt: row.reimbursementRequestedAt?.toISOString() ?? null,
    createdBy: person(row.createdById, row.createdByName),
    submittedBy: person(row.submittedById, row.submittedByName),
    decidedBy: person(row.decidedById, row.decidedByName),
    lines: lineViews,
    convention,
    budget,
    checks:
      summary.status === "draft"
        ? submissionProblems({
            period: row,
            convention,
            lines: lineViews,
            budget: {
              ...key,
              budgetCents: budget?.budgetCents ?? null,
              committedCents: budget?.committedCents ?? 0,
            },
          })
        : [],
  };
}
