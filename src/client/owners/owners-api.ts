// SPDX-License-Identifier: EUPL-1.2
import { type QueryKey, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ContactInput,
  OfferAcceptance,
  OfferDecision,
  OfferInput,
  OwnerInput,
  OwnerUpdate,
  SchemeInput,
  UptakeInput,
} from "../../domain/owners/owners.ts";
import {
  ContactView,
  OfferView,
  OwnerDetail,
  OwnerList,
  OwnerSummaryView,
  OwnersSummary,
  SchemeList,
  SchemeView,
} from "../../domain/owners/owners-api.schema.ts";
import { apiRequest } from "../api.ts";
import { unitKeys } from "../units/units-api.ts";

export const ownersKeys = {
  all: ["owners"] as const,
  list: ["owners", "list"] as const,
  summary: ["owners", "summary"] as const,
  owner: (id: string) => ["owners", "owner", id] as const,
  schemes: ["owners", "schemes"] as const,
};

const at = (...parts: string[]) => `/${parts.map(encodeURIComponent).join("/")}`;

/** The owners, associations and agencies contacted, by name. */
export function useOwners() {
  return useQuery({
    queryKey: ownersKeys.list,
    queryFn: ({ signal }) => apiRequest("/owners", OwnerList, { signal }),
  });
}

/** The line's figures: owners by kind, contacts by outcome, offers by status, uptake per scheme. */
export function useOwnersSummary() {
  return useQuery({
    queryKey: ownersKeys.summary,
    queryFn: ({ signal }) => apiRequest("/owners/summary", OwnersSummary, { signal }),
  });
}

/** One owner with its contacts (newest first) and offered homes, each with its guarantees. */
export function useOwner(id: string) {
  return useQuery({
    queryKey: ownersKeys.owner(id),
    queryFn: ({ signal }) => apiRequest(at("owners", id), OwnerDetail, { signal }),
  });
}

/** The guarantee schemes with their terms and uptake. */
export function useSchemes() {
  return useQuery({
    queryKey: ownersKeys.schemes,
    queryFn: ({ signal }) => apiRequest("/guarantee-schemes", SchemeList, { signal }),
  });
}

/**
 * One write; every write reloads the line (a contact changes the owner's row and the figures, an
 * uptake the scheme's), and `also` what else it changes.
 */
function useOwnersWrite<I, S extends z.ZodType>(
  method: "POST" | "PATCH",
  path: string,
  schema: S,
  also: readonly QueryKey[] = [],
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => apiRequest(path, schema, { method, body: input }),
    onSuccess: () =>
      Promise.all([ownersKeys.all, ...also].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export const useCreateOwner = () =>
  useOwnersWrite<OwnerInput, typeof OwnerSummaryView>("POST", "/owners", OwnerSummaryView);
export const useUpdateOwner = (id: string) =>
  useOwnersWrite<OwnerUpdate, typeof OwnerSummaryView>("PATCH", at("owners", id), OwnerSummaryView);
export const useAddContact = (ownerId: string) =>
  useOwnersWrite<ContactInput, typeof ContactView>("POST", at("owners", ownerId, "contacts"), ContactView);
export const useAddOffer = (ownerId: string) =>
  useOwnersWrite<OfferInput, typeof OfferView>("POST", at("owners", ownerId, "offers"), OfferView);
export const useDecideOffer = (offerId: string) =>
  useOwnersWrite<OfferDecision, typeof OfferView>("POST", at("owner-offers", offerId, "decision"), OfferView);
/** Accepting a home creates its unit: the stock's lists and figures are read again too. */
export const useAcceptOffer = (offerId: string) =>
  useOwnersWrite<OfferAcceptance, typeof OfferView>(
    "POST",
    at("owner-offers", offerId, "accept"),
    OfferView,
    [unitKeys.all],
  );
export const useAddUptake = (offerId: string) =>
  useOwnersWrite<UptakeInput, typeof OfferView>("POST", at("owner-offers", offerId, "guarantees"), OfferView);
export const useCreateScheme = () =>
  useOwnersWrite<SchemeInput, typeof SchemeView>("POST", "/guarantee-schemes", SchemeView);

/** Offer a scheme no longer (`active` false), or again. */
export function useSetSchemeActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      apiRequest(at("guarantee-schemes", id, active ? "activate" : "deactivate"), SchemeView, {
        method: "POST",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ownersKeys.all }),
  });
}
