// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { EquityReport } from "../../domain/equity/equity.schema.ts";
import { EQUITY_DIMENSIONS, EQUITY_STAGES, type EquityDimension } from "../../domain/equity/equity-report.ts";
import type { ChartOption } from "../components/chart.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { useEquityReport } from "./allocation-api.ts";
import { HubBreadcrumb } from "./allocation-hub-page.tsx";
import { useAllocationLabels } from "./allocation-labels.ts";
import { FactsCard } from "./facts-list.tsx";
import { LazyChart } from "./lazy-chart.tsx";

type Row = EquityReport["dimensions"][EquityDimension][number];
type Total = EquityReport["total"];
type Stage = (typeof EQUITY_STAGES)[number];
type RateKey = keyof Row["rates"];
const RATES: readonly RateKey[] = ["offeredOfEligible", "acceptedOfOffered", "housedOfEligible"];
/** The rates the chart draws. */
const CHART_RATES = ["offeredOfEligible", "housedOfEligible"] as const;

/**
 * Stages of a dimension where a withheld cell may be larger than 4: the server withholds a second cell
 * when exactly one is withheld beside a shown total, so that one cannot be recovered by subtraction.
 */
function secondaryStages(rows: readonly Row[], total: Total): Set<Stage> {
  return new Set(
    EQUITY_STAGES.filter((s) => total[s] !== null && rows.filter((r) => r[s] === null).length === 2),
  );
}

function useCells() {
  const { t } = useTranslation();
  const format = useFormat();
  return {
    count: (value: number | null, maybeLarger: boolean) =>
      value !== null
        ? format.number(value)
        : maybeLarger
          ? t("allocation.equity.withheldOther")
          : t("allocation.equity.withheld"),
    rate: (value: number | null) => (value === null ? "—" : format.percent(value)),
  };
}

