// SPDX-License-Identifier: EUPL-1.2
import {
  AREA_A_CO_FINANCING_YEARS,
  AREA_B_CO_FINANCING_YEARS,
  checkAreaACoFinancing,
  checkAreaBCoFinancing,
  checkDebtShare,
  checkGrant,
  checkStock,
  type ProgrammeCheck,
} from "./checks.ts";
import { monthsBetween } from "./money.ts";
import type { PlanMonth } from "./plan.ts";
import type { PlanActualMonthView } from "./plan-api.schema.ts";
import type { Scenario } from "./scenario.schema.ts";

/*
 * Plan versus actual: the plan's months beside what the records say happened (rent collected in the
 * ledger, works invoices, loan instalments paid), and the programme's checks on actual figures. The
 * engine stays pure: the server reads the records and hands them over as the figures below.
 */

/** What the records say of one month, in cents. */
export type ActualMonth = {
  month: string;
  collectedRentCents: number;
  /** Works invoices of the month, VAT included (the plan spends renovation VAT included). */
  worksCostCents: number;
  /** Instalments paid on loans, principal and interest. */
  loanPaymentsCents: number;
};

/** A sum of money received in a month. */
export type MonthAmount = { month: string; amountCents: number };

/** The financing and the stock as the registers hold them today. */
export type ActualFunding = {
  /** Pledged by source (what the partners have been promised); loans: accepted principal. */
  grantCents: number;
  otherSourcesCents: number;
  loansCents: number;
  /** Co-financing actually received, by month. */
  areaAReceipts: readonly MonthAmount[];
  areaBReceipts: readonly MonthAmount[];
  /** Renovation invoices to date, VAT excluded: the investment the Area A share is measured on. */
  worksExVatCents: number;
  stockUnits: number;
};

/** The plan's months from its start to `through` (inclusive), each beside the records' figures. */
export function planVersusActual(
  planMonths: readonly PlanMonth[],
  actual: readonly ActualMonth[],
  through: string,
): { months: PlanActualMonthView[]; totals: Omit<PlanActualMonthView, "month"> } {
  const byMonth = new Map(actual.map((a) => [a.month, a]));
  const months = planMonths
    .filter((m) => m.month <= through)
    .map((m) => {
      const a = byMonth.get(m.month);
      return {
        month: m.month,
        plannedCollectedRentCents: m.collectedRentCents,
        actualCollectedRentCents: a?.collectedRentCents ?? 0,
        plannedRenovationSpendCents: m.renovationSpendCents,
        actualWorksCostCents: a?.worksCostCents ?? 0,
        plannedDebtServiceCents: m.debtServiceCents,
        actualLoanPaymentsCents: a?.loanPaymentsCents ?? 0,
      };
    });
  const totals = {
    plannedCollectedRentCents: 0,
    actualCollectedRentCents: 0,
    plannedRenovationSpendCents: 0,
    actualWorksCostCents: 0,
    plannedDebtServiceCents: 0,
    actualLoanPaymentsCents: 0,
  };
  for (const m of months)
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += m[key];
  return { months, totals };
}

/**
 * The five checks on actual figures, to `through`:
 * - grant and debt share on what is pledged and accepted;
 * - Area A: co-financing received in the first 5 years against the renovation invoices to date (ex VAT);
 * - Area B: for each plan year begun, co-financing received in it against the year's margin to date,
 *   which is rent actually collected less the plan's operating and maintenance costs of those months
 *   (operating costs are not recorded yet), less loan instalments paid when the scenario measures the
 *   margin after debt service;
 * - the stock in the registry against the base stock.
 */
export function actualChecks(
  scenario: Scenario,
  planMonths: readonly PlanMonth[],
  actual: readonly ActualMonth[],
  funding: ActualFunding,
  through: string,
): ProgrammeCheck[] {
  const start = scenario.startMonth;
  const yearOf = (month: string) => Math.floor(monthsBetween(start, month) / 12) + 1;
  const areaA = funding.areaAReceipts
    .filter((r) => {
      const index = monthsBetween(start, r.month);
      return index < AREA_A_CO_FINANCING_YEARS * 12;
    })
    .reduce((sum, r) => sum + r.amountCents, 0);
  const byMonth = new Map(actual.map((a) => [a.month, a]));
  const afterDebt = scenario.areaBMarginDefinition === "after_debt_service";
  const years = new Map<number, { contributedCents: number; operatingMarginCents: number }>();
  const yearRow = (year: number) => {
    let row = years.get(year);
    if (row === undefined) {
      row = { contributedCents: 0, operatingMarginCents: 0 };
      years.set(year, row);
    }
    return row;
  };
  for (const m of planMonths) {
    if (m.month > through || m.year > AREA_B_CO_FINANCING_YEARS) continue;
    const a = byMonth.get(m.month);
    const margin =
      (a?.collectedRentCents ?? 0) -
      m.operatingCostCents -
      m.maintenanceCostCents -
      (afterDebt ? (a?.loanPaymentsCents ?? 0) : 0);
    yearRow(m.year).operatingMarginCents += margin;
  }
  for (const r of funding.areaBReceipts) {
    const year = yearOf(r.month);
    if (year >= 1 && year <= AREA_B_CO_FINANCING_YEARS && r.month <= through)
      yearRow(year).contributedCents += r.amountCents;
  }
  return [
    checkGrant({ grantCents: funding.grantCents }),
    checkDebtShare({
      debtCents: funding.loansCents,
      totalFinancingCents: funding.grantCents + funding.otherSourcesCents + funding.loansCents,
    }),
    checkAreaACoFinancing({
      contributedCents: areaA,
      renovationInvestmentExVatCents: funding.worksExVatCents,
    }),
    checkAreaBCoFinancing({ years: [...years].map(([year, row]) => ({ year, ...row })) }),
    checkStock({ stockUnits: funding.stockUnits, baseStockUnits: scenario.baseStockUnits }),
  ];
}
