// SPDX-License-Identifier: EUPL-1.2
import type { Permission } from "../../domain/auth/roles.ts";
import { TENANCY_STATUSES, type TenancyStatus } from "../../domain/tenancies/tenancy.schema.ts";
import { queryString } from "../api.ts";
import { PAGE_SIZES } from "../components/pagination.tsx";

/** Contratti: the tenancies list; a tenancy's page is below it. */
export const TENANCIES_PATH = "/contratti";
/** Canoni: the month's charges, the closed months and the pagoPA export. */
export const RENT_ROLL_PATH = "/canoni";
/** Who opens the rent roll: whoever charges the months, and the Comune, who closes them. */
export const RENT_ROLL_PERMISSIONS: readonly Permission[] = ["ledger:write", "ledger:close"];
/** Estratti conto: bank statement import and the queue of unmatched lines. */
export const STATEMENTS_PATH = "/canoni/estratti";

/** The tabs of a tenancy's page, as the address names them (`?sezione=`). */
export const TENANCY_TABS = [
  "contratto",
  "estratto-conto",
  "ricertificazione",
  "documenti",
  "consegna",
] as const;
export type TenancyTab = (typeof TENANCY_TABS)[number];

export const tenancyHref = (id: string, tab: TenancyTab = "contratto") =>
  `${TENANCIES_PATH}/${encodeURIComponent(id)}${tab === "contratto" ? "" : `?sezione=${tab}`}`;

export const tabOfSearch = (search: URLSearchParams): TenancyTab =>
  TENANCY_TABS.find((k) => k === search.get("sezione")) ?? "contratto";

/** The tenancies list's filters and page, as kept in the address bar (`/contratti?stato=active`). */
export type TenancyFilters = { status?: TenancyStatus; q?: string; page: number; limit: number };

function wholeNumber(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

/** Read the filters from a query string, dropping any value the API would refuse. */
export function tenancyFiltersOf(search: URLSearchParams): TenancyFilters {
  const q = search.get("q")?.trim() ?? "";
  return {
    status: TENANCY_STATUSES.find((s) => s === search.get("stato")),
    q: q === "" ? undefined : q.slice(0, 100),
    page: wholeNumber(search.get("page"), 1, 100_000) ?? 1,
    limit: PAGE_SIZES.find((s) => String(s) === search.get("limit")) ?? PAGE_SIZES[0],
  };
}

export const hasTenancyFilters = (f: TenancyFilters) => f.status !== undefined || f.q !== undefined;

/** The list address for these filters; defaults are left out so the address stays short. */
export function tenancyListHref(f: TenancyFilters): string {
  return `${TENANCIES_PATH}${queryString({
    stato: f.status,
    q: f.q,
    limit: f.limit === PAGE_SIZES[0] ? undefined : f.limit,
    page: f.page === 1 ? undefined : f.page,
  })}`;
}

/** The page of the statements queue, as kept in the address bar. */
export function queuePageOf(search: URLSearchParams): { page: number; limit: number } {
  return {
    page: wholeNumber(search.get("page"), 1, 100_000) ?? 1,
    limit: PAGE_SIZES.find((s) => String(s) === search.get("limit")) ?? PAGE_SIZES[0],
  };
}

export function queueHref(p: { page: number; limit: number }): string {
  return `${STATEMENTS_PATH}${queryString({
    limit: p.limit === PAGE_SIZES[0] ? undefined : p.limit,
    page: p.page === 1 ? undefined : p.page,
  })}`;
}
