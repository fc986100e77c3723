// SPDX-License-Identifier: EUPL-1.2
import { daysBetween } from "../ledger/period.ts";
import type { FieldIssue } from "../shared/issue.ts";
import {
  AT_RISK_DAYS,
  areaOfLine,
  TIMELINE_AREAS,
  TIMELINE_LINES,
  TIMELINE_STANDINGS,
  type TimelineArea,
  type TimelineItemInput,
  type TimelineKind,
  type TimelineLine,
  type TimelineStanding,
  type TimelineStatus,
} from "./timeline.ts";

/*
 * The timeline's rules, pure: "today" and the convention's dates are arguments. Each rule names the
 * field it is about, once per field (the first broken rule of a field is the one to fix first).
 */

/** The convention's first and last day (programme_settings). */
export type Convention = { start: string; end: string };

type Dates = Pick<
  TimelineItemInput,
  "kind" | "plannedStart" | "plannedEnd" | "actualStart" | "actualEnd" | "status"
>;

/** The last planned day: a milestone's is its one day when left out; null for a phase without it. */
export const plannedEndOf = (item: Pick<Dates, "kind" | "plannedStart" | "plannedEnd">): string | null =>
  item.plannedEnd ?? (item.kind === "milestone" ? item.plannedStart : null);

/**
 * What is wrong with an item's dates and status on `today`, one issue per field:
 * - planned dates: a phase has an end, not before its start; a milestone is one day; both lie within
 *   the convention;
 * - actual dates: an end needs a start and comes on or after it; neither is in the future;
 * - status: not started has no actual dates; in progress has a start and no end yet; done has both.
 * A cancelled item keeps whatever actual dates it had.
 */
export function itemProblems(item: Dates, context: { today: string; convention: Convention }): FieldIssue[] {
  const { today, convention } = context;
  const issues = new Map<string, string>();
  const add = (path: string, message: string) => {
    if (!issues.has(path)) issues.set(path, message);
  };
  const plannedEnd = plannedEndOf(item);

  if (item.plannedStart < convention.start)
    add("plannedStart", `plannedStart is before the convention starts (${convention.start})`);
  if (item.plannedStart > convention.end)
    add("plannedStart", `plannedStart is after the convention ends (${convention.end})`);
  if (plannedEnd === null) add("plannedEnd", "plannedEnd is required for a phase");
  else if (item.kind === "milestone" && plannedEnd !== item.plannedStart)
    add("plannedEnd", "A milestone is one day: plannedEnd must be the same as plannedStart");
  else if (plannedEnd < item.plannedStart) add("plannedEnd", "plannedEnd cannot come before plannedStart");
  else if (plannedEnd > convention.end)
    add("plannedEnd", `plannedEnd is after the convention ends (${convention.end})`);

  const { actualStart, actualEnd, status } = item;
  switch (status) {
    case "not_started":
      if (actualStart !== null) add("actualStart", "An item not started has no actual dates");
      if (actualEnd !== null) add("actualEnd", "An item not started has no actual dates");
      break;
    case "in_progress":
      if (actualStart === null) add("actualStart", "An item in progress needs actualStart");
      if (actualEnd !== null) add("actualEnd", "An item in progress has no actualEnd yet: mark it done");
      break;
    case "done":
      if (actualStart === null) add("actualStart", "A done item needs actualStart");
      if (actualEnd === null) add("actualEnd", "A done item needs actualEnd");
      break;
    case "cancelled":
      break;
  }
  if (actualEnd !== null && actualStart === null)
    add("actualStart", "actualStart is required when actualEnd is given");
  if (actualStart !== null && actualStart > today)
    add("actualStart", `actualStart cannot be in the future (today is ${today})`);
  if (actualEnd !== null && actualEnd > today)
    add("actualEnd", `actualEnd cannot be in the future (today is ${today})`);
  if (actualStart !== null && actualEnd !== null && actualEnd < actualStart)
    add("actualEnd", "actualEnd cannot come before actualStart");

  return [...issues].map(([path, message]) => ({ path, message }));
}

/**
 * An item's standing on a day. `slippageDays`: for a done item, actual end minus planned end (negative
 * when early); for a late one, the days since the planned date that slipped; 0 while on time or at
 * risk; null when cancelled. `slipped` names that date: the end, or the start of an item not started.
 */
