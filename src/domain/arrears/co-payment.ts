// SPDX-License-Identifier: EUPL-1.2
import { addMonths, firstDayOf, lastDayOf, periodOf } from "../ledger/period.ts";

/*
 * Co-payment monitoring (monitoraggio delle compartecipazioni, seed 000 §4.2.1): for a fragilità
 * household, what it was asked over the last months and what it paid, and the share paid.
 */

/** Months the monitoring looks back over, the current one included. */
export const CO_PAYMENT_MONTHS = 6;

/** The months ending with the month of `asOf`: the first and last day. */
export function coPaymentWindow(asOf: string, months = CO_PAYMENT_MONTHS) {
  const last = periodOf(asOf);
  const first = addMonths(last, -(months - 1));
  return { fromOn: firstDayOf(first), toOn: lastDayOf(last), fromPeriod: first, toPeriod: last };
}

export type CoPaymentFigures = {
  chargedCents: number;
  paidCents: number;
  /** paid ÷ charged, rounded to 4 decimals; above 1 when old debt is being paid; null when nothing charged. */
  sharePaid: number | null;
};

/** What was charged (due in the window) and paid (paid in the window) of one tenancy. */
export function coPaymentFigures(
  window: { fromOn: string; toOn: string },
  charges: readonly { dueOn: string; amountCents: number }[],
  payments: readonly { on: string; amountCents: number }[],
): CoPaymentFigures {
  const within = (day: string) => day >= window.fromOn && day <= window.toOn;
  const chargedCents = charges.filter((c) => within(c.dueOn)).reduce((s, c) => s + c.amountCents, 0);
  const paidCents = payments.filter((p) => within(p.on)).reduce((s, p) => s + p.amountCents, 0);
  return {
    chargedCents,
    paidCents,
    sharePaid: chargedCents === 0 ? null : Math.round((paidCents / chargedCents) * 10_000) / 10_000,
  };
}
