// SPDX-License-Identifier: EUPL-1.2
import "./finance.css";
import { lazy, Suspense } from "react";
import type { CheckId } from "../../domain/finance/checks.ts";
import type {
  PlanComparisonView,
  PlanResultView,
  PlanScenarioView,
  PlanSensitivityView,
} from "../../domain/finance/plan-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { Icon } from "../components/icon.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { Link, useLocation } from "../router.tsx";
import { ChecksPanel } from "./checks-panel.tsx";
import {
  usePlanComparison,
  usePlanResult,
  usePlanScenario,
  usePlanSensitivity,
  workbookUrl,
} from "./finance-api.ts";
import { useFinanceLabels, useFinanceT } from "./finance-i18n.ts";
import { PLAN_PATH, scenarioEditHref } from "./finance-paths.ts";
import { MonteCarloPanel } from "./monte-carlo-panel.tsx";
import { ActualsSection } from "./plan-actuals.tsx";

const PlanCharts = lazy(() => import("./plan-charts.tsx").then((m) => ({ default: m.PlanCharts })));
const TornadoChart = lazy(() => import("./plan-charts.tsx").then((m) => ({ default: m.TornadoChart })));

/**
 * A scenario's results: figures, programme checks, revenue, break-even, charts, the plan against
 * actual figures, variants, risk.
 */
export function ScenarioPage({ name }: { name: string }) {
  const { t } = useFinanceT();
  const format = useFormat();
  const canWrite = useCan("plan:write");
  const scenario = usePlanScenario(name);
  const saved = useLocation().search.get("salvata");
  const s = scenario.data;
  return (
    <>
      <RecordBreadcrumb listHref={PLAN_PATH} listLabel={t("list.title")} current={s?.scenario.name ?? null} />
      {/* The h1 is there from the start: the layout moves the focus to it after a page change. */}
      <PageTitle
        title={s?.scenario.name ?? t("scenario.loadingTitle")}
        lead={
          s
            ? t("scenario.lead", {
                version: s.version,
                date: format.dateTime(s.createdAt),
                author: s.createdBy?.name ?? t("scenario.unknownAuthor"),
                reason: s.reason,
              })
            : undefined
        }
      >
        <div className="d-flex flex-wrap gap-2">
          <a className="btn btn-outline-primary" href={workbookUrl(name)} download>
            <Icon name="download" size="sm" className="icon-primary me-1" />
            {t("scenario.download")}
          </a>
          {canWrite ? (
            <Link className="btn btn-primary" to={scenarioEditHref(name)}>
              {t("scenario.edit")}
            </Link>
          ) : null}
        </div>
      </PageTitle>
      {scenario.isPending ? <Loading /> : null}
      {scenario.error ? <ErrorAlert error={scenario.error} onRetry={() => scenario.refetch()} /> : null}
      {s ? <ScenarioBody name={name} scenario={s} saved={saved} /> : null}
    </>
  );
}

function ScenarioBody({
  name,
  scenario: s,
  saved,
}: {
  name: string;
  scenario: PlanScenarioView;
  saved: string | null;
}) {
  const { t } = useFinanceT();
  const result = usePlanResult(name);
  return (
    <>
      {saved !== null && Number(saved) === s.version ? (
        <div className="alert alert-success" role="status">
          {t("scenario.saved", { version: s.version })}
        </div>
      ) : null}
      {result.isPending ? <Loading label={t("scenario.computing")} /> : null}
      {result.error ? <ErrorAlert error={result.error} onRetry={() => result.refetch()} /> : null}
      {result.data ? <Results result={result.data} /> : null}
      <ActualsSection name={name} />
      <ComparisonSection name={name} />
      <SensitivitySection name={name} />
      <MonteCarloPanel name={name} version={s.version} />
      <VersionsSection scenario={s} />
    </>
  );
}

