// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { StockSummary } from "../../domain/units/stock-summary.schema.ts";
import { UNIT_ORIGINS, UNIT_STATUSES, type UnitCategory } from "../../domain/units/unit.schema.ts";
import { Chart, type ChartOption } from "../components/chart.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { type Format, useFormat } from "../format.ts";
import { useUnitLabels } from "./unit-labels.ts";
import { useStockSummary } from "./units-api.ts";

type Row = { key: string; label: string; count: number };

function KeyFigure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="col-12 col-sm-6 col-xl-3">
      <div className="card key-figure shadow-sm h-100">
        <div className="card-body">
          <p className="key-figure-label mb-1">{label}</p>
          <p className="key-figure-value mb-1">{value}</p>
          {detail ? <p className="key-figure-detail mb-0">{detail}</p> : null}
        </div>
      </div>
    </div>
  );
}

function describe(rows: readonly Row[], format: Format) {
  return rows.map((r) => `${r.label} ${format.number(r.count)}`).join(", ");
}

/** Horizontal bars of counts, with a table of counts and shares. */
function CountChart(props: { id: string; title: string; rows: Row[]; total: number; kind: "bar" | "pie" }) {
  const { id, title, rows, total, kind } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const option = useMemo<ChartOption>(() => {
    if (kind === "pie") {
      return {
        tooltip: { trigger: "item" },
        legend: { bottom: 0, type: "plain" },
        series: [
          {
            type: "pie",
            radius: ["40%", "68%"],
            center: ["50%", "44%"],
            label: { formatter: "{c}" },
            data: rows.map((r) => ({ name: r.label, value: r.count })),
          },
        ],
      };
    }
    const ordered = [...rows].reverse();
    return {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: ordered.map((r) => r.label), axisTick: { show: false } },
      series: [
        {
          type: "bar",
          data: ordered.map((r) => r.count),
          label: { show: true, position: "right" },
          barMaxWidth: 22,
        },
      ],
    };
  }, [rows, kind]);
  const chartKind = kind === "pie" ? t("dashboard.pieChart") : t("dashboard.barChart");
  return (
    <section className="col-12 col-lg-6 mb-4" aria-labelledby={`${id}-title`}>
      <div className="card shadow-sm h-100">
        <div className="card-body">
          <h2 id={`${id}-title`} className="h5">
            {title}
          </h2>
          <Chart
            option={option}
            height={kind === "pie" ? 300 : Math.max(200, rows.length * 30 + 40)}
            label={`${chartKind}, ${title}: ${describe(rows, format)}.`}
            tableSummary={t("dashboard.showData")}
            table={
              <FigureTable
                caption={title}
                hideCaption
                rowHeader={t("dashboard.columns.item")}
                columns={[t("dashboard.columns.units"), t("dashboard.columns.share")]}
                rows={rows.map((r) => ({
                  key: r.key,
                  label: r.label,
                  cells: [format.number(r.count), format.percent(total === 0 ? 0 : r.count / total)],
                }))}
              />
            }
          />
        </div>
      </div>
    </section>
  );
}

function CategoryMix({ summary }: { summary: StockSummary }) {
  const { t } = useTranslation();
  const labels = useUnitLabels();
  const format = useFormat();
  const mix = summary.categoryMix;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: "category", data: mix.map((m) => t(`enums.categoryShort.${m.category}`)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          name: t("dashboard.mix.actual"),
          type: "bar",
          data: mix.map((m) => m.count),
          label: { show: true, position: "top" },
        },
        {
          name: t("dashboard.mix.target"),
          type: "bar",
          data: mix.map((m) => m.targetCount),
          label: { show: true, position: "top" },
          itemStyle: { color: "#b1b1b3", borderColor: "#5c6f82", borderWidth: 1 },
        },
      ],
    }),
    [mix, t],
  );
  const description = mix
    .map((m) =>
      t("dashboard.mix.describe", {
        category: t(`enums.categoryShort.${m.category}`),
        count: m.count,
        share: format.percent(m.share),
        target: format.percent(m.targetShare, 0),
        deviation: format.points(m.deviationPoints),
      }),
    )
    .join("; ");
  return (
    <section className="col-12 col-lg-6 mb-4" aria-labelledby="mix-title">
      <div className="card shadow-sm h-100">
        <div className="card-body">
          <h2 id="mix-title" className="h5">
            {t("dashboard.mix.title")}
          </h2>
          <p className="small text-secondary">{t("dashboard.mix.intro")}</p>
          <Chart
            option={option}
            height={300}
            label={`${t("dashboard.barChart")}, ${t("dashboard.mix.title")}: ${description}.`}
            tableSummary={t("dashboard.showData")}
            table={
              <FigureTable
                caption={t("dashboard.mix.title")}
                hideCaption
                rowHeader={t("fields.category")}
                columns={[
                  t("dashboard.mix.actual"),
                  t("dashboard.columns.share"),
                  t("dashboard.mix.targetShare"),
                  t("dashboard.mix.target"),
                  t("dashboard.mix.deviation"),
                ]}
                rows={mix.map((m) => ({
                  key: m.category,
                  label: labels.category(m.category),
                  cells: [
                    format.number(m.count),
                    format.percent(m.share),
                    format.percent(m.targetShare, 0),
                    format.number(m.targetCount),
                    `${format.points(m.deviationPoints)} (${format.signed(m.deviationUnits)})`,
                  ],
                }))}
              />
            }
          />
        </div>
      </div>
    </section>
  );
}

