// SPDX-License-Identifier: EUPL-1.2
import { addMonths } from "../ledger/period.ts";
import { maxMonthlyRentCents } from "../units/rent-cap.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../units/unit.schema.ts";
import { amortisationSchedule } from "./loan.ts";
import { monthsBetween, roundCents } from "./money.ts";
import type { CappedCategory, Scenario } from "./scenario.schema.ts";

/**
 * The monthly engine of the revolving fund (fondo rotativo). Each month:
 *
 *   potential rent − vacancy − arrears = collected rent
 *   collected rent − operating costs − maintenance costs = operating margin
 *   operating margin − maintenance reserve − debt service = net cash
 *   fund opening + funding received + net cash (+ shortfall covered from outside) = fund before works
 *   fund before works − renovations started (cost incl. VAT, paid at the start) = fund closing
 *
 * and units whose works started `worksLagMonths` ago come into operation at the start of the month.
 * All amounts are whole cents; every subtraction above is exact, so each month's line adds up.
 */

/** One month of the plan. Flows are in cents for the month; balances are at the month's end. */
export type PlanMonth = {
  /** `YYYY-MM`. */
  month: string;
  /** 0 for the start month. */
  index: number;
  /** Plan year, 1 for the first twelve months. */
  year: number;
  unitsInOperation: number;
  /** Units that came into operation at the start of this month. */
  unitsRecovered: number;
  unitsRecoveredToDate: number;
  unitsInWorks: number;
  /** Units still awaiting renovation (not started). */
  pipelineRemaining: number;
  potentialRentCents: number;
  vacancyLossCents: number;
  arrearsLossCents: number;
  collectedRentCents: number;
  operatingCostCents: number;
  maintenanceCostCents: number;
  /** Collected rent − operating costs − maintenance costs. */
  operatingMarginCents: number;
  /** Set aside for extraordinary maintenance; held apart from the fund. */
  maintenanceReserveCents: number;
  debtInterestCents: number;
  debtPrincipalCents: number;
  debtServiceCents: number;
  /** Operating margin − maintenance reserve − debt service: what flows back to the fund (retrocessione). */
  netCashCents: number;
  fundOpeningCents: number;
  grantCents: number;
  equityCents: number;
  fundraisingCents: number;
  callsCents: number;
  loanDisbursedCents: number;
  /** Area A and Area B co-financing received. */
  coFinancingCents: number;
  /** All money received this month: the six columns above. */
  fundingCents: number;
  /** Cash the fund could not provide (its balance would have gone below 0): to be found outside it. */
  shortfallCents: number;
  renovationsStarted: number;
  renovationExVatCents: number;
  /** Renovations started, VAT included: leaves the fund at the start of the works. */
  renovationSpendCents: number;
  fundClosingCents: number;
  reserveBalanceCents: number;
};

/** The uncertain inputs one run is made with: the scenario's, or a Monte Carlo draw. */
export type PlanDraw = {
  vacancyRate: number;
  arrearsRate: number;
  costInflationRate: number;
  renovationCostCentsPerUnit: number;
  /** Rents as a share of the planned ones: 1 as planned (the break-even search moves it). */
  rentFactor: number;
};

/** What a run yields without building its tables: all the Monte Carlo and the searches read. */
export type PlanOutcome = {
  /** Lowest yearly DSCR; null when no year has debt service. */
  minDscr: number | null;
  /** Plan year of the lowest DSCR (the first such year); null with it. */
  minDscrYear: number | null;
  unitsRecovered: number;
  collectedRentCents: number;
  renovationExVatCents: number;
  shortfallCents: number;
  fundEndCents: number;
};

/** What a scenario fixes for every run, computed once (the Monte Carlo runs share it). */
export type PlanModel = {
  scenario: Scenario;
  months: number;
  years: number;
  initialUnits: readonly [number, number, number];
  mix: readonly [number, number, number];
  /** Monthly rent per unit in cents, by category then plan year: `[category × years + year]`. */
  rentByYear: Float64Array;
  grant: Float64Array;
  equity: Float64Array;
  fundraising: Float64Array;
  calls: Float64Array;
  loanDisbursed: Float64Array;
  coFinancing: Float64Array;
  funding: Float64Array;
  debtInterest: Float64Array;
  debtPrincipal: Float64Array;
  baseDraw: PlanDraw;
};

