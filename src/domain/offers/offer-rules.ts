// SPDX-License-Identifier: EUPL-1.2
import { DEFAULT_OFFER_RULES, type OfferRules } from "../eligibility/rules.schema.ts";
import type { DeclinedBy, OfferStatus } from "./offer.schema.ts";

/*
 * The rules of offers are part of each allocation rules version (`RulesVersion.offers`): changing them
 * is a new version, never a change of code.
 */
export { DEFAULT_OFFER_RULES, type OfferRules };

/** A past refusal of the household, oldest first. */
export type Refusal = { declinedBy: DeclinedBy; reasonable: boolean; on: string };

/**
 * Where a household stands after its refusals. "Place lost" means concretely: the household is back
 * to waiting, but the next allocation run counts its waiting time from `placeLostOn` (the day of the
 * refusal that lost it), as if it had joined the list that day; its priority points are untouched.
 * After a loss the count of reasonable refusals starts again from zero.
 */
export type Standing = {
  /** Reasonable household refusals since the last loss of place (or ever). */
  reasonableRefusals: number;
  /** The day of the last refusal that lost the place; null when never lost. */
  placeLostOn: string | null;
};

/** The due date of an offer made on `today` (YYYY-MM-DD) with no date given. */
export function defaultDueOn(today: string, rules: OfferRules = DEFAULT_OFFER_RULES): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + rules.dueDays);
  return date.toISOString().slice(0, 10);
}

/** Whether one more refusal, after `standing`, keeps the household's place. */
export function refusalKeepsPlace(
  standing: Standing,
  refusal: Omit<Refusal, "on">,
  rules: OfferRules = DEFAULT_OFFER_RULES,
): boolean {
  if (refusal.declinedBy === "provider") return true;
  if (!refusal.reasonable) return false;
  return standing.reasonableRefusals + 1 <= rules.reasonableRefusalsKept;
}

/** The household's standing after its refusals, oldest first. */
export function standingAfter(
  refusals: readonly Refusal[],
  rules: OfferRules = DEFAULT_OFFER_RULES,
): Standing {
  let standing: Standing = { reasonableRefusals: 0, placeLostOn: null };
  for (const refusal of refusals) {
    if (refusal.declinedBy === "provider") continue;
    standing = refusalKeepsPlace(standing, refusal, rules)
      ? { reasonableRefusals: standing.reasonableRefusals + 1, placeLostOn: standing.placeLostOn }
      : { reasonableRefusals: 0, placeLostOn: refusal.on };
  }
  return standing;
}

/** Only a pending offer is visited, confirmed, answered or withdrawn. */
export const isOpen = (status: OfferStatus) => status === "pending";
