// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DueFollowUpList } from "../../domain/households/exit.ts";
import { StaffList, type StaffMember } from "../../domain/organisations/staff.schema.ts";
import {
  type InterventionInput,
  InterventionList,
  InterventionRecord,
} from "../../domain/support-plans/intervention.schema.ts";
import {
  Caseload,
  OverdueReviewList,
  SupportPlan,
  type SupportPlanInput,
  type SupportPlanReviewInput,
} from "../../domain/support-plans/support-plan.schema.ts";
import { apiRequest, isApiError, queryString } from "../api.ts";
import { householdKeys } from "../households/households-api.ts";

export const planKeys = {
  all: ["support-plans"] as const,
  plan: (householdId: string) => ["support-plans", "plan", householdId] as const,
  interventions: (householdId: string, query: string) =>
    ["support-plans", "interventions", householdId, query] as const,
  caseload: ["support-plans", "caseload"] as const,
  followUpsDue: ["follow-ups", "due"] as const,
  staff: ["staff"] as const,
  overdue: ["support-plans", "overdue"] as const,
};

const householdPath = (id: string) => `/households/${encodeURIComponent(id)}`;

/** The household's support plan; null when it has none yet (the API answers 404). */
export function useSupportPlan(householdId: string) {
  return useQuery({
    queryKey: planKeys.plan(householdId),
    // Every read of a plan is recorded in the audit trail: no refetch on focus.
    refetchOnWindowFocus: false,
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest(`${householdPath(householdId)}/plan`, SupportPlan, { signal });
      } catch (e) {
        if (isApiError(e, 404)) return null;
        throw e;
      }
    },
  });
}

export function useSaveSupportPlan(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SupportPlanInput) =>
      apiRequest(`${householdPath(householdId)}/plan`, SupportPlan, { method: "PUT", body: input }),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.plan(householdId), plan);
      // The team decides who reads the household's special categories: read the household again.
      queryClient.invalidateQueries({ queryKey: householdKeys.detail(householdId) });
      queryClient.invalidateQueries({ queryKey: householdKeys.timeline(householdId) });
      queryClient.invalidateQueries({ queryKey: planKeys.caseload });
      queryClient.invalidateQueries({ queryKey: planKeys.overdue });
    },
  });
}

export function useAddReview(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SupportPlanReviewInput) =>
      apiRequest(`${householdPath(householdId)}/plan/reviews`, SupportPlan, { method: "POST", body: input }),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.plan(householdId), plan);
      queryClient.invalidateQueries({ queryKey: householdKeys.timeline(householdId) });
      queryClient.invalidateQueries({ queryKey: planKeys.caseload });
      queryClient.invalidateQueries({ queryKey: planKeys.overdue });
    },
  });
}

/** I miei nuclei: the households whose team the caller is on. */
export function useCaseload() {
  return useQuery({
    queryKey: planKeys.caseload,
    queryFn: ({ signal }) => apiRequest("/caseload", Caseload, { signal }),
  });
}

export function useOverdueReviews() {
  return useQuery({
    queryKey: planKeys.overdue,
    queryFn: ({ signal }) => apiRequest("/support-plans/overdue-reviews", OverdueReviewList, { signal }),
  });
}

export function useInterventions(householdId: string, page: { limit: number; offset: number }) {
  const query = queryString(page);
  return useQuery({
    queryKey: planKeys.interventions(householdId, query),
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      apiRequest(`${householdPath(householdId)}/interventions${query}`, InterventionList, { signal }),
  });
}

export function useAddIntervention(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InterventionInput) =>
      apiRequest(`${householdPath(householdId)}/interventions`, InterventionRecord, {
        method: "POST",
        body: input,
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["support-plans", "interventions", householdId] });
      queryClient.invalidateQueries({ queryKey: householdKeys.timeline(householdId) });
      queryClient.invalidateQueries({ queryKey: planKeys.caseload });
    },
  });
}

export type { StaffMember };

/** The accounts a team member may be linked to. */
export function useStaff() {
  return useQuery({
    queryKey: planKeys.staff,
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => apiRequest("/staff", StaffList, { signal }),
  });
}

export function useDueFollowUps() {
  return useQuery({
    queryKey: planKeys.followUpsDue,
    queryFn: ({ signal }) => apiRequest("/follow-ups/due", DueFollowUpList, { signal }),
  });
}