/** `column[index] += cents` for a typed array. */
const addAt = (column: Float64Array | Int32Array, index: number, cents: number) => {
  column[index] = (column[index] as number) + cents;
};

/** Monthly rent of one unit of a category at the start, in cents. */
export function startRentCents(scenario: Scenario, category: UnitCategory): number {
  if (category === "fragilita") {
    const f = scenario.unitsInOperation.fragilita;
    return f.rentCentsPerMonth + f.coPaymentCentsPerMonth;
  }
  const c: CappedCategory = scenario.unitsInOperation[category];
  if (c.rentCentsPerMonth !== "at_cap") return c.rentCentsPerMonth;
  return maxMonthlyRentCents(category, c.averageM2) ?? 0;
}

/** Precomputes what no draw changes: rents by year, money received and debt service by month. */
export function compilePlan(scenario: Scenario): PlanModel {
  const months = scenario.conventionYears * 12;
  const years = scenario.conventionYears;
  const at = (month: string) => monthsBetween(scenario.startMonth, month);
  const column = (tranches: readonly { amountCents: number; month: string }[]) => {
    const out = new Float64Array(months);
    for (const t of tranches) addAt(out, at(t.month), t.amountCents);
    return out;
  };
  const rentByYear = new Float64Array(UNIT_CATEGORIES.length * years);
  UNIT_CATEGORIES.forEach((category, c) => {
    const start = startRentCents(scenario, category);
    for (let y = 0; y < years; y++)
      rentByYear[c * years + y] = roundCents(start * (1 + scenario.rentIndexationRate) ** y);
  });
  const loanDisbursed = column(
    scenario.loans.map((l) => ({ amountCents: l.principalCents, month: l.disbursedMonth })),
  );
  const debtInterest = new Float64Array(months);
  const debtPrincipal = new Float64Array(months);
  for (const loan of scenario.loans) {
    // Disbursed at the start of its month; instalment k falls at the end of month disbursed + k − 1.
    const first = at(loan.disbursedMonth);
    for (const row of amortisationSchedule({ ...loan, periodsPerYear: 12 })) {
      const m = first + row.period - 1;
      addAt(debtInterest, m, row.interestCents);
      addAt(debtPrincipal, m, row.principalCents);
    }
  }
  const coFinancing = column(scenario.coFinancing.areaA);
  scenario.coFinancing.areaBPerYearCents.forEach((cents, y) => {
    addAt(coFinancing, y * 12, cents);
  });
  const grant = column(scenario.funding.grant);
  const equity = column(scenario.funding.equity);
  const fundraising = column(scenario.funding.fundraising);
  const calls = column(scenario.funding.calls);
  const funding = new Float64Array(months);
  for (let m = 0; m < months; m++)
    funding[m] =
      (grant[m] as number) +
      (equity[m] as number) +
      (fundraising[m] as number) +
      (calls[m] as number) +
      (loanDisbursed[m] as number) +
      (coFinancing[m] as number);
  const u = scenario.unitsInOperation;
  const mix = scenario.pipeline.mix;
  return {
    scenario,
    months,
    years,
    initialUnits: [u.calmierato.count, u.calmierato_ridotto.count, u.fragilita.count],
    mix: [mix.calmierato, mix.calmierato_ridotto, mix.fragilita],
    rentByYear,
    grant,
    equity,
    fundraising,
    calls,
    loanDisbursed,
    coFinancing,
    funding,
    debtInterest,
    debtPrincipal,
    baseDraw: {
      vacancyRate: scenario.vacancyRate,
      arrearsRate: scenario.arrearsRate,
      costInflationRate: scenario.costInflationRate,
      renovationCostCentsPerUnit: scenario.pipeline.renovationCostCentsPerUnit,
      rentFactor: 1,
    },
  };
}

/** Debt service coverage ratio: cash available for debt ÷ debt service; null without debt service. */
export const dscrOf = (cashForDebtCents: number, debtServiceCents: number): number | null =>
  debtServiceCents > 0 ? cashForDebtCents / debtServiceCents : null;

/**
 * One run of the plan: the only place the waterfall is written. Without `record` it allocates nothing
 * per month (what the Monte Carlo runs need); with it, each month's line is handed over as it is made.
 */
