// SPDX-License-Identifier: EUPL-1.2
import { ACTION_STATUSES, type ActionStatus } from "../../domain/governance/governance.ts";

/** Governance del programma: the bodies on their three levels, with their standing. */
export const GOVERNANCE_PATH = "/governance";
/** Azioni: every body's actions with their filters and the overdue ones per person. */
export const ACTIONS_PATH = "/governance/azioni";
/** One body (organo): `/governance/organi/:id`. */
export const BODY_PATTERN = "/governance/organi/:id";

export const bodyHref = (id: string) => `/governance/organi/${encodeURIComponent(id)}`;

/** The actions list's filters as kept in the address (`/governance/azioni?status=open&overdue=true`). */
export type ActionFilters = {
  bodyId?: string;
  status?: ActionStatus;
  overdue?: "true";
  owner?: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function actionFiltersFromSearch(search: URLSearchParams): ActionFilters {
  const bodyId = search.get("bodyId");
  const owner = search.get("owner")?.trim().slice(0, 200);
  return {
    bodyId: bodyId && UUID.test(bodyId) ? bodyId : undefined,
    status: ACTION_STATUSES.find((s) => s === search.get("status")),
    overdue: search.get("overdue") === "true" ? "true" : undefined,
    owner: owner === "" ? undefined : owner,
  };
}

export const hasActionFilters = (f: ActionFilters) =>
  f.bodyId !== undefined || f.status !== undefined || f.overdue !== undefined || f.owner !== undefined;

export const actionsHref = (f: ActionFilters) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) if (value !== undefined) search.set(key, value);
  return search.size > 0 ? `${ACTIONS_PATH}?${search}` : ACTIONS_PATH;
};

/** The element id of an action's row, which the overdue table points at. */
export const actionRowId = (id: string) => `azione-${id}`;
/** The element id of a meeting's card. */
export const meetingId = (id: string) => `riunione-${id}`;
