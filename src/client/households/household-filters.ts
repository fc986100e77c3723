// SPDX-License-Identifier: EUPL-1.2

import { TARGET_GROUPS, type TargetGroup } from "../../domain/households/household.schema.ts";
import { REFERRAL_STATUSES, type ReferralStatus } from "../../domain/households/household-api.schema.ts";
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from "../../domain/households/household-status.ts";
import { queryString } from "../api.ts";
import { PAGE_SIZES } from "../components/pagination.tsx";

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

const pageSize = (raw: string | null) => PAGE_SIZES.find((s) => String(s) === raw) ?? PAGE_SIZES[0];

/** The caseload's filters and page, as kept in the address bar (`/nuclei?status=referred`). */
export type HouseholdFilters = {
  status?: HouseholdStatus;
  targetGroup?: TargetGroup;
  q?: string;
  page: number;
  limit: number;
};

export function householdFiltersFromSearch(search: URLSearchParams): HouseholdFilters {
  return {
    status: oneOf(HOUSEHOLD_STATUSES, search.get("status")),
    targetGroup: oneOf(TARGET_GROUPS, search.get("targetGroup")),
    q: text(search.get("q"), 100),
    page: wholeNumber(search.get("page"), 1, 100_000) ?? 1,
    limit: pageSize(search.get("limit")),
  };
}

export const hasHouseholdFilters = (f: HouseholdFilters) =>
  f.status !== undefined || f.targetGroup !== undefined || f.q !== undefined;

/** The list address for these filters; defaults are left out so the address stays short. */
export function householdListHref(f: HouseholdFilters): string {
  return `/nuclei${queryString({
    status: f.status,
    targetGroup: f.targetGroup,
    q: f.q,
    limit: f.limit === PAGE_SIZES[0] ? undefined : f.limit,
    page: f.page === 1 ? undefined : f.page,
  })}`;
}

/** The referral list's filters (all referrals, below the pending ones), as kept in the address bar. */
export type ReferralFilters = {
  status?: ReferralStatus;
  overdue?: "true";
  page: number;
  limit: number;
};

export function referralFiltersFromSearch(search: URLSearchParams): ReferralFilters {
  return {
    status: oneOf(REFERRAL_STATUSES, search.get("status")),
    overdue: oneOf(["true"] as const, search.get("overdue")),
    page: wholeNumber(search.get("page"), 1, 100_000) ?? 1,
    limit: pageSize(search.get("limit")),
  };
}

export const hasReferralFilters = (f: ReferralFilters) => f.status !== undefined || f.overdue !== undefined;

export function referralListHref(f: ReferralFilters): string {
  return `/invii${queryString({
    status: f.status,
    overdue: f.overdue,
    limit: f.limit === PAGE_SIZES[0] ? undefined : f.limit,
    page: f.page === 1 ? undefined : f.page,
  })}`;
}
