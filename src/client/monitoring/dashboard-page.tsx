// SPDX-License-Identifier: EUPL-1.2
import "./monitoring.css";
import { lazy, Suspense, useId, useMemo, useState } from "react";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Icon } from "../components/icon.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useLocation } from "../router.tsx";
import { type DefinedValue, IndicatorGroups } from "./indicator-cards.tsx";
import { type Dashboard, useCatalogue, useDashboard, usePartners } from "./monitoring-api.ts";
import { useMonitoringLabels, useMonitoringT } from "./monitoring-i18n.ts";
import { dashboardHref, periodOfSearch, reportHref } from "./monitoring-paths.ts";
import { PeriodPanel } from "./period-panel.tsx";
import { PeriodPicker } from "./period-picker.tsx";

// ECharts is heavy: the page and its h1 show at once, the chart follows when ECharts has loaded.
const TargetChart = lazy(() => import("./monitoring-charts.tsx").then((m) => ({ default: m.TargetChart })));

/** Monitoraggio: every indicator of a period against its target, for the Cabina di Regia. */
export function MonitoringDashboardPage() {
  const { t } = useMonitoringT();
  const { search } = useLocation();
  const asked = periodOfSearch(search);
  const board = useDashboard(asked);
  const catalogue = useCatalogue();
  const indicators = useMemo<DefinedValue[] | null>(() => {
    if (!board.data || !catalogue.data) return null;
    const definitions = new Map(catalogue.data.indicators.map((d) => [d.code, d]));
    return board.data.indicators.flatMap((i) => {
      const definition = definitions.get(i.code);
      return definition ? [{ ...i, definition }] : [];
    });
  }, [board.data, catalogue.data]);
  const error = board.error ?? catalogue.error;
  return (
    <>
      <PageTitle title={t("dashboard.title")} lead={t("dashboard.lead")} />
      {error ? (
        <ErrorAlert
          error={error}
          onRetry={() => {
            board.refetch();
            catalogue.refetch();
          }}
        />
      ) : null}
      {!error && indicators === null ? <Loading /> : null}
      {board.data && indicators ? (
        <>
          <PeriodPicker key={board.data.period.key} current={board.data.period.key} hrefOf={dashboardHref} />
          <PeriodPanel board={board.data} />
          <Reports board={board.data} />
          <section className="card shadow-sm mb-5" aria-labelledby="target-chart-title">
            <div className="card-body">
              <h2 id="target-chart-title" className="h4 mb-3">
                {t("chart.title")}
              </h2>
              <p className="small">{t("chart.intro")}</p>
              <Suspense fallback={<Loading />}>
                <TargetChart indicators={indicators} />
              </Suspense>
            </div>
          </section>
          <IndicatorGroups indicators={indicators} period={board.data.period.key} />
        </>
      ) : null}
    </>
  );
}

/** The period's report as PDF and XLSX; a reader of the whole programme may ask for one partner's. */
function Reports({ board }: { board: Dashboard }) {
  const { t } = useMonitoringT();
  const labels = useMonitoringLabels();
  const key = board.period.key;
  const programme = board.scope === "programme";
  const canList = useCan("stock:read");
  const partners = usePartners(programme && canList);
  const [partner, setPartner] = useState("");
  const id = useId();
  const name = labels.period(key);
  const links = (partnerId?: string, partnerName?: string) => (
    <ul className="list-unstyled d-flex flex-wrap gap-2 mb-0">
      {(["pdf", "xlsx"] as const).map((format) => (
        <li key={format}>
          <a className="btn btn-outline-primary" href={reportHref(key, format, partnerId)} download>
            <Icon name="download" size="sm" className="me-1" />
            {partnerName
              ? t(`reports.partnerDownload.${format}`, { period: name, partner: partnerName })
              : t(`reports.download.${format}`, { period: name })}
          </a>
        </li>
      ))}
    </ul>
  );
  const chosen = partners.data?.find((o) => o.id === partner);
  return (
    <section className="mb-5" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="h4 mb-3">
        {t("reports.title")}
      </h2>
      <p className="small">{programme ? t("reports.leadProgramme") : t("reports.leadOrganisation")}</p>
      {links()}
      {programme && partners.data && partners.data.length > 0 ? (
        <div className="row g-3 align-items-end mt-2">
          <div className="col-12 col-md-6 col-lg-4 select-wrapper form-group mb-0">
            <label htmlFor={`${id}-partner`}>{t("reports.partner")}</label>
            <select id={`${id}-partner`} value={partner} onChange={(e) => setPartner(e.target.value)}>
              <option value="">{t("reports.choosePartner")}</option>
              {partners.data.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className="col-12 col-md-6 col-lg-8" aria-live="polite">
            {chosen ? links(chosen.id, chosen.name) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
