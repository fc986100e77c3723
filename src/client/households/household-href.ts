// SPDX-License-Identifier: EUPL-1.2

/** The tabs of a household's record, as the address names them (`/nuclei/:id?sezione=progetto`). */
export const RECORD_TABS = [
  "anagrafica",
  "cronologia",
  "progetto",
  "interventi",
  "documenti",
  "consensi",
  "uscita",
] as const;
export type RecordTab = (typeof RECORD_TABS)[number];

/** The address of a household's record, open on one of its tabs. */
export const householdHref = (id: string, tab: RecordTab = "anagrafica") =>
  tab === "anagrafica" ? `/nuclei/${id}` : `/nuclei/${id}?sezione=${tab}`;

/** The address of the household's support-plan editor. */
export const planEditorHref = (id: string) => `/nuclei/${id}/progetto`;
