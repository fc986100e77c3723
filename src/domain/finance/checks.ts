// SPDX-License-Identifier: EUPL-1.2
import { monthsBetween } from "./money.ts";
import type { PlanResult } from "./plan.ts";
import type { Scenario } from "./scenario.schema.ts";

/**
 * The programme's financial rules (Avviso, A.2 and the co-financing clauses), as checks on plain
 * figures: they run on a plan's forecast (`planChecks` below) and, later, on actual figures.
 * Every comparison is done in whole cents and whole units, so an edge (exactly 40 %, exactly 2 %) passes.
 */

/** Grant (fondo perduto) ceiling: 3,000,000 EUR. */
export const GRANT_CAP_CENTS = 300_000_000;
/** Debt may be at most 40 % of total financing (grant + equity + fundraising + calls + loans). */
export const DEBT_SHARE_CAP = 0.4;
/** Area A co-financing: at least 2 % of the total renovation investment, VAT excluded… */
export const AREA_A_CO_FINANCING_SHARE = 0.02;
/** …contributed within the first 5 years from the start. */
export const AREA_A_CO_FINANCING_YEARS = 5;
/** Area B co-financing: at least 5 % of the operating margin of each of the first 5 years. */
export const AREA_B_CO_FINANCING_SHARE = 0.05;
export const AREA_B_CO_FINANCING_YEARS = 5;
/** The stock may grow by up to 50 % of the base stock (488 units at the start → 732). */
export const STOCK_GROWTH_CAP = 0.5;
/** The base stock: 339 municipal flats in Milan + 6 confiscated + 143 in hinterland towns. */
export const BASE_STOCK_UNITS = 488;

export type CheckId = "grant" | "debt_share" | "area_a_co_financing" | "area_b_co_financing" | "stock";

/** The outcome of one rule, with the figures it was judged on (cents, units or shares). */
export type ProgrammeCheck = {
  id: CheckId;
  passed: boolean;
  /** The rule in words, e.g. "grant ≤ 3,000,000 EUR". */
  rule: string;
  figures: Record<string, number | null>;
  /** Area B only: the judgement of each of the first 5 years. */
  years?: AreaBYearCheck[];
};

/** Grant ≤ 3 M EUR. */
export function checkGrant(input: { grantCents: number }): ProgrammeCheck {
  return {
    id: "grant",
    passed: input.grantCents <= GRANT_CAP_CENTS,
    rule: "grant ≤ 3,000,000 EUR",
    figures: { grantCents: input.grantCents, capCents: GRANT_CAP_CENTS },
  };
}

/** Debt ≤ 40 % of total financing; `totalFinancingCents` includes the debt itself. */
export function checkDebtShare(input: { debtCents: number; totalFinancingCents: number }): ProgrammeCheck {
  const { debtCents, totalFinancingCents } = input;
  return {
    id: "debt_share",
    // debt / total ≤ 2/5, in integers
    passed: debtCents * 5 <= totalFinancingCents * 2,
    rule: "debt ≤ 40 % of total financing",
    figures: {
      debtCents,
      totalFinancingCents,
      share: totalFinancingCents === 0 ? null : debtCents / totalFinancingCents,
      cap: DEBT_SHARE_CAP,
      maxDebtCents: Math.floor((totalFinancingCents * 2) / 5),
    },
  };
}

/**
 * Area A co-financing ≥ 2 % of the total renovation investment (VAT excluded), contributed within 5
 * years from the start: `contributedCents` counts only what came in during those years.
 */
export function checkAreaACoFinancing(input: {
  contributedCents: number;
  renovationInvestmentExVatCents: number;
}): ProgrammeCheck {
  const { contributedCents, renovationInvestmentExVatCents } = input;
  return {
    id: "area_a_co_financing",
    // contributed / investment ≥ 1/50, in integers
    passed: contributedCents * 50 >= renovationInvestmentExVatCents,
    rule: "Area A co-financing ≥ 2 % of renovation investment ex VAT, within 5 years",
    figures: {
      contributedCents,
      renovationInvestmentExVatCents,
      requiredCents: Math.ceil(renovationInvestmentExVatCents / 50),
      share: renovationInvestmentExVatCents === 0 ? null : contributedCents / renovationInvestmentExVatCents,
    },
  };
}

