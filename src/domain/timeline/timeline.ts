// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/*
 * The programme's timeline (cronoprogramma): the phases (fasi) and milestones (traguardi) of each line
 * of work of the two areas, over the whole convention, with their planned and actual dates, the
 * organisation and the person or office responsible, and their status. Dates are `YYYY-MM-DD`. The
 * shape of an input is checked here; the rules that tie its fields together (status and actual dates,
 * the convention's dates, today) are in timeline-rules.ts, and break as 422s naming the field.
 */

/** The two areas of work: A coordination, monitoring, finance; B management of units and support. */
export const TIMELINE_AREAS = ["A", "B"] as const;
export const TimelineArea = z.enum(TIMELINE_AREAS, { error: 'area must be "A" or "B"' });
export type TimelineArea = z.infer<typeof TimelineArea>;

/**
 * The lines of work (linee di attività): A.1 coordination and monitoring, A.2 finance (revolving
 * fund), A.3 renovation, A.4 private market outreach; B.1 allocation proposal per ambito, B.2
 * renovation, furnishing and property management, B.3 social-educational support.
 */
export const TIMELINE_LINES = ["A.1", "A.2", "A.3", "A.4", "B.1", "B.2", "B.3"] as const;
export const TimelineLine = z.enum(TIMELINE_LINES, {
  error: `line must be one of ${TIMELINE_LINES.join(", ")}`,
});
export type TimelineLine = z.infer<typeof TimelineLine>;

/** The area a line belongs to (its letter). */
export const areaOfLine = (line: TimelineLine): TimelineArea => (line.startsWith("A") ? "A" : "B");
/** The lines of an area, in order. */
export const linesOfArea = (area: TimelineArea): TimelineLine[] =>
  TIMELINE_LINES.filter((l) => areaOfLine(l) === area);

/** A phase (fase) spans days; a milestone (traguardo) is one day: its planned start is its planned end. */
export const TIMELINE_KINDS = ["phase", "milestone"] as const;
export const TimelineKind = z.enum(TIMELINE_KINDS, { error: "kind must be phase or milestone" });
export type TimelineKind = z.infer<typeof TimelineKind>;

/** Where an item stands as its owner records it; nothing is deleted, an item is cancelled instead. */
export const TIMELINE_STATUSES = ["not_started", "in_progress", "done", "cancelled"] as const;
export const TimelineStatus = z.enum(TIMELINE_STATUSES, {
  error: `status must be one of ${TIMELINE_STATUSES.join(", ")}`,
});
export type TimelineStatus = z.infer<typeof TimelineStatus>;

/**
 * How an item stands against its plan on a day, computed (timeline-rules.ts): on time (in tempo), at
 * risk (a rischio: within `AT_RISK_DAYS` of its planned end and not done), late (in ritardo), done late
 * (completato in ritardo), done (completato, on time or early), cancelled (annullato).
 */
export const TIMELINE_STANDINGS = ["on_time", "at_risk", "late", "done_late", "done", "cancelled"] as const;
export const TimelineStanding = z.enum(TIMELINE_STANDINGS, {
  error: `standing must be one of ${TIMELINE_STANDINGS.join(", ")}`,
});
export type TimelineStanding = z.infer<typeof TimelineStanding>;

/** An item not done is at risk from this many days before its planned end. */
export const AT_RISK_DAYS = 14;

const day = (field: string) => z.iso.date({ error: `${field} must be a date (YYYY-MM-DD)` });
const text = (field: string, min: number, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(min, { error: min <= 1 ? `${field} is required` : `${field} needs at least ${min} characters` })
    .max(max, { error: `${field}: at most ${max} characters` });

/** A phase or milestone as its owner records it. */
export const TimelineItemInput = z.object({
  line: TimelineLine,
  kind: TimelineKind,
  title: text("title", 3, 200),
  description: z.string().trim().max(2000, { error: "description: at most 2000 characters" }).default(""),
  /**
   * The organisation responsible (its code). Left out: the caller's own. A partner records and changes
   * only its own items; the Comune and Area A (programme scope) choose any organisation.
   */
  ownerCode: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, { error: "ownerCode is required" })
    .max(40, { error: "ownerCode: at most 40 characters" })
    .nullable()
    .default(null),
  /** The person or office responsible within the owner organisation (responsabile). */
  ownerName: z.string().trim().max(200, { error: "ownerName: at most 200 characters" }).default(""),
  plannedStart: day("plannedStart"),
  /** A phase's last planned day; for a milestone, left out or the same day as `plannedStart`. */
  plannedEnd: day("plannedEnd").nullable().default(null),
  actualStart: day("actualStart").nullable().default(null),
  actualEnd: day("actualEnd").nullable().default(null),
  status: TimelineStatus.default("not_started"),
  /** The order of the item within its line (lower first; then by planned start). */
  position: z
    .number({ error: "position must be a whole number" })
    .int({ error: "position must be a whole number" })
    .min(0, { error: "position cannot be negative" })
    .max(10_000, { error: "position: at most 10000" })
    .default(0),
});
export type TimelineItemInput = z.infer<typeof TimelineItemInput>;

/** A change of an item: the whole item again, with the version that was read. */
export const TimelineItemUpdate = TimelineItemInput.extend({
  version: z
    .number({ error: "version must be the version you read" })
    .int({ error: "version must be the version you read" })
    .min(1, { error: "version must be the version you read" }),
});
export type TimelineItemUpdate = z.infer<typeof TimelineItemUpdate>;

/** The timeline's filters, as the list and the exports take them from the query string. */
export const TimelineQuery = z.object({
  area: TimelineArea.optional(),
  line: TimelineLine.optional(),
  status: TimelineStatus.optional(),
  standing: TimelineStanding.optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;
