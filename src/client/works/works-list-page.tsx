// SPDX-License-Identifier: EUPL-1.2
import "./works.css";
import { lazy, Suspense } from "react";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { FilterActions, FilterSelect, searchOfForm } from "../components/filter-form.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { useWorksList, useWorksReport } from "./works-api.ts";
import { NotApplicable, Slippage, WorksStatusBadge } from "./works-badges.tsx";
import { SourceTable } from "./works-figures.tsx";
import { useWorksLabels, useWorksT } from "./works-i18n.ts";
import { CONTRACTORS_PATH, NEW_WORKS_PATH, statusFromSearch, WORKS_PATH, worksHref } from "./works-paths.ts";

const SpendBySourceChart = lazy(() =>
  import("./works-charts.tsx").then((m) => ({ default: m.SpendBySourceChart })),
);

/** Lavori di ristrutturazione: the works, filtered by status, and the cost report. */
export function WorksListPage() {
  const { t } = useWorksT();
  const format = useFormat();
  const labels = useWorksLabels();
  const canWrite = useCan("works:write");
  const { search } = useLocation();
  const status = statusFromSearch(search);
  const list = useWorksList(status);
  const items = list.data?.items;
  return (
    <>
      <PageTitle title={t("list.title")} lead={t("list.lead")}>
        <div className="d-flex flex-wrap gap-2">
          <Link to={CONTRACTORS_PATH} className="btn btn-outline-primary">
            {t("list.contractors")}
          </Link>
          {canWrite ? (
            <Link to={NEW_WORKS_PATH} className="btn btn-primary">
              {t("list.new")}
            </Link>
          ) : null}
        </div>
      </PageTitle>
      <form
        className="row align-items-end mb-3"
        aria-label={t("list.filter")}
        onSubmit={(event) => {
          const params = searchOfForm(event);
          navigate(`${WORKS_PATH}${params.size > 0 ? `?${params}` : ""}`);
        }}
      >
        <FilterSelect
          id="works-status"
          name="status"
          className="col-12 col-md-4"
          label={t("list.filterStatus")}
          value={status}
          options={labels.statusOptions}
        />
        <FilterActions className="col-12 col-md-8 mb-3" resetHref={status ? WORKS_PATH : null} />
      </form>
      <ListStatus query={list} count={items?.length} empty={<p>{t("list.empty")}</p>} />
      {items && items.length > 0 ? (
        <div className="table-responsive mb-5">
          <table className="table works-table">
            <caption>
              {t("list.caption")}: {t("list.count", { count: items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("list.reference")}</th>
                <th scope="col">{t("list.titleColumn")}</th>
                <th scope="col">{t("list.partner")}</th>
                <th scope="col">{t("list.units")}</th>
                <th scope="col">{t("list.status")}</th>
                <th scope="col" className="text-end">
                  {t("list.estimate")}
                </th>
                <th scope="col" className="text-end">
                  {t("list.spent")}
                </th>
                <th scope="col">{t("list.contractor")}</th>
                <th scope="col">{t("list.plannedEnd")}</th>
                <th scope="col">{t("list.slippage")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((w) => (
                <tr key={w.id}>
                  <th scope="row">
                    <Link to={worksHref(w.reference)}>{w.reference}</Link>
                  </th>
                  <td>{w.title}</td>
                  <td>{w.partnerCode}</td>
                  <td>{w.unitCodes.join(", ")}</td>
                  <td>
                    <WorksStatusBadge status={w.status} />
                  </td>
                  <td className="text-end text-nowrap">
                    {format.euro(w.estimateExVatCents, { cents: true })}
                  </td>
                  <td className="text-end text-nowrap">{format.euro(w.spentExVatCents, { cents: true })}</td>
                  <td>{w.contractorName ?? "—"}</td>
                  <td className="text-nowrap">{w.plannedEnd ? format.date(w.plannedEnd) : "—"}</td>
                  <td>{w.status === "cancelled" ? <NotApplicable /> : <Slippage days={w.slippageDays} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <WorksReportSection />
    </>
  );
}

function WorksReportSection() {
  const { t } = useWorksT();
  const format = useFormat();
  const report = useWorksReport();
  const totals = report.data?.totals;
  const money = (cents: number | null) =>
    cents === null ? t("report.none") : format.euro(cents, { cents: true });
  return (
    <section aria-labelledby="works-report-title">
      <h2 id="works-report-title" className="h3">
        {t("report.title")}
      </h2>
      <p>{t("report.lead")}</p>
      {report.isPending ? <Loading /> : null}
      {report.error ? <ErrorAlert error={report.error} onRetry={() => report.refetch()} /> : null}
      {totals ? (
        <div className="row">
          <div className="col-12 col-lg-5">
            <dl className="facts">
              {[
                [t("report.units"), format.number(totals.units)],
                [t("report.surface"), format.squareMetres(totals.surfaceM2)],
                [t("report.spentExVat"), money(totals.exVatCents)],
                [t("report.vat"), money(totals.vatCents)],
                [t("report.total"), money(totals.totalCents)],
                [t("report.perM2"), money(totals.perM2Cents)],
                [t("report.perUnit"), money(totals.perUnitCents)],
              ].map(([label, value]) => (
                <div className="facts-row" key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </div>
          <div className="col-12 col-lg-7">
            <h3 className="h5">{t("report.bySourceTitle")}</h3>
            <SourceTable bySource={totals.bySource} caption={t("report.bySourceTitle")} hideCaption />
            <Suspense fallback={<Loading />}>
              <SpendBySourceChart bySource={totals.bySource} />
            </Suspense>
          </div>
          {report.data && report.data.works.length > 0 ? (
            <div className="col-12 table-responsive mt-3">
              <FigureTable
                className="table table-sm"
                caption={t("report.perWorksTitle")}
                rowHeader={t("report.works")}
                columns={[
                  t("report.units"),
                  t("report.surface"),
                  t("report.spentExVat"),
                  t("report.perM2"),
                  t("report.perUnit"),
                  { header: t("list.slippage"), words: true },
                ]}
                rows={report.data.works.map((w) => ({
                  key: w.reference,
                  label: <Link to={worksHref(w.reference)}>{w.reference}</Link>,
                  cells: [
                    w.units,
                    format.squareMetres(w.surfaceM2),
                    money(w.exVatCents),
                    money(w.perM2Cents),
                    money(w.perUnitCents),
                    <Slippage key="s" days={w.slippageDays} />,
                  ],
                }))}
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
