// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  AllocationRun,
  AllocationRunExplanation,
  type AllocationRunInput,
  AllocationRunList,
  AllocationRunReplay,
} from "../../domain/allocation/run.schema.ts";
import {
  AllocationRules,
  type AllocationRulesInput,
  AllocationRulesList,
  AllocationRulesPreview,
  type AllocationRulesPreviewInput,
} from "../../domain/eligibility/rules-api.schema.ts";
import {
  Offer,
  type OfferConfirmation,
  type OfferDecline,
  type OfferInput,
  OfferList,
  type OfferStatus,
  type OfferVisit,
  type OfferWithdrawal,
} from "../../domain/offers/offer.schema.ts";
import { apiRequest, queryString } from "../api.ts";

export const allocationKeys = {
  all: ["allocation"] as const,
  activeRules: ["allocation", "rules", "active"] as const,
  versions: ["allocation", "rules", "versions"] as const,
  runs: ["allocation", "runs"] as const,
  runList: (query: string) => ["allocation", "runs", "list", query] as const,
  run: (id: string) => ["allocation", "runs", "detail", id] as const,
  explanation: (id: string, household: string, unit: string) =>
    ["allocation", "runs", "explain", id, household, unit] as const,
};

export const offerKeys = {
  all: ["offers"] as const,
  list: (query: string) => ["offers", "list", query] as const,
  detail: (id: string) => ["offers", "detail", id] as const,
};

/**
 * The preview as the page reads it: the equity part (eligible households by group) is shown when the
 * server sends it, so a server without it still shows the rest.
 */
export const RulesPreviewView = AllocationRulesPreview.partial({ equity: true });
export type RulesPreviewView = z.infer<typeof RulesPreviewView>;

export function useActiveRules() {
  return useQuery({
    queryKey: allocationKeys.activeRules,
    queryFn: ({ signal }) => apiRequest("/allocation/rules", AllocationRules, { signal }),
  });
}

export function useRulesVersions() {
  return useQuery({
    queryKey: allocationKeys.versions,
    queryFn: ({ signal }) => apiRequest("/allocation/rules/versions", AllocationRulesList, { signal }),
  });
}

export function usePreviewRules() {
  return useMutation({
    mutationFn: (input: AllocationRulesPreviewInput) =>
      apiRequest("/allocation/rules/preview", RulesPreviewView, { method: "POST", body: input }),
  });
}

export function useSaveRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AllocationRulesInput) =>
      apiRequest("/allocation/rules", AllocationRules, { method: "POST", body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData(allocationKeys.activeRules, saved);
      // The versions, the published criteria and what the next run reads all follow the new version.
      queryClient.invalidateQueries({ queryKey: allocationKeys.all });
    },
  });
}

export function useRunPage(params: { limit: number; offset: number }) {
  const query = queryString(params);
  return useQuery({
    queryKey: allocationKeys.runList(query),
    queryFn: ({ signal }) => apiRequest(`/allocation/runs${query}`, AllocationRunList, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRun(id: string) {
  return useQuery({
    queryKey: allocationKeys.run(id),
    // A stored run never changes.
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: ({ signal }) =>
      apiRequest(`/allocation/runs/${encodeURIComponent(id)}`, AllocationRun, { signal }),
  });
}

export function useCreateRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AllocationRunInput) =>
      apiRequest("/allocation/runs", AllocationRun, { method: "POST", body: input }),
    onSuccess: (run) => {
      queryClient.setQueryData(allocationKeys.run(run.id), run);
      queryClient.invalidateQueries({ queryKey: allocationKeys.runs });
    },
  });
}

export function useReplayRun(id: string) {
  return useMutation({
    mutationFn: () =>
      apiRequest(`/allocation/runs/${encodeURIComponent(id)}/replay`, AllocationRunReplay, {
        method: "POST",
      }),
  });
}

/** Why a pair was or was not an offer of the run; asked only once both sides are named. */
export function useExplanation(id: string, pair: { household: string; unit: string } | null) {
  const household = pair?.household ?? "";
  const unit = pair?.unit ?? "";
  return useQuery({
    queryKey: allocationKeys.explanation(id, household, unit),
    enabled: pair !== null,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    queryFn: ({ signal }) =>
      apiRequest(
        `/allocation/runs/${encodeURIComponent(id)}/explain${queryString({ household, unit })}`,
        AllocationRunExplanation,
        { signal },
      ),
  });
}

/** Offers change units and households too: their pages read them again. */
function useOfferChanged() {
  const queryClient = useQueryClient();
  return (offer: Offer) => {
    queryClient.setQueryData(offerKeys.detail(offer.id), offer);
    queryClient.invalidateQueries({ queryKey: ["offers", "list"] });
    queryClient.invalidateQueries({ queryKey: ["units"] });
    queryClient.invalidateQueries({ queryKey: ["households"] });
  };
}

export function useOfferPage(params: { status?: OfferStatus; limit: number; offset: number }) {
  const query = queryString(params);
  return useQuery({
    queryKey: offerKeys.list(query),
    queryFn: ({ signal }) => apiRequest(`/offers${query}`, OfferList, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOffer(id: string) {
  return useQuery({
    queryKey: offerKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/offers/${encodeURIComponent(id)}`, Offer, { signal }),
  });
}

export function useMakeOffer() {
  const changed = useOfferChanged();
  return useMutation({
    mutationFn: (input: z.input<typeof OfferInput>) =>
      apiRequest("/offers", Offer, { method: "POST", body: input }),
    onSuccess: changed,
  });
}

/** What each answer to an offer sends; accepting sends nothing. */
export type OfferAction =
  | { kind: "visit"; input: OfferVisit }
  | { kind: "confirm"; input: OfferConfirmation }
  | { kind: "accept" }
  | { kind: "decline"; input: OfferDecline }
  | { kind: "withdraw"; input: OfferWithdrawal };

export function useOfferAction(id: string) {
  const changed = useOfferChanged();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: OfferAction) =>
      apiRequest(`/offers/${encodeURIComponent(id)}/${action.kind}`, Offer, {
        method: "POST",
        body: action.kind === "accept" ? undefined : action.input,
      }),
    onSuccess: changed,
    // A refused answer usually means the offer changed meanwhile: show it as it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: offerKeys.detail(id) }),
  });
}
