// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { Organisation } from "../../domain/organisations/organisation.schema.ts";
import { StockSummary } from "../../domain/units/stock-summary.schema.ts";
import {
  Unit,
  type UnitCreate,
  UnitEvent,
  UnitStatus,
  type UnitTransition,
  type UnitUpdate,
} from "../../domain/units/unit.schema.ts";
import { apiRequest, queryString } from "../api.ts";
import type { UnitFilters } from "./unit-filters.ts";

/** A unit with the statuses it may move to next (GET /units/{id}). */
export const UnitDetail = Unit.extend({ allowedTransitions: z.array(UnitStatus) });
export type UnitDetail = z.infer<typeof UnitDetail>;

const UnitPage = z.object({ items: z.array(Unit), total: z.number().int() });
const UnitHistory = z.object({ items: z.array(UnitEvent) });
const Organisations = z.object({ items: z.array(Organisation) });

export const unitKeys = {
  all: ["units"] as const,
  list: (query: string) => ["units", "list", query] as const,
  detail: (id: string) => ["units", "detail", id] as const,
  history: (id: string) => ["units", "history", id] as const,
  summary: ["units", "summary"] as const,
};

export function useStockSummary() {
  return useQuery({
    queryKey: unitKeys.summary,
    queryFn: ({ signal }) => apiRequest("/units/summary", StockSummary, { signal }),
  });
}

export function useUnitPage(filters: UnitFilters) {
  const query = queryString({
    status: filters.status,
    category: filters.category,
    origin: filters.origin,
    town: filters.town,
    municipio: filters.municipio,
    partner: filters.partner,
    accessible: filters.accessible,
    q: filters.q,
    sort: filters.sort,
    limit: filters.limit,
    offset: (filters.page - 1) * filters.limit,
  });
  return useQuery({
    queryKey: unitKeys.list(query),
    queryFn: ({ signal }) => apiRequest(`/units${query}`, UnitPage, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUnit(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: unitKeys.detail(id),
    enabled: options.enabled ?? true,
    queryFn: ({ signal }) => apiRequest(`/units/${encodeURIComponent(id)}`, UnitDetail, { signal }),
  });
}

export function useUnitHistory(id: string) {
  return useQuery({
    queryKey: unitKeys.history(id),
    queryFn: ({ signal }) => apiRequest(`/units/${encodeURIComponent(id)}/history`, UnitHistory, { signal }),
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: ["organisations"],
    queryFn: ({ signal }) => apiRequest("/organisations", Organisations, { signal }),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitCreate) => apiRequest("/units", UnitDetail, { method: "POST", body: input }),
    onSuccess: (unit) => {
      queryClient.invalidateQueries({ queryKey: unitKeys.all });
      queryClient.setQueryData(unitKeys.detail(unit.id), unit);
    },
  });
}

export function useUpdateUnit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: UnitUpdate) =>
      apiRequest(`/units/${encodeURIComponent(id)}`, UnitDetail, { method: "PATCH", body: patch }),
    onSuccess: (unit) => {
      queryClient.invalidateQueries({ queryKey: unitKeys.all });
      queryClient.setQueryData(unitKeys.detail(unit.id), unit);
    },
  });
}

export function useTransitionUnit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitTransition) =>
      apiRequest(`/units/${encodeURIComponent(id)}/transitions`, UnitDetail, {
        method: "POST",
        body: input,
      }),
    onSuccess: (unit) => {
      queryClient.invalidateQueries({ queryKey: unitKeys.all });
      queryClient.setQueryData(unitKeys.detail(unit.id), unit);
    },
    // A refused move usually means the unit changed meanwhile: show it as it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: unitKeys.detail(id) }),
  });
}
