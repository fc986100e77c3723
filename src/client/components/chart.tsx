// SPDX-License-Identifier: EUPL-1.2
import {
  BarChart,
  type BarSeriesOption,
  LineChart,
  type LineSeriesOption,
  PieChart,
  type PieSeriesOption,
} from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { type ReactNode, useEffect, useRef } from "react";

use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** Bootstrap Italia colours that keep 3:1 contrast against white, for chart marks. */
const CHART_COLOURS = ["#0066cc", "#008055", "#cc7a00", "#d9364f", "#5c6f82", "#7a3e9d", "#17324d"];

const reducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

type ChartProps = {
  option: ChartOption;
  /** What the chart shows, in one sentence with its numbers: the canvas is invisible to screen readers. */
  label: string;
  height?: number;
  /** The same numbers as a table, shown under the chart on request. */
  table: ReactNode;
  tableSummary: string;
};

/**
 * An Apache ECharts chart (canvas) in a figure that screen readers treat as one image with a text
 * alternative, followed by the data as a table in a details element.
 */
export function Chart({ option, label, height = 280, table, tableSummary }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const chart = init(element, undefined, { renderer: "canvas" });
    chart.setOption({
      color: CHART_COLOURS,
      animation: !reducedMotion(),
      textStyle: { fontFamily: "'Titillium Web', Geneva, Tahoma, sans-serif", fontSize: 13 },
      ...option,
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return (
    <>
      <figure className="chart mb-2" role="img" aria-label={label}>
        <div ref={container} style={{ height }} />
      </figure>
      <details className="chart-data">
        <summary>{tableSummary}</summary>
        <div className="table-responsive mt-2">{table}</div>
      </details>
    </>
  );
}
