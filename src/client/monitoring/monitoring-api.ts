// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { Dimension } from "../../domain/monitoring/catalogue.ts";
import {
  CatalogueView,
  DashboardView,
  IndicatorValueView,
  PeriodStateView,
  RecordsView,
  SeriesView,
  type TargetsInput,
} from "../../domain/monitoring/monitoring-api.schema.ts";
import type { Granularity } from "../../domain/monitoring/periods.ts";
import { Organisation } from "../../domain/organisations/organisation.schema.ts";
import { apiRequest, queryString } from "../api.ts";

export type Dashboard = z.infer<typeof DashboardView>;
export type IndicatorValue = z.infer<typeof IndicatorValueView>;
export type IndicatorDefinitionView = z.infer<typeof CatalogueView>["indicators"][number];
export type PeriodState = z.infer<typeof PeriodStateView>;
export type Cell = NonNullable<IndicatorValue["breakdowns"]["sex"]>[number];

const IndicatorDetailView = IndicatorValueView.extend({ source: z.enum(["snapshot", "live"]) });
export type IndicatorDetail = z.infer<typeof IndicatorDetailView>;

export const monitoringKeys = {
  all: ["monitoring"] as const,
  catalogue: ["monitoring", "catalogue"] as const,
  dashboard: (period: string | undefined) => ["monitoring", "dashboard", period ?? "current"] as const,
};

const indicatorPath = (code: string, suffix = "") =>
  `/monitoring/indicators/${encodeURIComponent(code)}${suffix}`;

export function useCatalogue() {
  return useQuery({
    queryKey: monitoringKeys.catalogue,
    queryFn: ({ signal }) => apiRequest("/monitoring/catalogue", CatalogueView, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The dashboard of `period`; of the current quarter when undefined. */
export function useDashboard(period: string | undefined) {
  return useQuery({
    queryKey: monitoringKeys.dashboard(period),
    queryFn: ({ signal }) =>
      apiRequest(`/monitoring/dashboard${queryString({ period })}`, DashboardView, { signal }),
  });
}

/**
 * One indicator of a period, with one disaggregation (or none); `enabled` once the page knows which
 * (without one the API computes every disaggregation).
 */
export function useIndicator(
  code: string,
  period: string | undefined,
  dimension: Dimension | undefined,
  enabled = true,
) {
  return useQuery({
    queryKey: ["monitoring", "indicator", code, period ?? "current", dimension ?? ""],
    enabled,
    queryFn: ({ signal }) =>
      apiRequest(
        indicatorPath(code, queryString({ period, dimensions: dimension ?? "" })),
        IndicatorDetailView,
        { signal },
      ),
  });
}

export function useSeries(code: string, granularity: Granularity, count: number) {
  return useQuery({
    queryKey: ["monitoring", "series", code, granularity, count],
    queryFn: ({ signal }) =>
      apiRequest(indicatorPath(code, `/series${queryString({ granularity, count })}`), SeriesView, {
        signal,
      }),
  });
}

/** The records behind one cell (or the whole value); read only when asked for (each read is audited). */
export function useRecords(
  code: string,
  cell: { period: string; dimension?: Dimension; key?: string | null } | null,
) {
  return useQuery({
    queryKey: ["monitoring", "records", code, cell],
    enabled: cell !== null,
    queryFn: ({ signal }) =>
      apiRequest(
        indicatorPath(
          code,
          `/records${queryString({
            period: cell?.period,
            dimension: cell?.dimension,
            key: cell?.dimension === undefined ? undefined : (cell.key ?? "~"),
          })}`,
        ),
        RecordsView,
        { signal },
      ),
  });
}

/** The organisations, for the partner reports' choice (whoever reads units may list them). */
export function usePartners(enabled: boolean) {
  return useQuery({
    queryKey: ["organisations"],
    enabled,
    queryFn: ({ signal }) =>
      apiRequest("/organisations", z.object({ items: z.array(Organisation) }), { signal }),
    staleTime: 10 * 60_000,
    select: (data) => data.items.filter((o) => o.kind === "partner"),
  });
}

/** A change to periods or targets reloads every monitoring answer: standings and snapshots follow. */
function useMonitoringWrite<I, S extends z.ZodType>(
  schema: S,
  request: (input: I) => { path: string; method: "POST" | "PUT"; body?: unknown },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => {
      const { path, method, body } = request(input);
      return apiRequest(path, schema, { method, body: body ?? {} });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.all }),
  });
}

const periodPath = (key: string, action: string) =>
  `/monitoring/periods/${encodeURIComponent(key)}/${action}`;

export const useClosePeriod = () =>
  useMonitoringWrite(PeriodStateView, (key: string) => ({ path: periodPath(key, "close"), method: "POST" }));

export const useReopenPeriod = () =>
  useMonitoringWrite(PeriodStateView, (input: { key: string; reason: string }) => ({
    path: periodPath(input.key, "reopen"),
    method: "POST",
    body: { reason: input.reason },
  }));

export const useSetTargets = (code: string) =>
  useMonitoringWrite(CatalogueView, (input: TargetsInput) => ({
    path: indicatorPath(code, "/targets"),
    method: "PUT",
    body: input,
  }));
