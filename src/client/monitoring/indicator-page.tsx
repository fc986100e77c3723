// SPDX-License-Identifier: EUPL-1.2
import "./monitoring.css";
import { lazy, Suspense, useId, useState } from "react";
import { type Granularity, periodKeyOf } from "../../domain/monitoring/periods.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { localToday } from "../funding/funding-form.tsx";
import { useLocation } from "../router.tsx";
import { BreakdownSection } from "./breakdown-section.tsx";
import { StandingBadge, useTargetText } from "./indicator-cards.tsx";
import {
  type IndicatorDefinitionView,
  type IndicatorDetail,
  useCatalogue,
  useIndicator,
  useSeries,
} from "./monitoring-api.ts";
import { useIndicatorFormat } from "./monitoring-format.ts";
import { useMonitoringLabels, useMonitoringT } from "./monitoring-i18n.ts";
import { dashboardHref, dimensionOfSearch, indicatorHref, periodOfSearch } from "./monitoring-paths.ts";
import { PeriodPicker } from "./period-picker.tsx";
import { TargetsEditor } from "./targets-editor.tsx";

const SeriesChart = lazy(() => import("./monitoring-charts.tsx").then((m) => ({ default: m.SeriesChart })));

/** One indicator: what it measures, its value in the period, its series, disaggregations and targets. */
export function IndicatorPage({ code }: { code: string }) {
  const { t, i18n } = useMonitoringT();
  const language = i18n.language === "en" ? "en" : "it";
  const { search } = useLocation();
  // The current quarter unless the address names a period, as the dashboard's default.
  const period = periodOfSearch(search) ?? periodKeyOf("quarter", localToday());
  const catalogue = useCatalogue();
  const definition = catalogue.data?.indicators.find((d) => d.code === code);
  const asked = dimensionOfSearch(search);
  const dimension = definition?.dimensions.find((d) => d === asked) ?? definition?.dimensions[0];
  const detail = useIndicator(code, period, dimension, definition !== undefined);
  const canManage = useCan("monitoring:manage");
  const name = definition?.name[language] ?? null;
  const labels = useMonitoringLabels();
  return (
    <>
      <RecordBreadcrumb listHref={dashboardHref(period)} listLabel={t("dashboard.title")} current={name} />
      <PageTitle title={name ?? t("indicator.loadingTitle")} lead={definition?.definition[language]} />
      {catalogue.error ? <ErrorAlert error={catalogue.error} onRetry={() => catalogue.refetch()} /> : null}
      {catalogue.isPending ? <Loading /> : null}
      {catalogue.data && !definition ? (
        <div className="alert alert-warning" role="alert">
          {t("indicator.notFound")}
        </div>
      ) : null}
      {definition ? (
        <>
          <Method definition={definition} />
          <section className="mb-5" aria-labelledby="indicator-period-title">
            <h2 id="indicator-period-title" className="h4 mb-3">
              {t("indicator.periodTitle", { period: labels.period(period) })}
            </h2>
            <PeriodPicker key={period} current={period} hrefOf={(p) => indicatorHref(code, p, asked)} />
            {detail.error ? <ErrorAlert error={detail.error} onRetry={() => detail.refetch()} /> : null}
            {detail.isPending ? <Loading /> : null}
            {detail.data ? <PeriodValue definition={definition} detail={detail.data} /> : null}
          </section>
          <SeriesSection definition={definition} />
          {detail.data && dimension ? (
            <BreakdownSection
              definition={definition}
              detail={detail.data}
              dimension={dimension}
              period={period}
            />
          ) : null}
          <Targets definition={definition} />
          {canManage ? <TargetsEditor definition={definition} /> : null}
        </>
      ) : null}
    </>
  );
}

