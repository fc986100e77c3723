// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type ConsentGrant,
  ConsentList,
  ConsentRecord,
  type ConsentWithdrawal,
} from "../../domain/households/consent.schema.ts";
import { DocumentList, DocumentRecord } from "../../domain/households/document.schema.ts";
import {
  type ExitInput,
  ExitRecord,
  type FollowUpInput,
  type FollowUpMonths,
} from "../../domain/households/exit.ts";
import { API_BASE, apiRequest, isApiError } from "../api.ts";
import { planKeys } from "../support-plans/support-plans-api.ts";
import { householdKeys, referralKeys } from "./households-api.ts";

// What follows a household besides its plan: its exit and follow-ups, consents and documents.

export const careKeys = {
  exit: (id: string) => ["households", "exit", id] as const,
  consents: (id: string) => ["households", "consents", id] as const,
  documents: (id: string) => ["households", "documents", id] as const,
};

const householdPath = (id: string) => `/households/${encodeURIComponent(id)}`;

/** The address that downloads a document's file (the session cookie goes along). */
export const documentFileHref = (householdId: string, documentId: string) =>
  `${API_BASE}${householdPath(householdId)}/documents/${encodeURIComponent(documentId)}/file`;

/** The household's exit record; null while it has not exited (the API answers 404). */
export function useExit(householdId: string) {
  return useQuery({
    queryKey: careKeys.exit(householdId),
    refetchOnWindowFocus: false,
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest(`${householdPath(householdId)}/exit`, ExitRecord, { signal });
      } catch (e) {
        if (isApiError(e, 404)) return null;
        throw e;
      }
    },
  });
}

export function useRecordExit(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExitInput) =>
      apiRequest(`${householdPath(householdId)}/exit`, ExitRecord, { method: "POST", body: input }),
    onSuccess: (exit) => {
      queryClient.setQueryData(careKeys.exit(householdId), exit);
      queryClient.invalidateQueries({ queryKey: householdKeys.detail(householdId) });
      queryClient.invalidateQueries({ queryKey: householdKeys.timeline(householdId) });
      queryClient.invalidateQueries({ queryKey: ["households", "list"] });
      queryClient.invalidateQueries({ queryKey: referralKeys.all });
      queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}

export function useRecordFollowUp(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ months, input }: { months: FollowUpMonths; input: FollowUpInput }) =>
      apiRequest(`${householdPath(householdId)}/follow-ups/${months}`, ExitRecord, {
        method: "PUT",
        body: input,
      }),
    onSuccess: (exit) => {
      queryClient.setQueryData(careKeys.exit(householdId), exit);
      queryClient.invalidateQueries({ queryKey: householdKeys.timeline(householdId) });
      queryClient.invalidateQueries({ queryKey: ["follow-ups"] });
    },
  });
}

export function useConsents(householdId: string) {
  return useQuery({
    queryKey: careKeys.consents(householdId),
    refetchOnWindowFocus: false,
    queryFn: ({ signal }) => apiRequest(`${householdPath(householdId)}/consents`, ConsentList, { signal }),
  });
}

function useConsentChange<I>(householdId: string, request: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: careKeys.consents(householdId) });
      // Consent decides what the record shows: read the household and its timeline again.
      queryClient.invalidateQueries({ queryKey: householdKeys.detail(householdId) });
      queryClient.invalidateQueries({ queryKey: householdKeys.timeline(householdId) });
    },
  });
}

export function useGiveConsent(householdId: string) {
  return useConsentChange(householdId, (input: ConsentGrant) =>
    apiRequest(`${householdPath(householdId)}/consents`, ConsentRecord, { method: "POST", body: input }),
  );
}

export function useWithdrawConsent(householdId: string) {
  return useConsentChange(householdId, ({ id, ...input }: ConsentWithdrawal & { id: string }) =>
    apiRequest(`${householdPath(householdId)}/consents/${encodeURIComponent(id)}/withdraw`, ConsentRecord, {
      method: "POST",
      body: input,
    }),
  );
}

export function useDocuments(householdId: string) {
  return useQuery({
    queryKey: careKeys.documents(householdId),
    refetchOnWindowFocus: false,
    queryFn: ({ signal }) => apiRequest(`${householdPath(householdId)}/documents`, DocumentList, { signal }),
  });
}

/** Upload a document: its fields and, optionally, its file, as one multipart form. */
export function useUploadDocument(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (form: FormData) =>
      apiRequest(`${householdPath(householdId)}/documents`, DocumentRecord, { method: "POST", body: form }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: careKeys.documents(householdId) });
      queryClient.invalidateQueries({ queryKey: householdKeys.timeline(householdId) });
    },
  });
}
