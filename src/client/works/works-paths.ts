// SPDX-License-Identifier: EUPL-1.2
import { WORKS_STATUSES, type WorksStatus } from "../../domain/works/works-api.schema.ts";

/** Lavori di ristrutturazione: the list and the report. */
export const WORKS_PATH = "/lavori";
export const NEW_WORKS_PATH = "/lavori/nuovo";
/** Registro delle imprese: the contractors and their white-list registration. */
export const CONTRACTORS_PATH = "/lavori/imprese";

export const worksHref = (idOrReference: string) => `${WORKS_PATH}/${encodeURIComponent(idOrReference)}`;

/** The list's status filter as kept in the address (`/lavori?status=in_progress`); unknown is none. */
export const statusFromSearch = (search: URLSearchParams): WorksStatus | undefined =>
  WORKS_STATUSES.find((s) => s === search.get("status"));
