// SPDX-License-Identifier: EUPL-1.2
import {
  type ActionStatus,
  ANNUAL_REVIEW_MONTHS,
  COUNTED_ROLES,
  DIRECTIVE_MAX_MEMBERS,
  type GovernanceLevel,
  type MemberRole,
} from "./governance.ts";

/*
 * The rules of the governance model, as pure functions of what is stored and the day: how many
 * members a body may have, which body reports to which, when an action is overdue, when the annual
 * review falls due.
 */

/** A membership as the rules see it: its role and its days, `to` inclusive (null while it lasts). */
export type Membership = { id?: string; role: MemberRole; from: string; to: string | null };

/** Whether a membership covers `day`. */
export const activeOn = (m: Pick<Membership, "from" | "to">, day: string) =>
  m.from <= day && (m.to === null || day <= m.to);

/** The most members a body of `level` may have on a day: six for the Cabina, no limit otherwise. */
export const memberLimitOf = (level: GovernanceLevel): number | null =>
  level === "directive" ? DIRECTIVE_MAX_MEMBERS : null;

/**
 * The first day on which `candidate` (new, or replacing the stored membership with its id) would take
 * a body of `level` over its limit of members, with how many it would have; null when it does not.
 * Referents do not count. A count only rises on a day a membership starts, so those are the days to check.
 */
export function memberLimitBreach(
  level: GovernanceLevel,
  stored: readonly Membership[],
  candidate: Membership,
): { day: string; members: number; limit: number } | null {
  const limit = memberLimitOf(level);
  if (limit === null || !COUNTED_ROLES.includes(candidate.role)) return null;
  const counted = [
    ...stored.filter(
      (m) => COUNTED_ROLES.includes(m.role) && (candidate.id === undefined || m.id !== candidate.id),
    ),
    candidate,
  ];
  const days = [...new Set(counted.map((m) => m.from))].filter((d) => activeOn(candidate, d)).sort();
  for (const day of days) {
    const members = counted.filter((m) => activeOn(m, day)).length;
    if (members > limit) return { day, members, limit };
  }
  return null;
}

/** The levels a body of `level` may report to: none for the Cabina; the level above otherwise. */
export function reportsToLevels(level: GovernanceLevel): readonly GovernanceLevel[] {
  switch (level) {
    case "directive":
      return [];
    case "management":
      return ["directive"];
    case "project":
      return ["directive", "management"];
  }
}

/** `date` plus `months` calendar months, on the same day or the month's last when it has no such day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const dayOfMonth = Math.min(d, last);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
}

/** Whole days from `from` to `to` (negative when `to` is before). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type AnnualReview = {
  /** The last meeting held that reviewed the model; null before the first. */
  lastOn: string | null;
  dueOn: string;
  overdue: boolean;
  /** Days from today to the due day (negative once past). */
  daysToDue: number;
};

/**
 * When the body's review of the governance model falls due: twelve months after the last one held,
 * or after the body was set up; overdue the day after.
 */
export function annualReviewOf(
  body: { establishedOn: string },
  lastReviewOn: string | null,
  today: string,
): AnnualReview {
  const dueOn = addMonths(lastReviewOn ?? body.establishedOn, ANNUAL_REVIEW_MONTHS);
  return { lastOn: lastReviewOn, dueOn, overdue: today > dueOn, daysToDue: daysBetween(today, dueOn) };
}

/** An open action past its due day is overdue, by the days since; a done or cancelled one never is. */
export function actionStanding(action: { status: ActionStatus; dueOn: string }, today: string) {
  const overdue = action.status === "open" && today > action.dueOn;
  return { overdue, daysOverdue: overdue ? daysBetween(action.dueOn, today) : 0 };
}

/** A vote's count cannot exceed the members present who may vote. */
export function voteProblem(
  votes: { votesFor: number; votesAgainst: number; abstentions: number },
  votingPresent: number,
): string | null {
  const cast = votes.votesFor + votes.votesAgainst + votes.abstentions;
  if (cast > votingPresent)
    return `${cast} votes counted, but ${votingPresent} member(s) who may vote attended the meeting`;
  return null;
}
