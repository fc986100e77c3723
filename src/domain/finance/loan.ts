// SPDX-License-Identifier: EUPL-1.2
import { roundCents } from "./money.ts";

/**
 * Piano di ammortamento. `french`: constant instalment (rata costante); `italian`: constant principal
 * (quota capitale costante), so the instalment falls as the interest does.
 */
export type AmortisationMethod = "french" | "italian";
export const AMORTISATION_METHODS = ["french", "italian"] as const;

/**
 * How the annual rate becomes the rate of one period. `nominal`: annual ÷ periods per year (TAN);
 * `effective`: (1 + annual)^(1/periods) − 1, so that compounding over a year gives the annual rate (TAE).
 */
export type RateConvention = "nominal" | "effective";
export const RATE_CONVENTIONS = ["nominal", "effective"] as const;

/** Instalments a year: 12 (monthly, what the financial plan uses) or 1 (annual). */
export type PeriodsPerYear = 12 | 1;

/** A loan (mutuo / finanziamento) as the bank offers it. */
export type LoanTerms = {
  principalCents: number;
  /** Annual rate as a decimal: 0.05 is 5 %. */
  annualRate: number;
  /** The whole life of the loan, grace included ("20 years, of which 2 of pre-amortisation"). */
  years: number;
  method: AmortisationMethod;
  /**
   * Pre-amortisation (preammortamento) in months at the start of the life: interest only. With annual
   * instalments it must be a whole number of years (a multiple of 12).
   */
  graceMonths?: number;
  convention?: RateConvention;
  periodsPerYear?: PeriodsPerYear;
};

/** One instalment; `balanceCents` is what is still owed after it. Instalment = interest + principal. */
export type ScheduleRow = {
  /** 1 for the first instalment. */
  period: number;
  grace: boolean;
  instalmentCents: number;
  interestCents: number;
  principalCents: number;
  balanceCents: number;
};

/** The rate of one period under `convention`. */
export function periodicRate(
  annualRate: number,
  convention: RateConvention,
  periodsPerYear: PeriodsPerYear,
): number {
  switch (convention) {
    case "nominal":
      return annualRate / periodsPerYear;
    case "effective":
      return (1 + annualRate) ** (1 / periodsPerYear) - 1;
  }
}

/**
 * The constant instalment that repays `principal` in `periods` at `rate` a period (the spreadsheet's
 * PMT, as a positive amount, not rounded): P·r / (1 − (1 + r)^−n); P / n at a zero rate.
 */
export function frenchInstalment(principal: number, rate: number, periods: number): number {
  if (rate === 0) return principal / periods;
  // 1 − (1 + r)^−n through expm1/log1p: exact to the last digit even for a rate near zero.
  return (principal * rate) / -Math.expm1(-periods * Math.log1p(rate));
}

/** Periods of the life of the loan and, of those, of grace; throws on terms no schema lets through. */
export function loanPeriods(terms: LoanTerms): { periods: number; gracePeriods: number } {
  const perYear = terms.periodsPerYear ?? 12;
  const periods = terms.years * perYear;
  const gracePeriods = ((terms.graceMonths ?? 0) * perYear) / 12;
  if (!Number.isInteger(periods) || periods < 1) throw new RangeError("A loan needs whole periods ≥ 1");
  if (!Number.isInteger(gracePeriods) || gracePeriods < 0 || gracePeriods >= periods)
    throw new RangeError("The grace must be whole periods, shorter than the loan");
  return { periods, gracePeriods };
}

/**
 * The amortisation schedule in whole cents. Each row's interest is the balance × the periodic rate and
 * each instalment (French) or principal share (Italian) is rounded half away from zero; the last row
 * repays whatever is left, so the principal repaid adds up to the loan exactly and the final balance is 0.
 */
export function amortisationSchedule(terms: LoanTerms): ScheduleRow[] {
  const { periods, gracePeriods } = loanPeriods(terms);
  const rate = periodicRate(terms.annualRate, terms.convention ?? "nominal", terms.periodsPerYear ?? 12);
  const amortising = periods - gracePeriods;
  const principal = terms.principalCents;
  const constant =
    terms.method === "french"
      ? roundCents(frenchInstalment(principal, rate, amortising))
      : roundCents(principal / amortising);
  const rows: ScheduleRow[] = [];
  let balance = principal;
  for (let period = 1; period <= periods; period++) {
    const interestCents = roundCents(balance * rate);
    const grace = period <= gracePeriods;
    let principalCents = 0;
    if (!grace) {
      const share = terms.method === "french" ? constant - interestCents : constant;
      // The last row takes the rest; before it, never more than is owed nor less than nothing.
      principalCents = period === periods ? balance : Math.min(balance, Math.max(0, share));
    }
    balance -= principalCents;
    rows.push({
      period,
      grace,
      instalmentCents: interestCents + principalCents,
      interestCents,
      principalCents,
      balanceCents: balance,
    });
  }
  return rows;
}
