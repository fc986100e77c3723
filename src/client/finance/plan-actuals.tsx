// SPDX-License-Identifier: EUPL-1.2
import { lazy, Suspense } from "react";
import type { PlanActualsView } from "../../domain/finance/plan-api.schema.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { useFormat } from "../format.ts";
import { ChecksPanel } from "./checks-panel.tsx";
import { usePlanActuals } from "./finance-api.ts";
import { signedEuro, useMonthLabel } from "./finance-format.ts";
import { useFinanceT } from "./finance-i18n.ts";

const ActualRentChart = lazy(() => import("./plan-charts.tsx").then((m) => ({ default: m.ActualRentChart })));

type Totals = PlanActualsView["totals"];
/** The three flows compared, each as its planned and its actual figure. */
const FLOWS = [
  { key: "rent", planned: "plannedCollectedRentCents", actual: "actualCollectedRentCents" },
  { key: "renovation", planned: "plannedRenovationSpendCents", actual: "actualWorksCostCents" },
  { key: "debtService", planned: "plannedDebtServiceCents", actual: "actualLoanPaymentsCents" },
] as const satisfies readonly { key: string; planned: keyof Totals; actual: keyof Totals }[];

/**
 * The plan against what happened: rent collected as a chart, the three flows month by month with their
 * totals, and the programme's checks on actual figures.
 */
export function ActualsSection({ name }: { name: string }) {
  const { t } = useFinanceT();
  const format = useFormat();
  const actuals = usePlanActuals(name);
  const data = actuals.data;
  return (
    <section aria-labelledby="actuals-title" className="mb-5">
      <h2 id="actuals-title">{t("actuals.title")}</h2>
      {actuals.isPending ? <Loading /> : null}
      {actuals.error ? <ErrorAlert error={actuals.error} onRetry={() => actuals.refetch()} /> : null}
      {data ? (
        <>
          <p>{t("actuals.lead", { version: data.version, asOf: format.date(data.asOf) })}</p>
          {data.scope === "own_organisation" ? (
            <p className="alert alert-info" data-testid="actuals-scope">
              {t("actuals.ownOrganisation")}
            </p>
          ) : null}
          {data.months.length === 0 ? (
            <p>{t("actuals.noMonths")}</p>
          ) : (
            <>
              <h3 className="h5">{t("actuals.chartTitle")}</h3>
              <Suspense fallback={<Loading />}>
                <ActualRentChart months={data.months} />
              </Suspense>
              <ActualsTable actuals={data} />
            </>
          )}
          <ChecksPanel checks={data.checks} on="actuals" />
        </>
      ) : null}
    </section>
  );
}

/** Month by month, planned, actual and the difference of each flow, under a header of two rows. */
function ActualsTable({ actuals }: { actuals: PlanActualsView }) {
  const { t } = useFinanceT();
  const format = useFormat();
  const monthLabel = useMonthLabel();
  const cells = (row: Totals) =>
    FLOWS.flatMap((flow) => [
      <td key={`${flow.key}-planned`} className="text-end text-nowrap">
        {format.euro(row[flow.planned], { cents: true })}
      </td>,
      <td key={`${flow.key}-actual`} className="text-end text-nowrap">
        {format.euro(row[flow.actual], { cents: true })}
      </td>,
      <td key={`${flow.key}-difference`} className="text-end text-nowrap">
        {signedEuro(format, row[flow.actual] - row[flow.planned])}
      </td>,
    ]);
  return (
    <div className="table-responsive">
      <table className="table table-sm plan-table">
        <caption>{t("actuals.tableCaption")}</caption>
        <colgroup span={1} />
        {FLOWS.map((flow) => (
          <colgroup key={flow.key} span={3} />
        ))}
        <thead>
          <tr>
            <td />
            {FLOWS.map((flow) => (
              <th key={flow.key} scope="colgroup" colSpan={3} className="text-center">
                {t(`actuals.${flow.key}`)}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">{t("actuals.month")}</th>
            {FLOWS.flatMap((flow) => [
              <th key={`${flow.key}-planned`} scope="col" className="text-end">
                {t("actuals.planned")}
              </th>,
              <th key={`${flow.key}-actual`} scope="col" className="text-end">
                {t("actuals.actual")}
              </th>,
              <th key={`${flow.key}-difference`} scope="col" className="text-end">
                {t("actuals.difference")}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {actuals.months.map((m) => (
            <tr key={m.month}>
              <th scope="row" className="text-nowrap">
                {monthLabel(m.month)}
              </th>
              {cells(m)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("actuals.total")}</th>
            {cells(actuals.totals)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
