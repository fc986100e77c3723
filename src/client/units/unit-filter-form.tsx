// SPDX-License-Identifier: EUPL-1.2
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../auth/session.ts";
import { Icon } from "../components/icon.tsx";
import { Link, navigate } from "../router.tsx";
import { filtersFromSearch, hasFilters, listHref, type UnitFilters } from "./unit-filters.ts";
import { useUnitLabels } from "./unit-labels.ts";
import { useOrganisations, useStockSummary } from "./units-api.ts";

const MUNICIPI = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export function FilterForm({ filters }: { filters: UnitFilters }) {
  const { t } = useTranslation();
  const labels = useUnitLabels();
  const { data: organisations = [] } = useOrganisations();
  const canSeeStock = useCan("stock:read");
  const summary = useStockSummary();
  const towns = canSeeStock && summary.data ? Object.keys(summary.data.byTown).sort() : [];
  const partners = organisations.filter((o) => o.kind === "partner" && o.area === "B");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const search = new URLSearchParams();
    for (const [key, value] of data.entries()) {
      if (typeof value === "string" && value.trim() !== "") search.set(key, value.trim());
    }
    const next = filtersFromSearch(search);
    navigate(listHref({ ...next, sort: filters.sort, limit: filters.limit, page: 1 }));
  };

  return (
    <form
      className="filter-form card shadow-sm p-3 p-lg-4 mb-4"
      onSubmit={submit}
      aria-labelledby="filters-title"
    >
      <h2 id="filters-title" className="h5 mb-4">
        {t("list.filters.title")}
      </h2>
      <div className="row g-3">
        <div className="col-12 col-lg-6 form-group">
          <label htmlFor="filter-q" className="active">
            {t("list.filters.q")}
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            className="form-control"
            defaultValue={filters.q ?? ""}
            aria-describedby="filter-q-hint"
          />
          <small id="filter-q-hint" className="form-text">
            {t("list.filters.qHint")}
          </small>
        </div>
        <div className="col-12 col-md-6 col-lg-3 select-wrapper form-group">
          <label htmlFor="filter-status">{t("fields.status")}</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("common.all")}</option>
            {labels.statusOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="col-12 col-md-6 col-lg-3 select-wrapper form-group">
          <label htmlFor="filter-category">{t("fields.category")}</label>
          <select id="filter-category" name="category" defaultValue={filters.category ?? ""}>
            <option value="">{t("common.all")}</option>
            {labels.categoryOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="col-12 col-md-6 col-lg-3 select-wrapper form-group">
          <label htmlFor="filter-origin">{t("fields.origin")}</label>
          <select id="filter-origin" name="origin" defaultValue={filters.origin ?? ""}>
            <option value="">{t("common.all")}</option>
            {labels.originOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="col-12 col-md-6 col-lg-3 form-group">
          <label htmlFor="filter-town" className="active">
            {t("fields.town")}
          </label>
          <input
            id="filter-town"
            name="town"
            type="text"
            className="form-control"
            list="filter-town-list"
            autoComplete="off"
            defaultValue={filters.town ?? ""}
          />
          <datalist id="filter-town-list">
            {towns.map((town) => (
              <option key={town} value={town} />
            ))}
          </datalist>
        </div>
        <div className="col-12 col-md-6 col-lg-2 select-wrapper form-group">
          <label htmlFor="filter-municipio">{t("fields.municipio")}</label>
          <select id="filter-municipio" name="municipio" defaultValue={filters.municipio ?? ""}>
            <option value="">{t("common.all")}</option>
            {MUNICIPI.map((m) => (
              <option key={m} value={m}>
                {t("list.filters.municipioN", { n: m })}
              </option>
            ))}
          </select>
        </div>
        <div className="col-12 col-md-6 col-lg-4 select-wrapper form-group">
          <label htmlFor="filter-partner">{t("fields.managingPartnerCode")}</label>
          <select id="filter-partner" name="partner" defaultValue={filters.partner ?? ""}>
            <option value="">{t("common.all")}</option>
            {partners.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="col-12 col-md-6 col-lg-3 select-wrapper form-group">
          <label htmlFor="filter-accessible">{t("list.filters.accessible")}</label>
          <select id="filter-accessible" name="accessible" defaultValue={filters.accessible ?? ""}>
            <option value="">{t("common.all")}</option>
            <option value="true">{t("common.yes")}</option>
            <option value="false">{t("common.no")}</option>
          </select>
        </div>
      </div>
      <div className="d-flex flex-wrap gap-2 mt-2">
        <button type="submit" className="btn btn-primary">
          <Icon name="funnel" size="sm" className="icon-white me-1" />
          {t("list.filters.apply")}
        </button>
        {hasFilters(filters) ? (
          <Link
            to={listHref({ sort: filters.sort, limit: filters.limit, page: 1 })}
            className="btn btn-outline-primary"
          >
            {t("list.filters.reset")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
