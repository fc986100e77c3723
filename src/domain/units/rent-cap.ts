// SPDX-License-Identifier: EUPL-1.2
import type { UnitCategory } from "./unit.schema.ts";

/**
 * Annual rent cap in cents per m² of billable surface. Avviso §4.2.1: canone calmierato ≤ 75 EUR/m²/year,
 * canone calmierato ridotto ≤ 55 EUR/m²/year; fragilità has no cap (co-payment set by the support plan).
 */
export const RENT_CAP_CENTS_PER_M2_YEAR: Record<UnitCategory, number | null> = {
  calmierato: 7500,
  calmierato_ridotto: 5500,
  fragilita: null,
};

/** Surface in hundredths of m², so the arithmetic stays in integers. */
const centiSquareMetres = (surfaceM2: number): number => Math.round(surfaceM2 * 100);

/** Maximum annual rent in cents, rounded down so it never exceeds the cap; null when uncapped. */
export function maxAnnualRentCents(category: UnitCategory, surfaceM2: number): number | null {
  const cap = RENT_CAP_CENTS_PER_M2_YEAR[category];
  if (cap === null) return null;
  return Math.floor((centiSquareMetres(surfaceM2) * cap) / 100);
}

/** Maximum monthly rent in cents: the annual cap over 12, rounded down. */
export function maxMonthlyRentCents(category: UnitCategory, surfaceM2: number): number | null {
  const annual = maxAnnualRentCents(category, surfaceM2);
  return annual === null ? null : Math.floor(annual / 12);
}
