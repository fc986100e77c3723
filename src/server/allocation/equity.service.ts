// SPDX-License-Identifier: EUPL-1.2
import { isEligible, type PairContext } from "../../domain/eligibility/eligibility.ts";
import type { EquityReport } from "../../domain/equity/equity.schema.ts";
import {
  EQUITY_STOCK_STATUSES,
  type EquityHousehold,
  equityProfileOf,
  equityReport,
  equityStagesOf,
  SMALL_COUNT_MAX,
} from "../../domain/equity/equity-report.ts";
import type { HouseholdStatus } from "../../domain/households/household-status.ts";
import type { Db } from "../db/client.ts";
import { romeDate } from "../households/households.service.ts";
import { listEquityPopulationRows, listOfferCountRows } from "./equity.repository.ts";
import { listOfferableUnitRows } from "./rules.repository.ts";
import { activeRules, eligibilityHousehold, eligibilityUnit } from "./rules.service.ts";

/**
 * The allocation equity report as of today (Rome): the households that reached the waiting list, by
 * sex, age band and citizenship of the head, disability and household type, at each stage — eligible
 * under the rules in force, offered, accepted, housed — with small counts withheld. Definitions:
 * `domain/equity/equity-report.ts`.
 */
export async function getEquityReport(options: { db: Db; now: Date }): Promise<EquityReport> {
  const { db, now } = options;
  const today = romeDate(now);
  const active = await activeRules(db);
  const rows = await listEquityPopulationRows(db);
  const unitRows = await listOfferableUnitRows(db, EQUITY_STOCK_STATUSES);
  const offers = new Map((await listOfferCountRows(db)).map((r) => [r.householdId, r]));
  const units = unitRows.map(eligibilityUnit);
  // No refusals, holds or set rents (see the definitions): a household that refused a unit had an offer,
  // so is eligible anyway; a hold does not change who qualifies; rents are judged at the category's cap.
  const context: PairContext = { today, refusedUnitIds: [], holds: [], rentCentsPerMonth: null };
  const households = rows.map((row): EquityHousehold => {
    const facts = {
      offers: offers.get(row.id)?.offers ?? 0,
      acceptedOffers: offers.get(row.id)?.accepted ?? 0,
      status: row.status as HouseholdStatus,
    };
    let stages = equityStagesOf({ ...facts, eligibleForAUnit: false });
    // Only a household not eligible by its offers or housing needs the pairs tried, up to its first unit.
    if (!stages.eligible) {
      const household = eligibilityHousehold(row);
      const eligibleForAUnit = units.some((unit) => isEligible(active.rules, household, unit, context));
      stages = equityStagesOf({ ...facts, eligibleForAUnit });
    }
    return { ...equityProfileOf(row), ...stages };
  });
  return {
    asOf: today,
    rulesVersion: active.version,
    units: units.length,
    smallCountMax: SMALL_COUNT_MAX,
    ...equityReport(households, today),
  };
}
