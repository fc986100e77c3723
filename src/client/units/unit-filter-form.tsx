// SPDX-License-Identifier: EUPL-1.2
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../auth/session.ts";
import { FilterActions, FilterSelect, searchOfForm } from "../components/filter-form.tsx";
import { navigate } from "../router.tsx";
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
    const next = filtersFromSearch(searchOfForm(event));
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
        <FilterSelect
          id="filter-status"
          name="status"
          className="col-12 col-md-6 col-lg-3"
          label={t("fields.status")}
          value={filters.status}
          options={labels.statusOptions}
        />
        <FilterSelect
          id="filter-category"
          name="category"
          className="col-12 col-md-6 col-lg-3"
          label={t("fields.category")}
          value={filters.category}
          options={labels.categoryOptions}
        />
        <FilterSelect
          id="filter-origin"
          name="origin"
          className="col-12 col-md-6 col-lg-3"
          label={t("fields.origin")}
          value={filters.origin}
          options={labels.originOptions}
        />
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
        <FilterSelect
          id="filter-municipio"
          name="municipio"
          className="col-12 col-md-6 col-lg-2"
          label={t("fields.municipio")}
          value={filters.municipio}
          options={MUNICIPI.map((m) => ({ value: String(m), label: t("list.filters.municipioN", { n: m }) }))}
        />
        <FilterSelect
          id="filter-partner"
          name="partner"
          className="col-12 col-md-6 col-lg-4"
          label={t("fields.managingPartnerCode")}
          value={filters.partner}
          options={partners.map((p) => ({ value: p.code, label: p.name }))}
        />
        <FilterSelect
          id="filter-accessible"
          name="accessible"
          className="col-12 col-md-6 col-lg-3"
          label={t("list.filters.accessible")}
          value={filters.accessible}
          options={[
            { value: "true", label: t("common.yes") },
            { value: "false", label: t("common.no") },
          ]}
        />
      </div>
      <FilterActions
        className="mt-2"
        resetHref={
          hasFilters(filters) ? listHref({ sort: filters.sort, limit: filters.limit, page: 1 }) : null
        }
      />
    </form>
  );
}