export function simulate(model: PlanModel, draw: PlanDraw, record?: (row: PlanMonth) => void): PlanOutcome {
  const s = model.scenario;
  const { months, years, rentByYear, mix } = model;
  const lag = s.pipeline.worksLagMonths;
  const vatFactor = 1 + s.pipeline.vatRate;
  const reserveRate = s.maintenanceReserveRate;
  // Units finishing their works at the start of each month.
  const completions = new Int32Array(months);
  let recovered = 0;
  let assigned0 = 0;
  let assigned1 = 0;
  let assigned2 = 0;
  let pipeline = s.pipeline.units;
  let inWorks = 0;
  let fund = 0;
  let reserve = 0;
  let shortfallTotal = 0;
  let collectedTotal = 0;
  let renovationExVatTotal = 0;
  let yearCashForDebt = 0;
  let yearDebtService = 0;
  let minDscr: number | null = null;
  let minDscrYear: number | null = null;
  let operatingPerUnit = 0;
  let maintenancePerUnit = 0;
  let unitCostExVat = 0;
  let unitCostInclVat = 0;
  for (let m = 0; m < months; m++) {
    const year = (m / 12) | 0;
    if (m % 12 === 0) {
      // Costs move once a year; each is a whole number of cents per unit for the year.
      const costFactor = (1 + draw.costInflationRate) ** year;
      operatingPerUnit = roundCents(s.operatingCostCentsPerUnitMonth * costFactor);
      maintenancePerUnit = roundCents(s.maintenanceCostCentsPerUnitMonth * costFactor);
      unitCostExVat = roundCents(draw.renovationCostCentsPerUnit * costFactor);
      unitCostInclVat = roundCents(unitCostExVat * vatFactor);
    }
    const unitsRecovered = completions[m] as number;
    for (let k = 0; k < unitsRecovered; k++) {
      // Largest deficit against the mix: the recovered units follow it as closely as whole units can.
      recovered++;
      const d0 = mix[0] * recovered - assigned0;
      const d1 = mix[1] * recovered - assigned1;
      const d2 = mix[2] * recovered - assigned2;
      if (d0 >= d1 && d0 >= d2) assigned0++;
      else if (d1 >= d2) assigned1++;
      else assigned2++;
    }
    inWorks -= unitsRecovered;
    const units0 = model.initialUnits[0] + assigned0;
    const units1 = model.initialUnits[1] + assigned1;
    const units2 = model.initialUnits[2] + assigned2;
    const unitsInOperation = units0 + units1 + units2;

    const potentialRent = roundCents(
      (units0 * (rentByYear[year] as number) +
        units1 * (rentByYear[years + year] as number) +
        units2 * (rentByYear[2 * years + year] as number)) *
        draw.rentFactor,
    );
    const vacancyLoss = roundCents(potentialRent * draw.vacancyRate);
    const arrearsLoss = roundCents((potentialRent - vacancyLoss) * draw.arrearsRate);
    const collectedRent = potentialRent - vacancyLoss - arrearsLoss;
    const operatingCost = unitsInOperation * operatingPerUnit;
    const maintenanceCost = unitsInOperation * maintenancePerUnit;
    const operatingMargin = collectedRent - operatingCost - maintenanceCost;
    const maintenanceReserve = roundCents(collectedRent * reserveRate);
    const debtInterest = model.debtInterest[m] as number;
    const debtPrincipal = model.debtPrincipal[m] as number;
    const debtService = debtInterest + debtPrincipal;
    const netCash = operatingMargin - maintenanceReserve - debtService;

    const fundOpening = fund;
    const funding = model.funding[m] as number;
    fund = fundOpening + funding + netCash;
    const shortfall = fund < 0 ? -fund : 0;
    fund += shortfall;
    let started = 0;
    // Works are started only if they end within the convention, and only when the fund covers them.
    if (m + lag < months) {
      while (pipeline > 0 && fund >= unitCostInclVat) {
        fund -= unitCostInclVat;
        pipeline--;
        started++;
      }
      addAt(completions, m + lag, started);
    }
    inWorks += started;
    reserve += maintenanceReserve;
    shortfallTotal += shortfall;
    collectedTotal += collectedRent;
    renovationExVatTotal += started * unitCostExVat;

    yearCashForDebt += operatingMargin - maintenanceReserve;
    yearDebtService += debtService;
    if (m % 12 === 11) {
      const dscr = dscrOf(yearCashForDebt, yearDebtService);
      if (dscr !== null && (minDscr === null || dscr < minDscr)) {
        minDscr = dscr;
        minDscrYear = year + 1;
      }
      yearCashForDebt = 0;
      yearDebtService = 0;
    }

    if (record !== undefined)
      record({
        month: addMonths(s.startMonth, m),
        index: m,
        year: year + 1,
        unitsInOperation,
        unitsRecovered,
        unitsRecoveredToDate: recovered,
        unitsInWorks: inWorks,
        pipelineRemaining: pipeline,
        potentialRentCents: potentialRent,
        vacancyLossCents: vacancyLoss,
        arrearsLossCents: arrearsLoss,
        collectedRentCents: collectedRent,
        operatingCostCents: operatingCost,
        maintenanceCostCents: maintenanceCost,
        operatingMarginCents: operatingMargin,
        maintenanceReserveCents: maintenanceReserve,
        debtInterestCents: debtInterest,
        debtPrincipalCents: debtPrincipal,
        debtServiceCents: debtService,
        netCashCents: netCash,
        fundOpeningCents: fundOpening,
        grantCents: model.grant[m] as number,
        equityCents: model.equity[m] as number,
        fundraisingCents: model.fundraising[m] as number,
        callsCents: model.calls[m] as number,
        loanDisbursedCents: model.loanDisbursed[m] as number,
        coFinancingCents: model.coFinancing[m] as number,
        fundingCents: funding,
        shortfallCents: shortfall,
        renovationsStarted: started,
        renovationExVatCents: started * unitCostExVat,
        renovationSpendCents: started * unitCostInclVat,
        fundClosingCents: fund,
        reserveBalanceCents: reserve,
      });
  }
  return {
    minDscr,
    minDscrYear,
    unitsRecovered: recovered,
    collectedRentCents: collectedTotal,
    renovationExVatCents: renovationExVatTotal,
    shortfallCents: shortfallTotal,
    fundEndCents: fund,
  };
}

