// SPDX-License-Identifier: EUPL-1.2
import { useQuery } from "@tanstack/react-query";
import {
  ConfiscatedUnitList,
  OpenDataIndex,
  OpenDataTable,
} from "../../domain/open-data/open-data-api.schema.ts";
import { apiRequest } from "../api.ts";

// Public routes: they answer the same to everyone, signed in or not.

export const openDataKeys = {
  index: ["open-data", "index"] as const,
  table: (name: string) => ["open-data", "table", name] as const,
  confiscated: ["open-data", "confiscated-units"] as const,
};

export function useOpenDataIndex() {
  return useQuery({
    queryKey: openDataKeys.index,
    queryFn: ({ signal }) => apiRequest("/open-data", OpenDataIndex, { signal }),
  });
}

export function useOpenDataTable(name: string) {
  return useQuery({
    queryKey: openDataKeys.table(name),
    queryFn: ({ signal }) =>
      apiRequest(`/open-data/tables/${encodeURIComponent(name)}`, OpenDataTable, { signal }),
  });
}

export function useConfiscatedUnits() {
  return useQuery({
    queryKey: openDataKeys.confiscated,
    queryFn: ({ signal }) => apiRequest("/open-data/confiscated-units", ConfiscatedUnitList, { signal }),
  });
}
