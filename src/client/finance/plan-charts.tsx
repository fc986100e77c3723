// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import type { MonteCarloResult } from "../../domain/finance/monte-carlo.ts";
import type {
  PlanActualMonthView,
  PlanResultView,
  PlanSensitivityView,
} from "../../domain/finance/plan-api.schema.ts";
import { Chart, type ChartOption } from "../components/chart.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { useFormat } from "../format.ts";
import { signedEuro, useMonthLabel } from "./finance-format.ts";
import { useFinanceLabels, useFinanceT } from "./finance-i18n.ts";

// ECharts is heavy: the plan's page loads this module lazily. Every chart says what it shows in one
// sentence with its numbers (the canvas is silent to screen readers) and carries the same numbers as a
// table.

type Year = PlanResultView["plan"]["years"][number];
/** Thousands of euro with one decimal, for the axes; the tables give the exact euro. */
const thousands = (cents: number) => Math.round(cents / 10_000) / 10;
/** What leaves before the debt: operating and maintenance costs and the reserve. */
const costs = (y: Year) => y.operatingCostCents + y.maintenanceCostCents + y.maintenanceReserveCents;
const round = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
type Bin = MonteCarloResult["unitsRecovered"]["histogram"][number];
const binLabel = (b: Bin) =>
  b.fromUnits === b.toUnits ? String(b.fromUnits) : `${b.fromUnits}–${b.toUnits}`;
const GRID = { left: 8, right: 24, top: 48, bottom: 56, containLabel: true } as const;

function useYearAxis(years: readonly Year[]) {
  const { t } = useFinanceT();
  return useMemo(
    () => ({
      type: "category" as const,
      name: t("charts.yearAxis"),
      nameLocation: "middle" as const,
      nameGap: 30,
      data: years.map((y) => String(y.year)),
    }),
    [years, t],
  );
}

/** Cash flow per year: collected rent, costs, debt service, and what flows back to the fund. */
export function CashFlowChart({ years }: { years: readonly Year[] }) {
  const { t } = useFinanceT();
  const format = useFormat();
  const xAxis = useYearAxis(years);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: GRID,
      xAxis,
      yAxis: { type: "value", name: t("charts.thousandsEuro"), nameTextStyle: { align: "left" } },
      series: [
        { type: "bar", name: t("charts.collected"), data: years.map((y) => thousands(y.collectedRentCents)) },
        { type: "bar", name: t("charts.costs"), data: years.map((y) => thousands(costs(y))) },
        { type: "bar", name: t("charts.debtService"), data: years.map((y) => thousands(y.debtServiceCents)) },
        { type: "line", name: t("charts.netCash"), data: years.map((y) => thousands(y.netCashCents)) },
      ],
    }),
    [years, xAxis, t],
  );
  const last = years.at(-1);
  return (
    <Chart
      option={option}
      label={t("charts.cashFlow.label", {
        years: years.length,
        first: format.euro(years[0]?.netCashCents ?? 0),
        last: format.euro(last?.netCashCents ?? 0),
      })}
      tableSummary={t("charts.showData")}
      table={
        <FigureTable
          className="table table-sm plan-table"
          caption={t("charts.cashFlow.title")}
          rowHeader={t("charts.year")}
          columns={[t("charts.collected"), t("charts.costs"), t("charts.debtService"), t("charts.netCash")]}
          rows={years.map((y) => ({
            key: String(y.year),
            label: y.year,
            cells: [
              format.euro(y.collectedRentCents),
              format.euro(costs(y)),
              format.euro(y.debtServiceCents),
              format.euro(y.netCashCents),
            ],
          }))}
        />
      }
    />
  );
}