/** Flows summed over a year; the balances and counts of a year are those of its last month. */
const SUMMED = [
  "unitsRecovered",
  "potentialRentCents",
  "vacancyLossCents",
  "arrearsLossCents",
  "collectedRentCents",
  "operatingCostCents",
  "maintenanceCostCents",
  "operatingMarginCents",
  "maintenanceReserveCents",
  "debtInterestCents",
  "debtPrincipalCents",
  "debtServiceCents",
  "netCashCents",
  "grantCents",
  "equityCents",
  "fundraisingCents",
  "callsCents",
  "loanDisbursedCents",
  "coFinancingCents",
  "fundingCents",
  "shortfallCents",
  "renovationsStarted",
  "renovationExVatCents",
  "renovationSpendCents",
] as const satisfies readonly (keyof PlanMonth)[];
type Summed = (typeof SUMMED)[number];

/** One plan year: the sums of its months, the balances at its end, and its DSCR. */
export type PlanYear = Record<Summed, number> & {
  year: number;
  firstMonth: string;
  lastMonth: string;
  unitsInOperation: number;
  unitsRecoveredToDate: number;
  fundEndCents: number;
  reserveEndCents: number;
  /** (operating margin − maintenance reserve) ÷ debt service; null in a year without debt service. */
  dscr: number | null;
};

/** The months of a plan grouped by year. */
export function yearsOf(months: readonly PlanMonth[]): PlanYear[] {
  const out: PlanYear[] = [];
  for (let start = 0; start < months.length; start += 12) {
    const slice = months.slice(start, start + 12);
    const first = slice[0] as PlanMonth;
    const last = slice.at(-1) as PlanMonth;
    const sums = Object.fromEntries(
      SUMMED.map((key) => [key, slice.reduce((total, row) => total + row[key], 0)]),
    ) as Record<Summed, number>;
    out.push({
      year: first.year,
      firstMonth: first.month,
      lastMonth: last.month,
      ...sums,
      unitsInOperation: last.unitsInOperation,
      unitsRecoveredToDate: last.unitsRecoveredToDate,
      fundEndCents: last.fundClosingCents,
      reserveEndCents: last.reserveBalanceCents,
      dscr: dscrOf(sums.operatingMarginCents - sums.maintenanceReserveCents, sums.debtServiceCents),
    });
  }
  return out;
}

/** Break-even searches stop when the bracket is narrower than this (a rate, or a share of rents). */
export const BREAK_EVEN_TOLERANCE = 1e-6;
/** The rent-level search looks no further than 4 × the planned rents. */
export const RENT_LEVEL_SEARCH_MAX = 4;

