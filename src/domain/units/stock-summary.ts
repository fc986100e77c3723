// SPDX-License-Identifier: EUPL-1.2
import { UNIT_CATEGORIES, type UnitCategory } from "./unit.schema.ts";

/** Indicative unit mix per category, Avviso §3: 39 % calmierato, 26 % calmierato ridotto, 35 % fragilità. */
export const CATEGORY_TARGET_SHARE: Record<UnitCategory, number> = {
  calmierato: 0.39,
  calmierato_ridotto: 0.26,
  fragilita: 0.35,
};

/** Units lent by the Comune at the start: 339 in Milano + 6 confiscated + 143 in the hinterland. */
export const BASELINE_UNITS = 488;
/** The stock may grow by at most 50 % during the convention (732 units). */
export const MAX_GROWTH_SHARE = 0.5;

export type CategoryMixRow = {
  category: UnitCategory;
  count: number;
  /** Share of all units, 0–1. */
  share: number;
  targetShare: number;
  /** Units the target share means for this total (largest-remainder rounding, so rows add up). */
  targetCount: number;
  /** Share minus target share, in percentage points. */
  deviationPoints: number;
  /** Count minus target count. */
  deviationUnits: number;
};

/** Split `total` by shares into whole numbers that add up to `total` (largest remainder). */
export function apportion<K extends string>(total: number, shares: Record<K, number>, keys: readonly K[]) {
  const exact = keys.map((k) => ({ k, v: total * shares[k] }));
  const result = Object.fromEntries(exact.map(({ k, v }) => [k, Math.floor(v)])) as Record<K, number>;
  let left = total - keys.reduce((sum, k) => sum + result[k], 0);
  const byRemainder = [...exact].sort((a, b) => b.v - Math.floor(b.v) - (a.v - Math.floor(a.v)));
  for (const { k } of byRemainder) {
    if (left <= 0) break;
    result[k] += 1;
    left -= 1;
  }
  return result;
}

export function categoryMix(counts: Record<UnitCategory, number>): CategoryMixRow[] {
  const total = UNIT_CATEGORIES.reduce((sum, c) => sum + counts[c], 0);
  const targets = apportion(total, CATEGORY_TARGET_SHARE, UNIT_CATEGORIES);
  return UNIT_CATEGORIES.map((category) => {
    const count = counts[category];
    const share = total === 0 ? 0 : count / total;
    const targetShare = CATEGORY_TARGET_SHARE[category];
    return {
      category,
      count,
      share,
      targetShare,
      targetCount: targets[category],
      deviationPoints: Math.round((share - targetShare) * 10000) / 100,
      deviationUnits: count - targets[category],
    };
  });
}

export type StockGrowth = {
  baseline: number;
  current: number;
  growth: number;
  /** Growth over the baseline, 0–1 (negative when the stock shrank). */
  growthShare: number;
  ceiling: number;
  headroom: number;
  exceeded: boolean;
};

export function stockGrowth(current: number, baseline = BASELINE_UNITS): StockGrowth {
  const ceiling = Math.floor(baseline * (1 + MAX_GROWTH_SHARE));
  return {
    baseline,
    current,
    growth: current - baseline,
    growthShare: baseline === 0 ? 0 : (current - baseline) / baseline,
    ceiling,
    headroom: ceiling - current,
    exceeded: current > ceiling,
  };
}