/** The revolving fund's balance at the end of each year. */
export function FundChart({ years }: { years: readonly Year[] }) {
  const { t } = useFinanceT();
  const format = useFormat();
  const xAxis = useYearAxis(years);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      grid: GRID,
      xAxis,
      yAxis: { type: "value", name: t("charts.thousandsEuro"), nameTextStyle: { align: "left" } },
      series: [
        {
          type: "line",
          name: t("charts.fundEnd"),
          areaStyle: { opacity: 0.15 },
          data: years.map((y) => thousands(y.fundEndCents)),
        },
      ],
    }),
    [years, xAxis, t],
  );
  const highest = years.reduce(
    (best, y) => (y.fundEndCents > (best?.fundEndCents ?? -1) ? y : best),
    years[0],
  );
  return (
    <Chart
      option={option}
      label={t("charts.fund.label", {
        end: format.euro(years.at(-1)?.fundEndCents ?? 0),
        highest: format.euro(highest?.fundEndCents ?? 0),
        year: highest?.year ?? 0,
      })}
      tableSummary={t("charts.showData")}
      table={
        <FigureTable
          className="table table-sm plan-table"
          caption={t("charts.fund.title")}
          rowHeader={t("charts.year")}
          columns={[t("charts.fundEnd"), t("charts.shortfall")]}
          rows={years.map((y) => ({
            key: String(y.year),
            label: y.year,
            cells: [format.euro(y.fundEndCents), format.euro(y.shortfallCents)],
          }))}
        />
      }
    />
  );
}

/** Units recovered to date and units in operation at the end of each year. */
export function UnitsChart({ years }: { years: readonly Year[] }) {
  const { t } = useFinanceT();
  const format = useFormat();
  const xAxis = useYearAxis(years);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: GRID,
      xAxis,
      yAxis: { type: "value", name: t("charts.unitsAxis"), nameTextStyle: { align: "left" } },
      series: [
        { type: "bar", name: t("charts.recoveredToDate"), data: years.map((y) => y.unitsRecoveredToDate) },
        { type: "line", name: t("charts.inOperation"), data: years.map((y) => y.unitsInOperation) },
      ],
    }),
    [years, xAxis, t],
  );
  const last = years.at(-1);
  return (
    <Chart
      option={option}
      label={t("charts.units.label", {
        recovered: format.number(last?.unitsRecoveredToDate ?? 0, 0),
        inOperation: format.number(last?.unitsInOperation ?? 0, 0),
      })}
      tableSummary={t("charts.showData")}
      table={
        <FigureTable
          className="table table-sm plan-table"
          caption={t("charts.units.title")}
          rowHeader={t("charts.year")}
          columns={[t("charts.recoveredInYear"), t("charts.recoveredToDate"), t("charts.inOperation")]}
          rows={years.map((y) => ({
            key: String(y.year),
            label: y.year,
            cells: [y.unitsRecovered, y.unitsRecoveredToDate, y.unitsInOperation],
          }))}
        />
      }
    />
  );
}

/** DSCR per year with the line at 1, below which the rents do not cover the debt. */
export function DscrChart({
  years,
  minDscr,
  minDscrYear,
}: {
  years: readonly Year[];
  minDscr: number | null;
  minDscrYear: number | null;
}) {
  const { t } = useFinanceT();
  const format = useFormat();
  const xAxis = useYearAxis(years);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      grid: GRID,
      xAxis,
      yAxis: { type: "value", name: "DSCR", nameTextStyle: { align: "left" } },
      series: [
        {
          type: "line",
          name: "DSCR",
          connectNulls: false,
          data: years.map((y) => (y.dscr === null ? null : Math.round(y.dscr * 1000) / 1000)),
          markLine: {
            symbol: "none",
            lineStyle: { type: "dashed", color: "#a61d2f" },
            label: { formatter: t("charts.dscr.threshold") },
            data: [{ yAxis: 1 }],
          },
        },
      ],
    }),
    [years, xAxis, t],
  );
  return (
    <Chart
      option={option}
      label={
        minDscr === null
          ? t("charts.dscr.noDebt")
          : t("charts.dscr.label", { min: format.number(minDscr, 2), year: minDscrYear })
      }
      tableSummary={t("charts.showData")}
      table={
        <FigureTable
          className="table table-sm plan-table"
          caption={t("charts.dscr.title")}
          rowHeader={t("charts.year")}
          columns={["DSCR", t("charts.cashForDebt"), t("charts.debtService")]}
          rows={years.map((y) => ({
            key: String(y.year),
            label: y.year,
            cells: [
              y.dscr === null ? t("charts.dscr.none") : format.number(y.dscr, 3),
              format.euro(y.operatingMarginCents - y.maintenanceReserveCents),
              format.euro(y.debtServiceCents),
            ],
          }))}
        />
      }
    />
  );
}

