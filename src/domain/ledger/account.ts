// SPDX-License-Identifier: EUPL-1.2
import { daysBetween } from "./period.ts";

/*
 * A tenancy's rent account. The balance is charges minus payments minus write-offs. For ageing, credits
 * (payments and write-offs, in date order) settle the oldest charges first; what remains of a charge
 * past its due date is in arrears, aged by the days since it fell due.
 */

export type AccountCharge = { id: string; dueOn: string; amountCents: number; period: string; kind: string };
export type AccountCredit = { on: string; amountCents: number; kind: "payment" | "write_off" };

export type OpenCharge = AccountCharge & { paidCents: number; outstandingCents: number };

/** Balance: positive when the tenancy owes, negative when it paid ahead. */
export function balanceOf(
  charges: readonly { amountCents: number }[],
  credits: readonly { amountCents: number }[],
) {
  let balance = 0;
  for (const c of charges) balance += c.amountCents;
  for (const c of credits) balance -= c.amountCents;
  return balance;
}

const byDueThenPeriod = (a: AccountCharge, b: AccountCharge) =>
  a.dueOn === b.dueOn ? a.kind.localeCompare(b.kind) : a.dueOn < b.dueOn ? -1 : 1;

/** Each charge with what credits settled of it (oldest first), and what is still outstanding. */
export function settle<C extends AccountCharge>(
  charges: readonly C[],
  credits: readonly AccountCredit[],
): (C & { paidCents: number; outstandingCents: number })[] {
  let available = 0;
  for (const c of credits) available += c.amountCents;
  return [...charges].sort(byDueThenPeriod).map((charge) => {
    const paidCents = Math.min(charge.amountCents, available);
    available -= paidCents;
    return { ...charge, paidCents, outstandingCents: charge.amountCents - paidCents };
  });
}

export const AGEING_BUCKETS = ["d0_30", "d31_60", "d61_90", "d90_plus"] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];
export type Ageing = Record<AgeingBucket, number> & { overdueCents: number; notDueCents: number };

/** The bucket of a debt `days` past its due date (day 1 is the day after it fell due). */
export function bucketOf(days: number): AgeingBucket {
  if (days <= 30) return "d0_30";
  if (days <= 60) return "d31_60";
  if (days <= 90) return "d61_90";
  return "d90_plus";
}

/** What is owed on `asOf`, by how long past due; charges not yet due are counted apart. */
export function ageing(open: readonly OpenCharge[], asOf: string): Ageing {
  const result: Ageing = { d0_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0, overdueCents: 0, notDueCents: 0 };
  for (const charge of open) {
    if (charge.outstandingCents === 0) continue;
    const days = daysBetween(charge.dueOn, asOf);
    if (days <= 0) {
      result.notDueCents += charge.outstandingCents;
      continue;
    }
    result[bucketOf(days)] += charge.outstandingCents;
    result.overdueCents += charge.outstandingCents;
  }
  return result;
}

export const WARNING_KINDS = ["first_missed_payment", "partial_payment", "income_drop"] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];
export type Warning = { kind: WarningKind; since: string; detail: string };

/** Share of income lost at a recertification that raises a warning. */
export const INCOME_DROP_WARNING_PERCENT = 20;

/**
 * Early warnings on `asOf`: one month past due and wholly unpaid with nothing older (the first missed
 * payment), a charge past due and partly paid, an income fall of 20 % or more at the latest
 * recertification. At most one warning of each kind, the earliest.
 */
export function earlyWarnings(
  open: readonly OpenCharge[],
  asOf: string,
  latestRecertification: {
    effectiveOn: string;
    incomeCents: number;
    previousIncomeCents: number | null;
  } | null,
): Warning[] {
  const warnings: Warning[] = [];
  const overdue = open.filter((c) => c.outstandingCents > 0 && daysBetween(c.dueOn, asOf) > 0);
  const [oldest] = overdue;
  // The first miss: one month overdue, nothing of it paid; older or repeated arrears are for the ageing.
  if (oldest && new Set(overdue.map((c) => c.period)).size === 1 && overdue.every((c) => c.paidCents === 0)) {
    warnings.push({
      kind: "first_missed_payment",
      since: oldest.dueOn,
      detail: `${oldest.period} unpaid since ${oldest.dueOn}`,
    });
  }
  const partial = overdue.find((c) => c.paidCents > 0);
  if (partial) {
    warnings.push({
      kind: "partial_payment",
      since: partial.dueOn,
      detail: `${partial.kind} ${partial.period}: ${partial.paidCents} of ${partial.amountCents} cents paid`,
    });
  }
  const r = latestRecertification;
  if (r && r.previousIncomeCents !== null && r.previousIncomeCents > 0) {
    const dropPercent = ((r.previousIncomeCents - r.incomeCents) * 100) / r.previousIncomeCents;
    if (dropPercent >= INCOME_DROP_WARNING_PERCENT) {
      warnings.push({
        kind: "income_drop",
        since: r.effectiveOn,
        detail: `income down ${Math.round(dropPercent)} % at the recertification of ${r.effectiveOn}`,
      });
    }
  }
  return warnings;
}
