// SPDX-License-Identifier: EUPL-1.2
import {
  TIMELINE_AREAS,
  TIMELINE_LINES,
  TIMELINE_STANDINGS,
  type TimelineQuery,
} from "../../domain/timeline/timeline.ts";
import { API_BASE, queryString } from "../api.ts";

/** Cronoprogramma: the phases and milestones of both areas as a Gantt chart and a table. */
export const TIMELINE_PATH = "/cronoprogramma";

const pick = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

/** The filters kept in the address (`/cronoprogramma?area=A&line=A.1&standing=late`). */
export function filtersFromSearch(search: URLSearchParams): TimelineQuery {
  return {
    area: pick(TIMELINE_AREAS, search.get("area")),
    line: pick(TIMELINE_LINES, search.get("line")),
    standing: pick(TIMELINE_STANDINGS, search.get("standing")),
  };
}

/** The export of what the filters show, as a download link's address. */
export const exportHref = (filters: TimelineQuery, format: "csv" | "xlsx") =>
  `${API_BASE}/timeline/export.${format}${queryString(filters)}`;

/** The element id of an item's row in the table, which the chart's late items point at. */
export const rowIdOf = (id: string) => `elemento-${id}`;
