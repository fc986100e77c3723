// SPDX-License-Identifier: EUPL-1.2
import type { Ticket } from "../../domain/maintenance/ticket.schema.ts";
import { Icon } from "../components/icon.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useFormat } from "../format.ts";
import { Link, useLocation } from "../router.tsx";
import { useTickets } from "./maintenance-api.ts";
import { useMaintenanceLabels, useMaintenanceT } from "./maintenance-i18n.ts";
import {
  PORTAL_NEW_TICKET_PATH,
  PORTAL_TICKETS_PATH,
  ticketFiltersFromSearch,
  ticketHref,
  ticketListHref,
} from "./maintenance-paths.ts";
import { Deadline, TicketStatusBadge } from "./ticket-badges.tsx";

function TicketCard({ ticket }: { ticket: Ticket }) {
  const { t } = useMaintenanceT();
  const labels = useMaintenanceLabels();
  const format = useFormat();
  const finished =
    ticket.status === "completed" || ticket.status === "closed" || ticket.status === "declined";
  return (
    <li className={`card shadow-sm mb-3 ticket-card${ticket.overdue ? " ticket-overdue" : ""}`}>
      <div className="card-body">
        <h3 className="h5 mb-2">
          <Link to={ticketHref("portal", ticket.id)}>{ticket.title}</Link>
        </h3>
        <p className="mb-2">
          <TicketStatusBadge status={ticket.status} />
        </p>
        {ticket.statusReason ? <p className="mb-2 small">{ticket.statusReason}</p> : null}
        <dl className="facts mb-0 small">
          <div className="facts-row">
            <dt>{t("fields.reference")}</dt>
            <dd className="font-monospace">{ticket.reference}</dd>
          </div>
          <div className="facts-row">
            <dt>{t("fields.category")}</dt>
            <dd>{labels.category(ticket.category)}</dd>
          </div>
          <div className="facts-row">
            <dt>{t("portal.sentOn")}</dt>
            <dd>{format.dateTime(ticket.createdAt)}</dd>
          </div>
          {finished ? null : (
            <div className="facts-row">
              <dt>{t("portal.expectedBy")}</dt>
              <dd>
                <Deadline dueAt={ticket.dueAt} overdue={ticket.overdue} />
              </dd>
            </div>
          )}
        </dl>
      </div>
    </li>
  );
}

/** Le mie segnalazioni: the tenant's tickets and where each stands, made for a phone first. */
export function PortalTicketListPage() {
  const { t } = useMaintenanceT();
  const { search } = useLocation();
  const filters = ticketFiltersFromSearch(search);
  const page = useTickets("portal", { ...filters, sort: "-createdAt" });
  const total = page.data?.total ?? 0;
  return (
    <div className="portal-page">
      <PageTitle title={t("portal.title")} lead={t("portal.lead")}>
        <Link to={PORTAL_NEW_TICKET_PATH} className="btn btn-primary btn-full-sm">
          <Icon name="plus" size="sm" className="icon-white me-1" />
          {t("portal.new")}
        </Link>
      </PageTitle>
      <section aria-labelledby="portal-tickets-title">
        <h2 id="portal-tickets-title" className="h4">
          {t("portal.listTitle")}
        </h2>
        <p role="status">{page.data ? t("portal.count", { count: total }) : ""}</p>
        <ListStatus
          query={page}
          count={page.data?.items.length}
          empty={<div className="alert alert-info">{t("portal.empty")}</div>}
        />
        {page.data && page.data.items.length > 0 ? (
          <ul className="list-unstyled" aria-busy={page.isFetching}>
            {page.data.items.map((ticket) => (
              <TicketCard key={ticket.id} ticket={ticket} />
            ))}
          </ul>
        ) : null}
        {page.data ? (
          <Pagination
            page={filters.page}
            limit={filters.limit}
            total={total}
            href={(p) => ticketListHref({ ...filters, page: p }, PORTAL_TICKETS_PATH)}
          />
        ) : null}
      </section>
    </div>
  );
}
