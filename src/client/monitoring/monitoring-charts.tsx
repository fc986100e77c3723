// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import type { z } from "zod";
import type { SeriesView } from "../../domain/monitoring/monitoring-api.schema.ts";
import type { Standing } from "../../domain/monitoring/values.ts";
import { Chart, type ChartOption } from "../components/chart.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { useFormat } from "../format.ts";
import { type DefinedValue, useTargetText } from "./indicator-cards.tsx";
import type { IndicatorDefinitionView } from "./monitoring-api.ts";
import { useIndicatorFormat } from "./monitoring-format.ts";
import { useMonitoringLabels, useMonitoringT } from "./monitoring-i18n.ts";

// ECharts is heavy: the monitoring pages load this module lazily. Each chart says what it shows in
// one sentence (the canvas is silent to screen readers) and carries the same numbers as a table.

/** Bootstrap Italia colours with 3:1 contrast on white; the standing is also written in the table. */
const STANDING_COLOUR: Record<Standing, string> = {
  met: "#008055",
  not_met: "#d9364f",
  no_target: "#5c6f82",
  not_computable: "#5c6f82",
};

/** Where the bars of the values in percent of their targets stop. */
const SHARE_CAP = 300;

/**
 * Every indicator with a target and a value, as its value in percent of the target, with a line at
 * 100 %. For an indicator where lower is better, under 100 % is the good side: the bar's colour and
 * the table's standing say which side each is on.
 */
export function TargetChart({ indicators }: { indicators: DefinedValue[] }) {
  const { t, i18n } = useMonitoringT();
  const language = i18n.language === "en" ? "en" : "it";
  const format = useFormat();
  const values = useIndicatorFormat();
  const labels = useMonitoringLabels();
  const targetText = useTargetText();
  const rows = useMemo(
    () =>
      indicators.flatMap((i) =>
        i.value === null || i.target === null || i.target.value === 0
          ? []
          : [{ indicator: i, name: i.definition.name[language], share: (i.value / i.target.value) * 100 }],
      ),
    [indicators, language],
  );
  const option = useMemo<ChartOption>(() => {
    const ordered = [...rows].reverse();
    const percent = (share: number) => `${format.number(share, 1)} %`;
    // A share far above the target (a lower-is-better indicator far off, or a tiny target) would
    // flatten every other bar: the bars stop at the cap, their labels and the table keep the value.
    const capped = ordered.some((r) => r.share > SHARE_CAP);
    return {
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (params) => {
          const first = Array.isArray(params) ? params[0] : params;
          const row = ordered[first?.dataIndex ?? -1];
          return row ? `${row.name}: ${percent(row.share)}` : "";
        },
      },
      grid: { left: 8, right: 64, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: "value", max: capped ? SHARE_CAP : undefined, axisLabel: { formatter: "{value} %" } },
      yAxis: {
        type: "category",
        data: ordered.map((r) => r.name),
        axisTick: { show: false },
        axisLabel: { width: 220, overflow: "break" },
      },
      series: [
        {
          type: "bar",
          name: t("chart.share"),
          barMaxWidth: 18,
          data: ordered.map((r) => ({
            value: Math.min(SHARE_CAP, Math.round(r.share * 10) / 10),
            itemStyle: { color: STANDING_COLOUR[r.indicator.standing] },
            label: { formatter: `${percent(r.share)}${r.share > SHARE_CAP ? " ▸" : ""}` },
          })),
          label: { show: true, position: "right" },
          markLine: {
            symbol: "none",
            silent: true,
            lineStyle: { type: "dashed", color: "#17324d", width: 2 },
            label: { formatter: t("chart.targetLine"), position: "end" },
            data: [{ xAxis: 100 }],
          },
        },
      ],
    };
  }, [rows, t, format]);
  const excluded = indicators.length - rows.length;
  const met = rows.filter((r) => r.indicator.standing === "met").length;
  const label = `${t("chart.label", { count: rows.length, met })} ${rows
    .map((r) => `${r.name} ${format.number(r.share, 1)} %`)
    .join("; ")}.`;
  return (
    <>
      <Chart
        option={option}
        height={Math.max(240, rows.length * 30 + 60)}
        label={label}
        tableSummary={t("chart.showData")}
        table={
          <FigureTable
            caption={t("chart.caption")}
            hideCaption
            rowHeader={t("chart.indicator")}
            columns={[
              t("chart.value"),
              { header: t("chart.target"), words: true },
              t("chart.share"),
              { header: t("chart.standing"), words: true },
            ]}
            rows={rows.map((r) => ({
              key: r.indicator.code,
              label: r.name,
              cells: [
                values.value(r.indicator.definition.unit, r.indicator.value),
                targetText(r.indicator),
                `${format.number(r.share, 1)} %`,
                labels.standing(r.indicator.standing),
              ],
            }))}
          />
        }
      />
      {excluded > 0 ? (
        <p className="small text-secondary">{t("chart.excluded", { count: excluded })}</p>
      ) : null}
    </>
  );
}

