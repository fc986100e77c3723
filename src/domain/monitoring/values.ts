// SPDX-License-Identifier: EUPL-1.2
import type { Direction, IndicatorDefinition, TargetKind } from "./catalogue.ts";

/** What an indicator's query returns for one cell (the whole, or one value of a disaggregation). */
export interface Aggregate {
  /** Sum of the numerator (count, ratio), or the number of observations (median, mean). */
  numerator: number;
  /** Sum of the denominator (ratio), or the number of observations (median, mean); 0 for counts. */
  denominator: number;
  /** The median or the mean of the observations; null when there are none. */
  statistic: number | null;
}

export interface IndicatorValue {
  numerator: number;
  denominator: number;
  /** The value in the indicator's unit; null when not computable. */
  value: number | null;
  /** Why the value is not computable: a denominator of zero, or no observation. Null when it is. */
  notComputable: "zero_denominator" | "no_observations" | null;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The value of an indicator from its aggregate. A ratio with a denominator of zero is not
 * computable: it is never shown as 0 %. Percentages and averages keep two decimals; euro figures
 * from cents are in euro with two decimals.
 */
export function indicatorValue(
  definition: Pick<IndicatorDefinition, "kind" | "unit">,
  a: Aggregate,
): IndicatorValue {
  const base = { numerator: a.numerator, denominator: a.denominator };
  switch (definition.kind) {
    case "count":
      return {
        ...base,
        value: definition.unit === "eur" ? round(a.numerator / 100, 2) : a.numerator,
        notComputable: null,
      };
    case "ratio": {
      if (a.denominator === 0) return { ...base, value: null, notComputable: "zero_denominator" };
      const ratio = a.numerator / a.denominator;
      const value =
        definition.unit === "percent" ? ratio * 100 : definition.unit === "eur_per_m2" ? ratio / 100 : ratio;
      return { ...base, value: round(value, 2), notComputable: null };
    }
    case "median":
    case "mean":
      return a.statistic === null || a.denominator === 0
        ? { ...base, value: null, notComputable: "no_observations" }
        : { ...base, value: round(a.statistic, 2), notComputable: null };
  }
}

export interface Target {
  kind: TargetKind;
  value: number;
  dueOn: string;
}

/** How a value stands against the next target due: met, or not yet. */
export type Standing = "met" | "not_met" | "no_target" | "not_computable";

/** The target that applies at `date`: the first intermediate or final target due on or after it, else the last. */
export function targetAt(targets: readonly Target[], date: string): Target | null {
  const ordered = targets.filter((t) => t.kind !== "baseline").sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return ordered.find((t) => t.dueOn >= date) ?? ordered.at(-1) ?? null;
}

/** Whether `value` meets `target` in the indicator's direction ("target": within 2 points). */
export function standingOf(direction: Direction, value: number | null, target: Target | null): Standing {
  if (value === null) return "not_computable";
  if (target === null) return "no_target";
  const met =
    direction === "higher"
      ? value >= target.value
      : direction === "lower"
        ? value <= target.value
        : Math.abs(value - target.value) <= 2;
  return met ? "met" : "not_met";
}
