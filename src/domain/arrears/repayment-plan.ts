// SPDX-License-Identifier: EUPL-1.2

import { addMonths, dayOfPeriod, daysBetween, daysInPeriod, periodOf } from "../ledger/period.ts";
import type { FieldIssue } from "../shared/issue.ts";
import type { ArrearsPolicy } from "./arrears-policy.ts";

/*
 * A repayment plan (piano di rientro): a debt split into monthly instalments in exact cents, and how
 * its instalments stand given what the household paid since the plan started.
 */

export type Instalment = { seq: number; dueOn: string; amountCents: number };

/** The day `months` months after `firstDueOn`, on the same day of the month or the month's last. */
export function monthlyDueOn(firstDueOn: string, months: number): string {
  const period = addMonths(periodOf(firstDueOn), months);
  const day = Math.min(Number(firstDueOn.slice(8, 10)), daysInPeriod(period));
  return dayOfPeriod(period, day);
}

export type ScheduleResult = { ok: true; instalments: Instalment[] } | { ok: false; issues: FieldIssue[] };

/**
 * `totalCents` split into `count` monthly instalments from `firstDueOn`. The remainder of the division
 * goes one cent each to the first instalments, so the sum is exact and no two differ by more than a
 * cent. A plan of more than one instalment has none below the policy's minimum; a plan of one may be
 * any amount (a small debt paid at once).
 */
export function repaymentSchedule(
  input: { totalCents: number; count: number; firstDueOn: string },
  rules: Pick<ArrearsPolicy["repaymentPlan"], "maxInstalments" | "minInstalmentCents">,
): ScheduleResult {
  const { totalCents, count, firstDueOn } = input;
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(totalCents) || totalCents <= 0)
    issues.push({ path: "totalCents", message: "The total must be a positive whole number of cents" });
  if (!Number.isInteger(count) || count < 1 || count > rules.maxInstalments)
    issues.push({
      path: "instalments",
      message: `A plan has from 1 to ${rules.maxInstalments} instalments`,
    });
  if (issues.length > 0) return { ok: false, issues };
  const base = Math.floor(totalCents / count);
  if (count > 1 && base < rules.minInstalmentCents) {
    const most = Math.max(1, Math.floor(totalCents / rules.minInstalmentCents));
    return {
      ok: false,
      issues: [
        {
          path: "instalments",
          message: `Each instalment must be at least ${rules.minInstalmentCents / 100} EUR: at most ${most} instalment${most === 1 ? "" : "s"} for this total`,
        },
      ],
    };
  }
  const remainder = totalCents - base * count;
  return {
    ok: true,
    instalments: Array.from({ length: count }, (_, i) => ({
      seq: i + 1,
      dueOn: monthlyDueOn(firstDueOn, i),
      amountCents: base + (i < remainder ? 1 : 0),
    })),
  };
}

/**
 * What of the payments since the plan started went to the plan: the payments made from its start up
 * to `asOf`, less the charges that fell due in the same time (the current rent comes first, so the
 * plan does not pay off old debt while new debt grows). Never below 0.
 */
export function planCreditCents(options: {
  startOn: string;
  asOf: string;
  payments: readonly { on: string; amountCents: number }[];
  charges: readonly { dueOn: string; amountCents: number }[];
}): number {
  const { startOn, asOf } = options;
  let paid = 0;
  for (const p of options.payments) if (p.on >= startOn && p.on <= asOf) paid += p.amountCents;
  let due = 0;
  for (const c of options.charges) if (c.dueOn >= startOn && c.dueOn <= asOf) due += c.amountCents;
  return Math.max(0, paid - due);
}

export const INSTALMENT_STATUSES = ["paid", "partly_paid", "overdue", "due"] as const;
/** Stato della rata: pagata, pagata in parte, scaduta (non pagata del tutto dopo la scadenza), da pagare. */
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];

export const PLAN_STATUSES = ["active", "completed", "broken", "cancelled"] as const;
/** Stato del piano: in corso, completato, decaduto, annullato. */
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export type TrackedInstalment = Instalment & {
  paidCents: number;
  status: InstalmentStatus;
  /** Days past its due date while not wholly paid; 0 otherwise. */
  daysOverdue: number;
};

export type PlanTracking = {
  instalments: TrackedInstalment[];
  paidCents: number;
  remainingCents: number;
  overdueInstalments: number;
  /** `broken`: at least `brokenAfterInstalments` instalments overdue by more than `brokenAfterDays`. */
  status: "active" | "completed" | "broken";
};

/**
 * Each instalment on `asOf` given `creditCents` paid to the plan, which settles the instalments in
 * order: paid in full; overdue (past its day, not wholly paid); partly paid (not yet due); due.
 */
export function trackPlan(
  instalments: readonly Instalment[],
  creditCents: number,
  asOf: string,
  rules: Pick<ArrearsPolicy["repaymentPlan"], "brokenAfterInstalments" | "brokenAfterDays">,
): PlanTracking {
  let available = Math.max(0, creditCents);
  let total = 0;
  const tracked = [...instalments]
    .sort((a, b) => a.seq - b.seq)
    .map((instalment): TrackedInstalment => {
      total += instalment.amountCents;
      const paidCents = Math.min(instalment.amountCents, available);
      available -= paidCents;
      const late = Math.max(0, daysBetween(instalment.dueOn, asOf));
      const status: InstalmentStatus =
        paidCents === instalment.amountCents
          ? "paid"
          : late > 0
            ? "overdue"
            : paidCents > 0
              ? "partly_paid"
              : "due";
      return { ...instalment, paidCents, status, daysOverdue: status === "overdue" ? late : 0 };
    });
  const paidCents = tracked.reduce((sum, i) => sum + i.paidCents, 0);
  const overdue = tracked.filter((i) => i.status === "overdue");
  const longOverdue = overdue.filter((i) => i.daysOverdue > rules.brokenAfterDays).length;
  return {
    instalments: tracked,
    paidCents,
    remainingCents: total - paidCents,
    overdueInstalments: overdue.length,
    status:
      tracked.length > 0 && paidCents === total
        ? "completed"
        : longOverdue >= rules.brokenAfterInstalments
          ? "broken"
          : "active",
  };
}
