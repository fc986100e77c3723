// SPDX-License-Identifier: EUPL-1.2
import type { FieldIssue } from "../shared/issue.ts";
import {
  type AutonomyAssessment,
  type AutonomyProgress,
  PLAN_DOMAINS,
  type SupportPlanReviewInput,
} from "./support-plan.schema.ts";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * `date` plus `months` calendar months; a day the target month lacks becomes its last day
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The date the next review (verifica) is due: `everyMonths` after the latest review, or after the
 * start when there is none yet.
 */
export function nextReviewDate(plan: {
  startDate: string;
  reviewEveryMonths: number;
  lastReviewDate: string | null;
}): string {
  return addMonths(plan.lastReviewDate ?? plan.startDate, plan.reviewEveryMonths);
}

/** The plans whose next review fell before `today`, most overdue first, with the days late. */
export function overdueReviews<P extends { nextReviewDate: string }>(
  plans: readonly P[],
  today: string,
): (P & { daysOverdue: number })[] {
  return plans
    .filter((p) => p.nextReviewDate < today)
    .map((p) => ({ ...p, daysOverdue: daysBetween(p.nextReviewDate, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
}

/** Why a review cannot be recorded on a plan that starts on `startDate`; empty when it can. */
export function reviewProblems(
  review: Pick<SupportPlanReviewInput, "date">,
  startDate: string,
): FieldIssue[] {
  return review.date < startDate
    ? [{ path: "date", message: `A review cannot be dated before the plan starts (${startDate})` }]
    : [];
}

/** The autonomy of each domain over the reviews, oldest first; a domain not assessed is skipped. */
export function autonomyProgress(
  reviews: readonly { date: string; autonomy: AutonomyAssessment }[],
): AutonomyProgress {
  const ordered = [...reviews].sort((a, b) => a.date.localeCompare(b.date));
  const progress = {} as AutonomyProgress;
  for (const domain of PLAN_DOMAINS) {
    progress[domain] = ordered.flatMap((r) => {
      const score = r.autonomy[domain];
      return score === undefined ? [] : [{ date: r.date, score }];
    });
  }
  return progress;
}