function DimensionTable({ dimension, report }: { dimension: EquityDimension; report: EquityReport }) {
  const { t } = useTranslation();
  const labels = useAllocationLabels();
  const cells = useCells();
  const rows: readonly Row[] = report.dimensions[dimension];
  const secondary = secondaryStages(rows, report.total);
  const id = `equity-${dimension}`;
  return (
    <section className="mt-4" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="h5">
        {t(`allocation.equity.dimensions.${dimension}`)}
      </h3>
      <div className="table-responsive">
        <table className="table table-sm equity-table" id={id}>
          <caption className="visually-hidden">{t(`allocation.equity.dimensions.${dimension}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t("allocation.equity.group")}</th>
              {EQUITY_STAGES.map((s) => (
                <th key={s} scope="col" className="text-end">
                  {t(`allocation.equity.stages.${s}`)}
                </th>
              ))}
              {RATES.map((r) => (
                <th key={r} scope="col" className="text-end">
                  {t(`allocation.equity.rates.${r}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.group}>
                <th scope="row">{labels.equityGroup(dimension, row.group)}</th>
                {EQUITY_STAGES.map((s) => (
                  <td key={s} className={`text-end${row[s] === null ? " withheld" : ""}`}>
                    {cells.count(row[s], secondary.has(s))}
                  </td>
                ))}
                {RATES.map((r) => (
                  <td key={r} className="text-end">
                    {cells.rate(row.rates[r])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("allocation.equity.total")}</th>
              {EQUITY_STAGES.map((s) => (
                <td key={s} className="text-end">
                  {cells.count(report.total[s], false)}
                </td>
              ))}
              {RATES.map((r) => (
                <td key={r} className="text-end">
                  {cells.rate(report.total.rates[r])}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** Offered and housed as shares of the eligible, per household type: bars, described in words. */
function RatesChart({ report }: { report: EquityReport }) {
  const { t } = useTranslation();
  const labels = useAllocationLabels();
  const cells = useCells();
  const rows = report.dimensions.householdType;
  const title = t("allocation.equity.chart.title");
  const option = useMemo<ChartOption>(() => {
    const ordered = [...rows].reverse();
    return {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 48, top: 8, bottom: 40, containLabel: true },
      xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value} %" } },
      yAxis: {
        type: "category",
        data: ordered.map((r) => labels.equityGroup("householdType", r.group)),
        axisTick: { show: false },
      },
      series: CHART_RATES.map((key) => ({
        name: t(`allocation.equity.rates.${key}`),
        type: "bar" as const,
        barMaxWidth: 16,
        data: ordered.map((r) =>
          r.rates[key] === null ? null : Math.round((r.rates[key] ?? 0) * 1000) / 10,
        ),
      })),
    };
  }, [rows, labels, t]);
  const description = rows
    .map((r) =>
      t("allocation.equity.chart.describe", {
        group: labels.equityGroup("householdType", r.group),
        offered:
          r.rates.offeredOfEligible === null
            ? t("allocation.equity.chart.none")
            : cells.rate(r.rates.offeredOfEligible),
        housed:
          r.rates.housedOfEligible === null
            ? t("allocation.equity.chart.none")
            : cells.rate(r.rates.housedOfEligible),
      }),
    )
    .join("; ");
  return (
    <section className="card shadow-sm mt-4" aria-labelledby="equity-chart-title">
      <div className="card-body">
        <h2 id="equity-chart-title" className="h5">
          {title}
        </h2>
        <p className="small">{t("allocation.equity.chart.intro")}</p>
        <LazyChart
          option={option}
          height={Math.max(220, rows.length * 44 + 60)}
          label={`${t("dashboard.barChart")}, ${title}: ${description}.`}
          tableSummary={t("dashboard.showData")}
          table={
            <table className="table table-sm">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("households.fields.targetGroup")}</th>
                  {CHART_RATES.map((key) => (
                    <th key={key} scope="col" className="text-end">
                      {t(`allocation.equity.rates.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.group}>
                    <th scope="row">{labels.equityGroup("householdType", r.group)}</th>
                    {CHART_RATES.map((key) => (
                      <td key={key} className="text-end">
                        {cells.rate(r.rates[key])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </div>
    </section>
  );
}

function Definitions() {
  const { t } = useTranslation();
  return (
    <section className="mt-4" aria-labelledby="equity-definitions-title">
      <h2 id="equity-definitions-title" className="h4">
        {t("allocation.equity.definitions.title")}
      </h2>
      <p>{t("allocation.equity.definitions.population")}</p>
      <p>{t("allocation.equity.definitions.stages")}</p>
      <p>{t("allocation.equity.definitions.rates")}</p>
      <p className="mb-0">{t("allocation.equity.definitions.groups")}</p>
    </section>
  );
}

/** Equità dell'assegnazione: who reached each stage of allocation, by group, small counts withheld. */
export function EquityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const cells = useCells();
  const report = useEquityReport();
  const title = t("allocation.equity.title");
  return (
    <>
      <HubBreadcrumb current={title} />
      <PageTitle title={title} lead={t("allocation.equity.lead")} />
      {report.error ? <ErrorAlert error={report.error} onRetry={() => report.refetch()} /> : null}
      {report.isPending ? <Loading /> : null}
      {report.data ? (
        <>
          <FactsCard
            id="equity-facts-title"
            title={t("allocation.equity.factsTitle")}
            facts={[
              { key: "asOf", label: t("allocation.equity.asOf"), value: format.date(report.data.asOf) },
              {
                key: "rules",
                label: t("allocation.runs.columns.rulesVersion"),
                value: String(report.data.rulesVersion),
              },
              { key: "units", label: t("allocation.equity.units"), value: format.number(report.data.units) },
              {
                key: "households",
                label: t("allocation.equity.households"),
                value: cells.count(report.data.households, false),
              },
            ]}
          />
          <Definitions />
          <div className="alert alert-info mt-4" role="note">
            <p className="mb-0">{t("allocation.equity.withheldNote", { max: report.data.smallCountMax })}</p>
          </div>
          <RatesChart report={report.data} />
          <section className="mt-4" aria-labelledby="equity-tables-title">
            <h2 id="equity-tables-title" className="h4">
              {t("allocation.equity.tablesTitle")}
            </h2>
            {EQUITY_DIMENSIONS.map((d) => (
              <DimensionTable key={d} dimension={d} report={report.data} />
            ))}
          </section>
        </>
      ) : null}
    </>
  );
}