/** The four charts of the plan, each with its heading. */
export function PlanCharts({ plan }: { plan: PlanResultView["plan"] }) {
  const { t } = useFinanceT();
  return (
    <div className="row">
      <div className="col-12 col-xl-6 mb-4">
        <h3 className="h5">{t("charts.cashFlow.title")}</h3>
        <CashFlowChart years={plan.years} />
      </div>
      <div className="col-12 col-xl-6 mb-4">
        <h3 className="h5">{t("charts.fund.title")}</h3>
        <FundChart years={plan.years} />
      </div>
      <div className="col-12 col-xl-6 mb-4">
        <h3 className="h5">{t("charts.units.title")}</h3>
        <UnitsChart years={plan.years} />
      </div>
      <div className="col-12 col-xl-6 mb-4">
        <h3 className="h5">{t("charts.dscr.title")}</h3>
        <DscrChart years={plan.years} minDscr={plan.minDscr} minDscrYear={plan.minDscrYear} />
      </div>
    </div>
  );
}

/** Sensitivity (tornado): the change of the minimum DSCR with each input at −10 % and +10 %. */
export function TornadoChart({ sensitivity, top = 10 }: { sensitivity: PlanSensitivityView; top?: number }) {
  const { t } = useFinanceT();
  const labels = useFinanceLabels();
  const format = useFormat();
  const rows = sensitivity.rows.slice(0, top);
  const names = rows.map((r) => labels.sensitivityInput(r.id, r.label));
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 24, bottom: 48, containLabel: true },
      xAxis: { type: "value", name: t("sensitivity.axis"), nameLocation: "middle", nameGap: 28 },
      yAxis: { type: "category", inverse: true, data: names },
      series: [
        {
          type: "bar",
          name: t("sensitivity.low"),
          stack: "change",
          data: rows.map((r) => round(r.minDscrChangeLow)),
        },
        {
          type: "bar",
          name: t("sensitivity.high"),
          stack: "change",
          data: rows.map((r) => round(r.minDscrChangeHigh)),
        },
      ],
    }),
    [rows, names, t],
  );
  const first = rows[0];
  return (
    <Chart
      option={option}
      height={Math.max(280, rows.length * 34 + 90)}
      label={
        first
          ? t("sensitivity.label", {
              input: names[0],
              low: format.signed(round(first.minDscrChangeLow) ?? 0),
              high: format.signed(round(first.minDscrChangeHigh) ?? 0),
            })
          : t("sensitivity.empty")
      }
      tableSummary={t("charts.showData")}
      table={
        <FigureTable
          className="table table-sm plan-table"
          caption={t("sensitivity.tableCaption")}
          rowHeader={t("sensitivity.input")}
          columns={[
            t("sensitivity.dscrLow"),
            t("sensitivity.dscrHigh"),
            t("sensitivity.unitsLow"),
            t("sensitivity.unitsHigh"),
          ]}
          rows={sensitivity.rows.map((r) => ({
            key: r.id,
            label: labels.sensitivityInput(r.id, r.label),
            cells: [
              r.minDscrChangeLow === null ? "—" : format.signed(round(r.minDscrChangeLow) ?? 0),
              r.minDscrChangeHigh === null ? "—" : format.signed(round(r.minDscrChangeHigh) ?? 0),
              format.signed(r.unitsRecoveredChangeLow),
              format.signed(r.unitsRecoveredChangeHigh),
            ],
          }))}
        />
      }
    />
  );
}