type Series = z.infer<typeof SeriesView>;

/** `n` rounded up to 1, 2 or 5 times a power of ten: an axis end a reader takes in at once. */
function roundUp(n: number): number {
  const power = 10 ** Math.floor(Math.log10(n));
  const step = [1, 2, 5, 10].find((m) => m * power >= n) ?? 10;
  return step * power;
}

/** An indicator over the last periods, with its targets as horizontal lines. */
export function SeriesChart({ series, definition }: { series: Series; definition: IndicatorDefinitionView }) {
  const { t, i18n } = useMonitoringT();
  const language = i18n.language === "en" ? "en" : "it";
  const format = useFormat();
  const values = useIndicatorFormat();
  const labels = useMonitoringLabels();
  const name = definition.name[language];
  const targets = series.targets.filter((target) => target.kind !== "baseline");
  const option = useMemo<ChartOption>(() => {
    // The axis reaches the highest target too, so every target's line is drawn.
    const highestTarget = Math.max(0, ...targets.map((target) => target.value));
    return {
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: series.points.map((p) => labels.period(p.key)) },
      yAxis: {
        type: "value",
        max: (extent: { max: number }) =>
          highestTarget > extent.max ? roundUp(highestTarget * 1.05) : undefined,
        axisLabel: { formatter: (v: number) => format.number(v) },
      },
      series: [
        {
          type: "line",
          name,
          data: series.points.map((p) => p.value),
          connectNulls: false,
          symbolSize: 8,
          label: {
            show: true,
            position: "top",
            formatter: (p: { value?: unknown }) =>
              typeof p.value === "number" ? format.number(p.value) : "",
          },
          markLine: {
            symbol: "none",
            silent: true,
            lineStyle: { type: "dashed", color: "#17324d" },
            label: { position: "insideEndTop" },
            data: targets.map((target) => ({
              yAxis: target.value,
              name: labels.targetKind(target.kind),
              label: { formatter: `${labels.targetKind(target.kind)} ${format.date(target.dueOn)}` },
            })),
          },
        },
      ],
    };
  }, [series, targets, name, labels, format]);
  const label = `${t("series.label", { name, count: series.points.length })} ${series.points
    .map((p) => `${labels.period(p.key)} ${values.value(definition.unit, p.value)}`)
    .join("; ")}. ${targets
    .map((target) =>
      t("series.targetText", {
        kind: labels.targetKind(target.kind),
        value: values.value(definition.unit, target.value),
        date: format.date(target.dueOn),
      }),
    )
    .join("; ")}`;
  return (
    <Chart
      option={option}
      height={300}
      label={label}
      tableSummary={t("chart.showData")}
      table={
        <FigureTable
          caption={t("series.caption", { name })}
          hideCaption
          rowHeader={t("series.period")}
          columns={[
            t("chart.value"),
            t("breakdown.numerator"),
            t("breakdown.denominator"),
            { header: t("series.source"), words: true },
          ]}
          rows={series.points.map((p) => ({
            key: p.key,
            label: labels.period(p.key),
            cells: [
              values.value(definition.unit, p.value),
              values.numerator(definition.code, p.numerator),
              values.denominator(definition.code, p.denominator),
              t(`series.sources.${p.source}`),
            ],
          }))}
        />
      }
    />
  );
}
