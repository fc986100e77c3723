// SPDX-License-Identifier: EUPL-1.2
import "./arrears.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ArrearsEntry, ArrearsListQuery } from "../../domain/arrears/arrears-api.schema.ts";
import { AGEING_BUCKETS } from "../../domain/ledger/account.ts";
import { UNIT_CATEGORIES } from "../../domain/units/unit.schema.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FilterActions, FilterSelect, searchOfForm } from "../components/filter-form.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { Icon } from "../components/icon.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { householdHref } from "../households/household-href.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { useArrears, useArrearsSummary, useOpenCase } from "./arrears-api.ts";
import { useArrearsLabels, useArrearsMessage } from "./arrears-labels.ts";
import { ARREARS_PATH, ARREARS_POLICY_PATH, arrearsCaseHref, TASKS_PATH } from "./arrears-paths.ts";
import { ArrearsSummaryPanel, CoPaymentPanel } from "./arrears-summary.tsx";

/** The filters of the list, read from the address; what the API would refuse is dropped. */
function queryOf(search: URLSearchParams): ArrearsListQuery {
  const raw = Object.fromEntries(
    ["partner", "category", "bucket", "case", "warning", "q"].flatMap((k) => {
      const v = search.get(k);
      return v ? [[k, v]] : [];
    }),
  );
  const parsed = ArrearsListQuery.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

function Filters({ query, partners }: { query: ArrearsListQuery; partners: readonly string[] }) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const filtered = Object.values(query).some((v) => v !== undefined);
  return (
    <form
      className="row g-3 align-items-end mb-4"
      aria-labelledby="arrears-filters-title"
      onSubmit={(event) => {
        const search = searchOfForm(event).toString();
        navigate(search === "" ? ARREARS_PATH : `${ARREARS_PATH}?${search}`);
      }}
    >
      <h2 id="arrears-filters-title" className="visually-hidden">
        {t("arrears:filters.title")}
      </h2>
      <div className="col-12 col-md-4 col-lg-3 form-group">
        <label htmlFor="arrears-q" className="active">
          {t("arrears:filters.q")}
        </label>
        <input id="arrears-q" name="q" type="search" className="form-control" defaultValue={query.q ?? ""} />
      </div>
      {partners.length > 1 ? (
        <FilterSelect
          id="arrears-partner"
          name="partner"
          className="col-12 col-md-4 col-lg-2"
          label={t("arrears:fields.partner")}
          value={query.partner}
          options={partners.map((p) => ({ value: p, label: p }))}
        />
      ) : null}
      <FilterSelect
        id="arrears-category"
        name="category"
        className="col-12 col-md-4 col-lg-2"
        label={t("arrears:fields.category")}
        value={query.category}
        options={UNIT_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
      />
      <FilterSelect
        id="arrears-bucket"
        name="bucket"
        className="col-12 col-md-4 col-lg-2"
        label={t("arrears:filters.bucket")}
        value={query.bucket}
        options={AGEING_BUCKETS.map((b) => ({ value: b, label: t(`arrears:filters.buckets.${b}`) }))}
      />
      <FilterSelect
        id="arrears-case"
        name="case"
        className="col-12 col-md-4 col-lg-2"
        label={t("arrears:filters.case")}
        value={query.case}
        options={[
          { value: "open", label: t("arrears:filters.caseOpen") },
          { value: "none", label: t("arrears:filters.caseNone") },
        ]}
      />
      <FilterSelect
        id="arrears-warning"
        name="warning"
        className="col-12 col-md-4 col-lg-2"
        label={t("arrears:filters.warning")}
        value={query.warning}
        options={[
          { value: "true", label: t("common.yes") },
          { value: "false", label: t("common.no") },
        ]}
      />
      <FilterActions className="col-12" resetHref={filtered ? ARREARS_PATH : null} />
    </form>
  );
}

/** What the row signals beside the money: early warnings, and a payment that may wait in the queue. */
function Signals({ entry }: { entry: ArrearsEntry }) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const format = useFormat();
  if (entry.warnings.length === 0 && !entry.possiblePaymentInQueue) return <>{t("arrears:list.noSignal")}</>;
  return (
    <ul className="list-unstyled mb-0 small">
      {entry.warnings.map((w) => (
        <li key={w.kind}>
          {labels.warning(w.kind)} ({t("arrears:list.since", { date: format.date(w.since) })})
        </li>
      ))}
      {entry.possiblePaymentInQueue ? (
        <li className="queue-flag">
          <Icon name="info-circle" size="xs" className="me-1" />
          {t("arrears:list.paymentInQueue")}
        </li>
      ) : null}
    </ul>
  );
}

