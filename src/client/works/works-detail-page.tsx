// SPDX-License-Identifier: EUPL-1.2
import "./works.css";
import { lazy, type ReactNode, Suspense, useState } from "react";
import type { WorksDetail } from "../../domain/works/works-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb, RecordPending, RecordSection } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { Link } from "../router.tsx";
import { StatusBadge } from "../units/status-badge.tsx";
import {
  AddPhaseForm,
  AwardForm,
  CancelForm,
  CompleteForm,
  CostForm,
  PhaseForms,
  StandardsForm,
} from "./works-actions.tsx";
import { useWorks } from "./works-api.ts";
import { NotApplicable, Slippage, StandingBadge, WorksStatusBadge } from "./works-badges.tsx";
import { SourceTable } from "./works-figures.tsx";
import { useSlippageText, useWorksLabels, useWorksT } from "./works-i18n.ts";
import { WORKS_PATH } from "./works-paths.ts";

const ScheduleChart = lazy(() => import("./works-charts.tsx").then((m) => ({ default: m.ScheduleChart })));

/** One works: its facts, schedule, costs and checklist, and the moves for whoever may make them. */
export function WorksDetailPage({ id }: { id: string }) {
  const { t } = useWorksT();
  const works = useWorks(id);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const data = works.data;
  return (
    <>
      <RecordBreadcrumb listHref={WORKS_PATH} listLabel={t("list.title")} current={data?.reference ?? null} />
      <PageTitle
        title={data ? t("detail.title", { reference: data.reference }) : t("detail.loadingTitle")}
        lead={data?.title}
      >
        {data ? <WorksStatusBadge status={data.status} /> : null}
      </PageTitle>
      <div aria-live="polite">
        {done ? (
          <div key={done.n} className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {done.text}
          </div>
        ) : null}
      </div>
      {data ? (
        <WorksView
          works={data}
          onDone={(text) => setDone((d) => ({ text, n: (d?.n ?? 0) + 1 }))}
          onReload={() => {
            setDone(null);
            works.refetch();
          }}
        />
      ) : (
        <RecordPending query={works} notFound={t("detail.notFound")} listHref={WORKS_PATH} />
      )}
    </>
  );
}

