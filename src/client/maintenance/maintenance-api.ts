// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type MoveInInput, MoveInRecord } from "../../domain/maintenance/move-in.schema.ts";
import {
  type PortalTicketCreate,
  type TicketCreate,
  TicketDetail,
  TicketList,
  TicketPhoto,
  type TicketTransition,
  type TicketUpdate,
} from "../../domain/maintenance/ticket.schema.ts";
import { apiRequest } from "../api.ts";
import { type TicketFilters, type TicketMode, ticketApiQuery, ticketsApi } from "./maintenance-paths.ts";

export const maintenanceKeys = {
  all: ["maintenance"] as const,
  list: (mode: TicketMode, query: string) => ["maintenance", mode, "list", query] as const,
  detail: (mode: TicketMode, id: string) => ["maintenance", mode, "detail", id] as const,
  moveIn: (tenancyId: string) => ["maintenance", "move-in", tenancyId] as const,
};

const ticketPath = (mode: TicketMode, id: string) => `${ticketsApi(mode)}/${encodeURIComponent(id)}`;

/** The address of a photo's image, for an `<img>` (same origin, the session cookie goes along). */
export const photoSrc = (mode: TicketMode, ticketId: string, photoId: string) =>
  `/api/v1${ticketPath(mode, ticketId)}/photos/${encodeURIComponent(photoId)}`;

export function useTickets(mode: TicketMode, filters: TicketFilters) {
  const query = ticketApiQuery(filters);
  return useQuery({
    queryKey: maintenanceKeys.list(mode, query),
    queryFn: ({ signal }) => apiRequest(`${ticketsApi(mode)}${query}`, TicketList, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTicket(mode: TicketMode, id: string) {
  return useQuery({
    queryKey: maintenanceKeys.detail(mode, id),
    queryFn: ({ signal }) => apiRequest(ticketPath(mode, id), TicketDetail, { signal }),
  });
}

/** After a change: the ticket's page shows the answer, every list reloads. */
function useTicketChanged(mode: TicketMode) {
  const queryClient = useQueryClient();
  return (ticket: TicketDetail) => {
    queryClient.setQueryData(maintenanceKeys.detail(mode, ticket.id), ticket);
    queryClient.invalidateQueries({ queryKey: ["maintenance", mode, "list"] });
  };
}

export function useOpenTicket(mode: TicketMode) {
  const changed = useTicketChanged(mode);
  return useMutation({
    mutationFn: (input: TicketCreate | PortalTicketCreate) =>
      apiRequest(ticketsApi(mode), TicketDetail, { method: "POST", body: input }),
    onSuccess: changed,
  });
}

export function useUpdateTicket(id: string) {
  const changed = useTicketChanged("staff");
  return useMutation({
    mutationFn: (patch: TicketUpdate) =>
      apiRequest(ticketPath("staff", id), TicketDetail, { method: "PATCH", body: patch }),
    onSuccess: changed,
  });
}

export function useTransitionTicket(id: string) {
  const changed = useTicketChanged("staff");
  return useMutation({
    mutationFn: (input: TicketTransition) =>
      apiRequest(`${ticketPath("staff", id)}/transitions`, TicketDetail, { method: "POST", body: input }),
    onSuccess: changed,
  });
}

/** Upload one photo (multipart `file`); the ticket's page and lists reload. */
export function useUploadPhoto(mode: TicketMode) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ticketId, file }: { ticketId: string; file: File }) => {
      const form = new FormData();
      form.set("file", file, file.name);
      return apiRequest(`${ticketPath(mode, ticketId)}/photos`, TicketPhoto, { method: "POST", body: form });
    },
    onSuccess: (_photo, { ticketId }) => {
      queryClient.invalidateQueries({ queryKey: ["maintenance", mode] });
      queryClient.invalidateQueries({ queryKey: maintenanceKeys.detail(mode, ticketId) });
    },
  });
}

export function useMoveIn(tenancyId: string) {
  return useQuery({
    queryKey: maintenanceKeys.moveIn(tenancyId),
    queryFn: ({ signal }) =>
      apiRequest(`/tenancies/${encodeURIComponent(tenancyId)}/move-in`, MoveInRecord, { signal }),
  });
}

export function useSaveMoveIn(tenancyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MoveInInput) =>
      apiRequest(`/tenancies/${encodeURIComponent(tenancyId)}/move-in`, MoveInRecord, {
        method: "PUT",
        body: input,
      }),
    onSuccess: (record) => queryClient.setQueryData(maintenanceKeys.moveIn(tenancyId), record),
  });
}