/**
 * The value of `x` in [lo, hi] where `minDscrAt(x)` crosses 1, by bisection to within
 * BREAK_EVEN_TOLERANCE; `rising` says whether the DSCR grows with x. Returns the side of the crossing
 * where the DSCR is still ≥ 1; `lo`/`hi` themselves when the whole range is on one side of it; null
 * when no debt is serviced or the DSCR is below 1 over the whole range.
 */
export function breakEven(
  minDscrAt: (x: number) => number | null,
  lo: number,
  hi: number,
  rising: boolean,
): number | null {
  const ok = (x: number) => {
    const dscr = minDscrAt(x);
    return dscr === null ? null : dscr >= 1;
  };
  const safeEnd = rising ? hi : lo;
  const riskyEnd = rising ? lo : hi;
  const atSafe = ok(safeEnd);
  if (atSafe === null || !atSafe) return null;
  if (ok(riskyEnd)) return riskyEnd;
  let good = safeEnd;
  let bad = riskyEnd;
  while (Math.abs(good - bad) > BREAK_EVEN_TOLERANCE) {
    const mid = (good + bad) / 2;
    if (ok(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

export type PlanResult = {
  scenarioName: string;
  startMonth: string;
  months: PlanMonth[];
  years: PlanYear[];
  minDscr: number | null;
  minDscrYear: number | null;
  unitsRecovered: number;
  /** Units in operation at the end of the convention. */
  unitsInOperationAtEnd: number;
  /** Fund balance at the end of each month, and units recovered to date: the two charts. */
  series: { month: string[]; fundCents: number[]; unitsRecoveredToDate: number[] };
  /** Collected rent over the convention against the PEF's estimate; difference = plan − estimate. */
  revenue: {
    collectedCents: number;
    estimateCents: number;
    differenceCents: number;
    differenceShare: number | null;
  };
  /**
   * Highest arrears rate, and lowest rent level (share of the planned rents), at which the minimum
   * DSCR is still ≥ 1 (to within `tolerance`); null when there is no debt or no such value.
   */
  breakEven: { arrearsRate: number | null; rentLevel: number | null; tolerance: number };
  totals: Record<Summed, number> & { fundEndCents: number; reserveEndCents: number };
};

/** The whole plan of a scenario: monthly and yearly tables, DSCR, revenue reconciliation, break-even. */
export function runPlan(scenario: Scenario, model: PlanModel = compilePlan(scenario)): PlanResult {
  const months: PlanMonth[] = [];
  const outcome = simulate(model, model.baseDraw, (row) => months.push(row));
  const years = yearsOf(months);
  const last = months.at(-1) as PlanMonth;
  const totals = Object.fromEntries(
    SUMMED.map((key) => [key, years.reduce((total, y) => total + y[key], 0)]),
  ) as Record<Summed, number>;
  const minDscrWith = (change: Partial<PlanDraw>) =>
    simulate(model, { ...model.baseDraw, ...change }).minDscr;
  const estimate = scenario.revenueEstimateCents;
  return {
    scenarioName: scenario.name,
    startMonth: scenario.startMonth,
    months,
    years,
    minDscr: outcome.minDscr,
    minDscrYear: outcome.minDscrYear,
    unitsRecovered: outcome.unitsRecovered,
    unitsInOperationAtEnd: last.unitsInOperation,
    series: {
      month: months.map((r) => r.month),
      fundCents: months.map((r) => r.fundClosingCents),
      unitsRecoveredToDate: months.map((r) => r.unitsRecoveredToDate),
    },
    revenue: {
      collectedCents: outcome.collectedRentCents,
      estimateCents: estimate,
      differenceCents: outcome.collectedRentCents - estimate,
      differenceShare: estimate === 0 ? null : (outcome.collectedRentCents - estimate) / estimate,
    },
    breakEven: {
      arrearsRate: breakEven((a) => minDscrWith({ arrearsRate: a }), 0, 1, false),
      rentLevel: breakEven((k) => minDscrWith({ rentFactor: k }), 0, RENT_LEVEL_SEARCH_MAX, true),
      tolerance: BREAK_EVEN_TOLERANCE,
    },
    totals: { ...totals, fundEndCents: last.fundClosingCents, reserveEndCents: last.reserveBalanceCents },
  };
}