function Method({ definition }: { definition: IndicatorDefinitionView }) {
  const { t, i18n } = useMonitoringT();
  const language = i18n.language === "en" ? "en" : "it";
  const labels = useMonitoringLabels();
  const rows: [string, string][] = [
    [t("method.numerator"), definition.numerator[language]],
    ...(definition.denominator[language]
      ? [[t("method.denominator"), definition.denominator[language]] as [string, string]]
      : []),
    [t("method.unit"), labels.unit(definition.unit)],
    [t("method.direction"), labels.direction(definition.direction)],
    [t("method.span"), definition.cumulative ? t("method.cumulative") : t("method.inPeriod")],
    [t("method.records"), labels.recordKind(definition.records)],
  ];
  return (
    <section className="mb-5" aria-labelledby="indicator-method-title">
      <h2 id="indicator-method-title" className="h4 mb-3">
        {t("method.title")}
      </h2>
      <dl className="monitoring-facts">
        {rows.map(([term, text]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The value of the period against its target, with its terms and whether it is frozen. */
function PeriodValue({
  definition,
  detail,
}: {
  definition: IndicatorDefinitionView;
  detail: IndicatorDetail;
}) {
  const { t } = useMonitoringT();
  const values = useIndicatorFormat();
  const targetText = useTargetText();
  const terms = values.terms(definition, detail);
  return (
    <div className="card shadow-sm">
      <div className="card-body">
        <p className={`monitoring-value mb-1${detail.value === null ? " is-empty" : ""}`}>
          {values.value(definition.unit, detail.value)}
        </p>
        <p className="mb-2">
          <StandingBadge standing={detail.standing} />
        </p>
        <p className="mb-1">{targetText({ ...detail, definition })}</p>
        {terms ? <p className="small text-secondary mb-1">{terms}</p> : null}
        <p className="small text-secondary mb-0">{t(`indicator.source.${detail.source}`)}</p>
      </div>
    </div>
  );
}

const SERIES: Record<"quarter" | "month", { granularity: Granularity; count: number }> = {
  quarter: { granularity: "quarter", count: 8 },
  month: { granularity: "month", count: 12 },
};

/** The last 8 quarters or 12 months, with the targets as lines. */
function SeriesSection({ definition }: { definition: IndicatorDefinitionView }) {
  const { t } = useMonitoringT();
  const [span, setSpan] = useState<keyof typeof SERIES>("quarter");
  const { granularity, count } = SERIES[span];
  const series = useSeries(definition.code, granularity, count);
  const id = useId();
  return (
    <section className="card shadow-sm mb-5" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h2 id={`${id}-title`} className="h4 mb-3">
          {t("series.title")}
        </h2>
        <fieldset className="mb-3">
          <legend className="visually-hidden">{t("series.span")}</legend>
          <div className="btn-group">
            {(Object.keys(SERIES) as (keyof typeof SERIES)[]).map((key) => (
              <button
                key={key}
                type="button"
                className={`btn ${span === key ? "btn-primary" : "btn-outline-primary"}`}
                aria-pressed={span === key}
                onClick={() => setSpan(key)}
              >
                {t(`series.spans.${key}`)}
              </button>
            ))}
          </div>
        </fieldset>
        {series.error ? <ErrorAlert error={series.error} onRetry={() => series.refetch()} /> : null}
        {series.isPending ? <Loading /> : null}
        {series.data ? (
          <Suspense fallback={<Loading />}>
            <SeriesChart series={series.data} definition={definition} />
          </Suspense>
        ) : null}
      </div>
    </section>
  );
}

/** The targets in force, and whether the Comune set them or they are the catalogue's. */
function Targets({ definition }: { definition: IndicatorDefinitionView }) {
  const { t } = useMonitoringT();
  const labels = useMonitoringLabels();
  const format = useFormat();
  const values = useIndicatorFormat();
  return (
    <section className="mb-5" aria-labelledby="indicator-targets-title">
      <h2 id="indicator-targets-title" className="h4 mb-3">
        {t("targets.title")}
      </h2>
      <p className="small">{definition.defaultTargets ? t("targets.defaults") : t("targets.set")}</p>
      <div className="table-responsive">
        <FigureTable
          caption={t("targets.caption")}
          hideCaption
          rowHeader={t("targets.fields.kind")}
          columns={[
            t("targets.fields.value"),
            { header: t("targets.fields.dueOn"), nowrap: true },
            { header: t("targets.fields.note"), words: true },
          ]}
          empty={t("targets.none")}
          rows={definition.targets.map((target) => ({
            key: `${target.kind}-${target.dueOn}`,
            label: labels.targetKind(target.kind),
            cells: [values.value(definition.unit, target.value), format.date(target.dueOn), target.note],
          }))}
        />
      </div>
    </section>
  );
}
