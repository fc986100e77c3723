// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ApplicationInput,
  FundingCallInput,
  FundingCallUpdate,
  GuaranteeInput,
  GuaranteeRenewal,
  LenderInput,
  LoanDecisionInput,
  LoanOfferInput,
  LoanPaymentInput,
  OutcomeInput,
  PledgeInput,
  ReceiptInput,
} from "../../domain/funding/funding.ts";
import {
  FundingCallList,
  FundingCallView,
  FundingSummary,
  LenderList,
  LenderView,
  LoanList,
  LoanView,
  PledgeList,
  PledgeView,
} from "../../domain/funding/funding-api.schema.ts";
import { apiRequest } from "../api.ts";

export const fundingKeys = {
  all: ["funding"] as const,
  summary: ["funding", "summary"] as const,
  calls: ["funding", "calls"] as const,
  pledges: ["funding", "pledges"] as const,
  lenders: ["funding", "lenders"] as const,
  loans: ["funding", "loans"] as const,
};

const at = (collection: string, id: string, suffix = "") =>
  `/funding/${collection}/${encodeURIComponent(id)}${suffix === "" ? "" : `/${suffix}`}`;

export function useFundingSummary() {
  return useQuery({
    queryKey: fundingKeys.summary,
    queryFn: ({ signal }) => apiRequest("/funding/summary", FundingSummary, { signal }),
  });
}

export function useFundingCalls() {
  return useQuery({
    queryKey: fundingKeys.calls,
    queryFn: ({ signal }) => apiRequest("/funding/calls", FundingCallList, { signal }),
  });
}

export function usePledges() {
  return useQuery({
    queryKey: fundingKeys.pledges,
    queryFn: ({ signal }) => apiRequest("/funding/pledges", PledgeList, { signal }),
  });
}

export function useLenders() {
  return useQuery({
    queryKey: fundingKeys.lenders,
    queryFn: ({ signal }) => apiRequest("/funding/lenders", LenderList, { signal }),
  });
}

export function useLoans() {
  return useQuery({
    queryKey: fundingKeys.loans,
    queryFn: ({ signal }) => apiRequest("/funding/loans", LoanList, { signal }),
  });
}

/**
 * Every change reloads the whole register: an award adds a pledge, a receipt or a decision moves the
 * totals and the warnings of the day, and the financial plan's sources follow the register.
 */
function useFundingChanged() {
  const queryClient = useQueryClient();
  return () => {
    queryClient.invalidateQueries({ queryKey: fundingKeys.all });
    // The plan's scenarios read their sources from the register (`planKeys.all` in finance-api.ts).
    queryClient.invalidateQueries({ queryKey: ["plan"] });
  };
}

/** One write of the register; `path` from the input when the record's id is part of it. */
function useFundingWrite<I, S extends z.ZodType>(
  schema: S,
  method: "POST" | "PUT",
  path: (input: I) => string,
) {
  const changed = useFundingChanged();
  return useMutation({
    mutationFn: (input: I) => apiRequest(path(input), schema, { method, body: input }),
    onSuccess: changed,
  });
}

export const useCreateCall = () =>
  useFundingWrite<FundingCallInput, typeof FundingCallView>(FundingCallView, "POST", () => "/funding/calls");

export const useUpdateCall = (id: string) =>
  useFundingWrite<FundingCallUpdate, typeof FundingCallView>(FundingCallView, "PUT", () => at("calls", id));

export const useApply = (callId: string) =>
  useFundingWrite<ApplicationInput, typeof FundingCallView>(FundingCallView, "POST", () =>
    at("calls", callId, "applications"),
  );

export const useOutcome = (applicationId: string) =>
  useFundingWrite<OutcomeInput, typeof FundingCallView>(FundingCallView, "POST", () =>
    at("applications", applicationId, "outcome"),
  );

export const useCreatePledge = () =>
  useFundingWrite<PledgeInput, typeof PledgeView>(PledgeView, "POST", () => "/funding/pledges");

export const useReceipt = (pledgeId: string) =>
  useFundingWrite<ReceiptInput, typeof PledgeView>(PledgeView, "POST", () =>
    at("pledges", pledgeId, "receipts"),
  );

export const useCreateLender = () =>
  useFundingWrite<LenderInput, typeof LenderView>(LenderView, "POST", () => "/funding/lenders");

export const useCreateLoan = () =>
  useFundingWrite<LoanOfferInput, typeof LoanView>(LoanView, "POST", () => "/funding/loans");

export const useDecision = (loanId: string) =>
  useFundingWrite<LoanDecisionInput, typeof LoanView>(LoanView, "POST", () =>
    at("loans", loanId, "decision"),
  );

export const useAddGuarantee = (loanId: string) =>
  useFundingWrite<GuaranteeInput, typeof LoanView>(LoanView, "POST", () => at("loans", loanId, "guarantees"));

export const useRenewGuarantee = (guaranteeId: string) =>
  useFundingWrite<GuaranteeRenewal, typeof LoanView>(LoanView, "POST", () =>
    at("guarantees", guaranteeId, "renewal"),
  );

export const usePayment = (loanId: string) =>
  useFundingWrite<LoanPaymentInput, typeof LoanView>(LoanView, "POST", () => at("loans", loanId, "payments"));
