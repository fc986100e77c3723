// SPDX-License-Identifier: EUPL-1.2

/** Morosità: the arrears list, its figures and co-payments. */
export const ARREARS_PATH = "/morosita";
/** The arrears policy in force (its stages, plan limits and fund rules) and, for the Comune, its editor. */
export const ARREARS_POLICY_PATH = "/morosita/politica";
/** Attività: the caller's open tasks. */
export const TASKS_PATH = "/attivita";

/** A case's page; `opened` when it was just opened from the list. */
export const arrearsCaseHref = (id: string, opened = false) =>
  `${ARREARS_PATH}/${encodeURIComponent(id)}${opened ? "?aperta=1" : ""}`;
