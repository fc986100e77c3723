// SPDX-License-Identifier: EUPL-1.2

/** The tenant's portal: "La mia casa" and its pages (the tickets' pages belong to the maintenance area). */
export const PORTAL_PATH = "/portale";
export const PORTAL_CONTRACT_PATH = "/portale/contratto";
export const PORTAL_PAYMENTS_PATH = "/portale/pagamenti";
export const PORTAL_INFORMATION_PATH = "/portale/informazioni";

/** The manager's side: the notices, contacts and house rules their tenants read in the portal. */
export const NOTICES_PATH = "/comunicazioni";
