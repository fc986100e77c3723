// SPDX-License-Identifier: EUPL-1.2
import "./finance.css";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { Link } from "../router.tsx";
import { usePlanScenarios } from "./finance-api.ts";
import { useFinanceT } from "./finance-i18n.ts";
import { scenarioHref } from "./finance-paths.ts";

/** Piano economico finanziario: the scenarios, each at its latest version. */
export function ScenarioListPage() {
  const { t } = useFinanceT();
  const format = useFormat();
  const list = usePlanScenarios();
  return (
    <>
      <PageTitle title={t("list.title")} lead={t("list.lead")} />
      {list.isPending ? <Loading /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data ? (
        <div className="table-responsive">
          <FigureTable
            className="table plan-table"
            caption={t("list.caption")}
            hideCaption
            rowHeader={t("list.scenario")}
            empty={t("list.empty")}
            columns={[
              t("list.version"),
              { header: t("list.start"), words: true },
              t("list.years"),
              { header: t("list.savedBy"), words: true },
              { header: t("list.reason"), words: true },
            ]}
            rows={list.data.items.map((s) => ({
              key: s.name,
              label: <Link to={scenarioHref(s.name)}>{s.title}</Link>,
              cells: [
                s.version,
                s.startMonth,
                s.conventionYears,
                `${s.createdBy?.name ?? "—"}, ${format.dateTime(s.createdAt)}`,
                s.reason,
              ],
            }))}
          />
        </div>
      ) : null}
    </>
  );
}
