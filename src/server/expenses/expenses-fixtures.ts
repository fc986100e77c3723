// SPDX-License-Identifier: EUPL-1.2
import { expect } from "vitest";
import type {
  BudgetOverview,
  BudgetPositionView,
  ClaimDetailView,
} from "../../domain/expenses/expenses-api.schema.ts";
import type { TestClient, TestContext } from "../testing/test-context.ts";

/*
 * Fixtures of the expense claims' tests, in the domain's words: budgets, drafts, cost lines and their
 * documents (tiny PDFs, each its own content unless told), through the API as each account would.
 * The test clock reads 2026-11-22; the convention runs 2026-01-01 → 2050-12-31.
 */

export const fieldsOf = async (res: Response) =>
  ((await res.clone().json()) as { errors?: { path: string }[] }).errors?.map((e) => e.path) ?? [];

export const messagesOf = async (res: Response) =>
  ((await res.clone().json()) as { errors?: { message: string }[] }).errors?.map((e) => e.message) ?? [];

export async function ok<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

let serial = 0;
/** A tiny PDF whose content is its own (`label` makes it so), as a browser would upload it. */
export function pdf(label = `documento ${++serial}`, name = "giustificativo.pdf") {
  return new File([`%PDF-1.4\n% ${label}\n%%EOF\n`], name, { type: "application/pdf" });
}

export type DocumentFacts = {
  kind: string;
  issuer?: string;
  number?: string;
  issuedOn?: string;
  file?: File;
};

export function documentForm(facts: DocumentFacts) {
  serial += 1;
  const form = new FormData();
  form.set("kind", facts.kind);
  form.set("issuer", facts.issuer ?? "Fornitore Immaginario srl (demo)");
  form.set("number", facts.number ?? `N-${serial}`);
  form.set("issuedOn", facts.issuedOn ?? "2026-08-10");
  form.set("file", facts.file ?? pdf());
  return form;
}

export const claimInput = (overrides: Record<string, unknown> = {}) => ({
  line: "B.2",
  fundingSource: "grant",
  periodFrom: "2026-07-01",
  periodTo: "2026-09-30",
  title: "Arredi per alloggi in via Fittizia (prova)",
  ...overrides,
});

export const lineInput = (overrides: Record<string, unknown> = {}) => ({
  description: "Cucina componibile",
  supplier: "Mobili Immaginari srl",
  incurredOn: "2026-08-10",
  amountCents: 30_000,
  ...overrides,
});

/** The accounts of a test: the Comune's administrator (reviewer), two Area B managers, Area A. */
export async function expenseAccounts(ctx: TestContext) {
  const admin = await ctx.loginAs("comune_admin");
  const b1 = await ctx.loginAs("area_b_manager", "ETS-B1");
  const b2 = await ctx.loginAs("area_b_manager", "ETS-B2");
  const overview = await ok<BudgetOverview>(await admin.get("/expenses/budgets"));
  const partnerId = (code: string) => overview.partners.find((p) => p.code === code)?.id as string;
  return { admin, b1, b2, partnerId };
}

export async function setBudget(
  admin: TestClient,
  partnerId: string,
  amountCents: number,
  key: { line?: string; fundingSource?: string; version?: number | null } = {},
) {
  return ok<BudgetPositionView>(
    await admin.request("PUT", "/expenses/budgets", {
      partnerId,
      line: key.line ?? "B.2",
      fundingSource: key.fundingSource ?? "grant",
      amountCents,
      version: key.version ?? null,
    }),
  );
}

export const newDraft = async (client: TestClient, overrides: Record<string, unknown> = {}) =>
  ok<ClaimDetailView>(await client.post("/expenses/claims", claimInput(overrides)), 201);

export const addLine = async (client: TestClient, claimId: string, overrides: Record<string, unknown> = {}) =>
  ok<ClaimDetailView>(await client.post(`/expenses/claims/${claimId}/lines`, lineInput(overrides)), 201);

export const upload = (client: TestClient, claimId: string, lineId: string, facts: DocumentFacts) =>
  client.request("POST", `/expenses/claims/${claimId}/lines/${lineId}/documents`, documentForm(facts));

/** A cost line with an invoice and a proof of payment: ready to submit. */
export async function documentedLine(
  client: TestClient,
  claimId: string,
  overrides: Record<string, unknown> = {},
) {
  const claim = await addLine(client, claimId, overrides);
  const line = claim.lines.at(-1);
  if (line === undefined) throw new Error("no line added");
  await ok(await upload(client, claimId, line.id, { kind: "invoice" }), 201);
  return ok<ClaimDetailView>(await upload(client, claimId, line.id, { kind: "proof_of_payment" }), 201);
}

export const submit = (client: TestClient, claim: { id: string; version: number }) =>
  client.post(`/expenses/claims/${claim.id}/submit`, { version: claim.version });

/** A documented claim of `amounts`, submitted. */
export async function submittedClaim(
  client: TestClient,
  amounts: number[],
  overrides: Record<string, unknown> = {},
) {
  const draft = await newDraft(client, overrides);
  let claim = draft;
  for (const amountCents of amounts) claim = await documentedLine(client, draft.id, { amountCents });
  return ok<ClaimDetailView>(await submit(client, claim));
}

/** A partner's expense records for the cross-partner proof: a documented draft and an approved claim. */
export type ExpenseRecords = {
  draft: ClaimDetailView;
  lineId: string;
  documentId: string;
  approved: ClaimDetailView;
};

/**
 * The records `manager` (an Area B manager) holds, with a budget the Comune (`admin`) sets for its
 * partner on B.2 and the grant: a draft with one documented line, and a claim approved in full.
 */
export async function expenseRecordsOf(
  manager: TestClient,
  admin: TestClient,
  partnerId: string,
): Promise<ExpenseRecords> {
  const overview = await ok<BudgetOverview>(await admin.get("/expenses/budgets"));
  const budget = overview.items.find(
    (i) =>
      i.partner.id === partnerId && i.line === "B.2" && i.fundingSource === "grant" && i.budgetCents !== null,
  );
  if (budget === undefined) await setBudget(admin, partnerId, 1_000_000);
  const sent = await submittedClaim(manager, [10_000]);
  const approved = await ok<ClaimDetailView>(
    await admin.post(`/expenses/claims/${sent.id}/review`, {
      version: sent.version,
      lines: sent.lines.map((l) => ({ lineId: l.id, approvedCents: l.amountCents })),
    }),
  );
  const draft = await documentedLine(manager, (await newDraft(manager)).id);
  const line = draft.lines[0];
  return { draft, lineId: line?.id as string, documentId: line?.documents[0]?.id as string, approved };
}
