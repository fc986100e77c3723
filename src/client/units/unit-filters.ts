// SPDX-License-Identifier: EUPL-1.2
import {
  UNIT_CATEGORIES,
  UNIT_ORIGINS,
  UNIT_SORT_FIELDS,
  UNIT_STATUSES,
  type UnitCategory,
  type UnitOrigin,
  type UnitStatus,
} from "../../domain/units/unit.schema.ts";
import { queryString } from "../api.ts";
import { PAGE_SIZES } from "../components/pagination.tsx";

export type SortField = (typeof UNIT_SORT_FIELDS)[number];

/** The unit list's filters, sort and page, as kept in the address bar (`/alloggi?category=…`). */
export type UnitFilters = {
  status?: UnitStatus;
  category?: UnitCategory;
  origin?: UnitOrigin;
  town?: string;
  municipio?: number;
  partner?: string;
  accessible?: "true" | "false";
  q?: string;
  /** A sort field, with `-` in front for descending. */
  sort: string;
  page: number;
  limit: number;
};

const DEFAULT_SORT = "code";

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
  return UNIT_SORT_FIELDS.some((f) => f === field) && raw !== null ? raw : DEFAULT_SORT;
}

/** Read the filters from a query string, dropping any value the API would refuse. */
export function filtersFromSearch(search: URLSearchParams): UnitFilters {
  return {
    status: oneOf(UNIT_STATUSES, search.get("status")),
    category: oneOf(UNIT_CATEGORIES, search.get("category")),
    origin: oneOf(UNIT_ORIGINS, search.get("origin")),
    town: text(search.get("town"), 80),
    municipio: wholeNumber(search.get("municipio"), 1, 9),
    partner: text(search.get("partner"), 40),
    accessible: oneOf(["true", "false"] as const, search.get("accessible")),
    q: text(search.get("q"), 100),
    sort: sortOf(search.get("sort")),
    page: wholeNumber(search.get("page"), 1, 100_000) ?? 1,
    limit: PAGE_SIZES.find((s) => String(s) === search.get("limit")) ?? PAGE_SIZES[0],
  };
}

/** The filters alone (no sort, no page), for the export link and the "active filters" check. */
export function filterParams(f: UnitFilters) {
  return {
    status: f.status,
    category: f.category,
    origin: f.origin,
    town: f.town,
    municipio: f.municipio,
    partner: f.partner,
    accessible: f.accessible,
    q: f.q,
  };
}

export const hasFilters = (f: UnitFilters) => Object.values(filterParams(f)).some((v) => v !== undefined);

/** The list address for these filters; defaults are left out so the address stays short. */
export function listHref(f: UnitFilters): string {
  return `/alloggi${queryString({
    ...filterParams(f),
    sort: f.sort === DEFAULT_SORT ? undefined : f.sort,
    limit: f.limit === PAGE_SIZES[0] ? undefined : f.limit,
    page: f.page === 1 ? undefined : f.page,
  })}`;
}

/** The export address: the same filters and order as the list, all pages. */
export function exportHref(f: UnitFilters, format: "csv" | "xlsx"): string {
  return `/api/v1/units/export${queryString({ format, ...filterParams(f), sort: f.sort })}`;
}
