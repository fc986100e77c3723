// SPDX-License-Identifier: EUPL-1.2
import { useQuery } from "@tanstack/react-query";
import { AuditAccessList, type AuditRecordsQuery } from "../../domain/audit/audit-access.schema.ts";
import { apiRequest, queryString } from "../api.ts";

/** Who accessed one record, newest first (GET /audit/records); idle until a record is named. */
export function useRecordAccesses(query: AuditRecordsQuery | null) {
  return useQuery({
    queryKey: ["audit", "records", query?.entity ?? "", query?.id ?? ""],
    enabled: query !== null,
    // Every look is itself recorded: fetch when asked, not on every focus.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    queryFn: ({ signal }) =>
      apiRequest(`/audit/records${queryString({ entity: query?.entity, id: query?.id })}`, AuditAccessList, {
        signal,
      }),
  });
}
