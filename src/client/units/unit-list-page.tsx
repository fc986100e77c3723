// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import type { Unit } from "../../domain/units/unit.schema.ts";
import { useCan } from "../auth/session.ts";
import { Icon } from "../components/icon.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { Pagination, ResultsHeader } from "../components/pagination.tsx";
import { useFormat } from "../format.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { StatusBadge } from "./status-badge.tsx";
import { FilterForm } from "./unit-filter-form.tsx";
import { exportHref, filtersFromSearch, listHref, type SortField, type UnitFilters } from "./unit-filters.ts";
import { useUnitLabels } from "./unit-labels.ts";
import { useUnitPage } from "./units-api.ts";

type Column = { field: SortField | null; label: string; numeric?: boolean };

function SortHeader({ column, filters }: { column: Column; filters: UnitFilters }) {
  const { t } = useTranslation();
  const { field } = column;
  if (field === null) {
    return <th scope="col">{column.label}</th>;
  }
  const active = filters.sort.replace(/^-/, "") === field;
  const descending = active && filters.sort.startsWith("-");
  const nextSort = active && !descending ? `-${field}` : field;
  return (
    <th
      scope="col"
      aria-sort={active ? (descending ? "descending" : "ascending") : undefined}
      className={column.numeric ? "text-end" : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => navigate(listHref({ ...filters, sort: nextSort, page: 1 }))}
      >
        {column.label}
        <Icon
          name={active ? (descending ? "arrow-down" : "arrow-up") : "expand"}
          size="xs"
          className={active ? "ms-1" : "ms-1 sort-idle"}
        />
        <span className="visually-hidden">
          {active && !descending ? t("list.sortDescending") : t("list.sortAscending")}
        </span>
      </button>
    </th>
  );
}

function UnitRow({ unit }: { unit: Unit }) {
  const labels = useUnitLabels();
  const format = useFormat();
  return (
    <tr>
      <th scope="row" className="text-nowrap">
        <Link to={`/alloggi/${unit.id}`}>{unit.code}</Link>
      </th>
      <td>{unit.address}</td>
      <td>{unit.town}</td>
      <td className="text-end">{unit.municipio ?? "—"}</td>
      <td className="text-end">{format.number(unit.surfaceM2)}</td>
      <td className="text-end">{unit.rooms}</td>
      <td>{labels.categoryShort(unit.category)}</td>
      <td>
        <StatusBadge status={unit.status} />
      </td>
      <td>{labels.origin(unit.origin)}</td>
      <td>{unit.managingPartnerName ?? "—"}</td>
    </tr>
  );
}

/** The unit list: filters and order live in the address, so a filtered list can be bookmarked and shared. */
export function UnitListPage() {
  const { t } = useTranslation();
  const { search, href } = useLocation();
  const filters = filtersFromSearch(search);
  const page = useUnitPage(filters);
  const canWrite = useCan("units:write");
  const canImport = useCan("units:import");

  const columns: Column[] = [
    { field: "code", label: t("fields.code") },
    { field: null, label: t("fields.address") },
    { field: "town", label: t("fields.town") },
    { field: "municipio", label: t("list.columns.municipio"), numeric: true },
    { field: "surfaceM2", label: t("list.columns.surface"), numeric: true },
    { field: "rooms", label: t("fields.rooms"), numeric: true },
    { field: "category", label: t("list.columns.category") },
    { field: "status", label: t("fields.status") },
    { field: "origin", label: t("fields.origin") },
    { field: null, label: t("list.columns.partner") },
  ];

  const total = page.data?.total ?? 0;
  const last = Math.max(1, Math.ceil(total / filters.limit));

  return (
    <>
      <PageTitle title={t("list.title")}>
        <div className="d-flex flex-wrap gap-2">
          {canWrite ? (
            <Link to="/alloggi/nuovo" className="btn btn-primary">
              <Icon name="plus" size="sm" className="icon-white me-1" />
              {t("nav.newUnit")}
            </Link>
          ) : null}
          {canImport ? (
            <Link to="/alloggi/importa" className="btn btn-outline-primary">
              <Icon name="upload" size="sm" className="icon-primary me-1" />
              {t("nav.import")}
            </Link>
          ) : null}
        </div>
      </PageTitle>
      <FilterForm key={href} filters={filters} />
      <section aria-labelledby="results-title">
        <ResultsHeader
          titleId="results-title"
          title={t("list.results")}
          count={
            page.data
              ? t("list.count", { count: total, page: Math.min(filters.page, last), pages: last })
              : ""
          }
          countTestId="result-count"
          pageSizeId="page-size"
          limit={filters.limit}
          href={(limit) => listHref({ ...filters, limit, page: 1 })}
        >
          <a className="btn btn-outline-primary btn-sm" href={exportHref(filters, "csv")} download>
            <Icon name="download" size="sm" className="icon-primary me-1" />
            {t("list.exportCsv")}
          </a>
          <a className="btn btn-outline-primary btn-sm" href={exportHref(filters, "xlsx")} download>
            <Icon name="file-xlsx" size="sm" className="icon-primary me-1" />
            {t("list.exportXlsx")}
          </a>
        </ResultsHeader>
        <ListStatus
          query={page}
          count={page.data?.items.length}
          empty={<div className="alert alert-info">{t("list.empty")}</div>}
        />
        {page.data && page.data.items.length > 0 ? (
          <div className="table-responsive">
            <table
              className={`table table-hover unit-table${page.isFetching ? " is-fetching" : ""}`}
              aria-busy={page.isFetching}
            >
              <caption className="visually-hidden">{t("list.caption")}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <SortHeader key={c.label} column={c} filters={filters} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.data.items.map((unit) => (
                  <UnitRow key={unit.id} unit={unit} />
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
            href={(p) => listHref({ ...filters, page: p })}
          />
        ) : null}
      </section>
    </>
  );
}