function Results({ result }: { result: PlanResultView }) {
  const { t } = useFinanceT();
  const format = useFormat();
  const { plan } = result;
  const revenue = plan.revenue;
  const rate = (value: number | null) => (value === null ? t("breakEven.none") : format.percent(value, 2));
  return (
    <>
      <section aria-labelledby="summary-title" className="mb-5">
        <h2 id="summary-title">{t("summary.title")}</h2>
        <dl className="plan-figures">
          <div>
            <dt>{t("summary.minDscr")}</dt>
            <dd>
              {plan.minDscr === null
                ? t("summary.noDebt")
                : t("summary.minDscrValue", {
                    value: format.number(plan.minDscr, 2),
                    year: plan.minDscrYear,
                  })}
            </dd>
          </div>
          <div>
            <dt>{t("summary.unitsRecovered")}</dt>
            <dd>{format.number(plan.unitsRecovered, 0)}</dd>
          </div>
          <div>
            <dt>{t("summary.unitsAtEnd")}</dt>
            <dd>{format.number(plan.unitsInOperationAtEnd, 0)}</dd>
          </div>
          <div>
            <dt>{t("summary.fundEnd")}</dt>
            <dd>{format.euro(plan.totals.fundEndCents)}</dd>
          </div>
          <div>
            <dt>{t("summary.shortfall")}</dt>
            <dd>{format.euro(plan.totals.shortfallCents)}</dd>
          </div>
          <div>
            <dt>{t("summary.reserveEnd")}</dt>
            <dd>{format.euro(plan.totals.reserveEndCents)}</dd>
          </div>
        </dl>
      </section>
      <ChecksPanel checks={result.checks} />
      <section aria-labelledby="revenue-title" className="mb-5">
        <h2 id="revenue-title">{t("revenue.title")}</h2>
        <p>{t("revenue.lead")}</p>
        <FigureTable
          className="table table-sm plan-table w-auto"
          caption={t("revenue.caption")}
          hideCaption
          rowHeader={t("revenue.item")}
          columns={[t("revenue.amount")]}
          rows={[
            {
              key: "plan",
              label: t("revenue.plan"),
              cells: [format.euro(revenue.collectedCents, { cents: true })],
            },
            {
              key: "estimate",
              label: t("revenue.estimate"),
              cells: [format.euro(revenue.estimateCents, { cents: true })],
            },
            {
              key: "difference",
              label: t("revenue.difference"),
              cells: [
                `${revenue.differenceCents > 0 ? "+" : ""}${format.euro(revenue.differenceCents, { cents: true })}${
                  revenue.differenceShare === null
                    ? ""
                    : ` (${format.signed(Math.round(revenue.differenceShare * 1000) / 10)} %)`
                }`,
              ],
            },
          ]}
        />
      </section>
      <section aria-labelledby="break-even-title" className="mb-5">
        <h2 id="break-even-title">{t("breakEven.title")}</h2>
        <p>{t("breakEven.lead")}</p>
        <dl className="plan-figures">
          <div>
            <dt>{t("breakEven.arrears")}</dt>
            <dd>{rate(plan.breakEven.arrearsRate)}</dd>
          </div>
          <div>
            <dt>{t("breakEven.rentLevel")}</dt>
            <dd>{rate(plan.breakEven.rentLevel)}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="charts-title" className="mb-5">
        <h2 id="charts-title">{t("charts.title")}</h2>
        <Suspense fallback={<Loading />}>
          <PlanCharts plan={plan} />
        </Suspense>
      </section>
    </>
  );
}

function ComparisonSection({ name }: { name: string }) {
  const { t } = useFinanceT();
  const comparison = usePlanComparison(name);
  return (
    <section aria-labelledby="comparison-title" className="mb-5">
      <h2 id="comparison-title">{t("comparison.title")}</h2>
      <p>{t("comparison.lead")}</p>
      {comparison.isPending ? <Loading /> : null}
      {comparison.error ? <ErrorAlert error={comparison.error} onRetry={() => comparison.refetch()} /> : null}
      {comparison.data ? <ComparisonTable comparison={comparison.data} /> : null}
    </section>
  );
}

function ComparisonTable({ comparison }: { comparison: PlanComparisonView }) {
  const { t } = useFinanceT();
  const labels = useFinanceLabels();
  const format = useFormat();
  return (
    <div className="table-responsive">
      <FigureTable
        className="table table-sm plan-table"
        caption={t("comparison.caption")}
        rowHeader={t("comparison.variant")}
        columns={[
          t("comparison.minDscr"),
          t("comparison.unitsRecovered"),
          t("comparison.collected"),
          t("comparison.fundEnd"),
          t("comparison.shortfall"),
          t("comparison.breakEvenArrears"),
          { header: t("comparison.failedChecks"), words: true },
        ]}
        rows={comparison.variants.map((v) => ({
          key: v.id,
          label: labels.variant(v.id),
          cells: [
            v.minDscr === null
              ? "—"
              : t("summary.minDscrValue", { value: format.number(v.minDscr, 2), year: v.minDscrYear }),
            format.number(v.unitsRecovered, 0),
            format.euro(v.collectedRentCents),
            format.euro(v.fundEndCents),
            format.euro(v.shortfallCents),
            v.breakEvenArrearsRate === null ? "—" : format.percent(v.breakEvenArrearsRate, 1),
            v.failedChecks.length === 0
              ? t("comparison.noneFailed")
              : v.failedChecks.map((id) => labels.check(id as CheckId)).join("; "),
          ],
        }))}
      />
    </div>
  );
}

function SensitivitySection({ name }: { name: string }) {
  const { t } = useFinanceT();
  const sensitivity = usePlanSensitivity(name);
  return (
    <section aria-labelledby="sensitivity-title" className="mb-5">
      <h2 id="sensitivity-title">{t("sensitivity.title")}</h2>
      <p>{t("sensitivity.lead")}</p>
      {sensitivity.isPending ? <Loading /> : null}
      {sensitivity.error ? (
        <ErrorAlert error={sensitivity.error} onRetry={() => sensitivity.refetch()} />
      ) : null}
      {sensitivity.data ? <Tornado sensitivity={sensitivity.data} /> : null}
    </section>
  );
}

function Tornado({ sensitivity }: { sensitivity: PlanSensitivityView }) {
  return (
    <Suspense fallback={<Loading />}>
      <TornadoChart sensitivity={sensitivity} />
    </Suspense>
  );
}

function VersionsSection({ scenario }: { scenario: PlanScenarioView }) {
  const { t } = useFinanceT();
  const format = useFormat();
  return (
    <section aria-labelledby="versions-title" className="mb-5">
      <h2 id="versions-title">{t("versions.title")}</h2>
      <FigureTable
        className="table table-sm plan-table"
        caption={t("versions.caption")}
        hideCaption
        rowHeader={t("versions.version")}
        columns={[
          { header: t("versions.when"), words: true },
          { header: t("versions.who"), words: true },
          { header: t("versions.why"), words: true },
        ]}
        rows={scenario.versions.map((v) => ({
          key: String(v.version),
          label: v.version,
          cells: [format.dateTime(v.createdAt), v.createdBy?.name ?? t("scenario.unknownAuthor"), v.reason],
        }))}
      />
    </section>
  );
}
