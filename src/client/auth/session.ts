// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { OidcAvailability } from "../../domain/auth/oidc-identity.ts";
import { type LoginInput, Me, type Permission } from "../../domain/auth/roles.ts";
import { apiRequest, isApiError, NoContent } from "../api.ts";

export const ME_KEY = ["auth", "me"] as const;

/** The signed-in account, or null when nobody is signed in. */
async function fetchMe(): Promise<Me | null> {
  try {
    return await apiRequest("/auth/me", Me);
  } catch (e) {
    if (isApiError(e, 401)) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useCan(permission: Permission): boolean {
  const { data } = useMe();
  return data?.permissions.includes(permission) ?? false;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => apiRequest("/auth/login", Me, { method: "POST", body: input }),
    onSuccess: (me) => {
      // Another account may see other units: forget everything but the session itself.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

/** Whether this installation offers sign-in with SPID/CIE (the Comune's gateway). */
export function useOidcAvailability() {
  return useQuery({
    queryKey: ["auth", "oidc"],
    queryFn: () => apiRequest("/auth/oidc", OidcAvailability),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest("/auth/logout", NoContent, { method: "POST" }),
    onSettled: () => {
      queryClient.setQueryData(ME_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  });
}
