// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AnnouncementInput } from "../../domain/workspace/workspace.ts";
import {
  AnnouncementList,
  AnnouncementView,
  LibraryDocumentView,
  LibraryList,
  NotificationList,
} from "../../domain/workspace/workspace-api.schema.ts";
import { API_BASE, apiRequest, isApiError } from "../api.ts";
import { useMe } from "../auth/session.ts";

export const workspaceKeys = {
  all: ["workspace"] as const,
  announcements: ["workspace", "announcements"] as const,
  library: ["workspace", "library"] as const,
  notifications: ["workspace", "notifications"] as const,
  notificationList: (unreadOnly: boolean) => ["workspace", "notifications", "list", unreadOnly] as const,
  unread: ["workspace", "notifications", "unread"] as const,
};

const at = (...parts: string[]) => `/workspace/${parts.map(encodeURIComponent).join("/")}`;

/** Where a version of a library document downloads from. */
export const versionHref = (id: string, version: number) =>
  `${API_BASE}${at("library", id, "versions", String(version))}`;

/** How often the header asks again how many notifications are unread. */
export const UNREAD_REFRESH_MS = 60_000;

/** The announcements, newest first. */
export function useAnnouncements() {
  return useQuery({
    queryKey: workspaceKeys.announcements,
    queryFn: ({ signal }) => apiRequest("/workspace/announcements", AnnouncementList, { signal }),
  });
}

/** The library's documents, each with its versions (the latest first). */
export function useLibrary() {
  return useQuery({
    queryKey: workspaceKeys.library,
    queryFn: ({ signal }) => apiRequest("/workspace/library", LibraryList, { signal }),
  });
}

/** The signed-in account's notifications, newest first, every one or only the unread. */
export function useNotifications(unreadOnly: boolean) {
  return useQuery({
    queryKey: workspaceKeys.notificationList(unreadOnly),
    queryFn: ({ signal }) =>
      apiRequest(`/workspace/notifications?unread=${unreadOnly}`, NotificationList, { signal }),
  });
}

/** How many notifications of the signed-in staff account are unread, asked again every minute. */
export function useUnreadCount() {
  const { data: me } = useMe();
  const staff = me != null && !me.permissions.includes("portal:use");
  return useQuery({
    queryKey: workspaceKeys.unread,
    queryFn: ({ signal }) => apiRequest("/workspace/notifications?unread=true", NotificationList, { signal }),
    select: (list) => list.unread,
    enabled: staff,
    refetchInterval: UNREAD_REFRESH_MS,
  });
}

export function usePublishAnnouncement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AnnouncementInput) =>
      apiRequest("/workspace/announcements", AnnouncementView, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.all }),
  });
}

/**
 * A library upload (a multipart form). After it, or after a 409 (someone else's version came
 * meanwhile), the library is read again so the page shows the current versions.
 */
function useLibraryUpload(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FormData) => apiRequest(path, LibraryDocumentView, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.library }),
    onError: (e) => {
      if (isApiError(e, 409)) void queryClient.invalidateQueries({ queryKey: workspaceKeys.library });
    },
  });
}

export const useAddDocument = () => useLibraryUpload("/workspace/library");
export const useAddVersion = (id: string) => useLibraryUpload(at("library", id, "versions"));

/** Mark notifications read: those of `ids`, or every one (null). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | null) =>
      apiRequest("/workspace/notifications/read", NotificationList, { method: "POST", body: { ids } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.notifications }),
  });
}
