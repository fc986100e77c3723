// SPDX-License-Identifier: EUPL-1.2
import type { Permission } from "../../domain/auth/roles.ts";
import { OFFER_STATUSES, type OfferStatus } from "../../domain/offers/offer.schema.ts";
import { queryString } from "../api.ts";
import { PAGE_SIZES } from "../components/pagination.tsx";

export const RULES_PATH = "/assegnazione/regole";
export const RUNS_PATH = "/assegnazione/esecuzioni";
export const OFFERS_PATH = "/assegnazione/proposte";

/** Who may read offers: those who answer them and those who make them. */
export const OFFER_READERS: readonly Permission[] = ["offers:answer", "allocation:run"];

export const runHref = (id: string) => `${RUNS_PATH}/${encodeURIComponent(id)}`;
export const offerHref = (id: string) => `${OFFERS_PATH}/${encodeURIComponent(id)}`;

function wholeNumber(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

const pageSize = (raw: string | null) => PAGE_SIZES.find((s) => String(s) === raw) ?? PAGE_SIZES[0];

/** A page of a list, as kept in the address bar (`?page=2&limit=50`). */
export type ListPage = { page: number; limit: number };

export const listPageFromSearch = (search: URLSearchParams): ListPage => ({
  page: wholeNumber(search.get("page"), 1, 100_000) ?? 1,
  limit: pageSize(search.get("limit")),
});

const pageQuery = (p: ListPage) => ({
  limit: p.limit === PAGE_SIZES[0] ? undefined : p.limit,
  page: p.page === 1 ? undefined : p.page,
});

export const runListHref = (p: ListPage) => `${RUNS_PATH}${queryString(pageQuery(p))}`;

/** The offer list's filter and page (`/assegnazione/proposte?status=pending`). */
export type OfferFilters = ListPage & { status?: OfferStatus };

export const offerFiltersFromSearch = (search: URLSearchParams): OfferFilters => ({
  status: OFFER_STATUSES.find((s) => s === search.get("status")),
  ...listPageFromSearch(search),
});

export const offerListHref = (f: OfferFilters) =>
  `${OFFERS_PATH}${queryString({ status: f.status, ...pageQuery(f) })}`;
