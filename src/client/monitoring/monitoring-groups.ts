// SPDX-License-Identifier: EUPL-1.2

/**
 * The dashboard's groups of indicators, in the order the Cabina di Regia reads them; the reports
 * (src/server/monitoring/report-data.ts) group them the same way. A code the catalogue gains later
 * and no group names is shown under "other" rather than lost.
 */
export const INDICATOR_GROUPS = [
  {
    key: "reach",
    codes: [
      "people_reached",
      "households_reached",
      "households_housed",
      "time_to_housing_days",
      "waiting_time_days",
    ],
  },
  {
    key: "homes",
    codes: [
      "occupancy_rate",
      "vacancy_days",
      "vacancy_rent_lost",
      "units_renovated",
      "renovation_cost_per_m2",
    ],
  },
  { key: "rent", codes: ["collection_rate", "arrears_rate", "tenancies_sustained_12m"] },
  {
    key: "support",
    codes: [
      "exits_to_autonomy",
      "returns_6m",
      "returns_12m",
      "returns_24m",
      "plan_reviews_on_time",
      "autonomy_progress",
      "households_improved",
    ],
  },
  { key: "mix", codes: ["mix_calmierato", "mix_calmierato_ridotto", "mix_fragilita", "co_financing_a_met"] },
] as const;

export type GroupKey = (typeof INDICATOR_GROUPS)[number]["key"] | "other";

/** The items grouped by the dashboard's groups, each group in its codes' order; empty groups left out. */
export function groupIndicators<T extends { code: string }>(
  items: readonly T[],
): { key: GroupKey; items: T[] }[] {
  const named = new Set<string>(INDICATOR_GROUPS.flatMap((g) => g.codes));
  const groups: { key: GroupKey; items: T[] }[] = INDICATOR_GROUPS.map((g) => ({
    key: g.key,
    items: g.codes.flatMap((code) => items.filter((i) => i.code === code)),
  }));
  groups.push({ key: "other", items: items.filter((i) => !named.has(i.code)) });
  return groups.filter((g) => g.items.length > 0);
}
