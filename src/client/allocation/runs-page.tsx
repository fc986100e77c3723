// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import type { AllocationRunSummary } from "../../domain/allocation/run.schema.ts";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { Pagination, ResultsHeader } from "../components/pagination.tsx";
import { type Format, useFormat } from "../format.ts";
import { Link, useLocation } from "../router.tsx";
import { useRunPage } from "./allocation-api.ts";
import { HubBreadcrumb } from "./allocation-hub-page.tsx";
import { listPageFromSearch, runHref, runListHref } from "./allocation-paths.ts";
import { RunStatusBadge } from "./badges.tsx";
import { RunForm } from "./run-form.tsx";

/** How much the joint optimum beats the greedy baseline, as a percentage; null when not comparable. */
export function improvementOf(
  run: Pick<AllocationRunSummary, "objective" | "greedyObjective">,
): number | null {
  if (run.objective === null || run.greedyObjective <= 0) return null;
  return (run.objective - run.greedyObjective) / run.greedyObjective;
}

export const figure = (format: Format, value: number | null) =>
  value === null ? "—" : format.number(value, 2);

function RunRow({ run }: { run: AllocationRunSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const improvement = improvementOf(run);
  return (
    <tr>
      <th scope="row" className="text-nowrap">
        <Link to={runHref(run.id)}>{format.dateTime(run.createdAt)}</Link>
      </th>
      <td className="text-end">{run.rulesVersion}</td>
      <td>
        <RunStatusBadge status={run.status} />
      </td>
      <td className="text-end">{figure(format, run.objective)}</td>
      <td className="text-end">{figure(format, run.dualBound)}</td>
      <td className="text-end">{figure(format, run.gap)}</td>
      <td className="text-end">{figure(format, run.greedyObjective)}</td>
      <td className="text-end">{improvement === null ? "—" : format.percent(improvement, 2)}</td>
      <td className="text-nowrap">
        {t("allocation.runs.size", { units: run.units, households: run.households })}
      </td>
    </tr>
  );
}

/** Esecuzioni: start a run, and the runs so far, newest first. */
export function RunsPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const list = listPageFromSearch(search);
  const runs = useRunPage({ limit: list.limit, offset: (list.page - 1) * list.limit });
  const total = runs.data?.total ?? 0;
  const last = Math.max(1, Math.ceil(total / list.limit));
  const columns = [
    { key: "date", label: t("allocation.runs.columns.date"), end: false },
    { key: "rules", label: t("allocation.runs.columns.rulesVersion"), end: true },
    { key: "status", label: t("allocation.fields.status"), end: false },
    { key: "objective", label: t("allocation.fields.objective"), end: true },
    { key: "bound", label: t("allocation.fields.dualBound"), end: true },
    { key: "gap", label: t("allocation.fields.gap"), end: true },
    { key: "greedy", label: t("allocation.fields.greedyObjective"), end: true },
    { key: "improvement", label: t("allocation.fields.improvement"), end: true },
    { key: "size", label: t("allocation.runs.columns.size"), end: false },
  ];
  return (
    <>
      <HubBreadcrumb current={t("allocation.runs.title")} />
      <PageTitle title={t("allocation.runs.title")} lead={t("allocation.runs.lead")} />
      <RunForm />
      <section aria-labelledby="runs-title">
        <ResultsHeader
          titleId="runs-title"
          title={t("allocation.runs.listTitle")}
          count={
            runs.data
              ? t("allocation.runs.count", { count: total, page: Math.min(list.page, last), pages: last })
              : ""
          }
          pageSizeId="runs-page-size"
          limit={list.limit}
          href={(limit) => runListHref({ limit, page: 1 })}
        />
        <ListStatus
          query={runs}
          count={runs.data?.items.length}
          empty={<div className="alert alert-info">{t("allocation.runs.empty")}</div>}
        />
        {runs.data && runs.data.items.length > 0 ? (
          <div className="table-responsive">
            <table className="table table-hover" aria-busy={runs.isFetching}>
              <caption className="visually-hidden">{t("allocation.runs.caption")}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className={c.end ? "text-end" : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {runs.data.items.map((run) => (
                  <RunRow key={run.id} run={run} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {runs.data ? (
          <Pagination
            page={list.page}
            limit={list.limit}
            total={total}
            href={(page) => runListHref({ ...list, page })}
          />
        ) : null}
      </section>
    </>
  );
}
