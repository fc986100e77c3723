// SPDX-License-Identifier: EUPL-1.2
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { HouseholdSummary } from "../../domain/households/household-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { FilterActions, type FilterOption, FilterSelect, searchOfForm } from "../components/filter-form.tsx";
import { Icon } from "../components/icon.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { Pagination, ResultsHeader } from "../components/pagination.tsx";
import { useFormat } from "../format.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { useUnitLabels } from "../units/unit-labels.ts";
import { HouseholdStatusBadge, OverdueFlag } from "./household-badges.tsx";
import {
  type HouseholdFilters,
  hasHouseholdFilters,
  householdFiltersFromSearch,
  householdListHref,
} from "./household-filters.ts";
import { useHouseholdLabels } from "./household-labels.ts";
import { useHouseholdPage } from "./households-api.ts";

function HouseholdFilterForm({ filters }: { filters: HouseholdFilters }) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const next = householdFiltersFromSearch(searchOfForm(event));
    navigate(householdListHref({ ...next, limit: filters.limit, page: 1 }));
  };
  const select = (name: "status" | "targetGroup", label: string, options: FilterOption[]) => (
    <FilterSelect
      id={`household-filter-${name}`}
      name={name}
      className="col-12 col-md-6 col-lg-3"
      label={label}
      value={filters[name]}
      options={options}
    />
  );
  return (
    <form
      className="filter-form card shadow-sm p-3 p-lg-4 mb-4"
      onSubmit={submit}
      aria-labelledby="household-filters-title"
    >
      <h2 id="household-filters-title" className="h5 mb-4">
        {t("households.list.filters.title")}
      </h2>
      <div className="row g-3">
        <div className="col-12 col-lg-6 form-group">
          <label htmlFor="household-filter-q" className="active">
            {t("households.list.filters.q")}
          </label>
          <input
            id="household-filter-q"
            name="q"
            type="search"
            className="form-control"
            defaultValue={filters.q ?? ""}
            aria-describedby="household-filter-q-hint"
          />
          <small id="household-filter-q-hint" className="form-text">
            {t("households.list.filters.qHint")}
          </small>
        </div>
        {select("status", t("households.fields.status"), labels.statusOptions)}
        {select("targetGroup", t("households.fields.targetGroup"), labels.targetGroupOptions)}
      </div>
      <FilterActions
        className="mt-2"
        resetHref={hasHouseholdFilters(filters) ? householdListHref({ limit: filters.limit, page: 1 }) : null}
      />
    </form>
  );
}

function HouseholdRow({ household }: { household: HouseholdSummary }) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const unitLabels = useUnitLabels();
  const format = useFormat();
  return (
    <tr className={household.overdueReferral ? "is-overdue" : undefined}>
      <th scope="row" className="text-nowrap">
        <Link to={`/nuclei/${household.id}`}>{household.reference}</Link>
        {household.overdueReferral ? (
          <div className="mt-1">
            <OverdueFlag label={t("households.list.overdueReferral")} />
          </div>
        ) : null}
      </th>
      <td>{household.headName}</td>
      <td className="text-end">{household.members}</td>
      <td>{labels.targetGroup(household.targetGroup)}</td>
      <td>{unitLabels.categoryShort(household.category)}</td>
      <td>
        <HouseholdStatusBadge status={household.status} />
      </td>
      <td className="text-nowrap">
        <time dateTime={household.statusSince}>{format.dateTime(household.statusSince)}</time>
      </td>
      <td>{household.partner?.name ?? t("households.noPartner")}</td>
    </tr>
  );
}

/** Nuclei: the caseload, with filters kept in the address so a filtered list can be bookmarked. */
export function HouseholdListPage() {
  const { t } = useTranslation();
  const { search, href } = useLocation();
  const filters = householdFiltersFromSearch(search);
  const page = useHouseholdPage(filters);
  const canRefer = useCan("referrals:create");
  const total = page.data?.total ?? 0;
  const last = Math.max(1, Math.ceil(total / filters.limit));
  const columns = [
    t("households.fields.reference"),
    t("households.fields.headName"),
    t("households.list.columns.members"),
    t("households.fields.targetGroup"),
    t("households.list.columns.category"),
    t("households.fields.status"),
    t("households.list.columns.since"),
    t("households.fields.partner"),
  ];
  return (
    <>
      <PageTitle title={t("households.list.title")} lead={t("households.list.lead")}>
        {canRefer ? (
          <Link to="/invii/nuovo" className="btn btn-primary">
            <Icon name="plus" size="sm" className="icon-white me-1" />
            {t("referrals.new")}
          </Link>
        ) : null}
      </PageTitle>
      <HouseholdFilterForm key={href} filters={filters} />
      <section aria-labelledby="household-results-title">
        <ResultsHeader
          titleId="household-results-title"
          title={t("list.results")}
          count={
            page.data
              ? t("households.list.count", { count: total, page: Math.min(filters.page, last), pages: last })
              : ""
          }
          countTestId="result-count"
          pageSizeId="household-page-size"
          limit={filters.limit}
          href={(limit) => householdListHref({ ...filters, limit, page: 1 })}
        />
        <ListStatus
          query={page}
          count={page.data?.items.length}
          empty={<div className="alert alert-info">{t("households.list.empty")}</div>}
        />
        {page.data && page.data.items.length > 0 ? (
          <div className="table-responsive">
            <table
              className={`table table-hover household-table${page.isFetching ? " is-fetching" : ""}`}
              aria-busy={page.isFetching}
            >
              <caption className="visually-hidden">{t("households.list.caption")}</caption>
              <thead>
                <tr>
                  {columns.map((label, i) => (
                    <th key={label} scope="col" className={i === 2 ? "text-end" : undefined}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.data.items.map((household) => (
                  <HouseholdRow key={household.id} household={household} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {page.data ? (
          <Pagination
            page={filters.page}
            limit={filters.limit}
            total={total}
            href={(p) => householdListHref({ ...filters, page: p })}
          />
        ) : null}
      </section>
    </>
  );
}
