// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  BankImportResult,
  BankLine,
  BankLineList,
  ChargeRunList,
  ChargeRunResult,
  Payment,
  type PaymentInput,
  type WriteOffInput,
} from "../../domain/ledger/ledger-api.schema.ts";
import type { TenancyTerms } from "../../domain/tenancies/tenancy.schema.ts";
import {
  type RecertificationInput,
  Tenancy,
  type TenancyCreate,
  type TenancyEnd,
  TenancyLedger,
  TenancyList,
} from "../../domain/tenancies/tenancy-api.schema.ts";
import { API_BASE, ApiError, apiRequest, queryString } from "../api.ts";
import type { TenancyFilters } from "./tenancies-paths.ts";

export const tenancyKeys = {
  all: ["tenancies"] as const,
  list: (query: string) => ["tenancies", "list", query] as const,
  detail: (id: string) => ["tenancies", "detail", id] as const,
  ledger: (id: string) => ["tenancies", "ledger", id] as const,
  runs: ["ledger", "charge-runs"] as const,
  lines: (query: string) => ["ledger", "bank-lines", query] as const,
  allLines: ["ledger", "bank-lines"] as const,
};

const tenancyPath = (id: string) => `/tenancies/${encodeURIComponent(id)}`;

/** Where a tenancy's document is downloaded from (a plain link: the session cookie goes along). */
export const tenancyDocumentHref = (tenancyId: string, documentId: string) =>
  `${API_BASE}${tenancyPath(tenancyId)}/documents/${encodeURIComponent(documentId)}`;

/** The month's charges as pagoPA debt positions (CSV). */
export const pagoPaHref = (period: string) => `${API_BASE}/ledger/pagopa${queryString({ period })}`;

