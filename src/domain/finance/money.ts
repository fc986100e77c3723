// SPDX-License-Identifier: EUPL-1.2

/**
 * A euro amount in cents from a computed value, rounded half away from zero (2.5 → 3, −2.5 → −3).
 * Every rounding of the financial plan goes through here, so a row rounds the same way everywhere.
 */
export function roundCents(value: number): number {
  // `|| 0` turns −0 (from −0.4) into 0, so no amount prints or compares as negative zero.
  return value < 0 ? -Math.round(-value) || 0 : Math.round(value);
}

/** Cents from euro as written by a person (`1234.56` → 123456), rounded half away from zero. */
export const centsFromEuro = (euro: number): number => roundCents(euro * 100);

/** Euro from cents, for display only (never for arithmetic). */
export const euroFromCents = (cents: number): number => cents / 100;

/** Months from `from` to `to`, both `YYYY-MM` (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}
