// SPDX-License-Identifier: EUPL-1.2

/** Dati aperti: the public page of aggregates and the confiscated units in use, without login. */
export const OPEN_DATA_PAGE_PATH = "/dati-aperti";

/** The element id of a table's section on the page (`/dati-aperti#tabella-exits-by-destination`). */
export const tableAnchor = (name: string) => `tabella-${name}`;
export const CONFISCATED_ANCHOR = "beni-confiscati";
