// SPDX-License-Identifier: EUPL-1.2
import { evaluatePair, type PairCheck, type PriorityScore, unitFit } from "../eligibility/eligibility.ts";
import { effectiveBound, WEIGHT_SCALE } from "./assignment.ts";
import { type RunOutcome, type RunSnapshot, runPairContext } from "./run-snapshot.ts";

/** Why a household × unit pair was, or was not, an offer of the run. */
export type PairOutcome =
  | { kind: "matched" }
  | { kind: "run_infeasible" }
  | { kind: "not_eligible"; failed: PairCheck["rule"][] }
  | {
      kind: "unit_taken";
      /** Reference of the household the unit went to, and that pair's weight. */
      to: string;
      toWeight: number;
      /** The unit this household got instead, if any. */
      instead: { unitCode: string; weight: number } | null;
    }
  | { kind: "household_placed"; instead: { unitCode: string; weight: number } }
  | { kind: "bound_binding"; bound: { kind: "category" | "targetGroup"; name: string } }
  | { kind: "unexplained" };

/** The explanation of one household × unit pair of a run (spiegazione). */
export type PairExplanation = {
  eligible: boolean;
  checks: PairCheck[];
  priority: PriorityScore;
  /** Size fit in (0, 1]. */
  fit: number;
  /** priority × fit; null when the pair is not eligible. */
  weight: number | null;
  /** Position (1 = highest weight) among the households eligible for the unit; null when not eligible. */
  rank: number | null;
  /** Households eligible for the unit. */
  rankOf: number;
  /**
   * Unit price + household price + category price + target-group price − weight, in the original units:
   * ≥ 0 for every pair at the optimum, 0 for the offers. Null when not eligible or the run is infeasible.
   */
  reducedCost: number | null;
  outcome: PairOutcome;
  /** The outcome in one English sentence. */
  text: string;
};

const num = (value: number) => Number(value.toFixed(4)).toString();

/** The sentence of an outcome. */
export function outcomeText(outcome: PairOutcome, weight: number | null): string {
  switch (outcome.kind) {
    case "matched":
      return "matched";
    case "run_infeasible":
      return "not matched: the run's bounds could not be met, so no offers were made";
    case "not_eligible":
      return `not eligible: ${outcome.failed.join(", ")}`;
    case "unit_taken": {
      const w = weight ?? 0;
      if (outcome.toWeight >= w || outcome.instead === null) {
        return `unit went to ${outcome.to} (weight ${num(outcome.toWeight)} ≥ ${num(w)})`;
      }
      return (
        `unit went to ${outcome.to} (weight ${num(outcome.toWeight)} < ${num(w)}): this household got ` +
        `${outcome.instead.unitCode} instead (weight ${num(outcome.instead.weight)}), which the joint optimum prefers`
      );
    }
    case "household_placed":
      return `the household got ${outcome.instead.unitCode} instead (weight ${num(outcome.instead.weight)} ≥ ${num(weight ?? 0)})`;
    case "bound_binding":
      return `${outcome.bound.kind === "category" ? "category" : "target-group"} bound ${outcome.bound.name} binding`;
    case "unexplained":
      return "not matched";
  }
}

/**
 * Explain the pair of the snapshot's `householdIndex` and `unitIndex` against the run's outcome: every
 * rule, the priority components, the household's rank for the unit by weight, and why it is not an
 * offer — a failed rule, the household that took the unit (or the unit this one got), or the bound
 * whose dual price is positive when both sides were left free.
 */
