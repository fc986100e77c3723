// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/** A month of the ledger, `YYYY-MM`. */
export const Period = z
  .string({ error: "Give the month as YYYY-MM" })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "Give the month as YYYY-MM" });
export type Period = z.infer<typeof Period>;

/** Days in the month of `period` (calendar, leap years included). */
export function daysInPeriod(period: string): number {
  const [year, month] = period.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` of day `day` of `period`. */
export const dayOfPeriod = (period: string, day: number) => `${period}-${String(day).padStart(2, "0")}`;

export const firstDayOf = (period: string) => dayOfPeriod(period, 1);
export const lastDayOf = (period: string) => dayOfPeriod(period, daysInPeriod(period));

/** The month a date falls in. */
export const periodOf = (isoDate: string) => isoDate.slice(0, 7);

/** The month after (or `n` after, or before when negative). */
export function addMonths(period: string, n: number): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** `iso` plus `days`. */
export const addDays = (iso: string, days: number) =>
  new Date((dayNumber(iso) + days) * DAY_MS).toISOString().slice(0, 10);