export function useTenancyPage(filters: TenancyFilters) {
  const query = queryString({
    status: filters.status,
    q: filters.q,
    limit: filters.limit,
    offset: (filters.page - 1) * filters.limit,
  });
  return useQuery({
    queryKey: tenancyKeys.list(query),
    queryFn: ({ signal }) => apiRequest(`/tenancies${query}`, TenancyList, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Tenancies whose reference, unit code or household reference contains `q` (a few, for suggestions). */
export function useTenancySuggestions(q: string) {
  const text = q.trim();
  const query = queryString({ q: text, limit: 10 });
  return useQuery({
    queryKey: tenancyKeys.list(`suggest${query}`),
    enabled: text.length >= 3,
    queryFn: ({ signal }) => apiRequest(`/tenancies${query}`, TenancyList, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTenancy(id: string) {
  return useQuery({
    queryKey: tenancyKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(tenancyPath(id), Tenancy, { signal }),
  });
}

/** After a change to a tenancy: the tenancy as answered (under the address's key too), the lists read again. */
function useTenancyChanged(routeId?: string) {
  const queryClient = useQueryClient();
  return (tenancy: Tenancy) => {
    queryClient.setQueryData(tenancyKeys.detail(tenancy.id), tenancy);
    if (routeId !== undefined) queryClient.setQueryData(tenancyKeys.detail(routeId), tenancy);
    queryClient.invalidateQueries({ queryKey: tenancyKeys.all, refetchType: "inactive" });
    queryClient.invalidateQueries({ queryKey: ["arrears"] });
  };
}

export function useCreateTenancy() {
  const changed = useTenancyChanged();
  return useMutation({
    mutationFn: (input: TenancyCreate) => apiRequest("/tenancies", Tenancy, { method: "POST", body: input }),
    onSuccess: changed,
  });
}

export function useSaveTerms(id: string) {
  const changed = useTenancyChanged(id);
  return useMutation({
    mutationFn: (terms: TenancyTerms) =>
      apiRequest(`${tenancyPath(id)}/terms`, Tenancy, { method: "PUT", body: terms }),
    onSuccess: changed,
  });
}

export function useActivateTenancy(id: string) {
  const changed = useTenancyChanged(id);
  return useMutation({
    mutationFn: (version: number) =>
      apiRequest(`${tenancyPath(id)}/activate`, Tenancy, { method: "POST", body: { version } }),
    onSuccess: changed,
  });
}

export function useEndTenancy(id: string) {
  const changed = useTenancyChanged(id);
  return useMutation({
    mutationFn: (input: TenancyEnd) =>
      apiRequest(`${tenancyPath(id)}/end`, Tenancy, { method: "POST", body: input }),
    onSuccess: changed,
  });
}

export function useRecertify(id: string) {
  const changed = useTenancyChanged(id);
  return useMutation({
    mutationFn: (input: RecertificationInput) =>
      apiRequest(`${tenancyPath(id)}/recertifications`, Tenancy, { method: "POST", body: input }),
    onSuccess: changed,
  });
}

export function useUploadTenancyDocument(id: string) {
  const changed = useTenancyChanged(id);
  return useMutation({
    mutationFn: (form: FormData) =>
      apiRequest(`${tenancyPath(id)}/documents`, Tenancy, { method: "POST", body: form }),
    onSuccess: changed,
  });
}

export function useLedger(id: string) {
  return useQuery({
    queryKey: tenancyKeys.ledger(id),
    queryFn: ({ signal }) => apiRequest(`${tenancyPath(id)}/ledger`, TenancyLedger, { signal }),
  });
}

/** Whatever shows money of tenancies: their ledgers, the queue, the arrears lists. */
function useMoneyChanged() {
  const queryClient = useQueryClient();
  return () => {
    queryClient.invalidateQueries({ queryKey: ["tenancies", "ledger"] });
    queryClient.invalidateQueries({ queryKey: ["ledger"] });
    queryClient.invalidateQueries({ queryKey: ["arrears"] });
  };
}

export type PaymentOutcome = { payment: Payment; replayed: boolean };

/**
 * POST /payments with its Idempotency-Key (apiRequest sends no headers of the caller's): a retry of
 * the same submission with the same key gets the payment registered the first time (200), never a
 * second one.
 */
async function postPayment(input: PaymentInput, idempotencyKey: string): Promise<PaymentOutcome> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/payments`, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        "content-type": "application/json",
        "idempotency-key": idempotencyKey,
      },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiError(0, "The server could not be reached");
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) throw ApiError.fromProblem(response.status, body);
  const parsed = Payment.safeParse(body);
  if (!parsed.success) throw new ApiError(0, "The server sent an unexpected answer");
  return { payment: parsed.data, replayed: response.status === 200 };
}

export function useRegisterPayment() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: ({ input, key }: { input: PaymentInput; key: string }) => postPayment(input, key),
    onSuccess: changed,
  });
}

export function useWriteOff(id: string) {
  const changed = useMoneyChanged();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WriteOffInput) =>
      apiRequest(`${tenancyPath(id)}/write-offs`, TenancyLedger, { method: "POST", body: input }),
    onSuccess: (ledger) => {
      queryClient.setQueryData(tenancyKeys.ledger(id), ledger);
      changed();
    },
  });
}

export function useChargeRuns() {
  return useQuery({
    queryKey: tenancyKeys.runs,
    queryFn: ({ signal }) => apiRequest("/ledger/charge-runs", ChargeRunList, { signal }),
  });
}

export function useRunCharges() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: (period: string) =>
      apiRequest("/ledger/charge-runs", ChargeRunResult, { method: "POST", body: { period } }),
    onSuccess: changed,
  });
}

const ClosedPeriod = z.object({ period: z.string(), closedAt: z.string() });

export function useClosePeriod() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: (period: string) =>
      apiRequest(`/ledger/periods/${encodeURIComponent(period)}/close`, ClosedPeriod, { method: "POST" }),
    onSuccess: changed,
  });
}

export function useImportStatement() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set("file", file, file.name);
      return apiRequest("/ledger/bank-imports", BankImportResult, { method: "POST", body: form });
    },
    onSuccess: changed,
  });
}

export function useBankLines(p: { page: number; limit: number }) {
  const query = queryString({ status: "unmatched", limit: p.limit, offset: (p.page - 1) * p.limit });
  return useQuery({
    queryKey: tenancyKeys.lines(query),
    queryFn: ({ signal }) => apiRequest(`/ledger/bank-lines${query}`, BankLineList, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAssignLine() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: ({ id, tenancyId, note }: { id: string; tenancyId: string; note: string }) =>
      apiRequest(`/ledger/bank-lines/${encodeURIComponent(id)}/assign`, BankLine, {
        method: "POST",
        body: { tenancyId, note },
      }),
    onSuccess: changed,
  });
}

export function useDismissLine() {
  const changed = useMoneyChanged();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiRequest(`/ledger/bank-lines/${encodeURIComponent(id)}/dismiss`, BankLine, {
        method: "POST",
        body: { reason },
      }),
    onSuccess: changed,
  });
}
