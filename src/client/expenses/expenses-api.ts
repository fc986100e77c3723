// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  BudgetInput,
  ClaimInput,
  ClaimUpdate,
  CostLineInput,
  CostLineUpdate,
  PaymentInput,
  ReviewInput,
  VersionInput,
} from "../../domain/expenses/expenses.ts";
import {
  BudgetOverview,
  BudgetPositionView,
  ClaimDetailView,
  ClaimList,
} from "../../domain/expenses/expenses-api.schema.ts";
import { API_BASE, apiRequest, queryString } from "../api.ts";
import type { ClaimFilters } from "./expenses-paths.ts";

export const expenseKeys = {
  all: ["expenses"] as const,
  claims: (filters: ClaimFilters) => ["expenses", "claims", filters] as const,
  claim: (id: string) => ["expenses", "claim", id] as const,
  budgets: ["expenses", "budgets"] as const,
};

const claimPath = (id: string, suffix = "") =>
  `/expenses/claims/${encodeURIComponent(id)}${suffix === "" ? "" : `/${suffix}`}`;

/** Where a document's file downloads from (its every read is audited). */
export const documentHref = (claimId: string, documentId: string) =>
  `${API_BASE}${claimPath(claimId, `documents/${encodeURIComponent(documentId)}/file`)}`;
export const claimXlsxHref = (claimId: string) => `${API_BASE}${claimPath(claimId, "export.xlsx")}`;
export const REGISTER_XLSX_HREF = `${API_BASE}/expenses/register.xlsx`;

export function useClaims(filters: ClaimFilters) {
  return useQuery({
    queryKey: expenseKeys.claims(filters),
    queryFn: ({ signal }) => apiRequest(`/expenses/claims${queryString(filters)}`, ClaimList, { signal }),
  });
}

export function useClaim(id: string) {
  return useQuery({
    queryKey: expenseKeys.claim(id),
    queryFn: ({ signal }) => apiRequest(claimPath(id), ClaimDetailView, { signal }),
  });
}

export function useBudgets() {
  return useQuery({
    queryKey: expenseKeys.budgets,
    queryFn: ({ signal }) => apiRequest("/expenses/budgets", BudgetOverview, { signal }),
  });
}

/**
 * One write; every write reloads the area: a claim's move changes the list and the totals against
 * budget, a budget changes every claim's position.
 */
function useExpenseWrite<I>(method: "POST" | "PUT" | "DELETE", path: (input: I) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) =>
      apiRequest(path(input), ClaimDetailView, {
        method,
        body: method === "DELETE" ? undefined : input,
      }),
    onSuccess: (claim) => {
      queryClient.setQueryData(expenseKeys.claim(claim.id), claim);
      queryClient.invalidateQueries({ queryKey: expenseKeys.all });
    },
  });
}

export const useCreateClaim = () => useExpenseWrite<ClaimInput>("POST", () => "/expenses/claims");
export const useUpdateClaim = (id: string) => useExpenseWrite<ClaimUpdate>("PUT", () => claimPath(id));
export const useAddLine = (id: string) =>
  useExpenseWrite<CostLineInput>("POST", () => claimPath(id, "lines"));
export const useUpdateLine = (id: string, lineId: string) =>
  useExpenseWrite<CostLineUpdate>("PUT", () => claimPath(id, `lines/${encodeURIComponent(lineId)}`));
export const useRemoveLine = (id: string) =>
  useExpenseWrite<{ lineId: string }>("DELETE", ({ lineId }) =>
    claimPath(id, `lines/${encodeURIComponent(lineId)}`),
  );
/** A document's multipart upload (kind, issuer, number, issuedOn, file) to one cost line. */
export const useAddDocument = (id: string, lineId: string) =>
  useExpenseWrite<FormData>("POST", () => claimPath(id, `lines/${encodeURIComponent(lineId)}/documents`));
export const useRemoveDocument = (id: string) =>
  useExpenseWrite<{ documentId: string }>("DELETE", ({ documentId }) =>
    claimPath(id, `documents/${encodeURIComponent(documentId)}`),
  );
export const useSubmitClaim = (id: string) =>
  useExpenseWrite<VersionInput>("POST", () => claimPath(id, "submit"));
export const useReviewClaim = (id: string) =>
  useExpenseWrite<ReviewInput>("POST", () => claimPath(id, "review"));
export const useRequestReimbursement = (id: string) =>
  useExpenseWrite<VersionInput>("POST", () => claimPath(id, "reimbursement"));
export const useRecordPayment = (id: string) =>
  useExpenseWrite<PaymentInput>("POST", () => claimPath(id, "payment"));

export function useSetBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BudgetInput) =>
      apiRequest("/expenses/budgets", BudgetPositionView, { method: "PUT", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expenseKeys.all }),
  });
}