export type ItemStanding = {
  standing: TimelineStanding;
  slippageDays: number | null;
  slipped: "start" | "end" | null;
  /** Days from today to the planned end of an item still open (negative once past); else null. */
  daysToPlannedEnd: number | null;
};

type Standable = {
  status: TimelineStatus;
  plannedStart: string;
  plannedEnd: string;
  actualEnd: string | null;
};

/**
 * - cancelled: cancelled;
 * - done: done late when it ended after its planned end, else done;
 * - open, planned end before today: late by the days since the planned end;
 * - not started, planned start before today: late by the days since the planned start;
 * - open, planned end within `AT_RISK_DAYS` from today (today included): at risk;
 * - otherwise on time.
 */
export function standingOf(item: Standable, today: string): ItemStanding {
  if (item.status === "cancelled")
    return { standing: "cancelled", slippageDays: null, slipped: null, daysToPlannedEnd: null };
  if (item.status === "done") {
    const slip = item.actualEnd === null ? null : daysBetween(item.plannedEnd, item.actualEnd);
    const late = slip !== null && slip > 0;
    return {
      standing: late ? "done_late" : "done",
      slippageDays: slip,
      slipped: late ? "end" : null,
      daysToPlannedEnd: null,
    };
  }
  const toEnd = daysBetween(today, item.plannedEnd);
  if (toEnd < 0) return { standing: "late", slippageDays: -toEnd, slipped: "end", daysToPlannedEnd: toEnd };
  if (item.status === "not_started" && item.plannedStart < today)
    return {
      standing: "late",
      slippageDays: daysBetween(item.plannedStart, today),
      slipped: "start",
      daysToPlannedEnd: toEnd,
    };
  return {
    standing: toEnd <= AT_RISK_DAYS ? "at_risk" : "on_time",
    slippageDays: 0,
    slipped: null,
    daysToPlannedEnd: toEnd,
  };
}

/** Counts by standing, and how many milestones fell due and how many of them were met on time. */
export type TimelineTally = {
  total: number;
  counts: Record<TimelineStanding, number>;
  /** Milestones done, or not done and past their day (cancelled ones are left out). */
  milestonesDue: number;
  /** Of those, the ones done by their planned day. */
  milestonesOnTime: number;
  /** `milestonesOnTime / milestonesDue`; null while none fell due. */
  milestonesOnTimeShare: number | null;
};

type Tallied = { line: TimelineLine; kind: TimelineKind; standing: TimelineStanding };

export function tally(items: readonly Omit<Tallied, "line">[]): TimelineTally {
  const counts = Object.fromEntries(TIMELINE_STANDINGS.map((s) => [s, 0])) as Record<
    TimelineStanding,
    number
  >;
  for (const item of items) counts[item.standing] += 1;
  const milestones = items.filter((i) => i.kind === "milestone");
  const due = milestones.filter(
    (i) => i.standing === "done" || i.standing === "done_late" || i.standing === "late",
  ).length;
  const onTime = milestones.filter((i) => i.standing === "done").length;
  return {
    total: items.length,
    counts,
    milestonesDue: due,
    milestonesOnTime: onTime,
    milestonesOnTimeShare: due === 0 ? null : onTime / due,
  };
}

export type TimelineSummary = {
  byLine: (TimelineTally & { line: TimelineLine; area: TimelineArea })[];
  byArea: (TimelineTally & { area: TimelineArea })[];
  overall: TimelineTally;
};

/** The tallies of each line and each area that has items, and of them all. */
export function summarise(items: readonly Tallied[]): TimelineSummary {
  return {
    byLine: TIMELINE_LINES.filter((line) => items.some((i) => i.line === line)).map((line) => ({
      line,
      area: areaOfLine(line),
      ...tally(items.filter((i) => i.line === line)),
    })),
    byArea: TIMELINE_AREAS.filter((area) => items.some((i) => areaOfLine(i.line) === area)).map((area) => ({
      area,
      ...tally(items.filter((i) => areaOfLine(i.line) === area)),
    })),
    overall: tally(items),
  };
}
