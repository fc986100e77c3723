// SPDX-License-Identifier: EUPL-1.2

/** Proprietari privati: the line's figures, the owners contacted, a new owner. */
export const OWNERS_PATH = "/proprietari";
/** Garanzie: the guarantee schemes offered to owners, with their uptake. */
export const SCHEMES_PATH = "/proprietari/garanzie";
/** One owner: `/proprietari/:id`. */
export const OWNER_PATTERN = "/proprietari/:id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ownerHref = (id: string) => `${OWNERS_PATH}/${encodeURIComponent(id)}`;

/**
 * Which owners' page an address names: the list, the schemes, one owner (by its id), or none. The
 * schemes' address is not an owner's; anything else under the list that is not an id is no page.
 */
export type OwnersRoute = { page: "list" } | { page: "schemes" } | { page: "owner"; id: string };

export function ownersRouteOf(pathname: string): OwnersRoute | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === OWNERS_PATH) return { page: "list" };
  if (path === SCHEMES_PATH) return { page: "schemes" };
  const prefix = `${OWNERS_PATH}/`;
  if (!path.startsWith(prefix)) return null;
  const id = decodeURIComponent(path.slice(prefix.length));
  return UUID.test(id) ? { page: "owner", id } : null;
}

/** A unit's page, by its code (the unit an accepted home became). */
export const unitHref = (code: string) => `/alloggi/${encodeURIComponent(code)}`;

/** The element id of an offered home's card, and of a form of it. */
export const offerId = (id: string) => `offerta-${id}`;