function StockGrowth({ summary }: { summary: StockSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const g = summary.growth;
  const used = Math.min(1, g.ceiling === 0 ? 0 : g.current / g.ceiling);
  const baselineMark = g.ceiling === 0 ? 0 : g.baseline / g.ceiling;
  return (
    <section className="card shadow-sm mb-4" aria-labelledby="growth-title">
      <div className="card-body">
        <h2 id="growth-title" className="h5">
          {t("dashboard.growth.title")}
        </h2>
        <p>
          {t("dashboard.growth.text", {
            current: format.number(g.current),
            baseline: format.number(g.baseline),
            ceiling: format.number(g.ceiling),
            growth: format.signed(g.growth),
            share: format.percent(g.growthShare),
            headroom: format.number(Math.max(0, g.headroom)),
          })}
        </p>
        {g.exceeded ? (
          <div className="alert alert-danger" role="alert">
            {t("dashboard.growth.exceeded", { over: format.number(g.current - g.ceiling) })}
          </div>
        ) : null}
        <div className="growth-bar">
          <div
            className="progress"
            role="progressbar"
            aria-label={t("dashboard.growth.bar")}
            aria-valuemin={0}
            aria-valuemax={g.ceiling}
            aria-valuenow={g.current}
            aria-valuetext={t("dashboard.growth.valueText", {
              current: format.number(g.current),
              ceiling: format.number(g.ceiling),
            })}
          >
            <div
              className={`progress-bar${g.exceeded ? " bg-danger" : ""}`}
              style={{ width: `${used * 100}%` }}
            />
          </div>
          <div className="growth-marker" style={{ left: `${baselineMark * 100}%` }} aria-hidden="true">
            <span>{t("dashboard.growth.baselineMark", { n: format.number(g.baseline) })}</span>
          </div>
          <div className="d-flex justify-content-between small mt-4" aria-hidden="true">
            <span>0</span>
            <span>{t("dashboard.growth.ceilingMark", { n: format.number(g.ceiling) })}</span>
          </div>
        </div>
      </div>
    </section>
  );
}

/** Cruscotto dello stock: key figures, growth against the ceiling, and the breakdowns. */
export function DashboardPage() {
  const { t } = useTranslation();
  const labels = useUnitLabels();
  const format = useFormat();
  const summary = useStockSummary();
  const data = summary.data;

  const rows = useMemo(() => {
    if (!data) return null;
    const pick = <K extends string>(
      keys: readonly K[],
      counts: Record<string, number>,
      label: (k: K) => string,
    ) => keys.map((k) => ({ key: k, label: label(k), count: counts[k] ?? 0 }));
    const towns = Object.entries(data.byTown)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([town, count]) => ({ key: town, label: town, count }));
    const municipi = Object.entries(data.byMunicipio)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([m, count]) => ({ key: m, label: t("list.filters.municipioN", { n: m }), count }));
    return {
      status: pick(UNIT_STATUSES, data.byStatus, labels.status),
      origin: pick(UNIT_ORIGINS, data.byOrigin, labels.origin).filter((r) => r.count > 0),
      towns,
      municipi,
    };
  }, [data, labels, t]);

  const capped: Exclude<UnitCategory, "fragilita">[] = ["calmierato", "calmierato_ridotto"];

  return (
    <>
      <PageTitle title={t("dashboard.title")} lead={t("dashboard.intro")} />
      {summary.error ? <ErrorAlert error={summary.error} onRetry={() => summary.refetch()} /> : null}
      {summary.isPending ? <Loading /> : null}
      {data && rows ? (
        <>
          <section aria-labelledby="figures-title" className="mb-4">
            <h2 id="figures-title" className="visually-hidden">
              {t("dashboard.figures")}
            </h2>
            <div className="row g-3">
              <KeyFigure
                label={t("dashboard.total")}
                value={format.number(data.total)}
                detail={t("dashboard.totalDetail", { ceiling: format.number(data.growth.ceiling) })}
              />
              <KeyFigure
                label={t("dashboard.accessible")}
                value={format.number(data.accessible)}
                detail={t("dashboard.accessibleDetail", {
                  share: format.percent(data.total === 0 ? 0 : data.accessible / data.total),
                })}
              />
              <KeyFigure
                label={t("dashboard.surface")}
                value={format.squareMetres(data.surfaceM2)}
                detail={t("dashboard.surfaceDetail", {
                  average: format.squareMetres(data.total === 0 ? 0 : data.surfaceM2 / data.total),
                })}
              />
              <KeyFigure
                label={t("dashboard.rentRoll")}
                value={format.euro(data.potentialAnnualRentCents.total)}
                detail={capped
                  .map(
                    (c) =>
                      `${t(`enums.categoryShort.${c}`)} ${format.euro(data.potentialAnnualRentCents[c])}`,
                  )
                  .join(" · ")}
              />
            </div>
            <p className="small text-secondary mt-2 mb-0">{t("dashboard.rentRollNote")}</p>
          </section>
          <StockGrowth summary={data} />
          <div className="row">
            <CategoryMix summary={data} />
            <CountChart
              id="status"
              title={t("dashboard.byStatus")}
              rows={rows.status}
              total={data.total}
              kind="bar"
            />
            <CountChart
              id="origin"
              title={t("dashboard.byOrigin")}
              rows={rows.origin}
              total={data.total}
              kind="pie"
            />
            <CountChart
              id="town"
              title={t("dashboard.byTown")}
              rows={rows.towns}
              total={data.total}
              kind="bar"
            />
            <CountChart
              id="municipio"
              title={t("dashboard.byMunicipio")}
              rows={rows.municipi}
              total={rows.municipi.reduce((sum, r) => sum + r.count, 0)}
              kind="bar"
            />
          </div>
        </>
      ) : null}
    </>
  );
}
