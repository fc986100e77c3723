// SPDX-License-Identifier: EUPL-1.2
import type {
  CustomSeriesRenderItemAPI,
  CustomSeriesRenderItemParams,
  CustomSeriesRenderItemReturn,
} from "echarts";
import { CustomChart, type CustomSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, graphic, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import type { TimelineItemView } from "../../domain/timeline/timeline-api.schema.ts";
import { useFormat } from "../format.ts";
import { useSlippageText, useTimelineLabels, useTimelineT } from "./timeline-i18n.ts";

// ECharts is heavy: the timeline's page loads this module lazily. The chart is a picture for the eye;
// its text alternative says what it shows in numbers, and the table under it carries every item.

use([CustomChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<
  CustomSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

const DAY_MS = 86_400_000;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const ROW_PX = 30;

/** Colours that keep 3:1 against white (fills against their stroke, strokes against the page). */
const TONES = {
  plan: { fill: "#d6e6f7", stroke: "#0059b3", actual: "#0059b3" },
  done: { fill: "#d3ede2", stroke: "#00704a", actual: "#00704a" },
  late: { fill: "#f8d7dc", stroke: "#a61d2f", actual: "#a61d2f" },
  risk: { fill: "#fbe7c6", stroke: "#8a5300", actual: "#8a5300" },
  cancelled: { fill: "#eceff2", stroke: "#5c6f82", actual: "#5c6f82" },
} as const;

const toneOf = (item: TimelineItemView) => {
  switch (item.standing) {
    case "late":
    case "done_late":
      return TONES.late;
    case "at_risk":
      return TONES.risk;
    case "done":
      return TONES.done;
    case "cancelled":
      return TONES.cancelled;
    case "on_time":
      return TONES.plan;
  }
};

const isLate = (item: TimelineItemView) => item.standing === "late" || item.standing === "done_late";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const short = (text: string, max = 38) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

type Rect = { x: number; y: number; width: number; height: number };

const diamond = (x: number, y: number, r: number) => [
  [x, y - r],
  [x + r, y],
  [x, y + r],
  [x - r, y],
];

/** One row of the chart: the planned bar (or diamond) above, the actual one below, a late item's mark. */
function renderRow(
  item: TimelineItemView,
  index: number,
  asOf: string,
  params: CustomSeriesRenderItemParams,
  api: CustomSeriesRenderItemAPI,
  lateMark: (item: TimelineItemView) => string,
): CustomSeriesRenderItemReturn {
  const grid = params.coordSys as unknown as Rect;
  const tone = toneOf(item);
  const rowHeight = ((api.size?.([0, 1]) as number[] | undefined) ?? [])[1] ?? ROW_PX;
  const at = (iso: string, endOfDay = false) =>
    api.coord([time(iso) + (endOfDay ? DAY_MS : 0), index]) as number[];
  const [, centre = 0] = at(item.plannedStart);
  const dash = isLate(item) ? [5, 3] : item.standing === "cancelled" ? [2, 2] : undefined;
  const children: NonNullable<CustomSeriesRenderItemReturn>[] = [];
  const bar = (from: number, to: number, top: number, height: number, style: object) => {
    const shape = graphic.clipRectByRect({ x: from, y: top, width: Math.max(to - from, 2), height }, grid);
    if (shape) children.push({ type: "rect", shape, style });
  };
  const inside = (x: number) => x >= grid.x && x <= grid.x + grid.width;
  const mark = (x: number, filled: boolean) => {
    if (!inside(x)) return;
    children.push({
      type: "polygon",
      shape: { points: diamond(x, centre, rowHeight * 0.3) },
      style: { fill: filled ? tone.actual : "#ffffff", stroke: tone.stroke, lineWidth: 2, lineDash: dash },
    });
  };
  const startX = at(item.plannedStart)[0] ?? 0;
  let endX = item.kind === "phase" ? (at(item.plannedEnd, true)[0] ?? 0) : startX;
  if (item.kind === "phase")
    bar(startX, endX, centre - rowHeight * 0.38, rowHeight * 0.36, {
      fill: tone.fill,
      stroke: tone.stroke,
      lineWidth: 1.5,
      lineDash: dash,
    });
  else mark(startX, false);
  if (item.actualStart !== null) {
    const actualEnd = item.actualEnd ?? asOf;
    const from = at(item.actualStart)[0] ?? 0;
    const to = at(actualEnd, true)[0] ?? 0;
    if (item.kind === "phase")
      bar(from, to, centre + rowHeight * 0.04, rowHeight * 0.3, { fill: tone.actual });
    else if (item.actualEnd !== null) mark(at(item.actualEnd)[0] ?? 0, true);
    endX = Math.max(endX, to);
  }
  if (isLate(item)) {
    // After the bar, or after the diamond's right point for a milestone; inside the grid either way.
    const gap = item.kind === "milestone" ? rowHeight * 0.3 + 6 : 8;
    const x = Math.min(Math.max(endX + gap, grid.x + 4), grid.x + grid.width - 70);
    children.push({
      type: "text",
      style: {
        x,
        y: centre,
        text: lateMark(item),
        fill: TONES.late.stroke,
        font: "bold 12px 'Titillium Web', Geneva, Tahoma, sans-serif",
        verticalAlign: "middle",
        backgroundColor: "rgba(255,255,255,0.85)",
      },
    });
  }
  return { type: "group", children };
}

/**
 * Gantt chart of the items (one row each, in the table's order) between `from` and `to`: the planned
 * period as a light bar (a hollow diamond for a milestone), the actual one as a solid bar (a filled
 * diamond), today as a vertical line. Late items are red with a dashed border and a "⚠ +N gg" mark:
 * never colour alone.
 */
export function GanttChart(props: {
  items: readonly TimelineItemView[];
  asOf: string;
  from: string;
  to: string;
  label: string;
}) {
  const { items, asOf, from, to, label } = props;
  const { t } = useTimelineT();
  const labels = useTimelineLabels();
  const format = useFormat();
  const slippage = useSlippageText();
  const container = useRef<HTMLDivElement>(null);
  const option = useMemo<Option>(() => {
    const margin = Math.round((time(to) - time(from)) / 80);
    const lateMark = (item: TimelineItemView) =>
      `⚠ ${t("slippage.short", { count: item.slippageDays ?? 0 })}`;
    const tooltip = (item: TimelineItemView) => {
      const planned =
        item.kind === "milestone"
          ? format.date(item.plannedStart)
          : `${format.date(item.plannedStart)} – ${format.date(item.plannedEnd)}`;
      const actual =
        item.actualStart === null
          ? "—"
          : `${format.date(item.actualStart)} – ${item.actualEnd === null ? "…" : format.date(item.actualEnd)}`;
      const lines = [
        `<strong>${escapeHtml(`${item.line} · ${item.title}`)}</strong>`,
        `${escapeHtml(labels.kind(item.kind))} · ${escapeHtml(item.ownerOrganisation)}`,
        `${escapeHtml(t("gantt.planned"))}: ${planned}`,
        `${escapeHtml(t("gantt.actual"))}: ${actual}`,
        escapeHtml([labels.standing(item.standing), slippage(item)].filter(Boolean).join(": ")),
      ];
      return lines.join("<br>");
    };
    return {
      animation: false,
      textStyle: { fontFamily: "'Titillium Web', Geneva, Tahoma, sans-serif", fontSize: 12 },
      grid: { left: 8, right: 16, top: 28, bottom: 24, containLabel: true },
      tooltip: {
        trigger: "item",
        formatter: (params) => {
          const index = (params as { dataIndex?: number }).dataIndex ?? -1;
          const item = items[index];
          return item ? tooltip(item) : "";
        },
      },
      xAxis: {
        type: "time",
        position: "top",
        // A little room on both sides, so a milestone on the first or last day shows whole.
        min: time(from) - margin,
        max: time(to) + DAY_MS + margin,
        axisLabel: { formatter: "{yyyy}", color: "#17324d" },
        splitLine: { show: true, lineStyle: { color: "#e6e9f2" } },
      },
      yAxis: {
        type: "category",
        inverse: true,
        data: items.map((i) => `${isLate(i) ? "⚠ " : ""}${i.line} ${short(i.title)}`),
        axisLabel: { color: "#17324d", interval: 0 },
        axisTick: { show: false },
      },
      series: [
        {
          type: "custom",
          name: t("gantt.title"),
          // Nothing is drawn outside the plot: items before or after the period shown stay off it.
          clip: true,
          encode: { x: [1, 2], y: 0 },
          data: items.map((item, i) => [i, time(item.plannedStart), time(item.plannedEnd) + DAY_MS]),
          renderItem: (params, api) => {
            const item = items[params.dataIndex];
            return item ? renderRow(item, params.dataIndex, asOf, params, api, lateMark) : null;
          },
          markLine: {
            silent: true,
            symbol: "none",
            lineStyle: { color: "#17324d", width: 2, type: "solid" },
            label: { formatter: t("gantt.today"), position: "end", color: "#17324d", fontWeight: "bold" },
            data: [{ xAxis: time(asOf) }],
          },
        },
      ],
    };
  }, [items, asOf, from, to, t, labels, format, slippage]);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const chart = init(element, undefined, { renderer: "canvas" });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);

  return (
    <figure className="chart timeline-gantt mb-2" role="img" aria-label={label}>
      <div ref={container} style={{ height: Math.max(items.length, 1) * ROW_PX + 64 }} />
    </figure>
  );
}
