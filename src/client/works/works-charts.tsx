// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import { FUNDING_SOURCES, type FundingSource } from "../../domain/works/works.ts";
import type { WorksDetail } from "../../domain/works/works-api.schema.ts";
import { Chart, type ChartOption } from "../components/chart.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { useFormat } from "../format.ts";
import { SourceTable } from "./works-figures.tsx";
import { useSlippageText, useWorksLabels, useWorksT } from "./works-i18n.ts";

// ECharts is heavy: the works pages load this module lazily. Each chart says what it shows in one
// sentence (the canvas is silent to screen readers) and carries the same numbers as a table.

const GRID = { left: 8, right: 24, top: 40, bottom: 48, containLabel: true } as const;
const LATE = "#d9364f";
const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** Today where the browser runs, as YYYY-MM-DD: an unfinished phase's bar runs to it. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Spend (VAT included) by funding source: a bar per source, and the table with each share. */
export function SpendBySourceChart({ bySource }: { bySource: Record<FundingSource, number> }) {
  const { t } = useWorksT();
  const labels = useWorksLabels();
  const format = useFormat();
  const total = FUNDING_SOURCES.reduce((sum, s) => sum + bySource[s], 0);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      grid: GRID,
      xAxis: {
        type: "category",
        data: FUNDING_SOURCES.map((s) => labels.source(s)),
        axisLabel: { interval: 0, overflow: "break", width: 90 },
      },
      yAxis: { type: "value", name: t("report.euroAxis"), nameTextStyle: { align: "left" } },
      series: [
        {
          type: "bar",
          name: t("report.amount"),
          data: FUNDING_SOURCES.map((s) => Math.round(bySource[s]) / 100),
        },
      ],
    }),
    [bySource, labels, t],
  );
  const used = FUNDING_SOURCES.filter((s) => bySource[s] > 0);
  const largest = [...used].sort((a, b) => bySource[b] - bySource[a])[0];
  const label =
    largest === undefined
      ? t("report.chartEmpty")
      : t("report.chartLabel", {
          count: used.length,
          total: format.euro(total, { cents: true }),
          source: labels.source(largest),
          amount: format.euro(bySource[largest], { cents: true }),
        });
  return (
    <Chart
      option={option}
      label={label}
      height={260}
      tableSummary={t("report.showData")}
      table={<SourceTable bySource={bySource} caption={t("report.bySourceTitle")} />}
    />
  );
}

type Phase = WorksDetail["phases"][number];

/**
 * The schedule as horizontal bars: for each phase its planned period and, below it, its actual one
 * (to today while it runs), red when the phase ends or is running late. An invisible bar stacked
 * first places each period on the time axis.
 */
export function ScheduleChart({ phases }: { phases: readonly Phase[] }) {
  const { t } = useWorksT();
  const format = useFormat();
  const slippage = useSlippageText();
  const now = today();
  const option = useMemo<ChartOption>(() => {
    const starts = phases.flatMap((p) => [p.plannedStart, p.actualStart ?? p.plannedStart]);
    const origin = Math.min(...starts.map(dayNumber));
    const span = (from: string, to: string) => [
      dayNumber(from) - origin,
      dayNumber(to) - dayNumber(from) + 1,
    ];
    const planned = phases.map((p) => span(p.plannedStart, p.plannedEnd));
    const actual = phases.map((p) =>
      p.actualStart === null
        ? null
        : span(p.actualStart, p.actualEnd ?? (now > p.actualStart ? now : p.actualStart)),
    );
    const late = (p: Phase) => p.slippageDays > 0 || p.startDelayDays > 0;
    const invisible = { color: "transparent" };
    return {
      tooltip: { show: false },
      legend: { bottom: 0, data: [t("chart.planned"), t("chart.actual"), t("chart.late")] },
      grid: GRID,
      xAxis: {
        type: "value",
        min: 0,
        axisLabel: { formatter: (value: number) => format.date(isoOf(origin + value)), hideOverlap: true },
      },
      yAxis: {
        type: "category",
        inverse: true,
        data: phases.map((p) => `${p.position}. ${p.name}`),
      },
      series: [
        {
          type: "bar",
          stack: "planned",
          silent: true,
          itemStyle: invisible,
          data: planned.map((s) => s[0] ?? 0),
        },
        {
          type: "bar",
          stack: "planned",
          name: t("chart.planned"),
          itemStyle: { color: "#5c6f82" },
          data: planned.map((s) => s[1] ?? 0),
        },
        {
          type: "bar",
          stack: "actual",
          silent: true,
          itemStyle: invisible,
          data: actual.map((s) => s?.[0] ?? "-"),
        },
        {
          type: "bar",
          stack: "actual",
          name: t("chart.actual"),
          itemStyle: { color: "#0066cc" },
          data: actual.map((s, i) => (s === null || late(phases[i] as Phase) ? "-" : (s[1] ?? 0))),
        },
        {
          type: "bar",
          stack: "actual",
          name: t("chart.late"),
          itemStyle: { color: LATE },
          data: actual.map((s, i) => (s !== null && late(phases[i] as Phase) ? (s[1] ?? 0) : "-")),
        },
      ],
    };
  }, [phases, now, t, format]);
  const lateOnes = phases.filter((p) => p.slippageDays > 0);
  const label = t("chart.label", {
    count: phases.length,
    late:
      lateOnes.length === 0
        ? t("chart.noneLate")
        : t("chart.lateList", {
            phases: lateOnes.map((p) => `${p.name}, ${slippage(p.slippageDays)}`).join("; "),
          }),
  });
  const period = (from: string | null, to: string | null) =>
    from === null ? "—" : `${format.date(from)} – ${to === null ? "…" : format.date(to)}`;
  return (
    <Chart
      option={option}
      label={label}
      height={Math.max(200, 90 + phases.length * 56)}
      tableSummary={t("chart.showData")}
      table={
        <FigureTable
          className="table table-sm"
          caption={t("detail.schedule")}
          rowHeader={t("detail.phase")}
          columns={[
            { header: t("chart.planned"), nowrap: true },
            { header: t("chart.actual"), nowrap: true },
            { header: t("detail.endSlippage"), words: true },
          ]}
          rows={phases.map((p) => ({
            key: String(p.position),
            label: `${p.position}. ${p.name}`,
            cells: [
              period(p.plannedStart, p.plannedEnd),
              period(p.actualStart, p.actualEnd),
              slippage(p.slippageDays),
            ],
          }))}
        />
      }
    />
  );
}
