// SPDX-License-Identifier: EUPL-1.2
import type { FormEvent } from "react";
import type { Ticket } from "../../domain/maintenance/ticket.schema.ts";
import { useCan } from "../auth/session.ts";
import { FilterActions, FilterSelect, searchOfForm } from "../components/filter-form.tsx";
import { Icon } from "../components/icon.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { Pagination, ResultsHeader } from "../components/pagination.tsx";
import { Link, navigate, useLocation } from "../router.tsx";
import { useTickets } from "./maintenance-api.ts";
import { useMaintenanceLabels, useMaintenanceT } from "./maintenance-i18n.ts";
import {
  hasTicketFilters,
  NEW_TICKET_PATH,
  type SortField,
  type TicketFilters,
  ticketFiltersFromSearch,
  ticketHref,
  ticketListHref,
} from "./maintenance-paths.ts";
import { Deadline, TicketStatusBadge, UrgencyBadge } from "./ticket-badges.tsx";

function TicketFilterForm({ filters }: { filters: TicketFilters }) {
  const { t } = useMaintenanceT();
  const labels = useMaintenanceLabels();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const next = ticketFiltersFromSearch(searchOfForm(event));
    navigate(ticketListHref({ ...next, sort: filters.sort, limit: filters.limit, page: 1 }));
  };
  return (
    <form
      className="filter-form card shadow-sm p-3 p-lg-4 mb-4"
      onSubmit={submit}
      aria-labelledby="ticket-filters-title"
    >
      <h2 id="ticket-filters-title" className="h5 mb-4">
        {t("list.filters.title")}
      </h2>
      <div className="row g-3">
        <div className="col-12 col-lg-6 form-group">
          <label htmlFor="ticket-filter-q" className="active">
            {t("list.filters.q")}
          </label>
          <input
            id="ticket-filter-q"
            name="q"
            type="search"
            className="form-control"
            defaultValue={filters.q ?? ""}
            aria-describedby="ticket-filter-q-hint"
          />
          <small id="ticket-filter-q-hint" className="form-text">
            {t("list.filters.qHint")}
          </small>
        </div>
        <div className="col-12 col-md-6 col-lg-3 form-group">
          <label htmlFor="ticket-filter-unit" className="active">
            {t("list.filters.unit")}
          </label>
          <input
            id="ticket-filter-unit"
            name="unit"
            type="text"
            className="form-control"
            autoComplete="off"
            defaultValue={filters.unit ?? ""}
          />
        </div>
        <FilterSelect
          id="ticket-filter-overdue"
          name="overdue"
          className="col-12 col-md-6 col-lg-3"
          label={t("list.filters.overdue")}
          value={filters.overdue}
          options={[
            { value: "true", label: t("list.filters.overdueOnly") },
            { value: "false", label: t("list.filters.inTime") },
          ]}
        />
        <FilterSelect
          id="ticket-filter-state"
          name="state"
          className="col-12 col-md-6 col-lg-3"
          label={t("list.filters.state")}
          value={filters.state}
          options={[
            { value: "active", label: t("list.filters.active") },
            { value: "finished", label: t("list.filters.finished") },
          ]}
        />
        <FilterSelect
          id="ticket-filter-status"
          name="status"
          className="col-12 col-md-6 col-lg-3"
          label={t("fields.status")}
          value={filters.status}
          options={labels.statusOptions}
        />
        <FilterSelect
          id="ticket-filter-urgency"
          name="urgency"
          className="col-12 col-md-6 col-lg-3"
          label={t("fields.urgency")}
          value={filters.urgency}
          options={labels.urgencyOptions}
        />
        <FilterSelect
          id="ticket-filter-category"
          name="category"
          className="col-12 col-md-6 col-lg-3"
          label={t("fields.category")}
          value={filters.category}
          options={labels.categoryOptions}
        />
      </div>
      <FilterActions
        className="mt-2"
        resetHref={
          hasTicketFilters(filters)
            ? ticketListHref({ sort: filters.sort, limit: filters.limit, page: 1 })
            : null
        }
      />
    </form>
  );
}

type Column = { field: SortField | null; label: string };

