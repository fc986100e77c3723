// SPDX-License-Identifier: EUPL-1.2
import { type ComponentProps, lazy, Suspense } from "react";
import type { Chart as ChartComponent } from "../components/chart.tsx";
import { Loading } from "../components/loading.tsx";

// ECharts is the heaviest dependency: the page (and its h1, which takes the focus after a page change)
// shows at once, and the chart follows when ECharts has loaded.
const Chart = lazy(() => import("../components/chart.tsx").then((m) => ({ default: m.Chart })));

/** `Chart`, loaded on first use; its text alternative and data table come with it. */
export function LazyChart(props: ComponentProps<typeof ChartComponent>) {
  return (
    <Suspense fallback={<Loading />}>
      <Chart {...props} />
    </Suspense>
  );
}
