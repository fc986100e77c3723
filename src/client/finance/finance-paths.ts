// SPDX-License-Identifier: EUPL-1.2

/** Piano economico finanziario: the list of scenarios. */
export const PLAN_PATH = "/piano";

/** A scenario's results page. */
export const scenarioHref = (name: string) => `${PLAN_PATH}/${encodeURIComponent(name)}`;

/** A scenario's editor (a new version). */
export const scenarioEditHref = (name: string) => `${scenarioHref(name)}/modifica`;
