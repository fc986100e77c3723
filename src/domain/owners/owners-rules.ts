// SPDX-License-Identifier: EUPL-1.2
import { maxMonthlyRentCents } from "../units/rent-cap.ts";
import type { UnitCategory } from "../units/unit.schema.ts";
import type { OfferStatus } from "./owners.ts";

/*
 * The rules of the private owners' line as pure functions of what is stored: how an offered home moves
 * from offered to accepted, declined or withdrawn; how much and how long a guarantee may cover; how the
 * rent an owner asks compares with the cap of the category the home would be let in.
 */

/**
 * Where an offer may go from each status: an offer is reviewed before it is accepted; it may be
 * declined or withdrawn until then; accepted, declined and withdrawn are final.
 */
export const OFFER_TRANSITIONS: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
  offered: ["under_review", "declined", "withdrawn"],
  under_review: ["accepted", "declined", "withdrawn"],
  accepted: [],
  declined: [],
  withdrawn: [],
};

export const nextOfferStatuses = (from: OfferStatus): readonly OfferStatus[] => OFFER_TRANSITIONS[from];

/** Why an offer cannot move from `from` to `to`; null when it can. */
export function offerTransitionProblem(from: OfferStatus, to: OfferStatus): string | null {
  if (OFFER_TRANSITIONS[from].includes(to)) return null;
  if (OFFER_TRANSITIONS[from].length === 0) return `The offer is ${from}: that is final`;
  if (to === "accepted") return "An offer is reviewed (under_review) before it is accepted";
  return `An offer ${from} cannot become ${to}`;
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

/**
 * The calendar months a guarantee from `from` to `to` (inclusive) runs: the fewest months counted from
 * `from` (a month from the 15th ends on the 14th of the next) that reach past `to`; a part of a month
 * counts as one. 2026-12-01..2027-11-30 is 12 months; 2026-12-01..2027-12-01 is 13.
 */
export function monthsCovered(from: string, to: string): number {
  if (to < from) return 0;
  let months = 1;
  while (addMonths(from, months) <= to) months++;
  return months;
}

export type Scheme = { maxCoverCents: number; maxMonths: number; active: boolean };
export type Uptake = { from: string; to: string; coverCents: number };
/** A broken rule of an uptake: the field it names, and whether it is a conflict with stored state. */
export type UptakeProblem = { path: string; code: "CONFLICT" | "UNPROCESSABLE"; message: string };

/**
 * What stops a guarantee of `scheme` being granted on an offer in `offerStatus`: only an accepted home
 * (in the stock) is guaranteed; the scheme must be active; the cover cannot pass the scheme's most, nor
 * the months its longest.
 */
export function uptakeProblems(scheme: Scheme, offerStatus: OfferStatus, uptake: Uptake): UptakeProblem[] {
  const problems: UptakeProblem[] = [];
  if (offerStatus !== "accepted")
    problems.push({
      path: "status",
      code: "CONFLICT",
      message: `The offer is ${offerStatus}: a guarantee is granted only on an accepted home`,
    });
  if (!scheme.active)
    problems.push({ path: "schemeId", code: "UNPROCESSABLE", message: "The scheme is no longer offered" });
  if (uptake.coverCents > scheme.maxCoverCents)
    problems.push({
      path: "coverCents",
      code: "UNPROCESSABLE",
      message: `coverCents ${uptake.coverCents} is more than the scheme's most, ${scheme.maxCoverCents}`,
    });
  const months = monthsCovered(uptake.from, uptake.to);
  if (months > scheme.maxMonths)
    problems.push({
      path: "to",
      code: "UNPROCESSABLE",
      message: `The guarantee runs ${months} months: the scheme covers at most ${scheme.maxMonths}`,
    });
  return problems;
}

export type RentAgainstCap = {
  category: UnitCategory;
  /** The most a month's rent may be in the category for the home's surface; null when uncapped. */
  maxMonthlyRentCents: number | null;
  /** The rent asked less the cap: above it when positive; null when uncapped. */
  overCapCents: number | null;
};

/** The rent an owner asks against the monthly cap of `category` for the home's surface (a figure). */
export function askedRentAgainstCap(
  askedRentCents: number,
  category: UnitCategory,
  surfaceM2: number,
): RentAgainstCap {
  const cap = maxMonthlyRentCents(category, surfaceM2);
  return { category, maxMonthlyRentCents: cap, overCapCents: cap === null ? null : askedRentCents - cap };
}
