// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  ArrearsCaseView,
  ArrearsList,
  type ArrearsListQuery,
  type ArrearsPolicyInput,
  ArrearsPolicyView,
  type ArrearsStepInput,
  ArrearsSummary,
  CoPaymentList,
  type EconomicReferralInput,
  EconomicReferralList,
  type EconomicReferralUpdate,
  EconomicReferralView,
  type RepaymentPlanInput,
  RepaymentPlanView,
  TaskList,
  TaskView,
} from "../../domain/arrears/arrears-api.schema.ts";
import { apiRequest, queryString } from "../api.ts";

export const arrearsKeys = {
  all: ["arrears"] as const,
  list: (query: string) => ["arrears", "list", query] as const,
  summary: ["arrears", "summary"] as const,
  coPayments: ["arrears", "co-payments"] as const,
  policy: ["arrears", "policy"] as const,
  case: (id: string) => ["arrears", "case", id] as const,
  tasks: ["tasks"] as const,
  taskList: (query: string) => ["tasks", "list", query] as const,
  referrals: (householdId: string) => ["arrears", "referrals", householdId] as const,
};

const casePath = (id: string) => `/arrears/cases/${encodeURIComponent(id)}`;

export function useArrears(query: ArrearsListQuery) {
  const qs = queryString(query);
  return useQuery({
    queryKey: arrearsKeys.list(qs),
    queryFn: ({ signal }) => apiRequest(`/arrears${qs}`, ArrearsList, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useArrearsSummary() {
  return useQuery({
    queryKey: arrearsKeys.summary,
    queryFn: ({ signal }) => apiRequest("/arrears/summary", ArrearsSummary, { signal }),
  });
}

export function useCoPayments() {
  return useQuery({
    queryKey: arrearsKeys.coPayments,
    queryFn: ({ signal }) => apiRequest("/arrears/co-payments", CoPaymentList, { signal }),
  });
}

export function useArrearsPolicy() {
  return useQuery({
    queryKey: arrearsKeys.policy,
    queryFn: ({ signal }) => apiRequest("/arrears/policy", ArrearsPolicyView, { signal }),
  });
}

/** Save the policy as its next version; the new version replaces the one in force. */
export function useSaveArrearsPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ArrearsPolicyInput) =>
      apiRequest("/arrears/policy", ArrearsPolicyView, { method: "POST", body: input }),
    onSuccess: (saved) => queryClient.setQueryData(arrearsKeys.policy, saved),
  });
}

export function useArrearsCase(id: string) {
  return useQuery({
    queryKey: arrearsKeys.case(id),
    queryFn: ({ signal }) => apiRequest(casePath(id), ArrearsCaseView, { signal }),
  });
}

/** After a change to a case: the case as answered, and every list that shows it read again. */
function useCaseChanged() {
  const queryClient = useQueryClient();
  return (view: ArrearsCaseView) => {
    queryClient.setQueryData(arrearsKeys.case(view.id), view);
    queryClient.invalidateQueries({ queryKey: arrearsKeys.all });
    queryClient.invalidateQueries({ queryKey: arrearsKeys.tasks });
  };
}

export function useOpenCase() {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: (tenancyId: string) =>
      apiRequest("/arrears/cases", ArrearsCaseView, { method: "POST", body: { tenancyId } }),
    onSuccess: changed,
  });
}

export function useTakeStep(id: string) {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: (input: ArrearsStepInput) =>
      apiRequest(`${casePath(id)}/steps`, ArrearsCaseView, { method: "POST", body: input }),
    onSuccess: changed,
  });
}

export function useCloseCase(id: string) {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: (reason: string) =>
      apiRequest(`${casePath(id)}/close`, ArrearsCaseView, { method: "POST", body: { reason } }),
    onSuccess: changed,
  });
}

export function useCreatePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RepaymentPlanInput) =>
      apiRequest(`${casePath(id)}/repayment-plan`, RepaymentPlanView, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: arrearsKeys.all }),
  });
}

export function useTasks(params: { mine: boolean; status?: "open" | "done" | "cancelled" }) {
  const qs = queryString({ mine: params.mine, status: params.status });
  return useQuery({
    queryKey: arrearsKeys.taskList(qs),
    queryFn: ({ signal }) => apiRequest(`/tasks${qs}`, TaskList, { signal }),
  });
}

export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, outcome }: { id: string; outcome: string }) =>
      apiRequest(`/tasks/${encodeURIComponent(id)}/done`, TaskView, { method: "POST", body: { outcome } }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: arrearsKeys.tasks });
      queryClient.invalidateQueries({ queryKey: arrearsKeys.all });
    },
  });
}

export function useEconomicReferrals(householdId: string) {
  return useQuery({
    queryKey: arrearsKeys.referrals(householdId),
    queryFn: ({ signal }) =>
      apiRequest(`/households/${encodeURIComponent(householdId)}/economic-referrals`, EconomicReferralList, {
        signal,
      }),
  });
}

export function useCreateReferral(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EconomicReferralInput) =>
      apiRequest(`/households/${encodeURIComponent(householdId)}/economic-referrals`, EconomicReferralView, {
        method: "POST",
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: arrearsKeys.all }),
  });
}

export function useUpdateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: EconomicReferralUpdate }) =>
      apiRequest(`/economic-referrals/${encodeURIComponent(id)}`, EconomicReferralView, {
        method: "PATCH",
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: arrearsKeys.all }),
  });
}
