// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ActivityInput,
  BookingInput,
  SpaceInput,
  WelfareServiceInput,
} from "../../domain/welfare/welfare.ts";
import { SpaceView, WelfareOverview, WelfareServiceView } from "../../domain/welfare/welfare-api.schema.ts";
import { apiRequest, isApiError } from "../api.ts";

export const welfareKeys = { all: ["welfare"] as const };

const at = (...parts: string[]) => `/welfare/${parts.map(encodeURIComponent).join("/")}`;

/** The shared services with their activities, the spaces with their bookings to come, participation. */
export function useWelfare() {
  return useQuery({
    queryKey: welfareKeys.all,
    queryFn: ({ signal }) => apiRequest("/welfare", WelfareOverview, { signal }),
  });
}

/**
 * One write; every write reloads the page's overview (an activity changes the participation too). A
 * 409 (a booking made meanwhile over the same hours) reloads it as well, so the page shows that one.
 */
function useWelfareWrite<I, S extends z.ZodType>(path: string, schema: S) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => apiRequest(path, schema, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: welfareKeys.all }),
    onError: (e) => {
      if (isApiError(e, 409)) void queryClient.invalidateQueries({ queryKey: welfareKeys.all });
    },
  });
}

export const useStartService = () =>
  useWelfareWrite<WelfareServiceInput, typeof WelfareServiceView>(at("services"), WelfareServiceView);
export const useRecordActivity = (serviceId: string) =>
  useWelfareWrite<ActivityInput, typeof WelfareServiceView>(
    at("services", serviceId, "activities"),
    WelfareServiceView,
  );
export const useAddSpace = () => useWelfareWrite<SpaceInput, typeof SpaceView>(at("spaces"), SpaceView);
export const useBookSpace = (spaceId: string) =>
  useWelfareWrite<BookingInput, typeof SpaceView>(at("spaces", spaceId, "bookings"), SpaceView);

/** Cancel a booking (it stays listed, cancelled). */
export function useCancelBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bookingId: string) =>
      apiRequest(at("bookings", bookingId, "cancel"), SpaceView, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: welfareKeys.all }),
  });
}