/** One year of Area B's co-financing and the operating margin it is measured against. */
export type AreaBYear = { year: number; contributedCents: number; operatingMarginCents: number };
export type AreaBYearCheck = AreaBYear & { requiredCents: number; passed: boolean };

/**
 * Area B co-financing ≥ 5 % of the year's operating margin, in each of the first 5 years (a year with
 * no positive margin requires nothing). A year missing from `years` (not reached yet, on actual figures)
 * has neither margin nor contribution, so it requires nothing.
 */
export function checkAreaBCoFinancing(input: { years: readonly AreaBYear[] }): ProgrammeCheck {
  const years: AreaBYearCheck[] = [];
  for (let year = 1; year <= AREA_B_CO_FINANCING_YEARS; year++) {
    const row = input.years.find((y) => y.year === year);
    const contributedCents = row?.contributedCents ?? 0;
    const operatingMarginCents = row?.operatingMarginCents ?? 0;
    years.push({
      year,
      contributedCents,
      operatingMarginCents,
      requiredCents: operatingMarginCents > 0 ? Math.ceil(operatingMarginCents / 20) : 0,
      // contributed / margin ≥ 1/20, in integers
      passed: contributedCents * 20 >= operatingMarginCents,
    });
  }
  const short = years.filter((y) => !y.passed);
  return {
    id: "area_b_co_financing",
    passed: short.length === 0,
    rule: "Area B co-financing ≥ 5 % of the operating margin, each of the first 5 years",
    figures: {
      yearsShort: short.length,
      firstYearShort: short[0]?.year ?? null,
      shortfallCents: short.reduce((sum, y) => sum + y.requiredCents - y.contributedCents, 0),
    },
    years,
  };
}

/** Stock ≤ base stock + 50 %. */
export function checkStock(input: { stockUnits: number; baseStockUnits: number }): ProgrammeCheck {
  const { stockUnits, baseStockUnits } = input;
  return {
    id: "stock",
    passed: stockUnits * 2 <= baseStockUnits * 3,
    rule: "stock ≤ base stock + 50 %",
    figures: { stockUnits, baseStockUnits, maxUnits: Math.floor((baseStockUnits * 3) / 2) },
  };
}

/**
 * The five checks on a scenario and its plan. Area A counts the contributions received in the first
 * 5 years against the renovation investment (VAT excluded) the plan makes over the whole convention;
 * Area B measures each year's contribution against the margin the scenario's setting names: the
 * operating margin, or the operating margin less debt service.
 */
export function planChecks(scenario: Scenario, plan: Pick<PlanResult, "years" | "totals">): ProgrammeCheck[] {
  const financing = { grant: 0, others: 0, loans: 0 };
  for (const t of scenario.funding.grant) financing.grant += t.amountCents;
  for (const kind of ["equity", "fundraising", "calls"] as const)
    for (const t of scenario.funding[kind]) financing.others += t.amountCents;
  for (const l of scenario.loans) financing.loans += l.principalCents;
  const areaAWindow = AREA_A_CO_FINANCING_YEARS * 12;
  const areaA = scenario.coFinancing.areaA
    .filter((t) => monthsBetween(scenario.startMonth, t.month) < areaAWindow)
    .reduce((sum, t) => sum + t.amountCents, 0);
  const afterDebt = scenario.areaBMarginDefinition === "after_debt_service";
  const u = scenario.unitsInOperation;
  return [
    checkGrant({ grantCents: financing.grant }),
    checkDebtShare({
      debtCents: financing.loans,
      totalFinancingCents: financing.grant + financing.others + financing.loans,
    }),
    checkAreaACoFinancing({
      contributedCents: areaA,
      renovationInvestmentExVatCents: plan.totals.renovationExVatCents,
    }),
    checkAreaBCoFinancing({
      years: plan.years.slice(0, AREA_B_CO_FINANCING_YEARS).map((y) => ({
        year: y.year,
        contributedCents: scenario.coFinancing.areaBPerYearCents[y.year - 1] ?? 0,
        operatingMarginCents: afterDebt
          ? y.operatingMarginCents - y.debtServiceCents
          : y.operatingMarginCents,
      })),
    }),
    checkStock({
      stockUnits:
        u.calmierato.count + u.calmierato_ridotto.count + u.fragilita.count + scenario.pipeline.units,
      baseStockUnits: scenario.baseStockUnits,
    }),
  ];
}