export function explainPair(
  snapshot: RunSnapshot,
  outcome: RunOutcome,
  householdIndex: number,
  unitIndex: number,
): PairExplanation {
  const household = snapshot.households[householdIndex];
  const unit = snapshot.units[unitIndex];
  if (household === undefined || unit === undefined)
    throw new RangeError("No such household or unit in the run");
  const evaluation = evaluatePair(snapshot.rules, household, unit, runPairContext(snapshot, household, unit));
  const fit = unitFit(snapshot.rules, household, unit);

  const forUnit = snapshot.pairs.filter((p) => p[0] === unitIndex).sort((a, b) => b[2] - a[2] || a[1] - b[1]);
  const position = forUnit.findIndex((p) => p[1] === householdIndex);
  const weight = position < 0 ? null : (forUnit[position] as [number, number, number])[2];

  const unitOffer = outcome.assignments.find((a) => a.unitId === unit.id) ?? null;
  const householdOffer = outcome.assignments.find((a) => a.householdId === household.id) ?? null;

  let reducedCost: number | null = null;
  if (weight !== null && outcome.dual !== null) {
    const d = outcome.dual;
    const sum =
      (d.unit[unitIndex] ?? 0) +
      (d.household[householdIndex] ?? 0) +
      (d.category[unit.category] ?? 0) +
      (d.targetGroup[household.targetGroup] ?? 0) +
      (d.partner?.[unit.managingPartnerCode ?? ""] ?? 0);
    reducedCost = (sum - Math.round(weight * WEIGHT_SCALE)) / WEIGHT_SCALE;
  }

  const result = (o: PairOutcome): PairExplanation => ({
    eligible: evaluation.eligible,
    checks: evaluation.checks,
    priority: household.score,
    fit,
    weight,
    rank: position < 0 ? null : position + 1,
    rankOf: forUnit.length,
    reducedCost,
    outcome: o,
    text: outcomeText(o, weight),
  });

  if (unitOffer !== null && unitOffer.householdId === household.id) return result({ kind: "matched" });
  if (!evaluation.eligible || weight === null) {
    return result({
      kind: "not_eligible",
      failed: evaluation.checks.filter((c) => !c.passed).map((c) => c.rule),
    });
  }
  if (outcome.status === "infeasible") return result({ kind: "run_infeasible" });
  const instead =
    householdOffer === null ? null : { unitCode: householdOffer.unitCode, weight: householdOffer.weight };
  if (unitOffer !== null) {
    return result({
      kind: "unit_taken",
      to: unitOffer.householdReference,
      toWeight: unitOffer.weight,
      instead,
    });
  }
  if (instead !== null) return result({ kind: "household_placed", instead });
  // Both free and eligible: only a bound at its max can keep them apart; its dual price says which.
  const binding = bindingBound(snapshot, outcome, unit.category, household.targetGroup);
  return result(binding === null ? { kind: "unexplained" } : { kind: "bound_binding", bound: binding });
}

function bindingBound(
  snapshot: RunSnapshot,
  outcome: RunOutcome,
  category: string,
  targetGroup: string,
): { kind: "category" | "targetGroup"; name: string } | null {
  const categoryBound =
    snapshot.bounds.category?.[category as keyof NonNullable<typeof snapshot.bounds.category>];
  const groupBound =
    snapshot.bounds.targetGroup?.[targetGroup as keyof NonNullable<typeof snapshot.bounds.targetGroup>];
  const categorySize = snapshot.units.filter((u) => u.category === category).length;
  const groupSize = snapshot.households.filter((h) => h.targetGroup === targetGroup).length;
  const categoryFull =
    (outcome.counts.category as Record<string, number>)[category] ===
    effectiveBound(categoryBound, categorySize).max;
  const groupFull =
    groupBound !== undefined &&
    (outcome.counts.targetGroup as Record<string, number>)[targetGroup] ===
      effectiveBound(groupBound, groupSize).max;
  const categoryPrice = outcome.dual?.category[category] ?? 0;
  const groupPrice = outcome.dual?.targetGroup[targetGroup] ?? 0;
  if (categoryBound !== undefined && categoryFull && (categoryPrice > 0 || !groupFull || groupPrice <= 0)) {
    return { kind: "category", name: category };
  }
  if (groupFull) return { kind: "targetGroup", name: targetGroup };
  return null;
}
