// SPDX-License-Identifier: EUPL-1.2
import type { Permission } from "../../domain/auth/roles.ts";
import { OFFER_STATUSES, type OfferStatus } from "../../domain/offers/offer.schema.ts";
import { queryString } from "../api.ts";
import { PAGE_SIZES } from "../components/pagination.tsx";

export const ALLOCATION_PATH = "/assegnazione";
export const RULES_PATH = "/assegnazione/regole";
export const RUNS_PATH = "/assegnazione/esecuzioni";
export const OFFERS_PATH = "/assegnazione/proposte";
export const HOLDS_PATH = "/assegnazione/riserve";
export const EQUITY_PATH = "/assegnazione/equita";
export const MIX_PATH = "/assegnazione/mix";

/** Who may read offers: those who answer them and those who make them. */
export const OFFER_READERS: readonly Permission[] = ["offers:answer", "allocation:run"];

/** Who may read the mix of categories (everyone who reads the stock); proposing and confirming need `allocation:rules`. */
export const MIX_READERS: readonly Permission[] = ["stock:read"];

/** The pages of the allocation hub, in the order it lists them, each with who may open it. */
export const ALLOCATION_PAGES = [
  { key: "rules", path: RULES_PATH, permissions: ["allocation:rules"] },
  { key: "runs", path: RUNS_PATH, permissions: ["allocation:run"] },
  { key: "offers", path: OFFERS_PATH, permissions: OFFER_READERS },
  { key: "holds", path: HOLDS_PATH, permissions: ["allocation:run"] },
  { key: "equity", path: EQUITY_PATH, permissions: ["allocation:run"] },
  { key: "mix", path: MIX_PATH, permissions: MIX_READERS },
] as const satisfies readonly { key: string; path: string; permissions: readonly Permission[] }[];

/** Whoever may open at least one page of the hub may open the hub. */
export const HUB_READERS: readonly Permission[] = [
  ...new Set(ALLOCATION_PAGES.flatMap((p) => p.permissions)),
];

/**
 * Who sees "Assegnazione" in the main menu: those who work on allocation. Those who only read the stock
 * (auditors, the steering board, social workers) may open the hub and its mix page by their address,
 * but their menus stay as short as their work.
 */
export const HUB_MENU_PERMISSIONS: readonly Permission[] = [
  "allocation:rules",
  "allocation:run",
  "offers:answer",
];

export const mayOpen = (permissions: readonly Permission[], granted: readonly Permission[]) =>
  permissions.some((p) => granted.includes(p));

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

/** The hold list: those in force (default) or all of them (`?tutte=1`). */
export const holdsHref = (all: boolean) => `${HOLDS_PATH}${all ? "?tutte=1" : ""}`;

/** The offer list's filter and page (`/assegnazione/proposte?status=pending`). */
export type OfferFilters = ListPage & { status?: OfferStatus };

export const offerFiltersFromSearch = (search: URLSearchParams): OfferFilters => ({
  status: OFFER_STATUSES.find((s) => s === search.get("status")),
  ...listPageFromSearch(search),
});

export const offerListHref = (f: OfferFilters) =>
  `${OFFERS_PATH}${queryString({ status: f.status, ...pageQuery(f) })}`;