/** The distribution of the units recovered over the Monte Carlo runs. */
export function HistogramChart({ result }: { result: MonteCarloResult }) {
  const { t } = useFinanceT();
  const format = useFormat();
  const bins = result.unitsRecovered.histogram;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      grid: GRID,
      xAxis: {
        type: "category",
        name: t("monteCarlo.unitsAxis"),
        nameLocation: "middle",
        nameGap: 30,
        data: bins.map(binLabel),
      },
      yAxis: { type: "value", name: t("monteCarlo.runsAxis"), nameTextStyle: { align: "left" } },
      series: [
        { type: "bar", name: t("monteCarlo.runsAxis"), barCategoryGap: "5%", data: bins.map((b) => b.runs) },
      ],
    }),
    [bins, t],
  );
  return (
    <Chart
      option={option}
      label={t("monteCarlo.histogramLabel", {
        runs: format.number(result.runs, 0),
        min: result.unitsRecovered.min,
        max: result.unitsRecovered.max,
        median: result.unitsRecovered.quantiles.p50,
      })}
      tableSummary={t("charts.showData")}
      table={
        <FigureTable
          className="table table-sm plan-table"
          caption={t("monteCarlo.histogramCaption")}
          rowHeader={t("monteCarlo.unitsAxis")}
          columns={[t("monteCarlo.runsAxis"), t("monteCarlo.share")]}
          rows={bins.map((b) => ({
            key: String(b.fromUnits),
            label: binLabel(b),
            cells: [format.number(b.runs, 0), format.percent(b.runs / result.runs, 1)],
          }))}
        />
      }
    />
  );
}

/** Rent collected month by month: what the plan expected (line) against what came in (bars). */
export function ActualRentChart({ months }: { months: readonly PlanActualMonthView[] }) {
  const { t } = useFinanceT();
  const format = useFormat();
  const monthLabel = useMonthLabel();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: GRID,
      xAxis: {
        type: "category",
        name: t("actuals.monthAxis"),
        nameLocation: "middle",
        nameGap: 30,
        data: months.map((m) => monthLabel(m.month)),
      },
      yAxis: { type: "value", name: t("actuals.thousandsEuro"), nameTextStyle: { align: "left" } },
      series: [
        {
          type: "bar",
          name: t("actuals.actual"),
          data: months.map((m) => thousands(m.actualCollectedRentCents)),
        },
        {
          type: "line",
          name: t("actuals.planned"),
          data: months.map((m) => thousands(m.plannedCollectedRentCents)),
        },
      ],
    }),
    [months, monthLabel, t],
  );
  const planned = months.reduce((total, m) => total + m.plannedCollectedRentCents, 0);
  const actual = months.reduce((total, m) => total + m.actualCollectedRentCents, 0);
  return (
    <Chart
      option={option}
      label={t("actuals.chartLabel", {
        months: months.length,
        actual: format.euro(actual),
        planned: format.euro(planned),
        difference: signedEuro(format, actual - planned),
      })}
      tableSummary={t("charts.showData")}
      table={
        <FigureTable
          className="table table-sm plan-table"
          caption={t("actuals.chartTitle")}
          rowHeader={t("actuals.month")}
          columns={[t("actuals.planned"), t("actuals.actual"), t("actuals.difference")]}
          rows={months.map((m) => ({
            key: m.month,
            label: monthLabel(m.month),
            cells: [
              format.euro(m.plannedCollectedRentCents, { cents: true }),
              format.euro(m.actualCollectedRentCents, { cents: true }),
              signedEuro(format, m.actualCollectedRentCents - m.plannedCollectedRentCents),
            ],
          }))}
        />
      }
    />
  );
}
