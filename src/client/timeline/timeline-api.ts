// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TimelineItemInput, TimelineItemUpdate, TimelineQuery } from "../../domain/timeline/timeline.ts";
import { TimelineItemView, TimelineList } from "../../domain/timeline/timeline-api.schema.ts";
import { apiRequest, queryString } from "../api.ts";

export const timelineKeys = {
  all: ["timeline"] as const,
  list: (filters: TimelineQuery) => ["timeline", "list", filters] as const,
};

/** The timeline with the filters of the address; the previous answer stays while a new one loads. */
export function useTimeline(filters: TimelineQuery) {
  return useQuery({
    queryKey: timelineKeys.list(filters),
    queryFn: ({ signal }) => apiRequest(`/timeline${queryString(filters)}`, TimelineList, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** A change reloads every view of the timeline: the standings and the tallies move with it. */
function useChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: timelineKeys.all });
}

export function useCreateTimelineItem() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (input: TimelineItemInput) =>
      apiRequest("/timeline", TimelineItemView, { method: "POST", body: input }),
    onSuccess: changed,
  });
}

export function useUpdateTimelineItem(id: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (input: TimelineItemUpdate) =>
      apiRequest(`/timeline/${encodeURIComponent(id)}`, TimelineItemView, { method: "PUT", body: input }),
    onSuccess: changed,
  });
}
