// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import {
  TIMELINE_STANDINGS,
  TimelineArea,
  TimelineKind,
  TimelineLine,
  TimelineStanding,
  TimelineStatus,
} from "./timeline.ts";

/*
 * What the timeline API answers: every item with its standing computed for the day, the tallies of
 * each line and area, the convention's dates, and the organisations the caller may make responsible.
 */

const day = z.iso.date();

export const TimelineItemView = z.object({
  id: z.uuid(),
  line: TimelineLine,
  area: TimelineArea,
  kind: TimelineKind,
  title: z.string(),
  description: z.string(),
  ownerCode: z.string(),
  ownerOrganisation: z.string(),
  /** The person or office responsible (responsabile). */
  ownerName: z.string(),
  plannedStart: day,
  plannedEnd: day,
  actualStart: day.nullable(),
  actualEnd: day.nullable(),
  status: TimelineStatus,
  position: z.number().int(),
  standing: TimelineStanding,
  /** Positive: days late; negative: days early (done items); 0 while on time; null when cancelled. */
  slippageDays: z.number().int().nullable(),
  /** The planned date that slipped: the end, or the start of an item not started. */
  slipped: z.enum(["start", "end"]).nullable(),
  /** Days from today to the planned end of an item still open (negative once past). */
  daysToPlannedEnd: z.number().int().nullable(),
  /** Whether the caller may change it: its owner organisation, or the programme (Comune, Area A). */
  editable: z.boolean(),
  version: z.number().int(),
});
export type TimelineItemView = z.infer<typeof TimelineItemView>;

const counts = z.object(
  Object.fromEntries(TIMELINE_STANDINGS.map((s) => [s, z.number().int()])) as Record<
    (typeof TIMELINE_STANDINGS)[number],
    z.ZodNumber
  >,
);

export const TimelineTallyView = z.object({
  total: z.number().int(),
  counts,
  milestonesDue: z.number().int(),
  milestonesOnTime: z.number().int(),
  /** Share (0–1) of the milestones due that were met on time; null while none fell due. */
  milestonesOnTimeShare: z.number().nullable(),
});
export type TimelineTallyView = z.infer<typeof TimelineTallyView>;

export const TimelineSummaryView = z.object({
  byLine: z.array(TimelineTallyView.extend({ line: TimelineLine, area: TimelineArea })),
  byArea: z.array(TimelineTallyView.extend({ area: TimelineArea })),
  overall: TimelineTallyView,
});
export type TimelineSummaryView = z.infer<typeof TimelineSummaryView>;

export const TimelineList = z.object({
  asOf: day,
  convention: z.object({ start: day, end: day }),
  items: z.array(TimelineItemView),
  /** The tallies of the items in the area and line asked for (before the status and standing filters). */
  summary: TimelineSummaryView,
  /** The organisations the caller may make responsible for an item: its own, or all for the programme. */
  owners: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type TimelineList = z.infer<typeof TimelineList>;
