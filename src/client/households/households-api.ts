// SPDX-License-Identifier: EUPL-1.2

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  HouseholdDetail,
  HouseholdList,
  type HouseholdTransition,
  type ReferralCreate,
  ReferralCreated,
  ReferralList,
  ReferralView,
  Timeline,
} from "../../domain/households/household-api.schema.ts";
import { apiRequest, queryString } from "../api.ts";
import type { HouseholdFilters, ReferralFilters } from "./household-filters.ts";

export const householdKeys = {
  all: ["households"] as const,
  list: (query: string) => ["households", "list", query] as const,
  detail: (id: string) => ["households", "detail", id] as const,
  timeline: (id: string) => ["households", "timeline", id] as const,
};

export const referralKeys = {
  all: ["referrals"] as const,
  list: (query: string) => ["referrals", "list", query] as const,
};

export function useHouseholdPage(filters: HouseholdFilters) {
  const query = queryString({
    status: filters.status,
    targetGroup: filters.targetGroup,
    q: filters.q,
    limit: filters.limit,
    offset: (filters.page - 1) * filters.limit,
  });
  return useQuery({
    queryKey: householdKeys.list(query),
    queryFn: ({ signal }) => apiRequest(`/households${query}`, HouseholdList, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string) {
  return useQuery({
    queryKey: householdKeys.detail(id),
    // Every read of a household is recorded in the audit trail: no refetch on focus.
    refetchOnWindowFocus: false,
    queryFn: ({ signal }) => apiRequest(`/households/${encodeURIComponent(id)}`, HouseholdDetail, { signal }),
  });
}

export function useHouseholdTimeline(id: string) {
  return useQuery({
    queryKey: householdKeys.timeline(id),
    refetchOnWindowFocus: false,
    queryFn: ({ signal }) =>
      apiRequest(`/households/${encodeURIComponent(id)}/timeline`, Timeline, { signal }),
  });
}

export function useTransitionHousehold(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof HouseholdTransition>) =>
      apiRequest(`/households/${encodeURIComponent(id)}/transitions`, HouseholdDetail, {
        method: "POST",
        body: input,
      }),
    onSuccess: (household) => {
      queryClient.setQueryData(householdKeys.detail(id), household);
      queryClient.invalidateQueries({ queryKey: householdKeys.timeline(id) });
      queryClient.invalidateQueries({ queryKey: ["households", "list"] });
      queryClient.invalidateQueries({ queryKey: referralKeys.all });
    },
    // A refused move usually means the household changed meanwhile: show it as it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: householdKeys.detail(id) }),
  });
}

/** Referrals: `status=pending` for the ones awaiting an answer, or all with the page's filters. */
export function useReferralPage(params: {
  status?: string;
  overdue?: string;
  limit: number;
  offset: number;
}) {
  const query = queryString(params);
  return useQuery({
    queryKey: referralKeys.list(query),
    queryFn: ({ signal }) => apiRequest(`/referrals${query}`, ReferralList, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const referralListParams = (f: ReferralFilters) => ({
  status: f.status,
  overdue: f.overdue,
  limit: f.limit,
  offset: (f.page - 1) * f.limit,
});

function useReferralAnswer<I>(path: (input: I) => string, body: (input: I) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => apiRequest(path(input), ReferralView, { method: "POST", body: body(input) }),
    onSettled: () => {
      queryClient.invalidateQueries({ queryKey: referralKeys.all });
      queryClient.invalidateQueries({ queryKey: householdKeys.all });
    },
  });
}

export function useAcceptReferral() {
  return useReferralAnswer(
    (input: { id: string }) => `/referrals/${encodeURIComponent(input.id)}/accept`,
    () => ({}),
  );
}

export function useReturnReferral() {
  return useReferralAnswer(
    (input: { id: string; reason: string }) => `/referrals/${encodeURIComponent(input.id)}/return`,
    (input) => ({ reason: input.reason }),
  );
}

export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ReferralCreate>) =>
      apiRequest("/referrals", ReferralCreated, { method: "POST", body: input }),
    onSuccess: (created) => {
      queryClient.invalidateQueries({ queryKey: referralKeys.all });
      queryClient.invalidateQueries({ queryKey: householdKeys.all });
      queryClient.setQueryData(householdKeys.detail(created.household.id), created.household);
    },
  });
}
