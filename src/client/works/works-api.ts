// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ContractorInput } from "../../domain/works/contractor.ts";
import type { CostLineInput, WorksInput } from "../../domain/works/works.ts";
import {
  type AwardInput,
  type CancelInput,
  type CompleteInput,
  ContractorList,
  type ContractorUpdate,
  ContractorView,
  type PhaseUpdate,
  type StandardsInput,
  WorksDetail,
  WorksList,
  WorksReport,
  type WorksStatus,
} from "../../domain/works/works-api.schema.ts";
import { apiRequest, queryString } from "../api.ts";

export const worksKeys = {
  all: ["works"] as const,
  list: (status: WorksStatus | undefined) => ["works", "list", status ?? "all"] as const,
  report: ["works", "report"] as const,
  detail: (id: string) => ["works", "detail", id] as const,
  contractors: ["works", "contractors"] as const,
};

const worksPath = (id: string) => `/works/${encodeURIComponent(id)}`;

export function useWorksList(status: WorksStatus | undefined) {
  return useQuery({
    queryKey: worksKeys.list(status),
    queryFn: ({ signal }) => apiRequest(`/works${queryString({ status })}`, WorksList, { signal }),
  });
}

export function useWorksReport() {
  return useQuery({
    queryKey: worksKeys.report,
    queryFn: ({ signal }) => apiRequest("/works/report", WorksReport, { signal }),
  });
}

export function useWorks(id: string) {
  return useQuery({
    queryKey: worksKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(worksPath(id), WorksDetail, { signal }),
  });
}

export function useContractors() {
  return useQuery({
    queryKey: worksKeys.contractors,
    queryFn: ({ signal }) => apiRequest("/contractors", ContractorList, { signal }),
  });
}

/** After a change: the works' page shows the answer (under its id and its reference), lists reload. */
function useWorksChanged() {
  const queryClient = useQueryClient();
  return (works: WorksDetail) => {
    queryClient.setQueryData(worksKeys.detail(works.id), works);
    queryClient.setQueryData(worksKeys.detail(works.reference), works);
    queryClient.invalidateQueries({ queryKey: ["works", "list"] });
    queryClient.invalidateQueries({ queryKey: worksKeys.report });
    // A phase's start, the completion or the cancellation moves the units' status.
    queryClient.invalidateQueries({ queryKey: ["units"] });
  };
}

export function useCreateWorks() {
  const changed = useWorksChanged();
  return useMutation({
    mutationFn: (input: WorksInput) => apiRequest("/works", WorksDetail, { method: "POST", body: input }),
    onSuccess: changed,
  });
}

/** The moves of one works: each answers the works as it now is. */
export function useWorksAction<I>(id: string, method: "POST" | "PUT", suffix: string) {
  const changed = useWorksChanged();
  return useMutation({
    mutationFn: (input: I) => apiRequest(`${worksPath(id)}/${suffix}`, WorksDetail, { method, body: input }),
    onSuccess: changed,
  });
}

export const useAward = (id: string) => useWorksAction<AwardInput>(id, "POST", "award");
export const useSavePhase = (id: string) => useWorksAction<PhaseUpdate>(id, "PUT", "phases");
export const useAddCost = (id: string) => useWorksAction<CostLineInput>(id, "POST", "costs");
export const useSaveStandards = (id: string) => useWorksAction<StandardsInput>(id, "PUT", "standards");
export const useComplete = (id: string) => useWorksAction<CompleteInput>(id, "POST", "complete");
export const useCancelWorks = (id: string) => useWorksAction<CancelInput>(id, "POST", "cancel");

/** Register a contractor, or change one (with the version read); the register reloads. */
export function useSaveContractor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; body: ContractorInput | ContractorUpdate }) =>
      input.id === null
        ? apiRequest("/contractors", ContractorView, { method: "POST", body: input.body })
        : apiRequest(`/contractors/${encodeURIComponent(input.id)}`, ContractorView, {
            method: "PUT",
            body: input.body,
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: worksKeys.contractors }),
  });
}
