// SPDX-License-Identifier: EUPL-1.2
import { asc } from "drizzle-orm";
import type {
  BudgetOverview,
  BudgetPositionView,
  ClaimDetailView,
} from "../../domain/expenses/expenses-api.schema.ts";
import { expenseBudgets, expenseClaims, expenseDocuments, expenseLines } from "../db/schema.ts";
import type { TestClient, TestContext } from "../testing/test-context.ts";

/*
 * The expense records each partner's accounts attack the other partners' with: the budget the Comune
 * set for it (B.2, grant), a draft claim with a documented cost line (what edits aim at) and a claim
 * approved in full (what a request for reimbursement aims at), made through the API by its own manager.
 * Every document is a tiny PDF of its own, with its own number, so no fingerprint clashes.
 */

export type ExpenseClaimRecord = {
  id: string;
  reference: string;
  version: number;
  status: string;
  lineId: string;
  documentIds: string[];
};
export type Expenses = {
  partnerId: string;
  budgetId: string;
  draft: ExpenseClaimRecord;
  approved: ExpenseClaimRecord;
};

/** The claim of the cross-partner attempts: valid on one's own record, so only the scope stands in the way. */
export const EXPENSE_CLAIM = {
  line: "B.2",
  fundingSource: "grant",
  periodFrom: "2026-07-01",
  periodTo: "2026-09-30",
};
export const EXPENSE_LINE = {
  description: "cross-partner attempt",
  supplier: "Fornitore Immaginario srl (prova)",
  incurredOn: "2026-08-10",
  amountCents: 100,
};

async function ok<T>(res: Response, what: string): Promise<T> {
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`${what} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

let serial = 0;
/** A supporting document: a tiny PDF whose content and number are its own. */
export function expenseDocumentForm(label: string, kind = "invoice") {
  serial += 1;
  const form = new FormData();
  form.set("kind", kind);
  form.set("issuer", "Fornitore Immaginario srl (prova)");
  form.set("number", `${label}-${serial}`);
  form.set("issuedOn", "2026-08-10");
  form.set(
    "file",
    new File([`%PDF-1.4\n% ${label} ${serial}\n%%EOF\n`], "giustificativo.pdf", { type: "application/pdf" }),
  );
  return form;
}

const recordOf = (claim: ClaimDetailView): ExpenseClaimRecord => ({
  id: claim.id,
  reference: claim.reference,
  version: claim.version,
  status: claim.status,
  lineId: claim.lines[0]?.id as string,
  documentIds: claim.lines.flatMap((l) => l.documents.map((d) => d.id)),
});

/** A draft with one cost line bearing an invoice and a proof of payment. */
async function documentedDraft(manager: TestClient, code: string, title: string) {
  const draft = await ok<ClaimDetailView>(
    await manager.post("/expenses/claims", { ...EXPENSE_CLAIM, title: `${title} ${code}` }),
    "claim",
  );
  let claim = await ok<ClaimDetailView>(
    await manager.post(`/expenses/claims/${draft.id}/lines`, {
      ...EXPENSE_LINE,
      description: `Voce di prova ${code}`,
      amountCents: 10_000,
    }),
    "cost line",
  );
  const lineId = claim.lines[0]?.id as string;
  for (const kind of ["invoice", "proof_of_payment"]) {
    claim = await ok<ClaimDetailView>(
      await manager.request(
        "POST",
        `/expenses/claims/${draft.id}/lines/${lineId}/documents`,
        expenseDocumentForm(`${code}-${title}`, kind),
      ),
      "document",
    );
  }
  return claim;
}

/**
 * The partner's expense records: the budget the Comune (`comune`, a reviewer) sets for it, a claim
 * submitted by its manager and approved in full by the Comune, and a documented draft.
 */
export async function expensesOf(
  manager: TestClient,
  options: { code: string; comune: TestClient },
): Promise<Expenses> {
  const { code, comune } = options;
  const own = await ok<BudgetOverview>(await manager.get("/expenses/budgets"), "budgets");
  const partnerId = own.partners.find((p) => p.code === code)?.id;
  if (partnerId === undefined) throw new Error(`no partner ${code} in its own budgets`);
  const budget = await ok<BudgetPositionView>(
    await comune.request("PUT", "/expenses/budgets", {
      partnerId,
      line: EXPENSE_CLAIM.line,
      fundingSource: EXPENSE_CLAIM.fundingSource,
      amountCents: 1_000_000,
      version: null,
    }),
    "budget",
  );
  const ready = await documentedDraft(manager, code, "Rendiconto approvato di prova");
  const sent = await ok<ClaimDetailView>(
    await manager.post(`/expenses/claims/${ready.id}/submit`, { version: ready.version }),
    "submit",
  );
  const approved = await ok<ClaimDetailView>(
    await comune.post(`/expenses/claims/${sent.id}/review`, {
      version: sent.version,
      lines: sent.lines.map((l) => ({ lineId: l.id, approvedCents: l.amountCents })),
    }),
    "review",
  );
  const draft = await documentedDraft(manager, code, "Rendiconto in bozza di prova");
  return {
    partnerId,
    budgetId: budget.budgetId as string,
    draft: recordOf(draft),
    approved: recordOf(approved),
  };
}

/** What of a partner's expense records another partner must never see: ids and references. */
export function expensesKeysOf(e: Expenses): string[] {
  return [
    e.budgetId,
    ...[e.draft, e.approved].flatMap((c) => [c.id, c.reference, c.lineId, ...c.documentIds]),
  ];
}

/** Every expense row, read as the owner: what an attack must leave as it was. */
export async function expensesSnapshot(ctx: TestContext) {
  const db = ctx.db;
  return {
    expenseBudgets: await db.select().from(expenseBudgets).orderBy(asc(expenseBudgets.id)),
    expenseClaims: await db.select().from(expenseClaims).orderBy(asc(expenseClaims.id)),
    expenseLines: await db.select().from(expenseLines).orderBy(asc(expenseLines.id)),
    expenseDocuments: await db.select().from(expenseDocuments).orderBy(asc(expenseDocuments.id)),
  };
}