function ArrearsTable({
  items,
  busy,
  onOpen,
  opening,
}: {
  items: readonly ArrearsEntry[];
  busy: boolean;
  onOpen: (entry: ArrearsEntry) => void;
  opening: string | null;
}) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const format = useFormat();
  const canWork = useCan("arrears:work");
  const canReadHouseholds = useCan("households:read");
  return (
    <div className="table-responsive">
      <table className="table arrears-table" aria-busy={busy}>
        <caption className="visually-hidden">{t("arrears:list.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("arrears:fields.tenancy")}</th>
            <th scope="col">{t("arrears:fields.household")}</th>
            <th scope="col">{t("arrears:fields.partner")}</th>
            {AGEING_BUCKETS.map((b) => (
              <th scope="col" key={b} className="text-end">
                {labels.bucket(b)}
              </th>
            ))}
            <th scope="col" className="text-end">
              {t("arrears:fields.overdue")}
            </th>
            <th scope="col" className="text-end">
              {t("arrears:fields.daysOverdue")}
            </th>
            <th scope="col">{t("arrears:fields.signals")}</th>
            <th scope="col">{t("arrears:fields.case")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.tenancyId}>
              <th scope="row" className="text-nowrap">
                <span className="font-monospace">{e.reference}</span>
                <div className="small text-secondary">
                  {e.unitCode} · {labels.category(e.category)}
                </div>
              </th>
              <td className="text-nowrap font-monospace">
                {canReadHouseholds ? (
                  <Link to={householdHref(e.householdId)}>{e.householdReference}</Link>
                ) : (
                  e.householdReference
                )}
              </td>
              <td className="text-nowrap">{e.partnerCode ?? "—"}</td>
              {AGEING_BUCKETS.map((b) => (
                <td key={b} className="text-end text-nowrap">
                  {e.ageing[b] > 0 ? format.euro(e.ageing[b], { cents: true }) : "—"}
                </td>
              ))}
              <td className="text-end text-nowrap fw-semibold">
                {format.euro(e.ageing.overdueCents, { cents: true })}
              </td>
              <td className="text-end">{format.number(e.daysOverdue)}</td>
              <td>
                <Signals entry={e} />
              </td>
              <td className="text-nowrap">
                {e.openCase ? (
                  <Link
                    to={arrearsCaseHref(e.openCase.id)}
                    aria-label={t("arrears:list.caseOf", {
                      reference: e.reference,
                      stage: labels.stage(e.openCase.stage),
                    })}
                  >
                    {labels.stage(e.openCase.stage)}
                  </Link>
                ) : canWork ? (
                  <button
                    type="button"
                    className="btn btn-primary btn-sm"
                    disabled={opening !== null}
                    aria-label={t("arrears:list.openCaseOf", { reference: e.reference })}
                    onClick={() => onOpen(e)}
                  >
                    {opening === e.tenancyId ? t("arrears:list.opening") : t("arrears:list.openCase")}
                  </button>
                ) : (
                  t("arrears:list.noCase")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Morosità: the tenancies with something overdue or an early warning, with the ageing of their debt,
 * the signals, and their case (or a button that opens one and gives the educator the first task);
 * below, the collection and arrears rates and the co-payments of the fragilità households.
 */
export function ArrearsListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const message = useArrearsMessage();
  const { search } = useLocation();
  const query = queryOf(search);
  const arrears = useArrears(query);
  const summary = useArrearsSummary();
  const open = useOpenCase();
  const [opening, setOpening] = useState<string | null>(null);
  const canWork = useCan("arrears:work");
  const items = arrears.data?.items ?? [];
  const partners = summary.data?.byPartner.map((r) => r.key).filter((k) => k !== "—") ?? [];
  const refused = open.error && isApiError(open.error) ? open.error : null;
  return (
    <>
      <PageTitle title={t("arrears:list.title")} lead={t("arrears:list.lead")}>
        <div className="d-flex flex-wrap gap-2">
          <Link to={ARREARS_POLICY_PATH} className="btn btn-outline-primary">
            {t("arrears:policy.link")}
          </Link>
          {canWork ? (
            <Link to={TASKS_PATH} className="btn btn-outline-primary">
              {t("arrears:tasks.title")}
            </Link>
          ) : null}
        </div>
      </PageTitle>
      <Filters query={query} partners={partners} />
      <section aria-labelledby="arrears-list-title">
        <h2 id="arrears-list-title" className="h4">
          {t("arrears:list.listTitle")}
        </h2>
        <p role="status">
          {arrears.data
            ? t("arrears:list.count", {
                count: arrears.data.total,
                overdue: format.euro(arrears.data.totals.overdueCents, { cents: true }),
                date: format.date(arrears.data.asOf),
              })
            : ""}
        </p>
        <div aria-live="assertive">
          {refused ? (
            <div className="alert alert-danger" role="alert" tabIndex={-1} ref={focusOnMount}>
              {message(refused.errors[0]?.message ?? refused.detail)}
            </div>
          ) : null}
          {open.error && !isApiError(open.error) ? <ErrorAlert error={open.error} /> : null}
        </div>
        <ListStatus
          query={arrears}
          count={arrears.data?.items.length}
          empty={<div className="alert alert-info">{t("arrears:list.empty")}</div>}
        />
        {items.length > 0 ? (
          <ArrearsTable
            items={items}
            busy={arrears.isFetching}
            opening={opening}
            onOpen={(entry) => {
              setOpening(entry.tenancyId);
              open.mutate(entry.tenancyId, {
                onSuccess: (view) => navigate(arrearsCaseHref(view.id, true)),
                onSettled: () => setOpening(null),
              });
            }}
          />
        ) : null}
      </section>
      <ArrearsSummaryPanel query={summary} />
      <CoPaymentPanel />
    </>
  );
}
