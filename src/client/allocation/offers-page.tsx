// SPDX-License-Identifier: EUPL-1.2
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Offer } from "../../domain/offers/offer.schema.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FilterActions, FilterSelect, searchOfForm } from "../components/filter-form.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { Pagination, ResultsHeader } from "../components/pagination.tsx";
import { useFormat } from "../format.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { useExpireOffers, useOfferPage } from "./allocation-api.ts";
import { HubBreadcrumb } from "./allocation-hub-page.tsx";
import { useAllocationLabels } from "./allocation-labels.ts";
import { type OfferFilters, offerFiltersFromSearch, offerHref, offerListHref } from "./allocation-paths.ts";
import { OfferStatusBadge, OverdueBadge } from "./badges.tsx";

function OfferFilterForm({ filters }: { filters: OfferFilters }) {
  const { t } = useTranslation();
  const labels = useAllocationLabels();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const next = offerFiltersFromSearch(searchOfForm(event));
    navigate(offerListHref({ status: next.status, limit: filters.limit, page: 1 }));
  };
  return (
    <form
      className="filter-form card shadow-sm p-3 p-lg-4 mb-4"
      onSubmit={submit}
      aria-labelledby="offer-filters-title"
    >
      <h2 id="offer-filters-title" className="h5 mb-4">
        {t("allocation.offers.filtersTitle")}
      </h2>
      <div className="row g-3">
        <FilterSelect
          id="offer-filter-status"
          name="status"
          className="col-12 col-md-6 col-lg-4"
          label={t("allocation.fields.status")}
          value={filters.status}
          options={labels.offerStatusOptions}
        />
      </div>
      <FilterActions
        className="mt-2"
        resetHref={filters.status !== undefined ? offerListHref({ limit: filters.limit, page: 1 }) : null}
      />
    </form>
  );
}

function OfferRow({ offer }: { offer: Offer }) {
  const format = useFormat();
  return (
    <tr>
      <th scope="row" className="text-nowrap">
        <Link to={offerHref(offer.id)}>{format.dateTime(offer.offeredAt)}</Link>
      </th>
      <td className="font-monospace">{offer.unit.code ?? "—"}</td>
      <td className="font-monospace">{offer.household.reference}</td>
      <td>
        <OfferStatusBadge status={offer.status} />
        {offer.overdue ? <OverdueBadge /> : null}
      </td>
      <td className="text-nowrap">{format.date(offer.dueOn)}</td>
    </tr>
  );
}

/** Chiudi le proposte scadute: every pending offer past its due date closed, and how many were. */
function ExpireOffers() {
  const { t } = useTranslation();
  const expire = useExpireOffers();
  const [closed, setClosed] = useState<{ count: number; n: number } | null>(null);
  return (
    <section className="card shadow-sm mb-4" aria-labelledby="offers-expire-title">
      <div className="card-body">
        <h2 id="offers-expire-title" className="h5">
          {t("allocation.offers.expire.title")}
        </h2>
        <p className="small">{t("allocation.offers.expire.intro")}</p>
        <button
          type="button"
          className="btn btn-outline-primary"
          disabled={expire.isPending}
          onClick={() =>
            expire.mutate(undefined, {
              onSuccess: ({ expired }) => setClosed((c) => ({ count: expired.length, n: (c?.n ?? 0) + 1 })),
            })
          }
        >
          {expire.isPending ? t("allocation.offers.expire.running") : t("allocation.offers.expire.submit")}
        </button>
        <div aria-live="polite">
          {closed ? (
            <div key={closed.n} className="alert alert-success mt-3 mb-0" tabIndex={-1} ref={focusOnMount}>
              {t("allocation.offers.expire.done", { count: closed.count })}
            </div>
          ) : null}
        </div>
        {expire.error ? <ErrorAlert error={expire.error} /> : null}
      </div>
    </section>
  );
}

/** Proposte di alloggio: the offers, newest first, by status. */
export function OffersPage() {
  const { t } = useTranslation();
  const { search, href } = useLocation();
  const canExpire = useCan("allocation:run");
  const filters = offerFiltersFromSearch(search);
  const offers = useOfferPage({
    status: filters.status,
    limit: filters.limit,
    offset: (filters.page - 1) * filters.limit,
  });
  const total = offers.data?.total ?? 0;
  const last = Math.max(1, Math.ceil(total / filters.limit));
  const columns = [
    t("allocation.offers.columns.offeredAt"),
    t("allocation.fields.unit"),
    t("allocation.fields.household"),
    t("allocation.fields.status"),
    t("allocation.fields.dueOn"),
  ];
  return (
    <>
      <HubBreadcrumb current={t("allocation.offers.title")} />
      <PageTitle title={t("allocation.offers.title")} lead={t("allocation.offers.lead")} />
      {canExpire ? <ExpireOffers /> : null}
      <OfferFilterForm key={href} filters={filters} />
      <section aria-labelledby="offer-results-title">
        <ResultsHeader
          titleId="offer-results-title"
          title={t("list.results")}
          count={
            offers.data
              ? t("allocation.offers.count", {
                  count: total,
                  page: Math.min(filters.page, last),
                  pages: last,
                })
              : ""
          }
          pageSizeId="offer-page-size"
          limit={filters.limit}
          href={(limit) => offerListHref({ ...filters, limit, page: 1 })}
        />
        <ListStatus
          query={offers}
          count={offers.data?.items.length}
          empty={<div className="alert alert-info">{t("allocation.offers.empty")}</div>}
        />
        {offers.data && offers.data.items.length > 0 ? (
          <div className="table-responsive">
            <table className="table table-hover" aria-busy={offers.isFetching}>
              <caption className="visually-hidden">{t("allocation.offers.caption")}</caption>
              <thead>
                <tr>
                  {columns.map((label) => (
                    <th key={label} scope="col">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {offers.data.items.map((offer) => (
                  <OfferRow key={offer.id} offer={offer} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {offers.data ? (
          <Pagination
            page={filters.page}
            limit={filters.limit}
            total={total}
            href={(page) => offerListHref({ ...filters, page })}
          />
        ) : null}
      </section>
    </>
  );
}