function SortHeader({ column, filters }: { column: Column; filters: TicketFilters }) {
  const { t } = useMaintenanceT();
  const { field } = column;
  if (field === null) return <th scope="col">{column.label}</th>;
  const active = filters.sort.replace(/^-/, "") === field;
  const descending = active && filters.sort.startsWith("-");
  const nextSort = active && !descending ? `-${field}` : field;
  return (
    <th scope="col" aria-sort={active ? (descending ? "descending" : "ascending") : undefined}>
      <button
        type="button"
        className="sort-button"
        onClick={() => navigate(ticketListHref({ ...filters, sort: nextSort, page: 1 }))}
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

function TicketRow({ ticket }: { ticket: Ticket }) {
  const labels = useMaintenanceLabels();
  return (
    <tr className={ticket.overdue ? "ticket-overdue" : undefined}>
      <th scope="row" className="text-nowrap">
        <Link to={ticketHref("staff", ticket.id)}>{ticket.reference}</Link>
      </th>
      <td>{ticket.title}</td>
      <td className="text-nowrap">{ticket.unit.code}</td>
      <td>{labels.category(ticket.category)}</td>
      <td>
        <UrgencyBadge urgency={ticket.urgency} />
      </td>
      <td>
        <TicketStatusBadge status={ticket.status} />
      </td>
      <td>
        <Deadline dueAt={ticket.dueAt} overdue={ticket.overdue} />
      </td>
      <td>{ticket.assignee || "—"}</td>
    </tr>
  );
}

/** Manutenzione: the tickets of the units the account sees; filters and order live in the address. */
export function TicketListPage() {
  const { t } = useMaintenanceT();
  const { search, href } = useLocation();
  const filters = ticketFiltersFromSearch(search);
  const page = useTickets("staff", filters);
  const canOpen = useCan("maintenance:open");
  const total = page.data?.total ?? 0;
  const last = Math.max(1, Math.ceil(total / filters.limit));
  const overdueHere = page.data?.items.filter((i) => i.overdue).length ?? 0;
  const columns: Column[] = [
    { field: "reference", label: t("fields.reference") },
    { field: null, label: t("fields.title") },
    { field: null, label: t("fields.unit") },
    { field: null, label: t("fields.category") },
    { field: "urgency", label: t("fields.urgency") },
    { field: "status", label: t("fields.status") },
    { field: "dueAt", label: t("fields.dueAt") },
    { field: null, label: t("fields.assignee") },
  ];
  return (
    <>
      <PageTitle title={t("list.title")} lead={t("list.lead")}>
        {canOpen ? (
          <Link to={NEW_TICKET_PATH} className="btn btn-primary">
            <Icon name="plus" size="sm" className="icon-white me-1" />
            {t("list.new")}
          </Link>
        ) : null}
      </PageTitle>
      <TicketFilterForm key={href} filters={filters} />
      <section aria-labelledby="ticket-results-title">
        <ResultsHeader
          titleId="ticket-results-title"
          title={t("list.results")}
          count={
            page.data
              ? `${t("list.count", { count: total, page: Math.min(filters.page, last), pages: last })}${
                  overdueHere > 0 ? ` ${t("list.overdueOnPage", { count: overdueHere })}` : ""
                }`
              : ""
          }
          countTestId="ticket-count"
          pageSizeId="ticket-page-size"
          limit={filters.limit}
          href={(limit) => ticketListHref({ ...filters, limit, page: 1 })}
        />
        <ListStatus
          query={page}
          count={page.data?.items.length}
          empty={<div className="alert alert-info">{t("list.empty")}</div>}
        />
        {page.data && page.data.items.length > 0 ? (
          <div className="table-responsive">
            <table className="table table-hover" aria-busy={page.isFetching}>
              <caption className="visually-hidden">{t("list.caption")}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <SortHeader key={c.label} column={c} filters={filters} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.data.items.map((ticket) => (
                  <TicketRow key={ticket.id} ticket={ticket} />
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
            href={(p) => ticketListHref({ ...filters, page: p })}
          />
        ) : null}
      </section>
    </>
  );
}
