// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { Hold, type HoldInput, HoldList, type HoldRelease } from "../../domain/allocation/hold.schema.ts";
import {
  AllocationRun,
  AllocationRunExplanation,
  type AllocationRunInput,
  AllocationRunList,
  AllocationRunProgress,
  AllocationRunReplay,
} from "../../domain/allocation/run.schema.ts";
import {
  AllocationMix,
  DesignationConfirmed,
  type DesignationConfirmInput,
  DesignationProposal,
  type DesignationProposalInput,
} from "../../domain/designation/designation-api.schema.ts";
import {
  AllocationRules,
  type AllocationRulesInput,
  AllocationRulesList,
  AllocationRulesPreview,
  type AllocationRulesPreviewInput,
} from "../../domain/eligibility/rules-api.schema.ts";
import { EquityReport } from "../../domain/equity/equity.schema.ts";
import {
  Offer,
  type OfferConfirmation,
  type OfferDecline,
  OfferExpiry,
  type OfferInput,
  OfferList,
  type OfferReopen,
  type OfferStatus,
  type OfferStepBack,
  type OfferVisit,
  type OfferWithdrawal,
} from "../../domain/offers/offer.schema.ts";
import { apiRequest, isApiError, queryString } from "../api.ts";

export const allocationKeys = {
  all: ["allocation"] as const,
  activeRules: ["allocation", "rules", "active"] as const,
  versions: ["allocation", "rules", "versions"] as const,
  runs: ["allocation", "runs"] as const,
  runList: (query: string) => ["allocation", "runs", "list", query] as const,
  run: (id: string) => ["allocation", "runs", "detail", id] as const,
  explanation: (id: string, household: string, unit: string) =>
    ["allocation", "runs", "explain", id, household, unit] as const,
  progress: (progressId: string) => ["allocation", "runs", "progress", progressId] as const,
  equity: ["allocation", "equity"] as const,
  mix: ["allocation", "mix"] as const,
  holds: ["allocation", "holds"] as const,
  holdList: (all: boolean) => ["allocation", "holds", all ? "all" : "active"] as const,
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

/** A uuid for following a run's progress (`crypto.randomUUID` needs a secure context; this does not). */
export function newProgressId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * How far the run started with `progressId` has got, asked every 400 ms while `progressId` is set.
 * Null until the server knows the run (it answers 404 until then).
 */
export function useRunProgress(progressId: string | null) {
  return useQuery({
    queryKey: allocationKeys.progress(progressId ?? ""),
    enabled: progressId !== null,
    refetchInterval: 400,
    refetchIntervalInBackground: true,
    retry: false,
    gcTime: 0,
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest(
          `/allocation/runs/progress/${encodeURIComponent(progressId ?? "")}`,
          AllocationRunProgress,
          { signal },
        );
      } catch (e) {
        if (isApiError(e, 404)) return null;
        throw e;
      }
    },
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
  | { kind: "withdraw"; input: OfferWithdrawal }
  | { kind: "step-back"; input: OfferStepBack }
  | { kind: "reopen"; input: OfferReopen };

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

/** Close every pending offer past its due date; the offers closed. */
export function useExpireOffers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest("/offers/expire", OfferExpiry, { method: "POST" }),
    onSuccess: ({ expired }) => {
      for (const offer of expired) queryClient.setQueryData(offerKeys.detail(offer.id), offer);
      queryClient.invalidateQueries({ queryKey: ["offers", "list"] });
      queryClient.invalidateQueries({ queryKey: ["units"] });
      queryClient.invalidateQueries({ queryKey: ["households"] });
    },
  });
}

export function useEquityReport() {
  return useQuery({
    queryKey: allocationKeys.equity,
    queryFn: ({ signal }) => apiRequest("/allocation/equity", EquityReport, { signal }),
  });
}

export function useAllocationMix() {
  return useQuery({
    queryKey: allocationKeys.mix,
    queryFn: ({ signal }) => apiRequest("/allocation/mix", AllocationMix, { signal }),
  });
}

/** A proposed designation; it changes nothing. */
export function useProposeDesignation() {
  return useMutation({
    mutationFn: (input: DesignationProposalInput) =>
      apiRequest("/allocation/designation/proposal", DesignationProposal, { method: "POST", body: input }),
  });
}

export function useConfirmDesignation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DesignationConfirmInput) =>
      apiRequest("/allocation/designation", DesignationConfirmed, { method: "POST", body: input }),
    onSuccess: () => {
      // Categories changed: the mix, the unit pages and the dashboard read them again.
      queryClient.invalidateQueries({ queryKey: allocationKeys.mix });
      queryClient.invalidateQueries({ queryKey: ["units"] });
    },
  });
}

export function useHolds(all: boolean) {
  return useQuery({
    queryKey: allocationKeys.holdList(all),
    queryFn: ({ signal }) =>
      apiRequest(`/allocation/holds${queryString({ active: all ? "false" : undefined })}`, HoldList, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HoldInput) => apiRequest("/allocation/holds", Hold, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allocationKeys.holds }),
  });
}

export function useReleaseHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: HoldRelease }) =>
      apiRequest(`/allocation/holds/${encodeURIComponent(id)}/release`, Hold, {
        method: "POST",
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allocationKeys.holds }),
  });
}
