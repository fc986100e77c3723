// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Notice,
  type NoticeInput,
  NoticeList,
  PortalAccount,
  PortalInformation,
  PortalTenancy,
  TenantInformationInput,
} from "../../domain/portal/portal.schema.ts";
import { API_BASE, apiRequest, isApiError } from "../api.ts";

export const portalKeys = {
  all: ["portal"] as const,
  tenancy: ["portal", "tenancy"] as const,
  account: ["portal", "account"] as const,
  information: ["portal", "information"] as const,
  notices: ["notices"] as const,
  tenantInformation: ["tenant-information"] as const,
};

// 404 (no tenancy) and 422 (account not tied to a household) are answers, not hiccups: asking again
// will not change them, so they are not retried.
const retry = (failures: number, error: unknown) =>
  !isApiError(error, 404) && !isApiError(error, 422) && failures < 2;

export function usePortalTenancy() {
  return useQuery({
    queryKey: portalKeys.tenancy,
    queryFn: ({ signal }) => apiRequest("/portal/tenancy", PortalTenancy, { signal }),
    retry,
  });
}

export function usePortalAccount() {
  return useQuery({
    queryKey: portalKeys.account,
    queryFn: ({ signal }) => apiRequest("/portal/account", PortalAccount, { signal }),
    retry,
  });
}

export function usePortalInformation() {
  return useQuery({
    queryKey: portalKeys.information,
    queryFn: ({ signal }) => apiRequest("/portal/information", PortalInformation, { signal }),
    retry,
  });
}

/** Where a document of the tenant's contract is downloaded from (a plain link: the cookie goes along). */
export const portalDocumentHref = (documentId: string) =>
  `${API_BASE}/portal/documents/${encodeURIComponent(documentId)}`;

// ---- the manager's side ---------------------------------------------------------------------------

export function useNotices() {
  return useQuery({
    queryKey: portalKeys.notices,
    queryFn: ({ signal }) => apiRequest("/notices", NoticeList, { signal }),
  });
}

export function usePublishNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NoticeInput) => apiRequest("/notices", Notice, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.notices }),
  });
}

export function useTenantInformation() {
  return useQuery({
    queryKey: portalKeys.tenantInformation,
    queryFn: ({ signal }) => apiRequest("/tenant-information", TenantInformationInput, { signal }),
  });
}

export function useSaveTenantInformation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TenantInformationInput) =>
      apiRequest("/tenant-information", TenantInformationInput, { method: "PUT", body: input }),
    onSuccess: (saved) => queryClient.setQueryData(portalKeys.tenantInformation, saved),
  });
}
