// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

export const HOUSEHOLD_STATUSES = [
  "referred",
  "assessed",
  "waiting",
  "offered",
  "housed",
  "exiting",
  "exited",
  "suspended",
  "withdrawn",
] as const;
/** Where a household is on its path: from the referral to exit to autonomy. */
export const HouseholdStatus = z.enum(HOUSEHOLD_STATUSES, { error: "Unknown household status" });
export type HouseholdStatus = z.infer<typeof HouseholdStatus>;

/**
 * Allowed moves. Main path: referred → assessed → waiting → offered → housed → exiting → exited.
 * A refused offer goes back to waiting; an exit can be called off; a path can be suspended before
 * housing and resumed where it stood, or withdrawn before it ends. Exited and withdrawn are final.
 */
export const HOUSEHOLD_TRANSITIONS: Record<HouseholdStatus, readonly HouseholdStatus[]> = {
  referred: ["assessed", "suspended", "withdrawn"],
  assessed: ["waiting", "suspended", "withdrawn"],
  waiting: ["offered", "suspended", "withdrawn"],
  offered: ["housed", "waiting", "withdrawn"],
  housed: ["exiting"],
  exiting: ["exited", "housed"],
  exited: [],
  suspended: ["referred", "assessed", "waiting", "withdrawn"],
  withdrawn: [],
};

export const canMoveHousehold = (from: HouseholdStatus, to: HouseholdStatus) =>
  HOUSEHOLD_TRANSITIONS[from].includes(to);

/** A suspended household resumes only at the stage it was suspended from. */
export function canResume(suspendedFrom: HouseholdStatus | null, to: HouseholdStatus): boolean {
  return to === "withdrawn" || suspendedFrom === to;
}

export type StatusChange = { at: Date; from: HouseholdStatus | null; to: HouseholdStatus };

const DAY_MS = 86_400_000;
// Calendar days (UTC) between two instants: counting day boundaries rather than flooring each stay's
// elapsed time makes the stays add up to the whole path (two stays of 1½ days are 3 days, not 2).
const dayNumber = (at: Date) => Math.floor(at.getTime() / DAY_MS);
const days = (from: Date, to: Date) => dayNumber(to) - dayNumber(from);

/**
 * Durations computed from the dated changes (oldest first), never typed: calendar days spent in each
 * status (summed over repeated stays, the current stay up to `now`; together they are the days from
 * the first change to `now`), and the indicator days from referral to housing (first time housed)
 * when it happened.
 */
export function householdDurations(changes: readonly StatusChange[], now: Date) {
  const daysIn: Partial<Record<HouseholdStatus, number>> = {};
  changes.forEach((c, i) => {
    const end = changes[i + 1]?.at ?? now;
    daysIn[c.to] = (daysIn[c.to] ?? 0) + days(c.at, end);
  });
  const referred = changes.find((c) => c.to === "referred")?.at;
  const housed = changes.find((c) => c.to === "housed")?.at;
  return {
    daysIn,
    referralToHousingDays: referred && housed ? days(referred, housed) : null,
  };
}
