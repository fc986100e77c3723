// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  type AutonomyProgress,
  PLAN_DOMAINS,
  type PlanDomain,
} from "../../domain/support-plans/support-plan.schema.ts";
import { Chart, type ChartOption } from "../components/chart.tsx";
import { useFormat } from "../format.ts";
import { useSupportPlanLabels } from "./support-plan-labels.ts";

type Grid = { dates: string[]; domains: PlanDomain[]; score: (d: PlanDomain, date: string) => number | null };

/** The progress as a grid: the review dates, the domains assessed at least once, a score per cell. */
function gridOf(progress: AutonomyProgress): Grid {
  const domains = PLAN_DOMAINS.filter((d) => (progress[d]?.length ?? 0) > 0);
  const dates = [...new Set(domains.flatMap((d) => (progress[d] ?? []).map((p) => p.date)))].sort();
  const byDomain = new Map(
    domains.map((d) => [d, new Map((progress[d] ?? []).map((p) => [p.date, p.score]))] as const),
  );
  return { dates, domains, score: (d, date) => byDomain.get(d)?.get(date) ?? null };
}

/**
 * Autonomy over time: one line per domain across the reviews, on the fixed 1–5 scale, with the same
 * numbers as a table (the canvas says nothing to a screen reader).
 */
export function AutonomyChart({ progress }: { progress: AutonomyProgress }) {
  const { t } = useTranslation();
  const labels = useSupportPlanLabels();
  const format = useFormat();
  const grid = useMemo(() => gridOf(progress), [progress]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { bottom: 0, type: "scroll" },
      grid: { left: 8, right: 24, top: 40, bottom: 48, containLabel: true },
      xAxis: { type: "category", boundaryGap: false, data: grid.dates.map((d) => format.date(d)) },
      yAxis: {
        type: "value",
        min: 1,
        max: 5,
        interval: 1,
        name: t("plans.chart.axis"),
        // The name starts at the axis and runs right, inside the chart: centred on it, it is cut off.
        nameTextStyle: { align: "left" },
      },
      series: grid.domains.map((d) => ({
        type: "line",
        name: labels.domain(d),
        connectNulls: true,
        symbolSize: 8,
        data: grid.dates.map((date) => grid.score(d, date)),
      })),
    }),
    [grid, labels, format, t],
  );
  if (grid.dates.length === 0) return <p>{t("plans.chart.empty")}</p>;
  const summary = grid.domains
    .map((d) => {
      const scores = grid.dates.map((date) => grid.score(d, date)).filter((s): s is number => s !== null);
      const first = scores[0];
      const last = scores.at(-1);
      return scores.length > 1
        ? t("plans.chart.domainFromTo", { domain: labels.domain(d), from: first, to: last })
        : t("plans.chart.domainAt", { domain: labels.domain(d), score: last });
    })
    .join("; ");
  const caption = t("plans.chart.caption");
  return (
    <Chart
      option={option}
      height={320}
      label={t("plans.chart.label", { count: grid.dates.length, summary })}
      tableSummary={t("plans.chart.showData")}
      table={
        <table className="table table-sm autonomy-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("plans.chart.reviewDate")}</th>
              {grid.domains.map((d) => (
                <th scope="col" key={d} className="text-end">
                  {labels.domain(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.dates.map((date) => (
              <tr key={date}>
                <th scope="row" className="text-nowrap">
                  {format.date(date)}
                </th>
                {grid.domains.map((d) => {
                  const score = grid.score(d, date);
                  return (
                    <td key={d} className="text-end">
                      {score === null ? (
                        <>
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">{t("plans.chart.notAssessed")}</span>
                        </>
                      ) : (
                        score
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