function WorksView({
  works,
  onDone,
  onReload,
}: {
  works: WorksDetail;
  onDone: (text: string) => void;
  onReload: () => void;
}) {
  const { t } = useWorksT();
  const labels = useWorksLabels();
  const format = useFormat();
  const slippage = useSlippageText();
  const canWrite = useCan("works:write");
  const money = (cents: number | null) => (cents === null ? "—" : format.euro(cents, { cents: true }));
  const open = works.status !== "completed" && works.status !== "cancelled";
  const actions = { works, onDone, onReload };
  const f = works.figures;
  const facts: [string, ReactNode][] = [
    [t("detail.partner"), works.partnerCode],
    [t("detail.status"), labels.status(works.status)],
    [
      t("detail.targetGroup"),
      works.targetGroup === null ? t("form.targetGroupNone") : labels.targetGroupText(works.targetGroup),
    ],
    [t("detail.scope"), works.scope || "—"],
    [
      t("detail.estimate"),
      t("detail.estimateValue", {
        exVat: money(works.estimateExVatCents),
        rate: format.percent(works.vatRateBp / 10_000),
        vat: money(works.estimateVatCents),
      }),
    ],
    [t("detail.awardedOn"), works.awardedOn ? format.date(works.awardedOn) : "—"],
    works.status === "cancelled"
      ? [t("detail.cancelledOn"), works.cancelledOn ? format.date(works.cancelledOn) : "—"]
      : [t("detail.completedOn"), works.completedOn ? format.date(works.completedOn) : "—"],
    [
      t("detail.slippage"),
      works.status === "cancelled" ? (
        <NotApplicable key="s" />
      ) : (
        <Slippage key="s" days={works.slippageDays} />
      ),
    ],
  ];
  return (
    <>
      {works.status === "cancelled" ? <CancelledNotice works={works} /> : null}
      <div className="row mb-4">
        <div className="col-12 col-lg-7 mb-3">
          <section className="card shadow-sm h-100" aria-labelledby="works-facts-title">
            <div className="card-body">
              <h2 id="works-facts-title" className="h4">
                {t("detail.facts")}
              </h2>
              <dl className="facts mb-0">
                {facts.map(([label, value]) => (
                  <div key={label} className="facts-row">
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </div>
          </section>
        </div>
        <div className="col-12 col-lg-5 mb-3">
          <section className="card shadow-sm h-100" aria-labelledby="works-contractor-title">
            <div className="card-body">
              <h2 id="works-contractor-title" className="h4">
                {t("detail.contractor")}
              </h2>
              {works.contractor === null ? (
                <p className="mb-0">{t("detail.noContractor")}</p>
              ) : (
                <dl className="facts mb-0">
                  <div className="facts-row">
                    <dt>{t("contractors.name")}</dt>
                    <dd>{works.contractor.name}</dd>
                  </div>
                  <div className="facts-row">
                    <dt>{t("detail.vatNumber")}</dt>
                    <dd>{works.contractor.vatNumber}</dd>
                  </div>
                  <div className="facts-row">
                    <dt>{t("contractors.standing")}</dt>
                    <dd>
                      <StandingBadge contractor={works.contractor} />{" "}
                      <span className="d-block">
                        {t("detail.expiresOn", { date: format.date(works.contractor.whiteList.expiresOn) })}
                      </span>
                    </dd>
                  </div>
                </dl>
              )}
            </div>
          </section>
        </div>
      </div>

      <RecordSection id="works-units-title" title={t("detail.units")}>
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t("detail.unitsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("detail.unit")}</th>
                <th scope="col" className="text-end">
                  {t("detail.surface")}
                </th>
                <th scope="col">{t("detail.unitStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {works.units.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <Link to={`/alloggi/${u.id}`}>{u.code}</Link>
                  </th>
                  <td className="text-end">{format.squareMetres(u.surfaceM2)}</td>
                  <td>
                    <StatusBadge status={u.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </RecordSection>

      <RecordSection id="works-schedule-title" title={t("detail.schedule")}>
        {works.phases.length === 0 ? (
          <p>{t("detail.scheduleEmpty")}</p>
        ) : (
          <>
            <Suspense fallback={<Loading />}>
              <ScheduleChart phases={works.phases} />
            </Suspense>
            <div className="table-responsive mt-3">
              <table className="table table-sm works-table">
                <caption>{t("detail.phasesCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("detail.phase")}</th>
                    <th scope="col">{t("detail.plannedStart")}</th>
                    <th scope="col">{t("detail.plannedEnd")}</th>
                    <th scope="col">{t("detail.actualStart")}</th>
                    <th scope="col">{t("detail.actualEnd")}</th>
                    <th scope="col">{t("detail.startDelay")}</th>
                    <th scope="col">{t("detail.endSlippage")}</th>
                  </tr>
                </thead>
                <tbody>
                  {works.phases.map((p) => (
                    <tr key={p.position}>
                      <th scope="row">
                        {p.position}. {p.name}
                      </th>
                      <td className="text-nowrap">{format.date(p.plannedStart)}</td>
                      <td className="text-nowrap">{format.date(p.plannedEnd)}</td>
                      <td className="text-nowrap">
                        {p.actualStart ? format.date(p.actualStart) : t("detail.notYet")}
                      </td>
                      <td className="text-nowrap">
                        {p.actualEnd ? format.date(p.actualEnd) : t("detail.notYet")}
                      </td>
                      <td>{slippage(p.startDelayDays)}</td>
                      <td>
                        <Slippage days={p.slippageDays} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </RecordSection>

      <RecordSection id="works-costs-title" title={t("detail.costs")}>
        {works.costs.length === 0 ? <p>{t("detail.costsEmpty")}</p> : null}
        {works.costs.length > 0 ? (
          <div className="table-responsive">
            <table className="table table-sm works-table">
              <caption>{t("detail.costsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("detail.description")}</th>
                  <th scope="col">{t("detail.supplier")}</th>
                  <th scope="col">{t("detail.invoice")}</th>
                  <th scope="col">{t("detail.source")}</th>
                  <th scope="col" className="text-end">
                    {t("detail.amountExVat")}
                  </th>
                  <th scope="col" className="text-end">
                    {t("detail.vat")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {works.costs.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.description}</th>
                    <td>{c.supplier || "—"}</td>
                    <td>
                      {t("detail.invoiceValue", {
                        number: c.invoiceNumber,
                        date: format.date(c.invoiceDate),
                      })}
                    </td>
                    <td>{labels.source(c.fundingSource)}</td>
                    <td className="text-end text-nowrap">{money(c.amountExVatCents)}</td>
                    <td className="text-end text-nowrap">{money(c.vatCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    {t("detail.totals")}
                  </th>
                  <td className="text-end text-nowrap">{money(f.exVatCents)}</td>
                  <td className="text-end text-nowrap">{money(f.vatCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        ) : null}
        <div className="row">
          <div className="col-12 col-lg-6">
            <h3 className="h5">{t("detail.figures")}</h3>
            <dl className="facts">
              {(
                [
                  [t("detail.spentExVat"), money(f.exVatCents)],
                  [t("detail.vat"), money(f.vatCents)],
                  [t("detail.totalCost"), money(f.totalCents)],
                  [t("detail.perM2"), money(f.perM2Cents)],
                  [t("detail.perUnit"), money(f.perUnitCents)],
                  [
                    t("detail.againstEstimate"),
                    f.overEstimateCents > 0
                      ? t("detail.overEstimate", { amount: money(f.overEstimateCents) })
                      : f.overEstimateCents < 0
                        ? t("detail.underEstimate", { amount: money(-f.overEstimateCents) })
                        : t("detail.onEstimate"),
                  ],
                ] as const
              ).map(([label, value]) => (
                <div key={label} className="facts-row">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </div>
          <div className="col-12 col-lg-6">
            <SourceTable bySource={f.bySource} caption={t("detail.bySource")} />
          </div>
        </div>
      </RecordSection>

      <RecordSection id="works-checklist-title" title={t("detail.checklist")}>
        <p>
          {t("detail.checklistProgress", {
            done: works.standards.ticked.length,
            total: works.standards.items.length,
          })}
        </p>
        {!(canWrite && open) ? (
          <ul>
            {works.standards.items.map((code) => (
              <li key={code}>
                {labels.standard(code)}:{" "}
                {works.standards.ticked.includes(code) ? t("detail.done") : t("common.no")}
              </li>
            ))}
          </ul>
        ) : null}
      </RecordSection>

      {canWrite && open ? (
        <div key={works.version}>
          {works.status === "planned" || works.status === "awarded" ? <AwardForm {...actions} /> : null}
          {works.phases.length > 0 ? <PhaseForms {...actions} /> : null}
          <AddPhaseForm {...actions} />
          <CostForm {...actions} />
          <StandardsForm {...actions} />
          {works.status === "in_progress" ? <CompleteForm {...actions} /> : null}
          <CancelForm {...actions} />
        </div>
      ) : null}
      {canWrite && works.status === "completed" ? <CostForm key={works.version} {...actions} /> : null}
    </>
  );
}

/** A cancelled works says so first: the day, the reason, and that nothing more is done on it. */
function CancelledNotice({ works }: { works: WorksDetail }) {
  const { t } = useWorksT();
  const format = useFormat();
  return (
    <section className="alert alert-warning mb-4" aria-labelledby="works-cancelled-title">
      <h2 id="works-cancelled-title" className="h4">
        {t("cancelled.title")}
      </h2>
      <p className="mb-1">
        {works.cancelledOn
          ? t("cancelled.on", { date: format.date(works.cancelledOn) })
          : t("cancelled.noDate")}
      </p>
      <p className="mb-1">
        <strong>{t("cancelled.reason")}</strong> {works.cancelReason ?? "—"}
      </p>
      <p className="mb-0">{t("cancelled.after")}</p>
    </section>
  );
}
