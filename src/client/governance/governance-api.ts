// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ActionInput,
  ActionUpdate,
  BodyInput,
  DecisionInput,
  MeetingInput,
  MemberInput,
  MemberUpdate,
  MinutesInput,
} from "../../domain/governance/governance.ts";
import {
  ActionList,
  ActionView,
  BodyDetail,
  BodyList,
  BodySummaryView,
  DecisionView,
  MeetingView,
  MemberView,
} from "../../domain/governance/governance-api.schema.ts";
import { API_BASE, apiRequest, queryString } from "../api.ts";
import type { ActionFilters } from "./governance-paths.ts";

export const governanceKeys = {
  all: ["governance"] as const,
  bodies: ["governance", "bodies"] as const,
  body: (id: string) => ["governance", "body", id] as const,
  actions: (filters: ActionFilters) => ["governance", "actions", filters] as const,
};

const at = (...parts: string[]) => `/governance/${parts.map(encodeURIComponent).join("/")}`;

/** Where an attachment of a meeting downloads from. */
export const attachmentHref = (id: string) => `${API_BASE}${at("attachments", id)}`;

/** The bodies on their levels, with the organisations members and owners may come from. */
export function useBodies() {
  return useQuery({
    queryKey: governanceKeys.bodies,
    queryFn: ({ signal }) => apiRequest("/governance/bodies", BodyList, { signal }),
  });
}

/** One body with its members, meetings (newest first), decisions and actions. */
export function useBody(id: string) {
  return useQuery({
    queryKey: governanceKeys.body(id),
    queryFn: ({ signal }) => apiRequest(at("bodies", id), BodyDetail, { signal }),
  });
}

/** The actions with the filters of the address; the previous answer stays while a new one loads. */
export function useActions(filters: ActionFilters) {
  return useQuery({
    queryKey: governanceKeys.actions(filters),
    queryFn: ({ signal }) => apiRequest(`/governance/actions${queryString(filters)}`, ActionList, { signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * One write; every write reloads the area: a member changes the body's count, an action the tallies
 * of its body and the overdue list.
 */
function useGovernanceWrite<I, S extends z.ZodType>(method: "POST" | "PUT", path: string, schema: S) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => apiRequest(path, schema, { method, body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: governanceKeys.all }),
  });
}

export const useCreateBody = () =>
  useGovernanceWrite<BodyInput, typeof BodySummaryView>("POST", "/governance/bodies", BodySummaryView);
export const useAddMember = (bodyId: string) =>
  useGovernanceWrite<MemberInput, typeof MemberView>("POST", at("bodies", bodyId, "members"), MemberView);
export const useUpdateMember = (id: string) =>
  useGovernanceWrite<MemberUpdate, typeof MemberView>("PUT", at("members", id), MemberView);
export const usePlanMeeting = (bodyId: string) =>
  useGovernanceWrite<MeetingInput, typeof MeetingView>("POST", at("bodies", bodyId, "meetings"), MeetingView);
export const useRecordMinutes = (meetingId: string) =>
  useGovernanceWrite<MinutesInput, typeof MeetingView>(
    "PUT",
    at("meetings", meetingId, "minutes"),
    MeetingView,
  );
/** An attachment of a meeting: a multipart form with its field `file`. */
export const useUploadAttachment = (meetingId: string) =>
  useGovernanceWrite<FormData, typeof MeetingView>(
    "POST",
    at("meetings", meetingId, "attachments"),
    MeetingView,
  );
export const useRecordDecision = (bodyId: string) =>
  useGovernanceWrite<DecisionInput, typeof DecisionView>(
    "POST",
    at("bodies", bodyId, "decisions"),
    DecisionView,
  );
export const useAddAction = (bodyId: string) =>
  useGovernanceWrite<ActionInput, typeof ActionView>("POST", at("bodies", bodyId, "actions"), ActionView);
export const useUpdateAction = (id: string) =>
  useGovernanceWrite<ActionUpdate, typeof ActionView>("PUT", at("actions", id), ActionView);

/** An organisation's name from its code, as the bodies' list gives them (the code until it has come). */
export function useOrganisationName() {
  const { data } = useBodies();
  return (code: string) => data?.organisations.find((o) => o.code === code)?.name ?? code;
}
