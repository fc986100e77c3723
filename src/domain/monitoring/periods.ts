// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/** Reporting periods: a month, a quarter or a calendar year. */
export const GRANULARITIES = ["month", "quarter", "year"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export interface PeriodBounds {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A period key: `2026-03` (month), `2026-Q1` (quarter) or `2026` (year). Parsed into its granularity
 * and its first and last day.
 */
export const PeriodKey = z
  .string({ error: "period must be YYYY-MM, YYYY-Qn or YYYY" })
  .trim()
  .transform((key, ctx) => {
    const parsed = parsePeriodKey(key);
    if (parsed === null) {
      ctx.addIssue({ code: "custom", message: "period must be YYYY-MM, YYYY-Qn or YYYY" });
      return z.NEVER;
    }
    return parsed;
  });

export interface Period extends PeriodBounds {
  key: string;
  granularity: Granularity;
}

export function parsePeriodKey(key: string): Period | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return {
      key,
      granularity: "month",
      from: `${m[1]}-${m[2]}-01`,
      to: `${m[1]}-${m[2]}-${pad(lastDayOf(year, month))}`,
    };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const first = (Number(m[2]) - 1) * 3 + 1;
    const last = first + 2;
    return {
      key,
      granularity: "quarter",
      from: `${m[1]}-${pad(first)}-01`,
      to: `${m[1]}-${pad(last)}-${pad(lastDayOf(year, last))}`,
    };
  }
  m = /^(\d{4})$/.exec(key);
  if (m) return { key, granularity: "year", from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  return null;
}

/** The key of the period of `granularity` that holds `date` (YYYY-MM-DD). */
export function periodKeyOf(granularity: Granularity, date: string): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (granularity === "year") return year;
  if (granularity === "quarter") return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${pad(month)}`;
}

/** The key of a stored period (granularity and first day). */
export function keyOfStored(granularity: Granularity, startsOn: string): string {
  return periodKeyOf(granularity, startsOn);
}

/** The `count` periods of `granularity` ending with the one that holds `date`, oldest first. */
export function periodsEndingAt(granularity: Granularity, date: string, count: number): Period[] {
  const out: Period[] = [];
  let cursor = date;
  for (let i = 0; i < count; i++) {
    const period = parsePeriodKey(periodKeyOf(granularity, cursor)) as Period;
    out.unshift(period);
    const d = new Date(`${period.from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    cursor = d.toISOString().slice(0, 10);
  }
  return out;
}

/** Whether the period has ended by `today` (only a period that has ended can be closed). */
export const hasEnded = (period: PeriodBounds, today: string) => period.to < today;

/**
 * The days of a period the figures can count by `today`: a period not yet over is counted to date,
 * so that no future day counts as vacant or as waiting.
 */
export function toDate<P extends PeriodBounds>(period: P, today: string): P {
  return period.to > today ? { ...period, to: today } : period;
}
