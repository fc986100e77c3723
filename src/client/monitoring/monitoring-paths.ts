// SPDX-License-Identifier: EUPL-1.2
import type { Permission } from "../../domain/auth/roles.ts";
import { DIMENSIONS, type Dimension, type RecordKind } from "../../domain/monitoring/catalogue.ts";
import {
  type Granularity,
  parsePeriodKey,
  periodKeyOf,
  periodsEndingAt,
} from "../../domain/monitoring/periods.ts";
import { API_BASE, queryString } from "../api.ts";
import { tenancyHref } from "../tenancies/tenancies-paths.ts";
import { worksHref } from "../works/works-paths.ts";

/** Monitoraggio: every indicator of a period against its target (the Cabina di Regia's view). */
export const MONITORING_PATH = "/monitoraggio";
/** One indicator: its definition, its series, its disaggregations and the records behind them. */
export const INDICATOR_PATTERN = `${MONITORING_PATH}/indicatori/:code`;

/** The dashboard of a period; the current quarter when none is named. */
export const dashboardHref = (period?: string) => `${MONITORING_PATH}${queryString({ periodo: period })}`;

export const indicatorHref = (code: string, period?: string, dimension?: Dimension) =>
  `${MONITORING_PATH}/indicatori/${encodeURIComponent(code)}${queryString({ periodo: period, disaggregazione: dimension })}`;

/** The period the address names (`?periodo=2026-Q3`); undefined when none or not a period. */
export const periodOfSearch = (search: URLSearchParams): string | undefined =>
  parsePeriodKey(search.get("periodo") ?? "")?.key;

export const dimensionOfSearch = (search: URLSearchParams): Dimension | undefined =>
  DIMENSIONS.find((d) => d === search.get("disaggregazione"));

/** The report of a period as a file, for the reader's scope or one partner's. */
export const reportHref = (period: string, format: "pdf" | "xlsx", partner?: string) =>
  `${API_BASE}/monitoring/reports/${encodeURIComponent(period)}.${format}${queryString({ partner })}`;

/** The permission that reads each kind of record a drill-down lists (as the API checks it). */
export const RECORD_PERMISSION: Record<RecordKind, Permission> = {
  household: "households:read",
  unit: "units:read",
  tenancy: "tenancies:read",
  works: "works:read",
};

/** The page of a record behind a number. */
export function recordHref(kind: RecordKind, id: string): string {
  switch (kind) {
    case "household":
      return `/nuclei/${encodeURIComponent(id)}`;
    case "unit":
      return `/alloggi/${encodeURIComponent(id)}`;
    case "tenancy":
      return tenancyHref(id);
    case "works":
      return worksHref(id);
  }
}

/** The convention's first year (programme_settings.convention_start): no period before it is offered. */
const FIRST_YEAR = 2026;
const COUNT: Record<Granularity, (year: number, today: string) => number> = {
  year: (year, today) => Number(today.slice(0, 4)) - year + 1,
  quarter: (year, today) => (Number(today.slice(0, 4)) - year) * 4 + Math.ceil(Number(today.slice(5, 7)) / 3),
  month: (year, today) => (Number(today.slice(0, 4)) - year) * 12 + Number(today.slice(5, 7)),
};

/** The periods of a granularity to choose from, newest first: from the convention's start to today's. */
export function periodChoices(granularity: Granularity, today: string): string[] {
  const count = Math.max(1, COUNT[granularity](FIRST_YEAR, today));
  return periodsEndingAt(granularity, today, count)
    .map((p) => p.key)
    .reverse();
}

/** The period of another granularity that holds the first day of `key` (the picker's switch). */
export function periodAtStart(key: string, granularity: Granularity): string {
  const period = parsePeriodKey(key);
  return period ? periodKeyOf(granularity, period.from) : key;
}
