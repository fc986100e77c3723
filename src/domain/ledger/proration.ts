// SPDX-License-Identifier: EUPL-1.2
import { dayOfPeriod, daysBetween, daysInPeriod, firstDayOf, lastDayOf } from "./period.ts";

/** Rent and service charges fall due on this day of the month (or on the first day of the tenancy). */
export const DUE_DAY = 5;

export type ChargeableTenancy = {
  startOn: string;
  /** The last day the tenancy runs (its end, or the day it ended), included; null when open. */
  lastDay: string | null;
  rentCents: number;
  serviceChargeCents: number;
};

export type MonthCharge = {
  kind: "rent" | "service";
  amountCents: number;
  daysCharged: number;
  daysInMonth: number;
  dueOn: string;
};

/**
 * A monthly amount for `days` of a month of `daysInMonth`: the whole amount for a whole month,
 * otherwise in proportion, rounded half up to the cent.
 */
export function prorate(monthlyCents: number, days: number, daysInMonth: number): number {
  if (days >= daysInMonth) return monthlyCents;
  return Math.floor((monthlyCents * days * 2 + daysInMonth) / (daysInMonth * 2));
}

/**
 * What a tenancy is charged for `period`: rent and service charges for the days it runs in that month
 * (none for a month it does not touch; a zero amount is no charge).
 */
export function chargesForMonth(tenancy: ChargeableTenancy, period: string): MonthCharge[] {
  const first = firstDayOf(period);
  const last = lastDayOf(period);
  const from = tenancy.startOn > first ? tenancy.startOn : first;
  const to = tenancy.lastDay !== null && tenancy.lastDay < last ? tenancy.lastDay : last;
  if (from > to) return [];
  const daysInMonth = daysInPeriod(period);
  const days = daysBetween(from, to) + 1;
  const regularDue = dayOfPeriod(period, DUE_DAY);
  const dueOn = from > regularDue ? from : regularDue;
  const lines: MonthCharge[] = [];
  for (const [kind, monthly] of [
    ["rent", tenancy.rentCents],
    ["service", tenancy.serviceChargeCents],
  ] as const) {
    const amountCents = prorate(monthly, days, daysInMonth);
    if (amountCents > 0) lines.push({ kind, amountCents, daysCharged: days, daysInMonth, dueOn });
  }
  return lines;
}
