// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ExpenseDecisionInput, FundEntryInput } from "../../domain/fund/fund.ts";
import { FundLedger } from "../../domain/fund/fund-api.schema.ts";
import { apiRequest, isApiError } from "../api.ts";

export const fundKeys = {
  all: ["fund"] as const,
  ledger: (bodyId: string) => ["fund", "ledger", bodyId] as const,
};

const ledgerPath = (bodyId: string) => `/networks/${encodeURIComponent(bodyId)}/fund`;

const ledgerQuery = (bodyId: string) => ({
  queryKey: fundKeys.ledger(bodyId),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest(ledgerPath(bodyId), FundLedger, { signal }),
});

/** A network's fund: its entries (oldest first), totals and balance. */
export function useFundLedger(bodyId: string) {
  return useQuery(ledgerQuery(bodyId));
}

/**
 * Every network's fund, one request each: the API gives a fund per network and no list of balances,
 * and the networks are a handful (at most one per Municipio).
 */
export function useFundLedgers(bodyIds: readonly string[]) {
  return useQueries({ queries: bodyIds.map(ledgerQuery) });
}

/**
 * A write to a fund; the API answers with the fund as it now is, which the pages show at once. After
 * a 409 (another approval took the balance meanwhile) the fund is read again.
 */
function useFundWrite<I>(path: string, bodyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => apiRequest(path, FundLedger, { method: "POST", body: input }),
    onSuccess: (ledger) => queryClient.setQueryData(fundKeys.ledger(ledger.bodyId), ledger),
    onError: (e) => {
      if (isApiError(e, 409)) void queryClient.invalidateQueries({ queryKey: fundKeys.ledger(bodyId) });
    },
  });
}

export const useAddContribution = (bodyId: string) =>
  useFundWrite<FundEntryInput>(`${ledgerPath(bodyId)}/contributions`, bodyId);
export const useProposeExpense = (bodyId: string) =>
  useFundWrite<FundEntryInput>(`${ledgerPath(bodyId)}/expenses`, bodyId);
/** Approve a proposed expense with a decision of the network's body, or reject it. */
export const useDecideExpense = (bodyId: string, entryId: string) =>
  useFundWrite<ExpenseDecisionInput>(`/fund-entries/${encodeURIComponent(entryId)}/decision`, bodyId);
