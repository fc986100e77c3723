// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  MonteCarloChunkView,
  PlanActualsView,
  PlanComparisonView,
  PlanResultView,
  type PlanScenarioForm,
  PlanScenarioList,
  PlanScenarioView,
  PlanSensitivityView,
  RegistryUnitsView,
} from "../../domain/finance/plan-api.schema.ts";
import { PlanSourcesView } from "../../domain/funding/funding-api.schema.ts";
import { API_BASE, apiRequest, queryString } from "../api.ts";

export const planKeys = {
  all: ["plan"] as const,
  list: ["plan", "list"] as const,
  scenario: (name: string) => ["plan", "scenario", name] as const,
  result: (name: string) => ["plan", "scenario", name, "result"] as const,
  comparison: (name: string) => ["plan", "scenario", name, "comparison"] as const,
  sensitivity: (name: string) => ["plan", "scenario", name, "sensitivity"] as const,
  actuals: (name: string) => ["plan", "scenario", name, "actuals"] as const,
};

const scenarioPath = (name: string) => `/plan/scenarios/${encodeURIComponent(name)}`;

/** Where the browser downloads every result table of the latest version as XLSX. */
export const workbookUrl = (name: string) => `${API_BASE}${scenarioPath(name)}/result.xlsx`;

export function usePlanScenarios() {
  return useQuery({
    queryKey: planKeys.list,
    queryFn: ({ signal }) => apiRequest("/plan/scenarios", PlanScenarioList, { signal }),
  });
}

export function usePlanScenario(name: string) {
  return useQuery({
    queryKey: planKeys.scenario(name),
    queryFn: ({ signal }) => apiRequest(scenarioPath(name), PlanScenarioView, { signal }),
  });
}

export function usePlanResult(name: string) {
  return useQuery({
    queryKey: planKeys.result(name),
    queryFn: ({ signal }) => apiRequest(`${scenarioPath(name)}/result`, PlanResultView, { signal }),
  });
}

export function usePlanComparison(name: string) {
  return useQuery({
    queryKey: planKeys.comparison(name),
    queryFn: ({ signal }) => apiRequest(`${scenarioPath(name)}/comparison`, PlanComparisonView, { signal }),
  });
}

export function usePlanSensitivity(name: string) {
  return useQuery({
    queryKey: planKeys.sensitivity(name),
    queryFn: ({ signal }) => apiRequest(`${scenarioPath(name)}/sensitivity`, PlanSensitivityView, { signal }),
  });
}

/** The latest version's plan against what happened, month by month, and the checks on actual figures. */
export function usePlanActuals(name: string) {
  return useQuery({
    queryKey: planKeys.actuals(name),
    queryFn: ({ signal }) => apiRequest(`${scenarioPath(name)}/actuals`, PlanActualsView, { signal }),
  });
}

/**
 * The plan's sources as the funding register holds them today, shaped as a scenario's funding, loans
 * and co-financing for a plan from `startMonth` over `conventionYears`.
 */
/** The housing stock registry as a scenario's units in operation and pipeline. */
export function fetchRegistryUnits() {
  return apiRequest("/plan/registry-units", RegistryUnitsView);
}

export function fetchPlanSources(query: { startMonth: string; conventionYears: string }) {
  return apiRequest(`/funding/plan-sources${queryString(query)}`, PlanSourcesView);
}

/** One chunk of a seeded Monte Carlo analysis of a version. */
export function fetchMonteCarloChunk(
  name: string,
  query: { runs: number; seed: number; from: number; count: number; version: number },
  signal?: AbortSignal,
) {
  return apiRequest(`${scenarioPath(name)}/monte-carlo${queryString(query)}`, MonteCarloChunkView, {
    signal,
  });
}

/** Save a scenario as its next version; every result of that scenario is read again. */
export function useSavePlanScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanScenarioForm) =>
      apiRequest("/plan/scenarios", PlanScenarioView, { method: "POST", body: input }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      queryClient.setQueryData(planKeys.scenario(saved.name), saved);
    },
  });
}
