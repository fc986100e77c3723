// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { SpaceKind, WelfareServiceKind } from "./welfare.ts";

const day = z.iso.date();

export const ActivityView = z.object({
  id: z.uuid(),
  title: z.string(),
  heldOn: day,
  participants: z.number().int(),
  residents: z.number().int(),
  note: z.string(),
});

export const WelfareServiceView = z.object({
  id: z.uuid(),
  kind: WelfareServiceKind,
  name: z.string(),
  description: z.string(),
  buildingCode: z.string().nullable(),
  town: z.string(),
  municipio: z.number().int().nullable(),
  organisationCode: z.string(),
  startedOn: day,
  endedOn: day.nullable(),
  activities: z.array(ActivityView),
  /** Sums over its activities. */
  participants: z.number().int(),
  residents: z.number().int(),
  editable: z.boolean(),
});
export type WelfareServiceView = z.infer<typeof WelfareServiceView>;

export const BookingView = z.object({
  id: z.uuid(),
  bookedFor: day,
  fromTime: z.string(),
  toTime: z.string(),
  purpose: z.string(),
  status: z.enum(["booked", "cancelled"]),
  organisationCode: z.string(),
});
export type BookingView = z.infer<typeof BookingView>;

export const SpaceView = z.object({
  id: z.uuid(),
  buildingCode: z.string(),
  town: z.string(),
  municipio: z.number().int().nullable(),
  name: z.string(),
  kind: SpaceKind,
  use: z.string(),
  capacity: z.number().int().nullable(),
  bookable: z.boolean(),
  surfaceM2: z.number().nullable(),
  rules: z.string(),
  organisationCode: z.string(),
  /** Bookings from today on, in order. */
  bookings: z.array(BookingView),
  editable: z.boolean(),
});
export type SpaceView = z.infer<typeof SpaceView>;

export const WelfareOverview = z.object({
  asOf: day,
  services: z.array(WelfareServiceView),
  spaces: z.array(SpaceView),
  /** Participation per kind of service and place, for the period of the activities recorded. */
  participation: z.array(
    z.object({
      kind: WelfareServiceKind,
      place: z.string(),
      activities: z.number().int(),
      participants: z.number().int(),
      residents: z.number().int(),
    }),
  ),
});
export type WelfareOverview = z.infer<typeof WelfareOverview>;
