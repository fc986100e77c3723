// SPDX-License-Identifier: EUPL-1.2
import {
  TICKET_CATEGORIES,
  TICKET_SORT_FIELDS,
  TICKET_STATUSES,
  TICKET_URGENCIES,
  type TicketCategory,
  type TicketStatus,
  type TicketUrgency,
} from "../../domain/maintenance/ticket.schema.ts";
import { queryString } from "../api.ts";
import { PAGE_SIZES } from "../components/pagination.tsx";

export const MAINTENANCE_PATH = "/manutenzione";
export const NEW_TICKET_PATH = "/manutenzione/nuova";
/** A page hosting the move-in checklist of one tenancy, until the tenancy page shows it. */
export const MOVE_IN_PATH = "/manutenzione/consegna";
export const PORTAL_TICKETS_PATH = "/portale/segnalazioni";
export const PORTAL_NEW_TICKET_PATH = "/portale/segnalazioni/nuova";

/** Staff work on tickets at `/manutenzione`; a tenant follows theirs on the portal. */
export type TicketMode = "staff" | "portal";

export const ticketHref = (mode: TicketMode, idOrReference: string) =>
  `${mode === "staff" ? MAINTENANCE_PATH : PORTAL_TICKETS_PATH}/${encodeURIComponent(idOrReference)}`;
export const moveInHref = (tenancyId: string) => `${MOVE_IN_PATH}/${encodeURIComponent(tenancyId)}`;

/** The API base of a mode's tickets. */
export const ticketsApi = (mode: TicketMode) =>
  mode === "staff" ? "/maintenance/tickets" : "/portal/tickets";

export type SortField = (typeof TICKET_SORT_FIELDS)[number];

/** The ticket list's filters, sort and page as kept in the address (`/manutenzione?overdue=true`). */
export type TicketFilters = {
  status?: TicketStatus;
  state?: "active" | "finished";
  urgency?: TicketUrgency;
  category?: TicketCategory;
  overdue?: "true" | "false";
  unit?: string;
  q?: string;
  sort: string;
  page: number;
  limit: number;
};

const DEFAULT_SORT = "dueAt";

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | undefined =>
  values.find((v) => v === raw);

const text = (raw: string | null, max: number): string | undefined => {
  const value = raw?.trim() ?? "";
  return value === "" ? undefined : value.slice(0, max);
};

function wholeNumber(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

function sortOf(raw: string | null): string {
  const field = raw?.replace(/^-/, "") ?? "";
  return raw !== null && TICKET_SORT_FIELDS.some((f) => f === field) ? raw : DEFAULT_SORT;
}

/** Read the filters from a query string, dropping any value the API would refuse. */
export function ticketFiltersFromSearch(search: URLSearchParams): TicketFilters {
  return {
    status: oneOf(TICKET_STATUSES, search.get("status")),
    state: oneOf(["active", "finished"] as const, search.get("state")),
    urgency: oneOf(TICKET_URGENCIES, search.get("urgency")),
    category: oneOf(TICKET_CATEGORIES, search.get("category")),
    overdue: oneOf(["true", "false"] as const, search.get("overdue")),
    unit: text(search.get("unit"), 100),
    q: text(search.get("q"), 100),
    sort: sortOf(search.get("sort")),
    page: wholeNumber(search.get("page"), 1, 100_000) ?? 1,
    limit: PAGE_SIZES.find((s) => String(s) === search.get("limit")) ?? PAGE_SIZES[0],
  };
}

export const ticketFilterParams = (f: TicketFilters) => ({
  status: f.status,
  state: f.state,
  urgency: f.urgency,
  category: f.category,
  overdue: f.overdue,
  unit: f.unit,
  q: f.q,
});

export const hasTicketFilters = (f: TicketFilters) =>
  Object.values(ticketFilterParams(f)).some((v) => v !== undefined);

/** The list's address for these filters; defaults are left out. */
export function ticketListHref(f: TicketFilters, base = MAINTENANCE_PATH): string {
  return `${base}${queryString({
    ...ticketFilterParams(f),
    sort: f.sort === DEFAULT_SORT ? undefined : f.sort,
    limit: f.limit === PAGE_SIZES[0] ? undefined : f.limit,
    page: f.page === 1 ? undefined : f.page,
  })}`;
}

/** The API query of a page of the list. */
export function ticketApiQuery(f: TicketFilters): string {
  return queryString({
    ...ticketFilterParams(f),
    sort: f.sort,
    limit: f.limit,
    offset: (f.page - 1) * f.limit,
  });
}
